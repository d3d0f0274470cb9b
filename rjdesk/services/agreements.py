"""Outcome agreements: drafted, signed by everyone, then frozen; changes make a new version."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from rjdesk.documents.images import check_png
from rjdesk.domain import rules
from rjdesk.domain.models import Agreement, AgreementAction, Case, Participant, Signature
from rjdesk.services.cases import ensure_open, move_stage
from rjdesk.services.printing import file_agreement_pdf
from rjdesk.store.unit import UnitOfWork
from rjdesk_protocol.enums import (
    ActionStatus,
    AgreementStatus,
    Role,
    SignatureMethod,
    SignerCapacity,
    Stage,
)
from rjdesk_protocol.errors import RuleViolation, ValidationError


@dataclass
class ActionInput:
    """Who does what by when (no date: ongoing)."""

    description: str
    owner: Participant | None = None
    due_on: date | None = None


def _ensure_draft(agreement: Agreement) -> None:
    if agreement.status != AgreementStatus.DRAFT:
        raise RuleViolation(
            f"version {agreement.version} of the agreement is signed and cannot be changed; "
            "start a new version"
        )


def _set_actions(case: Case, agreement: Agreement, actions: Sequence[ActionInput]) -> None:
    rows = []
    for position, action in enumerate(actions, start=1):
        if not action.description.strip():
            raise ValidationError("say what will be done", field=f"actions[{position - 1}]")
        if action.owner is not None and action.owner.case is not case:
            raise RuleViolation(f"{action.owner.name} is not part of {case.reference}")
        rows.append(
            AgreementAction(
                position=position,
                owner=action.owner,
                description=action.description.strip(),
                due_on=action.due_on,
            )
        )
    agreement.actions = rows


def draft_agreement(
    uow: UnitOfWork,
    case: Case,
    *,
    actions: Sequence[ActionInput] = (),
    summary: str = "",
    agreed_on: date | None = None,
    review_on: date | None = None,
) -> Agreement:
    """Start the next version of the agreement as a draft."""
    ensure_open(case)
    latest = rules.latest_agreement(case)
    if latest is not None and latest.status == AgreementStatus.DRAFT:
        raise RuleViolation(f"version {latest.version} is still a draft: change that one")
    in_force = rules.in_force_agreement(case)
    agreement = Agreement(
        signatures=[],
        version=(latest.version + 1) if latest else 1,
        status=AgreementStatus.DRAFT,
        summary=summary.strip(),
        agreed_on=agreed_on,
        review_on=review_on,
        supersedes_id=in_force.id if in_force else None,
    )
    case.agreements.append(agreement)
    _set_actions(case, agreement, actions)
    uow.audit(
        "draft_agreement",
        entity="agreement",
        entity_id=agreement.id,
        case_reference=case.reference,
        detail=f"version {agreement.version}",
    )
    return agreement


def new_version(uow: UnitOfWork, case: Case) -> Agreement:
    """A draft copy of the agreement in force, to change and sign again."""
    in_force = rules.in_force_agreement(case)
    if in_force is None:
        raise RuleViolation("there is no signed agreement to change")
    actions = [ActionInput(a.description, a.owner, a.due_on) for a in in_force.actions]
    return draft_agreement(
        uow, case, actions=actions, summary=in_force.summary, review_on=in_force.review_on
    )


def update_draft(
    uow: UnitOfWork,
    agreement: Agreement,
    *,
    actions: Sequence[ActionInput] | None = None,
    summary: str | None = None,
    agreed_on: date | None = None,
    review_on: date | None = None,
) -> None:
    _ensure_draft(agreement)
    if agreement.signatures:
        raise RuleViolation(
            "someone has already signed this draft; changing it would change what they signed"
        )
    if summary is not None:
        agreement.summary = summary.strip()
    if agreed_on is not None:
        agreement.agreed_on = agreed_on
    if review_on is not None:
        agreement.review_on = review_on
    if actions is not None:
        _set_actions(agreement.case, agreement, actions)
    uow.audit(
        "update_agreement",
        entity="agreement",
        entity_id=agreement.id,
        case_reference=agreement.case.reference,
    )


def discard_draft(uow: UnitOfWork, agreement: Agreement) -> None:
    _ensure_draft(agreement)
    case = agreement.case
    case.agreements.remove(agreement)
    uow.audit(
        "delete_agreement",
        entity="agreement",
        entity_id=agreement.id,
        case_reference=case.reference,
        detail=f"draft version {agreement.version}",
    )


def sign_agreement(
    uow: UnitOfWork,
    agreement: Agreement,
    *,
    signer: Participant | None,
    signed_on: date,
    method: SignatureMethod = SignatureMethod.PAPER,
    image: bytes | None = None,
    file_pdf: bool = True,
) -> Signature:
    """Record one signature (``signer`` None is the facilitator). When every harmed and
    responsible party and the facilitator have signed, the version is signed and frozen, the
    version it replaces is superseded, and the case moves to follow-up.

    With ``file_pdf`` the signed version's PDF is filed on the case in the same unit of work:
    that PDF is frozen from then on (``printing.file_agreement_pdf``), so it shows the names and
    letterhead as they were when everyone signed. An imported case, signed elsewhere, passes
    False: its PDF is filed the first time it is printed."""
    case = agreement.case
    ensure_open(case)
    _ensure_draft(agreement)
    if not agreement.actions:
        raise RuleViolation("an agreement needs at least one agreed action before signing")
    if not any(contact.kind.is_intervention for contact in case.contacts):
        raise RuleViolation("no conference or shuttle work has been recorded for this case")
    if signed_on > uow.today:
        raise ValidationError("is in the future", field="signed_on")
    method = SignatureMethod(method)
    if method == SignatureMethod.CAPTURED:
        if not image:
            raise ValidationError("a captured signature needs its image (PNG)", field="image")
        problem = check_png(image)
        if problem:
            raise ValidationError(f"the captured signature {problem}", field="image")
    if any(s.participant_id == (signer.id if signer else None) for s in agreement.signatures):
        raise RuleViolation(f"{signer.name if signer else 'The facilitator'} has already signed")
    if signer is None:
        capacity, name = SignerCapacity.FACILITATOR, uow.actor.name
    else:
        if signer.case is not case:
            raise RuleViolation(f"{signer.name} is not part of {case.reference}")
        if signer.role in (Role.PROFESSIONAL, Role.INTERPRETER):
            raise RuleViolation(f"{rules.describe(signer)} does not sign the agreement")
        gaps = rules.consent_gaps(signer, signed_on)
        if gaps:
            raise RuleViolation("cannot sign: " + "; ".join(gaps))
        capacity = SignerCapacity.PARTY if signer.role.is_party else SignerCapacity.WITNESS
        name = signer.name
    signature = Signature(
        participant=signer,
        participant_id=signer.id if signer else None,
        signer_name=name,
        capacity=capacity,
        method=method,
        signed_on=signed_on,
        image=image if method == SignatureMethod.CAPTURED else None,
    )
    agreement.signatures.append(signature)
    uow.audit(
        "sign_agreement",
        entity="agreement",
        entity_id=agreement.id,
        case_reference=case.reference,
        detail=f"{capacity} signed ({method})",
    )
    if not rules.missing_signatures(case, agreement):
        _complete(uow, case, agreement, signed_on)
        if file_pdf:
            file_agreement_pdf(uow, case, agreement)
    return signature


# A withdrawal's reason goes into the case's history (the audit event): one line, bounded.
WITHDRAWAL_REASON_LIMIT = 300


def withdraw_signature(
    uow: UnitOfWork, agreement: Agreement, signature: Signature, reason: str
) -> None:
    """Take back one signature of a version not yet signed by everyone (a slip: the wrong
    person marked as signed on paper, or a signer who changed their mind before the others
    signed). The signature row goes, and so travels to the hub as a deletion; the audit event
    keeps who signed, how, and why it was withdrawn. Once everyone has signed, the version is
    the agreement in force and nothing in it changes: a change is a new version."""
    case = agreement.case
    ensure_open(case)
    if agreement.status != AgreementStatus.DRAFT:
        raise RuleViolation(
            f"everyone has signed version {agreement.version}, so its signatures stay; "
            "start a new version to change it"
        )
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError("say why the signature is withdrawn", field="reason")
    if len(reason) > WITHDRAWAL_REASON_LIMIT:
        raise ValidationError(
            f"is longer than {WITHDRAWAL_REASON_LIMIT} characters", field="reason"
        )
    agreement.signatures.remove(signature)
    uow.audit(
        "withdraw_signature",
        entity="agreement",
        entity_id=agreement.id,
        case_reference=case.reference,
        detail=f"{signature.capacity} signature ({signature.method}) of "
        f"{signature.signed_on:%d %b %Y} withdrawn: {reason}",
    )


def _complete(uow: UnitOfWork, case: Case, agreement: Agreement, signed_on: date) -> None:
    previous = rules.in_force_agreement(case)
    # The draft, its actions and signatures are written while it is still a draft: the database
    # itself refuses any action added to an agreement once it is signed.
    uow.session.flush()
    if agreement.agreed_on is None:
        agreement.agreed_on = signed_on
    agreement.status = AgreementStatus.SIGNED
    agreement.signed_at = uow.now
    if previous is not None and previous is not agreement:
        previous.status = AgreementStatus.SUPERSEDED
    uow.audit(
        "agreement_signed",
        entity="agreement",
        entity_id=agreement.id,
        case_reference=case.reference,
        detail=f"version {agreement.version}",
    )
    if case.stage.order < Stage.FOLLOW_UP.order:
        move_stage(uow, case, Stage.FOLLOW_UP, f"agreement version {agreement.version} signed")


def check_action(
    uow: UnitOfWork,
    action: AgreementAction,
    *,
    status: ActionStatus,
    checked_on: date,
    note: str = "",
) -> None:
    """Follow-up: record whether an agreed action was done, and when it was checked."""
    agreement = action.agreement
    if agreement.status == AgreementStatus.DRAFT:
        raise RuleViolation("actions are followed up once the agreement is signed")
    if checked_on > uow.today:
        raise ValidationError("is in the future", field="checked_on")
    action.status = ActionStatus(status)
    action.checked_on = checked_on
    action.check_note = note.strip()
    uow.audit(
        "check_action",
        entity="agreement_action",
        entity_id=action.id,
        case_reference=agreement.case.reference,
        detail=f"status: {action.status}",
    )
