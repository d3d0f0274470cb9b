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

import dataclasses
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, Select, bindparam, or_, select

from rjdesk.app.view_builders import (
    action_view,
    addendum_view,
    consent_view,
    document_view,
    risk_assessment_view,
    safeguarding_view,
    signature_view,
)
from rjdesk.app.views import (
    AgreementView,
    CaseView,
    ContactView,
    ParticipantView,
    PersonView,
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
from rjdesk.store.prepared import Prepared
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
    """The rows under some parents (a participant's consents...), as ``selectinload`` asks:
    the parent's id comes first."""
    table = model.__table__
    where = table.c[parent].in_(bindparam("ids", expanding=True))
    return select(*_columns(model, f"{parent} {names}")).where(where).order_by(table.c[order_by])


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
    "id scope given_on given_by_id withdrawn_on withdrawal_note created_at",
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
_ADDENDA = _of_parents(ContactAddendum, "contact_id", "written_at", "id written_at author text")
_AGREEMENTS = _of_case(
    Agreement, "version",
    "id case_id version status agreed_on summary review_on supersedes_id signed_at",
)  # fmt: skip
_ACTIONS = _of_parents(
    AgreementAction, "agreement_id", "position",
    "id position owner_id description due_on status checked_on check_note",
)  # fmt: skip
_SIGNATURES = _of_parents(
    Signature, "agreement_id", "created_at",
    "id participant_id signer_name capacity method signed_on created_at",
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
# SQLAlchemy's own work per execution to be most of the time of opening a case).
(CASE, PARTICIPANTS, CONSENTS, RISK_ASSESSMENTS, CONTACTS, PRESENT, ADDENDA, AGREEMENTS, ACTIONS,
 SIGNATURES, SAFEGUARDING, STAGE_CHANGES, DOCUMENTS) = (Prepared(statement) for statement in (
    _CASE_SELECT, _PARTICIPANTS, _CONSENTS, _RISK_ASSESSMENTS, _CONTACTS, _PRESENT, _ADDENDA,
    _AGREEMENTS, _ACTIONS, _SIGNATURES, _SAFEGUARDING, _STAGE_CHANGES, _DOCUMENTS,
))  # fmt: skip


def _grouped(rows: Sequence[Any]) -> dict[str, list[Any]]:
    """Rows under their parent, named by each row's first column, in the order read."""
    groups: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        groups[row[0]].append(row)
    return groups


def _under(conn: Connection, statement: Prepared, ids: list[str]) -> dict[str, list[Any]]:
    return _grouped(statement.rows(conn, ids=ids)) if ids else {}


def read_case(conn: Connection, ref_or_id: str, today: date) -> CaseRead:
    """The view of a case by reference (any case) or id, read on ``conn`` (in the caller's
    transaction); ``NotFound`` as ``services.cases.load_case`` refuses."""
    wanted = ref_or_id.strip()
    found = CASE.rows(conn, reference=wanted.upper(), id=wanted)
    if not found:
        raise NotFound(f"no case {wanted} in this vault")
    case = found[0]
    key = {"case_id": case.id}
    participant_rows = PARTICIPANTS.rows(conn, **key)
    consents = _under(conn, CONSENTS, [p.id for p in participant_rows])
    people = {p.id: _participant(p, consents.get(p.id, ())) for p in participant_rows}
    for participant in people.values():
        # The views are frozen to their readers; the links are set here, once, while building.
        object.__setattr__(participant, "supports", people.get(participant.supports_id or ""))
        for consent in participant.consents:
            object.__setattr__(consent, "given_by", people.get(consent.given_by_id or ""))
    contact_rows = CONTACTS.rows(conn, **key)
    contact_ids = [c.id for c in contact_rows]
    present, addenda = _under(conn, PRESENT, contact_ids), _under(conn, ADDENDA, contact_ids)
    agreement_rows = AGREEMENTS.rows(conn, **key)
    agreement_ids = [a.id for a in agreement_rows]
    actions, signatures = (
        _under(conn, ACTIONS, agreement_ids),
        _under(conn, SIGNATURES, agreement_ids),
    )
    view = CaseView(
        **case._asdict() | {"flags": tuple(case.flags), "facilitators": tuple(case.facilitators)},
        participants=tuple(people.values()),
        risk_assessments=tuple(risk_assessment_view(r) for r in RISK_ASSESSMENTS.rows(conn, **key)),
        contacts=tuple(
            _contact(c, people, present.get(c.id, ()), addenda.get(c.id, ())) for c in contact_rows
        ),
        agreements=tuple(
            _agreement(a, people, actions.get(a.id, ()), signatures.get(a.id, ()))
            for a in agreement_rows
        ),
        safeguarding=tuple(safeguarding_view(s) for s in SAFEGUARDING.rows(conn, **key)),
        stage_changes=tuple(
            StageChangeView(**s._asdict()) for s in STAGE_CHANGES.rows(conn, **key)
        ),
        documents=tuple(document_view(d) for d in DOCUMENTS.rows(conn, **key)),
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
        consents=tuple(consent_view(c) for c in consents),
    )


def _contact(
    row: tuple[Any, ...],
    people: Mapping[str, ParticipantView],
    present: Sequence[Any],
    addenda: Sequence[Any],
) -> ContactView:
    # A case holds dozens of contacts: their rows' columns are the view's first fields, in
    # order (checked below), so the view is made from them by position.
    seen = (
        tuple(people[p.participant_id] for p in present if p.participant_id in people)
        if present
        else ()
    )
    written = tuple(addendum_view(a) for a in addenda) if addenda else ()
    return ContactView(*(*row, seen, written))


_CONTACT_FIELDS = [field.name for field in dataclasses.fields(ContactView)]
if [column.key for column in _CONTACTS.selected_columns] != _CONTACT_FIELDS[:-2]:
    raise TypeError("a contact's columns must be ContactView's fields, in order")


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
