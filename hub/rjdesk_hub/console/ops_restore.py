"""``rjdesk-hub restore``: prove a backup (``--check``) or put it back (``--into DIR``).

A backup is opened with the operator's age identity; age authenticates every chunk, so a
backup changed by even one byte, cut short or made for another identity is refused in one
sentence, and nothing of it is used. Its members must be exactly those its manifest lists,
each with its SHA-256.

``--check`` restores it into a throw-away store (a 0700 folder removed afterwards) with the
hub's keys, opens it as the hub does (which brings its schema to this rjdesk's newest), counts
its rows against the manifest, and runs the hub's own check (``rjdesk_hub.check``: every record
decrypted and checked against the record schema). The keys come from ``--keys FILE`` (the copy
kept apart, docs/hub.md) or from the hub in the data folder.
"""

from __future__ import annotations

import json
import os
import shutil
import tarfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyrage

from rjdesk_hub import config, migrate
from rjdesk_hub.console.ops_backup import (
    BACKUP_FORMAT,
    DATABASE,
    MANIFEST,
    SETTINGS,
    UPLOADS,
    BackupRefused,
    sha256_of,
    staging,
    table_rows,
)
from rjdesk_hub.errors import HubError
from rjdesk_hub.service import Hub

_ALTERED = (
    "the backup cannot be opened: it was changed or damaged after it was made; use another backup"
)
_NOT_YOURS = "the backup cannot be opened with this identity: give the identity it was made for"
_MAX_MANIFEST = 2**20


@dataclass(frozen=True)
class Verdict:
    ok: bool
    line: str


def read_identities(name: str) -> list[pyrage.x25519.Identity]:
    """The age identities of a file (``AGE-SECRET-KEY-1…`` lines; ``#`` comments skipped)."""
    try:
        lines = Path(name).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        raise BackupRefused(f"cannot read the identity file {name}") from None
    found = []
    for line in lines:
        text = line.strip()
        if text and not text.startswith("#"):
            try:
                found.append(pyrage.x25519.Identity.from_str(text))
            except pyrage.IdentityError:
                raise BackupRefused(f"{name} holds a line that is not an age identity") from None
    if not found:
        raise BackupRefused(f"{name} holds no age identity (AGE-SECRET-KEY-1…)")
    return found


def open_backup(
    backup: Path, identities: list[pyrage.x25519.Identity], into: Path
) -> dict[str, Any]:
    """Decrypt ``backup`` and unpack it into the folder ``into``; check every member against
    the manifest; return the manifest."""
    if not backup.is_file():
        raise BackupRefused(f"there is no backup file at {backup}")
    archive = into / "backup.tar"
    try:
        pyrage.decrypt_file(str(backup), str(archive), identities)
    except pyrage.DecryptError as exc:
        raise BackupRefused(
            _NOT_YOURS if "no matching keys" in str(exc).lower() else _ALTERED
        ) from None
    except (OSError, ValueError):
        raise BackupRefused(_ALTERED) from None
    try:
        with tarfile.open(archive, "r:") as tar:
            members = tar.getmembers()
            for member in members:
                if not member.isfile():
                    raise BackupRefused(_ALTERED)
            tar.extractall(into / "content", filter="data")
    except (tarfile.TarError, OSError):
        raise BackupRefused(_ALTERED) from None
    finally:
        archive.unlink(missing_ok=True)
    content = into / "content"
    manifest = _manifest(content / MANIFEST)
    listed: dict[str, str] = manifest["members"]
    present = {m.name for m in members} - {MANIFEST}
    if present != set(listed):
        raise BackupRefused(_ALTERED)
    for name, digest in listed.items():
        if sha256_of(content / name) != digest:
            raise BackupRefused(_ALTERED)
    return manifest


def _manifest(path: Path) -> dict[str, Any]:
    try:
        if path.stat().st_size > _MAX_MANIFEST:
            raise BackupRefused(_ALTERED)
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise BackupRefused(_ALTERED) from None
    if not isinstance(doc, dict) or doc.get("format") != BACKUP_FORMAT:
        raise BackupRefused("this file is not an rjdesk hub backup (or one of a newer rjdesk)")
    if not isinstance(doc.get("members"), dict) or not isinstance(doc.get("rows"), dict):
        raise BackupRefused(_ALTERED)
    return doc


def keys_text(keys_file: str | None, data_dir: Path | None) -> bytes:
    """``hub-keys.json`` for the restored store: ``--keys FILE``, else the data folder's."""
    source = Path(keys_file) if keys_file else (data_dir / config.KEYS_FILE if data_dir else None)
    if source is None or not source.is_file():
        raise BackupRefused(
            "the backup holds no keys (they are kept apart): give the hub's keys with "
            "--keys hub-keys.json, or run this on the hub (--data-dir)"
        )
    try:
        return source.read_bytes()
    except OSError as exc:
        raise BackupRefused(f"cannot read the hub's keys {source}: {exc.strerror}") from None


def _key_id(keys: bytes) -> str:
    return config.HubKeys.from_json(keys).signing_key.public.key_id_hex


def _same_hub(manifest: dict[str, Any], keys: bytes) -> None:
    if _key_id(keys) != manifest.get("hub_key_id"):
        raise BackupRefused("these keys are another hub's than the backup's: give its own")


def _lay_out(content: Path, target: Path, keys: bytes) -> None:
    """Put an opened backup's files and the keys into the hub folder ``target`` (0700)."""
    target.mkdir(mode=0o700, parents=True, exist_ok=True)
    target.chmod(0o700)
    for name in (SETTINGS, DATABASE):
        shutil.copyfile(content / name, target / name)
        (target / name).chmod(0o600)
    if (content / UPLOADS).is_dir():
        shutil.copytree(content / UPLOADS, target / UPLOADS, dirs_exist_ok=True)
    fd = os.open(target / config.KEYS_FILE, os.O_CREAT | os.O_WRONLY | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(keys)


def check_backup(
    backup: Path,
    identities: list[pyrage.x25519.Identity],
    keys: bytes,
    stage_in: Path,
) -> Verdict:
    """Restore ``backup`` into a throw-away store inside ``stage_in`` and prove it."""
    with staging(stage_in) as stage:
        manifest = open_backup(backup, identities, stage)
        content = stage / "content"
        counted = table_rows(content / DATABASE)
        if counted != manifest["rows"]:
            return Verdict(False, "FAILED: the backup's rows do not match its manifest")
        _same_hub(manifest, keys)
        store = stage / "store"
        _lay_out(content, store, keys)
        try:
            with Hub.open(store) as hub:
                at = migrate.current_revision(hub.db.engine)
                result = hub.check()
        except HubError as error:
            return Verdict(False, f"FAILED: {error}")
        if at != migrate.head_revision():
            return Verdict(False, f"FAILED: its schema stayed at {at}")
        if result.set_aside:
            return Verdict(
                False,
                f"FAILED: {len(result.set_aside)} of {result.checked} record(s) fail the hub's "
                "check (restore it and run rjdesk-hub check to list them)",
            )
        rows = sum(manifest["rows"].values())
        return Verdict(
            True,
            f"OK: backup of {manifest.get('hub_name')!r} made {manifest.get('created_at')} "
            f"restores: schema {manifest.get('schema_version')} brought to {at}, {rows} rows in "
            f"{len(manifest['rows'])} tables as listed, {result.checked} record(s) pass the "
            "hub's check.",
        )


def restore_into(
    backup: Path, identities: list[pyrage.x25519.Identity], keys: bytes, target: Path
) -> str:
    """Restore ``backup`` as the hub in the folder ``target`` (which must hold no hub); record
    the restore, so laptops send their work again; return a one-line summary."""
    if config.exists(target) or (target / config.SETTINGS_FILE).exists():
        raise BackupRefused(f"a hub already exists in {target}; restore into an empty folder")
    target.mkdir(mode=0o700, parents=True, exist_ok=True)
    with staging(target) as stage:
        manifest = open_backup(backup, identities, stage)
        _same_hub(manifest, keys)
        _lay_out(stage / "content", target, keys)
    with Hub.open(target) as hub:
        hub.record_restore()
    return (
        f"Restored the backup of {manifest.get('hub_name')!r} made {manifest.get('created_at')} "
        f"into {target}, and recorded the restore: each laptop's next sync sends its work again."
    )
