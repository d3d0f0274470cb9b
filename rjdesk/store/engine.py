"""The one place that opens the vault database (STYLE habit 2).

Every connection is SQLCipher 4, keyed with the raw 256-bit data key (no second KDF), then set
up with the pragmas of DESIGN §4. SQLAlchemy is told to hide bound parameters, so even with SQL
echo on (``RJDESK_SQL_ECHO=1``) no case text reaches a log; the key pragma itself is run on the
raw driver connection, below SQLAlchemy's logging.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection

from rjdesk_protocol.errors import VaultDamaged

log = logging.getLogger(__name__)

# Emitted on every new connection, after the key. foreign_keys and secure_delete are per
# connection in SQLite; journal_mode=WAL persists in the file but is cheap to re-assert.
CONNECTION_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA busy_timeout = 10000",
    # Decrypted pages kept per connection (32 MiB): a warm page is read without decrypting.
    "PRAGMA cache_size = -32768",
)

IMMEDIATE = "rjdesk_immediate"


def connect_raw(db_path: Path, data_key: bytes, *, read_only: bool = False) -> Any:
    """A keyed sqlcipher3 connection in autocommit mode (transactions are begun explicitly).

    Raises ``VaultDamaged`` when the key does not open the file: the key itself was checked by
    the key file's GCM tag before this, so a failure here means the database is damaged.
    """
    target = f"file:{db_path.as_posix()}?mode=ro" if read_only else str(db_path)
    conn = sqlcipher3.connect(target, uri=read_only, isolation_level=None, check_same_thread=False)
    try:
        key_only(conn, data_key)
        # The first read of the schema is what actually checks the key against page 1.
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for pragma in CONNECTION_PRAGMAS:
            if read_only and "journal_mode" in pragma:
                continue
            conn.execute(pragma).fetchall()
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        raise VaultDamaged(
            "the vault database cannot be read (its first page is damaged or it is not this "
            "vault's database); run `rjdesk verify` and restore from a backup"
        ) from exc
    return conn


def key_only(conn: Any, data_key: bytes) -> None:
    """Key a fresh connection without reading anything: enough for the page check of verify.
    SQLCipher's own log goes to stderr; rjdesk reports errors itself, in one line."""
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{data_key.hex()}'\"")
    conn.execute("PRAGMA cipher_compatibility = 4")


def create_vault_engine(db_path: Path, data_key: bytes, *, echo: bool = False) -> Engine:
    """An Engine over the encrypted database. Dispose it to close every SQLCipher connection."""
    key = bytes(data_key)

    def creator() -> Any:
        return connect_raw(db_path, key)

    engine = create_engine(
        f"sqlite:///{db_path.as_posix()}",
        creator=creator,
        module=sqlcipher3.dbapi2,
        echo=echo,
        hide_parameters=True,
        pool_size=4,
        max_overflow=4,
        # Reuse the most recent connection: its page cache is the warm one.
        pool_use_lifo=True,
    )
    install_transaction_control(engine)
    return engine


def install_transaction_control(engine: Engine) -> None:
    """Begin transactions explicitly so reads and writes of a unit of work are consistent.

    The sqlite3 driver would otherwise start a transaction only at the first write, so a unit of
    work could read stale rows. Writers begin IMMEDIATE: they take the write lock up front and
    never fail half-way with a busy snapshot; readers in WAL mode are never blocked by them.
    """

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # Straight on the driver's connection, as the begin that SQLAlchemy is running: going
        # through ``exec_driver_sql`` cost half of an empty transaction (a cursor result, its
        # events), and every unit of work and reading begins here.
        sql = "BEGIN IMMEDIATE" if conn.get_execution_options().get(IMMEDIATE) else "BEGIN"
        conn.connection.driver_connection.execute(sql)  # type: ignore[union-attr]
