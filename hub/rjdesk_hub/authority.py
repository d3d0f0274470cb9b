"""Authority over cases (DESIGN §7, docs/sync-protocol.md "Who may write a case").

A facilitator holds a case when it is assigned to them, or their laptop sent it new and it has
not been assigned to someone else since (they referred it). A device may write a case only if
its facilitator holds it. A record for a case the sender may not write is judged on its own:
refused (named in the receipt's ``refused``, never stored, never granting anything), or, when
the sender held the case once and was taken off it, kept as an ``authority`` conflict for the
coordinator. A person belongs to no case: a person record is allowed if the person is new, or
linked to a case the sender holds. Every change of who holds a case is kept in
``hub_holder_change``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from rjdesk_hub import models as m
from rjdesk_hub.errors import HubError, UnknownCase, UnknownDevice
from rjdesk_hub.store import HubStore, device_named
from rjdesk_protocol.records import META_FIELDS, Record

COORDINATOR = "coordinator"
REFERRED = "referred"
ASSIGNED = "assigned"
UNASSIGNED = "unassigned"
REFERRER_DROPPED = "referrer dropped"
# How a facilitator came to hold a case they referred ("sent": hubs from before authority).
_AS_REFERRER = ("referred", "sent")


class UnknownFacilitator(HubError):
    """No facilitator (or device) answers to what the coordinator gave."""


class AmbiguousFacilitator(HubError):
    """Two or more facilitators share the name the coordinator gave."""


@dataclass(frozen=True)
class Judgement:
    """Why a record may not be written: ``kind`` "refused" (named in the receipt) or
    "authority" (the sender held the case once: a conflict for the coordinator)."""

    kind: str
    reason: str


def record_change(store: HubStore, case_id: str, facilitator_id: str, action: str, by: str) -> None:
    store.session.add(
        m.HolderChange(
            case_id=case_id, facilitator_id=facilitator_id, action=action, at=store.tx.now, by=by
        )
    )


def held_once(store: HubStore, case_id: str, facilitator_id: str) -> bool:
    query = select(m.HolderChange.id).where(
        m.HolderChange.case_id == case_id,
        m.HolderChange.facilitator_id == facilitator_id,
        m.HolderChange.action.in_((REFERRED, ASSIGNED)),
    )
    if store.session.scalars(query).first() is not None:
        return True
    # A hub from before authority kept no history: a device that holds the case had it.
    held = select(m.DeviceCase.case_id).join(m.Device, m.Device.id == m.DeviceCase.device_id)
    held = held.where(m.DeviceCase.case_id == case_id, m.Device.facilitator_id == facilitator_id)
    return store.session.scalars(held).first() is not None


class Authority:
    """Judges the records of one bundle from one device."""

    def __init__(self, store: HubStore, device: m.Device) -> None:
        self.store = store
        self.device = device
        self.facilitator_id = device.facilitator_id
        self._new_people: set[str] = set()
        self._referred: set[str] = set()
        self._restored: bool | None = None

    def reference(self, case_id: str | None) -> str | None:
        if not case_id:
            return None
        case = self.store.session.get(m.Case, case_id)
        return (case.reference or case_id) if case is not None else case_id

    def judge(
        self, record: Record, existing: m.Record | None, case_id: str | None
    ) -> Judgement | None:
        """None if the sender may write this record; else why not."""
        if record.table == "person":
            return self._judge_person(record, existing)
        assert case_id is not None  # every other record names its case (Merger._case_of)
        if not self._holds(case_id):
            if self.store.case_exists(case_id) and case_id not in self._referred:
                return self._not_held(case_id)
            self._refer(case_id)
        if record.table == "participant" and record.op == "put":
            return self._judge_person_link(record)
        return None

    def _holds(self, case_id: str) -> bool:
        return case_id in self._referred or self.store.visible_to(case_id, self.facilitator_id)

    def _refer(self, case_id: str) -> None:
        """A case new to the hub: the sender's facilitator holds it as its referrer."""
        self._referred.add(case_id)
        self.store.grant(case_id, self.facilitator_id, REFERRED)
        record_change(self.store, case_id, self.facilitator_id, REFERRED, self.device.id)

    def _not_held(self, case_id: str) -> Judgement:
        reference = self.reference(case_id)
        if held_once(self.store, case_id, self.facilitator_id):
            return Judgement("authority", f"you were taken off case {reference}")
        return Judgement("refused", f"you are not assigned to case {reference}")

    def _judge_person(self, record: Record, existing: m.Record | None) -> Judgement | None:
        if existing is None:
            self._new_people.add(record.id)
            return None
        if record.id in self._new_people:
            return None
        cases = self.store.cases_of_people([record.id])
        if not cases:  # linked to no case yet: only its own writer may change it
            if existing.device_id == self.device.id:
                return None
            return Judgement("refused", "this person is in no case you are assigned to")
        if any(self._holds(case_id) for case_id in cases):
            return None
        if any(held_once(self.store, case_id, self.facilitator_id) for case_id in cases):
            return Judgement("authority", "you were taken off this person's cases")
        return Judgement("refused", "this person is in no case you are assigned to")

    def _judge_person_link(self, record: Record) -> Judgement | None:
        """A participant may name a new person or one of a case the sender holds: naming
        another case's person would make that person visible through this case."""
        person_id = record.fields.get("person_id")
        if not isinstance(person_id, str) or person_id in self._new_people:
            return None
        if self.store.record(person_id) is None:
            return None
        cases = self.store.cases_of_people([person_id])
        if not cases or any(self._holds(case_id) for case_id in cases):
            return None
        return Judgement("refused", "it names a person of a case you are not assigned to")

    def restored_since_last_receipt(self) -> bool:
        """Whether IT recorded a restore of the hub since this device's last accepted bundle."""
        if self._restored is None:
            session = self.store.session
            restore = session.scalar(select(func.max(m.Restore.recorded_at)))
            last = session.scalar(
                select(func.max(m.Bundle.received_at)).where(m.Bundle.device_id == self.device.id)
            )
            self._restored = restore is not None and (last is None or restore > last)
        return self._restored


def authority_detail(sender: str, record: Record, current: dict[str, Any]) -> dict[str, Any]:
    """What an ``authority`` conflict holds: the change's fields beside the hub's."""
    fields = {
        name: {"hub": current.get(name), "incoming": value}
        for name, value in record.fields.items()
        if name not in META_FIELDS and current.get(name) != value
    }
    verb = "deleted" if record.op == "del" else "changed"
    return {
        "message": f"{sender}'s laptop {verb} this after they were taken off the case; "
        "the hub did not apply it: the coordinator decides.",
        "fields": fields,
    }


# -- the coordinator's assignments ----------------------------------------------------------


def find_case(session: Session, case: str) -> m.Case:
    wanted = case.strip()
    found = session.get(m.Case, wanted)
    if found is None:
        query = select(m.Case).where(func.upper(m.Case.reference) == wanted.upper())
        found = session.scalars(query).first()
    if found is None:
        raise UnknownCase(f"no case with reference or id {wanted[:64]} is at the hub")
    return found


def find_facilitator(session: Session, facilitator: str) -> m.Facilitator:
    """A facilitator by id, by name (not shared with another), or by one of their devices."""
    wanted = facilitator.strip()
    found = session.get(m.Facilitator, wanted)
    if found is not None:
        return found
    query = select(m.Facilitator).where(func.lower(m.Facilitator.name) == wanted.lower())
    named = list(session.scalars(query.order_by(m.Facilitator.created_at, m.Facilitator.id)))
    if len(named) > 1:
        ids = ", ".join(person.id for person in named)
        raise AmbiguousFacilitator(
            f"{len(named)} facilitators are called {wanted[:200]}: give one of their ids ({ids})"
        )
    if named:
        return named[0]
    device = device_named(session, wanted)
    if device is None:
        raise UnknownFacilitator(
            f"no facilitator, device id or device code {wanted[:64]} is known at this hub"
        )
    if device.revoked_at is not None:
        raise UnknownDevice(f"device {device.id} was revoked on {device.revoked_at:%d %b %Y}")
    person = session.get(m.Facilitator, device.facilitator_id)
    assert person is not None
    return person


def assign(
    store: HubStore, case: m.Case, person: m.Facilitator, *, keep_referrer: bool, by: str
) -> list[str]:
    """Make ``person`` hold the case and queue it whole for their laptops; unless
    ``keep_referrer``, its referrer (someone else) no longer holds it. The names dropped."""
    session = store.session
    held = session.get(m.Visibility, (case.case_id, person.id))
    if held is None:
        store.grant(case.case_id, person.id, ASSIGNED)
    else:
        held.how = ASSIGNED
    record_change(store, case.case_id, person.id, ASSIGNED, by)
    session.execute(
        delete(m.Withdrawal).where(
            m.Withdrawal.case_id == case.case_id,
            m.Withdrawal.device_id.in_(
                select(m.Device.id).where(m.Device.facilitator_id == person.id)
            ),
        )
    )
    for laptop in store.facilitator_devices(person.id):
        store.queue_delivery(laptop.id, case.case_id)
    dropped: list[str] = []
    if keep_referrer:
        return dropped
    referrers = session.scalars(
        select(m.Visibility).where(
            m.Visibility.case_id == case.case_id,
            m.Visibility.how.in_(_AS_REFERRER),
            m.Visibility.facilitator_id != person.id,
        )
    )
    for referrer in list(referrers):
        withdraw(store, case.case_id, referrer.facilitator_id, REFERRER_DROPPED, by)
        other = session.get(m.Facilitator, referrer.facilitator_id)
        dropped.append(other.name if other is not None else referrer.facilitator_id)
    return dropped


def unassign(store: HubStore, case: m.Case, person: m.Facilitator, *, by: str) -> int:
    """Take the case from ``person``; how many of their laptops are told to drop it."""
    if store.session.get(m.Visibility, (case.case_id, person.id)) is None:
        raise HubError(f"{person.name} does not hold case {case.reference or case.case_id}")
    return withdraw(store, case.case_id, person.id, UNASSIGNED, by)


def withdraw(store: HubStore, case_id: str, facilitator_id: str, action: str, by: str) -> int:
    """The facilitator no longer holds the case: their laptops stop getting it and are told to
    take it off (once their own pending changes are receipted). How many laptops."""
    session = store.session
    store.touch(case_id)
    session.execute(
        delete(m.Visibility).where(
            m.Visibility.case_id == case_id, m.Visibility.facilitator_id == facilitator_id
        )
    )
    record_change(store, case_id, facilitator_id, action, by)
    laptops = store.facilitator_devices(facilitator_id)
    for laptop in laptops:
        session.execute(
            delete(m.DeviceCase).where(
                m.DeviceCase.device_id == laptop.id, m.DeviceCase.case_id == case_id
            )
        )
        session.execute(
            delete(m.Delivery).where(
                m.Delivery.device_id == laptop.id, m.Delivery.case_id == case_id
            )
        )
        session.add(m.Withdrawal(device_id=laptop.id, case_id=case_id, queued_at=store.tx.now))
    return len(laptops)


# -- withdrawals in the inbox ----------------------------------------------------------------


def waiting_withdrawals(session: Session, device_id: str) -> list[m.Withdrawal]:
    query = select(m.Withdrawal).where(m.Withdrawal.device_id == device_id)
    return list(session.scalars(query.order_by(m.Withdrawal.id)))


def confirm_withdrawals(session: Session, device_id: str, sequence: int) -> None:
    """The device applied hub bundle ``sequence``: the withdrawals it carried are done."""
    session.execute(
        delete(m.Withdrawal).where(
            m.Withdrawal.device_id == device_id,
            m.Withdrawal.issued.is_not(None),
            m.Withdrawal.issued <= sequence,
        )
    )
