"""Reading the cases' return facts (``facts.Facts``) for the engine to count.

Queries of plain columns (no ORM objects) and one pass opening each case's sealed people facts.
Given a ``reach.Reach`` (what one definition can count over one period), only the facts it
reaches are read: the cases placed in the period by a day some figure places by, their people
and contacts when a figure counts them, and none of a kind no figure counts.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Select, false, or_, select
from sqlalchemy.orm import Session

from rjdesk_hub.crypto import AtRest
from rjdesk_hub.errors import HubDamaged
from rjdesk_hub.returns import collection
from rjdesk_hub.returns.facts import CaseFacts, ContactFacts, Facts, PersonFacts
from rjdesk_hub.returns.keep import PEOPLE_FORMAT, PERSON_DATES, PERSON_FIELDS, people_aad
from rjdesk_hub.returns.models import ReturnCase, ReturnContact, ReturnPeople
from rjdesk_hub.returns.reach import Reach
from rjdesk_hub.service import Hub

T = TypeVar("T")
_CASE_COLUMNS: tuple[ColumnElement[Any], ...] = tuple(ReturnCase.__table__.columns)
_CASE_NAMES = tuple(column.name for column in _CASE_COLUMNS)
_CONTACT_NAMES = ("case_id", "contact_id", "kind", "on")
_CONTACT_COLUMNS: tuple[ColumnElement[Any], ...] = tuple(
    ReturnContact.__table__.c[name] for name in _CONTACT_NAMES
)
_DATE_AT = tuple(
    i for i, name in enumerate(PERSON_FIELDS[1:]) if name in PERSON_DATES
)  # positions of the dates in a sealed person
_CHUNK = 500  # case ids per query when fetching the cases of people or contacts by their own day


def _maker(kind: type[T], names: tuple[str, ...]) -> Callable[[Sequence[Any]], T]:
    """Makes a frozen dataclass of ``kind`` from a row of values in the order of ``names``,
    without its ``__init__``: that sets each field through ``object.__setattr__``, and 190,000
    facts' worth of it took most of the read. The facts' classes are plain (no
    ``__post_init__``, no slots), so this is the same object; the dict is written out by
    field (compiled once) rather than zipped, which halves the cost again."""
    items = ", ".join(f"{name!r}: row[{at}]" for at, name in enumerate(names))
    source = f"def make(row):\n    made = new(kind)\n    made.__dict__.update({{{items}}})\n"
    source += "    return made\n"
    scope: dict[str, Any] = {"new": object.__new__, "kind": kind}
    exec(source, scope)  # noqa: S102 - field names of our own dataclasses, not input
    make: Callable[[Sequence[Any]], T] = scope["make"]
    return make


_case = _maker(CaseFacts, _CASE_NAMES)
_contact = _maker(ContactFacts, _CONTACT_NAMES)
_person_row = _maker(PersonFacts, PERSON_FIELDS[1:])
_WIDTH = len(PERSON_FIELDS) - 1
_day = date.fromisoformat


def _person(case_id: str, values: list[Any]) -> PersonFacts:
    """A person of a sealed case's people facts (which leave out the case id)."""
    made = _person_row(values)
    made.__dict__["case_id"] = case_id
    return made


def load_facts(hub: Hub, reach: Reach | None = None) -> Facts:
    """Every case's facts as kept at the hub's last change, or only those ``reach`` names."""
    with collection.paused(), hub.db.reader() as session:
        return read_facts(session, hub._at_rest, reach)


def read_facts(session: Session, at_rest: AtRest, reach: Reach | None = None) -> Facts:
    if reach is None:
        return _read_all(session, at_rest)
    return _read_reached(session, at_rest, reach)


def _read_all(session: Session, at_rest: AtRest) -> Facts:
    cases = tuple(map(_case, session.execute(select(*_CASE_COLUMNS).order_by(_CASE_COLUMNS[0]))))
    # by its primary key: no sort of 100,000 rows
    contacts = tuple(
        map(_contact, session.execute(select(*_CONTACT_COLUMNS).order_by(_CONTACT_COLUMNS[1])))
    )
    people: list[PersonFacts] = []
    for case_id, sealed in session.execute(
        select(ReturnPeople.case_id, ReturnPeople.sealed).order_by(ReturnPeople.case_id)
    ):
        people += open_people(at_rest, case_id, sealed)
    return Facts(cases, tuple(people), contacts)


def _read_reached(session: Session, at_rest: AtRest, reach: Reach) -> Facts:
    columns = ReturnCase.__table__.c
    placed = [columns[name].between(reach.start, reach.end) for name in sorted(reach.case_days)]
    within = or_(*placed) if placed else false()
    reached = select(ReturnCase.case_id).where(within)
    cases = {
        row[0]: _case(row)
        for row in session.execute(select(*_CASE_COLUMNS).where(within).order_by(_CASE_COLUMNS[0]))
    }
    wanted: set[str] = set()  # cases of units placed by their own day, not reached above
    people: list[PersonFacts] = []
    if reach.people:
        query: Select[str, bytes] = select(ReturnPeople.case_id, ReturnPeople.sealed)
        if not reach.people_days:  # only the people of the cases reached
            query = query.where(ReturnPeople.case_id.in_(reached))
        for case_id, sealed in session.execute(query.order_by(ReturnPeople.case_id)):
            found = open_people(at_rest, case_id, sealed)
            if case_id not in cases:
                days = reach.people_days
                found = [p for p in found if any(reach.within(getattr(p, d)) for d in days)]
                wanted.update(p.case_id for p in found)
            people += found
    contacts: list[ContactFacts] = []
    if reach.contacts:
        by_case = ReturnContact.case_id.in_(reached)
        own = [
            ReturnContact.__table__.c[name].between(reach.start, reach.end)
            for name in sorted(reach.contact_days)
        ]
        found_contacts = session.execute(
            select(*_CONTACT_COLUMNS).where(or_(by_case, *own)).order_by(_CONTACT_COLUMNS[1])
        )
        contacts = list(map(_contact, found_contacts))
        wanted.update(c.case_id for c in contacts if c.case_id not in cases)
    for chunk in _chunks(sorted(wanted - cases.keys())):
        for row in session.execute(select(*_CASE_COLUMNS).where(_CASE_COLUMNS[0].in_(chunk))):
            cases[row[0]] = _case(row)
    ordered = tuple(cases[case_id] for case_id in sorted(cases))
    return Facts(ordered, tuple(people), tuple(contacts))


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def open_people(at_rest: AtRest, case_id: str, sealed: bytes) -> list[PersonFacts]:
    doc: Any = at_rest.open_json(sealed, people_aad(case_id))
    if not isinstance(doc, dict) or doc.get("format") != PEOPLE_FORMAT:
        raise HubDamaged(f"the return facts of case {case_id} at the hub are malformed")
    found = []
    for values in doc.get("people") or []:
        if type(values) is not list or len(values) != _WIDTH:
            raise HubDamaged(f"the return facts of case {case_id} at the hub are malformed")
        for at in _DATE_AT:
            if values[at] is not None:
                values[at] = _day(values[at])
        found.append(_person(case_id, values))
    return found
