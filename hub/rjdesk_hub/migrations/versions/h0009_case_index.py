"""case index: the register's plain facts, sealed facts and keyed-hash search terms per case

Revision ID: h0009_case_index
Revises: h0008_console_audit
Created: 2026-12-14

The index is filled by ``rjdesk-hub reindex`` (and kept at every merge from then on); an
upgraded hub's register is empty until it is run.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0009_case_index"
down_revision = "h0008_console_audit"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hub_case_index",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("reference", sa.String(length=32), nullable=False),
        sa.Column("case_type", sa.String(length=40), nullable=False),
        sa.Column("stage", sa.String(length=20), nullable=False),
        sa.Column("source", sa.String(length=40), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("closed", sa.Boolean(), nullable=False),
        sa.Column("facts", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_hub_case_index")),
    )
    for column in ("reference", "case_type", "stage", "source", "received_on", "updated_at"):
        op.create_index(
            op.f(f"ix_hub_case_index_{column}"), "hub_case_index", [column], unique=False
        )
    op.create_index(op.f("ix_hub_case_index_closed"), "hub_case_index", ["closed"], unique=False)
    op.create_table(
        "hub_case_index_term",
        sa.Column("digest", sa.LargeBinary(length=16), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("digest", "case_id", name=op.f("pk_hub_case_index_term")),
    )
    op.create_index(
        op.f("ix_hub_case_index_term_case_id"), "hub_case_index_term", ["case_id"], unique=False
    )
    op.create_table(
        "hub_case_index_facilitator",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("facilitator_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint(
            "case_id", "facilitator_id", name=op.f("pk_hub_case_index_facilitator")
        ),
    )
    op.create_index(
        op.f("ix_hub_case_index_facilitator_facilitator_id"),
        "hub_case_index_facilitator",
        ["facilitator_id"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_table("hub_case_index_facilitator")
    op.drop_table("hub_case_index_term")
    op.drop_table("hub_case_index")
