"""Printed documents of a case: built in memory and filed on the case (their wording is
``rjdesk.services.document_data``).

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

from sqlalchemy import select

from rjdesk.documents.agreement import agreement_pdf
from rjdesk.documents.summary import case_summary_pdf
from rjdesk.domain import rules
from rjdesk.domain.models import Agreement, Case, Document
from rjdesk.services.document_data import agreement_document, case_summary_document, letterhead
from rjdesk.store.unit import UnitOfWork
from rjdesk_protocol.enums import AgreementStatus, DocumentKind
from rjdesk_protocol.errors import NotFound


@dataclass(frozen=True)
class Filed:
    """A document as filed: its row, its bytes, and what to tell the person (may be empty)."""

    document: Document
    content: bytes
    message: str = ""


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
