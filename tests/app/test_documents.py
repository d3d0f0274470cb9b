"""Documents through the application layer: attachments, reading one, the PDFs rjdesk files,
and the copies that leave it, each on the record."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import select

from rjdesk.app import agreements, casefile, documents
from rjdesk.domain.models import AuditEvent
from rjdesk.services import importer
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import DocumentKind
from rjdesk_protocol.errors import NotFound, RuleViolation, ValidationError
from tests.conftest import NEIGHBOUR_DISPUTE
from tests.services import builders

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
LETTER = "Letter from Marcia"


@pytest.fixture
def neighbour_case(vault: Vault) -> str:
    """The neighbour dispute example: version 1 of the agreement signed, in follow-up."""
    with vault.unit_of_work() as uow:
        return importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).id


def _actions(vault: Vault, reference_or_id: str) -> list[tuple[str, str]]:
    with vault.reader() as session:
        reference = load_case(session, reference_or_id).reference
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.case_reference == reference)
        ).all()
        return [(e.action, e.detail or "") for e in events]


def test_attach_view_and_remove_a_scan(vault: Vault, neighbour_case: str, tmp_path: Path) -> None:
    path = tmp_path / "scan.png"
    path.write_bytes(PNG)
    added = documents.attach_file(vault, neighbour_case, path, title=f"  {LETTER}  ")
    assert (added.kind, added.media_type, added.filename) == (
        DocumentKind.ATTACHMENT,
        "image/png",
        "scan.png",
    )
    assert added.title == LETTER
    assert (added.size, added.sha256) == (len(PNG), hashlib.sha256(PNG).hexdigest())
    assert added.created_by == "Alex Morgan"
    assert [d.id for d in documents.list_documents(vault, neighbour_case)] == [added.id]

    read = documents.read_document(vault, added.id)
    assert read.content == PNG
    assert read.document.id == added.id
    assert "\\x89PNG" not in repr(read) and "content" not in repr(read), "no bytes in a repr"

    documents.remove_attachment(vault, neighbour_case, added.id)
    assert documents.list_documents(vault, neighbour_case) == ()
    actions = [action for action, _ in _actions(vault, neighbour_case)]
    for expected in ("add_attachment", "view_document", "delete_attachment"):
        assert expected in actions
    with pytest.raises(NotFound, match="no longer in the vault"):
        documents.read_document(vault, added.id)
    with pytest.raises(NotFound, match="no longer in the vault"):
        documents.remove_attachment(vault, neighbour_case, added.id)


def test_an_attachment_can_belong_to_one_version_of_the_agreement(
    vault: Vault, neighbour_case: str
) -> None:
    with vault.reader() as session:
        agreement_id = load_case(session, neighbour_case).agreements[0].id
    added = documents.add_attachment(
        vault,
        neighbour_case,
        filename="signed.pdf",
        content=b"%PDF-1.4 scan",
        agreement_id=agreement_id,
    )
    assert (added.agreement_id, added.media_type, added.title) == (
        agreement_id,
        "application/pdf",
        "signed.pdf",
    )
    with pytest.raises(NotFound, match="no longer on the case"):
        documents.add_attachment(
            vault, neighbour_case, filename="x.pdf", content=b"%PDF-", agreement_id="gone"
        )


def test_attachments_that_cannot_be_filed_say_why(
    vault: Vault, neighbour_case: str, tmp_path: Path
) -> None:
    with pytest.raises(ValidationError, match="that file could not be read: check it still exists"):
        documents.attach_file(vault, neighbour_case, tmp_path / "gone.png")
    with pytest.raises(ValidationError, match="file: the file is empty"):
        documents.add_attachment(vault, neighbour_case, filename="empty.png", content=b"")
    filed = documents.file_case_summary_pdf(vault, neighbour_case)
    with pytest.raises(RuleViolation, match="generated documents are part of the record"):
        documents.remove_attachment(vault, neighbour_case, filed.document.id)
    assert [d.kind for d in documents.list_documents(vault, neighbour_case)] == [
        DocumentKind.CASE_SUMMARY_PDF
    ]


def test_the_agreement_pdf_is_filed_once_and_then_handed_back(
    vault: Vault, neighbour_case: str
) -> None:
    with vault.reader() as session:
        agreement_id = load_case(session, neighbour_case).agreements[0].id
    first = documents.file_agreement_pdf(vault, neighbour_case, agreement_id)
    assert first.content.startswith(b"%PDF")
    assert (first.document.kind, first.document.version) == (DocumentKind.AGREEMENT_PDF, 1)
    assert first.document.agreement_id == agreement_id
    assert first.document.title == "Outcome agreement v1"
    assert first.message == ""
    assert "content" not in repr(first)
    again = documents.file_agreement_pdf(vault, neighbour_case, agreement_id)
    assert again.document.id == first.document.id and again.content == first.content
    assert len(documents.list_documents(vault, neighbour_case)) == 1
    generated = [d for a, d in _actions(vault, neighbour_case) if a == "generate_document"]
    assert generated == ["agreement_pdf v1"]
    with pytest.raises(NotFound, match="no longer on the case"):
        documents.file_agreement_pdf(vault, neighbour_case, "no-such-agreement")


def test_a_changed_draft_files_a_new_version_of_its_pdf_and_says_so(
    vault: Vault, neighbour_case: str
) -> None:
    draft = agreements.new_version(vault, neighbour_case)
    first = documents.file_agreement_pdf(vault, neighbour_case, draft.id)
    assert first.document.title == "Outcome agreement v2 (draft)"
    agreements.update_draft(vault, neighbour_case, draft.id, summary="Changed after a call.")
    second = documents.file_agreement_pdf(vault, neighbour_case, draft.id)
    assert second.document.version == 2
    assert second.message == "It changed since document version 1: filed as version 2."


def test_a_case_without_an_agreement_has_no_agreement_pdf(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = builders.referral(uow)
        case_id, reference = case.id, case.reference
    with pytest.raises(NotFound, match=f"{reference} has no outcome agreement yet"):
        casefile.save_pdf_copy(vault, case_id, "agreement", lambda _content: None)
    summary = documents.file_case_summary_pdf(vault, case_id)
    assert summary.document.kind == DocumentKind.CASE_SUMMARY_PDF
    assert summary.document.filename == f"{reference}-summary-2026-11-20.pdf"
    assert documents.file_case_summary_pdf(vault, case_id).document.id == summary.document.id
    with pytest.raises(NotFound, match="no case nowhere in this vault"):
        documents.list_documents(vault, "nowhere")


def test_a_copy_that_leaves_rjdesk_is_on_the_record(vault: Vault, neighbour_case: str) -> None:
    filed = documents.file_case_summary_pdf(vault, neighbour_case)
    documents.record_copy(vault, neighbour_case, filed.document.id, "printed")
    documents.record_copy(vault, neighbour_case, "no-such-document", "printed")  # nothing to note
    exports = [d for a, d in _actions(vault, neighbour_case) if a == "export_document"]
    assert exports == ["printed"]
