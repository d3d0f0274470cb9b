"""Keeping referrals: receive one sealed, list the triage queue without decrypting, open one,
record what a coordinator decided, and delete the untriaged ones past their age.

Every function takes the ``Hub`` or a session inside one of its transactions; nothing here logs
what a referrer typed.
"""

from __future__ import annotations

import secrets
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from rjdesk_hub.crypto import AtRest
from rjdesk_hub.referrals.models import Partner, Referral
from rjdesk_hub.service import Hub

PUBLIC, PARTNER, PHONE = "public", "partner", "phone"
CHANNELS = (PUBLIC, PARTNER, PHONE)
NEW, ACCEPTED, DECLINED = "new", "accepted", "declined"
_SEAL_PURPOSE = "referrals"
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U


@dataclass(frozen=True)
class Received:
    id: str
    reference: str  # what the referrer is shown (random: it tells nothing of how many came)


@dataclass(frozen=True)
class QueuedReferral:
    """A referral in the triage queue, as listed (nothing the referrer typed)."""

    id: str
    reference: str
    received_at: datetime
    channel: str
    problem: str
    partner: str  # the organisation's name, "" for the public and the phone


def sealer(hub: Hub) -> AtRest:
    return AtRest(hub.derived_key(_SEAL_PURPOSE))


def _aad(referral_id: str) -> bytes:
    return f"rjdesk-hub referral {referral_id}".encode()


def new_reference() -> str:
    """``R-XXXX-XXXX``: 40 random bits in Crockford base32."""
    code = "".join(secrets.choice(_ALPHABET) for _ in range(8))
    return f"R-{code[:4]}-{code[4:]}"


def receive(
    session: Session,
    at_rest: AtRest,
    *,
    at: datetime,
    channel: str,
    fields: dict[str, Any],
    problem: str = "",
    partner_id: str | None = None,
) -> Received:
    """Keep one referral, sealed, in the caller's transaction (``hub.db.transaction()``)."""
    if channel not in CHANNELS:
        raise ValueError(f"unknown referral channel {channel!r}")
    referral_id = str(uuid.uuid4())
    reference = new_reference()
    while session.scalar(select(Referral.id).where(Referral.reference == reference)):
        reference = new_reference()
    session.add(
        Referral(
            id=referral_id,
            reference=reference,
            received_at=at,
            channel=channel,
            partner_id=partner_id,
            problem=problem,
            status=NEW,
            sealed=at_rest.seal_json(fields, _aad(referral_id)),
        )
    )
    return Received(referral_id, reference)


def queue(session: Session) -> list[QueuedReferral]:
    """The referrals waiting for triage, oldest first."""
    query = (
        select(Referral, Partner.organisation)
        .outerjoin(Partner, Partner.id == Referral.partner_id)
        .where(Referral.status == NEW)
        .order_by(Referral.received_at, Referral.id)
    )
    return [
        QueuedReferral(r.id, r.reference, r.received_at, r.channel, r.problem, org or "")
        for r, org in session.execute(query)
    ]


def fields_of(at_rest: AtRest, referral: Referral) -> dict[str, Any]:
    """What the referrer typed (``{}`` once declined)."""
    if referral.sealed is None:
        return {}
    doc = at_rest.open_json(referral.sealed, _aad(referral.id))
    assert isinstance(doc, dict)
    return doc


def accept(session: Session, referral: Referral, *, case_id: str, by: str, at: datetime) -> None:
    """It became (or joined) ``case_id``: the sealed record stays until the retention of the
    case it became takes over (issue 17)."""
    referral.status, referral.case_id = ACCEPTED, case_id
    referral.decided_at, referral.decided_by = at, by


def decline(session: Session, referral: Referral, *, reason: str, by: str, at: datetime) -> None:
    """Declined: only what the funders' figures need is kept (when, which way, from whom, the
    kind of problem and why it was declined); what the referrer typed is deleted."""
    referral.status, referral.decline_reason = DECLINED, reason
    referral.decided_at, referral.decided_by = at, by
    referral.sealed = None


def clean_up(session: Session, *, today: date, keep_days: int) -> int:
    """Delete the untriaged referrals received more than ``keep_days`` before ``today`` (UTC);
    how many went."""
    cutoff = datetime.combine(today - timedelta(days=keep_days), datetime.min.time(), UTC)
    gone = session.execute(
        delete(Referral).where(Referral.status == NEW, Referral.received_at < cutoff)
    )
    return int(getattr(gone, "rowcount", 0) or 0)
