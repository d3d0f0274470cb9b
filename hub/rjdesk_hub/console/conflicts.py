"""Conflicts as the console shows and settles them (issue 14, "Conflicts"; docs/hub.md).

A conflict (``hub_conflict``) holds, sealed, both values of each field two laptops changed
differently (``field``), a change to a row deleted elsewhere or the deletion of one changed
elsewhere (``delete``), a change made after its facilitator was taken off the case
(``authority``), or a rule of DESIGN §2 the merged case breaks (``rule``). Here they are listed
and opened (both values, who made each and when, from the record versions); ``conflicts_settle``
settles them at the hub, as the hub's own change (a new version of the row, by ``HUB_DEVICE``).

Everything here but ids and counts is case data: never logged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rjdesk_hub import models as m
from rjdesk_hub.console import ledger
from rjdesk_hub.crypto import conflict_aad
from rjdesk_hub.merge import label
from rjdesk_hub.service import Hub
from rjdesk_hub.store import HubStore
from rjdesk_protocol.calendar import LONDON

# Who the hub's own changes are by: not a device id (a colon is never in one), so a laptop's
# later change of the row is merged against it, never taken as the laptop's own line.
HUB_DEVICE = "hub:console"
SETTLED_BY = "console:"  # + the account's id, in ``hub_conflict.resolved_by``
NOTE_KEY = "settled_note"  # the settling person's note, inside the sealed detail
MAX_NOTE = 1000
PAGE_SIZE = 50

# What each kind of conflict is settled with (the laptop's own choices, rjdesk.services.
# conflicts.CHOICES, and for an authority conflict the same two as a field conflict).
CHOICES: dict[str, tuple[str, ...]] = {
    "field": ("hub", "incoming"),
    "authority": ("hub", "incoming"),
    "delete": ("keep", "delete"),
    "rule": ("acknowledged",),
}
KINDS = {
    "field": "Changed on two laptops",
    "delete": "Deleted on one laptop, changed on another",
    "rule": "Breaks a rule",
    "authority": "Changed after being taken off the case",
}
OUTCOMES = {
    "hub": "the hub's value stands",
    "incoming": "the laptop's value stands",
    "keep": "kept",
    "delete": "deleted",
    "acknowledged": "dealt with",
    "dealt_with": "dealt with",
    "resolved": "settled",
}
_ID = re.compile(r"[0-9a-fA-F-]{1,36}")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class ConflictNotFound(LookupError):
    """No conflict of that id at the hub (the page answers 404)."""


@dataclass(frozen=True)
class Maker:
    """Who made a version, or sent a change: a facilitator's laptop, or the hub's console."""

    facilitator: str
    device_code: str
    at: datetime | None
    by_hub: bool = False

    @property
    def words(self) -> str:
        if self.by_hub:
            return "The hub (settled in the console)"
        who = f"{self.facilitator}'s laptop" if self.facilitator else "A laptop"
        return f"{who} ({self.device_code})" if self.device_code else who


@dataclass(frozen=True)
class ConflictRow:
    """A conflict as the list shows it: no values, only what it is about and who raised it."""

    id: str
    case_id: str | None
    reference: str
    kind: str
    table: str
    field_names: tuple[str, ...]
    raised_at: datetime
    raised_by: Maker
    settled_at: datetime | None
    outcome: str
    settled_by: str

    @property
    def kind_words(self) -> str:
        return KINDS.get(self.kind, self.kind)

    @property
    def about(self) -> str:
        """The table and field names in words: "Case: location, summary"."""
        thing = label(self.table).capitalize()
        if not self.field_names:
            return thing
        return f"{thing}: " + ", ".join(field_words(name) for name in self.field_names)

    @property
    def outcome_words(self) -> str:
        return OUTCOMES.get(self.outcome, self.outcome)


@dataclass(frozen=True)
class FieldValues:
    """One field both sides set: the hub's value and the laptop's, shown as text."""

    name: str
    label: str
    at_hub: str
    incoming: str


@dataclass(frozen=True)
class ConflictView:
    """A conflict opened: both values, who made each and when, and how it may be settled."""

    row: ConflictRow
    message: str
    fields: tuple[FieldValues, ...]
    hub_side: Maker | None  # the version the hub's value came from
    laptop_side: Maker  # the laptop that sent the other value (when the hub received it)
    deleted_at_hub: bool  # the row is deleted at the hub now
    choices: tuple[str, ...]
    note: str  # the note of the person who settled it at the hub

    @property
    def open(self) -> bool:
        return self.row.settled_at is None


@dataclass(frozen=True)
class Page:
    rows: tuple[ConflictRow, ...]
    total: int
    page: int
    pages: int


def when(moment: datetime | None) -> str:
    """A time as the coordinator reads it, in London: "12 Jan 2027, 09:00"."""
    if moment is None:
        return ""
    return moment.astimezone(LONDON).strftime("%-d %b %Y, %H:%M")


def field_words(name: str) -> str:
    """A field name as words: ``risk_level`` → "risk level"."""
    words = name.replace("_", " ").strip()
    return words.removesuffix(" id") if words.endswith(" id") and words != "id" else words


def shown(value: Any) -> str:
    """A stored value as a person reads it."""
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return ", ".join(shown(item) for item in value) or "(none)"
    if isinstance(value, dict):
        if "$blob" in value:
            return "A file"
        return ", ".join(f"{key}: {shown(inner)}" for key, inner in value.items())
    text = str(value)
    if _ISO_DAY.fullmatch(text):
        try:
            return date.fromisoformat(text).strftime("%-d %b %Y")
        except ValueError:
            return text
    return text


def open_store(hub: Hub, tx: Any) -> HubStore:
    # The hub's own sealing (service.py has no room for an accessor): case data is opened
    # only here, in the console's process, as the hub's merge opens it.
    return HubStore(tx, hub._at_rest)


def detail_of(hub: Hub, conflict: m.Conflict) -> dict[str, Any]:
    detail = hub._at_rest.open_json(conflict.detail, conflict_aad(conflict.id))
    return detail if isinstance(detail, dict) else {}


def fields_of(detail: dict[str, Any]) -> dict[str, dict[str, Any]]:
    raw = detail.get("fields")
    if not isinstance(raw, dict):
        return {}
    return {name: values for name, values in sorted(raw.items()) if isinstance(values, dict)}


def _maker(session: Session, device_id: str, at: datetime | None) -> Maker:
    if device_id == HUB_DEVICE or device_id.startswith("hub:"):  # settled, or a case it made
        return Maker("", "", at, by_hub=True)
    device = session.get(m.Device, device_id)
    if device is None:
        return Maker("", "", at)
    person = session.get(m.Facilitator, device.facilitator_id)
    return Maker(person.name if person is not None else device.name, device.device_code, at)


def _settled_by(session: Session, resolved_by: str | None) -> str:
    if not resolved_by:
        return ""
    if resolved_by.startswith(SETTLED_BY):
        user = session.get(m.ConsoleUser, resolved_by.removeprefix(SETTLED_BY))
        return (user.display_name or user.name) if user is not None else "a console account"
    return _maker(session, resolved_by, None).words


def _row(
    session: Session, conflict: m.Conflict, reference: str, detail: dict[str, Any]
) -> ConflictRow:
    return ConflictRow(
        id=conflict.id,
        case_id=conflict.case_id,
        reference=reference,
        kind=conflict.kind,
        table=conflict.table_name,
        field_names=tuple(fields_of(detail)),
        raised_at=conflict.raised_at,
        raised_by=_maker(session, conflict.from_device, conflict.raised_at),
        settled_at=conflict.resolved_at,
        outcome=conflict.outcome or "",
        settled_by=_settled_by(session, conflict.resolved_by),
    )


def listing(hub: Hub, *, settled: bool = False, page: int = 1) -> Page:
    """One page of the open conflicts, oldest first (or the settled ones, last settled first)."""
    with hub.db.reader() as session:
        done = m.Conflict.resolved_at.is_not(None) if settled else m.Conflict.resolved_at.is_(None)
        total = int(session.scalar(select(func.count()).select_from(m.Conflict).where(done)) or 0)
        pages = max(1, -(-total // PAGE_SIZE))
        page = min(max(page, 1), pages)
        order = (
            (m.Conflict.resolved_at.desc(), m.Conflict.hub_seq.desc())
            if settled
            else (m.Conflict.raised_at, m.Conflict.hub_seq)
        )
        query = (
            select(m.Conflict, m.Case.reference)
            .outerjoin(m.Case, m.Case.case_id == m.Conflict.case_id)
            .where(done)
            .order_by(*order)
            .offset((page - 1) * PAGE_SIZE)
            .limit(PAGE_SIZE)
        )
        rows = tuple(
            _row(session, conflict, reference or "", detail_of(hub, conflict))
            for conflict, reference in session.execute(query)
        )
        return Page(rows, total, page, pages)


def get(session: Session, conflict_id: str) -> m.Conflict:
    if not _ID.fullmatch(conflict_id):
        raise ConflictNotFound(conflict_id[:40])
    conflict = session.get(m.Conflict, conflict_id.lower())
    if conflict is None:
        raise ConflictNotFound(conflict_id)
    return conflict


def _hub_side(store: HubStore, conflict: m.Conflict, names: list[str]) -> m.RecordVersion | None:
    """The version the hub's side came from: the last one, up to the conflict, that changed one
    of its fields (any last version when it names none)."""
    query = (
        select(m.RecordVersion)
        .where(m.RecordVersion.row_id == conflict.row_id, m.RecordVersion.at <= conflict.raised_at)
        .order_by(m.RecordVersion.hub_version)
    )
    versions = [v for v in store.session.scalars(query) if v.device_id != conflict.from_device]
    versions = versions or list(store.session.scalars(query))
    if not names or not versions:
        return versions[-1] if versions else None
    found, before = versions[0], None
    for version in versions:
        fields = store.version_fields(conflict.row_id, version.hub_version) or {}
        values = [fields.get(name) for name in names]
        if before is None or values != before:
            found = version
        before = values
    return found


def view(hub: Hub, conflict_id: str, *, actor: ledger.Actor | None = None) -> ConflictView:
    """A conflict opened, with both values; ``actor``: record that they viewed it (it shows case
    data: VIEW_CASE, with the conflict's id), in the same transaction."""
    with hub.db.transaction() as tx:
        store = open_store(hub, tx)
        session = tx.session
        conflict = get(session, conflict_id)
        case = session.get(m.Case, conflict.case_id) if conflict.case_id else None
        reference = case.reference if case is not None else ""
        detail = detail_of(hub, conflict)
        fields = fields_of(detail)
        hub_version = _hub_side(store, conflict, list(fields))
        record = store.record(conflict.row_id)
        if actor is not None:
            ledger.record(
                session,
                actor,
                ledger.Action.VIEW_CASE,
                at=tx.now,
                case_id=conflict.case_id or "",
                case_reference=reference,
                detail={"conflict_id": conflict.id},
            )
        return ConflictView(
            row=_row(session, conflict, reference, detail),
            message=str(detail.get("message", "")),
            fields=tuple(
                FieldValues(name, field_words(name), shown(v.get("hub")), shown(v.get("incoming")))
                for name, v in fields.items()
            ),
            hub_side=(
                _maker(session, hub_version.device_id, hub_version.at) if hub_version else None
            ),
            laptop_side=_maker(session, conflict.from_device, conflict.raised_at),
            deleted_at_hub=bool(record is not None and record.deleted),
            choices=CHOICES.get(conflict.kind, ("acknowledged",)),
            note=str(detail.get(NOTE_KEY, "")),
        )
