"""enrol codes: one-time codes a coordinator makes in the console for a laptop to enrol with
(issue 14)

Revision ID: h0011_enrol_codes
Revises: h0010_overview
Created: 2027-01-20
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0011_enrol_codes"
down_revision = "h0010_overview"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "hub_enrol_code",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("lookup", sa.LargeBinary(length=32), nullable=False),
        sa.Column("digest", sa.LargeBinary(length=32), nullable=False),
        sa.Column("facilitator_id", sa.String(length=36), nullable=True),
        sa.Column("facilitator_name", sa.String(length=200), nullable=False),
        sa.Column("created_by_id", sa.String(length=36), nullable=False),
        sa.Column("created_by_name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("expires_at", sa.DateTime(), nullable=False),
        sa.Column("wrong_tries", sa.Integer(), nullable=False),
        sa.Column("used_at", sa.DateTime(), nullable=True),
        sa.Column("device_id", sa.String(length=128), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hub_enrol_code")),
        sa.UniqueConstraint("lookup", name=op.f("uq_hub_enrol_code_lookup")),
    )


def downgrade() -> None:
    op.drop_table("hub_enrol_code")
