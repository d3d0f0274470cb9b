"""What puts the actions of people at the hub into the console's audit log (``ledger``).

Signing in and out, sessions that ran out, the ``rjdesk-hub user`` commands and the coordinator's
commands that change who holds what: each is recorded by the code that does it, in its own
transaction, through the helpers here. Who: a console account (``person``), nobody known (a
failed sign-in under a name no account has: the typed name is never recorded), or the server's
command line (``ledger.COMMAND_LINE``, with no address).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from rjdesk_hub.console import ledger
from rjdesk_hub.console.ledger import Action, Actor, Detail, Outcome
from rjdesk_hub.console.permissions import Action as Allowed

NOBODY_NAME = ""

# The ledger's name for a POST refused for want of a permission: what it would have done, as
# near as the fixed list has. A route whose action is more exact (unassign rather than assign)
# says so with ``permission(..., records=...)``.
REFUSED_AS: dict[Allowed, Action] = {
    Allowed.MANAGE_ACCOUNTS: Action.ACCOUNT_ADDED,
    Allowed.READ_CASES: Action.SEARCH,
    Allowed.READ_AUDIT: Action.EXPORT_AUDIT,
    Allowed.TRIAGE: Action.ASSIGN,
    Allowed.ASSIGN: Action.ASSIGN,
    Allowed.ENROL_LAPTOPS: Action.ENROL_CODE_CREATED,
    Allowed.REVOKE_LAPTOPS: Action.LAPTOP_REVOKED,
    Allowed.SETTLE_CONFLICTS: Action.CONFLICT_SETTLED,
    Allowed.SUBJECT_ACCESS: Action.SUBJECT_ACCESS,
    Allowed.ERASURE: Action.ERASURE,
    Allowed.LEGAL_HOLDS: Action.LEGAL_HOLD,
    Allowed.DECIDE_BREACHES: Action.BREACH_DECIDED,
    Allowed.READ_RETURNS: Action.RETURN_DOWNLOADED,
    Allowed.PRODUCE_RETURNS: Action.RETURN_PRODUCED,
}


def person(account_id: str, account_name: str, address: str = "") -> Actor:
    """A console account, by its id and its name now."""
    return Actor(account_id=account_id, account_name=account_name, address=address)


def nobody(address: str = "") -> Actor:
    """Someone who typed a name no account has: neither an id nor the name typed."""
    return Actor(account_id="", account_name=NOBODY_NAME, address=address)


def permission_name(allowed: Allowed) -> str:
    """A permission as a detail value (``assign``, ``manage-accounts``)."""
    return allowed.name.lower().replace("_", "-")


def refused_as(allowed: Allowed, records: Action | None) -> Action:
    """The ledger action a refused POST is recorded as (``REFUSED_AS`` names one for each)."""
    return records or REFUSED_AS[allowed]


def record_refused(
    session: Session, actor: Actor, allowed: Allowed, records: Action, at: datetime
) -> None:
    """A POST refused because the person's role may not do ``allowed``."""
    ledger.record(
        session,
        actor,
        records,
        at=at,
        outcome=Outcome.REFUSED,
        detail={"needs": permission_name(allowed)},
    )


# -- the coordinator's commands (rjdesk-hub assign, revoke, enroll...) --------------------------

# What a hub command calls, inside its transaction, with what it did.
Then = Callable[[Session, datetime, Any], None]


def by_command_line(action: Action) -> Then:
    """A ``then`` for a ``Hub`` method: record ``action`` by "rjdesk-hub command line" with the
    case or device the method's result names."""
    return by(ledger.COMMAND_LINE, action)


def by(actor: Actor, action: Action) -> Then:
    """A ``then`` for a ``Hub`` method: record ``action`` by ``actor`` (a console page passes
    ``accounts_web.actor_of(request, view)``) with the case or device its result names."""

    def then(session: Session, at: datetime, done: Any) -> None:
        case_id, reference, device_id, detail = _which(done)
        ledger.record(
            session,
            actor,
            action,
            at=at,
            case_id=case_id,
            case_reference=reference,
            device_id=device_id,
            detail=detail,
        )

    return then


def _which(done: Any) -> tuple[str, str, str, Detail]:
    """The case id and reference, or the device id, of a ``Hub`` method's result, and the
    facilitator's id beside it; for a kept return, its definition, id and period."""
    if hasattr(done, "definition_sha256"):  # a kept return (returns.kept.KeptInfo)
        return "", "", "", {
            "definition": done.definition_id, "kept_return": done.id,
            "period_start": done.period_start.isoformat(),
            "period_end": done.period_end.isoformat(),
        }  # fmt: skip
    if isinstance(done, dict):  # an enrollment's answer: the laptop's hub configuration
        facilitator = str(done.get("facilitator_id", ""))
        return "", "", str(done.get("device_id", "")), {"facilitator_id": facilitator}
    if hasattr(done, "case_id"):  # an Assignment
        detail: dict[str, str | int] = {"laptops": int(done.devices)}
        if done.facilitator_id:
            detail["facilitator_id"] = done.facilitator_id
        return done.case_id, done.reference or "", "", detail
    # a DeviceInfo
    return "", "", done.id, {"facilitator_id": done.facilitator_id}
