"""kept returns: every produced return, its definition's version and hash, its sealed figures

Revision ID: h0015_kept_returns
Revises: h0014_return_facts
Created: 2026-12-08

Table of ``rjdesk_hub.returns.kept_models`` (issue 16).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0015_kept_returns"
down_revision = "h0014_return_facts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hub_kept_return",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("definition_id", sa.String(length=100), nullable=False),
        sa.Column(
            "definition_version",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            nullable=False,
        ),
        sa.Column("definition_sha256", sa.String(length=64), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=False),
        sa.Column("period_end", sa.Date(), nullable=False),
        sa.Column("period_label", sa.String(length=100), nullable=False),
        sa.Column("produced_by", sa.String(length=200), nullable=False),
        sa.Column("produced_at", sa.DateTime(), nullable=False),
        sa.Column("computed_at", sa.DateTime(), nullable=False),
        sa.Column("sealed", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_kept_return")),
    )
    op.create_index(
        "ix_hub_kept_return_definition_period",
        "hub_kept_return",
        ["definition_id", "period_start", "period_end"],
    )
    op.create_index(op.f("ix_hub_kept_return_produced_at"), "hub_kept_return", ["produced_at"])


def downgrade() -> None:
    op.drop_index(op.f("ix_hub_kept_return_produced_at"), table_name="hub_kept_return")
    op.drop_index("ix_hub_kept_return_definition_period", table_name="hub_kept_return")
    op.drop_table("hub_kept_return")
