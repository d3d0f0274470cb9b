"""The rules of the RJ process on the laptop's case file (DESIGN §2).

The rules both sides check (risk, consent, who may take part in a conference or shuttle work)
live in the protocol, written against plain facts (``rjdesk_protocol.rules``), and are
re-exported here; what follows asks about stages, agreements and the Victims' Code, written
against the laptop's facts (``rjdesk.domain.facts``), which the ORM models and the window's
frozen views both provide. Each ``*_gaps`` / ``*_blockers`` function returns the reasons
something may not happen, as sentences; an empty list means it may.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, TypeVar

from rjdesk.domain.facts import AgreementFacts, CaseFacts, ParticipantFacts
from rjdesk_protocol.enums import AgreementStatus, Stage
from rjdesk_protocol.facts import RiskAssessmentFacts
from rjdesk_protocol.rules import (
    ADULT_AGE,
    ROLE_LABELS,
    age_on,
    consent_gaps,
    describe,
    has_consent,
    intervention_blockers,
    is_parent_or_carer,
    is_under_18,
    risk_assessment_gaps,
    risk_blockers,
)
from rjdesk_protocol.victims_code import VictimsCodeStatus, victims_code_status

P = TypeVar("P", bound=ParticipantFacts)
A = TypeVar("A", bound=AgreementFacts)
# Any case, whatever its participants and agreements are.
AnyCase = CaseFacts[Any, Any]


def completed_risk_assessment(case: AnyCase, as_of: date) -> RiskAssessmentFacts | None:
    """The latest completed risk assessment made on or before ``as_of``."""
    done = [
        ra
        for ra in case.risk_assessments
        if not risk_assessment_gaps(ra) and ra.assessed_on <= as_of
    ]
    return max(done, key=lambda ra: ra.assessed_on, default=None)


# -- contacts and stages ----------------------------------------------------------------------


def parties(case: CaseFacts[P, Any]) -> list[P]:
    return [p for p in case.participants if p.role.is_party]


def _has_intervention(case: AnyCase) -> bool:
    return any(contact.kind.is_intervention for contact in case.contacts)


def latest_agreement(case: CaseFacts[Any, A]) -> A | None:
    return max(case.agreements, key=lambda a: a.version, default=None)


def in_force_agreement(case: CaseFacts[Any, A]) -> A | None:
    """The newest signed version: what the participants hold."""
    signed = [a for a in case.agreements if a.status == AgreementStatus.SIGNED]
    return max(signed, key=lambda a: a.version, default=None)


def _entry_blockers(case: AnyCase, stage: Stage, today: date) -> list[str]:
    if stage == Stage.ASSESSMENT and not parties(case):
        return ["record at least one harmed or responsible person first"]
    if stage == Stage.PREPARATION:
        return risk_blockers(case, today)
    if stage == Stage.INTERVENTION:
        blockers = risk_blockers(case, today)
        for party in parties(case):
            blockers.extend(consent_gaps(party, today))
        return blockers
    if stage == Stage.AGREEMENT and not _has_intervention(case):
        return ["no conference or shuttle work has been recorded"]
    if stage == Stage.FOLLOW_UP and in_force_agreement(case) is None:
        return ["no outcome agreement has been signed by everyone"]
    return []


def stage_change_blockers(case: AnyCase, target: Stage, today: date) -> list[str]:
    """Why the case may not move to ``target`` now. Moving back is always allowed (e.g. when
    consent is withdrawn); moving on must meet the needs of every stage passed through."""
    if case.stage == Stage.CLOSED:
        return ["the case is closed"]
    if target == Stage.CLOSED:
        return ["close a case with a reason"]
    if target.order <= case.stage.order:
        return []
    blockers: list[str] = []
    for stage in list(Stage)[case.stage.order + 1 : target.order + 1]:
        blockers.extend(b for b in _entry_blockers(case, stage, today) if b not in blockers)
    return blockers


def implied_stage(case: AnyCase) -> Stage:
    """The furthest stage the case's contents prove it has reached (used for imports)."""
    if case.closure_reason is not None:
        return Stage.CLOSED
    if in_force_agreement(case) is not None:
        return Stage.FOLLOW_UP
    if _has_intervention(case):
        return Stage.AGREEMENT
    if any(not risk_assessment_gaps(ra) for ra in case.risk_assessments):
        return Stage.PREPARATION
    # People are usually named at referral; a contact or an assessment means work has begun.
    if case.contacts or case.risk_assessments:
        return Stage.ASSESSMENT
    return Stage.REFERRAL


def stage_consistency_blockers(case: AnyCase, stage: Stage, today: date) -> list[str]:
    """Whether a stated stage agrees with the case's contents and the rules: the needs of every
    stage beyond what the contents prove must be met. An earlier stage is allowed, as in the app
    a case may move back (e.g. when consent is withdrawn)."""
    implied = implied_stage(case)
    if Stage.CLOSED in (stage, implied):
        return [] if stage == implied else ["a closed case needs its closure reason, and only then"]
    blockers: list[str] = []
    for step in list(Stage)[implied.order + 1 : stage.order + 1]:
        blockers.extend(_entry_blockers(case, step, today))
    return blockers


# -- agreements -----------------------------------------------------------------------------------


def required_signers(case: CaseFacts[P, Any]) -> list[P]:
    """Every harmed, responsible or both participant signs (and the facilitator)."""
    return parties(case)


def missing_signatures(case: AnyCase, agreement: AgreementFacts) -> list[str]:
    signed = {s.participant_id for s in agreement.signatures}
    missing = [describe(p) for p in required_signers(case) if p.id not in signed]
    if None not in signed:
        missing.append("the facilitator")
    return missing


# -- Victims' Code --------------------------------------------------------------------------------


def victims_code(case: CaseFacts[P, Any], today: date) -> list[tuple[P, VictimsCodeStatus]]:
    """The RJ information deadline of each harmed person (role harmed or both)."""
    return [
        (p, victims_code_status(case.received_on, p.rj_information_given_on, today))
        for p in case.participants
        if p.role.is_harmed
    ]


def victims_code_breached(case: AnyCase, today: date) -> bool:
    return any(status.breach for _, status in victims_code(case, today))


def names(participants: Iterable[ParticipantFacts]) -> str:
    return ", ".join(p.name for p in participants)


# The protocol's rules, re-exported: the laptop reaches every rule through this module.
__all__ = [
    "ADULT_AGE",
    "ROLE_LABELS",
    "age_on",
    "consent_gaps",
    "describe",
    "has_consent",
    "intervention_blockers",
    "is_parent_or_carer",
    "is_under_18",
    "risk_assessment_gaps",
]
