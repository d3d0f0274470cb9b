"""The hub's own series of case references (issue 15): ``RJ-YY-<hub code>-NNNN``.

The hub code is five characters like a laptop's device code, made from the hub's signing key,
and never one an enrolled device has: the first of a series of codes made from the key that no
device holds, and enrolment refuses a laptop whose code is the hub's (``enrollment.enroll``), so
the code stays the same once the hub has numbered a case with it. A hub reference can therefore
never be one a laptop hands out.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from rjdesk_hub import models as m
from rjdesk_protocol.references import device_code_for, format_reference


def hub_code(session: Session, public_key: bytes) -> str:
    """The hub's five-character code: the first of a series made from its signing key that no
    device (enrolled, retired or revoked) has."""
    taken = set(session.scalars(select(m.Device.device_code)))
    code, tried = device_code_for(public_key), 0
    while code in taken:
        tried += 1
        code = device_code_for(public_key + tried.to_bytes(4, "big"))
    return code


def next_hub_reference(session: Session, code: str, year: int) -> str:
    """The next reference of the hub's series for ``year`` (the caller holds the hub's lock)."""
    prefix = format_reference(year, code, 0).removesuffix("0000")
    taken = session.scalars(select(m.Case.reference).where(m.Case.reference.like(prefix + "%")))
    numbers = [int(tail) for ref in taken if (tail := ref.removeprefix(prefix)).isdigit()]
    return format_reference(year, code, max(numbers, default=0) + 1)
