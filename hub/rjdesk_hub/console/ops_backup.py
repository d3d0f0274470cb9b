"""``rjdesk-hub backup OUT``: an encrypted copy of the hub's store (docs/hub.md, "Operations").

A backup is one age file (``pyrage``) encrypted to recipients the operator gives, never to the
hub's own key alone: a backup must open after the server, and ``hub-keys.json`` with it, is
lost. Inside is a tar archive of

- ``manifest.json``: the format, when, the hub's name and key id, the schema version, the rows
  of each table and the SHA-256 of every other member;
- ``hub.json``: the hub's settings (no secret in it; its database URL emptied);
- ``hub.db``: a consistent copy of the SQLite database, made with SQLite's online backup API
  while the hub may go on serving (the accepted bundles it keeps are rows of it);
- ``uploads/…``: the unfinished uploads (age ciphertext to the hub's key).

``hub-keys.json`` is not in it: it is kept apart, as docs/hub.md says, so a stolen backup and
its identity still do not open case data. A PostgreSQL hub is refused for now, in one sentence.
The copy is staged in a 0700 folder inside the data folder (the same disk, the same
protection) and removed afterwards; the backup itself is written 0600 and renamed into place.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import tarfile
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

import pyrage
from sqlalchemy.engine import make_url

from rjdesk_hub import config
from rjdesk_hub.errors import HubError
from rjdesk_hub.models import hub_tables

BACKUP_FORMAT = "rjdesk-hub-backup/1"
MANIFEST = "manifest.json"
SETTINGS = "hub.json"
DATABASE = "hub.db"
UPLOADS = "uploads"
_PIECE = 2**20


class BackupRefused(HubError):
    """A backup cannot be made, opened or restored; the sentence says why."""


@dataclass(frozen=True)
class BackupMade:
    path: Path
    size: int
    rows: int
    tables: int
    recipients: int


def read_recipients(given: list[str], files: list[str]) -> list[pyrage.x25519.Recipient]:
    """The age recipients of ``--recipient`` and of each recipients file (one ``age1…`` a
    line; blank lines and ``#`` comments skipped)."""
    texts = [(text, "--recipient") for text in given]
    for name in files:
        try:
            lines = Path(name).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            raise BackupRefused(f"cannot read the recipients file {name}") from None
        texts += [(line.strip(), name) for line in lines if line.strip()[:1] not in ("", "#")]
    if not texts:
        raise BackupRefused(
            "give the backup's recipient: --recipient age1… (or --recipients-file FILE), "
            "a key kept off this server"
        )
    found = []
    for text, where in texts:
        try:
            found.append(pyrage.x25519.Recipient.from_str(text))
        except pyrage.RecipientError:
            raise BackupRefused(f"{where}: {text[:20]!r} is not an age recipient (age1…)") from None
    return found


def sqlite_path(db_url: str) -> Path:
    """The SQLite file of the hub's database; refuse any other database in one sentence."""
    parsed = make_url(db_url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        raise BackupRefused(
            "rjdesk-hub backup does not back up a PostgreSQL hub yet: back its database up "
            'with pg_dump, encrypted with age, as docs/hub.md ("Operations") says'
        )
    return Path(parsed.database)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while piece := handle.read(_PIECE):
            digest.update(piece)
    return digest.hexdigest()


def table_rows(database: Path) -> dict[str, int]:
    """The rows of each hub table in a SQLite file (tables it does not have are left out)."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        present = {
            name
            for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        counts: dict[str, int] = {}
        for table in hub_tables():
            if table.name in present:
                # The name is one of the hub's own tables (hub_tables), never an input.
                query = f'SELECT count(*) FROM "{table.name}"'  # noqa: S608
                counts[table.name] = int(connection.execute(query).fetchone()[0])
        return counts
    finally:
        connection.close()


def schema_version(database: Path) -> str | None:
    """The Alembic version a SQLite hub database is at (None: none recorded)."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.Error:
        return None
    finally:
        connection.close()
    return str(row[0]) if row else None


@contextmanager
def staging(data_dir: Path) -> Iterator[Path]:
    """A 0700 folder inside the data folder, removed afterwards whatever happens."""
    folder = Path(tempfile.mkdtemp(prefix=".backup-", dir=data_dir))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a live SQLite database (its WAL included), by the backup API."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    fd = os.open(target, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    os.close(fd)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def make_backup(
    data_dir: Path,
    out: Path,
    recipients: list[pyrage.x25519.Recipient],
    *,
    db_override: str | None = None,
    now: datetime | None = None,
) -> BackupMade:
    """Write an encrypted backup of the hub in ``data_dir`` to ``out``."""
    settings, keys = config.load(data_dir)
    own = keys.age_identity.recipient
    if all(str(r) == own for r in recipients):
        raise BackupRefused(
            "a backup encrypted to the hub's own key alone is lost with the server: give a "
            "recipient whose identity is kept elsewhere"
        )
    database = sqlite_path(config.db_url_for(data_dir, settings, db_override))
    if not database.is_file():
        raise BackupRefused(f"the hub has no database at {database} to back up")
    if out.exists() and out.is_dir():
        raise BackupRefused(f"{out} is a folder: give the backup file's name")
    with staging(data_dir) as stage:
        copy = stage / DATABASE
        try:
            _copy_database(database, copy)
        except sqlite3.Error as exc:
            raise BackupRefused(
                f"the hub's database could not be copied ({type(exc).__name__}); "
                "check that it is readable and not damaged"
            ) from None
        rows = table_rows(copy)
        members: dict[str, Path] = {DATABASE: copy}
        uploads = data_dir / config.UPLOADS_DIR
        if uploads.is_dir():
            for part in sorted(uploads.rglob("*")):
                if part.is_file() and not part.is_symlink():
                    members[part.relative_to(data_dir).as_posix()] = part
        kept = replace(settings, db_url="").to_json()
        manifest = {
            "format": BACKUP_FORMAT,
            "created_at": (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "hub_name": settings.name,
            "hub_key_id": keys.signing_key.public.key_id_hex,
            "schema_version": schema_version(copy),
            "rows": rows,
            "members": {
                SETTINGS: hashlib.sha256(kept).hexdigest(),
                **{name: sha256_of(path) for name, path in members.items()},
            },
        }
        archive = stage / "backup.tar"
        with tarfile.open(archive, "w") as tar:
            _add_bytes(tar, MANIFEST, json.dumps(manifest, indent=1).encode("utf-8"))
            _add_bytes(tar, SETTINGS, kept)
            for name, path in members.items():
                tar.add(path, arcname=name, recursive=False)
        out.parent.mkdir(parents=True, exist_ok=True)
        # Encrypted into a 0600 file beside ``out``, then renamed: a reader never sees half a
        # backup under its name, and nothing else can read it meanwhile.
        fd, temp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=out.parent)
        os.close(fd)
        try:
            pyrage.encrypt_file(str(archive), temp_name, recipients)
            Path(temp_name).replace(out)
        except BaseException:
            Path(temp_name).unlink(missing_ok=True)
            raise
    return BackupMade(out, out.stat().st_size, sum(rows.values()), len(rows), len(recipients))


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(data))
