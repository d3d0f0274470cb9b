"""Printed documents of a case: worded from the vault, built in memory, filed on the case.

Every document rjdesk generates is filed on the case as a ``Document`` with its hash and a
version number. PDFs are built in reportlab's invariant mode, so the same content gives the same
bytes: regenerating an unchanged document files nothing new, and a changed one is filed as the
next version (the caller is told). A signed agreement's PDF is frozen: once filed after the
signing it is what the participants hold, and it is handed back as it was, whatever changes in
the case afterwards. Changing a signed agreement means starting a new version of it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from rjdesk.documents.agreement import agreement_pdf
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
from rjdesk.documents.summary import case_summary_pdf
from rjdesk.domain import rules
from rjdesk.domain.enums import AgreementStatus, DocumentKind, Role, SignatureMethod
from rjdesk.domain.labels import (
    ACTION_STATUSES,
    CHANNELS,
    CONTACT_KINDS,
    RISK_LEVELS,
    ROLES,
    SAFEGUARDING_KINDS,
    SOURCES,
    case_type_label,
    flag_label,
    stage_label,
)
from rjdesk.domain.models import (
    Agreement,
    AgreementAction,
    Case,
    Document,
    Participant,
    Signature,
)
from rjdesk.errors import NotFound
from rjdesk.services.settings import load_settings, logo
from rjdesk.store.unit import LONDON, UnitOfWork


@dataclass(frozen=True)
class Filed:
    """A document as filed: its row, its bytes, and what to tell the person (may be empty)."""

    document: Document
    content: bytes
    message: str = ""


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


def _owner(action: AgreementAction) -> str:
    return action.owner.name if action.owner is not None else "Facilitator"


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


def _filed(case: Case, kind: DocumentKind, agreement: Agreement | None = None) -> list[Document]:
    found = [
        d
        for d in case.documents
        if d.kind == kind and (agreement is None or d.agreement_id == agreement.id)
    ]
    return sorted(found, key=lambda d: d.version)


def _file(
    uow: UnitOfWork,
    case: Case,
    kind: DocumentKind,
    content: bytes,
    *,
    title: str,
    filename: str,
    earlier: list[Document],
    agreement: Agreement | None = None,
) -> Filed:
    sha = hashlib.sha256(content).hexdigest()
    if earlier and earlier[-1].sha256 == sha:
        return Filed(earlier[-1], content)  # unchanged: nothing new to file
    version = earlier[-1].version + 1 if earlier else 1
    document = Document(
        kind=kind,
        title=title,
        filename=filename,
        media_type="application/pdf",
        sha256=sha,
        size=len(content),
        version=version,
        created_by=uow.actor.name,
        content=content,
        agreement_id=agreement.id if agreement else None,
    )
    case.documents.append(document)
    uow.audit(
        "generate_document",
        entity="document",
        entity_id=document.id,
        case_reference=case.reference,
        detail=f"{kind.value} v{version}",
    )
    message = f"It changed since document version {version - 1}: filed as version {version}."
    return Filed(document, content, message if earlier else "")


def file_agreement_pdf(uow: UnitOfWork, case: Case, agreement: Agreement) -> Filed:
    """The agreement's PDF, filed on the case. A signed version's PDF is frozen once filed."""
    earlier = _filed(case, DocumentKind.AGREEMENT_PDF, agreement)
    if agreement.status != AgreementStatus.DRAFT and agreement.signed_at is not None:
        frozen = [d for d in earlier if d.created_at >= agreement.signed_at]
        if frozen:
            document = frozen[-1]
            return Filed(document, _content(uow, document))
    pdf = agreement_pdf(agreement_document(uow, case, agreement, letterhead(uow)))
    draft = " (draft)" if agreement.status == AgreementStatus.DRAFT else ""
    return _file(
        uow,
        case,
        DocumentKind.AGREEMENT_PDF,
        pdf,
        agreement=agreement,
        earlier=earlier,
        title=f"Outcome agreement v{agreement.version}{draft}",
        filename=f"{case.reference}-agreement-v{agreement.version}.pdf",
    )


def _content(uow: UnitOfWork, document: Document) -> bytes:
    content = uow.session.scalar(select(Document.content).where(Document.id == document.id))
    if content is None:
        raise NotFound("the filed document is no longer in the vault")
    return content


def latest_agreement_pdf(uow: UnitOfWork, case: Case) -> Filed:
    agreement = rules.latest_agreement(case)
    if agreement is None:
        raise NotFound(f"{case.reference} has no outcome agreement yet")
    return file_agreement_pdf(uow, case, agreement)


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
        people=tuple(PartyLine(p.name, _role(p)) for p in case.participants),
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


def file_case_summary_pdf(uow: UnitOfWork, case: Case) -> Filed:
    """The case summary as of today, filed on the case (unchanged ones are not filed twice)."""
    pdf = case_summary_pdf(case_summary_document(uow, case, letterhead(uow)))
    return _file(
        uow,
        case,
        DocumentKind.CASE_SUMMARY_PDF,
        pdf,
        earlier=_filed(case, DocumentKind.CASE_SUMMARY_PDF),
        title="Case summary",
        filename=f"{case.reference}-summary-{uow.today.isoformat()}.pdf",
    )


def record_copy(uow: UnitOfWork, case: Case, document: Document, how: str) -> None:
    """A copy left rjdesk (saved to a file, or printed): on the record, with how."""
    uow.audit(
        "export_document",
        entity="document",
        entity_id=document.id,
        case_reference=case.reference,
        detail=how,
    )
