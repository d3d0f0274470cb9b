"""The Cases pages' reads of the hub's database, each one transaction with its audit event
(``ledger``): a search of the register (SEARCH), a case opened (VIEW_CASE), one of its documents
opened (OPEN_DOCUMENT). What is typed into a search never reaches the audit log: only which
fields were used and how many cases were found (``ledger.search_detail``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rjdesk_hub import models as m
from rjdesk_hub.console import case_display, case_parts, case_view, ledger
from rjdesk_hub.console import register as case_register
from rjdesk_hub.crypto import AtRest
from rjdesk_hub.service import Hub
from rjdesk_hub.store import HubStore
from rjdesk_protocol.calendar import LONDON

_CASE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9-]{0,35}")
_HOW = {"referred": "Referred it", "sent": "Referred it", "assigned": "Assigned"}
_HOLDER_ACTIONS = {
    "referred": "Referred it",
    "assigned": "Assigned",
    "unassigned": "Unassigned",
    "referrer dropped": "No longer holds it (assigned to someone else)",
}


def _at_rest(hub: Hub) -> AtRest:
    # The hub's own sealer: ``Hub`` keeps it private so that nothing but the hub's code opens
    # case data; the console's pages are that code.
    at_rest: AtRest = hub._at_rest
    return at_rest


def well_formed(case_id: str) -> bool:
    """Whether ``case_id`` can be an id at all (anything else is not looked up)."""
    return bool(_CASE_ID.fullmatch(case_id))


@dataclass(frozen=True)
class Facilitator:
    """A choice of the register's facilitator filter."""

    id: str
    label: str


def facilitators(hub: Hub) -> list[Facilitator]:
    """Every facilitator account by name; two of the same name are told apart by their id."""
    with hub.db.reader() as session:
        found = list(session.execute(select(m.Facilitator.id, m.Facilitator.name)))
    counts: dict[str, int] = {}
    for _, name in found:
        counts[name] = counts.get(name, 0) + 1
    choices = [
        Facilitator(fid, name if counts[name] == 1 else f"{name} ({fid[:8]})")
        for fid, name in found
    ]
    return sorted(choices, key=lambda f: (f.label.casefold(), f.id))


def search(
    hub: Hub, actor: ledger.Actor, query: case_register.RegisterQuery, used: Mapping[str, object]
) -> case_register.RegisterPage:
    """One page of the register; SEARCH recorded with the names of the ``used`` criteria and
    the count found, in the same transaction."""
    with hub.db.transaction() as tx:
        found = case_register.search(tx.session, _at_rest(hub), query)
        ledger.record(
            tx.session,
            actor,
            ledger.Action.SEARCH,
            at=tx.now,
            detail=ledger.search_detail(used, found.total),
        )
        return found


def open_case(hub: Hub, actor: ledger.Actor, case_id: str) -> case_parts.CaseView | None:
    """Everything the hub holds of a case, read-only, with VIEW_CASE recorded; None when the
    hub has no such case (or only its deleted record)."""
    if not well_formed(case_id):
        return None
    with hub.db.transaction() as tx:
        store = HubStore(tx, _at_rest(hub))
        if not store.case_exists(case_id):
            return None
        records = store.case_records([case_id], include_set_aside=True)
        aside = store.set_aside_ids()
        live = [r for r in records if r.row_id not in aside]
        if not any(r.table_name == "case_file" and r.row_id == case_id for r in live):
            return None
        rows = [(r.table_name, r.row_id, store.fields_of(r)) for r in live]
        documents = [fields for table, _, fields in rows if table == "document"]
        blobs = _blobs_held(tx.session, [case_view.blob_of(f) for f in documents])
        today = tx.now.astimezone(LONDON).date()
        view = case_view.build(case_id, rows, today=today, blobs=blobs)
        view = replace(
            view,
            holders=tuple(_holders(tx.session, case_id)),
            laptops=tuple(_laptops(tx.session, case_id)),
            holder_history=tuple(_history(tx.session, case_id)),
            set_aside=tuple(
                _set_aside(tx.session, [r.row_id for r in records if r.row_id in aside])
            ),
        )
        ledger.record(
            tx.session,
            actor,
            ledger.Action.VIEW_CASE,
            at=tx.now,
            case_id=case_id,
            case_reference=view.reference[:32] if _CASE_ID.fullmatch(view.reference) else "",
        )
        return view


@dataclass(frozen=True)
class DocumentFile:
    """A document's content and how to serve it (case data: never to be logged)."""

    content: bytes
    media_type: str
    filename: str

    @property
    def inline(self) -> bool:
        return self.media_type in case_display.INLINE_TYPES


def open_document(
    hub: Hub, actor: ledger.Actor, case_id: str, document_id: str
) -> DocumentFile | None:
    """A document of a case, with OPEN_DOCUMENT recorded; None unless it is a live document
    record of that case whose content the hub holds."""
    if not (well_formed(case_id) and well_formed(document_id)):
        return None
    with hub.db.transaction() as tx:
        store = HubStore(tx, _at_rest(hub))
        record = store.record(document_id)
        if (
            record is None
            or record.deleted
            or record.table_name != "document"
            or record.case_id != case_id
            or document_id in store.set_aside_ids()
        ):
            return None
        fields = store.fields_of(record)
        digest = case_view.blob_of(fields)
        content = store.blob(digest) if digest else None
        if content is None:
            return None
        case = tx.session.get(m.Case, case_id)
        reference = case.reference if case is not None else ""
        ledger.record(
            tx.session,
            actor,
            ledger.Action.OPEN_DOCUMENT,
            at=tx.now,
            case_id=case_id,
            case_reference=reference if _CASE_ID.fullmatch(reference) else "",
            detail={"document_id": document_id},
        )
        return DocumentFile(
            content=content,
            media_type=case_display.media_type(fields.get("media_type")),
            filename=str(fields.get("filename") or "document"),
        )


# -- who holds it -------------------------------------------------------------------------------


def _blobs_held(session: Session, digests: list[str]) -> frozenset[str]:
    wanted = [d for d in digests if d]
    if not wanted:
        return frozenset()
    return frozenset(session.scalars(select(m.Blob.sha256).where(m.Blob.sha256.in_(wanted))))


def _holders(session: Session, case_id: str) -> list[case_parts.Holder]:
    """Who holds the case, in the order they came to hold it: the first assigned is
    "Assigned", those assigned after are co-workers. The order is that of their latest
    change in ``hub_holder_change`` (a grant's sequence number is shared within a transaction)."""
    latest: dict[str, int] = {
        facilitator_id: last
        for facilitator_id, last in session.execute(
            select(m.HolderChange.facilitator_id, func.max(m.HolderChange.id))
            .where(
                m.HolderChange.case_id == case_id,
                m.HolderChange.action.in_(("assigned", "referred")),
            )
            .group_by(m.HolderChange.facilitator_id)
        )
    }
    query = (
        select(m.Visibility, m.Facilitator.name)
        .outerjoin(m.Facilitator, m.Facilitator.id == m.Visibility.facilitator_id)
        .where(m.Visibility.case_id == case_id)
    )
    held = sorted(
        session.execute(query),
        key=lambda row: (
            latest.get(row[0].facilitator_id, 0),
            row[0].granted_seq,
            row[0].facilitator_id,
        ),
    )
    found, assigned = [], 0
    for visible, name in held:
        how = _HOW.get(visible.how, visible.how.capitalize())
        if visible.how == "assigned":
            how = "Assigned" if assigned == 0 else "Co-worker"
            assigned += 1
        found.append(
            case_parts.Holder(
                facilitator_id=visible.facilitator_id,
                name=name or visible.facilitator_id,
                how=how,
                since=case_display.stamp(visible.granted_at),
            )
        )
    return found


def _laptops(session: Session, case_id: str) -> list[case_parts.HeldBy]:
    query = (
        select(m.Device.device_code, m.Device.revoked_at, m.Facilitator.name)
        .join(m.DeviceCase, m.DeviceCase.device_id == m.Device.id)
        .outerjoin(m.Facilitator, m.Facilitator.id == m.Device.facilitator_id)
        .where(m.DeviceCase.case_id == case_id)
        .order_by(m.Device.device_code)
    )
    return [
        case_parts.HeldBy(code, name or "", revoked is not None)
        for code, revoked, name in session.execute(query)
    ]


def _history(session: Session, case_id: str) -> list[case_parts.HolderEvent]:
    query = (
        select(m.HolderChange, m.Facilitator.name)
        .outerjoin(m.Facilitator, m.Facilitator.id == m.HolderChange.facilitator_id)
        .where(m.HolderChange.case_id == case_id)
        .order_by(m.HolderChange.id)
    )
    changes = list(session.execute(query))
    devices = {
        device_id: code
        for device_id, code in session.execute(
            select(m.Device.id, m.Device.device_code).where(
                m.Device.id.in_({change.by for change, _ in changes})
            )
        )
    }
    return [
        case_parts.HolderEvent(
            at=case_display.stamp(change.at),
            facilitator=name or change.facilitator_id,
            action=_HOLDER_ACTIONS.get(change.action, change.action.capitalize()),
            by=_by(change.by, devices),
        )
        for change, name in changes
    ]


def _by(by: str, devices: dict[str, str]) -> str:
    if by in devices:
        return f"Laptop {devices[by]}"
    if by == "coordinator":
        return "A coordinator (rjdesk-hub command line)"
    return by


def _set_aside(session: Session, row_ids: list[str]) -> list[case_parts.SetAside]:
    if not row_ids:
        return []
    query = select(m.SetAside).where(m.SetAside.row_id.in_(row_ids)).order_by(m.SetAside.row_id)
    return [
        case_parts.SetAside(case_display.words(s.table_name), s.reason)
        for s in session.scalars(query)
    ]
