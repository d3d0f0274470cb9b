"""Alembic environment of the hub's database: always run by ``rjdesk_hub.migrate`` when the
hub opens its database (SQLite or PostgreSQL)."""

from __future__ import annotations

from alembic import context

from rjdesk_hub.console import tables as _console_tables  # noqa: F401 - in HubBase
from rjdesk_hub.models import HubBase

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=HubBase.metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    # One transaction per step: a step that fails leaves the database at the previous version.
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
