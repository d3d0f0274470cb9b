"""Sync, as the window and the CLI ask for it: enrol with a hub, sync now with progress, say
what waits, carry a bundle on a USB stick, and settle the conflicts the hub found (DESIGN §7).

Each function owns its units of work on the vault; ``sync_now`` never holds one open across
the network (``rjdesk.services.sync``), so it may run on a thread of its own while the window
reads and writes the vault, and a lock waits only for the short step in flight.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rjdesk.services import conflicts
from rjdesk.services import sync as sync_service
from rjdesk.services.conflicts import CHOICES, ConflictView, FieldValues
from rjdesk.services.sync import Exported, SyncReport, SyncStatus
from rjdesk.store.vault import Vault
from rjdesk.sync.client import CodeRefused
from rjdesk.sync.set_aside import SetAside
from rjdesk_protocol.atomic import atomic_write

__all__ = [
    "CHOICES",
    "CodeRefused",
    "ConflictView",
    "EnrollmentRequest",
    "Exported",
    "FieldValues",
    "HubJoined",
    "SetAside",
    "SyncReport",
    "SyncStatus",
    "choose",
    "enrol_with_code",
    "export_bundle",
    "import_hub_config",
    "open_conflicts",
    "status",
    "sync_now",
    "write_enrollment_request",
]

Progress = Callable[[str, int, int], None]  # (what: "send" or "receive", done, total)


@dataclass(frozen=True)
class HubJoined:
    """The hub this laptop is now enrolled with, as a person names it."""

    name: str
    url: str


@dataclass(frozen=True)
class EnrollmentRequest:
    """Who asked to join, as written in the request file (it holds no case data)."""

    facilitator_name: str
    device_code: str


def status(vault: Vault) -> SyncStatus:
    """What waits to be sent, the hub's name, the last result and the records set aside."""
    with vault.reader() as session:
        return sync_service.status(session)


def sync_now(vault: Vault, *, progress: Progress | None = None) -> SyncReport:
    """Send what waits and take the hub's updates; ``progress("send", bytes, size)`` while a
    bundle uploads, ``progress("receive", records, records)`` as updates apply. SyncError (and
    its kinds: HubUnreachable, NotEnrolled, …) says in one sentence what stopped it."""
    return sync_service.sync_now(vault, progress=progress)


def write_enrollment_request(vault: Vault, target: Path) -> EnrollmentRequest:
    """Write this laptop's signed request to join a hub to ``target`` (atomically)."""
    request: dict[str, Any] = sync_service.enrollment_request(vault)
    text = json.dumps(request, indent=1, ensure_ascii=False) + "\n"
    atomic_write(target, text.encode())
    return EnrollmentRequest(str(request["facilitator_name"]), str(request["device_code"]))


def import_hub_config(vault: Vault, content: bytes) -> HubJoined:
    """Take the hub's answer to the enrolment request (the bytes of its file)."""
    link = sync_service.import_hub_config(vault, content)
    return HubJoined(link.name, link.url)


def enrol_with_code(vault: Vault, hub_url: str, code: str) -> HubJoined:
    """Enrol with the hub at ``hub_url`` using the one-time ``code`` the coordinator made in the
    hub's console: no files carried. ``CodeRefused`` (the code), ``ValidationError`` (field
    ``hub_url`` or ``code``: what was typed), ``HubUnreachable`` and ``SyncError`` say why not
    in one sentence."""
    link = sync_service.enrol_with_code(vault, hub_url, code)
    return HubJoined(link.name, link.url)


def export_bundle(vault: Vault, target: Path, references: Sequence[str] = ()) -> Exported:
    """Seal every change the hub has not confirmed (and the named cases whole) into one
    bundle encrypted to the hub, written atomically to ``target`` for a USB stick."""
    exported = sync_service.export_bundle(vault, references)
    atomic_write(target, exported.content)
    return exported


def open_conflicts(vault: Vault) -> list[ConflictView]:
    """Conflicts waiting for a choice here, oldest first."""
    with vault.reader() as session:
        return conflicts.open_conflicts(session)


def choose(vault: Vault, conflict_id: str, choice: str, note: str = "") -> None:
    """Settle a conflict here (see ``CHOICES``); the hub hears of it at the next sync."""
    with vault.unit_of_work() as uow:
        conflicts.choose(uow, conflict_id, choice, note)
