"""Documents of a case for the window and the CLI: what is filed, reading one, attachments, and
the PDFs rjdesk makes (the outcome agreement, the case summary) with the copies that leave it.

The content of a document stays in the vault until someone views it; it is handed over in a
frozen result whose ``repr`` leaves the bytes out, so it never ends up in a log line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rjdesk.app.view_builders import document_view
from rjdesk.app.views import DocumentView
from rjdesk.domain.models import Agreement, Case, Document
from rjdesk.services import documents as service
from rjdesk.services import printing
from rjdesk.services.cases import load_case
from rjdesk.store.unit import UnitOfWork
from rjdesk.store.vault import Vault
from rjdesk_protocol.errors import NotFound, ValidationError

MAX_ATTACHMENT_BYTES = service.MAX_ATTACHMENT_BYTES


@dataclass(frozen=True)
class DocumentContent:
    """A document and its bytes, read for viewing (the viewing is on the record)."""

    document: DocumentView
    content: bytes = field(repr=False)


@dataclass(frozen=True)
class FiledPdf:
    """A PDF made and filed on the case: the document, its bytes, and what to tell the person
    (empty, or that it changed since the last filed version and was filed as a new one)."""

    document: DocumentView
    content: bytes = field(repr=False)
    message: str = ""


def _document(case: Case, document_id: str) -> Document:
    found = next((d for d in case.documents if d.id == document_id), None)
    if found is None:
        raise NotFound("that document is no longer in the vault")
    return found


def _agreement(case: Case, agreement_id: str) -> Agreement:
    found = next((a for a in case.agreements if a.id == agreement_id), None)
    if found is None:
        raise NotFound("that version of the agreement is no longer on the case")
    return found


def _filed(uow: UnitOfWork, filed: printing.Filed) -> FiledPdf:
    uow.session.flush()  # a newly filed document gets its id and time before it is viewed
    return FiledPdf(document_view(filed.document), filed.content, filed.message)


# -- reading ------------------------------------------------------------------------------------


def list_documents(vault: Vault, case_id: str) -> tuple[DocumentView, ...]:
    """What is filed on a case, oldest first (without the content)."""
    with vault.reader() as session:
        case_key = load_case(session, case_id).id
        return tuple(document_view(d) for d in service.list_documents(session, case_key))


def read_document(vault: Vault, document_id: str) -> DocumentContent:
    """A document's bytes, for viewing inside rjdesk (the view is on the record)."""
    with vault.unit_of_work() as uow:
        document, content = service.document_content(uow, document_id)
        return DocumentContent(document_view(document), content)


# -- attachments --------------------------------------------------------------------------------


def add_attachment(
    vault: Vault,
    case_id: str,
    *,
    filename: str,
    content: bytes,
    title: str = "",
    agreement_id: str | None = None,
) -> DocumentView:
    """File a scan, letter or photo on the case (or on one version of its agreement)."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        agreement = _agreement(case, agreement_id) if agreement_id else None
        document = service.add_attachment(
            uow, case, filename=filename, content=content, title=title, agreement=agreement
        )
        uow.session.flush()
        return document_view(document)


def attach_file(
    vault: Vault,
    case_id: str,
    path: Path,
    *,
    title: str = "",
    agreement_id: str | None = None,
) -> DocumentView:
    """Read a file the person chose and file it on the case (see ``add_attachment``)."""
    try:
        content = path.read_bytes()
    except OSError:
        raise ValidationError(
            "that file could not be read: check it still exists and is not open elsewhere"
        ) from None
    return add_attachment(
        vault, case_id, filename=path.name, content=content, title=title, agreement_id=agreement_id
    )


def remove_attachment(vault: Vault, case_id: str, document_id: str) -> None:
    """Take off an attachment filed by mistake (generated documents stay on the case)."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        service.remove_attachment(uow, case, _document(case, document_id))


# -- the PDFs rjdesk makes ------------------------------------------------------------------------


def file_agreement_pdf(vault: Vault, case_id: str, agreement_id: str) -> FiledPdf:
    """The PDF of one version of the agreement, filed on the case (a signed version's PDF is
    frozen once filed, and handed back as it was)."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        return _filed(uow, printing.file_agreement_pdf(uow, case, _agreement(case, agreement_id)))


def file_case_summary_pdf(vault: Vault, case_id: str) -> FiledPdf:
    """The case summary as of today, filed on the case (an unchanged one is not filed twice)."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        return _filed(uow, printing.file_case_summary_pdf(uow, case))


def record_copy(vault: Vault, case_id: str, document_id: str, how: str) -> None:
    """A copy of a filed document left rjdesk (printed, or saved to a file): on the record."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        document = next((d for d in case.documents if d.id == document_id), None)
        if document is not None:
            printing.record_copy(uow, case, document, how)
