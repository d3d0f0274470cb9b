"""Reading a case for the window fast: its rows straight into the frozen views.

Opening a case is the window's most frequent read. Loading it as ORM objects
(``services.cases.load_case``) costs most of its time in the ORM itself (thirteen statements,
an identity map, an object per row), and the window only reads the result. So here each table
is read with one Core select over the tables the models declare, built once at import, on the
unit of work's own connection, and each row becomes its view directly. The selects ask what
``CASE_LOAD_OPTIONS`` asks, in the same shape and order, so both readings give the same views
(``tests/app/test_case_reader.py`` checks it on every example and demo case).

What the rules say about the case (parties, agreements, Victims' Code, next step, missing
signatures) is worked out by the very rules the services use: they read
facts (``rjdesk.domain.facts``), which the views provide.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from operator import attrgetter
from typing import Any

from sqlalchemy import Select, bindparam, or_, select

from rjdesk.app.view_builders import action_view, risk_assessment_view, signature_view
from rjdesk.app.views import (
    AddendumView,
    AgreementView,
    CaseView,
    ConsentView,
    ContactView,
    DocumentView,
    ParticipantView,
    PersonView,
    SafeguardingView,
    StageChangeView,
)
from rjdesk.domain import rules
from rjdesk.domain.guidance import next_step
from rjdesk.domain.models import (
    Agreement,
    AgreementAction,
    Case,
    Consent,
    Contact,
    ContactAddendum,
    Document,
    Participant,
    Person,
    RiskAssessment,
    SafeguardingConcern,
    Signature,
    StageChange,
    contact_present,
)
from rjdesk.store.prepared import Prepared, Runs
from rjdesk_protocol.enums import AgreementStatus, Role
from rjdesk_protocol.errors import NotFound

_CASE = Case.__table__.c
_PARTICIPANT = Participant.__table__.c
_PERSON = Person.__table__.c
_IN_CONTACT = contact_present.c


def _columns(model: Any, names: str) -> list[Any]:
    return [model.__table__.c[name] for name in names.split()]


def _of_case(model: Any, order_by: str, names: str) -> Select[Any]:
    """The rows of one of the case's parts, in the order its relationship gives them."""
    table = model.__table__
    where = table.c.case_id == bindparam("case_id")
    return select(*_columns(model, names)).where(where).order_by(table.c[order_by])


def _of_parents(model: Any, parent: str, order_by: str, names: str) -> Select[Any]:
    """The rows under some parents (a participant's consents...), as ``selectinload`` asks;
    ``names`` holds the parent's column, which ``_under`` groups them by."""
    table = model.__table__
    where = table.c[parent].in_(bindparam("ids", expanding=True))
    return select(*_columns(model, names)).where(where).order_by(table.c[order_by])


# The columns the views show (the deferred signature image and document content stay unread).
_CASE_SELECT = select(
    *(column for column in _CASE if column.key not in ("row_version", "changed_by_device"))
).where(or_(_CASE.reference == bindparam("reference"), _CASE.id == bindparam("id")))
_PARTICIPANT_COLUMNS = _columns(
    Participant,
    "id case_id person_id key position role supports_id relationship_to_supported organisation "
    "rj_information_given_on",
)
# The person's, with the keys "seen before" compares.
_PERSON_COLUMNS = _columns(
    Person,
    "name date_of_birth phone email address language interpreter access_needs name_key "
    "phone_key postcode_key address_key",
)
_PARTICIPANTS = (
    select(*_PARTICIPANT_COLUMNS, *_PERSON_COLUMNS)
    .join(Person.__table__, _PERSON.id == _PARTICIPANT.person_id)
    .where(_PARTICIPANT.case_id == bindparam("case_id"))
    .order_by(_PARTICIPANT.position)
)
_CONSENTS = _of_parents(
    Consent, "participant_id", "given_on",
    "id participant_id scope given_on given_by_id withdrawn_on withdrawal_note created_at",
)  # fmt: skip
_RISK_ASSESSMENTS = _of_case(
    RiskAssessment, "assessed_on",
    "id case_id assessed_on assessed_by level factors notes created_at",
)  # fmt: skip
_CONTACTS = _of_case(Contact, "at", "id case_id kind at location notes next_steps author")
_PRESENT = (
    select(_IN_CONTACT.contact_id, _IN_CONTACT.participant_id)
    .join(Participant.__table__, _PARTICIPANT.id == _IN_CONTACT.participant_id)
    .where(_IN_CONTACT.contact_id.in_(bindparam("ids", expanding=True)))
    .order_by(_PARTICIPANT.position)
)
_ADDENDA = _of_parents(
    ContactAddendum, "contact_id", "written_at", "id contact_id written_at author text"
)
_AGREEMENTS = _of_case(
    Agreement, "version",
    "id case_id version status agreed_on summary review_on supersedes_id signed_at",
)  # fmt: skip
_ACTIONS = _of_parents(
    AgreementAction, "agreement_id", "position",
    "id agreement_id position owner_id description due_on status checked_on check_note",
)  # fmt: skip
_SIGNATURES = _of_parents(
    Signature, "agreement_id", "created_at",
    "id agreement_id participant_id signer_name capacity method signed_on created_at",
)  # fmt: skip
_SAFEGUARDING = _of_case(
    SafeguardingConcern, "raised_at",
    "id participant_id kind raised_at concern action_taken passed_to recorded_by",
)  # fmt: skip
_STAGE_CHANGES = _of_case(StageChange, "id", "uid from_stage to_stage changed_at changed_by note")
_DOCUMENTS = _of_case(
    Document, "created_at",
    "id case_id agreement_id kind title filename media_type sha256 size version created_by "
    "created_at",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class PersonKeys:
    """What "seen before" compares of a participant's person (``services.people.PersonKeys``)."""

    id: str
    name_key: str
    date_of_birth: date | None
    phone_key: str | None
    postcode_key: str | None
    address_key: str | None


@dataclass(frozen=True)
class CaseRead:
    """A case read for the window: its view, and its people's keys for "seen before"."""

    view: CaseView
    people: tuple[tuple[str, Role, PersonKeys], ...]


# Compiled once; run on the driver's cursor (``rjdesk.store.prepared``: the profile showed
# SQLAlchemy's own work per execution to be most of the time of opening a case). A part whose
# columns are its view's first fields, in order, is read as its views (``Prepared`` checks it).
(CASE, PARTICIPANTS, RISK_ASSESSMENTS, PRESENT, AGREEMENTS, ACTIONS, SIGNATURES) = (
    Prepared(statement) for statement in (
        _CASE_SELECT, _PARTICIPANTS, _RISK_ASSESSMENTS, _PRESENT, _AGREEMENTS, _ACTIONS,
        _SIGNATURES,
    )
)  # fmt: skip
CONSENTS = Prepared(_CONSENTS, row=ConsentView)
CONTACTS = Prepared(_CONTACTS, row=ContactView)  # who was present and addenda are set after
ADDENDA = Prepared(_ADDENDA, row=AddendumView)
SAFEGUARDING = Prepared(_SAFEGUARDING, row=SafeguardingView)
STAGE_CHANGES = Prepared(_STAGE_CHANGES, row=StageChangeView)
DOCUMENTS = Prepared(_DOCUMENTS, row=DocumentView)


def _under(conn: Runs, statement: Prepared, ids: list[str], parent: str) -> dict[str, list[Any]]:
    """The rows under each of some parents, in the order read."""
    groups: dict[str, list[Any]] = defaultdict(list)
    if ids:
        parent_of = attrgetter(parent)
        for row in statement.rows(conn, ids=ids):
            groups[parent_of(row)].append(row)
    return groups


def read_case(conn: Runs, ref_or_id: str, today: date) -> CaseRead:
    """The view of a case by reference (any case) or id, read on ``conn`` (in the caller's
    transaction); ``NotFound`` as ``services.cases.load_case`` refuses."""
    wanted = ref_or_id.strip()
    found = CASE.rows(conn, reference=wanted.upper(), id=wanted)
    if not found:
        raise NotFound(f"no case {wanted} in this vault")
    case = found[0]
    key = {"case_id": case.id}
    participant_rows = PARTICIPANTS.rows(conn, **key)
    consents = _under(conn, CONSENTS, [p.id for p in participant_rows], "participant_id")
    people = {p.id: _participant(p, consents.get(p.id, ())) for p in participant_rows}
    for participant in people.values():
        # The views are frozen to their readers; the links are set here, once, while building.
        object.__setattr__(participant, "supports", people.get(participant.supports_id or ""))
        for consent in participant.consents:
            object.__setattr__(consent, "given_by", people.get(consent.given_by_id or ""))
    contacts = CONTACTS.rows(conn, **key)
    _contacts_people(conn, contacts, people)
    agreement_rows = AGREEMENTS.rows(conn, **key)
    agreement_ids = [a.id for a in agreement_rows]
    actions, signatures = (
        _under(conn, ACTIONS, agreement_ids, "agreement_id"),
        _under(conn, SIGNATURES, agreement_ids, "agreement_id"),
    )
    view = CaseView(
        **case._asdict() | {"flags": tuple(case.flags), "facilitators": tuple(case.facilitators)},
        participants=tuple(people.values()),
        risk_assessments=tuple(risk_assessment_view(r) for r in RISK_ASSESSMENTS.rows(conn, **key)),
        contacts=tuple(contacts),
        agreements=tuple(
            _agreement(a, people, actions.get(a.id, ()), signatures.get(a.id, ()))
            for a in agreement_rows
        ),
        safeguarding=tuple(SAFEGUARDING.rows(conn, **key)),
        stage_changes=tuple(STAGE_CHANGES.rows(conn, **key)),
        documents=tuple(DOCUMENTS.rows(conn, **key)),
        today=today,
        parties=(),
        latest_agreement=None,
        in_force_agreement=None,
        victims_code=(),
        next=None,
    )
    _judge(view, today)
    keys = tuple(
        (
            p.id,
            p.role,
            PersonKeys(
                p.person_id, p.name_key, p.date_of_birth, p.phone_key, p.postcode_key, p.address_key
            ),
        )
        for p in participant_rows
    )
    return CaseRead(view, keys)


def _judge(view: CaseView, today: date) -> None:
    """Set what the rules say of the case (the write paths ask the same of the ORM case)."""
    for agreement in view.agreements:
        if agreement.status != AgreementStatus.SIGNED:
            missing = tuple(rules.missing_signatures(view, agreement))
            object.__setattr__(agreement, "missing_signatures", missing)
    victims_code = tuple(rules.victims_code(view, today))
    derived = {
        "parties": tuple(rules.parties(view)),
        "latest_agreement": rules.latest_agreement(view),
        "in_force_agreement": rules.in_force_agreement(view),
        "victims_code": victims_code,
        # Worked out once: the next step starts from the same deadlines.
        "next": next_step(view, today, victims_code=victims_code),
    }
    for name, value in derived.items():
        object.__setattr__(view, name, value)


def _participant(row: Any, consents: Sequence[Any]) -> ParticipantView:
    return ParticipantView(
        id=row.id,
        case_id=row.case_id,
        person_id=row.person_id,
        key=row.key,
        position=row.position,
        role=row.role,
        supports_id=row.supports_id,
        relationship_to_supported=row.relationship_to_supported,
        organisation=row.organisation,
        rj_information_given_on=row.rj_information_given_on,
        person=PersonView(
            id=row.person_id,
            name=row.name,
            date_of_birth=row.date_of_birth,
            phone=row.phone,
            email=row.email,
            address=row.address,
            language=row.language,
            interpreter=row.interpreter,
            access_needs=row.access_needs,
        ),
        consents=tuple(consents),
    )


def _contacts_people(
    conn: Runs, contacts: Sequence[ContactView], people: Mapping[str, ParticipantView]
) -> None:
    """Set who was present at each contact, and its addenda (the views are frozen to their
    readers; these are set here, once, while building)."""
    ids = [contact.id for contact in contacts]
    present: dict[str, list[str]] = defaultdict(list)
    if ids:
        for contact_id, participant_id in PRESENT.rows(conn, ids=ids):
            if participant_id in people:
                present[contact_id].append(participant_id)
    addenda = _under(conn, ADDENDA, ids, "contact_id")
    for contact in contacts:
        if seen := present.get(contact.id):
            object.__setattr__(contact, "present", tuple([people[p] for p in seen]))
        if written := addenda.get(contact.id):
            object.__setattr__(contact, "addenda", tuple(written))


def _agreement(
    row: Any,
    people: Mapping[str, ParticipantView],
    actions: Sequence[Any],
    signatures: Sequence[Any],
) -> AgreementView:
    return AgreementView(
        id=row.id,
        case_id=row.case_id,
        version=row.version,
        status=row.status,
        agreed_on=row.agreed_on,
        summary=row.summary,
        review_on=row.review_on,
        supersedes_id=row.supersedes_id,
        signed_at=row.signed_at,
        actions=tuple(action_view(a, people) for a in actions),
        signatures=tuple(signature_view(s, people) for s in signatures),
        missing_signatures=(),
    )
