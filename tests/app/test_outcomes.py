"""Outcomes through the application layer, over a real vault: the returns' facts with first
contact worked out from the contacts, feedback at the end and at follow-up, equality
monitoring with "prefer not to say", and the refusals a facilitator can meet."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from rjdesk.app import outcomes
from rjdesk.app.outcomes import EqualityAnswers
from rjdesk.app.people import remove_participant
from rjdesk.domain.models import AuditEvent, Participant
from rjdesk.domain.outcome_models import Equality, Feedback
from rjdesk.domain.sync_models import OutboxChange
from rjdesk.services import importer
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import (
    AgeBand,
    Answer,
    Disability,
    Ethnicity,
    FeedbackMoment,
    InterventionType,
    JusticeStage,
    Religion,
    Role,
    Satisfaction,
    Sex,
    StartedBy,
)
from rjdesk_protocol.errors import NotFound, RuleViolation, ValidationError
from tests.conftest import HATE_CRIME, NEIGHBOUR_DISPUTE, TODAY


@pytest.fixture
def neighbour_case(vault: Vault) -> str:
    with vault.unit_of_work() as uow:
        return importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).id


@pytest.fixture
def hate_crime_case(vault: Vault) -> str:
    with vault.unit_of_work() as uow:
        return importer.import_case(uow, HATE_CRIME.read_bytes()).id


def _id(view: outcomes.OutcomesView, name: str) -> str:
    return next(p.participant_id for p in view.participants if p.name == name)


def test_the_parties_and_supporters_are_asked_and_professionals_are_not(
    vault: Vault, hate_crime_case: str
) -> None:
    view = outcomes.outcomes_of(vault, hate_crime_case, TODAY)
    assert [(p.name, p.role) for p in view.participants] == [
        ("Mohammed Iqbal", Role.HARMED),
        ("Kyle Brennan", Role.RESPONSIBLE),
        ("Siobhán Brennan", Role.SUPPORTER),
    ]
    assert all(not p.feedback and not p.equality.recorded for p in view.participants)


def test_first_contact_is_worked_out_from_the_contacts_until_corrected(
    vault: Vault, neighbour_case: str
) -> None:
    view = outcomes.outcomes_of(vault, neighbour_case, TODAY)
    # The first contact is a phone call to Marcia on 16 October, at which she was present.
    assert view.first_contact_attempted == outcomes.WorkedOutDate(None, date(2026, 10, 16))
    assert view.first_contact_made.shown == date(2026, 10, 16)
    assert view.intervention_type is None and view.justice_stage is None

    changed = outcomes.set_returns_facts(
        vault, neighbour_case, intervention_type=InterventionType.CONFERENCE,
        started_by=StartedBy.HARMED, justice_stage=JusticeStage.NOT_A_CRIME,
        first_contact_attempted_on=date(2026, 10, 15), first_contact_made_on=None,
    )  # fmt: skip
    assert changed.first_contact_attempted.shown == date(2026, 10, 15)
    assert changed.first_contact_attempted.corrected
    assert changed.first_contact_attempted.worked_out == date(2026, 10, 16)
    assert not changed.first_contact_made.corrected
    again = outcomes.outcomes_of(vault, neighbour_case, TODAY)
    assert again.intervention_type is InterventionType.CONFERENCE
    assert again.started_by is StartedBy.HARMED
    assert again.justice_stage is JusticeStage.NOT_A_CRIME


def test_first_contact_dates_are_refused_in_the_future_or_made_before_attempted(
    vault: Vault, neighbour_case: str
) -> None:
    facts = {"intervention_type": None, "started_by": None, "justice_stage": None}
    with pytest.raises(ValidationError, match="first_contact_made_on: is in the future"):
        outcomes.set_returns_facts(
            vault, neighbour_case, **facts, first_contact_attempted_on=None,
            first_contact_made_on=date(2026, 11, 21),
        )  # fmt: skip
    with pytest.raises(ValidationError, match=r"before the first contact attempted \(16 Oct"):
        outcomes.set_returns_facts(
            vault, neighbour_case, **facts, first_contact_attempted_on=None,
            first_contact_made_on=date(2026, 10, 15),
        )  # fmt: skip
    with pytest.raises(ValidationError, match="before the first contact attempted"):
        outcomes.set_returns_facts(
            vault, neighbour_case, **facts, first_contact_attempted_on=date(2026, 10, 20),
            first_contact_made_on=date(2026, 10, 19),
        )  # fmt: skip
    view = outcomes.outcomes_of(vault, neighbour_case, TODAY)
    assert not view.first_contact_made.corrected and not view.first_contact_attempted.corrected


def test_feedback_at_the_end_and_at_follow_up_with_declined_answers(
    vault: Vault, neighbour_case: str
) -> None:
    marcia = _id(outcomes.outcomes_of(vault, neighbour_case, TODAY), "Marcia Bennett")
    end = outcomes.record_feedback(
        vault, neighbour_case, marcia, FeedbackMoment.END, given_on=date(2026, 11, 4),
        satisfaction=Satisfaction.FOUR, coping=Answer.YES, feels_safer=Answer.DECLINED,
        would_recommend=None, comment="  Glad we finally talked.  ",
    )  # fmt: skip
    assert end.comment == "Glad we finally talked."
    assert end.would_recommend is None  # not asked
    changed = outcomes.record_feedback(
        vault, neighbour_case, marcia, FeedbackMoment.END, given_on=date(2026, 11, 5),
        satisfaction=Satisfaction.FIVE, coping=Answer.YES, feels_safer=Answer.YES,
        would_recommend=Answer.YES, comment="",
    )  # fmt: skip
    assert changed.id == end.id and changed.comment is None
    outcomes.record_feedback(
        vault, neighbour_case, marcia, FeedbackMoment.FOLLOW_UP, given_on=TODAY,
        satisfaction=Satisfaction.DECLINED, coping=None, feels_safer=None,
        would_recommend=None, comment=None,
    )  # fmt: skip
    view = outcomes.outcomes_of(vault, neighbour_case, TODAY).participant(marcia)
    assert [f.moment for f in view.feedback] == [FeedbackMoment.END, FeedbackMoment.FOLLOW_UP]
    end_view = view.feedback_at(FeedbackMoment.END)
    assert end_view is not None and end_view.satisfaction is Satisfaction.FIVE
    with vault.reader() as session:
        assert len(session.scalars(select(Feedback)).all()) == 2
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "record_feedback")
        ).all()
        assert len(events) == 3
        assert all("Glad" not in e.detail for e in events)


def test_feedback_is_refused_when_it_cannot_be_true(
    vault: Vault, neighbour_case: str, hate_crime_case: str
) -> None:
    marcia = _id(outcomes.outcomes_of(vault, neighbour_case, TODAY), "Marcia Bennett")
    answers = {
        "satisfaction": Satisfaction.THREE, "coping": None, "feels_safer": None,
        "would_recommend": None, "comment": None,
    }  # fmt: skip
    with pytest.raises(ValidationError, match="given_on: is in the future"):
        outcomes.record_feedback(
            vault, neighbour_case, marcia, FeedbackMoment.END, given_on=date(2026, 11, 21),
            **answers,
        )  # fmt: skip
    with pytest.raises(ValidationError, match=r"before the case was received \(14 October 2026\)"):
        outcomes.record_feedback(
            vault, neighbour_case, marcia, FeedbackMoment.END, given_on=date(2026, 10, 13),
            **answers,
        )  # fmt: skip
    with pytest.raises(ValidationError, match="no answer was recorded"):
        outcomes.record_feedback(
            vault, neighbour_case, marcia, FeedbackMoment.END, given_on=TODAY,
            **(answers | {"satisfaction": None}),
        )  # fmt: skip
    with pytest.raises(ValidationError, match="comment: holds a control character"):
        outcomes.record_feedback(
            vault, neighbour_case, marcia, FeedbackMoment.END, given_on=TODAY,
            **(answers | {"comment": "fine\x1b[2J"}),
        )  # fmt: skip
    with pytest.raises(NotFound, match="no longer part of"):
        outcomes.record_feedback(
            vault, hate_crime_case, marcia, FeedbackMoment.END, given_on=TODAY, **answers
        )
    professional = next(
        p.id for p in _participants(vault, hate_crime_case) if p.role is Role.PROFESSIONAL
    )
    with pytest.raises(RuleViolation, match=r"Priya Sandhu .* working capacity"):
        outcomes.record_feedback(
            vault, hate_crime_case, professional, FeedbackMoment.END, given_on=TODAY, **answers
        )
    with pytest.raises(RuleViolation, match="working capacity"):
        outcomes.record_equality(
            vault, hate_crime_case, professional, EqualityAnswers(sex=Sex.MALE)
        )
    with vault.reader() as session:
        assert session.scalars(select(Feedback)).all() == []
        assert session.scalars(select(Equality)).all() == []


def _participants(vault: Vault, case_id: str) -> list[Participant]:
    with vault.reader() as session:
        return list(load_case(session, case_id).participants)


def test_equality_with_prefer_not_to_say_and_the_age_band_from_birth(
    vault: Vault, neighbour_case: str
) -> None:
    view = outcomes.outcomes_of(vault, neighbour_case, TODAY)
    marcia, lukasz, zoe = (
        _id(view, name) for name in ("Marcia Bennett", "Łukasz Nowak", "Zoë Nowak")
    )
    # Born 9 March 1971 and 21 November 1988; the case was received on 14 October 2026.
    assert view.participant(marcia).equality.age_band_from_birth is AgeBand.FROM_55_TO_64
    assert view.participant(lukasz).equality.age_band_from_birth is AgeBand.FROM_35_TO_44
    assert view.participant(zoe).equality.age_band_from_birth is None
    saved = outcomes.record_equality(
        vault, neighbour_case, lukasz,
        EqualityAnswers(
            sex=Sex.PREFER_NOT_TO_SAY, ethnicity=Ethnicity.WHITE_OTHER,
            religion=Religion.PREFER_NOT_TO_SAY, disability=Disability.NO,
        ),
    )  # fmt: skip
    assert saved.recorded and saved.sex is Sex.PREFER_NOT_TO_SAY
    assert saved.age_band is None and saved.age_band_shown is AgeBand.FROM_35_TO_44
    assert saved.sexual_orientation is None  # not asked
    cleared = outcomes.record_equality(vault, neighbour_case, lukasz, EqualityAnswers())
    assert not cleared.recorded and cleared.ethnicity is None
    with vault.reader() as session:
        assert session.scalars(select(Equality)).all() == []
        actions = session.scalars(select(AuditEvent.action)).all()
        assert actions[-2:] == ["record_equality", "clear_equality"]
        details = " ".join(session.scalars(select(AuditEvent.detail)).all())
        assert "white_other" not in details and "prefer_not_to_say" not in details


def test_removing_a_participant_takes_their_feedback_and_equality_with_them(
    vault: Vault, hate_crime_case: str
) -> None:
    view = outcomes.outcomes_of(vault, hate_crime_case, TODAY)
    mohammed = _id(view, "Mohammed Iqbal")
    outcomes.record_equality(
        vault, hate_crime_case, mohammed, EqualityAnswers(ethnicity=Ethnicity.ASIAN_PAKISTANI)
    )
    outcomes.record_feedback(
        vault, hate_crime_case, mohammed, FeedbackMoment.END, given_on=TODAY,
        satisfaction=Satisfaction.TWO, coping=None, feels_safer=None, would_recommend=None,
        comment=None,
    )  # fmt: skip
    remove_participant(vault, hate_crime_case, mohammed)
    with vault.reader() as session:
        assert session.scalars(select(Equality)).all() == []
        assert session.scalars(select(Feedback)).all() == []
        gone = session.scalars(
            select(OutboxChange.table_name).where(OutboxChange.op == "del")
        ).all()
        assert {"equality", "feedback", "participant"} <= set(gone)
