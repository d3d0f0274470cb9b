"""set aside: records from the hub this laptop could not apply, kept with their reason

Revision ID: 0006
Revises: 0005
Created: 2026-12-07

A hub bundle's record that fails the record schema, or that the case file refuses (a foreign key
or unique constraint), is kept in ``sync_set_aside`` instead of refusing the whole update.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_set_aside",
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("case_reference", sa.String(length=32), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("record", sa.JSON(), nullable=False),
        sa.Column("hub_sequence", sa.Integer(), nullable=False),
        sa.Column("set_aside_at", sa.DateTime(), nullable=False),
        sa.Column("reported_in", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("row_id", name=op.f("pk_sync_set_aside")),
    )
    op.create_index(op.f("ix_sync_set_aside_case_id"), "sync_set_aside", ["case_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_sync_set_aside_case_id"), table_name="sync_set_aside")
    op.drop_table("sync_set_aside")
