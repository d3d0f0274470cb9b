"""Alembic environment: always run programmatically by ``rjdesk.store.migrate`` on unlock."""

from __future__ import annotations

from alembic import context

import rjdesk.domain.models  # noqa: F401 - registers every table on the metadata
from rjdesk.domain.base import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    # One transaction per step: a step that fails leaves the vault at the previous version.
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
