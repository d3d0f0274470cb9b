"""Demo outcomes: the returns' facts, feedback and equality monitoring of a demo case that
reached its intervention, so the window has something to show (issue 16).

Drawn from a generator of its own, seeded by the case's reference, so adding them leaves every
other demo draw (and so every other demo case) as it was."""

from __future__ import annotations

import random
from datetime import date, timedelta

from rjdesk.domain.models import Case
from rjdesk.services import outcomes
from rjdesk.store.unit import UnitOfWork
from rjdesk_protocol.enums import (
    AgeBand,
    Answer,
    CaseType,
    Disability,
    Ethnicity,
    FeedbackMoment,
    GenderSameAsSex,
    InterventionType,
    JusticeStage,
    Religion,
    Role,
    Satisfaction,
    Sex,
    SexualOrientation,
    StartedBy,
)

_CRIMES = (CaseType.CRIME, CaseType.HATE_CRIME, CaseType.OFFENDER_MANAGEMENT)
# Roughly the population of a West Midlands city, and a few "prefer not to say".
_ETHNICITIES = (
    [Ethnicity.WHITE_BRITISH] * 10
    + [Ethnicity.ASIAN_PAKISTANI] * 3
    + [Ethnicity.ASIAN_INDIAN, Ethnicity.BLACK_CARIBBEAN, Ethnicity.BLACK_AFRICAN] * 2
    + [Ethnicity.MIXED_WHITE_BLACK_CARIBBEAN, Ethnicity.WHITE_OTHER, Ethnicity.ASIAN_BANGLADESHI]
    + [Ethnicity.WHITE_IRISH, Ethnicity.OTHER_ARAB, Ethnicity.PREFER_NOT_TO_SAY]
)
_RELIGIONS = (
    [Religion.NO_RELIGION] * 5
    + [Religion.CHRISTIAN] * 5
    + [Religion.MUSLIM] * 3
    + [Religion.SIKH, Religion.HINDU, Religion.PREFER_NOT_TO_SAY]
)


def record(uow: UnitOfWork, case: Case, intervention_on: date, *, shuttle: bool) -> None:
    """Set the case's facts and record feedback and equality for some of its people."""
    rng = random.Random(case.reference)  # noqa: S311 - made-up data, not secrets
    crime = case.case_type in _CRIMES
    outcomes.set_returns_facts(
        uow,
        case,
        intervention_type=rng.choice(
            (InterventionType.SHUTTLE, InterventionType.LETTER) if shuttle else
            (InterventionType.CONFERENCE,)
        ),
        started_by=rng.choice((StartedBy.HARMED, StartedBy.RESPONSIBLE)) if crime else None,
        justice_stage=rng.choice(
            (JusticeStage.OUT_OF_COURT, JusticeStage.PRE_SENTENCE, JusticeStage.POST_SENTENCE)
        ) if crime else JusticeStage.NOT_A_CRIME,
        first_contact_attempted_on=None,
        first_contact_made_on=None,
    )  # fmt: skip
    follow_up_on = min(uow.today, intervention_on + timedelta(days=rng.randint(28, 56)))
    for participant in case.participants:
        if not outcomes.answers_outcomes(participant):
            continue
        if rng.random() < 0.7:
            equality = outcomes.EqualityAnswers(
                age_band=outcomes.age_band_from_birth(
                    participant.person.date_of_birth, case.received_on
                )
                or rng.choice(list(AgeBand)),
                sex=rng.choice((Sex.FEMALE, Sex.MALE, Sex.FEMALE, Sex.MALE, Sex.PREFER_NOT_TO_SAY)),
                gender_same_as_sex=rng.choice((GenderSameAsSex.YES,) * 8 + (GenderSameAsSex.NO,)),
                sexual_orientation=rng.choice(
                    (SexualOrientation.STRAIGHT,) * 6
                    + (SexualOrientation.GAY_OR_LESBIAN, SexualOrientation.PREFER_NOT_TO_SAY)
                ),
                ethnicity=rng.choice(_ETHNICITIES),
                disability=rng.choice((Disability.NO,) * 4 + (Disability.YES_A_LITTLE,)),
                religion=rng.choice(_RELIGIONS),
            )
            outcomes.record_equality(uow, participant, equality)
        if participant.role is Role.SUPPORTER or rng.random() < 0.3:
            continue  # not every party answers; supporters rarely asked in the demo
        happy = rng.random() < 0.8
        for moment, day in (
            (FeedbackMoment.END, intervention_on),
            (FeedbackMoment.FOLLOW_UP, follow_up_on),
        ):
            if moment is FeedbackMoment.FOLLOW_UP and (
                day <= intervention_on or rng.random() < 0.5
            ):
                break
            outcomes.record_feedback(
                uow, participant, moment, given_on=day,
                satisfaction=rng.choice(
                    (Satisfaction.FOUR, Satisfaction.FIVE) if happy else
                    (Satisfaction.TWO, Satisfaction.THREE, Satisfaction.DECLINED)
                ),
                coping=Answer.YES if happy else rng.choice(list(Answer)),
                feels_safer=rng.choice((Answer.YES, Answer.YES, Answer.NO, Answer.DECLINED)),
                would_recommend=Answer.YES if happy else rng.choice((Answer.NO, None)),
                comment=None,
            )  # fmt: skip
