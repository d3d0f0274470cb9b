"""Schema versions of the hub's database (Alembic, ``hub/rjdesk_hub/migrations``): brought to the
newest when the hub opens it, on SQLite and on PostgreSQL alike.

A database made by rjdesk 0.1.0, whose tables were made with ``create_all`` before there were
migrations, is recognised (hub tables, no version) and stamped as the first version, which is
exactly those tables. A database written by a newer rjdesk is refused rather than opened.
Back the database up before upgrading the hub (docs/deploying.md): a PostgreSQL server is not
the hub's to copy.
"""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, inspect
from sqlalchemy.exc import SQLAlchemyError

from rjdesk_hub.errors import HubDamaged
from rjdesk_hub.models import Counter
from rjdesk_protocol import alembic_scripts

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The version whose tables rjdesk 0.1.0 made with create_all.
BEFORE_MIGRATIONS = "h0001"


def _config(connection: Connection | None = None) -> Config:
    return alembic_scripts.config(MIGRATIONS_DIR, connection)


def head_revision() -> str:
    return alembic_scripts.head_revision(MIGRATIONS_DIR)


def known_revisions() -> list[str]:
    """Every schema version this rjdesk knows, oldest first."""
    return alembic_scripts.known_revisions(MIGRATIONS_DIR)


current_revision = alembic_scripts.current_revision


def upgrade(engine: Engine) -> None:
    """Bring the hub's schema to the newest version this rjdesk knows."""
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return
    if current is not None and current not in known_revisions():
        raise HubDamaged(
            f"the hub database is at schema version {current}, from a newer rjdesk; upgrade "
            "rjdesk on this server to open it (nothing was changed)"
        )
    try:
        with engine.connect() as connection:
            config = _config(connection)
            if current is None and inspect(connection).has_table(Counter.__tablename__):
                log.info("hub database made before migrations: stamped %s", BEFORE_MIGRATIONS)
                command.stamp(config, BEFORE_MIGRATIONS)
            log.info("upgrading the hub's schema from %s to %s", current or "empty", head)
            command.upgrade(config, "head")
            connection.commit()
    except SQLAlchemyError as exc:
        reached = current_revision(engine)
        log.error("hub schema upgrade failed after %s: %s", reached, type(exc).__name__)
        raise HubDamaged(
            f"upgrading the hub database failed; it was left at schema version {reached}; "
            "restore its backup or ask for help"
        ) from None
