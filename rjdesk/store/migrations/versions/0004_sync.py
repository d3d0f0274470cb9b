"""sync: the outbox, the hub versions this laptop knows, conflicts and sync state

Revision ID: 0004
Revises: 0003
Created: 2026-12-02

Stage changes get a UUID (``uid``) so they can travel in bundles. Every synced row that exists
when this step runs is queued in the outbox, so the first sync after enrolment sends the cases
this laptop already holds.
"""

from __future__ import annotations

import uuid

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# (table, row id column, case id expression): what the outbox needs to queue an existing row.
EXISTING_ROWS = (
    ("person", "id", "NULL"),
    ("case_file", "id", "id"),
    ("participant", "id", "case_id"),
    ("consent", "id", "(SELECT case_id FROM participant p WHERE p.id = consent.participant_id)"),
    ("risk_assessment", "id", "case_id"),
    ("safeguarding_concern", "id", "case_id"),
    ("contact", "id", "case_id"),
    (
        "contact_addendum",
        "id",
        "(SELECT case_id FROM contact c WHERE c.id = contact_addendum.contact_id)",
    ),
    ("agreement", "id", "case_id"),
    (
        "agreement_action",
        "id",
        "(SELECT case_id FROM agreement a WHERE a.id = agreement_action.agreement_id)",
    ),
    ("signature", "id", "(SELECT case_id FROM agreement a WHERE a.id = signature.agreement_id)"),
    ("document", "id", "case_id"),
    ("stage_change", "uid", "case_id"),
)


def upgrade() -> None:
    with op.batch_alter_table("stage_change", schema=None) as batch_op:
        batch_op.add_column(sa.Column("uid", sa.String(length=36), nullable=True))
    connection = op.get_bind()
    ids = [row[0] for row in connection.execute(sa.text("SELECT id FROM stage_change"))]
    for stage_change_id in ids:
        connection.execute(
            sa.text("UPDATE stage_change SET uid = :uid WHERE id = :id"),
            {"uid": str(uuid.uuid4()), "id": stage_change_id},
        )
    with op.batch_alter_table("stage_change", schema=None) as batch_op:
        batch_op.alter_column("uid", existing_type=sa.String(length=36), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_stage_change_uid"), ["uid"])

    op.create_table(
        "outbox_bundle",
        sa.Column("bundle_id", sa.String(length=36), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.Column("cases", sa.Integer(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
        sa.Column("receipt", sa.JSON(), nullable=True),
        sa.Column("refusal", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("bundle_id", name=op.f("pk_outbox_bundle")),
        sa.UniqueConstraint("sequence", name=op.f("uq_outbox_bundle_sequence")),
    )
    op.create_index(op.f("ix_outbox_bundle_state"), "outbox_bundle", ["state"])

    op.create_table(
        "outbox_change",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("op", sa.String(length=8), nullable=False),
        sa.Column("queued_at", sa.DateTime(), nullable=False),
        sa.Column("bundle_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(
            ["bundle_id"],
            ["outbox_bundle.bundle_id"],
            name=op.f("fk_outbox_change_bundle_id_outbox_bundle"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbox_change")),
    )
    op.create_index(op.f("ix_outbox_change_case_id"), "outbox_change", ["case_id"])
    op.create_index(op.f("ix_outbox_change_bundle_id"), "outbox_change", ["bundle_id"])
    op.create_index(
        "uq_outbox_change_pending_row",
        "outbox_change",
        ["row_id"],
        unique=True,
        sqlite_where=sa.text("bundle_id IS NULL"),
    )

    op.create_table(
        "sync_row",
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("hub_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("row_id", name=op.f("pk_sync_row")),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.Column("case_reference", sa.String(length=32), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.String(length=36), nullable=False),
        sa.Column("detail", sa.JSON(), nullable=False),
        sa.Column("from_device", sa.String(length=36), nullable=False),
        sa.Column("from_name", sa.String(length=200), nullable=False),
        sa.Column("raised_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("choice", sa.JSON(), nullable=True),
        sa.Column("chosen_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    op.create_index(op.f("ix_sync_conflict_case_id"), "sync_conflict", ["case_id"])
    op.create_index(op.f("ix_sync_conflict_status"), "sync_conflict", ["status"])
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hub_config", sa.JSON(), nullable=True),
        sa.Column("age_identity", sa.Text(), nullable=False),
        sa.Column("next_sequence", sa.Integer(), nullable=False),
        sa.Column("inbox_after", sa.Integer(), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.Column("last_ok", sa.Boolean(), nullable=False),
        sa.Column("last_result", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    op.execute(
        "INSERT INTO sync_state (id, age_identity, next_sequence, inbox_after, last_ok,"
        " last_result) VALUES (1, '', 1, 0, 1, '')"
    )
    # Everything this laptop holds already is new to the hub. (Fixed names from the table above,
    # no input: S608 does not apply.)
    for table, id_column, case_expression in EXISTING_ROWS:
        statement = (
            "INSERT INTO outbox_change (table_name, row_id, case_id, op, queued_at)"  # noqa: S608
            f" SELECT '{table}', {id_column}, {case_expression}, 'put', CURRENT_TIMESTAMP"
            f" FROM {table}"
        )
        op.execute(statement)
