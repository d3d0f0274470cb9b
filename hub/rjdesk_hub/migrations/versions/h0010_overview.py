"""overview: the case index's plain dates due (Victims' Code, agreed actions, reviews)

Revision ID: h0010_overview
Revises: h0009_case_index
Created: 2026-12-15

Filled by ``rjdesk-hub reindex`` (and kept at every merge from then on): an upgraded hub's
overview counts nothing due until it is run.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0010_overview"
down_revision = "h0009_case_index"
branch_labels = None
depends_on = None

_DATES = ("victims_code_due_on", "action_due_on", "review_due_on")


def upgrade() -> None:
    op.create_table(
        "hub_case_index_dates",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        *(sa.Column(name, sa.Date(), nullable=True) for name in _DATES),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_hub_case_index_dates")),
    )
    for name in _DATES:
        op.create_index(
            op.f(f"ix_hub_case_index_dates_{name}"), "hub_case_index_dates", [name], unique=False
        )


def downgrade() -> None:
    op.drop_table("hub_case_index_dates")
