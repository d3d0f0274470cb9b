"""the hub's tables as rjdesk 0.1.0 made them (with ``create_all``, before migrations)

Revision ID: h0001
Revises:
Created: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hub_blob",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=True),
        sa.PrimaryKeyConstraint("sha256", name=op.f("pk_hub_blob")),
    )
    op.create_table(
        "hub_case",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("reference", sa.String(length=32), nullable=False),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.Column(
            "first_seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_hub_case")),
    )
    with op.batch_alter_table("hub_case", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hub_case_reference"), ["reference"], unique=False)

    op.create_table(
        "hub_case_person",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("case_id", "person_id", name=op.f("pk_hub_case_person")),
    )
    with op.batch_alter_table("hub_case_person", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_hub_case_person_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "hub_conflict",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("detail", sa.LargeBinary(), nullable=False),
        sa.Column("from_device", sa.String(length=128), nullable=False),
        sa.Column("raised_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolved_by", sa.String(length=128), nullable=True),
        sa.Column("outcome", sa.String(length=40), nullable=True),
        sa.Column("hub_seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_conflict")),
        sa.UniqueConstraint("hub_seq", name=op.f("uq_hub_conflict_hub_seq")),
    )
    with op.batch_alter_table("hub_conflict", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hub_conflict_case_id"), ["case_id"], unique=False)

    op.create_table(
        "hub_counter",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("value", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_counter")),
    )
    op.create_table(
        "hub_facilitator",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_facilitator")),
        sa.UniqueConstraint("name", name=op.f("uq_hub_facilitator_name")),
    )
    op.create_table(
        "hub_record",
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column(
            "hub_version", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("hub_seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("device_id", sa.String(length=128), nullable=False),
        sa.Column("how", sa.String(length=10), nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("row_id", name=op.f("pk_hub_record")),
        sa.UniqueConstraint("hub_seq", name=op.f("uq_hub_record_hub_seq")),
    )
    with op.batch_alter_table("hub_record", schema=None) as batch_op:
        batch_op.create_index("ix_hub_record_case_seq", ["case_id", "hub_seq"], unique=False)

    op.create_table(
        "hub_record_version",
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column(
            "hub_version", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=True),
        sa.Column("device_id", sa.String(length=128), nullable=False),
        sa.Column("bundle_id", sa.String(length=128), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("row_id", "hub_version", name=op.f("pk_hub_record_version")),
    )
    op.create_table(
        "hub_case_visibility",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("facilitator_id", sa.String(length=36), nullable=False),
        sa.Column("how", sa.String(length=10), nullable=False),
        sa.Column("granted_at", sa.DateTime(), nullable=False),
        sa.Column(
            "granted_seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["facilitator_id"],
            ["hub_facilitator.id"],
            name=op.f("fk_hub_case_visibility_facilitator_id_hub_facilitator"),
        ),
        sa.PrimaryKeyConstraint("case_id", "facilitator_id", name=op.f("pk_hub_case_visibility")),
    )
    with op.batch_alter_table("hub_case_visibility", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_hub_case_visibility_facilitator_id"), ["facilitator_id"], unique=False
        )

    op.create_table(
        "hub_device",
        sa.Column("id", sa.String(length=128), nullable=False),
        sa.Column("facilitator_id", sa.String(length=36), nullable=False),
        sa.Column("device_code", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("signing_key", sa.Text(), nullable=False),
        sa.Column("age_recipient", sa.Text(), nullable=False),
        sa.Column("enrolled_at", sa.DateTime(), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.Column(
            "last_sequence", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "inbox_sequence", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column(
            "inbox_cursor", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.Column("schema_version", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["facilitator_id"],
            ["hub_facilitator.id"],
            name=op.f("fk_hub_device_facilitator_id_hub_facilitator"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_device")),
        sa.UniqueConstraint("device_code", name=op.f("uq_hub_device_device_code")),
    )
    with op.batch_alter_table("hub_device", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_hub_device_facilitator_id"), ["facilitator_id"], unique=False
        )

    op.create_table(
        "hub_bundle",
        sa.Column("bundle_id", sa.String(length=128), nullable=False),
        sa.Column("device_id", sa.String(length=128), nullable=False),
        sa.Column("sequence", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("via", sa.String(length=10), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("receipt", sa.Text(), nullable=False),
        sa.Column("ciphertext", sa.LargeBinary(), nullable=True),
        sa.Column("keep_until", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["hub_device.id"], name=op.f("fk_hub_bundle_device_id_hub_device")
        ),
        sa.PrimaryKeyConstraint("bundle_id", name=op.f("pk_hub_bundle")),
    )
    with op.batch_alter_table("hub_bundle", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hub_bundle_device_id"), ["device_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_hub_bundle_keep_until"), ["keep_until"], unique=False)
        batch_op.create_index(batch_op.f("ix_hub_bundle_sha256"), ["sha256"], unique=False)

    op.create_table(
        "hub_delivery",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("device_id", sa.String(length=128), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("queued_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["hub_device.id"], name=op.f("fk_hub_delivery_device_id_hub_device")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_delivery")),
    )
    with op.batch_alter_table("hub_delivery", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hub_delivery_device_id"), ["device_id"], unique=False)

    op.create_table(
        "hub_device_case",
        sa.Column("device_id", sa.String(length=128), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column(
            "since_seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False
        ),
        sa.ForeignKeyConstraint(
            ["device_id"], ["hub_device.id"], name=op.f("fk_hub_device_case_device_id_hub_device")
        ),
        sa.PrimaryKeyConstraint("device_id", "case_id", name=op.f("pk_hub_device_case")),
    )
    op.create_table(
        "hub_issued",
        sa.Column("device_id", sa.String(length=128), nullable=False),
        sa.Column("sequence", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("cursor", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("top", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), nullable=False),
        sa.Column("deliveries", sa.JSON(), nullable=False),
        sa.Column("cases", sa.JSON(), nullable=False),
        sa.Column("bundle_id", sa.String(length=128), nullable=False),
        sa.Column("issued_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["device_id"], ["hub_device.id"], name=op.f("fk_hub_issued_device_id_hub_device")
        ),
        sa.PrimaryKeyConstraint("device_id", "sequence", name=op.f("pk_hub_issued")),
    )


def downgrade() -> None:
    raise NotImplementedError("the hub is never downgraded; restore its database backup")
