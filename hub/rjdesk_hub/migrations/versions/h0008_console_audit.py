"""the console's audit log: every action of a person at the hub, hash-chained

Events are append-only in the database itself: triggers refuse UPDATE and DELETE on
``hub_console_audit_event``, and refuse deleting ``hub_console_audit_head`` or moving it back, on
SQLite and PostgreSQL alike (``rjdesk_hub.console.ledger``).

Revision ID: h0008_console_audit
Revises: h0007_accounts
Created: 2026-12-14
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0008_console_audit"
down_revision = "h0007_accounts"
branch_labels = None
depends_on = None

_INT = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
EVENTS = "hub_console_audit_event"
HEAD = "hub_console_audit_head"
APPEND_ONLY = "console audit events are append-only"
HEAD_FORWARD = "the console audit head only moves forward"


def upgrade() -> None:
    op.create_table(
        EVENTS,
        sa.Column("id", _INT, autoincrement=False, nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("account_id", sa.String(length=36), nullable=False),
        sa.Column("account_name", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("case_reference", sa.String(length=32), nullable=False),
        sa.Column("device_id", sa.String(length=128), nullable=False),
        sa.Column("address", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("detail", sa.String(length=500), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_console_audit_event")),
    )
    with op.batch_alter_table(EVENTS, schema=None) as batch_op:
        for column in ("at", "account_id", "action", "case_id", "case_reference", "device_id"):
            batch_op.create_index(batch_op.f(f"ix_{EVENTS}_{column}"), [column], unique=False)
    op.create_table(
        HEAD,
        sa.Column("id", _INT, autoincrement=False, nullable=False),
        sa.Column("last_event_id", _INT, nullable=False),
        sa.Column("last_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_console_audit_head")),
    )
    if op.get_bind().dialect.name == "postgresql":
        _postgresql_guards()
    else:
        _sqlite_guards()


def _sqlite_guards() -> None:
    def refuse(name: str, when: str, message: str) -> None:
        op.execute(f"CREATE TRIGGER {name} {when} BEGIN SELECT RAISE(ABORT, '{message}'); END")

    refuse(f"{EVENTS}_no_update", f"BEFORE UPDATE ON {EVENTS}", APPEND_ONLY)
    refuse(f"{EVENTS}_no_delete", f"BEFORE DELETE ON {EVENTS}", APPEND_ONLY)
    refuse(f"{HEAD}_no_delete", f"BEFORE DELETE ON {HEAD}", HEAD_FORWARD)
    refuse(
        f"{HEAD}_forward",
        f"BEFORE UPDATE ON {HEAD} WHEN NEW.last_event_id <= OLD.last_event_id OR NEW.id != OLD.id",
        HEAD_FORWARD,
    )


def _postgresql_guards() -> None:
    # CREATE OR REPLACE: a test database whose tables were dropped keeps its functions.
    op.execute(
        f"CREATE OR REPLACE FUNCTION {EVENTS}_refuse() RETURNS trigger LANGUAGE plpgsql AS "
        f"$$ BEGIN RAISE EXCEPTION '{APPEND_ONLY}'; END $$"
    )
    op.execute(
        f"CREATE OR REPLACE FUNCTION {HEAD}_forward() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN IF TG_OP = 'DELETE' OR NEW.last_event_id <= OLD.last_event_id "
        f"OR NEW.id != OLD.id THEN RAISE EXCEPTION '{HEAD_FORWARD}'; END IF; RETURN NEW; END $$"
    )
    op.execute(
        f"CREATE TRIGGER {EVENTS}_append_only BEFORE UPDATE OR DELETE ON {EVENTS} "
        f"FOR EACH ROW EXECUTE FUNCTION {EVENTS}_refuse()"
    )
    op.execute(
        f"CREATE TRIGGER {HEAD}_forward BEFORE UPDATE OR DELETE ON {HEAD} "
        f"FOR EACH ROW EXECUTE FUNCTION {HEAD}_forward()"
    )


def downgrade() -> None:
    op.drop_table(HEAD)
    op.drop_table(EVENTS)
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"DROP FUNCTION IF EXISTS {EVENTS}_refuse()")
        op.execute(f"DROP FUNCTION IF EXISTS {HEAD}_forward()")
