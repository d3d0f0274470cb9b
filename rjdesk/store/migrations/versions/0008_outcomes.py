"""outcomes: the facts the funders' returns need, participants' feedback and equality monitoring

Revision ID: 0008
Revises: 0007
Created: 2026-12-08

A case gains its first contact attempted and made (corrections: null means worked out from the
contacts), its intervention type, who started it and its stage in the justice system, all null
on every case made before. ``feedback`` holds a participant's answers at the end of the
intervention and at follow-up (one row per moment), ``equality`` their equality monitoring (one
row each). Record protocol 4 (issue 16).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_CASE_DATES = ("first_contact_attempted_on", "first_contact_made_on")
_CASE_ENUMS = ("intervention_type", "started_by", "justice_stage")


def _synced(table: str) -> list[Any]:
    """The columns and keys every synced row of a case's participant carries."""
    return [
        sa.Column("case_id", sa.String(length=36), nullable=False),
        sa.Column("participant_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), nullable=False),
        sa.Column("changed_by_device", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["case_file.id"], name=f"fk_{table}_case_id_case_file", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["participant_id"],
            ["participant.id"],
            name=f"fk_{table}_participant_id_participant",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=f"pk_{table}"),
    ]


def upgrade() -> None:
    for name in _CASE_DATES:
        op.add_column("case_file", sa.Column(name, sa.Date(), nullable=True))
    for name in _CASE_ENUMS:
        op.add_column("case_file", sa.Column(name, sa.String(length=32), nullable=True))
    op.create_table(
        "feedback",
        sa.Column("moment", sa.String(length=32), nullable=False),
        sa.Column("given_on", sa.Date(), nullable=False),
        sa.Column("satisfaction", sa.String(length=32), nullable=True),
        sa.Column("coping", sa.String(length=32), nullable=True),
        sa.Column("feels_safer", sa.String(length=32), nullable=True),
        sa.Column("would_recommend", sa.String(length=32), nullable=True),
        sa.Column("comment", sa.Text(), nullable=True),
        *_synced("feedback"),
        sa.UniqueConstraint("participant_id", "moment", name="uq_feedback_participant_id_moment"),
    )
    op.create_index("ix_feedback_case_id", "feedback", ["case_id"])
    op.create_index("ix_feedback_participant_id", "feedback", ["participant_id"])
    op.create_table(
        "equality",
        sa.Column("age_band", sa.String(length=32), nullable=True),
        sa.Column("sex", sa.String(length=32), nullable=True),
        sa.Column("gender_same_as_sex", sa.String(length=32), nullable=True),
        sa.Column("sexual_orientation", sa.String(length=32), nullable=True),
        sa.Column("ethnicity", sa.String(length=32), nullable=True),
        sa.Column("disability", sa.String(length=32), nullable=True),
        sa.Column("religion", sa.String(length=32), nullable=True),
        *_synced("equality"),
        sa.UniqueConstraint("participant_id", name="uq_equality_participant_id"),
    )
    op.create_index("ix_equality_case_id", "equality", ["case_id"])


def downgrade() -> None:
    op.drop_index("ix_equality_case_id", table_name="equality")
    op.drop_table("equality")
    op.drop_index("ix_feedback_participant_id", table_name="feedback")
    op.drop_index("ix_feedback_case_id", table_name="feedback")
    op.drop_table("feedback")
    with op.batch_alter_table("case_file") as batch:
        for name in reversed(_CASE_DATES + _CASE_ENUMS):
            batch.drop_column(name)
