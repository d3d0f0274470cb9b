"""Outcomes travel like every record of a case (protocol 4): between two real laptops that
co-work a case, through a real hub on 127.0.0.1, both ways. The feedback and equality rows of a
participant have the same id on both laptops, so a change on either reaches the other as a
change of the same row."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from rjdesk.domain.outcome_models import Equality, Feedback
from rjdesk.services import importer, outcomes, sync
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk_hub import Hub
from rjdesk_protocol.enums import (
    Answer,
    Ethnicity,
    FeedbackMoment,
    InterventionType,
    JusticeStage,
    Religion,
    Satisfaction,
)
from tests.conftest import NEIGHBOUR_DISPUTE
from tests.sync.conftest import Laptops


def _equality(vault: Vault, case_id: str) -> list[tuple[str, Ethnicity | None, Religion | None]]:
    with vault.reader() as session:
        found = session.scalars(select(Equality).where(Equality.case_id == case_id)).all()
        return sorted((e.participant_id, e.ethnicity, e.religion) for e in found)


def test_feedback_equality_and_the_case_facts_reach_the_co_worker_and_back(
    live_hub: tuple[Hub, str], laptops: Laptops
) -> None:
    hub, _url = live_hub
    alex = laptops("Alex Morgan", hub)
    priya = laptops("Priya Shah", hub)
    with alex.unit_of_work() as uow:
        case = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes())
        case_id, reference = case.id, case.reference
        marcia, lukasz = case.participants[0], case.participants[1]
        marcia_id, lukasz_id = marcia.id, lukasz.id
        outcomes.set_returns_facts(
            uow, case, intervention_type=InterventionType.CONFERENCE, started_by=None,
            justice_stage=JusticeStage.NOT_A_CRIME, first_contact_attempted_on=None,
            first_contact_made_on=None,
        )  # fmt: skip
        outcomes.record_feedback(
            uow, marcia, FeedbackMoment.END, given_on=date(2026, 11, 4),
            satisfaction=Satisfaction.FOUR, coping=Answer.YES, feels_safer=None,
            would_recommend=Answer.YES, comment="Worth it.",
        )  # fmt: skip
        outcomes.record_equality(
            uow, lukasz, outcomes.EqualityAnswers(ethnicity=Ethnicity.WHITE_OTHER)
        )
    assert "refused" not in sync.sync_now(alex).summary()
    hub.assign(reference, priya.info().device_id, keep_referrer=True)
    assert "refused" not in sync.sync_now(priya).summary()

    with priya.reader() as session:
        case = load_case(session, case_id)
        assert case.intervention_type is InterventionType.CONFERENCE
        assert case.justice_stage is JusticeStage.NOT_A_CRIME
        feedback = session.scalars(select(Feedback)).one()
        assert (feedback.participant_id, feedback.satisfaction, feedback.comment) == (
            marcia_id, Satisfaction.FOUR, "Worth it.",
        )  # fmt: skip
    assert _equality(priya, case_id) == [(lukasz_id, Ethnicity.WHITE_OTHER, None)]

    # Priya adds to Łukasz's answers: the same row changes on Alex's laptop, not a second one.
    with priya.unit_of_work() as uow:
        lukasz = next(p for p in load_case(uow.session, case_id).participants if p.id == lukasz_id)
        outcomes.record_equality(
            uow, lukasz,
            outcomes.EqualityAnswers(ethnicity=Ethnicity.WHITE_OTHER, religion=Religion.JEWISH),
        )  # fmt: skip
    assert "refused" not in sync.sync_now(priya).summary()
    assert "refused" not in sync.sync_now(alex).summary()
    assert _equality(alex, case_id) == [(lukasz_id, Ethnicity.WHITE_OTHER, Religion.JEWISH)]
