"""Settings held inside the vault: the idle lock, the letterhead and the facilitator's name.

They live in the encrypted file, not in the platform's settings store: the service's details
are not secret, but the settings store is a plain file and the facilitator's name is personal.
"""

from __future__ import annotations

import base64
from dataclasses import asdict, dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from rjdesk.documents.images import check_png
from rjdesk.domain.models import Setting, VaultInfo
from rjdesk.store.unit import UnitOfWork
from rjdesk_protocol.errors import ValidationError

IDLE_LOCK_DEFAULT_MINUTES = 5
IDLE_LOCK_RANGE = (1, 60)


@dataclass
class Letterhead:
    service_name: str = "Restorative Justice Hub"
    address: str = ""
    phone: str = ""
    email: str = ""


@dataclass
class AppSettings:
    facilitator_name: str
    idle_lock_minutes: int = IDLE_LOCK_DEFAULT_MINUTES
    letterhead: Letterhead = field(default_factory=Letterhead)


def load_settings(session: Session) -> AppSettings:
    info = session.scalars(select(VaultInfo)).one()
    idle = session.get(Setting, "idle_lock_minutes")
    letterhead = session.get(Setting, "letterhead")
    known = set(Letterhead.__dataclass_fields__)
    return AppSettings(
        facilitator_name=info.facilitator_name,
        idle_lock_minutes=int(idle.value) if idle else IDLE_LOCK_DEFAULT_MINUTES,
        letterhead=Letterhead(
            **{k: v for k, v in (letterhead.value if letterhead else {}).items() if k in known}
        ),
    )


def _put(session: Session, key: str, value: object) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def save_settings(uow: UnitOfWork, settings: AppSettings) -> list[str]:
    """Save, and return which settings changed (for the audit log and the caller)."""
    low, high = IDLE_LOCK_RANGE
    if not low <= settings.idle_lock_minutes <= high:
        raise ValidationError(f"must be between {low} and {high} minutes", field="idle lock")
    name = " ".join(settings.facilitator_name.split())
    if not name:
        raise ValidationError("a name is needed", field="facilitator name")
    before = load_settings(uow.session)
    changed = []
    if name != before.facilitator_name:
        uow.session.scalars(select(VaultInfo)).one().facilitator_name = name
        changed.append("facilitator name")
    if settings.idle_lock_minutes != before.idle_lock_minutes:
        _put(uow.session, "idle_lock_minutes", settings.idle_lock_minutes)
        changed.append("idle lock")
    letterhead = {k: v.strip() for k, v in asdict(settings.letterhead).items()}
    if letterhead != asdict(before.letterhead):
        _put(uow.session, "letterhead", letterhead)
        changed.append("letterhead")
    if changed:
        uow.audit("change_settings", detail="changed: " + ", ".join(changed))
    return changed


LOGO_SETTING = "letterhead_logo"
MAX_LOGO_BYTES = 2 * 1024 * 1024


def set_logo(uow: UnitOfWork, png: bytes | None) -> None:
    """The letterhead logo printed on agreements (PNG), or None for the default."""
    if png is not None:
        if len(png) > MAX_LOGO_BYTES:
            raise ValidationError("is larger than 2 MB: use a smaller image", field="logo")
        problem = check_png(png)
        if problem:
            raise ValidationError(problem, field="logo")
    _put(uow.session, LOGO_SETTING, base64.b64encode(png).decode() if png else None)
    uow.audit("change_settings", detail="changed: letterhead logo")


def logo(session: Session) -> bytes | None:
    """The letterhead logo chosen in Settings, or None for the standard one."""
    row = session.get(Setting, LOGO_SETTING)
    return base64.b64decode(row.value) if row and row.value else None
