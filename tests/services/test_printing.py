"""Printed documents are filed on the case; a signed agreement's PDF is frozen."""

from __future__ import annotations

import hashlib
from datetime import date
from io import BytesIO

import pytest
from pypdf import PdfReader

from rjdesk.services import agreements, importer, people, printing, settings
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import DocumentKind
from rjdesk_protocol.errors import NotFound
from tests.conftest import HATE_CRIME, NEIGHBOUR_DISPUTE
from tests.services.builders import conference, ready_for_conference, referral


def _png(colour: str = "navy") -> bytes:
    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (60, 30), colour).save(out, "PNG")
    return out.getvalue()


PNG = _png()


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def _neighbour(vault: Vault) -> str:
    with vault.unit_of_work() as uow:
        return importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).id


def test_the_agreement_pdf_is_filed_on_the_case_with_its_hash(vault: Vault) -> None:
    case_id = _neighbour(vault)
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        filed = printing.latest_agreement_pdf(uow, case)
        document_id = filed.document.id
    assert filed.content.startswith(b"%PDF")
    assert filed.document.kind == DocumentKind.AGREEMENT_PDF
    assert filed.document.sha256 == hashlib.sha256(filed.content).hexdigest()
    text = _text(filed.content)
    for expected in ("Marcia Bennett", "Łukasz Nowak", "Zoë Nowak", "Fit a spring closer"):
        assert expected in text
    assert "1971" not in text and "Farnborough Road, Birmingham" not in text, (
        "no dates of birth, no addresses"
    )
    with vault.reader() as session:
        stored = load_case(session, case_id).documents
    assert [d.id for d in stored] == [document_id]


def test_a_signed_agreements_pdf_does_not_change_when_the_case_changes(vault: Vault) -> None:
    case_id = _neighbour(vault)
    with vault.unit_of_work() as uow:
        first = printing.latest_agreement_pdf(uow, load_case(uow.session, case_id))
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        marcia = case.participants[0]
        people.update_person(uow, marcia, people.PersonDetails(name="Marcia Bennett-Hughes"))
        settings.set_logo(uow, PNG)
    with vault.unit_of_work() as uow:
        again = printing.latest_agreement_pdf(uow, load_case(uow.session, case_id))
    assert again.document.id == first.document.id
    assert again.content == first.content, "what the participants signed is what stays filed"
    assert "Marcia Bennett-Hughes" not in _text(again.content)
    # To change it, a new version of the agreement is made (and printed, and signed again).
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        agreements.new_version(uow, case)
    with vault.unit_of_work() as uow:
        v2 = printing.latest_agreement_pdf(uow, load_case(uow.session, case_id))
    assert v2.document.id != first.document.id
    assert "Marcia Bennett-Hughes" in _text(v2.content)
    assert "Agreement version 2" in _text(v2.content)


def test_a_draft_is_filed_again_only_when_it_changed_and_says_so(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case, marcia, lukasz = ready_for_conference(uow)
        conference(uow, case, marcia, lukasz)
        draft = agreements.draft_agreement(
            uow, case, actions=[agreements.ActionInput("Keep the gate shut.", lukasz)]
        )
        case_id, draft_id = case.id, draft.id
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        one = printing.latest_agreement_pdf(uow, case)
        same = printing.latest_agreement_pdf(uow, case)
    assert same.document.id == one.document.id and same.message == ""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        agreement = next(a for a in case.agreements if a.id == draft_id)
        agreements.update_draft(uow, agreement, summary="Both households agree.")
    with vault.unit_of_work() as uow:
        two = printing.latest_agreement_pdf(uow, load_case(uow.session, case_id))
    assert two.document.version == 2
    assert "filed as version 2" in two.message
    assert "TO BE SIGNED" in _text(two.content)


def test_a_case_without_an_agreement_has_no_agreement_pdf(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        with pytest.raises(NotFound, match="no outcome agreement"):
            printing.latest_agreement_pdf(uow, case)


def test_the_case_summary_is_filed_and_holds_the_case(vault: Vault) -> None:
    case_id = _neighbour(vault)
    with vault.unit_of_work() as uow:
        filed = printing.file_case_summary_pdf(uow, load_case(uow.session, case_id))
    text = _text(filed.content)
    assert filed.document.kind == DocumentKind.CASE_SUMMARY_PDF
    for expected in ("Dana Whitfield", "Castle Vale Community Centre", "Keep the shared path",
                     "Zoë Nowak", "Low"):  # fmt: skip
        assert expected in text, expected


def test_the_letterhead_logo_must_be_a_png(vault: Vault) -> None:
    from rjdesk_protocol.errors import ValidationError

    with vault.unit_of_work() as uow, pytest.raises(ValidationError, match="not a PNG"):
        settings.set_logo(uow, b"GIF89a...")
    with vault.unit_of_work() as uow, pytest.raises(ValidationError, match="damaged PNG"):
        settings.set_logo(uow, PNG[:40])
    with vault.unit_of_work() as uow:
        settings.set_logo(uow, PNG)
    with vault.reader() as session:
        assert settings.logo(session) == PNG


def _signed_here(vault: Vault) -> str:
    """A draft signed in rjdesk: both households on paper, then the facilitator."""
    with vault.unit_of_work() as uow:
        case, marcia, lukasz = ready_for_conference(uow)
        conference(uow, case, marcia, lukasz)
        draft = agreements.draft_agreement(
            uow, case, actions=[agreements.ActionInput("Keep the gate shut.", lukasz)]
        )
        signed_on = date(2026, 10, 20)
        for signer in (marcia, lukasz, None):
            agreements.sign_agreement(uow, draft, signer=signer, signed_on=signed_on)
        return case.id


def test_the_pdf_is_filed_when_the_last_signature_completes_the_agreement(vault: Vault) -> None:
    case_id = _signed_here(vault)
    with vault.reader() as session:
        filed = [(d.kind, d.version, d.content) for d in load_case(session, case_id).documents]
    assert [(kind, version) for kind, version, _ in filed] == [(DocumentKind.AGREEMENT_PDF, 1)]
    frozen = filed[0][2]
    assert "Signed on paper on 20 Oct 2026" in _text(frozen)
    # Marcia's name is corrected after the conference: what she signed stays as it was.
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        marcia = next(p for p in case.participants if p.name == "Marcia Bennett")
        people.update_person(uow, marcia, people.PersonDetails(name="Marcia Bennett-Hughes"))
    with vault.unit_of_work() as uow:
        again = printing.latest_agreement_pdf(uow, load_case(uow.session, case_id))
    assert again.content == frozen and again.message == ""
    assert "Marcia Bennett-Hughes" not in _text(again.content)


def test_a_damaged_captured_signature_is_refused_before_it_is_kept(vault: Vault) -> None:
    from rjdesk_protocol.enums import SignatureMethod
    from rjdesk_protocol.errors import ValidationError

    with vault.unit_of_work() as uow:
        case, marcia, lukasz = ready_for_conference(uow)
        conference(uow, case, marcia, lukasz)
        draft = agreements.draft_agreement(
            uow, case, actions=[agreements.ActionInput("Keep the gate shut.", lukasz)]
        )
        with pytest.raises(ValidationError, match="damaged PNG"):
            agreements.sign_agreement(
                uow,
                draft,
                signer=marcia,
                signed_on=date(2026, 10, 20),
                method=SignatureMethod.CAPTURED,
                image=PNG[:60],
            )
        assert draft.signatures == []


def test_the_summary_tells_the_next_facilitator_about_age_language_and_consent(
    vault: Vault,
) -> None:
    with vault.unit_of_work() as uow:
        case = importer.import_case(uow, HATE_CRIME.read_bytes())
        filed = printing.file_case_summary_pdf(uow, case)
    whole = " ".join(_text(filed.content).split())
    assert "Mohammed Iqbal Harmed Language: Urdu (needs an interpreter)" in whole
    assert "Kyle Brennan Responsible Under 18 Consent to take part: not given yet" in whole
    assert "Parent's or carer's consent: not given yet" in whole
    assert "Priya Sandhu Professional, Youth Justice Service" in whole


def test_an_action_nobody_in_particular_took_on_prints_as_shared_not_the_facilitators(
    vault: Vault,
) -> None:
    from tests.documents.pdf_text import text

    with vault.unit_of_work() as uow:
        case, marcia, lukasz = ready_for_conference(uow)
        conference(uow, case, marcia, lukasz)
        agreements.draft_agreement(
            uow,
            case,
            actions=[
                agreements.ActionInput("Keep the gate shut.", lukasz),
                agreements.ActionInput("Say hello when passing and keep it civil."),
            ],
        )
        agreement_pdf = printing.latest_agreement_pdf(uow, case).content
        summary_pdf = printing.file_case_summary_pdf(uow, case).content
    for pdf in (agreement_pdf, summary_pdf):
        printed = text(pdf)
        assert "Łukasz Nowak Keep the gate shut." in printed
        assert "Everyone (shared) Say hello when passing and keep it civil." in printed
        assert "Facilitator Say hello" not in printed
