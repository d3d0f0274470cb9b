"""The outbox: every change to a synced row is queued for the hub in the same transaction
(DESIGN §7). A crash can lose neither the change without its queue entry nor the other way round.

The session hooks here see every flushed insert, update and delete of a synced row (the rows
of ``Synced`` models, and stage changes), remember them for the transaction, and write them to
``outbox_change`` just before it commits: one pending entry per row, whatever happened to it
in between. Writes made while applying what the hub sent set ``APPLYING_HUB_RECORDS`` in the
session's ``info`` and are not queued: they came from the hub.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from rjdesk.domain.base import Synced
from rjdesk.domain.models import (
    Agreement,
    AgreementAction,
    Case,
    Consent,
    Contact,
    ContactAddendum,
    Participant,
    Person,
    Signature,
    StageChange,
)
from rjdesk.domain.sync_models import OutboxChange

APPLYING_HUB_RECORDS = "rjdesk_applying_hub_records"
_QUEUE = "rjdesk_outbox_queue"
_CHUNK = 500

# A queued change: (table, row id) -> (case id, op)
Queue = dict[tuple[str, str], tuple[str | None, str]]


def _row_id(obj: object) -> str | None:
    if isinstance(obj, StageChange):
        return obj.uid
    if isinstance(obj, Synced):
        return obj.id
    return None


def _case_id(session: Session, obj: object) -> str | None:
    """The case a row belongs to (None for a person: people can be in several cases)."""
    if isinstance(obj, Case):
        return obj.id
    if isinstance(obj, Person):
        return None
    case_id = getattr(obj, "case_id", None)
    if case_id is not None:
        return str(case_id)
    parent_query: Any = None
    if isinstance(obj, Consent):
        participant: Participant | None = obj.participant
        if participant is not None and participant.case_id:
            return participant.case_id
        parent_query = select(Participant.case_id).where(Participant.id == obj.participant_id)
    elif isinstance(obj, ContactAddendum):
        contact: Contact | None = obj.contact
        if contact is not None and contact.case_id:
            return contact.case_id
        parent_query = select(Contact.case_id).where(Contact.id == obj.contact_id)
    elif isinstance(obj, AgreementAction | Signature):
        agreement_id = obj.agreement_id
        agreement: Agreement | None = obj.agreement if isinstance(obj, AgreementAction) else None
        if agreement is not None and agreement.case_id:
            return agreement.case_id
        parent_query = select(Agreement.case_id).where(Agreement.id == agreement_id)
    if parent_query is None:
        return None
    with session.no_autoflush:
        found = session.scalar(parent_query)
    return str(found) if found is not None else None


def _queue(session: Session, queue: Queue, objects: Iterable[object], op: str) -> None:
    for obj in objects:
        row_id = _row_id(obj)
        if row_id is None:
            continue
        table = obj.__table__.name  # type: ignore[attr-defined]
        known = queue.get((table, row_id))
        case_id = known[0] if known and known[0] else _case_id(session, obj)
        queue[(table, row_id)] = (case_id, op)


def collect(session: Session, flush_context: Any) -> None:
    """after_flush: remember which synced rows this flush inserted or updated (the session's
    new and dirty lists still show what was flushed)."""
    if session.info.get(APPLYING_HUB_RECORDS):
        return
    queue: Queue = session.info.setdefault(_QUEUE, {})
    _queue(session, queue, session.new, "put")
    dirty = [
        obj
        for obj in session.dirty
        if _row_id(obj) is not None and session.is_modified(obj, include_collections=False)
    ]
    _queue(session, queue, dirty, "put")


def deleted(session: Session, instance: object) -> None:
    """persistent_to_deleted: a row deleted by this flush, explicitly or as an orphan of its
    parent (orphans never appear in ``session.deleted``)."""
    if session.info.get(APPLYING_HUB_RECORDS):
        return
    _queue(session, session.info.setdefault(_QUEUE, {}), [instance], "del")


def write(session: Session, now: datetime) -> None:
    """Just before commit, after the last flush: one pending outbox entry per changed row."""
    session.flush()
    queue: Queue = session.info.pop(_QUEUE, {})
    if session.info.get(APPLYING_HUB_RECORDS) or not queue:
        return
    items = list(queue.items())
    pending: dict[str, tuple[int, str]] = {}
    for start in range(0, len(items), _CHUNK):
        row_ids = [row_id for (_table, row_id), _ in items[start : start + _CHUNK]]
        query = select(OutboxChange.row_id, OutboxChange.id, OutboxChange.op).where(
            OutboxChange.row_id.in_(row_ids), OutboxChange.bundle_id.is_(None)
        )
        for row_id, change_id, op in session.execute(query):
            pending[row_id] = (change_id, op)
    new_rows = []
    for (table, row_id), (case_id, op) in items:
        if row_id in pending:
            change_id, known_op = pending[row_id]
            if known_op != op:
                session.execute(
                    update(OutboxChange).where(OutboxChange.id == change_id).values(op=op)
                )
            continue
        new_rows.append(
            {"table_name": table, "row_id": row_id, "case_id": case_id, "op": op, "queued_at": now}
        )
    if new_rows:
        session.execute(insert(OutboxChange), new_rows)


def discard(session: Session) -> None:
    """after_rollback: what was rolled back is not queued."""
    session.info.pop(_QUEUE, None)
