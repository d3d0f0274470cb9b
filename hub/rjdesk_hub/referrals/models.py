"""The referrals' tables, on the hub's declarative base (migration ``h0013_referrals``).

What is plain is what the triage queue sorts on and what the funders' figures count: when a
referral came, by which way (public form, a partner's link, a phone call typed at the hub), from
which partner organisation, the kind of problem the referrer chose, and what became of it (and
why, if declined). Everything the referrer typed is one sealed record (AES-256-GCM under a key
derived from the hub's data key), removed when the referral is declined or deleted untriaged.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from rjdesk_hub.models import ROW_ID, HubBase


class Referral(HubBase):
    __tablename__ = "hub_referral"

    id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)  # what the referrer is given
    received_at: Mapped[datetime] = mapped_column(index=True)
    channel: Mapped[str] = mapped_column(String(10))  # "public", "partner" or "phone"
    partner_id: Mapped[str | None] = mapped_column(String(ROW_ID), index=True)
    problem: Mapped[str] = mapped_column(String(40), default="")  # the referrer's case type
    status: Mapped[str] = mapped_column(String(10), index=True)  # "new", "accepted", "declined"
    sealed: Mapped[bytes | None] = mapped_column(LargeBinary)  # None once declined
    decided_at: Mapped[datetime | None]
    decided_by: Mapped[str | None] = mapped_column(String(ROW_ID))  # a console account's id
    decline_reason: Mapped[str | None] = mapped_column(String(40))
    case_id: Mapped[str | None] = mapped_column(String(ROW_ID))  # the case it became or joined


class Partner(HubBase):
    """An organisation that refers through its own link (police, housing, schools...). The link
    carries a token the hub keeps only as a keyed hash; revoking it refuses the link at once."""

    __tablename__ = "hub_partner"

    id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True)
    organisation: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(40))  # a ReferralSource value (police, school...)
    token_digest: Mapped[bytes] = mapped_column(LargeBinary(32), unique=True)
    created_at: Mapped[datetime]
    created_by: Mapped[str] = mapped_column(String(ROW_ID))
    revoked_at: Mapped[datetime | None]
