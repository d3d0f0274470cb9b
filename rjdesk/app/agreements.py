"""Outcome agreements for the window and the CLI: draft, change, discard, sign, follow up.

Each function owns its unit of work and answers with frozen views: the rules (a signed version
never changes, who must sign, when the case moves to follow-up) stay in
``rjdesk.services.agreements``; a refusal is the service's typed error, carrying its sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rjdesk.app.view_builders import agreement_view, participant_views
from rjdesk.app.views import AgreementView
from rjdesk.domain.models import Agreement, AgreementAction, Case
from rjdesk.services import agreements as service
from rjdesk.services.cases import load_case, participant_of
from rjdesk.store.unit import UnitOfWork
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import ActionStatus, AgreementStatus, SignatureMethod
from rjdesk_protocol.errors import NotFound


@dataclass(frozen=True)
class ActionDraft:
    """One agreed action as typed: what, who does it (a participant's id, or None for the
    facilitator), and by when (None: ongoing)."""

    description: str
    owner_id: str | None = None
    due_on: date | None = None


@dataclass(frozen=True)
class SigningOutcome:
    """What one signature did: the version signed, whether everyone has now signed it (it is
    then the agreement in force), and whether the case moved stage (to follow-up) with it."""

    agreement_id: str
    version: int
    signer_name: str
    complete: bool
    stage_moved: bool


# -- finding things in a case loaded in the unit of work ------------------------------------------


def _agreement(case: Case, agreement_id: str) -> Agreement:
    found = next((a for a in case.agreements if a.id == agreement_id), None)
    if found is None:
        raise NotFound("that version of the agreement is no longer on the case")
    return found


def _action(case: Case, action_id: str) -> AgreementAction:
    found = next((a for ag in case.agreements for a in ag.actions if a.id == action_id), None)
    if found is None:
        raise NotFound("that action is no longer in the agreement")
    return found


def _inputs(case: Case, actions: Sequence[ActionDraft]) -> list[service.ActionInput]:
    return [
        service.ActionInput(
            action.description,
            participant_of(case, action.owner_id) if action.owner_id else None,
            action.due_on,
        )
        for action in actions
    ]


def _view(uow: UnitOfWork, case: Case, agreement: Agreement) -> AgreementView:
    # Flushed first, so that the new actions' owners and ids are what the view reads.
    uow.session.flush()
    return agreement_view(case, agreement, participant_views(case.participants))


# -- writing ------------------------------------------------------------------------------------


def draft_agreement(
    vault: Vault,
    case_id: str,
    *,
    actions: Sequence[ActionDraft] = (),
    summary: str = "",
    agreed_on: date | None = None,
    review_on: date | None = None,
) -> AgreementView:
    """Save the first draft of the next version of the case's agreement."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        agreement = service.draft_agreement(
            uow,
            case,
            actions=_inputs(case, actions),
            summary=summary,
            agreed_on=agreed_on,
            review_on=review_on,
        )
        return _view(uow, case, agreement)


def update_draft(
    vault: Vault,
    case_id: str,
    agreement_id: str,
    *,
    actions: Sequence[ActionDraft] | None = None,
    summary: str | None = None,
    agreed_on: date | None = None,
    review_on: date | None = None,
) -> AgreementView:
    """Save changes to a draft nobody has signed yet (None: leave that part as it is)."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        agreement = _agreement(case, agreement_id)
        service.update_draft(
            uow,
            agreement,
            actions=None if actions is None else _inputs(case, actions),
            summary=summary,
            agreed_on=agreed_on,
            review_on=review_on,
        )
        return _view(uow, case, agreement)


def new_version(vault: Vault, case_id: str) -> AgreementView:
    """A draft copy of the agreement in force, to change and sign again."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        return _view(uow, case, service.new_version(uow, case))


def discard_draft(vault: Vault, case_id: str, agreement_id: str) -> None:
    """Delete a draft version, with its actions and any signatures (a signed one stays)."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        service.discard_draft(uow, _agreement(case, agreement_id))


def sign(
    vault: Vault,
    case_id: str,
    agreement_id: str,
    *,
    signer_id: str | None,
    signed_on: date,
    method: SignatureMethod = SignatureMethod.PAPER,
    image: bytes | None = None,
) -> SigningOutcome:
    """Record one signature (``signer_id`` None: the facilitator), on screen (``image``, a
    PNG) or on paper. The last signature needed makes the version the agreement in force."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        agreement = _agreement(case, agreement_id)
        signer = participant_of(case, signer_id) if signer_id else None
        stage = case.stage
        signature = service.sign_agreement(
            uow, agreement, signer=signer, signed_on=signed_on, method=method, image=image
        )
        return SigningOutcome(
            agreement_id=agreement.id,
            version=agreement.version,
            signer_name=signature.signer_name,
            complete=agreement.status == AgreementStatus.SIGNED,
            stage_moved=case.stage != stage,
        )


def withdraw_signature(vault: Vault, case_id: str, signature_id: str, *, reason: str) -> None:
    """Take back one signature, with the reason, while the version still waits for others'
    (a version everyone has signed is the agreement in force and keeps its signatures)."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        found = next(
            (
                (agreement, signature)
                for agreement in case.agreements
                for signature in agreement.signatures
                if signature.id == signature_id
            ),
            None,
        )
        if found is None:
            raise NotFound("that signature is no longer on the agreement")
        service.withdraw_signature(uow, found[0], found[1], reason)


def check_action(
    vault: Vault,
    case_id: str,
    action_id: str,
    *,
    status: ActionStatus,
    checked_on: date,
    note: str = "",
) -> None:
    """Follow-up of a signed agreement: whether an action was done, and when that was checked."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        service.check_action(
            uow, _action(case, action_id), status=status, checked_on=checked_on, note=note
        )
