"""What participants thought of the process, and their equality monitoring (issue 16, DESIGN §11).

Both are synced like every record of a case. A participant has at most one feedback row per
moment (end of the intervention, follow-up) and at most one equality row; their ids are worked
out from the participant (``feedback_id``, ``equality_id``), so two laptops co-working a case
write the same row and the hub sees one record (a conflict if both changed it), never two.

Equality answers are special-category data: they never appear on a PDF, and ``case show --json``
leaves them out unless asked.
"""

from __future__ import annotations

import uuid
from datetime import date

from sqlalchemy import ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from rjdesk.domain.base import Base, Synced, enum_column
from rjdesk_protocol.enums import (
    AgeBand,
    Answer,
    Disability,
    Ethnicity,
    FeedbackMoment,
    GenderSameAsSex,
    Religion,
    Satisfaction,
    Sex,
    SexualOrientation,
)

# The namespace of the ids worked out from a participant's id (any fixed UUID would do).
_OUTCOMES_NAMESPACE = uuid.UUID("6f0e3c52-5a8e-4b8e-9a55-16a2c0de0016")


def feedback_id(participant_id: str, moment: FeedbackMoment) -> str:
    """The id of a participant's feedback at one moment: the same on every laptop."""
    return str(uuid.uuid5(_OUTCOMES_NAMESPACE, f"feedback:{participant_id}:{moment.value}"))


def equality_id(participant_id: str) -> str:
    """The id of a participant's equality monitoring: the same on every laptop."""
    return str(uuid.uuid5(_OUTCOMES_NAMESPACE, f"equality:{participant_id}"))


class Feedback(Synced, Base):
    """A participant's feedback at one moment. Each answer None: not asked; "declined" is an
    answer."""

    __tablename__ = "feedback"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[str] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), index=True
    )
    moment: Mapped[FeedbackMoment] = enum_column(FeedbackMoment)
    given_on: Mapped[date]
    satisfaction: Mapped[Satisfaction | None] = enum_column(Satisfaction, nullable=True)
    # "Better able to cope and recover": the victim-services outcome.
    coping: Mapped[Answer | None] = enum_column(Answer, nullable=True)
    feels_safer: Mapped[Answer | None] = enum_column(Answer, nullable=True)
    would_recommend: Mapped[Answer | None] = enum_column(Answer, nullable=True)
    comment: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("participant_id", "moment"),)


class Equality(Synced, Base):
    """A participant's equality monitoring. Each answer None: not asked; every question also
    has "prefer not to say"."""

    __tablename__ = "equality"

    case_id: Mapped[str] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[str] = mapped_column(
        ForeignKey("participant.id", ondelete="CASCADE"), unique=True
    )
    age_band: Mapped[AgeBand | None] = enum_column(AgeBand, nullable=True)
    sex: Mapped[Sex | None] = enum_column(Sex, nullable=True)
    gender_same_as_sex: Mapped[GenderSameAsSex | None] = enum_column(GenderSameAsSex, nullable=True)
    sexual_orientation: Mapped[SexualOrientation | None] = enum_column(
        SexualOrientation, nullable=True
    )
    ethnicity: Mapped[Ethnicity | None] = enum_column(Ethnicity, nullable=True)
    disability: Mapped[Disability | None] = enum_column(Disability, nullable=True)
    religion: Mapped[Religion | None] = enum_column(Religion, nullable=True)
