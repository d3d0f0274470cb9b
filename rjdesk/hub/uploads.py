"""Resumable uploads: a bundle arrives in chunks into ``uploads/<sha256>.part``.

The partial file is age ciphertext (a sealed bundle), owner-only (0600), capped at the largest
bundle a hub accepts, and removed once the bundle was processed, or by ``prune`` when it has
lain untouched for 7 days. Chunks are appended in order: a chunk at any offset other than the
bytes held is refused with how much the hub holds, so the laptop resumes from there.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
from pathlib import Path

from rjdesk.hub.errors import HubError
from rjdesk.sync.bundle import MAX_BUNDLE_BYTES

_SHA256 = re.compile(r"[0-9a-f]{64}")


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
    """The upload would grow past the largest bundle a hub accepts."""


class Uploads:
    """The partial uploads in one folder. Safe to use from several threads."""

    def __init__(self, directory: Path, *, max_bytes: int = MAX_BUNDLE_BYTES) -> None:
        self.directory = directory
        self.max_bytes = max_bytes
        self._lock = threading.Lock()

    def path(self, sha256: str) -> Path:
        if not _SHA256.fullmatch(sha256):
            raise BadUploadName("an upload is named by the SHA-256 of the bundle (64 hex digits)")
        return self.directory / f"{sha256}.part"

    def received(self, sha256: str) -> int:
        """How many bytes of this upload the hub holds (0 if none)."""
        try:
            return self.path(sha256).stat().st_size
        except FileNotFoundError:
            return 0

    def append(self, sha256: str, offset: int, chunk: bytes) -> int:
        """Add ``chunk`` at ``offset``; return the bytes now held."""
        path = self.path(sha256)
        with self._lock:
            held = self.received(sha256)
            if offset != held:
                raise OffsetMismatch(held)
            if held + len(chunk) > self.max_bytes:
                raise UploadTooLarge(
                    f"the upload would be larger than {self.max_bytes // 2**20} MiB, "
                    "the most a hub accepts"
                )
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
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

    def read(self, sha256: str) -> bytes | None:
        """The whole upload, or None when there is none."""
        with self._lock:
            try:
                return self.path(sha256).read_bytes()
            except FileNotFoundError:
                return None

    def discard(self, sha256: str) -> None:
        with self._lock, contextlib.suppress(FileNotFoundError):
            self.path(sha256).unlink()
