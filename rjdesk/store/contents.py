"""Saved contemporaneous records checked against their audit events (docs/audit.md).

When a contact note or an addendum is saved, its audit event records a SHA-256 of its content
(``content_detail``). ``rjdesk verify`` hashes the saved rows again: a note rewritten in the
database behind rjdesk's back (its triggers dropped) no longer matches the event that saved it,
and the event itself cannot be changed to match without breaking the chain, or, before the hub's
anchor, without the hub noticing. Records that arrived from the hub, or were imported, have no
such event here and are not checked.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from rjdesk.domain.models import AuditEvent, Contact, ContactAddendum

_HASH = re.compile(r"content sha256 ([0-9a-f]{64})")
_ADDENDUM = re.compile(r"addendum ([0-9a-f-]{36})")


def _digest(values: list[str]) -> str:
    text = json.dumps(values, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _utc(when: datetime) -> str:
    # As the store keeps it: UTC (an aware time in any zone before it is saved).
    return (when.astimezone(UTC) if when.tzinfo else when.replace(tzinfo=UTC)).isoformat()


def contact_hash(contact: Contact) -> str:
    return _digest(
        [
            str(contact.kind),
            _utc(contact.at),
            contact.location,
            contact.notes,
            contact.next_steps,
            contact.author,
        ]
    )


def addendum_hash(addendum: ContactAddendum) -> str:
    return _digest([_utc(addendum.written_at), addendum.author, addendum.text])


def content_detail(digest: str) -> str:
    """What an audit event's detail says of the record it saved."""
    return f"content sha256 {digest}"


def problems(session: Session) -> Iterator[str]:
    """Every saved note or addendum whose content no longer matches the event that saved it."""
    query = (
        select(AuditEvent.id, AuditEvent.action, AuditEvent.entity_id, AuditEvent.detail)
        .where(AuditEvent.action.in_(("record_contact", "add_addendum")))
        .order_by(AuditEvent.id)
    )
    for event_id, action, entity_id, detail in session.execute(query):
        recorded = _HASH.search(detail or "")
        if recorded is None:
            continue  # saved before content was recorded
        if action == "record_contact":
            contact = session.get(Contact, entity_id)
            if contact is not None and contact_hash(contact) != recorded[1]:
                yield (
                    f"contact note {entity_id} was changed after it was saved "
                    f"(it does not match audit event #{event_id})"
                )
            continue
        named = _ADDENDUM.search(detail or "")
        addendum = session.get(ContactAddendum, named[1]) if named else None
        if addendum is not None and addendum_hash(addendum) != recorded[1]:
            yield (
                f"an addendum to contact note {entity_id} was changed after it was saved "
                f"(it does not match audit event #{event_id})"
            )
