"""The plan of a demo caseload: how many cases end up at each stage or closure, of which types,
from which referrers, and how old they are."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from rjdesk.demo.identities import Identities
from rjdesk_protocol.enums import CaseType, Channel, ClosureReason, ReferralSource, Stage

Outcome = Stage | ClosureReason
C, R = ClosureReason, ReferralSource


@dataclass(frozen=True)
class Shape:
    """How often a case ends up at an outcome, how old such cases are, how long closed ones
    took (days), and how many everyday contacts (updates, texts, no answers) come on top of
    the ones the process itself needs."""

    weight: int
    age: tuple[int, int]
    duration: tuple[int, int]
    extras: tuple[int, int]
    reach: int  # the furthest phase reached: 0 referral ... 5 follow-up


# The weights make a real caseload: many open cases in assessment and preparation, fewer
# further on, a good share closed.
OUTCOMES: dict[Outcome, Shape] = {
    Stage.REFERRAL: Shape(4, (1, 8), (0, 0), (0, 0), 0),
    Stage.ASSESSMENT: Shape(14, (4, 45), (0, 0), (0, 2), 1),
    Stage.PREPARATION: Shape(16, (20, 110), (0, 0), (1, 3), 2),
    Stage.INTERVENTION: Shape(6, (35, 130), (0, 0), (1, 4), 3),
    Stage.AGREEMENT: Shape(5, (45, 160), (0, 0), (2, 5), 4),
    Stage.FOLLOW_UP: Shape(9, (60, 220), (0, 0), (2, 5), 5),
    C.COMPLETED: Shape(24, (100, 730), (70, 200), (2, 6), 5),
    C.DECLINED: Shape(7, (25, 730), (10, 45), (0, 2), 2),
    C.UNSUITABLE: Shape(4, (25, 730), (15, 60), (0, 2), 1),
    C.WITHDRAWN: Shape(6, (40, 730), (30, 120), (1, 3), 3),
    C.NO_CONTACT: Shape(5, (30, 730), (20, 50), (0, 1), 1),
}

# The first cases of every run cover every case type, stage, closure reason, referral source
# and channel (and the three kinds of safeguarding concern), so even a small demo shows them all.
COVERAGE: tuple[tuple[CaseType, ReferralSource, Channel, Outcome, str], ...] = (
    (CaseType.NEIGHBOUR_DISPUTE, R.HOUSING_PROVIDER, Channel.PHONE, C.COMPLETED, "domestic_abuse"),
    (CaseType.HATE_CRIME, R.POLICE, Channel.ONLINE, Stage.PREPARATION, ""),
    (CaseType.SCHOOL_INCIDENT, R.SCHOOL, Channel.EMAIL, Stage.FOLLOW_UP, "child"),
    (CaseType.ANTI_SOCIAL_BEHAVIOUR, R.LOCAL_AUTHORITY, Channel.EMAIL, Stage.ASSESSMENT, ""),
    (CaseType.CRIME, R.YOUTH_JUSTICE, Channel.EMAIL, Stage.AGREEMENT, ""),
    (CaseType.OFFENDER_MANAGEMENT, R.PROBATION, Channel.LETTER, Stage.INTERVENTION, "adult"),
    (CaseType.NOISE_NUISANCE, R.SELF, Channel.IN_PERSON, C.DECLINED, ""),
    (CaseType.BULLYING, R.SCHOOL, Channel.PHONE, C.WITHDRAWN, ""),
    (CaseType.CRIME, R.VICTIM_SERVICES, Channel.PHONE, C.UNSUITABLE, ""),
    (CaseType.COMMUNITY_INITIATIVE, R.OTHER, Channel.IN_PERSON, Stage.REFERRAL, ""),
    (CaseType.OTHER, R.SELF, Channel.PHONE, C.NO_CONTACT, ""),
)
CASE_TYPES = dict(zip(CaseType, (20, 13, 17, 8, 9, 9, 8, 7, 3, 6), strict=True))
SOURCES: dict[CaseType, dict[ReferralSource, int]] = {
    CaseType.NEIGHBOUR_DISPUTE: {R.HOUSING_PROVIDER: 5, R.POLICE: 2, R.SELF: 2},
    CaseType.ANTI_SOCIAL_BEHAVIOUR: {R.POLICE: 4, R.HOUSING_PROVIDER: 3, R.LOCAL_AUTHORITY: 3},
    CaseType.CRIME: {R.POLICE: 6, R.YOUTH_JUSTICE: 2, R.VICTIM_SERVICES: 2, R.SELF: 1},
    CaseType.HATE_CRIME: {R.POLICE: 6, R.VICTIM_SERVICES: 2, R.YOUTH_JUSTICE: 1, R.OTHER: 1},
    CaseType.NOISE_NUISANCE: {R.LOCAL_AUTHORITY: 4, R.HOUSING_PROVIDER: 3, R.SELF: 2},
    CaseType.SCHOOL_INCIDENT: {R.SCHOOL: 8, R.YOUTH_JUSTICE: 1},
    CaseType.BULLYING: {R.SCHOOL: 6, R.SELF: 2, R.OTHER: 1},
    CaseType.OFFENDER_MANAGEMENT: {R.PROBATION: 7, R.VICTIM_SERVICES: 2, R.YOUTH_JUSTICE: 1},
    CaseType.COMMUNITY_INITIATIVE: {R.LOCAL_AUTHORITY: 3, R.OTHER: 4, R.POLICE: 1},
    CaseType.OTHER: {R.SELF: 3, R.OTHER: 3, R.LOCAL_AUTHORITY: 1},
}
CHANNELS = {Channel.PHONE: 4, Channel.EMAIL: 4, Channel.ONLINE: 2, Channel.IN_PERSON: 1,
            Channel.LETTER: 1}  # fmt: skip
# Which professionals join a case referred by this source (see PROFESSIONALS).
SOURCE_PROFESSIONALS = {R.POLICE: "police", R.HOUSING_PROVIDER: "housing",
                        R.PROBATION: "probation", R.VICTIM_SERVICES: "victim",
                        R.YOUTH_JUSTICE: "youth", R.SCHOOL: "school"}  # fmt: skip


@dataclass
class Plan:
    """Where one case will end up, and when it came in."""

    case_type: CaseType
    outcome: Outcome
    received_on: date
    end: date  # the day of the last piece of work (the closing day for closed cases)
    source: ReferralSource | None = None
    channel: Channel | None = None
    safeguarding: str = ""  # "", "any" or a SafeguardingKind value
    repeat: bool = False  # a person from an earlier case comes back


def plan_caseload(ids: Identities, last_day: date, count: int) -> list[Plan]:
    """``count`` cases shaped like a real caseload (see OUTCOMES), oldest referral first."""
    rng, pick, plans = ids.rng, ids.pick, []
    outcomes = {outcome: shape.weight for outcome, shape in OUTCOMES.items()}
    for index in range(count):
        if index < len(COVERAGE):
            case_type, source, channel, outcome, safeguarding = COVERAGE[index]
        else:
            case_type, outcome = pick(CASE_TYPES), pick(outcomes)
            source, channel = None, None
            safeguarding = "any" if rng.random() < 0.07 else ""
        shape = OUTCOMES[outcome]
        received = last_day - timedelta(rng.randint(*shape.age))
        if isinstance(outcome, ClosureReason):
            end = min(received + timedelta(rng.randint(*shape.duration)), last_day)
        else:  # open cases were worked on recently
            end = last_day - timedelta(rng.randint(0, min(7, (last_day - received).days // 3)))
        plans.append(Plan(case_type, outcome, received, end, source, channel, safeguarding))
    # Cases are entered in the order the referrals came in, so people seen in earlier cases
    # can come back in later ones ("revolving door").
    plans.sort(key=lambda plan: plan.received_on)
    for index, plan in enumerate(plans):
        plan.repeat = index >= 5 and (rng.random() < 0.05 or index == count * 2 // 3)
    return plans
