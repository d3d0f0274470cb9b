"""Frozen views of a case: what the window reads, with no session and no lazy loading.

A view mirrors its model's columns under the same names, so the window reads ``case.stage`` or
``participant.person.name`` as before, but it is plain data: built in one unit of work on the
database thread and read on the GUI thread, it can never touch the database. The links between
people (who supports whom, who gave a consent, who owns an action, who signed) point at the
case's own participant views. What the window asks of the rules of the RJ process (who the
parties are, which agreement is in force, why a stage may not be entered) is answered when the
view is built, so the window asks the rules nothing itself.

The participant, person, consent and risk assessment views satisfy the protocol's facts
(``rjdesk_protocol.facts``), so the rules written against them read views too.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType

from rjdesk.domain import rules
from rjdesk.domain.guidance import NextStep, next_step
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
)
from rjdesk_protocol.enums import (
    ActionStatus,
    AgreementStatus,
    CaseType,
    Channel,
    ClosureReason,
    ConsentScope,
    ContactKind,
    DocumentKind,
    ReferralSource,
    RiskLevel,
    Role,
    SafeguardingKind,
    SignatureMethod,
    SignerCapacity,
    Stage,
)
from rjdesk_protocol.victims_code import VictimsCodeStatus


@dataclass(frozen=True, slots=True, eq=False)
class PersonView:
    id: str
    name: str
    date_of_birth: date | None
    phone: str | None
    email: str | None
    address: str | None
    language: str | None
    interpreter: bool
    access_needs: str


@dataclass(frozen=True, slots=True, eq=False)
class ConsentView:
    id: str
    participant_id: str
    scope: ConsentScope
    given_on: date
    given_by_id: str | None
    withdrawn_on: date | None
    withdrawal_note: str
    created_at: datetime
    # Set once the case's participants exist (a consent may be given by another of them).
    given_by: ParticipantView | None = None

    def in_force_on(self, day: date) -> bool:
        """Given on or before ``day`` and not withdrawn by then."""
        if self.given_on > day:
            return False
        return self.withdrawn_on is None or self.withdrawn_on > day


@dataclass(frozen=True, slots=True, eq=False)
class ParticipantView:
    id: str
    case_id: str
    person_id: str
    key: str | None
    position: int
    role: Role
    supports_id: str | None
    relationship_to_supported: str | None
    organisation: str | None
    rj_information_given_on: date | None
    person: PersonView
    consents: tuple[ConsentView, ...]
    # Set once every participant of the case has its view.
    supports: ParticipantView | None = None

    @property
    def name(self) -> str:
        return self.person.name


@dataclass(frozen=True, slots=True, eq=False)
class RiskAssessmentView:
    id: str
    case_id: str
    assessed_on: date
    assessed_by: str
    level: RiskLevel
    factors: tuple[str, ...]
    notes: str
    created_at: datetime


@dataclass(frozen=True, slots=True, eq=False)
class SafeguardingView:
    id: str
    participant_id: str | None
    kind: SafeguardingKind
    raised_at: datetime
    concern: str
    action_taken: str
    passed_to: str
    recorded_by: str


@dataclass(frozen=True, slots=True, eq=False)
class AddendumView:
    id: str
    contact_id: str
    written_at: datetime
    author: str
    text: str


@dataclass(frozen=True, slots=True, eq=False)
class ContactView:
    id: str
    case_id: str
    kind: ContactKind
    at: datetime
    location: str
    notes: str
    next_steps: str
    author: str
    present: tuple[ParticipantView, ...]
    addenda: tuple[AddendumView, ...]


@dataclass(frozen=True, slots=True, eq=False)
class ActionView:
    id: str
    agreement_id: str
    position: int
    owner_id: str | None
    owner: ParticipantView | None
    description: str
    due_on: date | None
    status: ActionStatus
    checked_on: date | None
    check_note: str


@dataclass(frozen=True, slots=True, eq=False)
class SignatureView:
    id: str
    agreement_id: str
    participant_id: str | None
    participant: ParticipantView | None
    signer_name: str
    capacity: SignerCapacity
    method: SignatureMethod
    signed_on: date
    created_at: datetime


@dataclass(frozen=True, slots=True, eq=False)
class AgreementView:
    id: str
    case_id: str
    version: int
    status: AgreementStatus
    agreed_on: date | None
    summary: str
    review_on: date | None
    supersedes_id: str | None
    signed_at: datetime | None
    actions: tuple[ActionView, ...]
    signatures: tuple[SignatureView, ...]
    # Who has still to sign this version (empty once it is signed).
    missing_signatures: tuple[str, ...]


@dataclass(frozen=True, slots=True, eq=False)
class DocumentView:
    id: str
    case_id: str
    agreement_id: str | None
    kind: DocumentKind
    title: str
    filename: str
    media_type: str
    sha256: str
    size: int
    version: int
    created_by: str
    created_at: datetime


@dataclass(frozen=True, slots=True, eq=False)
class StageChangeView:
    uid: str
    from_stage: Stage | None
    to_stage: Stage
    changed_at: datetime
    changed_by: str
    note: str


@dataclass(frozen=True, slots=True, eq=False)
class CaseView:
    id: str
    reference: str
    case_type: CaseType
    stage: Stage
    closure_reason: ClosureReason | None
    closed_on: date | None
    received_on: date
    source: ReferralSource
    channel: Channel
    referrer_name: str | None
    referrer_organisation: str | None
    referrer_phone: str | None
    referrer_email: str | None
    crime_reference: str | None
    incident_date: date | None
    location: str | None
    summary: str
    risk_level: RiskLevel | None
    flags: tuple[str, ...]
    facilitators: tuple[str, ...]
    created_at: datetime
    updated_at: datetime
    participants: tuple[ParticipantView, ...]
    risk_assessments: tuple[RiskAssessmentView, ...]
    contacts: tuple[ContactView, ...]
    agreements: tuple[AgreementView, ...]
    safeguarding: tuple[SafeguardingView, ...]
    stage_changes: tuple[StageChangeView, ...]
    documents: tuple[DocumentView, ...]
    # What the rules say about the case on ``today``, answered when the view was built.
    today: date
    parties: tuple[ParticipantView, ...]
    latest_agreement: AgreementView | None
    in_force_agreement: AgreementView | None
    victims_code: tuple[tuple[ParticipantView, VictimsCodeStatus], ...]
    next: NextStep | None
    stage_blockers: Mapping[Stage, tuple[str, ...]] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def participant(self, participant_id: str) -> ParticipantView:
        return next(p for p in self.participants if p.id == participant_id)

    def blockers_to(self, stage: Stage) -> tuple[str, ...]:
        """Why the case may not move to ``stage`` today (empty when it may)."""
        return self.stage_blockers.get(stage, ())

    @property
    def victims_code_breached(self) -> bool:
        return any(status.breach for _, status in self.victims_code)


# -- building views from a case loaded in a unit of work ------------------------------------------


def _person(person: Person) -> PersonView:
    return PersonView(
        id=person.id,
        name=person.name,
        date_of_birth=person.date_of_birth,
        phone=person.phone,
        email=person.email,
        address=person.address,
        language=person.language,
        interpreter=person.interpreter,
        access_needs=person.access_needs,
    )


def _consent(consent: Consent) -> ConsentView:
    return ConsentView(
        id=consent.id,
        participant_id=consent.participant_id,
        scope=consent.scope,
        given_on=consent.given_on,
        given_by_id=consent.given_by_id,
        withdrawn_on=consent.withdrawn_on,
        withdrawal_note=consent.withdrawal_note,
        created_at=consent.created_at,
    )


def _participant(participant: Participant) -> ParticipantView:
    return ParticipantView(
        id=participant.id,
        case_id=participant.case_id,
        person_id=participant.person_id,
        key=participant.key,
        position=participant.position,
        role=participant.role,
        supports_id=participant.supports_id,
        relationship_to_supported=participant.relationship_to_supported,
        organisation=participant.organisation,
        rj_information_given_on=participant.rj_information_given_on,
        person=_person(participant.person),
        consents=tuple(_consent(consent) for consent in participant.consents),
    )


def participant_views(participants: list[Participant]) -> dict[str, ParticipantView]:
    """Views of a case's participants by id, with the links between them resolved."""
    views = {p.id: _participant(p) for p in participants}
    for view in views.values():
        # The views are frozen to their readers; the links are set here, once, while building.
        object.__setattr__(view, "supports", views.get(view.supports_id or ""))
        for consent in view.consents:
            object.__setattr__(consent, "given_by", views.get(consent.given_by_id or ""))
    return views


def risk_assessment_view(ra: RiskAssessment) -> RiskAssessmentView:
    return RiskAssessmentView(
        id=ra.id,
        case_id=ra.case_id,
        assessed_on=ra.assessed_on,
        assessed_by=ra.assessed_by,
        level=ra.level,
        factors=tuple(ra.factors),
        notes=ra.notes,
        created_at=ra.created_at,
    )


def safeguarding_view(concern: SafeguardingConcern) -> SafeguardingView:
    return SafeguardingView(
        id=concern.id,
        participant_id=concern.participant_id,
        kind=concern.kind,
        raised_at=concern.raised_at,
        concern=concern.concern,
        action_taken=concern.action_taken,
        passed_to=concern.passed_to,
        recorded_by=concern.recorded_by,
    )


def _addendum(addendum: ContactAddendum) -> AddendumView:
    return AddendumView(
        id=addendum.id,
        contact_id=addendum.contact_id,
        written_at=addendum.written_at,
        author=addendum.author,
        text=addendum.text,
    )


def contact_view(contact: Contact, people: Mapping[str, ParticipantView]) -> ContactView:
    return ContactView(
        id=contact.id,
        case_id=contact.case_id,
        kind=contact.kind,
        at=contact.at,
        location=contact.location,
        notes=contact.notes,
        next_steps=contact.next_steps,
        author=contact.author,
        present=tuple(people[p.id] for p in contact.present if p.id in people),
        addenda=tuple(_addendum(a) for a in contact.addenda),
    )


def _action(action: AgreementAction, people: Mapping[str, ParticipantView]) -> ActionView:
    return ActionView(
        id=action.id,
        agreement_id=action.agreement_id,
        position=action.position,
        owner_id=action.owner_id,
        owner=people.get(action.owner_id or ""),
        description=action.description,
        due_on=action.due_on,
        status=action.status,
        checked_on=action.checked_on,
        check_note=action.check_note,
    )


def _signature(signature: Signature, people: Mapping[str, ParticipantView]) -> SignatureView:
    return SignatureView(
        id=signature.id,
        agreement_id=signature.agreement_id,
        participant_id=signature.participant_id,
        participant=people.get(signature.participant_id or ""),
        signer_name=signature.signer_name,
        capacity=signature.capacity,
        method=signature.method,
        signed_on=signature.signed_on,
        created_at=signature.created_at,
    )


def agreement_view(
    case: Case, agreement: Agreement, people: Mapping[str, ParticipantView]
) -> AgreementView:
    missing = (
        ()
        if agreement.status == AgreementStatus.SIGNED
        else rules.missing_signatures(case, agreement)
    )
    return AgreementView(
        id=agreement.id,
        case_id=agreement.case_id,
        version=agreement.version,
        status=agreement.status,
        agreed_on=agreement.agreed_on,
        summary=agreement.summary,
        review_on=agreement.review_on,
        supersedes_id=agreement.supersedes_id,
        signed_at=agreement.signed_at,
        actions=tuple(_action(a, people) for a in agreement.actions),
        signatures=tuple(_signature(s, people) for s in agreement.signatures),
        missing_signatures=tuple(missing),
    )


def document_view(document: Document) -> DocumentView:
    return DocumentView(
        id=document.id,
        case_id=document.case_id,
        agreement_id=document.agreement_id,
        kind=document.kind,
        title=document.title,
        filename=document.filename,
        media_type=document.media_type,
        sha256=document.sha256,
        size=document.size,
        version=document.version,
        created_by=document.created_by,
        created_at=document.created_at,
    )


def _stage_change(change: StageChange) -> StageChangeView:
    return StageChangeView(
        uid=change.uid,
        from_stage=change.from_stage,
        to_stage=change.to_stage,
        changed_at=change.changed_at,
        changed_by=change.changed_by,
        note=change.note,
    )


def build_case_view(case: Case, today: date) -> CaseView:
    """The view of a case loaded with all its parts (``services.cases.load_case``)."""
    people = participant_views(case.participants)
    agreements = {a.id: agreement_view(case, a, people) for a in case.agreements}
    latest = rules.latest_agreement(case)
    in_force = rules.in_force_agreement(case)
    blockers = {
        stage: tuple(rules.stage_change_blockers(case, stage, today))
        for stage in Stage
        if stage != case.stage
    }
    return CaseView(
        id=case.id,
        reference=case.reference,
        case_type=case.case_type,
        stage=case.stage,
        closure_reason=case.closure_reason,
        closed_on=case.closed_on,
        received_on=case.received_on,
        source=case.source,
        channel=case.channel,
        referrer_name=case.referrer_name,
        referrer_organisation=case.referrer_organisation,
        referrer_phone=case.referrer_phone,
        referrer_email=case.referrer_email,
        crime_reference=case.crime_reference,
        incident_date=case.incident_date,
        location=case.location,
        summary=case.summary,
        risk_level=case.risk_level,
        flags=tuple(case.flags),
        facilitators=tuple(case.facilitators),
        created_at=case.created_at,
        updated_at=case.updated_at,
        participants=tuple(people[p.id] for p in case.participants),
        risk_assessments=tuple(risk_assessment_view(ra) for ra in case.risk_assessments),
        contacts=tuple(contact_view(c, people) for c in case.contacts),
        agreements=tuple(agreements[a.id] for a in case.agreements),
        safeguarding=tuple(safeguarding_view(s) for s in case.safeguarding),
        stage_changes=tuple(_stage_change(s) for s in case.stage_changes),
        documents=tuple(document_view(d) for d in case.documents),
        today=today,
        parties=tuple(people[p.id] for p in rules.parties(case)),
        latest_agreement=agreements[latest.id] if latest else None,
        in_force_agreement=agreements[in_force.id] if in_force else None,
        victims_code=tuple((people[p.id], status) for p, status in rules.victims_code(case, today)),
        next=next_step(case, today),
        stage_blockers=MappingProxyType(blockers),
    )
