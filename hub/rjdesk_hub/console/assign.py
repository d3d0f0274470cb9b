"""Who holds a case, as the console's Assign pages change it (docs/hub.md, "Assignment").

Over the hub's own authority (``rjdesk_hub.authority``): assigning queues the case whole for each
of the facilitator's laptops; unassigning tells their laptops to take it off. Here the console
adds what a coordinator does by hand: add a co-worker (everyone who holds it keeps it),
reassign (the new facilitator takes it, the one named loses it), reassign many cases in one go,
and hand over every open case of a facilitator who leaves. Each is one transaction: a refusal
(``AssignRefused``, one sentence naming the form's field) leaves everything as it was, and the
``then`` a page passes records each case's change in the audit log in that same transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rjdesk_hub import authority
from rjdesk_hub import models as m
from rjdesk_hub.errors import HubError
from rjdesk_hub.results import Assignment
from rjdesk_hub.service import Hub
from rjdesk_hub.store import HubStore

# Called in the transaction, once per case changed, with what was done (an ``Assignment`` or a
# ``Reassignment``): ``ledger_wire.by(actor, action)`` records it.
Then = Callable[[Session, datetime, Any], None]
# The most cases one bulk form may name (a register page holds 50).
MAX_BULK = 90


class AssignRefused(HubError):
    """What a coordinator asked cannot be done; ``field`` is the form's field it is about."""

    def __init__(self, sentence: str, field: str = "") -> None:
        super().__init__(sentence)
        self.field = field


@dataclass(frozen=True)
class Facilitator:
    """A facilitator account as the forms offer it: ``label`` tells apart two who share a name."""

    id: str
    name: str
    laptops: int  # live (not revoked) laptops
    open_cases: int
    label: str


@dataclass(frozen=True)
class Holder:
    facilitator_id: str
    name: str
    how: str  # authority.ASSIGNED or REFERRED
    laptops: int

    @property
    def assigned(self) -> bool:
        return self.how == authority.ASSIGNED


@dataclass(frozen=True)
class CaseHolders:
    """A case (its plain bookkeeping facts only) and who holds it."""

    case_id: str
    reference: str
    closed: bool
    case_type: str
    stage: str
    holders: tuple[Holder, ...]

    @property
    def assigned(self) -> tuple[Holder, ...]:
        return tuple(h for h in self.holders if h.assigned)


@dataclass(frozen=True)
class Reassignment:
    """A case moved to ``facilitator``: who lost it (names and ids, in the same order)."""

    case_id: str
    reference: str
    facilitator: str
    facilitator_id: str
    devices: int  # the new facilitator's laptops it goes to
    taken_from: tuple[str, ...]
    taken_from_ids: tuple[str, ...]


@dataclass(frozen=True)
class OpenCase:
    case_id: str
    reference: str
    stage: str


@contextmanager
def _store(hub: Hub) -> Iterator[HubStore]:
    """One write transaction over the hub's store. The store seals each changed case's index
    entry before the commit, which needs the hub's at-rest key: ``Hub`` has no accessor for it
    and service.py is at its size limit, so it is read here."""
    with hub.db.transaction() as tx:
        yield HubStore(tx, hub._at_rest)


def _reference(case: m.Case) -> str:
    return case.reference or case.case_id


# -- reading -------------------------------------------------------------------------------------


def _laptop_counts(session: Session) -> dict[str, int]:
    query = (
        select(m.Device.facilitator_id, func.count())
        .where(m.Device.revoked_at.is_(None))
        .group_by(m.Device.facilitator_id)
    )
    return {fid: int(n) for fid, n in session.execute(query)}


def _open_case_counts(session: Session) -> dict[str, int]:
    query = (
        select(m.Visibility.facilitator_id, func.count())
        .join(m.Case, m.Case.case_id == m.Visibility.case_id)
        .where(m.Case.closed.is_(False))
        .group_by(m.Visibility.facilitator_id)
    )
    return {fid: int(n) for fid, n in session.execute(query)}


def _plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def facilitators(hub: Hub) -> list[Facilitator]:
    """Every facilitator account, by name, with their laptops and open cases."""
    with hub.db.reader() as session:
        people = list(
            session.scalars(
                select(m.Facilitator).order_by(
                    func.lower(m.Facilitator.name), m.Facilitator.created_at, m.Facilitator.id
                )
            )
        )
        laptops, cases = _laptop_counts(session), _open_case_counts(session)
    shared: dict[str, int] = {}
    for person in people:
        shared[person.name.casefold()] = shared.get(person.name.casefold(), 0) + 1
    made = []
    for person in people:
        count, open_cases = laptops.get(person.id, 0), cases.get(person.id, 0)
        label = person.name
        if shared[person.name.casefold()] > 1:
            # Told apart by when their account was made, and its id's start (a hub may make
            # two on one day): what the Facilitators and laptops page shows beside each.
            label += f" (account of {person.created_at:%-d %b %Y}, {person.id[:8]})"
        devices = _plural(count, "laptop") if count else "no laptop yet"
        label += f" – {devices}, {_plural(open_cases, 'open case')}"
        made.append(Facilitator(person.id, person.name, count, open_cases, label))
    return made


def _holders(session: Session, case_id: str) -> tuple[Holder, ...]:
    laptops = _laptop_counts(session)
    query = (
        select(m.Visibility, m.Facilitator.name)
        .outerjoin(m.Facilitator, m.Facilitator.id == m.Visibility.facilitator_id)
        .where(m.Visibility.case_id == case_id)
        .order_by(m.Visibility.granted_seq, m.Visibility.facilitator_id)
    )
    return tuple(
        Holder(
            held.facilitator_id,
            name or held.facilitator_id,
            authority.ASSIGNED if held.how == authority.ASSIGNED else authority.REFERRED,
            laptops.get(held.facilitator_id, 0),
        )
        for held, name in session.execute(query)
    )


def holders(hub: Hub, case: str) -> CaseHolders:
    """A case (by id or reference) and who holds it now; ``UnknownCase`` if the hub has none."""
    with hub.db.reader() as session:
        found = authority.find_case(session, case)
        entry = session.get(m.CaseIndex, found.case_id)
        return CaseHolders(
            found.case_id,
            _reference(found),
            found.closed,
            entry.case_type if entry is not None else "",
            entry.stage if entry is not None else "",
            _holders(session, found.case_id),
        )


def cases_named(hub: Hub, case_ids: Sequence[str]) -> list[OpenCase]:
    """The open cases with these ids, in the order given; refused (nothing read further) when
    an id is not a case at the hub, a case is closed, or there are none or too many."""
    with hub.db.reader() as session:
        return [
            OpenCase(case.case_id, _reference(case), _stage(session, case.case_id))
            for case in _open_cases(session, case_ids)
        ]


def _stage(session: Session, case_id: str) -> str:
    entry = session.get(m.CaseIndex, case_id)
    return entry.stage if entry is not None else ""


def _open_cases(session: Session, case_ids: Sequence[str]) -> list[m.Case]:
    wanted = list(dict.fromkeys(case_id.strip() for case_id in case_ids if case_id.strip()))
    if not wanted:
        raise AssignRefused("Choose at least one case to reassign in the register.", "case")
    if len(wanted) > MAX_BULK:
        raise AssignRefused(
            f"Reassign at most {MAX_BULK} cases at a time: choose fewer in the register.", "case"
        )
    found = {
        case.case_id: case
        for case in session.scalars(select(m.Case).where(m.Case.case_id.in_(wanted)))
    }
    missing = [case_id for case_id in wanted if case_id not in found]
    if missing:
        raise AssignRefused(
            f"{_plural(len(missing), 'case')} you chose "
            f"{'is' if len(missing) == 1 else 'are'} not at the hub: nothing was reassigned. "
            "Choose the cases again in the register.",
            "case",
        )
    closed = [_reference(found[case_id]) for case_id in wanted if found[case_id].closed]
    if closed:
        raise AssignRefused(
            f"{', '.join(closed[:5])} {'is' if len(closed) == 1 else 'are'} closed, and a closed "
            "case is not reassigned: nothing was reassigned. Choose open cases only.",
            "case",
        )
    return [found[case_id] for case_id in wanted]


def open_cases_of(hub: Hub, facilitator_id: str) -> tuple[Facilitator, list[OpenCase]]:
    """A facilitator (by id) and the open cases they hold, by reference."""
    with hub.db.reader() as session:
        person = _facilitator(session, facilitator_id, "facilitator")
        query = (
            select(m.Case)
            .join(m.Visibility, m.Visibility.case_id == m.Case.case_id)
            .where(m.Visibility.facilitator_id == person.id, m.Case.closed.is_(False))
            .order_by(m.Case.reference, m.Case.case_id)
        )
        cases = [
            OpenCase(case.case_id, _reference(case), _stage(session, case.case_id))
            for case in session.scalars(query)
        ]
    [found] = [f for f in facilitators(hub) if f.id == person.id]
    return found, cases


# -- changing ------------------------------------------------------------------------------------


def _facilitator(session: Session, facilitator_id: str, field: str) -> m.Facilitator:
    wanted = facilitator_id.strip()
    if not wanted:
        raise AssignRefused("Choose a facilitator from the list.", field)
    found = session.get(m.Facilitator, wanted[:64])
    if found is None:
        raise AssignRefused("That facilitator is not at this hub: choose one from the list.", field)
    return found


def _case(session: Session, case_id: str) -> m.Case:
    found = session.get(m.Case, case_id.strip()[:64])
    if found is None:
        raise AssignRefused("That case is not at the hub: open it again from the register.")
    return found


def _open(case: m.Case, field: str) -> None:
    if case.closed:
        raise AssignRefused(
            f"{_reference(case)} is closed, and a closed case is not given to anyone: "
            "it can only be taken off laptops (Unassign).",
            field,
        )


def _how(session: Session, case_id: str, facilitator_id: str) -> str | None:
    held = session.get(m.Visibility, (case_id, facilitator_id))
    return held.how if held is not None else None


def _take_from(store: HubStore, case_id: str, facilitator_id: str, by: str) -> None:
    how = _how(store.session, case_id, facilitator_id)
    action = authority.ASSIGNED if how == authority.ASSIGNED else authority.REFERRED
    authority.withdraw(
        store,
        case_id,
        facilitator_id,
        authority.UNASSIGNED if action == authority.ASSIGNED else authority.REFERRER_DROPPED,
        by,
    )


def _give(store: HubStore, case: m.Case, person: m.Facilitator, by: str) -> None:
    """``person`` holds the case as assigned (queued whole for their laptops); nobody else's
    hold changes."""
    if _how(store.session, case.case_id, person.id) != authority.ASSIGNED:
        authority.assign(store, case, person, keep_referrer=True, by=by)


def _then(then: Then | None, store: HubStore, done: Any) -> None:
    if then is not None:
        then(store.session, store.tx.now, done)


def assign(
    hub: Hub,
    case_id: str,
    facilitator_id: str,
    *,
    coworker: bool = False,
    by: str,
    then: Then | None = None,
) -> Assignment:
    """Give the case to a facilitator. Assigning drops whoever referred it; adding a co-worker
    (``coworker``) leaves every holder as they are. Refused if they already have it assigned."""
    with _store(hub) as store:
        session = store.session
        case = _case(session, case_id)
        person = _facilitator(session, facilitator_id, "facilitator")
        _open(case, "facilitator")
        if _how(session, case.case_id, person.id) == authority.ASSIGNED:
            raise AssignRefused(
                f"{person.name} already has {_reference(case)}: choose someone else.",
                "facilitator",
            )
        dropped = authority.assign(store, case, person, keep_referrer=coworker, by=by)
        laptops = len(store.facilitator_devices(person.id))
        done = Assignment(
            case.case_id, _reference(case), person.name, laptops, tuple(dropped), person.id
        )
        _then(then, store, done)
        return done


def unassign(
    hub: Hub, case_id: str, facilitator_id: str, *, by: str, then: Then | None = None
) -> Assignment:
    """Take the case from a facilitator who holds it: their laptops drop it once their pending
    changes of it have reached the hub."""
    with _store(hub) as store:
        session = store.session
        case = _case(session, case_id)
        person = _facilitator(session, facilitator_id, "holder")
        if _how(session, case.case_id, person.id) is None:
            raise AssignRefused(
                f"{person.name} does not hold {_reference(case)}: nothing was changed.", "holder"
            )
        laptops = authority.unassign(store, case, person, by=by)
        done = Assignment(case.case_id, _reference(case), person.name, laptops, (), person.id)
        _then(then, store, done)
        return done


def reassign(
    hub: Hub,
    case_id: str,
    from_id: str,
    to_id: str,
    *,
    by: str,
    then: Then | None = None,
) -> Reassignment:
    """Move the case from one facilitator who holds it to another, who gets it whole on each of
    their laptops; any other holder keeps it."""
    with _store(hub) as store:
        session = store.session
        case = _case(session, case_id)
        leaving = _facilitator(session, from_id, "from")
        taking = _facilitator(session, to_id, "to")
        _open(case, "to")
        if _how(session, case.case_id, leaving.id) is None:
            raise AssignRefused(
                f"{leaving.name} does not hold {_reference(case)}: choose who holds it now.",
                "from",
            )
        if leaving.id == taking.id:
            raise AssignRefused(
                f"Choose someone other than {leaving.name} to take {_reference(case)}.", "to"
            )
        done = _move(store, case, taking, [leaving], by)
        _then(then, store, done)
        return done


def _move(
    store: HubStore, case: m.Case, taking: m.Facilitator, leaving: list[m.Facilitator], by: str
) -> Reassignment:
    _give(store, case, taking, by)
    for person in leaving:
        _take_from(store, case.case_id, person.id, by)
    return Reassignment(
        case.case_id,
        _reference(case),
        taking.name,
        taking.id,
        len(store.facilitator_devices(taking.id)),
        tuple(person.name for person in leaving),
        tuple(person.id for person in leaving),
    )


def reassign_many(
    hub: Hub, case_ids: Sequence[str], to_id: str, *, by: str, then: Then | None = None
) -> list[Reassignment]:
    """Give each of these open cases to one facilitator, who from then on is the only one
    holding it; all in one transaction (one refused case: none is changed)."""
    with _store(hub) as store:
        session = store.session
        cases = _open_cases(session, case_ids)
        taking = _facilitator(session, to_id, "to")
        done = []
        for case in cases:
            others = [
                holder_id
                for holder_id in session.scalars(
                    select(m.Visibility.facilitator_id)
                    .where(m.Visibility.case_id == case.case_id)
                    .order_by(m.Visibility.granted_seq, m.Visibility.facilitator_id)
                )
                if holder_id != taking.id
            ]
            leaving = [session.get(m.Facilitator, holder_id) for holder_id in others]
            moved = _move(store, case, taking, [p for p in leaving if p is not None], by)
            _then(then, store, moved)
            done.append(moved)
        return done


def hand_over(
    hub: Hub, leaver_id: str, taker_id: str, *, by: str, then: Then | None = None
) -> list[Reassignment]:
    """Every open case of a facilitator who leaves goes to another, in one transaction; anyone
    else who holds one of them keeps it."""
    with _store(hub) as store:
        session = store.session
        leaver = _facilitator(session, leaver_id, "facilitator")
        taker = _facilitator(session, taker_id, "to")
        if leaver.id == taker.id:
            raise AssignRefused(
                f"Choose someone other than {leaver.name} to take their cases.", "to"
            )
        query = (
            select(m.Case)
            .join(m.Visibility, m.Visibility.case_id == m.Case.case_id)
            .where(m.Visibility.facilitator_id == leaver.id, m.Case.closed.is_(False))
            .order_by(m.Case.reference, m.Case.case_id)
        )
        cases = list(session.scalars(query))
        if not cases:
            raise AssignRefused(f"{leaver.name} holds no open case: there is nothing to hand over.")
        done = []
        for case in cases:
            moved = _move(store, case, taker, [leaver], by)
            _then(then, store, moved)
            done.append(moved)
        return done
