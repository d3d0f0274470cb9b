"""console accounts: people who sign in to the console, their recovery codes, sessions and
failed sign-ins (issue 14)

Revision ID: h0007_accounts
Revises: h0006
Created: 2027-01-12
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0007_accounts"
down_revision = "h0006"
branch_labels = None
depends_on = None

_BIGINT = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "hub_console_user",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("password_set", sa.Boolean(), nullable=False),
        sa.Column("setup_until", sa.DateTime(), nullable=True),
        sa.Column("totp_secret", sa.LargeBinary(), nullable=False),
        sa.Column("totp_confirmed", sa.Boolean(), nullable=False),
        sa.Column("totp_last_step", _BIGINT, nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("last_signed_in_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_console_user")),
        sa.UniqueConstraint("name", name=op.f("uq_hub_console_user_name")),
    )
    op.create_table(
        "hub_console_recovery_code",
        sa.Column("code_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["hub_console_user.id"],
            name=op.f("fk_hub_console_recovery_code_user_id_hub_console_user"),
        ),
        sa.PrimaryKeyConstraint("code_hash", name=op.f("pk_hub_console_recovery_code")),
    )
    with op.batch_alter_table("hub_console_recovery_code", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_hub_console_recovery_code_user_id"), ["user_id"], unique=False
        )
    op.create_table(
        "hub_console_session",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("stage", sa.String(length=10), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["hub_console_user.id"],
            name=op.f("fk_hub_console_session_user_id_hub_console_user"),
        ),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_hub_console_session")),
    )
    with op.batch_alter_table("hub_console_session", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_hub_console_session_user_id"), ["user_id"], unique=False
        )
    op.create_table(
        "hub_console_sign_in_failure",
        sa.Column("name_hash", sa.String(length=64), nullable=False),
        sa.Column("failures", _BIGINT, nullable=False),
        sa.Column("last_failed_at", sa.DateTime(), nullable=False),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("name_hash", name=op.f("pk_hub_console_sign_in_failure")),
    )


def downgrade() -> None:
    raise NotImplementedError("the hub is never downgraded; restore its database backup")
