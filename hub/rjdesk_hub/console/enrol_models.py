"""The table of one-time enrolment codes (``console.enrol_codes``), on the hub's declarative base.

Nothing of a code is kept in plain: ``lookup`` is the keyed hash (HMAC-SHA256 under a key
derived from the hub's data key) of its public part, by which a typed code is found, and
``digest`` the keyed hash of the whole code, compared in constant time. Someone holding the
database without the hub's keys learns who a code was made for, by whom and when, and nothing
that would let them use it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from rjdesk_hub.models import ID, ROW_ID, HubBase

DIGEST_BYTES = 32


class EnrolCode(HubBase):
    """A one-time code a coordinator made for one facilitator account: ``facilitator_id`` an
    existing account, or none and ``facilitator_name`` the new account its laptop makes.
    ``used_at`` and ``device_id`` once a laptop enrolled with it; ``wrong_tries`` counts
    attempts with the right public part and a wrong secret."""

    __tablename__ = "hub_enrol_code"

    id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True)
    lookup: Mapped[bytes] = mapped_column(LargeBinary(DIGEST_BYTES), unique=True)
    digest: Mapped[bytes] = mapped_column(LargeBinary(DIGEST_BYTES))
    facilitator_id: Mapped[str | None] = mapped_column(String(ROW_ID))
    facilitator_name: Mapped[str] = mapped_column(String(200))
    created_by_id: Mapped[str] = mapped_column(String(ROW_ID))
    created_by_name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    wrong_tries: Mapped[int] = mapped_column(Integer, default=0)
    used_at: Mapped[datetime | None]
    device_id: Mapped[str | None] = mapped_column(String(ID))
