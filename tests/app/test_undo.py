"""Mistakes that can be put right, through rjdesk.app (issue 13): a signature withdrawn with a
reason while the version waits for others, and a closed case reopened with a reason. Real
vaults."""

from __future__ import annotations

from datetime import date

import pytest

from rjdesk.app import agreements, closing, history
from rjdesk.app.cases import open_case
from rjdesk.app.views import CaseView
from rjdesk.domain.models import AuditEvent
from rjdesk.services import importer
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import (
    ActionStatus,
    AgreementStatus,
    ClosureReason,
    Role,
    Stage,
)
from rjdesk_protocol.errors import NotFound, RuleViolation, ValidationError
from tests.conftest import NEIGHBOUR_DISPUTE, TODAY
from tests.services import builders


@pytest.fixture
def draft_case(vault: Vault) -> tuple[str, str, str, str]:
    """A conference recorded and a draft agreement: case id, draft id, Marcia's and Łukasz's."""
    with vault.unit_of_work() as uow:
        case, marcia, lukasz = builders.ready_for_conference(uow)
        builders.conference(uow, case, marcia, lukasz)
        uow.session.flush()
        case_id, marcia_id, lukasz_id = case.id, marcia.id, lukasz.id
    draft = agreements.draft_agreement(
        vault, case_id, actions=[agreements.ActionDraft("Keep music down after 11pm.", lukasz_id)]
    )
    return case_id, draft.id, marcia_id, lukasz_id


def _signature_ids(vault: Vault, case_id: str) -> dict[str | None, str]:
    with vault.reader() as session:
        case = load_case(session, case_id)
        return {s.participant_id: s.id for a in case.agreements for s in a.signatures}


def _case(vault: Vault, case_id: str) -> CaseView:
    return open_case(vault, case_id, TODAY, viewed=False).case


def _audit(vault: Vault, action: str) -> list[AuditEvent]:
    with vault.reader() as session:
        query = session.query(AuditEvent).where(AuditEvent.action == action)
        return list(query.order_by(AuditEvent.id))


def test_a_signature_is_withdrawn_with_its_reason_in_the_case_history(
    vault: Vault, draft_case: tuple[str, str, str, str]
) -> None:
    case_id, draft_id, marcia, lukasz = draft_case
    agreements.sign(vault, case_id, draft_id, signer_id=marcia, signed_on=TODAY)
    agreements.sign(vault, case_id, draft_id, signer_id=lukasz, signed_on=TODAY)
    wrong = _signature_ids(vault, case_id)[lukasz]

    agreements.withdraw_signature(
        vault, case_id, wrong, reason="  Marked by mistake:\nŁukasz has not signed yet. "
    )

    assert set(_signature_ids(vault, case_id)) == {marcia}
    (event,) = _audit(vault, "withdraw_signature")
    assert event.entity_id == draft_id
    assert event.detail.endswith("withdrawn: Marked by mistake: Łukasz has not signed yet.")
    reference = _case(vault, case_id).reference
    newest = history.case_events(vault, reference)[0]
    assert newest.what == "Signature withdrawn"
    assert "(on paper)" in newest.detail and "Marked by mistake" in newest.detail
    # Łukasz can sign again, and the version completes as before.
    agreements.sign(vault, case_id, draft_id, signer_id=lukasz, signed_on=TODAY)
    done = agreements.sign(vault, case_id, draft_id, signer_id=None, signed_on=TODAY)
    assert done.complete and done.stage_moved


def test_a_withdrawal_needs_a_reason_and_a_signature_still_there(
    vault: Vault, draft_case: tuple[str, str, str, str]
) -> None:
    case_id, draft_id, marcia, _lukasz = draft_case
    agreements.sign(vault, case_id, draft_id, signer_id=marcia, signed_on=TODAY)
    signature = _signature_ids(vault, case_id)[marcia]
    with pytest.raises(ValidationError) as empty:
        agreements.withdraw_signature(vault, case_id, signature, reason="  \n ")
    assert empty.value.field == "reason"
    with pytest.raises(ValidationError, match="longer than"):
        agreements.withdraw_signature(vault, case_id, signature, reason="x" * 301)
    assert _signature_ids(vault, case_id) == {marcia: signature}
    assert _audit(vault, "withdraw_signature") == []
    with pytest.raises(NotFound, match="no longer on the agreement"):
        agreements.withdraw_signature(vault, case_id, "no-such-signature", reason="Slip")


def test_once_everyone_has_signed_no_signature_is_withdrawn(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case_id = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).id
    ids = _signature_ids(vault, case_id)
    assert ids
    with pytest.raises(RuleViolation, match="start a new version"):
        agreements.withdraw_signature(vault, case_id, next(iter(ids.values())), reason="Slip")
    assert _signature_ids(vault, case_id) == ids


def test_a_reopened_case_returns_to_its_stage_and_keeps_its_signed_agreement(
    vault: Vault,
) -> None:
    with vault.unit_of_work() as uow:
        case_id = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).id
    before = _case(vault, case_id)
    assert before.stage == Stage.FOLLOW_UP
    assert before.in_force_agreement is not None
    signed = before.in_force_agreement
    closing.close_case(vault, case_id, ClosureReason.COMPLETED, closed_on=TODAY)

    back = closing.reopen_case(vault, case_id, "  Lukasz asked for a review\nof the bins. ")

    assert back == Stage.FOLLOW_UP
    case = _case(vault, case_id)
    assert (case.stage, case.closure_reason, case.closed_on) == (Stage.FOLLOW_UP, None, None)
    last = case.stage_changes[-1]
    assert (last.from_stage, last.to_stage) == (Stage.CLOSED, Stage.FOLLOW_UP)
    assert last.note == "reopened: Lukasz asked for a review of the bins."
    agreement = case.in_force_agreement
    assert agreement is not None
    assert (agreement.id, agreement.version, agreement.status) == (
        signed.id,
        signed.version,
        AgreementStatus.SIGNED,
    )
    assert [s.id for s in agreement.signatures] == [s.id for s in signed.signatures]
    assert agreement.signed_at == signed.signed_at
    (event,) = _audit(vault, "reopen_case")
    assert event.detail == "closed -> follow_up"
    assert history.case_events(vault, case.reference)[0].what == "Case reopened"
    # Open again: it can be worked and closed again.
    closing.close_case(vault, case_id, ClosureReason.WITHDRAWN, closed_on=TODAY)
    assert _case(vault, case_id).stage == Stage.CLOSED


def test_an_early_closure_reopens_where_it_was(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = builders.referral(uow)
        builders.person(uow, case, "Marcia Bennett", Role.BOTH)
        case_id = case.id
    closing.change_stage(vault, case_id, Stage.ASSESSMENT)
    closing.close_case(vault, case_id, ClosureReason.DECLINED, closed_on=date(2026, 11, 2))
    assert closing.reopen_case(vault, case_id, "She phoned back") == Stage.ASSESSMENT


def test_reopening_needs_a_reason_and_a_closed_case(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case_id = builders.referral(uow).id
    with pytest.raises(RuleViolation, match="is not closed"):
        closing.reopen_case(vault, case_id, "Why not")
    closing.close_case(vault, case_id, ClosureReason.NO_CONTACT)
    with pytest.raises(ValidationError) as empty:
        closing.reopen_case(vault, case_id, " ")
    assert empty.value.field == "reason"
    assert _case(vault, case_id).stage == Stage.CLOSED
    assert _audit(vault, "reopen_case") == []


def test_closing_warns_of_the_actions_still_pending(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case_id = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).id
    case = _case(vault, case_id)
    assert case.in_force_agreement is not None
    actions = case.in_force_agreement.actions
    pending = sum(1 for a in actions if a.status == ActionStatus.PENDING)
    assert closing.pending_actions(case) == (pending, len(actions))
    for action in actions[1:]:
        agreements.check_action(
            vault, case_id, action.id, status=ActionStatus.DONE, checked_on=TODAY
        )
    case = _case(vault, case_id)
    warning = closing.pending_warning(case)
    assert warning.startswith(f"1 of {len(actions)} agreed actions is still pending")
    agreements.check_action(
        vault, case_id, actions[0].id, status=ActionStatus.NOT_DONE, checked_on=TODAY
    )
    assert closing.pending_warning(_case(vault, case_id)) == ""
