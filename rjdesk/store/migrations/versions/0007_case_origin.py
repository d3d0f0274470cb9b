"""case origin: where a case came from (the facilitator's own referral, or a case the hub made
from the online form, a partner's link or a phone call to the hub)

Revision ID: 0007
Revises: 0006
Created: 2026-12-08

Null on every case made before: those are the facilitator's own referrals (issue 15).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("case_file", sa.Column("origin", sa.String(length=32), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("case_file") as batch:
        batch.drop_column("origin")
