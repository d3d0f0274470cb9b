"""Risk assessments, consent (given and withdrawn) and safeguarding concerns."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from rjdesk.domain import rules
from rjdesk.domain.models import (
    Case,
    Consent,
    Participant,
    RiskAssessment,
    SafeguardingConcern,
)
from rjdesk.services.cases import add_flag, ensure_open
from rjdesk.store.unit import UnitOfWork
from rjdesk_protocol.enums import ConsentScope, RiskLevel, SafeguardingKind
from rjdesk_protocol.errors import RuleViolation, ValidationError


def record_risk_assessment(
    uow: UnitOfWork,
    case: Case,
    *,
    assessed_on: date,
    level: RiskLevel,
    factors: Sequence[str],
    notes: str = "",
    assessed_by: str | None = None,
) -> RiskAssessment:
    """Record a risk and safety assessment. One without factors is saved but does not count as
    completed, so it cannot open the way to a conference."""
    ensure_open(case)
    if assessed_on > uow.today:
        raise ValidationError("is in the future", field="assessed_on")
    assessment = RiskAssessment(
        assessed_on=assessed_on,
        level=RiskLevel(level),
        factors=[factor.strip() for factor in factors if factor.strip()],
        notes=notes.strip(),
        assessed_by=(assessed_by or uow.actor.name).strip(),
    )
    case.risk_assessments.append(assessment)
    latest = max(case.risk_assessments, key=lambda ra: ra.assessed_on)
    case.risk_level = latest.level
    uow.audit(
        "record_risk",
        entity="risk_assessment",
        entity_id=assessment.id,
        case_reference=case.reference,
        detail=f"level: {assessment.level}",
    )
    return assessment


def give_consent(
    uow: UnitOfWork,
    participant: Participant,
    *,
    scopes: Sequence[ConsentScope],
    given_on: date,
    given_by: Participant | None = None,
) -> list[Consent]:
    """Record informed consent for each scope. ``given_by`` is the parent or carer consenting
    for a participant under 18 (a supporter of that participant in the case)."""
    case = participant.case
    ensure_open(case)
    if not participant.role.consents:
        raise RuleViolation(
            f"{rules.describe(participant)}: professionals and interpreters attend but do not "
            "consent as participants"
        )
    if given_by is not None and not (
        rules.is_parent_or_carer(given_by) and given_by.supports is participant
    ):
        raise RuleViolation(
            f"{rules.describe(given_by)} is not recorded as a parent or carer supporting "
            f"{participant.name}"
        )
    if given_on > uow.today:
        raise ValidationError("is in the future", field="given_on")
    if not scopes:
        raise ValidationError("name at least one thing consented to", field="scope")
    consents = []
    for scope in dict.fromkeys(ConsentScope(s) for s in scopes):
        consent = Consent(scope=scope, given_on=given_on, given_by=given_by)
        participant.consents.append(consent)
        consents.append(consent)
    uow.audit(
        "give_consent",
        entity="participant",
        entity_id=participant.id,
        case_reference=case.reference,
        detail="scopes: "
        + ", ".join(c.scope for c in consents)
        + (" (parent or carer)" if given_by else ""),
    )
    return consents


def withdraw_consent(
    uow: UnitOfWork,
    participant: Participant,
    *,
    withdrawn_on: date,
    scopes: Sequence[ConsentScope] | None = None,
    note: str = "",
    given_by: Participant | None = None,
) -> list[Consent]:
    """Withdraw consent (all scopes unless named). From that day it blocks whatever needs it.
    ``given_by`` withdraws the consent a parent or carer gave, rather than the person's own."""
    case = participant.case
    ensure_open(case)
    if withdrawn_on > uow.today:
        raise ValidationError("is in the future", field="withdrawn_on")
    wanted = {ConsentScope(s) for s in scopes} if scopes else set(ConsentScope)
    withdrawn = []
    for consent in participant.consents:
        same_giver = consent.given_by is given_by
        if consent.scope in wanted and same_giver and consent.in_force_on(withdrawn_on):
            consent.withdrawn_on = withdrawn_on
            consent.withdrawal_note = note.strip()
            withdrawn.append(consent)
    if not withdrawn:
        raise RuleViolation(f"{rules.describe(participant)} has no consent in force to withdraw")
    uow.audit(
        "withdraw_consent",
        entity="participant",
        entity_id=participant.id,
        case_reference=case.reference,
        detail="scopes: " + ", ".join(c.scope for c in withdrawn),
    )
    return withdrawn


def record_safeguarding_concern(
    uow: UnitOfWork,
    case: Case,
    *,
    kind: SafeguardingKind,
    concern: str,
    action_taken: str,
    passed_to: str = "",
    participant: Participant | None = None,
    raised_at: datetime | None = None,
) -> SafeguardingConcern:
    """A safeguarding concern is its own entry with what was done about it, and flags the case.
    It may be recorded on a closed case too: a disclosure does not wait for the case file."""
    kind = SafeguardingKind(kind)
    if not concern.strip():
        raise ValidationError("describe the concern", field="concern")
    if not action_taken.strip():
        raise ValidationError(
            "record what was done (e.g. passed to the safeguarding lead)", field="action_taken"
        )
    if participant is not None and participant.case is not case:
        raise RuleViolation("that person is not part of this case")
    entry = SafeguardingConcern(
        kind=kind,
        concern=concern.strip(),
        action_taken=action_taken.strip(),
        passed_to=passed_to.strip(),
        participant_id=participant.id if participant else None,
        raised_at=raised_at or uow.now,
        recorded_by=uow.actor.name,
    )
    case.safeguarding.append(entry)
    add_flag(case, kind.flag)
    uow.audit(
        "record_safeguarding",
        entity="safeguarding_concern",
        entity_id=entry.id,
        case_reference=case.reference,
        detail=f"kind: {kind}",
    )
    return entry
