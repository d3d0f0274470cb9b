"""The one place that reads ``rjdesk.app.outcomes.OutcomesView``'s people into the tab's rows
and the dialogs' plain values."""

from __future__ import annotations

from rjdesk.app.outcomes import EqualityView, FeedbackView, OutcomesView
from rjdesk.ui.case.outcomes.equality_dialog import EqualityChoice
from rjdesk.ui.case.outcomes.feedback_dialog import FeedbackEntry
from rjdesk.ui.case.outcomes.people_model import PersonOutcome
from rjdesk.ui.toolkit.labels import role_label
from rjdesk_protocol.enums import FeedbackMoment


def feedback_entry(view: FeedbackView | None) -> FeedbackEntry | None:
    """A ``FeedbackView`` as the dialog shows it (None: none recorded)."""
    if view is None:
        return None
    return FeedbackEntry(
        given_on=view.given_on,
        satisfaction=view.satisfaction,
        coping=view.coping,
        feels_safer=view.feels_safer,
        would_recommend=view.would_recommend,
        comment=view.comment or "",
    )


def equality_choice(view: EqualityView) -> EqualityChoice | None:
    """An ``EqualityView``'s answers (None: never answered, or cleared)."""
    if not view.recorded:
        return None
    return EqualityChoice(
        age_band=view.age_band,
        sex=view.sex,
        gender_same_as_sex=view.gender_same_as_sex,
        sexual_orientation=view.sexual_orientation,
        ethnicity=view.ethnicity,
        disability=view.disability,
        religion=view.religion,
    )


def people_rows(view: OutcomesView) -> list[PersonOutcome]:
    """One row per participant of an ``OutcomesView``."""
    return [
        PersonOutcome(
            participant_id=person.participant_id,
            name=person.name,
            role=role_label(person.role),
            end=feedback_entry(person.feedback_at(FeedbackMoment.END)),
            follow_up=feedback_entry(person.feedback_at(FeedbackMoment.FOLLOW_UP)),
            equality=equality_choice(person.equality),
            age_band_from_birth=person.equality.age_band_from_birth,
        )
        for person in view.participants
    ]
