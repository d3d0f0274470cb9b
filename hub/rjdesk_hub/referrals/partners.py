"""Partners' links: a coordinator issues one per referring organisation and can revoke it.

A link is the partner form's address with a random token (256 bits, URL-safe) in it; the hub
keeps only the token's keyed hash (HMAC-SHA256 under a key derived from the data key), so the
database alone cannot rebuild a link. Revoking refuses the link at once.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from rjdesk_hub.referrals.models import Partner
from rjdesk_hub.service import Hub

_DIGEST_PURPOSE = "partner links"
TOKEN_BYTES = 32
MAX_TOKEN_CHARS = 64


def token_digest(hub: Hub, token: str) -> bytes:
    return hmac.new(hub.derived_key(_DIGEST_PURPOSE), token.encode(), hashlib.sha256).digest()


def issue(
    session: Session, hub: Hub, *, organisation: str, kind: str, by: str, at: datetime
) -> tuple[Partner, str]:
    """A new partner and the token of its link (shown once: the hub cannot show it again)."""
    token = secrets.token_urlsafe(TOKEN_BYTES)
    partner = Partner(
        id=str(uuid.uuid4()),
        organisation=organisation,
        kind=kind,
        token_digest=token_digest(hub, token),
        created_at=at,
        created_by=by,
    )
    session.add(partner)
    return partner, token


def find(session: Session, hub: Hub, token: str) -> Partner | None:
    """The partner whose live (unrevoked) link carries ``token``, else None."""
    if not token or len(token) > MAX_TOKEN_CHARS:
        return None
    digest = token_digest(hub, token)
    partner = session.scalar(select(Partner).where(Partner.token_digest == digest))
    if partner is None or partner.revoked_at is not None:
        return None
    return partner


def revoke(session: Session, partner_id: str, *, at: datetime) -> bool:
    """Refuse the partner's link from now on; False if it was unknown or revoked already."""
    partner = session.get(Partner, partner_id)
    if partner is None or partner.revoked_at is not None:
        return False
    partner.revoked_at = at
    return True


def partners(session: Session) -> list[Partner]:
    return list(session.scalars(select(Partner).order_by(Partner.organisation, Partner.id)))
