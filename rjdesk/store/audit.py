"""The append-only, hash-chained audit log (DESIGN §4).

Each event's hash covers the previous event's hash and every field of the event, including its
number. Editing a row breaks its own hash; deleting a row breaks the link of the row after it;
deleting the newest rows disagrees with ``audit_head``, which every append updates in the same
transaction. Triggers refuse UPDATE and DELETE on ``audit_event`` in the database itself.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from rjdesk.domain.models import AuditEvent, AuditHead

GENESIS_HASH = "0" * 64
_HEAD = "rjdesk_audit_head"


def event_hash(prev_hash: str, event: AuditEvent) -> str:
    fields = [
        event.id,
        event.at.isoformat(),
        event.actor,
        event.device_id,
        event.action,
        event.entity,
        event.entity_id,
        event.case_reference,
        event.outcome,
        event.detail,
    ]
    canonical = json.dumps([prev_hash, fields], separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def append(
    session: Session,
    *,
    at: datetime,
    actor: str,
    device_id: str,
    action: str,
    entity: str = "",
    entity_id: str = "",
    case_reference: str = "",
    outcome: str = "ok",
    detail: str = "",
) -> AuditEvent:
    """Add one event in the session's transaction (the caller's unit of work commits it)."""
    # The session's identity map holds rows weakly; keeping the head here saves a SELECT per
    # event in a unit of work that records several.
    head: AuditHead | None = session.info.get(_HEAD) or session.get(AuditHead, 1)
    prev_hash = head.last_hash if head else GENESIS_HASH
    if not entity_id and entity:
        raise ValueError("an audit event about an entity must name it")
    event = AuditEvent(
        id=(head.last_event_id if head else 0) + 1,
        # Microseconds would be lost by no database we use, but truncating keeps the hash
        # stable across any store that keeps only milliseconds (the hub may use PostgreSQL).
        at=at.replace(microsecond=at.microsecond // 1000 * 1000),
        actor=actor,
        device_id=device_id,
        action=action,
        entity=entity,
        entity_id=entity_id,
        case_reference=case_reference,
        outcome=outcome,
        detail=detail,
        prev_hash=prev_hash,
    )
    event.hash = event_hash(prev_hash, event)
    session.add(event)
    if head is None:
        head = AuditHead(id=1, last_event_id=event.id, last_hash=event.hash)
        session.add(head)
    else:
        head.last_event_id = event.id
        head.last_hash = event.hash
    session.info[_HEAD] = head
    return event


@dataclass(frozen=True)
class ChainProblem:
    event_id: int
    message: str


def verify_chain(session: Session) -> Iterator[ChainProblem]:
    """Walk the whole log and yield every break, naming the event number."""
    expected_id = 1
    prev_hash = GENESIS_HASH
    query = select(AuditEvent).order_by(AuditEvent.id).execution_options(yield_per=2000)
    rows = session.scalars(query)
    for event in rows:
        if event.id != expected_id:
            missing = (
                f"#{expected_id}"
                if event.id == expected_id + 1
                else f"#{expected_id} to #{event.id - 1}"
            )
            yield ChainProblem(expected_id, f"audit event {missing} is missing (deleted)")
        elif event.prev_hash != prev_hash:
            yield ChainProblem(
                event.id, f"audit event #{event.id} does not follow the event before it"
            )
        if event_hash(event.prev_hash, event) != event.hash:
            yield ChainProblem(
                event.id, f"audit event #{event.id} was changed after it was written"
            )
        expected_id = event.id + 1
        prev_hash = event.hash
    head = session.get(AuditHead, 1)
    last_id = expected_id - 1
    if head is None:
        if last_id:
            yield ChainProblem(last_id, "the audit log's head record is missing")
    elif head.last_event_id != last_id or head.last_hash != prev_hash:
        if head.last_event_id > last_id:
            yield ChainProblem(
                last_id + 1,
                f"audit events #{last_id + 1} to #{head.last_event_id} are missing (deleted)"
                if head.last_event_id > last_id + 1
                else f"audit event #{head.last_event_id} is missing (deleted)",
            )
        else:
            yield ChainProblem(last_id, "the audit log's head record does not match its end")
