"""The hub's database: SQLite by default (one file, WAL), PostgreSQL by URL.

Every transaction that writes starts by locking the counter row (``Tx``). On SQLite the
transaction itself is begun ``IMMEDIATE`` (SQLite has one writer, and taking the lock at the
start avoids two readers both trying to upgrade); on PostgreSQL ``SELECT … FOR UPDATE`` on the
counter row serialises writers. So ingests and inbox builds never interleave, and ``hub_seq``
values are handed out in commit order and never reused.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, inspect, select
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from rjdesk_hub import migrate
from rjdesk_hub.console import tables as _console_tables  # noqa: F401 - in HubBase
from rjdesk_hub.errors import HubDamaged
from rjdesk_hub.models import Counter, HubBase
from rjdesk_protocol.errors import UsageError

Clock = Callable[[], datetime]
_BUSY_TIMEOUT_MS = 30_000


def _sqlite_file(url: str) -> Path | None:
    database = make_url(url).database
    if not database or database == ":memory:":
        return None
    return Path(database)


def create_hub_engine(url: str) -> Engine:
    """An engine for ``url`` with the hub's schema at its newest (``rjdesk_hub.migrate``) and
    its counter row."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise UsageError("the database URL is malformed") from None
    if parsed.get_backend_name() == "sqlite":
        engine = _sqlite_engine(url)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    try:
        migrate.upgrade(engine)
        with Session(engine) as session, session.begin():
            if session.get(Counter, 1) is None:
                session.add(Counter(id=1, value=0))
    except HubDamaged:
        engine.dispose()
        raise
    except OperationalError as exc:
        engine.dispose()
        raise HubDamaged(
            f"the hub database cannot be opened ({type(exc.orig).__name__}); check its URL "
            "and that the database server is running"
        ) from None
    return engine


def _sqlite_engine(url: str) -> Engine:
    path = _sqlite_file(url)
    if path is not None and not path.exists():
        # Owner-only from the first byte; SQLite gives its -wal and -shm the same mode.
        path.parent.mkdir(parents=True, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    engine = create_engine(
        url, connect_args={"timeout": _BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # pysqlite's own transaction handling would BEGIN (DEFERRED) by itself; take it over.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in (
            "journal_mode = WAL",
            "synchronous = FULL",
            "foreign_keys = ON",
            # Pruned bundle ciphertexts are overwritten, not left in free pages.
            "secure_delete = ON",
            f"busy_timeout = {_BUSY_TIMEOUT_MS}",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def drop_hub_tables(engine: Engine) -> None:
    """Drop every hub table and the schema version (tests, on a throw-away database)."""
    HubBase.metadata.drop_all(engine)
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")


def has_hub_tables(engine: Engine) -> bool:
    return inspect(engine).has_table(Counter.__tablename__)


class Tx:
    """One hub transaction: its session, its time, and the ``hub_seq`` values it hands out."""

    def __init__(self, session: Session, now: datetime) -> None:
        self.session = session
        self.now = now
        self._counter: Counter | None = None

    def lock(self) -> int:
        """Lock the counter row (PostgreSQL; SQLite is already locked) and return its value."""
        if self._counter is None:
            counter = self.session.scalars(
                select(Counter).where(Counter.id == 1).with_for_update()
            ).one_or_none()
            if counter is None:
                raise HubDamaged("the hub database has lost its counter row")
            self._counter = counter
        return self._counter.value

    def next_seq(self) -> int:
        """A new ``hub_seq``: one more than any given out before."""
        self.lock()
        assert self._counter is not None
        self._counter.value += 1
        return self._counter.value


class Database:
    """The engine and its sessions."""

    def __init__(self, url: str, clock: Clock) -> None:
        self.url = url
        self.engine = create_hub_engine(url)
        self.clock = clock
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Tx]:
        """A write transaction holding the counter lock: committed at the end, rolled back if
        the block raises (a refused bundle changes nothing)."""
        with self._sessions() as session, session.begin():
            tx = Tx(session, self.clock())
            tx.lock()
            yield tx

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A session for reading; on SQLite it too takes the write lock (the hub's load is a
        handful of laptops), so reads see one consistent state."""
        with self._sessions() as session, session.begin():
            yield session

    def dispose(self) -> None:
        self.engine.dispose()
