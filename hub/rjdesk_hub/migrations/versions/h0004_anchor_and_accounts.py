"""facilitators are accounts (a name may repeat); each device's last accepted audit head

Revision ID: h0004
Revises: h0003
Created: 2026-12-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0004"
down_revision = "h0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("hub_facilitator", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_hub_facilitator_name"), type_="unique")
        batch_op.create_index(batch_op.f("ix_hub_facilitator_name"), ["name"], unique=False)
    with op.batch_alter_table("hub_device", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "audit_count", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=True
            )
        )
        batch_op.add_column(sa.Column("audit_hash", sa.String(length=64), nullable=True))


def downgrade() -> None:
    raise NotImplementedError("the hub is never downgraded; restore its database backup")
