"""The vault: one facilitator's encrypted case file on one laptop (DESIGN §4).

A data directory holds ``vault.key`` (the wrapped data key, see ``keys.py``), ``cases.db`` (the
SQLCipher database, with its ``-wal`` and ``-shm``) and ``backups/`` (encrypted copies taken
before schema upgrades). Unlocking checks the passphrase against the key file before the
database is opened, so a wrong passphrase reads one small file and writes nothing.

A ``Vault`` is safe to share between threads (the window's database and network lanes): one
re-entrant lock is held for a whole unit of work or read, and by unlocking, locking and changing
the passphrase. So locking never cuts a unit of work in half (it waits for the one in flight,
never for a network), and a unit of work started after the lock fails with ``VaultLocked``.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import platformdirs
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from rjdesk.domain.base import new_id
from rjdesk.domain.models import Setting, VaultInfo
from rjdesk.store import audit, migrate, search
from rjdesk.store.engine import create_vault_engine
from rjdesk.store.keys import (
    DATA_KEY_BYTES,
    KeyFile,
    calibrate_kdf,
    check_new_passphrase,
    new_recovery_key,
)
from rjdesk.store.prepared import Driver, Runs
from rjdesk.store.unit import (
    Actor,
    Clock,
    PendingEvent,
    Reading,
    UnitOfWork,
    make_session_factory,
    only_reads,
    pending_audit,
    writer_bind,
)
from rjdesk_protocol.atomic import remove_stale_temps
from rjdesk_protocol.calendar import LONDON
from rjdesk_protocol.errors import (
    DiskFull,
    ValidationError,
    VaultDamaged,
    VaultExists,
    VaultLocked,
    is_disk_full,
)
from rjdesk_protocol.references import device_code_for

log = logging.getLogger(__name__)

KEY_FILE = "vault.key"
DB_FILE = "cases.db"
BACKUPS_DIR = "backups"
DATA_DIR_ENV = "RJDESK_DATA_DIR"
SQL_ECHO_ENV = "RJDESK_SQL_ECHO"
# Test and demo setting: pretend today is this date (YYYY-MM-DD) in Europe/London.
TODAY_ENV = "RJDESK_TODAY"


def default_data_dir() -> Path:
    """The platform's local (never roaming) user data folder: a roaming profile would copy the
    vault to a file server and could bring back a stale copy over it."""
    return platformdirs.user_data_path("rjdesk", appauthor=False, roaming=False)


def resolve_data_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env:
        return Path(from_env).expanduser()
    return default_data_dir()


def system_clock() -> datetime:
    return datetime.now(UTC)


def clock_from_env() -> Clock:
    """The real clock, or one shifted to ``RJDESK_TODAY`` (time of day still moves)."""
    fixed = os.environ.get(TODAY_ENV)
    if not fixed:
        return system_clock
    try:
        day = date.fromisoformat(fixed)
    except ValueError:
        raise ValidationError(f"{TODAY_ENV} must be a date like 2026-11-24") from None

    def shifted() -> datetime:
        local_time = datetime.now(LONDON).time()
        return datetime.combine(day, local_time, LONDON).astimezone(UTC)

    return shifted


def _clock_at_noon(day: date) -> Clock:
    return lambda: datetime.combine(day, time(12), LONDON).astimezone(UTC)


class Vault:
    """Open (unlocked) or closed (locked) access to one data directory."""

    def __init__(self, data_dir: Path, *, clock: Clock = system_clock) -> None:
        self.data_dir = Path(data_dir)
        self.clock = clock
        self._engine: Engine | None = None
        self._writer: Engine | None = None
        self._sessions: sessionmaker[Session] | None = None
        self._data_key: bytearray | None = None
        self._actor: Actor | None = None
        # Audit events of reading done while the disk was full (``unit_of_work``).
        self._held_audit: list[PendingEvent] = []
        self.device_code = ""
        self.vault_id = ""
        # Held for each unit of work and read, and by unlock, lock and passphrase changes
        # (re-entrant: a unit of work may call a vault method that takes it again).
        self._lock = threading.RLock()

    # -- paths and state -----------------------------------------------------------------------

    @property
    def key_path(self) -> Path:
        return self.data_dir / KEY_FILE

    @property
    def db_path(self) -> Path:
        return self.data_dir / DB_FILE

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / BACKUPS_DIR

    @staticmethod
    def exists(data_dir: Path) -> bool:
        return (Path(data_dir) / KEY_FILE).exists()

    @property
    def is_unlocked(self) -> bool:
        return self._engine is not None

    @property
    def actor(self) -> Actor:
        if self._actor is None:
            raise VaultLocked("the vault is locked: unlock it first")
        return self._actor

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise VaultLocked("the vault is locked: unlock it first")
        return self._engine

    # -- create, unlock, lock ------------------------------------------------------------------

    @classmethod
    def create(
        cls, data_dir: Path, *, facilitator_name: str, passphrase: str, clock: Clock = system_clock
    ) -> tuple[Vault, str]:
        """Create a vault and return it unlocked with its recovery key (shown once)."""
        facilitator_name = facilitator_name.strip()
        if not facilitator_name:
            raise ValidationError("the facilitator's name is needed", field="name")
        check_new_passphrase(passphrase)
        vault = cls(data_dir, clock=clock)
        if cls.exists(vault.data_dir):
            raise VaultExists(f"a vault already exists in {vault.data_dir}")
        vault.data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        # A database without a key file is what a killed `init` leaves: nobody can ever open it.
        for leftover in (vault.db_path, *vault._sidecars()):
            with contextlib.suppress(FileNotFoundError):
                leftover.unlink()

        data_key = bytearray(os.urandom(DATA_KEY_BYTES))
        recovery_text, recovery_secret = new_recovery_key()
        key_file = KeyFile(vault_id=new_id())
        key_file.set_passphrase(bytes(data_key), passphrase, calibrate_kdf())
        key_file.set_recovery(bytes(data_key), recovery_secret)

        signing_key = Ed25519PrivateKey.generate()
        info = VaultInfo(
            id=1,
            vault_id=key_file.vault_id,
            device_id=new_id(),
            device_code=device_code_for(signing_key.public_key().public_bytes_raw()),
            facilitator_name=facilitator_name,
            signing_key=signing_key.private_bytes_raw(),
            created_at=clock(),
        )
        # The database is built first and the key file written last: a vault exists once its
        # key file does, so an interrupted `init` leaves nothing that looks like a vault.
        engine = create_vault_engine(vault.db_path, bytes(data_key))
        try:
            migrate.upgrade(engine, vault.db_path, vault.backups_dir, checkpoint=lambda: None)
            # Owner-only, like the key file; SQLite gives its -wal and -shm the same mode.
            if os.name == "posix":
                vault.db_path.chmod(0o600)
            factory = make_session_factory(engine, Actor(facilitator_name, info.device_id), clock)
            with factory(bind=writer_bind(engine)) as session:
                session.add(info)
                index_version = search.SEARCH_INDEX_VERSION
                session.add(Setting(key=search.SEARCH_INDEX_SETTING, value=index_version))
                uow = UnitOfWork(session, Actor(facilitator_name, info.device_id), clock)
                uow.audit("create_vault", entity="vault", entity_id=key_file.vault_id)
                session.commit()
        finally:
            engine.dispose()
        key_file.write(vault.key_path)
        vault._open(data_key)
        return vault, recovery_text

    def unlock(self, passphrase: str, *, failed_attempts: int = 0) -> None:
        """Open the vault. ``failed_attempts`` counted by the GUI are recorded now (a wrong
        passphrase itself can write nothing)."""
        with self._lock:
            if self.is_unlocked:
                return
            data_key = KeyFile.read(self.key_path).unwrap_with_passphrase(passphrase)
            self._open(data_key, failed_attempts=failed_attempts)

    def _open(self, data_key: bytearray, *, failed_attempts: int = 0) -> None:
        with self._lock:
            self._open_locked(data_key, failed_attempts=failed_attempts)

    def _open_locked(self, data_key: bytearray, *, failed_attempts: int = 0) -> None:
        if not self.db_path.exists():
            raise VaultDamaged(
                f"the vault's database ({self.db_path.name}) is missing; restore it from a backup"
            )
        remove_stale_temps(self.key_path)
        engine = self._make_engine(data_key)
        try:
            migrate.upgrade(
                engine, self.db_path, self.backups_dir, checkpoint=lambda: _checkpoint(engine)
            )
            with Session(engine) as session:
                info = session.get(VaultInfo, 1)
                if info is None:
                    raise VaultDamaged("the vault has no owner record; restore it from a backup")
                actor = Actor(info.facilitator_name, info.device_id)
                self.device_code, self.vault_id = info.device_code, info.vault_id
            self._engine, self._writer, self._actor = engine, writer_bind(engine), actor
            self._sessions = make_session_factory(engine, actor, self.clock)
            self._data_key = data_key
            with self.unit_of_work() as uow:
                self._refresh_search_index(uow.session)
                if failed_attempts:
                    uow.audit(
                        "unlock_failed",
                        outcome="refused",
                        detail=f"{failed_attempts} wrong passphrase attempt(s) before this unlock",
                    )
                uow.audit("unlock", entity="vault", entity_id=self.vault_id)
        except BaseException:
            self.lock()
            engine.dispose()
            raise

    def _make_engine(self, data_key: bytearray) -> Engine:
        """The engine over this vault's database (the benchmark swaps in plain SQLite here)."""
        echo = os.environ.get(SQL_ECHO_ENV) == "1"
        return create_vault_engine(self.db_path, bytes(data_key), echo=echo)

    def _refresh_search_index(self, session: Session) -> None:
        setting = session.get(Setting, search.SEARCH_INDEX_SETTING)
        if setting is not None and setting.value == search.SEARCH_INDEX_VERSION:
            return
        log.info("rebuilding the search index")
        search.rebuild(session)
        if setting is None:
            session.add(Setting(key=search.SEARCH_INDEX_SETTING, value=search.SEARCH_INDEX_VERSION))
        else:
            setting.value = search.SEARCH_INDEX_VERSION

    def lock(self) -> None:
        """Close every SQLCipher connection and drop the key (DESIGN §4). A unit of work in
        flight on another thread ends (commits or rolls back) first."""
        with self._lock:
            if self._engine is not None:
                self._engine.dispose()
            if self._data_key is not None:
                # Best effort: Python may hold other copies, but ours does not outlive the lock.
                for index in range(len(self._data_key)):
                    self._data_key[index] = 0
            self._engine = self._writer = None
            self._sessions = None
            self._data_key = None
            self._actor = None

    # -- passphrases ---------------------------------------------------------------------------

    def change_passphrase(self, old_passphrase: str, new_passphrase: str) -> None:
        """Rewrap the data key under a new passphrase; the database is not touched."""
        check_new_passphrase(new_passphrase)
        with self._lock:
            key_file = KeyFile.read(self.key_path)
            data_key = key_file.unwrap_with_passphrase(old_passphrase)
            key_file.set_passphrase(bytes(data_key), new_passphrase, calibrate_kdf())
            key_file.write(self.key_path)
            if self.is_unlocked:
                with self.unit_of_work() as uow:
                    uow.audit("change_passphrase", entity="vault", entity_id=self.vault_id)

    def reset_passphrase(self, recovery_key: str, new_passphrase: str) -> None:
        """Set a new passphrase with the recovery key (forgotten passphrase); leaves it open."""
        check_new_passphrase(new_passphrase)
        with self._lock:
            key_file = KeyFile.read(self.key_path)
            data_key = key_file.unwrap_with_recovery_key(recovery_key)
            key_file.set_passphrase(bytes(data_key), new_passphrase, calibrate_kdf())
            key_file.write(self.key_path)
            self.lock()
            self._open(data_key)
            with self.unit_of_work() as uow:
                uow.audit(
                    "reset_passphrase",
                    entity="vault",
                    entity_id=self.vault_id,
                    detail="reset with the recovery key",
                )

    # -- units of work -------------------------------------------------------------------------

    @contextmanager
    def unit_of_work(self) -> Iterator[UnitOfWork]:
        """One write transaction: committed when the block ends, rolled back if it raises.
        It holds the vault's lock throughout, so a lock waits for it to end.

        A full disk raises ``DiskFull`` (the change is rolled back), except for a unit of work
        that only read: its audit events are held here, in memory, and appended before the
        events of the next unit of work that commits, so reading goes on and the chain stays
        whole (its events are numbered when written)."""
        with self._lock, self._unit_of_work() as uow:
            yield uow

    @contextmanager
    def _unit_of_work(self) -> Iterator[UnitOfWork]:
        if self._sessions is None or self._writer is None or self._actor is None:
            raise VaultLocked("the vault is locked: unlock it first")
        session = self._sessions(bind=self._writer)
        held = list(self._held_audit)
        pending_audit(session).extend(held)
        try:
            yield UnitOfWork(session, self._actor, self.clock)
            if only_reads(session):
                events = list(pending_audit(session))
                pending_audit(session).clear()
                self._commit_reading(session, events)
            else:
                session.commit()
                del self._held_audit[: len(held)]
        except BaseException as error:
            session.rollback()
            if is_disk_full(error) and not isinstance(error, DiskFull):
                raise DiskFull() from None
            raise
        finally:
            session.close()

    def _commit_reading(self, session: Session, events: list[PendingEvent]) -> None:
        """Commit a unit of work that only read, with its audit events appended in the same
        transaction. What it read is detached first, so a failed commit on a full disk
        expires none of it (a rollback expires what its session holds)."""
        if not events:
            session.commit()  # writes nothing, and leaves what was read loaded
            return
        session.expunge_all()
        self._append_or_hold(session.connection(), events, session.commit, session.rollback)

    def _append_or_hold(
        self,
        conn: Runs,
        events: list[PendingEvent],
        commit: Callable[[], None],
        rollback: Callable[[], None],
    ) -> None:
        """Append a reading's audit events in its own transaction (which holds the write lock
        already) and commit; on a full disk hold them instead and let the reading go on."""
        try:
            # Only audit rows are written, with no session flush: nothing to stamp, index or
            # queue, so opening a case (the window's most frequent reading) stays cheap.
            audit.append_all(conn, events)
            commit()
        except Exception as error:
            rollback()
            if not is_disk_full(error):
                raise
            self._held_audit = events
            log.warning("the disk is full: %d audit event(s) held until a write", len(events))
            return
        self._held_audit = []

    @contextmanager
    def reading(self) -> Iterator[Reading]:
        """One transaction that only reads, with prepared statements on a pooled connection
        and no session (for the window's most frequent reading); its audit events are appended
        when it ends, in the same transaction, or held on a full disk as a unit of work's are.
        It holds the vault's lock throughout.

        The transaction is begun and ended on the driver's connection, as the engine's own
        ``begin`` listener and commit would: a SQLAlchemy ``Connection`` and its transaction
        cost opening a case more than its audit event's Python, for nothing it uses."""
        with self._lock:
            if self._writer is None or self._actor is None:
                raise VaultLocked("the vault is locked: unlock it first")
            pooled = self._writer.raw_connection()
            try:
                driver: Any = pooled.driver_connection
                driver.execute("BEGIN IMMEDIATE")  # it may append audit events
                conn = Driver(driver, self._writer, self._writer.dialect)
                reading = Reading(conn, self._actor, self.clock)
                try:
                    yield reading
                    events = [*self._held_audit, *reading.events]
                    if events:
                        self._append_or_hold(conn, events, driver.commit, driver.rollback)
                    else:
                        driver.commit()
                except BaseException as error:
                    driver.rollback()
                    if is_disk_full(error) and not isinstance(error, DiskFull):
                        raise DiskFull() from None
                    raise
            finally:
                pooled.close()  # back to the pool, which resets it as it does any

    @contextmanager
    def reader(self) -> Iterator[Session]:
        """A read-only session over one consistent snapshot. Objects loaded in it stay usable
        afterwards (detached, with what was loaded), e.g. for a window to show. It holds the
        vault's lock throughout, as a unit of work does."""
        with self._lock, self._reader() as session:
            yield session

    @contextmanager
    def _reader(self) -> Iterator[Session]:
        if self._sessions is None:
            raise VaultLocked("the vault is locked: unlock it first")
        session = self._sessions()
        try:
            yield session
        finally:
            # close() ends the read transaction and detaches the objects without expiring them
            # (a rollback would expire them, and a closed case could no longer be shown).
            session.close()

    def facilitator_name(self) -> str:
        return self.actor.name

    def info(self) -> VaultInfo:
        with self.reader() as session:
            info = session.scalars(select(VaultInfo)).one()
            session.expunge(info)
            return info

    def _sidecars(self) -> tuple[Path, Path]:
        return (self.db_path.with_name(DB_FILE + "-wal"), self.db_path.with_name(DB_FILE + "-shm"))


def _checkpoint(engine: Engine) -> None:
    """Fold the WAL into the main file (outside any transaction) so a file copy is complete."""
    raw = engine.raw_connection()
    try:
        raw.driver_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()  # type: ignore[union-attr]
    finally:
        raw.close()
