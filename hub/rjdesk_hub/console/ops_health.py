"""``GET /healthz``: does the hub's database answer? (docs/hub.md, "Operations").

The check is one cheap read (the counter row) in its own short transaction, on a connection of
the hub's pool. It does not take the hub's write lock, so a long ingest does not make the hub
look down. Whatever goes wrong, the answer is the same sentence: the error's type goes to the
hub's log, its message (which may name a host, a user or a file) goes nowhere.
"""

from __future__ import annotations

import logging

from sqlalchemy import Engine

log = logging.getLogger(__name__)

HEALTHY = {"status": "ok"}
UNHEALTHY = "the hub cannot reach its database; check that the database is running and readable"
# How long a probe waits for the database before calling it unreachable.
TIMEOUT_SECONDS = 5.0


def database_answers(engine: Engine) -> bool:
    """Whether the hub's database answers a read of its counter row."""
    try:
        raw = engine.raw_connection()
    except Exception as exc:  # noqa: BLE001 - any failure to connect is "unreachable"
        log.error("health check: cannot connect to the database (%s)", type(exc).__name__)
        return False
    try:
        # A raw DBAPI connection: SQLAlchemy's "begin" hook (BEGIN IMMEDIATE on SQLite, the
        # hub's write lock) is not run, so the probe waits for no writer.
        cursor = raw.cursor()
        try:
            cursor.execute("SELECT value FROM hub_counter WHERE id = 1")
            row = cursor.fetchone()
        finally:
            cursor.close()
        raw.rollback()
    except Exception as exc:  # noqa: BLE001 - a broken file or server is "unreachable"
        log.error("health check: the database did not answer (%s)", type(exc).__name__)
        raw.invalidate()
        return False
    finally:
        raw.close()
    if row is None:
        log.error("health check: the database has lost the hub's counter row")
        return False
    return True
