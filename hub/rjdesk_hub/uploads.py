"""Resumable uploads: a bundle arrives in chunks into ``uploads/<device>/<sha256>.part``.

An upload belongs to the device that started it: its folder is named by the SHA-256 of the
device id, so another device naming the same bundle hash reaches its own (empty) upload and can
neither read, append to nor discard this one. The partial file is age ciphertext (a sealed
bundle), owner-only (0600), capped at the largest bundle a hub accepts, and removed once the
bundle was processed, or by ``prune`` when it has lain untouched for 7 days. Chunks are appended
in order: a chunk at any offset other than the bytes held is refused with how much the hub
holds, so the laptop resumes from there.

Each device may hold a limited number of unfinished uploads and bytes in them
(``UploadLimits``, from the hub's settings); the bytes it sends each day are counted in the
hub's database (``DailyBytes``).
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete
from sqlalchemy.orm import Session

from rjdesk_hub import models as m
from rjdesk_hub.db import Database
from rjdesk_hub.errors import HubError
from rjdesk_protocol.bundle import MAX_BUNDLE_BYTES

_SHA256 = re.compile(r"[0-9a-f]{64}")
MIB = 2**20


class BadUploadName(HubError):
    """The upload is not named by a SHA-256 (64 lower-case hex digits)."""


class OffsetMismatch(HubError):
    """A chunk's offset is not the number of bytes the hub holds."""

    def __init__(self, received: int) -> None:
        super().__init__(
            f"the hub holds {received} bytes of this upload: send the chunk at that offset"
        )
        self.received = received


class UploadTooLarge(HubError):
    """The upload would grow past the largest bundle a hub accepts, or past the bytes of
    unfinished uploads a device may hold (HTTP 413)."""


class QuotaExceeded(HubError):
    """The device has as many unfinished uploads as it may, or sent its bytes for today
    (HTTP 429)."""


@dataclass(frozen=True)
class UploadLimits:
    """What one device may hold and send (the hub's settings, docs/hub.md)."""

    unfinished: int = 4
    unfinished_bytes: int = MAX_BUNDLE_BYTES
    bytes_per_day: int = 4 * MAX_BUNDLE_BYTES


def _mib(size: int) -> str:
    return f"{size / MIB:.0f} MiB" if size >= MIB else f"{size} bytes"


class Uploads:
    """The partial uploads in one folder, one sub-folder per device. Safe to use from several
    threads."""

    def __init__(
        self,
        directory: Path,
        *,
        max_bytes: int = MAX_BUNDLE_BYTES,
        limits: UploadLimits | None = None,
    ) -> None:
        self.directory = directory
        self.max_bytes = max_bytes
        self.limits = limits or UploadLimits()
        self._lock = threading.Lock()

    def device_dir(self, device_id: str) -> Path:
        return self.directory / hashlib.sha256(device_id.encode("utf-8")).hexdigest()[:32]

    def path(self, device_id: str, sha256: str) -> Path:
        if not _SHA256.fullmatch(sha256):
            raise BadUploadName("an upload is named by the SHA-256 of the bundle (64 hex digits)")
        return self.device_dir(device_id) / f"{sha256}.part"

    def received(self, device_id: str, sha256: str) -> int:
        """How many bytes of this device's upload the hub holds (0 if none)."""
        try:
            return self.path(device_id, sha256).stat().st_size
        except FileNotFoundError:
            return 0

    def _unfinished(self, device_id: str) -> list[int]:
        """The sizes of this device's unfinished uploads."""
        sizes = []
        folder = self.device_dir(device_id)
        if not folder.is_dir():
            return []
        for part in folder.glob("*.part"):
            with contextlib.suppress(FileNotFoundError):
                sizes.append(part.stat().st_size)
        return sizes

    def _check_limits(self, device_id: str, held: int, chunk: int) -> None:
        if held + chunk > self.max_bytes:
            raise UploadTooLarge(
                f"the upload would be larger than {_mib(self.max_bytes)}, the most a hub accepts"
            )
        sizes = self._unfinished(device_id)
        if held == 0 and len(sizes) >= self.limits.unfinished:
            raise QuotaExceeded(
                f"this laptop already has {len(sizes)} unfinished uploads at the hub, the most "
                "it may have: let them finish, or they are removed after 7 days"
            )
        if sum(sizes) + chunk > self.limits.unfinished_bytes:
            raise UploadTooLarge(
                "this laptop's unfinished uploads at the hub would pass "
                f"{_mib(self.limits.unfinished_bytes)}, the most it may hold: let them finish first"
            )

    def append(self, device_id: str, sha256: str, offset: int, chunk: bytes) -> int:
        """Add ``chunk`` at ``offset`` of this device's upload; return the bytes now held."""
        path = self.path(device_id, sha256)
        with self._lock:
            held = self.received(device_id, sha256)
            if offset != held:
                raise OffsetMismatch(held)
            self._check_limits(device_id, held, len(chunk))
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
            try:
                view = memoryview(chunk)
                while view:
                    view = view[os.write(fd, view) :]
                # Durable before it is acknowledged: what the hub says it holds, it holds.
                os.fsync(fd)
            finally:
                os.close(fd)
            return held + len(chunk)

    def read(self, device_id: str, sha256: str) -> bytes | None:
        """This device's whole upload, or None when there is none."""
        with self._lock:
            try:
                return self.path(device_id, sha256).read_bytes()
            except FileNotFoundError:
                return None

    def discard(self, device_id: str, sha256: str) -> None:
        with self._lock, contextlib.suppress(FileNotFoundError):
            self.path(device_id, sha256).unlink()


class DailyBytes:
    """The bytes each device uploaded per UTC day, in the hub's database (so a restart does not
    reset them). A device's rows of earlier days are deleted when its first chunk of a day
    arrives."""

    def __init__(self, db: Database, limit: int) -> None:
        self._db = db
        self.limit = limit

    def charge(self, device_id: str, size: int, now: datetime) -> None:
        """Count ``size`` bytes against today's quota; QuotaExceeded (nothing counted) when
        they would pass it."""
        day = now.strftime("%Y-%m-%d")
        with Session(self._db.engine) as session, session.begin():
            row = session.get(m.UploadDay, (device_id, day), with_for_update=True)
            if row is None:
                session.execute(delete(m.UploadDay).where(m.UploadDay.device_id == device_id))
                row = m.UploadDay(device_id=device_id, day=day, size=0)
                session.add(row)
            if row.size + size > self.limit:
                raise QuotaExceeded(
                    f"this laptop has sent {_mib(row.size)} to the hub today, the most it may "
                    "send in a day: sync again tomorrow, or ask the coordinator to raise the limit"
                )
            row.size += size
