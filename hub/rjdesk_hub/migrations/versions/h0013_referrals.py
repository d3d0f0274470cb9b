"""referrals: the triage queue of referrals made without a laptop, and partners' links

Revision ID: h0013_referrals
Revises: h0012_laptops
Created: 2026-12-08

Tables of ``rjdesk_hub.referrals.models`` (issue 15).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0013_referrals"
down_revision = "h0012_laptops"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hub_referral",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("reference", sa.String(length=20), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("partner_id", sa.String(length=36), nullable=True),
        sa.Column("problem", sa.String(length=40), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("sealed", sa.LargeBinary(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decided_by", sa.String(length=36), nullable=True),
        sa.Column("decline_reason", sa.String(length=40), nullable=True),
        sa.Column("case_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_referral")),
        sa.UniqueConstraint("reference", name=op.f("uq_hub_referral_reference")),
    )
    op.create_index(op.f("ix_hub_referral_received_at"), "hub_referral", ["received_at"])
    op.create_index(op.f("ix_hub_referral_partner_id"), "hub_referral", ["partner_id"])
    op.create_index(op.f("ix_hub_referral_status"), "hub_referral", ["status"])
    op.create_table(
        "hub_partner",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("token_digest", sa.LargeBinary(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=36), nullable=False),
        sa.Column("revoked_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_partner")),
        sa.UniqueConstraint("token_digest", name=op.f("uq_hub_partner_token_digest")),
    )


def downgrade() -> None:
    op.drop_table("hub_partner")
    op.drop_index(op.f("ix_hub_referral_status"), table_name="hub_referral")
    op.drop_index(op.f("ix_hub_referral_partner_id"), table_name="hub_referral")
    op.drop_index(op.f("ix_hub_referral_received_at"), table_name="hub_referral")
    op.drop_table("hub_referral")
