"""Handing out this device's next case reference (``rjdesk_protocol.references`` says what one
is): the year's running number, skipping any reference a case in the vault already has (an
imported case, or one the hub sent back after the vault was restored from an older copy)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from rjdesk.domain.models import Case, ReferenceCounter, VaultInfo
from rjdesk_protocol.references import format_reference


def next_reference(session: Session, year: int) -> str:
    device_code = session.scalars(select(VaultInfo.device_code)).one()
    counter = session.get(ReferenceCounter, year)
    if counter is None:
        counter = ReferenceCounter(year=year, last_number=0)
        session.add(counter)
    while True:
        counter.last_number += 1
        reference = format_reference(year, device_code, counter.last_number)
        if session.scalar(select(Case.id).where(Case.reference == reference)) is None:
            return reference
