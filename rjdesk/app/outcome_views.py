"""Frozen views of a case's outcomes: the returns' facts, and each answering participant's
feedback and equality monitoring (built by ``rjdesk.app.outcomes``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from rjdesk_protocol.enums import (
    AgeBand,
    Answer,
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


@dataclass(frozen=True, slots=True)
class WorkedOutDate:
    """A date the contacts answer unless the facilitator corrected it: ``recorded`` (the
    correction, or None), ``worked_out`` (from the contacts, or None), ``shown`` (the one that
    counts: the correction when there is one)."""

    recorded: date | None
    worked_out: date | None

    @property
    def shown(self) -> date | None:
        return self.recorded if self.recorded is not None else self.worked_out

    @property
    def corrected(self) -> bool:
        return self.recorded is not None


@dataclass(frozen=True, slots=True)
class FeedbackView:
    id: str
    participant_id: str
    moment: FeedbackMoment
    given_on: date
    satisfaction: Satisfaction | None  # None: not asked
    coping: Answer | None  # "better able to cope and recover"
    feels_safer: Answer | None
    would_recommend: Answer | None
    comment: str | None
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class EqualityView:
    """A participant's equality monitoring: each answer None when not asked; ``recorded``
    False when nothing has been. ``age_band_from_birth`` is the band of their age on the day
    the case was received, from their date of birth (None without one): the form's default."""

    participant_id: str
    recorded: bool
    age_band: AgeBand | None
    sex: Sex | None
    gender_same_as_sex: GenderSameAsSex | None
    sexual_orientation: SexualOrientation | None
    ethnicity: Ethnicity | None
    disability: Disability | None
    religion: Religion | None
    age_band_from_birth: AgeBand | None

    @property
    def age_band_shown(self) -> AgeBand | None:
        """The answer when given, else the band worked out from the date of birth."""
        return self.age_band if self.age_band is not None else self.age_band_from_birth


@dataclass(frozen=True, slots=True)
class ParticipantOutcomesView:
    """One participant who is asked (a party or a supporter) and what they answered."""

    participant_id: str
    name: str
    role: Role
    feedback: tuple[FeedbackView, ...]  # those recorded, end first
    equality: EqualityView

    def feedback_at(self, moment: FeedbackMoment) -> FeedbackView | None:
        return next((f for f in self.feedback if f.moment is moment), None)


@dataclass(frozen=True, slots=True)
class OutcomesView:
    case_id: str
    reference: str
    received_on: date
    closed: bool
    intervention_type: InterventionType | None
    started_by: StartedBy | None
    justice_stage: JusticeStage | None
    first_contact_attempted: WorkedOutDate
    first_contact_made: WorkedOutDate
    participants: tuple[ParticipantOutcomesView, ...]
    today: date

    def participant(self, participant_id: str) -> ParticipantOutcomesView:
        return next(p for p in self.participants if p.participant_id == participant_id)
