"""authority over cases: who held each case when, cases withdrawn from laptops, and restores

Revision ID: h0002
Revises: h0001
Created: 2026-12-07

Three new tables; nothing else changes. A table already there (a database ``create_all`` made
before migrations, stamped h0001) is left as it is.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0002"
down_revision = "h0001"
branch_labels = None
depends_on = None

_BIG = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def _missing(name: str) -> bool:
    return not sa.inspect(op.get_bind()).has_table(name)


def upgrade() -> None:
    if _missing("hub_holder_change"):
        op.create_table(
            "hub_holder_change",
            sa.Column("id", _BIG, autoincrement=True, nullable=False),
            sa.Column("case_id", sa.String(length=36), nullable=False),
            sa.Column("facilitator_id", sa.String(length=36), nullable=False),
            sa.Column("action", sa.String(length=20), nullable=False),
            sa.Column("at", sa.DateTime(), nullable=False),
            sa.Column("by", sa.String(length=128), nullable=False),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_holder_change")),
        )
        with op.batch_alter_table("hub_holder_change", schema=None) as batch_op:
            batch_op.create_index(
                batch_op.f("ix_hub_holder_change_case_id"), ["case_id"], unique=False
            )
            batch_op.create_index(
                batch_op.f("ix_hub_holder_change_facilitator_id"), ["facilitator_id"], unique=False
            )
    if _missing("hub_withdrawal"):
        op.create_table(
            "hub_withdrawal",
            sa.Column("id", _BIG, autoincrement=True, nullable=False),
            sa.Column("device_id", sa.String(length=128), nullable=False),
            sa.Column("case_id", sa.String(length=36), nullable=False),
            sa.Column("queued_at", sa.DateTime(), nullable=False),
            sa.Column("issued", _BIG, nullable=True),
            sa.ForeignKeyConstraint(
                ["device_id"],
                ["hub_device.id"],
                name=op.f("fk_hub_withdrawal_device_id_hub_device"),
            ),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_withdrawal")),
        )
        with op.batch_alter_table("hub_withdrawal", schema=None) as batch_op:
            batch_op.create_index(
                batch_op.f("ix_hub_withdrawal_device_id"), ["device_id"], unique=False
            )
    if _missing("hub_restore"):
        op.create_table(
            "hub_restore",
            sa.Column("id", _BIG, autoincrement=True, nullable=False),
            sa.Column("recorded_at", sa.DateTime(), nullable=False),
            sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_restore")),
        )


def downgrade() -> None:
    op.drop_table("hub_restore")
    op.drop_table("hub_withdrawal")
    op.drop_table("hub_holder_change")
