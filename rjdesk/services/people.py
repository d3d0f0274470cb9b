"""People in a case: participants, their details, and who has been seen before."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Protocol

from sqlalchemy import Connection, Select, and_, bindparam, literal, or_, select, union_all
from sqlalchemy.orm import Session

from rjdesk.domain import rules
from rjdesk.domain.models import Case, Person
from rjdesk.domain.models import Participant as ParticipantRow
from rjdesk.domain.text import address_key, name_key, phone_key, postcode_key
from rjdesk.services.cases import add_flag, ensure_open
from rjdesk.store.prepared import Prepared, Runs
from rjdesk.store.unit import UnitOfWork
from rjdesk_protocol.enums import Flag, Role
from rjdesk_protocol.errors import RjdeskError, RuleViolation, ValidationError


@dataclass
class PersonDetails:
    name: str
    date_of_birth: date | None = None
    phone: str | None = None
    email: str | None = None
    address: str | None = None
    language: str | None = None
    interpreter: bool = False
    access_needs: str = ""


PERSON_FIELDS = frozenset(PersonDetails.__dataclass_fields__)


@dataclass(frozen=True)
class SeenBefore:
    """Another case in which this person, or this address, appears ("revolving door")."""

    case_id: str
    case_reference: str
    name: str
    role: Role
    matched_on: str  # "date of birth", "phone", "postcode" or "address"


def _apply_details(person: Person, details: PersonDetails, today: date) -> None:
    name = " ".join(details.name.split())
    if not name:
        raise ValidationError("a name is needed", field="name")
    if details.date_of_birth and details.date_of_birth > today:
        raise ValidationError("is in the future", field="date_of_birth")
    person.name = name
    person.date_of_birth = details.date_of_birth
    person.phone = (details.phone or "").strip() or None
    person.email = (details.email or "").strip() or None
    person.address = (details.address or "").strip() or None
    person.language = (details.language or "").strip() or None
    person.interpreter = bool(details.interpreter)
    person.access_needs = (details.access_needs or "").strip()
    person.name_key = name_key(name)
    person.phone_key = phone_key(person.phone)
    person.postcode_key = postcode_key(person.address)
    person.address_key = address_key(person.address)


def _next_key(case: Case) -> str:
    taken = {p.key for p in case.participants}
    number = len(taken) + 1
    while f"p{number}" in taken:
        number += 1
    return f"p{number}"


def add_participant(
    uow: UnitOfWork,
    case: Case,
    details: PersonDetails,
    role: Role,
    *,
    supports: ParticipantRow | None = None,
    relationship: str | None = None,
    organisation: str | None = None,
    rj_information_given_on: date | None = None,
    key: str | None = None,
    position: int | None = None,
) -> tuple[ParticipantRow, list[SeenBefore]]:
    """Add someone to the case. Returns them and the other cases they were seen in; a person
    seen before flags the case as a repeat referral."""
    ensure_open(case)
    role = Role(role)
    if role == Role.SUPPORTER:
        if supports is None or supports.case is not case or not supports.role.is_party:
            raise RuleViolation("a supporter supports a harmed or responsible person in the case")
    elif supports is not None:
        raise RuleViolation("only supporters support someone")
    if rj_information_given_on is not None:
        if not role.is_harmed:
            raise RuleViolation("the Victims' Code RJ information date is for harmed people")
        if rj_information_given_on > uow.today:
            raise ValidationError("is in the future", field="rj_information_given_on")
    if key is not None and key in {p.key for p in case.participants}:
        raise ValidationError(f"the key {key!r} is used twice", field="key")
    person = Person()
    _apply_details(person, details, uow.today)
    participant = ParticipantRow(
        consents=[],
        person=person,
        role=role,
        supports=supports,
        relationship_to_supported=(relationship or "").strip() or None,
        organisation=(organisation or "").strip() or None,
        rj_information_given_on=rj_information_given_on,
        key=key or _next_key(case),
        position=position if position is not None else len(case.participants),
    )
    case.participants.append(participant)
    uow.session.add(person)
    # Professionals and interpreters meet many cases as part of their job: not a revolving door.
    matches = seen_before(uow.session, person, exclude_case_id=case.id) if role.consents else []
    if role.is_party and any(m.matched_on != "address" and m.role.is_party for m in matches):
        add_flag(case, Flag.REPEAT_REFERRAL)
    uow.audit(
        "add_participant",
        entity="participant",
        entity_id=participant.id,
        case_reference=case.reference,
        detail=f"role: {role}",
    )
    return participant, matches


def update_person(uow: UnitOfWork, participant: ParticipantRow, details: PersonDetails) -> None:
    ensure_open(participant.case)
    _apply_details(participant.person, details, uow.today)
    uow.audit(
        "update_person",
        entity="person",
        entity_id=participant.person.id,
        case_reference=participant.case.reference,
    )


def record_rj_information(uow: UnitOfWork, participant: ParticipantRow, given_on: date) -> None:
    """Victims' Code: the day this harmed person was given information about RJ."""
    if not participant.role.is_harmed:
        raise RuleViolation(f"{rules.describe(participant)} is not a harmed person")
    if given_on > uow.today:
        raise ValidationError("is in the future", field="rj_information_given_on")
    participant.rj_information_given_on = given_on
    uow.audit(
        "record_rj_information",
        entity="participant",
        entity_id=participant.id,
        case_reference=participant.case.reference,
    )


def removal_refusal(participant: ParticipantRow) -> RjdeskError | None:
    """Why this person may not be removed from their case, as the refusal
    ``remove_participant`` would raise; None when they may be. The window asks this before
    asking the facilitator to confirm, and the removal itself asks it again, so the two agree."""
    case = participant.case
    try:
        ensure_open(case)
    except RjdeskError as refusal:
        return refusal
    in_use = (
        participant.consents
        or any(participant in contact.present for contact in case.contacts)
        or any(s.participant is participant for a in case.agreements for s in a.signatures)
        or any(a.owner is participant for ag in case.agreements for a in ag.actions)
        or any(p.supports is participant for p in case.participants)
    )
    if in_use:
        return RuleViolation(
            f"{rules.describe(participant)} is part of the case's records and cannot be removed"
        )
    return None


def remove_participant(uow: UnitOfWork, participant: ParticipantRow) -> None:
    """Remove someone added by mistake; refused once anything records them."""
    refusal = removal_refusal(participant)
    if refusal is not None:
        raise refusal
    case = participant.case
    case.participants.remove(participant)
    uow.audit(
        "delete_participant",
        entity="participant",
        entity_id=participant.id,
        case_reference=case.reference,
    )


class PersonKeys(Protocol):
    """What "seen before" compares of a person: a ``Person`` row has these, and so has the
    window's fast reading of a case (``rjdesk.app.case_reader``)."""

    @property
    def id(self) -> str: ...

    @property
    def name_key(self) -> str: ...

    @property
    def date_of_birth(self) -> date | None: ...

    @property
    def phone_key(self) -> str | None: ...

    @property
    def postcode_key(self) -> str | None: ...

    @property
    def address_key(self) -> str | None: ...


_PERSON = Person.__table__.c
_PARTICIPANT = ParticipantRow.__table__.c
_CASE = Case.__table__.c
# The facts that, with the name, make the same person, in the order they are named.
_SAME_PERSON = (
    ("date_of_birth", "date of birth"),
    ("phone_key", "phone"),
    ("postcode_key", "postcode"),
)


def _seen_before_select(same: tuple[str, ...], by_address: bool, suffix: str = "") -> Select[Any]:
    """One shape of question (which facts are known) as a select, unordered: a person's own
    values are its parameters, named with ``suffix`` (so that several can share a statement)."""
    conditions = []
    if same:
        same_person = or_(*(_PERSON[attr] == bindparam(attr + suffix) for attr in same))
        conditions.append(and_(_PERSON.name_key == bindparam("name_key" + suffix), same_person))
    if by_address:
        conditions.append(_PERSON.address_key == bindparam("address_key" + suffix))
    return (
        select(
            _PERSON.name,
            _PERSON.name_key,
            _PERSON.date_of_birth,
            _PERSON.phone_key,
            _PERSON.postcode_key,
            _PARTICIPANT.role,
            _CASE.id,
            _CASE.reference,
        )
        .join(ParticipantRow.__table__, _PARTICIPANT.person_id == _PERSON.id)
        .join(Case.__table__, _CASE.id == _PARTICIPANT.case_id)
        .where(
            or_(*conditions),
            _CASE.id != bindparam("case_id"),
            _PERSON.id != bindparam("person_id" + suffix),
            _PARTICIPANT.role.not_in([Role.PROFESSIONAL, Role.INTERPRETER]),
        )
    )


@functools.cache
def _seen_before_query(same: tuple[str, ...], by_address: bool) -> Select[Any]:
    """The query for one shape of question, built once."""
    return _seen_before_select(same, by_address).order_by(_CASE.received_on.desc())


@functools.cache
def _prepared(same: tuple[str, ...], by_address: bool) -> Prepared:
    return Prepared(_seen_before_query(same, by_address))


@functools.cache
def _prepared_all(shapes: tuple[tuple[tuple[str, ...], bool], ...]) -> Prepared:
    """Several people's questions as one statement, built once per tuple of shapes: each
    person's select, numbered (``who``), in order of that number then as ``_seen_before_query``
    orders one person's."""
    parts = [
        _seen_before_select(same, by_address, f"_{who}").add_columns(
            literal(who).label("who"), _CASE.received_on
        )
        for who, (same, by_address) in enumerate(shapes)
    ]
    every = union_all(*parts).subquery()
    return Prepared(
        select(*(c for c in every.c if c.key != "received_on")).order_by(
            every.c.who, every.c.received_on.desc()
        )
    )


def _question(person: PersonKeys) -> tuple[list[tuple[str, str, Any]], tuple[str, ...]] | None:
    """What can be asked of a person: the facts known (attribute, label, value) and which of
    them make the same person with the name; None when nothing can be asked."""
    known = [
        (attr, label, value)
        for attr, label in _SAME_PERSON
        if (value := getattr(person, attr)) is not None
    ]
    same = tuple(attr for attr, _, _ in known) if person.name_key else ()
    if not same and not person.address_key:
        return None
    return known, same


def _params(
    person: PersonKeys, known: list[tuple[str, str, Any]], suffix: str = ""
) -> dict[str, Any]:
    return {
        "person_id" + suffix: person.id,
        "name_key" + suffix: person.name_key,
        "address_key" + suffix: person.address_key,
        **{attr + suffix: value for attr, _, value in known},
    }


def _matches(
    person: PersonKeys, known: list[tuple[str, str, Any]], rows: Iterable[Any]
) -> list[SeenBefore]:
    found: dict[tuple[str, str], SeenBefore] = {}
    for other in rows:
        matched_on = "address"
        if other.name_key == person.name_key:
            matched_on = next(
                (label for attr, label, value in known if getattr(other, attr) == value),
                "address",
            )
        found.setdefault(
            (other.id, other.name),
            SeenBefore(other.id, other.reference, other.name, Role(other.role), matched_on),
        )
    return list(found.values())


def seen_before(
    db: Session | Connection, person: PersonKeys, *, exclude_case_id: str
) -> list[SeenBefore]:
    """Other cases with the same person (normalised name together with date of birth, phone or
    postcode: never the name alone) or the same address (house number and postcode)."""
    question = _question(person)
    if question is None:
        return []
    known, same = question
    query = _seen_before_query(same, bool(person.address_key))
    params = {"case_id": exclude_case_id, **_params(person, known)}
    # A session's query sees what it holds unflushed (autoflush); a connection's, as the window
    # opens a case, is run prepared (``store.prepared``): the same statement either way.
    rows = (
        db.execute(query, params)
        if isinstance(db, Session)
        else _prepared(same, bool(person.address_key)).rows(db, **params)
    )
    return _matches(person, known, rows)


def revolving_door(session: Session, case: Case) -> dict[str, list[SeenBefore]]:
    """For each participant of the case, the other cases they or their address appear in."""
    return revolving_door_of(
        session, case.id, [(p.id, p.role, p.person) for p in case.participants]
    )


def revolving_door_of(
    db: Session | Runs, case_id: str, people: Iterable[tuple[str, Role, PersonKeys]]
) -> dict[str, list[SeenBefore]]:
    """``revolving_door`` over a case's people as (participant id, role, person) triples. On a
    connection (the window opening a case) every person's question is one statement."""
    if isinstance(db, Session):
        return {
            participant_id: matches
            for participant_id, role, person in people
            if role.consents and (matches := seen_before(db, person, exclude_case_id=case_id))
        }
    asked = []
    for participant_id, role, person in people:
        if role.consents and (question := _question(person)) is not None:
            asked.append((participant_id, person, *question))
    if not asked:
        return {}
    params: dict[str, Any] = {"case_id": case_id}
    for who, (_, person, known, _) in enumerate(asked):
        params.update(_params(person, known, f"_{who}"))
    shapes = tuple((same, bool(person.address_key)) for _, person, _, same in asked)
    rows_of: list[list[Any]] = [[] for _ in asked]
    for row in _prepared_all(shapes).rows(db, **params):
        rows_of[row.who].append(row)
    return {
        participant_id: matches
        for (participant_id, person, known, _), rows in zip(asked, rows_of, strict=True)
        if (matches := _matches(person, known, rows))
    }
