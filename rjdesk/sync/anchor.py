"""The laptop's side of the audit anchor (docs/audit.md).

Each device bundle carries the vault's audit head: how many events the log holds and the hash of
the last, plus ``marks``, the hash the log holds now at the positions of the heads of earlier
bundles (the hub keeps the head of the last bundle it accepted, and checks that the new log
still holds it there). The hub's receipt gives back the head it accepted, signed; the vault
keeps that receipt, and ``rjdesk verify`` compares the log with it.

The head a bundle carries is the log as it was just before that bundle's own ``seal_bundle``
event, so the position of an earlier bundle's head is that event's number minus one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from rjdesk.domain.models import AuditEvent, AuditHead
from rjdesk.domain.sync_models import OutboxBundle, SyncState
from rjdesk.store.audit import GENESIS_HASH
from rjdesk_protocol.errors import BadSignature, InvalidKey
from rjdesk_protocol.keys import PublicKey, verify_document

SEAL_ACTION = "seal_bundle"
# Heads of this many earlier bundles are vouched for: enough for a hub put back from an older
# copy of its database to find the head it holds among them.
MARKED_BUNDLES = 100


@dataclass(frozen=True)
class Anchor:
    """The audit head a hub receipted: ``count`` events, the last with ``hash``."""

    count: int
    hash: str
    accepted_at: str
    sequence: int


def head(session: Session) -> tuple[int, str]:
    """The log's head now: (number of events, hash of the last)."""
    found = session.get(AuditHead, 1)
    if found is None:
        return 0, GENESIS_HASH
    return found.last_event_id, found.last_hash


def bundle_head(session: Session) -> dict[str, Any]:
    """The audit head for the manifest of the bundle being sealed now (see the module)."""
    count, last = head(session)
    positions = {
        event_id - 1
        for event_id in session.scalars(
            select(AuditEvent.id)
            .where(AuditEvent.action == SEAL_ACTION)
            .order_by(AuditEvent.id.desc())
            .limit(MARKED_BUNDLES)
        )
    }
    anchor = last_receipted(session)
    if anchor is not None:
        positions.add(anchor.count)
    positions = {p for p in positions if 0 < p < count}
    query = select(AuditEvent.id, AuditEvent.hash).where(AuditEvent.id.in_(positions))
    hashes: dict[int, str] = {event_id: value for event_id, value in session.execute(query)}
    marks = [[p, hashes[p]] for p in sorted(positions) if p in hashes]
    return {"count": count, "hash": last, "marks": marks}


def last_receipted(session: Session, hub_key: PublicKey | None = None) -> Anchor | None:
    """The newest audit head a hub receipted for this vault, or None. With ``hub_key``, its
    receipt's signature is checked (BadSignature if it does not verify)."""
    query = (
        select(OutboxBundle)
        .where(OutboxBundle.state == "sent", OutboxBundle.receipt.is_not(None))
        .order_by(OutboxBundle.sequence.desc())
    )
    for bundle in session.scalars(query):
        receipt = bundle.receipt or {}
        found = receipt.get("audit_head")
        if not isinstance(found, dict):
            continue
        if hub_key is not None:
            try:
                verify_document(receipt, hub_key)
            except BadSignature:
                raise BadSignature(
                    f"the hub's receipt of bundle #{bundle.sequence}, which holds the audit "
                    "anchor, does not verify with the hub's key: it was changed"
                ) from None
        count, last = found.get("count"), found.get("hash")
        if not isinstance(count, int) or not isinstance(last, str):
            continue
        return Anchor(count, last, str(receipt.get("accepted_at", "")), bundle.sequence)
    return None


def problems(session: Session) -> list[str]:
    """What ``rjdesk verify`` says of the log against the last receipted anchor (none: fine)."""
    state = session.get(SyncState, 1)
    config = state.hub_config if state is not None else None
    if not config:
        return []  # never enrolled: nothing was anchored
    try:
        hub_key = PublicKey.from_minisign(str(config.get("hub_signing_key", "")))
        anchor = last_receipted(session, hub_key)
    except (BadSignature, InvalidKey) as exc:
        return [str(exc)]
    if anchor is None:
        return []
    when = f"on {anchor.accepted_at[:10]} (bundle #{anchor.sequence})"
    newest = session.scalar(select(AuditEvent.id).order_by(AuditEvent.id.desc()).limit(1)) or 0
    if newest < anchor.count:
        return [
            f"the audit log was cut back: the hub receipted {anchor.count} events {when}, "
            f"and the log now ends at event #{newest}"
        ]
    event = session.get(AuditEvent, anchor.count) if anchor.count else None
    if anchor.count and (event is None or event.hash != anchor.hash):
        return [
            f"the audit log was rewritten before the hub's anchor: event #{anchor.count} is "
            f"not the one the hub receipted {when}"
        ]
    return []
