"""kept bundle bytes in the last column of hub_bundle

A kept bundle is written into a blob of its size piece by piece (``HubStore.keep_bundle``); SQLite
keeps such a blob as zeros without allocating them only when it is the row's last column, so the
ciphertext moves after ``keep_until``.

Revision ID: h0006
Revises: h0005
Created: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "h0006"
down_revision = "h0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("hub_bundle", sa.Column("kept", sa.LargeBinary(), nullable=True))
    op.execute("UPDATE hub_bundle SET kept = ciphertext")
    with op.batch_alter_table("hub_bundle", recreate="never") as batch:
        batch.drop_column("ciphertext")
        batch.alter_column("kept", new_column_name="ciphertext")


def downgrade() -> None:
    # The column stays last: its place is no matter for the data.
    pass
