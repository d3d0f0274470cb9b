"""What a case's printed documents say, worded from the vault for their readers.

The outcome agreement is written to the participants: names and roles as they would want to be
named, never a date of birth or an address. The case summary is written for a handover or a
supervision session: the case as it stands, with what the next facilitator needs to know about
each person. Both come out as the plain data of ``rjdesk.documents.model``; building the PDF and
filing it on the case is ``rjdesk.services.printing``.
"""

from __future__ import annotations

from datetime import date

from rjdesk.documents.model import (
    ActionLine,
    AgreementDocument,
    AgreementSummary,
    CaseSummaryDocument,
    ContactLine,
    Letterhead,
    PartyLine,
    SignatureBlock,
    StageLine,
)
from rjdesk.domain import rules
from rjdesk.domain.labels import (
    ACTION_STATUSES,
    CHANNELS,
    CONTACT_KINDS,
    RISK_LEVELS,
    ROLES,
    SAFEGUARDING_KINDS,
    SHARED_ACTION,
    SOURCES,
    case_type_label,
    flag_label,
    language_label,
    stage_label,
)
from rjdesk.domain.models import (
    Agreement,
    AgreementAction,
    Case,
    Participant,
    Signature,
)
from rjdesk.services.settings import load_settings, logo
from rjdesk.store.unit import UnitOfWork
from rjdesk_protocol.calendar import LONDON
from rjdesk_protocol.enums import AgreementStatus, ConsentScope, Role, SignatureMethod


def _day(value: date | None) -> str:
    return f"{value.day} {value:%b %Y}" if value else ""


def letterhead(uow: UnitOfWork) -> Letterhead:
    settings = load_settings(uow.session).letterhead
    return Letterhead(
        service_name=settings.service_name,
        address=settings.address,
        phone=settings.phone,
        email=settings.email,
        logo_png=logo(uow.session),
    )


def _role(participant: Participant) -> str:
    if participant.role == Role.SUPPORTER and participant.supports is not None:
        relationship = participant.relationship_to_supported
        extra = f" ({relationship})" if relationship else ""
        return f"Supporter of {participant.supports.name}{extra}"
    return ROLES[participant.role]


def _handover(participant: Participant, today: date) -> str:
    """A person's role and what the next facilitator must know before contacting them: age,
    language, access needs, and whether their consent to take part stands."""
    person = participant.person
    lines = [_role(participant)]
    if participant.role == Role.PROFESSIONAL and participant.organisation:
        lines[0] += f", {participant.organisation}"
    needs = []
    if rules.is_under_18(person, today):
        needs.append("Under 18")
    language = language_label(person.language)
    interpreter = " (needs an interpreter)" if person.interpreter else ""
    if language and (language != "English" or interpreter):
        needs.append(f"Language: {language}{interpreter}")
    elif person.interpreter:
        needs.append("Needs an interpreter")
    if person.access_needs.strip():
        needs.append(f"Access needs: {person.access_needs.strip()}")
    if needs:
        lines.append(" · ".join(needs))
    if participant.role.consents:
        lines += _consent_lines(participant, today)
    return "\n".join(lines)


def _consent_lines(participant: Participant, today: date) -> list[str]:
    take_part = ConsentScope.TAKE_PART
    if rules.has_consent(participant, today, take_part, parental=False):
        own = "given"
    else:
        withdrawn = [
            c.withdrawn_on
            for c in participant.consents
            if c.scope == take_part and c.given_by is None and c.withdrawn_on
        ]
        own = f"withdrawn {_day(max(withdrawn))}" if withdrawn else "not given yet"
    lines = [f"Consent to take part: {own}"]
    if rules.is_under_18(participant.person, today):
        parental = rules.has_consent(participant, today, take_part, parental=True)
        lines.append(f"Parent's or carer's consent: {'given' if parental else 'not given yet'}")
    return lines


def _owner(action: AgreementAction) -> str:
    return action.owner.name if action.owner is not None else SHARED_ACTION


def _status(action: AgreementAction) -> str:
    if action.checked_on is None:
        return ACTION_STATUSES[action.status]
    return f"{ACTION_STATUSES[action.status]} (checked {_day(action.checked_on)})"


def agreement_document(
    uow: UnitOfWork, case: Case, agreement: Agreement, head: Letterhead
) -> AgreementDocument:
    """The agreement as the participants read it: names and roles, never dates of birth or
    addresses; a signature block for every signer, captured or on paper."""
    named = [p for p in case.participants if p.role.is_party or p.role == Role.SUPPORTER]
    signed = {s.participant_id: s for s in agreement.signatures}
    blocks = []
    for person in named:
        signature = signed.get(person.id)
        if (
            not person.role.is_party
            and signature is None
            and agreement.status != AgreementStatus.DRAFT
        ):
            continue  # a supporter who did not witness a signed agreement
        capacity = _role(person) if person.role.is_party else "Witness (supporter)"
        blocks.append(_block(person.name, capacity, signature))
    facilitator = signed.get(None)
    name = facilitator.signer_name if facilitator else uow.actor.name
    blocks.append(_block(name, "Facilitator", facilitator))
    return AgreementDocument(
        letterhead=head,
        reference=case.reference,
        version=agreement.version,
        state=agreement.status.value.capitalize(),
        date=agreement.agreed_on or uow.today,
        participants=tuple(PartyLine(p.name, _role(p)) for p in named),
        actions=tuple(
            ActionLine(_owner(a), a.description, _day(a.due_on) if a.due_on else "Ongoing")
            for a in agreement.actions
        ),
        signatures=tuple(blocks),
        summary=agreement.summary,
        review_on=agreement.review_on,
        facilitator=uow.actor.name,
    )


def _block(name: str, capacity: str, signature: Signature | None) -> SignatureBlock:
    if signature is None:
        return SignatureBlock(name, capacity)
    captured = signature.method == SignatureMethod.CAPTURED
    return SignatureBlock(
        name,
        capacity,
        signature.signed_on,
        image_png=signature.image if captured else None,
        on_paper=not captured,
    )


def case_summary_document(uow: UnitOfWork, case: Case, head: Letterhead) -> CaseSummaryDocument:
    today = uow.today
    referrer = ", ".join(x for x in (case.referrer_name, case.referrer_organisation) if x)
    referral = (
        ("Received", f"{_day(case.received_on)}, {SOURCES[case.source]}, {CHANNELS[case.channel]}"),
        ("Referrer", referrer or "—"),
        ("Crime reference", case.crime_reference or "—"),
        ("Incident", _day(case.incident_date) or "date not known"),
        ("Where", case.location or "—"),
        ("Summary", case.summary or "—"),
    )
    assessment = max(case.risk_assessments, key=lambda ra: ra.assessed_on, default=None)
    risk = (
        f"{RISK_LEVELS[assessment.level]}, assessed {_day(assessment.assessed_on)} "
        f"by {assessment.assessed_by}"
        if assessment
        else "Not assessed"
    )
    contacts = tuple(
        ContactLine(
            when=f"{c.at.astimezone(LONDON):%a} {_day(c.at.astimezone(LONDON).date())}, "
            f"{c.at.astimezone(LONDON):%H:%M}",
            kind=CONTACT_KINDS[c.kind],
            where=c.location,
            who=rules.names(c.present) or "—",
            author=c.author,
            notes=c.notes,
            next_steps=c.next_steps,
            addenda=tuple(
                f"Addendum {_day(a.written_at.astimezone(LONDON).date())} "
                f"{a.written_at.astimezone(LONDON):%H:%M} by {a.author}: {a.text}"
                for a in c.addenda
            ),
        )
        for c in case.contacts
    )
    return CaseSummaryDocument(
        letterhead=head,
        reference=case.reference,
        case_type=case_type_label(case.case_type),
        stage=stage_label(case.stage)
        + (f" ({case.closure_reason.replace('_', ' ')})" if case.closure_reason else ""),
        generated_on=today,
        generated_by=uow.actor.name,
        referral=referral,
        people=tuple(PartyLine(p.name, _handover(p, today)) for p in case.participants),
        risk=risk,
        risk_factors=tuple(assessment.factors) if assessment else (),
        flags=tuple(flag_label(f) for f in case.flags),
        victims_code=tuple(f"{p.name}: {s.describe()}" for p, s in rules.victims_code(case, today)),
        safeguarding=tuple(
            f"{_day(s.raised_at.astimezone(LONDON).date())}, {SAFEGUARDING_KINDS[s.kind]}: "
            f"{s.concern} Done: {s.action_taken}"
            for s in case.safeguarding
        ),
        stage_history=tuple(
            StageLine(
                f"{_day(s.changed_at.astimezone(LONDON).date())}",
                f"{stage_label(s.from_stage)} → {stage_label(s.to_stage)}"
                if s.from_stage
                else stage_label(s.to_stage),
                s.changed_by,
                s.note,
            )
            for s in case.stage_changes
        ),
        contacts=contacts,
        agreements=tuple(
            AgreementSummary(
                a.version,
                a.status.value.capitalize(),
                _day(a.agreed_on) or "—",
                _day(a.review_on) or "—",
                tuple(
                    ActionLine(
                        _owner(x),
                        x.description,
                        _day(x.due_on) if x.due_on else "Ongoing",
                        _status(x),
                    )
                    for x in a.actions
                ),
            )
            for a in case.agreements
        ),
    )
