"""The rules of the RJ process that the code enforces (DESIGN §2), as pure functions.

Each ``*_gaps`` / ``*_blockers`` function returns the reasons something may not happen, as
sentences naming the person and what is missing; an empty list means it may. The services raise
them as ``RuleViolation``; the importer names the field; the GUI shows them next to the button.
Everything is judged "as of" a day, so an imported history is checked at the time it happened.

The rules the hub re-checks on a merged case (``intervention_blockers``, ``consent_gaps`` and
what they call) take the plain facts of ``rjdesk_protocol.facts``, which the laptop's models and
the hub's merged records both provide.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rjdesk_protocol.enums import (
    PARENT_OR_CARER,
    ConsentScope,
    ContactKind,
    Role,
)
from rjdesk_protocol.facts import (
    CaseFacts,
    ParticipantFacts,
    PersonFacts,
    RiskAssessmentFacts,
)

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


def risk_blockers(case: CaseFacts, day: date) -> list[str]:
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


# -- interventions -------------------------------------------------------------------------


def intervention_blockers(
    case: CaseFacts, kind: ContactKind, present: Sequence[ParticipantFacts], day: date
) -> list[str]:
    """Why a conference or shuttle contact may not be recorded with these people on ``day``."""
    if not kind.is_intervention:
        return []
    blockers = risk_blockers(case, day)
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
