"""Typed errors shared by every layer.

Each expected error carries one sentence a person can act on (``str(err)``). The CLI and the GUI
show that sentence and nothing else; a traceback is only for errors nobody expected.
These messages must never include key material, and should name fields rather than echo case
content, because a message can end up on a screen shared in a living room.
"""

from __future__ import annotations

import errno


class RjdeskError(Exception):
    """Base of every expected error. ``exit_code`` is what the CLI returns for it."""

    exit_code = 1


DISK_FULL = "the disk is full: free some space and try again; nothing was lost"


class DiskFull(RjdeskError):
    """The disk (or the database's own size limit) is full: the change was rolled back."""

    def __init__(self, message: str = DISK_FULL) -> None:
        super().__init__(message)


def is_disk_full(error: BaseException) -> bool:
    """Whether ``error`` (or what it wraps) is a full disk: ``OSError`` ENOSPC, or SQLite's
    SQLITE_FULL ("database or disk is full"), which SQLAlchemy wraps as ``OperationalError``."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, DiskFull):
            return True
        if isinstance(current, OSError) and current.errno == errno.ENOSPC:
            return True
        if getattr(current, "sqlite_errorcode", None) == SQLITE_FULL:
            return True
        if type(current).__name__ == "OperationalError" and "disk is full" in str(current):
            return True
        orig = getattr(current, "orig", None)  # SQLAlchemy's DBAPIError wraps the driver's
        current = orig if isinstance(orig, BaseException) else current.__cause__
    return False


SQLITE_FULL = 13


class UsageError(RjdeskError):
    exit_code = 2


class WrongPassphrase(RjdeskError):
    """The passphrase (or recovery key) does not open this vault. Nothing was changed."""

    exit_code = 3


class VaultLocked(RjdeskError):
    exit_code = 3


class VaultNotFound(RjdeskError):
    pass


class VaultExists(RjdeskError):
    pass


class VaultDamaged(RjdeskError):
    """The vault's files are unreadable or fail an integrity check."""


class VaultTooNew(RjdeskError):
    """The vault was written by a newer rjdesk; opening it here could damage it."""


class NotFound(RjdeskError):
    pass


class RuleViolation(RjdeskError):
    """A rule of the RJ process (DESIGN §2) refuses the change."""


class ValidationError(RjdeskError):
    """A value is missing or malformed. ``field`` names it when known."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.reason = message


class CaseImportError(RjdeskError):
    """A case file is refused whole; ``field`` is its JSON path (``participants[1].role``)."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}" if field else reason)
        self.field = field
        self.reason = reason


class InvalidBundle(RjdeskError):
    """A case bundle is refused whole; the message says why in one sentence (DESIGN §7)."""


class StaleSequence(InvalidBundle):
    """A well-signed bundle whose sequence the hub has already passed: the laptop's case file
    is older than what it sent (restored from a backup). ``last_sequence`` is the hub's."""

    def __init__(self, message: str, last_sequence: int) -> None:
        super().__init__(message)
        self.last_sequence = last_sequence


class BadSignature(RjdeskError):
    """A signature does not verify with the key it is checked against."""


class InvalidKey(RjdeskError):
    """A key (public key text, age identity or recipient) is malformed."""


class SyncError(RjdeskError):
    """Sync with the hub did not complete; nothing was lost, and the next sync carries on."""


class NotEnrolled(SyncError):
    """This laptop has no hub configuration yet (enrol it first)."""


class HubUnreachable(SyncError):
    """The hub did not answer: the laptop is offline, or the hub is down."""


class BundleRefused(SyncError):
    """The hub refused a bundle and said why; its changes stay queued on the laptop.
    ``last_sequence``: the hub's last sequence of this laptop, when that is why (its vault is
    older than what it sent)."""

    def __init__(self, message: str, last_sequence: int | None = None) -> None:
        super().__init__(message)
        self.last_sequence = last_sequence
