"""Alembic, run from code: the vault's and the hub's schema versions each have a folder of
migrations (``rjdesk/store/migrations``, ``hub/rjdesk_hub/migrations``); these read and run them.
Shared kernel: imports nothing else of rjdesk."""

from __future__ import annotations

from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine


def config(migrations: Path, connection: Connection | None = None) -> Config:
    """Alembic's configuration for the migrations in ``migrations``, on ``connection`` (which
    the folder's ``env.py`` takes from ``config.attributes``)."""
    found = Config()
    found.set_main_option("script_location", str(migrations))
    if connection is not None:
        found.attributes["connection"] = connection
    return found


def head_revision(migrations: Path) -> str:
    head = ScriptDirectory.from_config(config(migrations)).get_current_head()
    assert head is not None
    return head


def known_revisions(migrations: Path) -> list[str]:
    """Every version the folder knows, oldest first."""
    script = ScriptDirectory.from_config(config(migrations))
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
