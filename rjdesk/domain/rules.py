"""The rules of the RJ process that the code enforces (DESIGN §2), as pure functions.

Each ``*_gaps`` / ``*_blockers`` function returns the reasons something may not happen, as
sentences naming the person and what is missing; an empty list means it may. The services raise
them as ``RuleViolation``; the importer names the field; the GUI shows them next to the button.
Everything is judged "as of" a day, so an imported history is checked at the time it happened.

The rules the hub re-checks on a merged case (``intervention_blockers``, ``consent_gaps`` and
what they call) take the plain facts of ``rjdesk.domain.facts``, which the laptop's models and
the hub's merged records both provide.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from rjdesk.domain.enums import (
    PARENT_OR_CARER,
    AgreementStatus,
    ConsentScope,
    ContactKind,
    Role,
    Stage,
)
from rjdesk.domain.facts import (
    CaseFacts,
    ParticipantFacts,
    PersonFacts,
    RiskAssessmentFacts,
)
from rjdesk.domain.models import Agreement, Case, Participant, RiskAssessment
from rjdesk.domain.victims_code import VictimsCodeStatus, victims_code_status

ADULT_AGE = 18

ROLE_LABELS = {
    Role.HARMED: "harmed",
    Role.RESPONSIBLE: "responsible",
    Role.BOTH: "harmed and responsible",
    Role.SUPPORTER: "supporter",
    Role.PROFESSIONAL: "professional",
    Role.INTERPRETER: "interpreter",
}


def describe(participant: ParticipantFacts) -> str:
    return f"{participant.name} ({ROLE_LABELS[participant.role]})"


def age_on(date_of_birth: date, day: date) -> int:
    before_birthday = (day.month, day.day) < (date_of_birth.month, date_of_birth.day)
    return day.year - date_of_birth.year - before_birthday


def is_under_18(person: PersonFacts | None, day: date) -> bool:
    """Unknown date of birth counts as adult: the facilitator records it when it matters."""
    if person is None:
        return False
    return person.date_of_birth is not None and age_on(person.date_of_birth, day) < ADULT_AGE


# -- risk -----------------------------------------------------------------------------------------


def risk_assessment_gaps(assessment: RiskAssessmentFacts) -> list[str]:
    """What a risk assessment lacks to count as completed: level, date, assessor, factors.

    The level and the date are required to save one at all; who assessed and the factors
    considered may still be missing from a draft or an imported record."""
    gaps = []
    if not (assessment.assessed_by or "").strip():
        gaps.append("who assessed")
    if not [factor for factor in assessment.factors or [] if factor.strip()]:
        gaps.append("the factors considered")
    return gaps


def completed_risk_assessment(case: Case, as_of: date) -> RiskAssessment | None:
    """The latest completed risk assessment made on or before ``as_of``."""
    done = [
        ra
        for ra in case.risk_assessments
        if not risk_assessment_gaps(ra) and ra.assessed_on <= as_of
    ]
    return max(done, key=lambda ra: ra.assessed_on, default=None)


def _risk_blockers(case: CaseFacts, day: date) -> list[str]:
    if any(not risk_assessment_gaps(ra) and ra.assessed_on <= day for ra in case.risk_assessments):
        return []
    return [
        f"no completed risk assessment on or before {day:%d %b %Y} "
        "(a level, the date, who assessed and the factors considered)"
    ]


# -- consent --------------------------------------------------------------------------------------


def has_consent(
    participant: ParticipantFacts, day: date, scope: ConsentScope, *, parental: bool
) -> bool:
    for consent in participant.consents:
        if consent.scope != scope or not consent.in_force_on(day):
            continue
        if not parental and consent.given_by is None:
            return True
        if parental and consent.given_by is not None and is_parent_or_carer(consent.given_by):
            return True
    return False


def is_parent_or_carer(participant: ParticipantFacts) -> bool:
    relationship = (participant.relationship_to_supported or "").strip().lower()
    return participant.role == Role.SUPPORTER and relationship in PARENT_OR_CARER


def _withdrawn(participant: ParticipantFacts, day: date, scope: ConsentScope) -> date | None:
    dates = [
        c.withdrawn_on
        for c in participant.consents
        if c.scope == scope and c.given_by is None and c.withdrawn_on and c.withdrawn_on <= day
    ]
    return max(dates, default=None)


def consent_gaps(
    participant: ParticipantFacts, day: date, scope: ConsentScope = ConsentScope.TAKE_PART
) -> list[str]:
    """Why this participant may not take part on ``day`` (professionals never need to)."""
    if not participant.role.consents:
        return []
    gaps = []
    if not has_consent(participant, day, scope, parental=False):
        withdrawn = _withdrawn(participant, day, scope)
        if withdrawn is not None:
            gaps.append(
                f"{describe(participant)} withdrew consent to take part on {withdrawn:%d %b %Y}"
            )
        else:
            gaps.append(f"{describe(participant)} has not given consent to take part")
    if is_under_18(participant.person, day) and not has_consent(
        participant, day, scope, parental=True
    ):
        gaps.append(f"{describe(participant)} is under 18 and needs a parent's or carer's consent")
    return gaps


# -- contacts and stages ----------------------------------------------------------------------


def parties(case: Case) -> list[Participant]:
    return [p for p in case.participants if p.role.is_party]


def intervention_blockers(
    case: CaseFacts, kind: ContactKind, present: Sequence[ParticipantFacts], day: date
) -> list[str]:
    """Why a conference or shuttle contact may not be recorded with these people on ``day``."""
    if not kind.is_intervention:
        return []
    blockers = _risk_blockers(case, day)
    present_parties = [p for p in present if p.role.is_party]
    if kind == ContactKind.CONFERENCE:
        harmed = {p.id for p in present_parties if p.role.is_harmed}
        responsible = {p.id for p in present_parties if p.role.is_responsible}
        if not harmed or not responsible or len(harmed | responsible) < 2:
            blockers.append(
                "a conference needs a harmed and a responsible party present (two people)"
            )
    elif not present_parties:
        blockers.append("shuttle work needs at least one harmed or responsible party")
    for participant in present:
        blockers.extend(consent_gaps(participant, day))
    return blockers


def _has_intervention(case: Case) -> bool:
    return any(contact.kind.is_intervention for contact in case.contacts)


def latest_agreement(case: Case) -> Agreement | None:
    return max(case.agreements, key=lambda a: a.version, default=None)


def in_force_agreement(case: Case) -> Agreement | None:
    """The newest signed version: what the participants hold."""
    signed = [a for a in case.agreements if a.status == AgreementStatus.SIGNED]
    return max(signed, key=lambda a: a.version, default=None)


def _entry_blockers(case: Case, stage: Stage, today: date) -> list[str]:
    if stage == Stage.ASSESSMENT and not parties(case):
        return ["record at least one harmed or responsible person first"]
    if stage == Stage.PREPARATION:
        return _risk_blockers(case, today)
    if stage == Stage.INTERVENTION:
        blockers = _risk_blockers(case, today)
        for party in parties(case):
            blockers.extend(consent_gaps(party, today))
        return blockers
    if stage == Stage.AGREEMENT and not _has_intervention(case):
        return ["no conference or shuttle work has been recorded"]
    if stage == Stage.FOLLOW_UP and in_force_agreement(case) is None:
        return ["no outcome agreement has been signed by everyone"]
    return []


def stage_change_blockers(case: Case, target: Stage, today: date) -> list[str]:
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


def implied_stage(case: Case) -> Stage:
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


def stage_consistency_blockers(case: Case, stage: Stage, today: date) -> list[str]:
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


def required_signers(case: Case) -> list[Participant]:
    """Every harmed, responsible or both participant signs (and the facilitator)."""
    return parties(case)


def missing_signatures(case: Case, agreement: Agreement) -> list[str]:
    signed = {s.participant_id for s in agreement.signatures}
    missing = [describe(p) for p in required_signers(case) if p.id not in signed]
    if None not in signed:
        missing.append("the facilitator")
    return missing


# -- Victims' Code --------------------------------------------------------------------------------


def victims_code(case: Case, today: date) -> list[tuple[Participant, VictimsCodeStatus]]:
    """The RJ information deadline of each harmed person (role harmed or both)."""
    return [
        (p, victims_code_status(case.received_on, p.rj_information_given_on, today))
        for p in case.participants
        if p.role.is_harmed
    ]


def victims_code_breached(case: Case, today: date) -> bool:
    return any(status.breach for _, status in victims_code(case, today))


def names(participants: Iterable[Participant]) -> str:
    return ", ".join(p.name for p in participants)
