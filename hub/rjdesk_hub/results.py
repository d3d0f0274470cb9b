"""What the hub's methods answer (``rjdesk_hub.service.Hub``): plain frozen values, for the
commands, the console and the tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class DeviceInfo:
    id: str
    code: str
    facilitator: str
    facilitator_id: str
    enrolled_at: datetime
    revoked_at: datetime | None
    last_sequence: int


@dataclass(frozen=True)
class ConflictInfo:
    id: str
    case_id: str | None
    reference: str
    kind: str
    raised_at: datetime


@dataclass(frozen=True)
class Assignment:
    case_id: str
    reference: str
    facilitator: str
    devices: int  # the facilitator's laptops it goes to (or is taken off)
    dropped: tuple[str, ...] = ()  # referrers who no longer hold it
    facilitator_id: str = ""


@dataclass(frozen=True)
class HolderChange:
    facilitator_id: str
    facilitator: str
    action: str
    at: datetime
    by: str


@dataclass(frozen=True)
class StoredRecord:
    """A row as the hub holds it now (its fields decrypted: case data, never to be logged)."""

    table: str
    row_id: str
    case_id: str | None
    version: int
    deleted: bool
    fields: dict[str, Any]
    device_id: str
    how: str


@dataclass(frozen=True)
class Pruned:
    bundles: int
    uploads: int
