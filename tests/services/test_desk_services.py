"""The services behind the desktop window: attachments, drafts, settings, next steps."""

from __future__ import annotations

from datetime import date

import pytest

from rjdesk.domain.guidance import next_step
from rjdesk.domain.models import Document
from rjdesk.services import documents, drafts, settings
from rjdesk.services.cases import load_case
from rjdesk.store.keys import passphrase_strength
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import DocumentKind, Role, Stage
from rjdesk_protocol.errors import RuleViolation, ValidationError
from tests.conftest import TODAY
from tests.services.builders import assessed, conference, consents, person, referral

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def test_an_attachment_is_filed_inside_the_vault_with_its_hash(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        document = documents.add_attachment(
            uow, case, filename="/home/alex/Scans/signed agreement.png", content=PNG
        )
        document_id = document.id
    assert document.filename == "signed agreement.png", "no folder names are kept"
    assert document.media_type == "image/png"
    assert len(document.sha256) == 64
    with vault.unit_of_work() as uow:
        stored, content = documents.document_content(uow, document_id)
    assert stored.title == "signed agreement.png"
    assert content == PNG


def test_empty_and_huge_attachments_are_refused(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        with pytest.raises(ValidationError, match="empty"):
            documents.add_attachment(uow, case, filename="x.pdf", content=b"")
        with pytest.raises(ValidationError, match="larger than"):
            documents.add_attachment(
                uow,
                case,
                filename="x.pdf",
                content=b"%PDF-" + bytes(documents.MAX_ATTACHMENT_BYTES),
            )


def test_a_generated_document_cannot_be_removed_as_an_attachment(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        generated = Document(
            kind=DocumentKind.AGREEMENT_PDF,
            title="Agreement v1",
            filename="agreement.pdf",
            media_type="application/pdf",
            sha256="0" * 64,
            size=5,
            created_by="Alex Morgan",
            content=b"%PDF-",
        )
        case.documents.append(generated)
        with pytest.raises(RuleViolation, match="part of the record"):
            documents.remove_attachment(uow, case, generated)


def test_drafts_are_replaced_whole_at_each_lock(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        drafts.replace_drafts(uow, {f"{case.id}/contacts/new_notes": (case.id, "Half a note")})
    with vault.unit_of_work() as uow:
        drafts.replace_drafts(uow, {"wizard/summary": (None, "Another"), "empty": (None, "  ")})
    with vault.reader() as session:
        assert drafts.load_drafts(session) == {"wizard/summary": "Another"}


def test_settings_are_checked_before_they_are_kept(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        current = settings.load_settings(uow.session)
        current.idle_lock_minutes = 0
        with pytest.raises(ValidationError, match="between 1 and 60"):
            settings.save_settings(uow, current)
    with vault.unit_of_work() as uow:
        current = settings.load_settings(uow.session)
        current.facilitator_name = "  Alex   Morgan-Price "
        assert settings.save_settings(uow, current) == ["facilitator name"]
        assert settings.save_settings(uow, current) == []
    with vault.reader() as session:
        assert settings.load_settings(session).facilitator_name == "Alex Morgan-Price"


def test_the_next_step_follows_the_case_through_its_stages(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        assert next_step(case, TODAY).label == "Add the people"  # type: ignore[union-attr]
        marcia = person(uow, case, "Marcia Bennett", Role.BOTH)
        lukasz = person(uow, case, "Łukasz Nowak", Role.BOTH)
        step = next_step(case, TODAY)
        assert step is not None and step.label == "Record RJ information for Marcia Bennett"
        for participant in (marcia, lukasz):
            participant.rj_information_given_on = date(2026, 10, 2)
        step = next_step(case, TODAY)
        assert step is not None and (step.label, step.stage) == (
            "Start the assessment",
            Stage.ASSESSMENT,
        )
        case.stage = Stage.PREPARATION
        assessed(uow, case)
        step = next_step(case, TODAY)
        assert step is not None and step.pane == "risk" and "Marcia Bennett" in step.why
        consents(uow, marcia, lukasz)
        step = next_step(case, TODAY)
        assert step is not None and step.stage == Stage.INTERVENTION
        conference(uow, case, marcia, lukasz)
        step = next_step(case, TODAY)
        assert step is not None and step.label == "Write the agreement"
    with vault.reader() as session:
        assert load_case(session, case.id).stage == Stage.AGREEMENT


def test_passphrase_strength_favours_length() -> None:
    assert passphrase_strength("short")[0] == 0
    assert passphrase_strength("aaaaaaaaaaaa")[0] == 1
    assert passphrase_strength("correct horse battery staple")[0] == 3
    assert passphrase_strength("Tr0ub4dor&3x")[0] == 2
