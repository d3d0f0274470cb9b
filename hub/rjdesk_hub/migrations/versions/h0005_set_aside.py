"""set aside: stored records that fail the current record schema (``rjdesk-hub check``)

Revision ID: h0005
Revises: h0004
Created: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0005"
down_revision = "h0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hub_set_aside",
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("set_aside_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("row_id", name=op.f("pk_hub_set_aside")),
    )


def downgrade() -> None:
    op.drop_table("hub_set_aside")
