"""laptops: when each laptop last reached the hub, retired laptops, and the breach log

Revision ID: h0012_laptops
Revises: h0011_enrol_codes
Created: 2026-12-15

Tables of ``rjdesk_hub.console.laptop_models``. An upgraded hub knows a laptop's last request
only from its next one (its last bundle's time is known already).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0012_laptops"
down_revision = "h0011_enrol_codes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hub_device_seen",
        sa.Column("device_id", sa.String(length=128), nullable=False),
        sa.Column("last_request_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_hub_device_seen")),
    )
    op.create_table(
        "hub_device_retired",
        sa.Column("device_id", sa.String(length=128), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("account_name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"],
            ["hub_device.id"],
            name=op.f("fk_hub_device_retired_device_id_hub_device"),
        ),
        sa.PrimaryKeyConstraint("device_id", name=op.f("pk_hub_device_retired")),
    )
    op.create_table(
        "hub_breach",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("device_id", sa.String(length=128), nullable=False),
        sa.Column("device_code", sa.String(length=8), nullable=False),
        sa.Column("facilitator_id", sa.String(length=36), nullable=False),
        sa.Column("facilitator_name", sa.String(length=200), nullable=False),
        sa.Column("reported_at", sa.DateTime(), nullable=False),
        sa.Column("reported_by_id", sa.String(length=36), nullable=False),
        sa.Column("reported_by_name", sa.String(length=200), nullable=False),
        sa.Column("decide_by", sa.DateTime(), nullable=False),
        sa.Column("case_ids", sa.JSON(), nullable=False),
        sa.Column("case_references", sa.JSON(), nullable=False),
        sa.Column("people", sa.LargeBinary(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decided_by_id", sa.String(length=36), nullable=True),
        sa.Column("decided_by_name", sa.String(length=200), nullable=True),
        sa.Column("notify_ico", sa.Boolean(), nullable=True),
        sa.Column("reason", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(
            ["device_id"], ["hub_device.id"], name=op.f("fk_hub_breach_device_id_hub_device")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_breach")),
    )
    op.create_index(op.f("ix_hub_breach_device_id"), "hub_breach", ["device_id"], unique=False)
    op.create_index(op.f("ix_hub_breach_reported_at"), "hub_breach", ["reported_at"], unique=False)


def downgrade() -> None:
    op.drop_table("hub_breach")
    op.drop_table("hub_device_retired")
    op.drop_table("hub_device_seen")
