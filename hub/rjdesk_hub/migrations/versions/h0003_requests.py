"""request ids seen (replays refused) and bytes uploaded per device per day (the daily quota)

Revision ID: h0003
Revises: h0002
Created: 2026-12-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0003"
down_revision = "h0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hub_request_seen",
        sa.Column("device_id", sa.String(length=128), nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=False),
        sa.Column("until", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "request_id", name=op.f("pk_hub_request_seen")),
    )
    with op.batch_alter_table("hub_request_seen", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hub_request_seen_until"), ["until"], unique=False)

    op.create_table(
        "hub_upload_day",
        sa.Column("device_id", sa.String(length=128), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("size", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.PrimaryKeyConstraint("device_id", "day", name=op.f("pk_hub_upload_day")),
    )


def downgrade() -> None:
    op.drop_table("hub_upload_day")
    with op.batch_alter_table("hub_request_seen", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hub_request_seen_until"))
    op.drop_table("hub_request_seen")
