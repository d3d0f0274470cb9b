"""One-time enrolment codes: a coordinator makes one in the console for a named facilitator, the
facilitator types it on the laptop with the hub's address, and the laptop is enrolled with no
files carried by hand (docs/hub.md, "Enrolling a laptop with a code").

A code is 12 characters of Crockford base32 shown in three groups, ``K7QM-2XRD-9HVA``: the first
four are its public part (how the hub finds it), the other eight its secret (40 bits). It is
accepted in any case, with spaces or dashes, and with Crockford's look-alikes (I and L for 1,
O for 0). It enrols one laptop, within 24 hours, and is spent after 5 wrong secrets. The hub
keeps only keyed hashes of it (``enrol_models``); it is shown once, and never logged.

Making a code records ENROL_CODE_CREATED; the laptop it enrols records LAPTOP_ENROLLED, by the
person who made the code, from the laptop's address.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from rjdesk_hub import models as m
from rjdesk_hub.console import ledger
from rjdesk_hub.console.enrol_models import EnrolCode
from rjdesk_hub.errors import HubError
from rjdesk_hub.service import Hub

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O or U
PUBLIC_CHARS = 4
SECRET_CHARS = 8  # 40 bits
CODE_CHARS = PUBLIC_CHARS + SECRET_CHARS
VALID_FOR = timedelta(hours=24)
MAX_WRONG_TRIES = 5
KEY_PURPOSE = "rjdesk-hub console enrol codes v1"
_LOOK_ALIKES = str.maketrans({"I": "1", "L": "1", "O": "0"})


class EnrolCodeProblem(HubError):
    """A code cannot be made as asked; ``field`` names the form field the sentence belongs to."""

    def __init__(self, message: str, field: str) -> None:
        super().__init__(message)
        self.field = field


class EnrolCodeRefused(HubError):
    """A laptop's code is refused; ``status`` is the HTTP status the sync API answers with."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


NOT_A_CODE = (
    "That is not an enrolment code: a code has 12 letters and digits, like K7QM-2XRD-9HVA; "
    "check what you typed."
)
WRONG = "This enrolment code is not right: check it with your coordinator, who can make a new one."
USED = "This enrolment code was already used: ask your coordinator for a new one."
EXPIRED = (
    "This enrolment code has expired (codes last 24 hours): ask your coordinator for a new one."
)
SPENT = (
    "This enrolment code was typed wrongly too many times and no longer works: ask your "
    "coordinator for a new one."
)


@dataclass(frozen=True)
class NewCode:
    """A code just made: ``text`` is shown once and kept nowhere."""

    text: str
    facilitator_name: str
    facilitator_id: str | None
    expires_at: datetime


@dataclass(frozen=True)
class Facilitator:
    """An account a code can be made for, as the form lists it."""

    id: str
    name: str
    laptops: int


def grouped(code: str) -> str:
    """``K7QM2XRD9HVA`` as it is shown: ``K7QM-2XRD-9HVA``."""
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def normalise(typed: str) -> str | None:
    """The 12 characters of a typed code (any case, spaces and dashes, look-alikes), or None."""
    if len(typed) > 64:
        return None
    folded = "".join(c for c in typed.upper() if c not in " -\t").translate(_LOOK_ALIKES)
    if len(folded) != CODE_CHARS or any(c not in ALPHABET for c in folded):
        return None
    return folded


def _key(hub: Hub) -> bytes:
    return hub.derived_key(KEY_PURPOSE)


def _lookup(key: bytes, code: str) -> bytes:
    return hmac.new(key, b"public:" + code[:PUBLIC_CHARS].encode(), hashlib.sha256).digest()


def _digest(key: bytes, code: str) -> bytes:
    return hmac.new(key, b"code:" + code.encode(), hashlib.sha256).digest()


def facilitators(hub: Hub) -> list[Facilitator]:
    """The facilitator accounts, by name, with how many live laptops each has."""
    with hub.db.reader() as session:
        rows = session.execute(select(m.Facilitator).order_by(m.Facilitator.name)).scalars()
        people = list(rows)
        devices = session.execute(
            select(m.Device.facilitator_id).where(m.Device.revoked_at.is_(None))
        ).scalars()
        counts: dict[str, int] = {}
        for facilitator_id in devices:
            counts[facilitator_id] = counts.get(facilitator_id, 0) + 1
    return [Facilitator(p.id, p.name, counts.get(p.id, 0)) for p in people]


def create(
    hub: Hub,
    actor: ledger.Actor,
    *,
    facilitator_id: str = "",
    new_name: str = "",
) -> NewCode:
    """Make a code for the account ``facilitator_id``, or for a new facilitator ``new_name``
    (exactly one of them); record ENROL_CODE_CREATED in the same transaction."""
    facilitator_id, new_name = facilitator_id.strip(), " ".join(new_name.split())
    if bool(facilitator_id) == bool(new_name):
        raise EnrolCodeProblem(
            "Choose the facilitator this laptop is for, or type a new facilitator's name.",
            "facilitator",
        )
    key = _key(hub)
    with hub.db.transaction() as tx:
        session = tx.session
        if facilitator_id:
            person = session.get(m.Facilitator, facilitator_id)
            if person is None:
                raise EnrolCodeProblem(
                    "That facilitator is not at this hub any more: choose one from the list.",
                    "facilitator",
                )
            name = person.name
        else:
            if len(new_name) > 200:
                raise EnrolCodeProblem(
                    "The facilitator's name must be 200 characters or fewer.", "new_name"
                )
            taken = session.scalars(
                select(m.Facilitator.id).where(m.Facilitator.name == new_name)
            ).first()
            if taken is not None:
                raise EnrolCodeProblem(
                    f"A facilitator named {new_name} already has an account: choose them from "
                    "the list if this laptop is theirs.",
                    "new_name",
                )
            name = new_name
        code, lookup = _fresh_code(session, key)
        row = EnrolCode(
            id=str(uuid.uuid4()),
            lookup=lookup,
            digest=_digest(key, code),
            facilitator_id=facilitator_id or None,
            facilitator_name=name,
            created_by_id=actor.account_id,
            created_by_name=actor.account_name,
            created_at=tx.now,
            expires_at=tx.now + VALID_FOR,
            wrong_tries=0,
            used_at=None,
            device_id=None,
        )
        session.add(row)
        session.flush()
        detail: dict[str, str | bool] = {"code": row.id, "new_facilitator": not facilitator_id}
        if facilitator_id:
            detail["facilitator_id"] = facilitator_id
        ledger.record(session, actor, ledger.Action.ENROL_CODE_CREATED, at=tx.now, detail=detail)
        return NewCode(grouped(code), name, facilitator_id or None, row.expires_at)


def _fresh_code(session: Session, key: bytes) -> tuple[str, bytes]:
    """A random code whose public part no other code has."""
    while True:
        code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_CHARS))
        lookup = _lookup(key, code)
        if session.scalars(select(EnrolCode.id).where(EnrolCode.lookup == lookup)).first() is None:
            return code, lookup


def redeem(hub: Hub, typed: str, request: Any, *, address: str = "") -> dict[str, Any]:
    """Enrol the laptop whose enrolment ``request`` this is with the code ``typed``: the signed
    hub configuration, exactly as ``rjdesk-hub enroll`` answers, for the code's facilitator.

    ``EnrolCodeRefused`` (with its HTTP status) for a code that is malformed, unknown or wrong
    (403; a wrong secret counts as a try), used, expired or spent (410); the request's own
    refusals are ``EnrollmentRefused``, and leave the code unused. The same laptop sending the
    same code again (its answer was lost) gets the same answer."""
    code = normalise(typed)
    if code is None:
        raise EnrolCodeRefused(NOT_A_CODE, 400)
    key = _key(hub)
    with hub.db.transaction() as tx:
        row = tx.session.scalars(
            select(EnrolCode).where(EnrolCode.lookup == _lookup(key, code))
        ).first()
        if row is None:
            raise EnrolCodeRefused(WRONG, 403)
        right = hmac.compare_digest(row.digest, _digest(key, code))
        live = row.used_at is None and row.wrong_tries < MAX_WRONG_TRIES
        refusal: EnrolCodeRefused | None
        if not right:
            if live and tx.now < row.expires_at:
                row.wrong_tries += 1  # committed with this transaction, before refusing
            refusal = EnrolCodeRefused(WRONG, 403)
        else:
            refusal = _why_not(row, tx.now, request)
        code_id = row.id
        facilitator_id, name = row.facilitator_id, row.facilitator_name
        actor = ledger.Actor(row.created_by_id, row.created_by_name, _ip_or_nothing(address))
        again = row.used_at is not None and right and refusal is None
    if refusal is not None:
        raise refusal
    if again:  # the same laptop's answer was lost: the same enrollment, recorded once
        return hub.enroll(request)

    def then(session: Session, at: datetime, answer: Any) -> None:
        device_id = str(answer.get("device_id", ""))
        taken = session.execute(
            update(EnrolCode)
            .where(EnrolCode.id == code_id, EnrolCode.used_at.is_(None))
            .values(used_at=at, device_id=device_id)
        )
        if getattr(taken, "rowcount", 0) != 1:  # another laptop used it a moment ago
            raise EnrolCodeRefused(USED, 410)
        ledger.record(
            session,
            actor,
            ledger.Action.LAPTOP_ENROLLED,
            at=at,
            device_id=device_id,
            detail={"code": code_id, "facilitator_id": str(answer.get("facilitator_id", ""))},
        )

    if facilitator_id is not None:
        return hub.enroll(request, same_facilitator=facilitator_id, then=then)
    return hub.enroll(request, name, new_facilitator=True, then=then)


def _why_not(row: EnrolCode, now: datetime, request: Any) -> EnrolCodeRefused | None:
    """Why a code whose secret is right cannot enrol this request now, or None. A used code
    sent again by the laptop it enrolled (its answer was lost) is that enrollment again."""
    if row.used_at is not None:
        same_laptop = isinstance(request, dict) and request.get("device_id") == row.device_id
        return None if same_laptop else EnrolCodeRefused(USED, 410)
    if row.wrong_tries >= MAX_WRONG_TRIES:
        return EnrolCodeRefused(SPENT, 410)
    if now >= row.expires_at:
        return EnrolCodeRefused(EXPIRED, 410)
    return None


def _ip_or_nothing(address: str) -> str:
    try:
        return ledger.client_address(address, "", "")
    except ValueError:
        return ""
