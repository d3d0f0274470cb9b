"""Reading every case's return facts (``facts.Facts``) for the engine to count.

Three queries of plain columns (no ORM objects: 20,000 cases' rows are read in a fraction of a
second) and one pass opening each case's sealed people facts.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from rjdesk_hub.crypto import AtRest
from rjdesk_hub.errors import HubDamaged
from rjdesk_hub.returns.facts import CaseFacts, ContactFacts, Facts, PersonFacts
from rjdesk_hub.returns.keep import PEOPLE_FORMAT, PERSON_DATES, PERSON_FIELDS, people_aad
from rjdesk_hub.returns.models import ReturnCase, ReturnContact, ReturnPeople
from rjdesk_hub.service import Hub

_CASE_COLUMNS: tuple[ColumnElement[Any], ...] = tuple(ReturnCase.__table__.columns)
T = TypeVar("T")
_CONTACT_NAMES = ("case_id", "contact_id", "kind", "on")
_CONTACT_COLUMNS: tuple[ColumnElement[Any], ...] = tuple(
    ReturnContact.__table__.c[name] for name in _CONTACT_NAMES
)
_CASE_NAMES = tuple(column.name for column in _CASE_COLUMNS)
_DATE_AT = tuple(
    i for i, name in enumerate(PERSON_FIELDS[1:]) if name in PERSON_DATES
)  # positions of the dates in a sealed person


def _made(kind: type[T], names: tuple[str, ...], values: Iterable[Any]) -> T:
    """A frozen dataclass of these field values, made without its ``__init__``: that sets each
    field through ``object.__setattr__``, and 80,000 facts' worth of it took most of the read.
    The facts' classes are plain (no ``__post_init__``, no slots), so this is the same object."""
    made = object.__new__(kind)
    made.__dict__.update(zip(names, values, strict=True))
    return made


def load_facts(hub: Hub) -> Facts:
    """Every case's facts, as kept at the hub's last change."""
    with hub.db.reader() as session:
        return read_facts(session, hub._at_rest)


def read_facts(session: Session, at_rest: AtRest) -> Facts:
    cases = tuple(
        _made(CaseFacts, _CASE_NAMES, row)
        for row in session.execute(select(*_CASE_COLUMNS).order_by(_CASE_COLUMNS[0]))
    )
    contacts = tuple(
        _made(ContactFacts, _CONTACT_NAMES, row)
        # by its primary key: no sort of 100,000 rows
        for row in session.execute(select(*_CONTACT_COLUMNS).order_by(_CONTACT_COLUMNS[1]))
    )
    people: list[PersonFacts] = []
    for case_id, sealed in session.execute(
        select(ReturnPeople.case_id, ReturnPeople.sealed).order_by(ReturnPeople.case_id)
    ):
        people += open_people(at_rest, case_id, sealed)
    return Facts(cases, tuple(people), contacts)


def open_people(at_rest: AtRest, case_id: str, sealed: bytes) -> list[PersonFacts]:
    doc: Any = at_rest.open_json(sealed, people_aad(case_id))
    if not isinstance(doc, dict) or doc.get("format") != PEOPLE_FORMAT:
        raise HubDamaged(f"the return facts of case {case_id} at the hub are malformed")
    found = []
    for values in doc.get("people") or []:
        if not isinstance(values, list) or len(values) != len(PERSON_FIELDS) - 1:
            raise HubDamaged(f"the return facts of case {case_id} at the hub are malformed")
        for at in _DATE_AT:
            if values[at] is not None:
                values[at] = date.fromisoformat(values[at])
        found.append(_made(PersonFacts, PERSON_FIELDS, [case_id, *values]))
    return found
