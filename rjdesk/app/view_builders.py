"""Building the frozen views (``rjdesk.app.views``) from a case loaded in a unit of work.

Called inside the unit of work that loaded the case (``services.cases.load_case`` loads every
part in a fixed number of queries), so building a view never makes the database wait twice.
The write paths hand back what they changed as views built here; opening a case for the window
reads its rows straight into the views instead (``rjdesk.app.case_reader``).
"""

from __future__ import annotations

from collections.abc import Mapping

from rjdesk.app.views import (
    ActionView,
    AddendumView,
    AgreementView,
    ConsentView,
    ContactView,
    DocumentView,
    ParticipantView,
    PersonView,
    RiskAssessmentView,
    SafeguardingView,
    SignatureView,
)
from rjdesk.domain import rules
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
)
from rjdesk_protocol.enums import AgreementStatus


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


def consent_view(consent: Consent) -> ConsentView:
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
        consents=tuple(consent_view(consent) for consent in participant.consents),
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


def addendum_view(addendum: ContactAddendum) -> AddendumView:
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
        addenda=tuple(addendum_view(a) for a in contact.addenda),
    )


def action_view(action: AgreementAction, people: Mapping[str, ParticipantView]) -> ActionView:
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


def signature_view(signature: Signature, people: Mapping[str, ParticipantView]) -> SignatureView:
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
        actions=tuple(action_view(a, people) for a in agreement.actions),
        signatures=tuple(signature_view(s, people) for s in agreement.signatures),
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
