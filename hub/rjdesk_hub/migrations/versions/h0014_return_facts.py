"""return facts: each case's facts the funders' returns count (issue 16)

Revision ID: h0014_return_facts
Revises: h0013_referrals
Created: 2026-12-08

Tables of ``rjdesk_hub.returns.models``. Filled by ``rjdesk-hub reindex`` (and kept at every
change from then on): an upgraded hub's returns count nothing until it is run.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0014_return_facts"
down_revision = "h0013_referrals"
branch_labels = None
depends_on = None

_INT = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_TEXTS = ("case_type", "source", "channel", "origin")
_DATES = (
    "victims_code_due_on",
    "victims_code_informed_on",
    "first_contact_attempted_on",
    "first_contact_made_on",
    "assessed_on",
)
_COUNTS = ("agreements_signed", "actions_agreed", "actions_done", "actions_not_done")
_INDEXED = ("received_on", "intervention_on", "closed_on")


def upgrade() -> None:
    op.create_table(
        "hub_return_case",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        *(sa.Column(name, sa.String(length=40), nullable=False) for name in _TEXTS),
        sa.Column("hate_crime", sa.Boolean(), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        *(sa.Column(name, sa.Date(), nullable=True) for name in _DATES),
        sa.Column("intervention_on", sa.Date(), nullable=True),
        sa.Column("intervention_type", sa.String(length=40), nullable=True),
        sa.Column("direct", sa.Boolean(), nullable=True),
        sa.Column("started_by", sa.String(length=40), nullable=True),
        sa.Column("justice_stage", sa.String(length=40), nullable=True),
        sa.Column("stage", sa.String(length=40), nullable=False),
        sa.Column("stage_reached", sa.String(length=40), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("closure_reason", sa.String(length=40), nullable=True),
        *(sa.Column(name, _INT, nullable=False) for name in _COUNTS),
        sa.Column("partner_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_hub_return_case")),
    )
    for name in _INDEXED:
        op.create_index(op.f(f"ix_hub_return_case_{name}"), "hub_return_case", [name])
    op.create_table(
        "hub_return_people",
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("sealed", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("case_id", name=op.f("pk_hub_return_people")),
    )
    op.create_table(
        "hub_return_contact",
        sa.Column("contact_id", sa.String(length=36), nullable=False),
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("contact_id", name=op.f("pk_hub_return_contact")),
    )
    op.create_index("ix_hub_return_contact_case_id", "hub_return_contact", ["case_id"])
    op.create_index(op.f("ix_hub_return_contact_on"), "hub_return_contact", ["on"])


def downgrade() -> None:
    op.drop_table("hub_return_contact")
    op.drop_table("hub_return_people")
    for name in _INDEXED:
        op.drop_index(op.f(f"ix_hub_return_case_{name}"), table_name="hub_return_case")
    op.drop_table("hub_return_case")
