"""The append-only, hash-chained audit log (DESIGN §4).

Each event's hash covers the previous event's hash and every field of the event, including its
number. Editing a row breaks its own hash; deleting a row breaks the link of the row after it;
deleting the newest rows disagrees with ``audit_head``, which every append updates in the same
transaction. Triggers refuse UPDATE and DELETE on ``audit_event`` in the database itself.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from rjdesk.domain.models import AuditEvent, AuditHead
from rjdesk.store.prepared import Prepared, Runs

GENESIS_HASH = "0" * 64
_HEAD = "rjdesk_audit_head"


# The fields an event's hash covers, in order.
_HASHED = ("id", "at", "actor", "device_id", "action", "entity", "entity_id", "case_reference",
           "outcome", "detail")  # fmt: skip


def event_hash(prev_hash: str, event: Any) -> str:
    """The hash of an event (an ``AuditEvent``, or anything with its fields) after ``prev_hash``."""
    return _digest(prev_hash, {name: getattr(event, name) for name in _HASHED})


def _digest(prev_hash: str, event: Mapping[str, Any]) -> str:
    fields = [event[name] for name in _HASHED]
    fields[1] = fields[1].isoformat()
    canonical = json.dumps([prev_hash, fields], separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _new_event(
    last_event_id: int,
    prev_hash: str,
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
) -> dict[str, Any]:
    """The columns of the next event of the chain, with its hash."""
    if not entity_id and entity:
        raise ValueError("an audit event about an entity must name it")
    event: dict[str, Any] = {
        "id": last_event_id + 1,
        # Microseconds would be lost by no database we use, but truncating keeps the hash
        # stable across any store that keeps only milliseconds (the hub may use PostgreSQL).
        "at": at.replace(microsecond=at.microsecond // 1000 * 1000),
        "actor": actor,
        "device_id": device_id,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "case_reference": case_reference,
        "outcome": outcome,
        "detail": detail,
        "prev_hash": prev_hash,
    }
    event["hash"] = _digest(prev_hash, event)
    return event


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
    values = _new_event(
        head.last_event_id if head else 0,
        head.last_hash if head else GENESIS_HASH,
        at=at, actor=actor, device_id=device_id, action=action, entity=entity,
        entity_id=entity_id, case_reference=case_reference, outcome=outcome, detail=detail,
    )  # fmt: skip
    event = AuditEvent(**values)
    session.add(event)
    if head is None:
        head = AuditHead(id=1, last_event_id=event.id, last_hash=event.hash)
        session.add(head)
    else:
        head.last_event_id = event.id
        head.last_hash = event.hash
    session.info[_HEAD] = head
    return event


_EVENT = cast(Table, AuditEvent.__table__)
_HEAD_ROW = cast(Table, AuditHead.__table__)
_READ_HEAD = Prepared(
    select(_HEAD_ROW.c.last_event_id, _HEAD_ROW.c.last_hash).where(_HEAD_ROW.c.id == 1)
)
_INSERT_EVENT = Prepared(insert(_EVENT))
_INSERT_HEAD = Prepared(insert(_HEAD_ROW))
_MOVE_HEAD = Prepared(
    update(_HEAD_ROW)
    .where(_HEAD_ROW.c.id == 1)
    .values(last_event_id=bindparam("event_id"), last_hash=bindparam("event_hash"))
)


def append_all(conn: Runs, events: Iterable[Mapping[str, Any]]) -> int:
    """Append events (the keyword arguments of ``append``) on a connection in its transaction,
    with no session: the same rows, hashes and head as ``append`` writes, for a unit of work
    that only read (the vault appends its events with it). Returns how many were written."""
    found = _READ_HEAD.rows(conn)
    head = found[0] if found else None
    last_id, last_hash = (head.last_event_id, head.last_hash) if head else (0, GENESIS_HASH)
    written = 0
    for pending in events:
        event = _new_event(last_id, last_hash, **pending)
        _INSERT_EVENT.run(conn, **event)
        last_id, last_hash = event["id"], event["hash"]
        written += 1
    if not written:
        return 0
    if head is None:
        _INSERT_HEAD.run(conn, id=1, last_event_id=last_id, last_hash=last_hash)
    else:
        _MOVE_HEAD.run(conn, event_id=last_id, event_hash=last_hash)
    return written


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
