"""Schema versions of the vault: upgraded on unlock, one transaction per step (STYLE habit 9).

Before any step runs, the encrypted database is copied to ``backups/`` (it stays encrypted with
the same key), so a failed or unwanted upgrade can always be undone by hand. A vault written by
a newer rjdesk is refused rather than opened: this version does not know what it would break.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from rjdesk_protocol import alembic_scripts
from rjdesk_protocol.atomic import fsync_directory
from rjdesk_protocol.errors import VaultDamaged, VaultTooNew

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _config(connection: Connection | None = None) -> Config:
    return alembic_scripts.config(MIGRATIONS_DIR, connection)


def head_revision() -> str:
    return alembic_scripts.head_revision(MIGRATIONS_DIR)


def known_revisions() -> list[str]:
    """Every schema version this rjdesk knows, oldest first."""
    return alembic_scripts.known_revisions(MIGRATIONS_DIR)


current_revision = alembic_scripts.current_revision


def upgrade(
    engine: Engine,
    db_path: Path,
    backups_dir: Path,
    *,
    checkpoint: Callable[[], None],
) -> str | None:
    """Bring the schema to head. Returns the backup path's name if a copy was made.

    ``checkpoint`` must fold the WAL into the main file so the copy is complete on its own.
    """
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    if current is not None and current not in known_revisions():
        raise VaultTooNew(
            "this vault was written by a newer version of rjdesk; update rjdesk to open it "
            "(nothing was changed)"
        )
    backup_name = None
    if current is not None:
        checkpoint()
        backup_name = _backup(db_path, backups_dir, current)
    log.info("upgrading vault schema from %s to %s", current or "empty", head)
    try:
        with engine.connect() as conn:
            command.upgrade(_config(conn), "head")
            conn.commit()
    except SQLAlchemyError as exc:
        reached = current_revision(engine)
        log.error("schema upgrade failed after %s: %s", reached, type(exc).__name__)
        copy = f"; the copy taken before it is backups/{backup_name}" if backup_name else ""
        raise VaultDamaged(
            f"upgrading the vault failed; it was left at schema version {reached}{copy}"
        ) from exc
    return backup_name


def _backup(db_path: Path, backups_dir: Path, revision: str) -> str:
    backups_dir.mkdir(mode=0o700, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backups_dir / f"cases-v{revision}-{stamp}.db"
    temp = target.with_suffix(".partial")
    shutil.copyfile(db_path, temp)
    temp.chmod(0o600)
    with temp.open("rb+") as handle:
        os.fsync(handle.fileno())
    temp.replace(target)
    fsync_directory(backups_dir)
    log.info("copied the vault database before upgrading (schema %s)", revision)
    return target.name
