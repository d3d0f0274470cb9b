"""Attachments (scans of signed agreements, letters, photos), stored inside the vault."""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import PurePath

from sqlalchemy import select
from sqlalchemy.orm import Session

from rjdesk.domain.models import Agreement, Case, Document
from rjdesk.store.unit import UnitOfWork
from rjdesk_protocol.enums import DocumentKind
from rjdesk_protocol.errors import NotFound, RuleViolation, ValidationError

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
_MAGIC = {
    b"%PDF-": "application/pdf",
    b"\x89PNG\r\n\x1a\n": "image/png",
    b"\xff\xd8\xff": "image/jpeg",
    b"GIF8": "image/gif",
}


def media_type_of(filename: str, content: bytes) -> str:
    """What the file is, by its first bytes when they say so, else by its name."""
    for magic, media_type in _MAGIC.items():
        if content.startswith(magic):
            return media_type
    guessed, _ = mimetypes.guess_type(filename)
    return guessed or "application/octet-stream"


def add_attachment(
    uow: UnitOfWork,
    case: Case,
    *,
    filename: str,
    content: bytes,
    title: str = "",
    agreement: Agreement | None = None,
) -> Document:
    """File a scan, letter or photo on the case (or on one agreement version)."""
    if not content:
        raise ValidationError("the file is empty", field="file")
    if len(content) > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            f"is larger than {MAX_ATTACHMENT_BYTES // 2**20} MB; scan at a lower resolution",
            field="file",
        )
    if agreement is not None and agreement.case is not case:
        raise RuleViolation("that agreement belongs to another case")
    name = PurePath(filename).name or "attachment"
    document = Document(
        kind=DocumentKind.ATTACHMENT,
        title=title.strip() or name,
        filename=name,
        media_type=media_type_of(name, content),
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
        version=1,
        created_by=uow.actor.name,
        content=content,
        agreement_id=agreement.id if agreement else None,
    )
    case.documents.append(document)
    uow.audit(
        "add_attachment",
        entity="document",
        entity_id=document.id,
        case_reference=case.reference,
        detail=f"{document.media_type}, {document.size} bytes",
    )
    return document


def document_content(uow: UnitOfWork, document_id: str) -> tuple[Document, bytes]:
    """A document's bytes, for viewing inside rjdesk (the view is on the record)."""
    document = uow.session.get(Document, document_id)
    if document is None:
        raise NotFound("that document is no longer in the vault")
    content = uow.session.scalar(select(Document.content).where(Document.id == document_id))
    reference = uow.session.scalar(select(Case.reference).where(Case.id == document.case_id))
    uow.audit(
        "view_document", entity="document", entity_id=document.id, case_reference=reference or ""
    )
    return document, content or b""


def remove_attachment(uow: UnitOfWork, case: Case, document: Document) -> None:
    """Take off an attachment filed by mistake. Generated documents stay."""
    if document.kind != DocumentKind.ATTACHMENT:
        raise RuleViolation("generated documents are part of the record and stay on the case")
    case.documents.remove(document)
    uow.audit(
        "delete_attachment", entity="document", entity_id=document.id, case_reference=case.reference
    )


def list_documents(session: Session, case_id: str) -> list[Document]:
    query = select(Document).where(Document.case_id == case_id).order_by(Document.created_at)
    return list(session.scalars(query))
