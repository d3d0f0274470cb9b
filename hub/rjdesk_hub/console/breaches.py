"""Reporting a laptop lost, and the breach log (issue 14).

- ``report_lost``: revoke the laptop and open a breach-log entry in the same transaction,
  listing every case it held and every person in them (names sealed, like case content), for
  the data protection officer's decision within 72 hours (UK GDPR Art. 33);
- ``breaches``, ``breach``: the entries (opening one, which shows names, is recorded);
- ``decide``: the decision, recorded by a supervisor.

Each change is recorded in the console's audit log in its own transaction (ids and counts
only). Nothing here logs a name.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from rjdesk_hub import models as m
from rjdesk_hub.console import ledger
from rjdesk_hub.console.laptop_models import Breach
from rjdesk_hub.console.laptops import LaptopRefused, held_cases, live_device, references_of
from rjdesk_hub.crypto import AtRest
from rjdesk_hub.errors import HubError
from rjdesk_hub.results import DeviceInfo
from rjdesk_hub.service import Hub

DECISION_WITHIN = timedelta(hours=72)  # UK GDPR Art. 33(1)
MAX_REASON = 2000
_SEAL_PURPOSE = "console breach log"
_ATTEMPTS = 3


@dataclass(frozen=True)
class Person:
    reference: str
    name: str
    role: str


@dataclass(frozen=True)
class BreachEntry:
    id: str
    device_id: str
    device_code: str
    facilitator: str
    reported_at: datetime
    reported_by: str
    decide_by: datetime
    references: tuple[str, ...]
    people: tuple[Person, ...]  # empty in a summary (``breaches``): only opened for one entry
    decided_at: datetime | None
    decided_by: str
    notify_ico: bool | None
    reason: str

    @property
    def open(self) -> bool:
        return self.decided_at is None

    def time_left(self, now: datetime) -> timedelta:
        return self.decide_by - now


# -- reporting a laptop lost -----------------------------------------------------------------


class _HeldChanged(Exception):
    """A case reached the laptop between reading its cases and revoking it: read again."""


def report_lost(hub: Hub, device_id: str, actor: ledger.Actor) -> str:
    """Revoke a lost laptop at once and open its breach-log entry (the cases it held, the people
    in them, the 72-hour deadline), in one transaction recorded as LAPTOP_LOST; the entry's id.

    The people's names come from the case index's sealed facts, read before the transaction
    (on SQLite a read inside it would wait for it); once revoked the laptop can receive nothing,
    so if its cases changed in between, reading again settles."""
    for _ in range(_ATTEMPTS):
        with hub.db.reader() as session:
            device = live_device(session, device_id)
            device_id = device.id
            held = held_cases(session, device)
        people = _people_of(hub, held)
        try:
            return _revoke_and_log(hub, device_id, actor, held, people)
        except _HeldChanged:
            continue
    raise LaptopRefused("The laptop's cases kept changing while it was reported: try again.")


def _people_of(hub: Hub, case_ids: list[str]) -> list[dict[str, str]]:
    people: list[dict[str, str]] = []
    for case_id in case_ids:
        facts = hub.case_facts(case_id) or {}
        for party in facts.get("parties") or []:
            if isinstance(party, dict):
                people.append(
                    {
                        "case_id": case_id,
                        "name": str(party.get("name") or ""),
                        "role": str(party.get("role") or ""),
                    }
                )
    return people


def _revoke_and_log(
    hub: Hub, device_id: str, actor: ledger.Actor, held: list[str], people: list[dict[str, str]]
) -> str:
    breach_id = str(uuid.uuid4())
    sealer = _sealer(hub)

    def then(session: Session, at: datetime, done: DeviceInfo) -> None:
        device = session.get(m.Device, done.id)
        assert device is not None
        if not set(held_cases(session, device)) <= set(held):
            raise _HeldChanged
        references = references_of(session, held)
        query = select(m.Case.case_id, m.Case.reference).where(m.Case.case_id.in_(held))
        by_case: dict[str, str] = {case_id: ref for case_id, ref in session.execute(query)}
        listed = [{**p, "reference": by_case.get(p["case_id"], p["case_id"])} for p in people]
        session.add(
            Breach(
                id=breach_id,
                device_id=device.id,
                device_code=device.device_code,
                facilitator_id=device.facilitator_id,
                facilitator_name=done.facilitator,
                reported_at=at,
                reported_by_id=actor.account_id,
                reported_by_name=actor.account_name,
                decide_by=at + DECISION_WITHIN,
                case_ids=held,
                case_references=references,
                people=sealer.seal_json(listed, _aad(breach_id, "people")),
            )
        )
        ledger.record(
            session,
            actor,
            ledger.Action.LAPTOP_LOST,
            at=at,
            device_id=device.id,
            detail={
                "breach_id": breach_id,
                "facilitator_id": device.facilitator_id,
                "cases": len(held),
                "people": len(listed),
            },
        )

    try:
        hub.revoke(device_id, then=then)
    except HubError as exc:
        raise LaptopRefused(str(exc)) from None
    return breach_id


def _sealer(hub: Hub) -> AtRest:
    return AtRest(hub.derived_key(_SEAL_PURPOSE))


def _aad(breach_id: str, part: str) -> bytes:
    return f"rjdesk-hub breach {breach_id} {part}".encode()


# -- the breach log --------------------------------------------------------------------------


def breaches(hub: Hub) -> list[BreachEntry]:
    """Every breach-log entry, those awaiting the decision first (soonest deadline first), then
    the decided ones, newest first; without the people's names."""
    with hub.db.reader() as session:
        rows = list(session.scalars(select(Breach)))
    open_ = sorted((b for b in rows if b.decided_at is None), key=lambda b: b.decide_by)
    decided = sorted((b for b in rows if b.decided_at is not None), key=lambda b: b.reported_at)
    return [_entry(b, None, None) for b in [*open_, *reversed(decided)]]


def breach(hub: Hub, breach_id: str, actor: ledger.Actor) -> BreachEntry | None:
    """One breach-log entry with the people's names; the viewing is recorded (VIEW_BREACH)."""
    with hub.db.transaction() as tx:
        found = tx.session.get(Breach, breach_id)
        if found is None:
            return None
        ledger.record(
            tx.session,
            actor,
            ledger.Action.VIEW_BREACH,
            at=tx.now,
            device_id=found.device_id,
            detail={"breach_id": found.id},
        )
        return _entry(found, _sealer(hub), found)


def _entry(row: Breach, sealer: AtRest | None, opened: Breach | None) -> BreachEntry:
    people: tuple[Person, ...] = ()
    reason = ""
    if sealer is not None and opened is not None:
        listed: Any = sealer.open_json(row.people, _aad(row.id, "people"))
        people = tuple(
            Person(str(p.get("reference", "")), str(p.get("name", "")), str(p.get("role", "")))
            for p in listed
            if isinstance(p, dict)
        )
        if row.reason is not None:
            reason = sealer.open(row.reason, _aad(row.id, "reason")).decode("utf-8")
    return BreachEntry(
        id=row.id,
        device_id=row.device_id,
        device_code=row.device_code,
        facilitator=row.facilitator_name,
        reported_at=row.reported_at,
        reported_by=row.reported_by_name,
        decide_by=row.decide_by,
        references=tuple(row.case_references),
        people=people,
        decided_at=row.decided_at,
        decided_by=row.decided_by_name or "",
        notify_ico=row.notify_ico,
        reason=reason,
    )


@dataclass(frozen=True)
class Decision:
    """The data protection officer's decision as a supervisor typed it (``check_decision``)."""

    notify_ico: bool
    reason: str


def check_decision(form: dict[str, str]) -> tuple[Decision | None, dict[str, str]]:
    """The decision in a posted form, or the sentence for each field that is wrong."""
    errors: dict[str, str] = {}
    choice = form.get("notify_ico", "")
    if choice not in {"yes", "no"}:
        errors["notify_ico"] = "Select whether the ICO is to be notified"
    reason = form.get("reason", "").strip()
    if not reason:
        errors["reason"] = "Enter why the data protection officer decided this"
    elif len(reason) > MAX_REASON:
        errors["reason"] = f"The reason must be {MAX_REASON} characters or fewer"
    if errors:
        return None, errors
    return Decision(choice == "yes", reason), {}


def decide(hub: Hub, breach_id: str, actor: ledger.Actor, decision: Decision) -> None:
    """Record the data protection officer's decision on an open entry (BREACH_DECIDED)."""
    with hub.db.transaction() as tx:
        found = tx.session.get(Breach, breach_id)
        if found is None:
            raise LaptopRefused("There is no such breach-log entry: go back to the breach log.")
        if found.decided_at is not None:
            raise LaptopRefused(
                f"The decision on this entry was recorded by {found.decided_by_name} on "
                f"{found.decided_at:%d %B %Y at %H:%M}: it cannot be changed."
            )
        found.decided_at, found.notify_ico = tx.now, decision.notify_ico
        found.decided_by_id, found.decided_by_name = actor.account_id, actor.account_name
        found.reason = _sealer(hub).seal(decision.reason.encode("utf-8"), _aad(found.id, "reason"))
        ledger.record(
            tx.session,
            actor,
            ledger.Action.BREACH_DECIDED,
            at=tx.now,
            device_id=found.device_id,
            detail={"breach_id": found.id, "notify_ico": decision.notify_ico},
        )
