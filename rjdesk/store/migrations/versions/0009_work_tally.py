"""work tally: what cases that have left this laptop still count on "My work"

Revision ID: 0009
Revises: 0008
Created: 2026-12-08

Counts only, by financial-year quarter, figure and category (issue 16): no ids, no names, no
references. Written when a case leaves the laptop, read by the "My work" page.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "work_tally",
        sa.Column("quarter", sa.String(length=9), nullable=False),
        sa.Column("figure", sa.String(length=20), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("quarter", "figure", "category", name=op.f("pk_work_tally")),
    )


def downgrade() -> None:
    op.drop_table("work_tally")
