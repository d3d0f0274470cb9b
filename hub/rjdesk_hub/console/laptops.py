"""Facilitators and their laptops, retiring a laptop, and reporting one lost (issue 14).

What the console's "Facilitators and laptops" pages read and change, over the hub's database:

- each laptop's state (active, retired, revoked, lost), when it last reached the hub (its last
  signed request or bundle), what is waiting for it and the cases it holds;
- ``retire``: a replaced laptop may still deliver its last bundle, but is sent nothing new and
  can never enrol again (``rjdesk_hub.delivery``, ``enrollment``, ``store``);
- reporting one lost, and the breach log: ``breaches``.

Each change is recorded in the console's audit log in its own transaction (ids and counts
only). Nothing here logs a name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, exists, func, select
from sqlalchemy.orm import Session

from rjdesk_hub import models as m
from rjdesk_hub.console import ledger
from rjdesk_hub.console.laptop_models import Breach, DeviceRetired, DeviceSeen
from rjdesk_hub.errors import HubError
from rjdesk_hub.service import Hub
from rjdesk_hub.store import device_named

UNSEEN_AFTER = timedelta(days=7)

ACTIVE, RETIRED, REVOKED, LOST = "active", "retired", "revoked", "lost"


class LaptopRefused(HubError):
    """A retirement, a report or a decision that cannot be done: one sentence saying why."""


@dataclass(frozen=True)
class Laptop:
    """One laptop as the pages show it (no case content)."""

    device_id: str
    code: str
    facilitator_id: str
    facilitator: str
    enrolled_at: datetime
    last_seen_at: datetime | None
    state: str
    state_since: datetime | None
    cases_held: int
    cases_waiting: int
    changes_waiting: int
    withdrawals_waiting: int
    breach_id: str | None
    unseen: bool  # active, and not seen (or never seen since its enrolment) for a week

    @property
    def can_retire(self) -> bool:
        return self.state == ACTIVE

    @property
    def can_report_lost(self) -> bool:
        return self.state in {ACTIVE, RETIRED}


@dataclass(frozen=True)
class Facilitator:
    facilitator_id: str
    name: str
    open_cases: int
    laptops: tuple[Laptop, ...]


@dataclass(frozen=True)
class LaptopDetail:
    laptop: Laptop
    held: tuple[str, ...]  # references of the cases it holds
    waiting: tuple[str, ...]  # references of the cases queued whole for it
    retired_by: str


# -- reading ---------------------------------------------------------------------------------


def facilitators(hub: Hub) -> list[Facilitator]:
    """Every facilitator with their laptops, by name; a laptop's facts as ``laptop`` gives."""
    now = hub.clock()
    with hub.db.reader() as session:
        people = session.scalars(select(m.Facilitator).order_by(m.Facilitator.name))
        found = []
        for person in list(people):
            devices = session.scalars(
                select(m.Device)
                .where(m.Device.facilitator_id == person.id)
                .order_by(m.Device.enrolled_at, m.Device.id)
            )
            laptops = tuple(_laptop(session, d, person.name, now) for d in list(devices))
            open_cases = _open_cases(session, person.id)
            found.append(Facilitator(person.id, person.name, open_cases, laptops))
        return found


def laptop(hub: Hub, device_id: str) -> LaptopDetail | None:
    """One laptop in full, by its device id; None if the hub has none of that id."""
    now = hub.clock()
    with hub.db.reader() as session:
        device = session.get(m.Device, device_id)
        if device is None:
            return None
        person = session.get(m.Facilitator, device.facilitator_id)
        retired = session.get(DeviceRetired, device.id)
        waiting = session.scalars(
            select(m.Case.reference)
            .join(m.Delivery, m.Delivery.case_id == m.Case.case_id)
            .where(m.Delivery.device_id == device.id)
            .order_by(m.Case.reference)
        )
        return LaptopDetail(
            _laptop(session, device, person.name if person else "", now),
            tuple(references_of(session, held_cases(session, device))),
            tuple(dict.fromkeys(waiting)),
            retired.account_name if retired is not None else "",
        )


def _laptop(session: Session, device: m.Device, facilitator: str, now: datetime) -> Laptop:
    seen = session.get(DeviceSeen, device.id)
    last_bundle = session.scalar(
        select(func.max(m.Bundle.received_at)).where(m.Bundle.device_id == device.id)
    )
    times = [t for t in (seen.last_request_at if seen else None, last_bundle) if t is not None]
    last_seen = max(times) if times else None
    retired = session.get(DeviceRetired, device.id)
    breach = session.scalars(select(Breach.id).where(Breach.device_id == device.id)).first()
    if breach is not None:
        state, since = LOST, device.revoked_at
    elif device.revoked_at is not None:
        state, since = REVOKED, device.revoked_at
    elif retired is not None:
        state, since = RETIRED, retired.retired_at
    else:
        state, since = ACTIVE, None
    live = state == ACTIVE
    held = session.scalar(
        select(func.count()).select_from(m.DeviceCase).where(m.DeviceCase.device_id == device.id)
    )
    deliveries = session.scalar(
        select(func.count(func.distinct(m.Delivery.case_id))).where(
            m.Delivery.device_id == device.id
        )
    )
    withdrawals = session.scalar(
        select(func.count()).select_from(m.Withdrawal).where(m.Withdrawal.device_id == device.id)
    )
    return Laptop(
        device_id=device.id,
        code=device.device_code,
        facilitator_id=device.facilitator_id,
        facilitator=facilitator,
        enrolled_at=device.enrolled_at,
        last_seen_at=last_seen,
        state=state,
        state_since=since,
        cases_held=int(held or 0),
        cases_waiting=int(deliveries or 0) if live else 0,
        changes_waiting=_changes_waiting(session, device) if live else 0,
        withdrawals_waiting=int(withdrawals or 0) if live else 0,
        breach_id=breach,
        unseen=live and now - (last_seen or device.enrolled_at) > UNSEEN_AFTER,
    )


def _changes_waiting(session: Session, device: m.Device) -> int:
    """How many changed rows of the cases it holds its next hub bundle would carry (as
    ``delivery.InboxBuilder`` picks them: newer than its cursor, not its own plain applies)."""
    of_case = exists().where(
        m.DeviceCase.device_id == device.id,
        m.DeviceCase.case_id == m.Record.case_id,
        m.Record.hub_seq > m.DeviceCase.since_seq,
    )
    of_person = exists().where(
        m.CasePerson.person_id == m.Record.row_id,
        m.DeviceCase.device_id == device.id,
        m.DeviceCase.case_id == m.CasePerson.case_id,
        m.Record.hub_seq > m.DeviceCase.since_seq,
    )
    query = (
        select(func.count())
        .select_from(m.Record)
        .where(m.Record.hub_seq > device.inbox_cursor)
        .where(of_case | (m.Record.case_id.is_(None) & of_person))
        .where(~((m.Record.device_id == device.id) & (m.Record.how == "apply")))
    )
    return int(session.scalar(query) or 0)


def _open_cases(session: Session, facilitator_id: str) -> int:
    query = (
        select(func.count())
        .select_from(m.Visibility)
        .join(m.Case, m.Case.case_id == m.Visibility.case_id)
        .where(m.Visibility.facilitator_id == facilitator_id, m.Case.closed.is_(False))
    )
    return int(session.scalar(query) or 0)


def held_cases(session: Session, device: m.Device) -> list[str]:
    """Every case the laptop may hold now: those it holds at the hub, those in hub bundles
    issued to it and not yet confirmed (it may have applied them), and those taken from it that
    it has not yet been told to drop."""
    held = set(
        session.scalars(select(m.DeviceCase.case_id).where(m.DeviceCase.device_id == device.id))
    )
    issued = session.scalars(
        select(m.Issued.cases).where(
            m.Issued.device_id == device.id, m.Issued.sequence > device.inbox_sequence
        )
    )
    for cases in issued:
        held |= set(cases or [])
    held |= set(
        session.scalars(select(m.Withdrawal.case_id).where(m.Withdrawal.device_id == device.id))
    )
    return sorted(held)


def references_of(session: Session, case_ids: list[str]) -> list[str]:
    if not case_ids:
        return []
    query = select(m.Case.case_id, m.Case.reference).where(m.Case.case_id.in_(case_ids))
    known: dict[str, str] = {case_id: ref for case_id, ref in session.execute(query)}
    return sorted(known.get(case_id) or case_id for case_id in case_ids)


# -- retiring --------------------------------------------------------------------------------


def retire(hub: Hub, device_id: str, actor: ledger.Actor) -> Laptop:
    """Retire an active laptop (replaced): what is queued for it is dropped, it is sent nothing
    new and it cannot enrol again, but its uploads are still accepted (its last bundle). Its
    cases stay with its facilitator (and their other laptops). Recorded as LAPTOP_RETIRED."""
    with hub.db.transaction() as tx:
        device = live_device(tx.session, device_id)
        if tx.session.get(DeviceRetired, device.id) is not None:
            raise LaptopRefused(f"Laptop {device.device_code} is already retired.")
        tx.session.add(
            DeviceRetired(
                device_id=device.id,
                retired_at=tx.now,
                account_id=actor.account_id,
                account_name=actor.account_name,
            )
        )
        tx.session.execute(delete(m.Delivery).where(m.Delivery.device_id == device.id))
        ledger.record(
            tx.session,
            actor,
            ledger.Action.LAPTOP_RETIRED,
            at=tx.now,
            device_id=device.id,
            detail={"facilitator_id": device.facilitator_id},
        )
        tx.session.flush()
        person = tx.session.get(m.Facilitator, device.facilitator_id)
        return _laptop(tx.session, device, person.name if person else "", tx.now)


def live_device(session: Session, device_id: str) -> m.Device:
    device = device_named(session, device_id)
    if device is None:
        raise LaptopRefused("There is no such laptop at this hub: go back to the list of laptops.")
    if device.revoked_at is not None:
        raise LaptopRefused(
            f"Laptop {device.device_code} was revoked on {device.revoked_at:%d %B %Y}: it can "
            "no longer reach the hub."
        )
    return device
