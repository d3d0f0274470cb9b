"""The outcome agreement through the application layer: each call owns its unit of work and
answers with frozen views, or refuses with the sentence the window shows."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import date
from io import BytesIO

import pytest

from rjdesk.app import agreements
from rjdesk.app.views import AgreementView
from rjdesk.services import assessment, importer
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import (
    ActionStatus,
    AgreementStatus,
    DocumentKind,
    SignatureMethod,
    Stage,
)
from rjdesk_protocol.errors import NotFound, RuleViolation, ValidationError
from tests.conftest import NEIGHBOUR_DISPUTE, TODAY
from tests.services import builders


def _png() -> bytes:
    from PIL import Image

    out = BytesIO()
    Image.new("RGB", (60, 30), "navy").save(out, "PNG")
    return out.getvalue()


@pytest.fixture
def conference_case(vault: Vault) -> tuple[str, str, str]:
    """A neighbour dispute with a conference recorded and no agreement yet: the case id and
    the ids of Marcia and Łukasz."""
    with vault.unit_of_work() as uow:
        case, marcia, lukasz = builders.ready_for_conference(uow)
        builders.conference(uow, case, marcia, lukasz)
        uow.session.flush()
        return case.id, marcia.id, lukasz.id


@pytest.fixture
def neighbour_case(vault: Vault) -> str:
    """The neighbour dispute example: version 1 signed by everyone, in follow-up."""
    with vault.unit_of_work() as uow:
        return importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).id


def _draft(vault: Vault, case_id: str, marcia: str, lukasz: str) -> AgreementView:
    return agreements.draft_agreement(
        vault,
        case_id,
        actions=[
            agreements.ActionDraft("Keep music down after 11pm.", lukasz),
            agreements.ActionDraft("Keep the shared path clear of bins.", marcia),
            agreements.ActionDraft("Phone both households.", None, date(2026, 12, 4)),
        ],
        summary="  Both households agree to keep the peace.  ",
        agreed_on=date(2026, 10, 20),
    )


def test_a_first_draft_is_version_1_with_its_owners_resolved(
    vault: Vault, conference_case: tuple[str, str, str]
) -> None:
    case_id, marcia, lukasz = conference_case
    draft = _draft(vault, case_id, marcia, lukasz)
    assert (draft.version, draft.status) == (1, AgreementStatus.DRAFT)
    assert draft.summary == "Both households agree to keep the peace."
    assert draft.agreed_on == date(2026, 10, 20)
    owners = [(a.owner.name if a.owner else None, a.due_on) for a in draft.actions]
    assert owners == [
        ("Łukasz Nowak", None),
        ("Marcia Bennett", None),
        (None, date(2026, 12, 4)),
    ]
    assert all(a.id for a in draft.actions)
    assert draft.missing_signatures == (
        "Marcia Bennett (harmed and responsible)",
        "Łukasz Nowak (harmed and responsible)",
        "the facilitator",
    )
    with pytest.raises(FrozenInstanceError):
        draft.summary = "changed"  # type: ignore[misc]
    with vault.reader() as session:
        (stored,) = load_case(session, case_id).agreements
        assert stored.id == draft.id


def test_a_second_draft_is_refused_while_one_is_open(
    vault: Vault, conference_case: tuple[str, str, str]
) -> None:
    case_id, marcia, lukasz = conference_case
    _draft(vault, case_id, marcia, lukasz)
    with pytest.raises(RuleViolation, match="version 1 is still a draft: change that one"):
        agreements.draft_agreement(vault, case_id, summary="Another")


def test_an_action_for_someone_not_on_the_case_is_refused(
    vault: Vault, conference_case: tuple[str, str, str]
) -> None:
    case_id, _, _ = conference_case
    with pytest.raises(NotFound, match="no longer part of RJ-"):
        agreements.draft_agreement(
            vault, case_id, actions=[agreements.ActionDraft("Fix the gate.", "nobody")]
        )
    with pytest.raises(ValidationError, match="say what will be done"):
        agreements.draft_agreement(vault, case_id, actions=[agreements.ActionDraft("  ")])
    with vault.reader() as session:
        assert load_case(session, case_id).agreements == []


def test_update_a_draft_then_it_is_frozen_once_someone_signs(
    vault: Vault, conference_case: tuple[str, str, str]
) -> None:
    case_id, marcia, lukasz = conference_case
    draft = _draft(vault, case_id, marcia, lukasz)
    updated = agreements.update_draft(
        vault,
        case_id,
        draft.id,
        actions=[agreements.ActionDraft("Keep the gate shut.", marcia)],
        summary="Changed.",
    )
    assert updated.id == draft.id
    assert updated.summary == "Changed."
    assert updated.agreed_on == date(2026, 10, 20)  # None leaves it as it was
    assert [(a.description, a.owner_id) for a in updated.actions] == [
        ("Keep the gate shut.", marcia)
    ]
    agreements.sign(vault, case_id, draft.id, signer_id=marcia, signed_on=TODAY)
    with pytest.raises(RuleViolation, match="someone has already signed this draft"):
        agreements.update_draft(vault, case_id, draft.id, summary="Again.")
    with pytest.raises(NotFound, match="no longer on the case"):
        agreements.update_draft(vault, case_id, "no-such-agreement", summary="Again.")


def test_signing_says_who_signed_and_when_everyone_has(
    vault: Vault, conference_case: tuple[str, str, str]
) -> None:
    case_id, marcia, lukasz = conference_case
    draft = _draft(vault, case_id, marcia, lukasz)

    first = agreements.sign(
        vault,
        case_id,
        draft.id,
        signer_id=marcia,
        signed_on=TODAY,
        method=SignatureMethod.CAPTURED,
        image=_png(),
    )
    assert first == agreements.SigningOutcome(draft.id, 1, "Marcia Bennett", False, False)
    second = agreements.sign(vault, case_id, draft.id, signer_id=lukasz, signed_on=TODAY)
    assert (second.signer_name, second.complete, second.stage_moved) == (
        "Łukasz Nowak",
        False,
        False,
    )
    last = agreements.sign(vault, case_id, draft.id, signer_id=None, signed_on=TODAY)
    assert last == agreements.SigningOutcome(draft.id, 1, "Alex Morgan", True, True)

    with vault.reader() as session:
        case = load_case(session, case_id)
        assert case.stage == Stage.FOLLOW_UP
        assert case.agreements[0].status == AgreementStatus.SIGNED
        filed = [d.kind for d in case.documents]
    assert filed == [DocumentKind.AGREEMENT_PDF], "the signed version's PDF is filed with it"


def test_a_new_version_signed_by_everyone_replaces_the_one_in_force(
    vault: Vault, neighbour_case: str
) -> None:
    draft = agreements.new_version(vault, neighbour_case)
    assert (draft.version, draft.status) == (2, AgreementStatus.DRAFT)
    assert len(draft.actions) == 4  # a copy of version 1's actions
    with vault.reader() as session:
        case = load_case(session, neighbour_case)
        version_1 = next(a for a in case.agreements if a.version == 1)
        assert draft.supersedes_id == version_1.id
        parties = [p.id for p in case.participants if p.role.is_party]
    outcomes = [
        agreements.sign(vault, neighbour_case, draft.id, signer_id=who, signed_on=TODAY)
        for who in [*parties, None]
    ]
    assert [o.complete for o in outcomes] == [False] * len(parties) + [True]
    assert not outcomes[-1].stage_moved, "the case was in follow-up already"
    with vault.reader() as session:
        statuses = {a.version: a.status for a in load_case(session, neighbour_case).agreements}
    assert statuses == {1: AgreementStatus.SUPERSEDED, 2: AgreementStatus.SIGNED}


def test_signing_refusals_carry_their_sentence(
    vault: Vault, conference_case: tuple[str, str, str]
) -> None:
    case_id, marcia, lukasz = conference_case
    empty = agreements.draft_agreement(vault, case_id, summary="Nothing agreed yet.")
    with pytest.raises(RuleViolation, match="needs at least one agreed action"):
        agreements.sign(vault, case_id, empty.id, signer_id=marcia, signed_on=TODAY)
    agreements.discard_draft(vault, case_id, empty.id)

    draft = _draft(vault, case_id, marcia, lukasz)
    with pytest.raises(ValidationError, match="signed_on: is in the future"):
        agreements.sign(vault, case_id, draft.id, signer_id=marcia, signed_on=date(2026, 12, 1))
    with pytest.raises(ValidationError, match="needs its image"):
        agreements.sign(
            vault,
            case_id,
            draft.id,
            signer_id=marcia,
            signed_on=TODAY,
            method=SignatureMethod.CAPTURED,
        )
    agreements.sign(vault, case_id, draft.id, signer_id=marcia, signed_on=TODAY)
    with pytest.raises(RuleViolation, match="Marcia Bennett has already signed"):
        agreements.sign(vault, case_id, draft.id, signer_id=marcia, signed_on=TODAY)
    with pytest.raises(NotFound, match="no longer part of RJ-"):
        agreements.sign(vault, case_id, draft.id, signer_id="nobody", signed_on=TODAY)

    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        who = next(p for p in case.participants if p.id == lukasz)
        assessment.withdraw_consent(uow, who, withdrawn_on=date(2026, 11, 18))
    with pytest.raises(RuleViolation, match="withdrew consent to take part on 18 Nov 2026"):
        agreements.sign(vault, case_id, draft.id, signer_id=lukasz, signed_on=TODAY)
    with vault.reader() as session:
        (agreement,) = load_case(session, case_id).agreements
        assert [s.signer_name for s in agreement.signatures] == ["Marcia Bennett"]


def test_discard_a_draft_but_never_a_signed_version(vault: Vault, neighbour_case: str) -> None:
    with pytest.raises(RuleViolation, match="there is no signed agreement to change"):
        with vault.unit_of_work() as uow:
            case_id = builders.referral(uow).id
        agreements.new_version(vault, case_id)
    draft = agreements.new_version(vault, neighbour_case)
    agreements.discard_draft(vault, neighbour_case, draft.id)
    with vault.reader() as session:
        (signed,) = load_case(session, neighbour_case).agreements
    assert signed.version == 1
    with pytest.raises(RuleViolation, match="version 1 of the agreement is signed"):
        agreements.discard_draft(vault, neighbour_case, signed.id)
    with pytest.raises(NotFound):
        agreements.discard_draft(vault, neighbour_case, draft.id)


def test_follow_up_an_action_of_the_signed_agreement(vault: Vault, neighbour_case: str) -> None:
    with vault.reader() as session:
        actions = [a.id for a in load_case(session, neighbour_case).agreements[0].actions]
    agreements.check_action(
        vault,
        neighbour_case,
        actions[2],
        status=ActionStatus.DONE,
        checked_on=date(2026, 11, 19),
        note="  Seen on a visit.  ",
    )
    with vault.reader() as session:
        stored = load_case(session, neighbour_case).agreements[0].actions
        assert (stored[2].status, stored[2].checked_on, stored[2].check_note) == (
            ActionStatus.DONE,
            date(2026, 11, 19),
            "Seen on a visit.",
        )
        assert stored[0].status == ActionStatus.PENDING
    with pytest.raises(ValidationError, match="checked_on: is in the future"):
        agreements.check_action(
            vault, neighbour_case, actions[0], status=ActionStatus.DONE, checked_on=date(2027, 1, 1)
        )
    with pytest.raises(NotFound, match="no longer in the agreement"):
        agreements.check_action(
            vault, neighbour_case, "no-such-action", status=ActionStatus.DONE, checked_on=TODAY
        )
    draft = agreements.new_version(vault, neighbour_case)
    with pytest.raises(RuleViolation, match="followed up once the agreement is signed"):
        agreements.check_action(
            vault, neighbour_case, draft.actions[0].id, status=ActionStatus.DONE, checked_on=TODAY
        )
