"""Outcomes (issue 16, DESIGN §11): participants' feedback, their equality monitoring, and the
facts of a case the funders' returns count (first contact, intervention type, who started it,
stage in the justice system).

Who answers: the parties (harmed, responsible, both) and their supporters. Professionals and
interpreters attend in a working capacity; they are not asked for feedback or equality data.

First contact, worked out from the contacts (a recorded date corrects it):
- attempted: the earliest contact of any kind (a letter, a call that went unanswered...);
- made: the earliest contact at which a party (harmed, responsible or both) was present.

These are monitoring records, not casework: they may still be recorded once a case is closed
(follow-up feedback and the returns' facts often come in at the very end).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import UTC, date
from enum import StrEnum
from typing import TypeVar

from rjdesk.domain import rules
from rjdesk.domain.models import Case, Participant
from rjdesk.domain.outcome_models import Equality, Feedback, equality_id, feedback_id
from rjdesk.store.unit import UnitOfWork
from rjdesk_protocol.calendar import LONDON
from rjdesk_protocol.characters import CONTROLS_BUT_LINE_BREAKS, SURROGATES
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
from rjdesk_protocol.errors import RuleViolation, ValidationError
from rjdesk_protocol.outcomes import ContactSeen, age_band, first_contact
from rjdesk_protocol.schema import NOTE

E = TypeVar("E", bound=StrEnum)

# What a multi-line comment may not hold (the record schema refuses it too).
_NOT_TEXT = re.compile(f"[{CONTROLS_BUT_LINE_BREAKS}{SURROGATES}]")
# Who is asked for feedback and equality monitoring.
ANSWERING_ROLES = frozenset({Role.HARMED, Role.RESPONSIBLE, Role.BOTH, Role.SUPPORTER})


@dataclass(frozen=True)
class EqualityAnswers:
    """A participant's equality answers; each None: not asked (every question also has
    "prefer not to say"). All None clears the monitoring."""

    age_band: AgeBand | None = None
    sex: Sex | None = None
    gender_same_as_sex: GenderSameAsSex | None = None
    sexual_orientation: SexualOrientation | None = None
    ethnicity: Ethnicity | None = None
    disability: Disability | None = None
    religion: Religion | None = None

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))


EQUALITY_FIELDS = tuple(f.name for f in fields(EqualityAnswers))
_EQUALITY_KINDS: dict[str, type[StrEnum]] = {
    "age_band": AgeBand,
    "sex": Sex,
    "gender_same_as_sex": GenderSameAsSex,
    "sexual_orientation": SexualOrientation,
    "ethnicity": Ethnicity,
    "disability": Disability,
    "religion": Religion,
}


def equality_answers(values: Mapping[str, str | None]) -> EqualityAnswers:
    """Equality answers from their codes (a case file's, a record's); a missing one: None."""

    def code(name: str, kind: type[E]) -> E | None:
        value = values.get(name)
        return None if value is None else kind(value)

    return EqualityAnswers(
        age_band=code("age_band", AgeBand),
        sex=code("sex", Sex),
        gender_same_as_sex=code("gender_same_as_sex", GenderSameAsSex),
        sexual_orientation=code("sexual_orientation", SexualOrientation),
        ethnicity=code("ethnicity", Ethnicity),
        disability=code("disability", Disability),
        religion=code("religion", Religion),
    )


def answers_outcomes(participant: Participant) -> bool:
    """Whether this participant is asked for feedback and equality monitoring."""
    return participant.role in ANSWERING_ROLES


def age_band_from_birth(date_of_birth: date | None, received_on: date) -> AgeBand | None:
    """The band of someone's age on the day the case was received; None without a birth date."""
    if date_of_birth is None or date_of_birth > received_on:
        return None
    return age_band(date_of_birth, received_on)


def first_contacts(case: Case) -> tuple[date | None, date | None]:
    """The first contact attempted and made as the case's contacts say (London dates), by the
    rule the hub's returns use too (``rjdesk_protocol.outcomes.first_contact``)."""
    seen = [
        ContactSeen(
            (contact.at if contact.at.tzinfo else contact.at.replace(tzinfo=UTC))
            .astimezone(LONDON)
            .date(),
            [p.id for p in contact.present if p.role.is_party],
        )
        for contact in case.contacts
    ]
    parties = {p.id for contact in case.contacts for p in contact.present if p.role.is_party}
    first = first_contact(seen, parties)
    return first.attempted_on, first.made_on


def _asked(participant: Participant, what: str) -> None:
    if not answers_outcomes(participant):
        raise RuleViolation(
            f"{rules.describe(participant)} takes part in a working capacity: {what} is asked "
            "of the parties and their supporters only"
        )


def record_feedback(
    uow: UnitOfWork,
    participant: Participant,
    moment: FeedbackMoment,
    *,
    given_on: date,
    satisfaction: Satisfaction | None,
    coping: Answer | None,
    feels_safer: Answer | None,
    would_recommend: Answer | None,
    comment: str | None,
) -> Feedback:
    """Record (or change) a participant's feedback at one moment."""
    case = participant.case
    _asked(participant, "feedback")
    moment = FeedbackMoment(moment)
    if given_on > uow.today:
        raise ValidationError("is in the future", field="given_on")
    if given_on < case.received_on:
        raise ValidationError(
            f"is before the case was received ({case.received_on:%d %B %Y})", field="given_on"
        )
    text = (comment or "").strip() or None
    if text is not None and len(text) > NOTE:
        raise ValidationError(f"is longer than {NOTE:,} characters", field="comment")
    if text is not None and _NOT_TEXT.search(text):
        raise ValidationError("holds a control character", field="comment")
    answers = (satisfaction, coping, feels_safer, would_recommend)
    if all(answer is None for answer in answers) and text is None:
        raise ValidationError(
            'no answer was recorded: choose "declined to answer" where they declined',
            field="satisfaction",
        )
    found = next((f for f in participant.feedback if f.moment is moment), None)
    if found is None:
        found = Feedback(
            id=feedback_id(participant.id, moment),
            case_id=case.id,
            participant_id=participant.id,
            moment=moment,
        )
        participant.feedback.append(found)
    found.given_on = given_on
    found.satisfaction = None if satisfaction is None else Satisfaction(satisfaction)
    found.coping = None if coping is None else Answer(coping)
    found.feels_safer = None if feels_safer is None else Answer(feels_safer)
    found.would_recommend = None if would_recommend is None else Answer(would_recommend)
    found.comment = text
    uow.audit(
        "record_feedback",
        entity="feedback",
        entity_id=found.id,
        case_reference=case.reference,
        detail=f"moment: {moment.value}",
    )
    return found


def record_equality(
    uow: UnitOfWork, participant: Participant, answers: EqualityAnswers
) -> Equality | None:
    """Record (or change) a participant's equality monitoring; all answers None clears it
    (the row is deleted). The audit log names the record, never an answer."""
    case = participant.case
    _asked(participant, "equality monitoring")
    if answers.is_empty():
        if participant.equality is not None:
            cleared = participant.equality.id
            participant.equality = None
            uow.audit(
                "clear_equality", entity="equality", entity_id=cleared,
                case_reference=case.reference,
            )  # fmt: skip
        return None
    found = participant.equality
    if found is None:
        found = Equality(
            id=equality_id(participant.id), case_id=case.id, participant_id=participant.id
        )
        participant.equality = found
    for name, kind in _EQUALITY_KINDS.items():
        value = getattr(answers, name)
        setattr(found, name, None if value is None else kind(value))
    uow.audit(
        "record_equality", entity="equality", entity_id=found.id, case_reference=case.reference
    )
    return found


def set_returns_facts(
    uow: UnitOfWork,
    case: Case,
    *,
    intervention_type: InterventionType | None,
    started_by: StartedBy | None,
    justice_stage: JusticeStage | None,
    first_contact_attempted_on: date | None,
    first_contact_made_on: date | None,
) -> None:
    """Set the facts the returns count; a first contact date left None is worked out from the
    contacts."""
    for name, value in (
        ("first_contact_attempted_on", first_contact_attempted_on),
        ("first_contact_made_on", first_contact_made_on),
    ):
        if value is not None and value > uow.today:
            raise ValidationError("is in the future", field=name)
    worked_attempted, _worked_made = first_contacts(case)
    attempted = first_contact_attempted_on or worked_attempted
    made = first_contact_made_on
    if made is not None and attempted is not None and made < attempted:
        where = "" if first_contact_attempted_on else " as the contacts say: correct that too"
        raise ValidationError(
            f"is before the first contact attempted ({attempted:%d %B %Y}{where})",
            field="first_contact_made_on",
        )
    values = {
        "intervention_type": None
        if intervention_type is None
        else InterventionType(intervention_type),
        "started_by": None if started_by is None else StartedBy(started_by),
        "justice_stage": None if justice_stage is None else JusticeStage(justice_stage),
        "first_contact_attempted_on": first_contact_attempted_on,
        "first_contact_made_on": first_contact_made_on,
    }
    changed = [name for name, value in values.items() if getattr(case, name) != value]
    for name in changed:
        setattr(case, name, values[name])
    if changed:
        uow.audit(
            "set_returns_facts", entity="case_file", entity_id=case.id,
            case_reference=case.reference, detail="fields: " + ", ".join(changed),
        )  # fmt: skip
