"""Outcomes (issue 16): the facts of a case the funders' returns count, and each participant's
feedback and equality monitoring. The only door the window uses for them.

Each function owns its unit of work and returns a frozen view, or raises the typed refusal the
services raise (``RuleViolation``, ``ValidationError``, ``NotFound``) with its sentence. Who is
asked, and how first contact is worked out from the contacts, is said in
``rjdesk.services.outcomes``.
"""

from __future__ import annotations

from datetime import date

from rjdesk.app.outcome_views import (
    EqualityView,
    FeedbackView,
    OutcomesView,
    ParticipantOutcomesView,
    WorkedOutDate,
)
from rjdesk.domain.models import Case, Participant
from rjdesk.domain.outcome_models import Feedback
from rjdesk.services import outcomes
from rjdesk.services.cases import load_case, participant_of
from rjdesk.services.outcomes import EQUALITY_FIELDS, EqualityAnswers
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import (
    Answer,
    FeedbackMoment,
    InterventionType,
    JusticeStage,
    Satisfaction,
    Stage,
    StartedBy,
)

__all__ = [
    "EQUALITY_WHY",
    "EqualityAnswers",
    "EqualityView",
    "FeedbackView",
    "OutcomesView",
    "ParticipantOutcomesView",
    "WorkedOutDate",
    "outcomes_of",
    "record_equality",
    "record_feedback",
    "set_returns_facts",
]

# The one line that tells a participant why equality questions are asked.
EQUALITY_WHY = (
    "These questions are optional: your answers help us check that restorative justice is "
    "offered fairly to everyone. They are kept securely, never printed, and reported only as "
    "anonymous totals."
)


def outcomes_of(vault: Vault, case_id: str, today: date) -> OutcomesView:
    """The case's returns facts and, for each party and supporter, their feedback and
    equality monitoring."""
    with vault.reader() as session:
        return _outcomes_view(load_case(session, case_id), today)


def record_feedback(
    vault: Vault,
    case_id: str,
    participant_id: str,
    moment: FeedbackMoment,
    *,
    given_on: date,
    satisfaction: Satisfaction | None,
    coping: Answer | None,
    feels_safer: Answer | None,
    would_recommend: Answer | None,
    comment: str | None,
) -> FeedbackView:
    """Record or change a participant's feedback at the end of the intervention or at
    follow-up (one each); a question left None was not asked."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        found = outcomes.record_feedback(
            uow, participant_of(case, participant_id), moment, given_on=given_on,
            satisfaction=satisfaction, coping=coping, feels_safer=feels_safer,
            would_recommend=would_recommend, comment=comment,
        )  # fmt: skip
        uow.session.flush()
        return _feedback_view(found)


def record_equality(
    vault: Vault, case_id: str, participant_id: str, answers: EqualityAnswers
) -> EqualityView:
    """Record or change a participant's equality monitoring; all answers None clears it."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        participant = participant_of(case, participant_id)
        outcomes.record_equality(uow, participant, answers)
        return _equality_view(participant, case)


def set_returns_facts(
    vault: Vault,
    case_id: str,
    *,
    intervention_type: InterventionType | None,
    started_by: StartedBy | None,
    justice_stage: JusticeStage | None,
    first_contact_attempted_on: date | None,
    first_contact_made_on: date | None,
) -> OutcomesView:
    """Set what the returns count of the case; a first contact date left None is worked out
    from the contacts."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        outcomes.set_returns_facts(
            uow, case, intervention_type=intervention_type, started_by=started_by,
            justice_stage=justice_stage, first_contact_attempted_on=first_contact_attempted_on,
            first_contact_made_on=first_contact_made_on,
        )  # fmt: skip
        return _outcomes_view(case, uow.today)


# -- views -------------------------------------------------------------------------------------


def _outcomes_view(case: Case, today: date) -> OutcomesView:
    attempted, made = outcomes.first_contacts(case)
    return OutcomesView(
        case_id=case.id,
        reference=case.reference,
        received_on=case.received_on,
        closed=case.stage is Stage.CLOSED,
        intervention_type=case.intervention_type,
        started_by=case.started_by,
        justice_stage=case.justice_stage,
        first_contact_attempted=WorkedOutDate(case.first_contact_attempted_on, attempted),
        first_contact_made=WorkedOutDate(case.first_contact_made_on, made),
        participants=tuple(
            ParticipantOutcomesView(
                participant_id=p.id,
                name=p.name,
                role=p.role,
                feedback=tuple(
                    _feedback_view(f)
                    for f in sorted(p.feedback, key=lambda f: list(FeedbackMoment).index(f.moment))
                ),
                equality=_equality_view(p, case),
            )
            for p in case.participants
            if outcomes.answers_outcomes(p)
        ),
        today=today,
    )


def _feedback_view(found: Feedback) -> FeedbackView:
    return FeedbackView(
        id=found.id,
        participant_id=found.participant_id,
        moment=found.moment,
        given_on=found.given_on,
        satisfaction=found.satisfaction,
        coping=found.coping,
        feels_safer=found.feels_safer,
        would_recommend=found.would_recommend,
        comment=found.comment,
        updated_at=found.updated_at,
    )


def _equality_view(participant: Participant, case: Case) -> EqualityView:
    found = participant.equality
    answers = {name: getattr(found, name) if found else None for name in EQUALITY_FIELDS}
    return EqualityView(
        participant_id=participant.id,
        recorded=found is not None,
        age_band_from_birth=outcomes.age_band_from_birth(
            participant.person.date_of_birth, case.received_on
        ),
        **answers,
    )
