"""The outcome services' own rules: age bands at their edges, and that feedback and equality
rows are records the declared schema accepts (they sync like every row of a case)."""

from __future__ import annotations

from datetime import date

import pytest

from rjdesk.domain.outcome_models import equality_id, feedback_id
from rjdesk.services import importer, outcomes
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk_protocol import schema
from rjdesk_protocol.enums import AgeBand, Answer, Ethnicity, FeedbackMoment, Satisfaction
from tests.conftest import NEIGHBOUR_DISPUTE
from tests.laptops import case_records


@pytest.mark.parametrize(
    ("born", "band"),
    [
        (date(2008, 10, 15), AgeBand.UNDER_18),  # 17 the day before their 18th birthday
        (date(2008, 10, 14), AgeBand.FROM_18_TO_24),
        (date(2001, 10, 15), AgeBand.FROM_18_TO_24),  # 24
        (date(2001, 10, 14), AgeBand.FROM_25_TO_34),
        (date(1962, 10, 14), AgeBand.FROM_55_TO_64),  # 64 the day before
        (date(1961, 10, 14), AgeBand.FROM_65),
    ],
)
def test_the_age_band_is_the_age_on_the_day_the_case_was_received(
    born: date, band: AgeBand
) -> None:
    assert outcomes.age_band_from_birth(born, date(2026, 10, 14)) is band


def test_no_birth_date_or_one_after_the_referral_gives_no_band() -> None:
    assert outcomes.age_band_from_birth(None, date(2026, 10, 14)) is None
    assert outcomes.age_band_from_birth(date(2026, 10, 15), date(2026, 10, 14)) is None


def test_the_ids_are_the_same_on_every_laptop_and_differ_by_moment() -> None:
    participant = "3f1d7c1e-0000-4000-8000-000000000001"
    assert feedback_id(participant, FeedbackMoment.END) == feedback_id(
        participant, FeedbackMoment.END
    )
    assert feedback_id(participant, FeedbackMoment.END) != feedback_id(
        participant, FeedbackMoment.FOLLOW_UP
    )
    assert equality_id(participant) not in {
        feedback_id(participant, moment) for moment in FeedbackMoment
    }


def test_feedback_and_equality_rows_are_records_the_schema_accepts(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes())
        marcia = case.participants[0]
        outcomes.record_feedback(
            uow, marcia, FeedbackMoment.END, given_on=date(2026, 11, 4),
            satisfaction=Satisfaction.DECLINED, coping=Answer.NO, feels_safer=None,
            would_recommend=Answer.YES, comment="Line one\nline two",
        )  # fmt: skip
        outcomes.record_equality(
            uow, marcia, outcomes.EqualityAnswers(ethnicity=Ethnicity.BLACK_CARIBBEAN)
        )
        case_id = case.id
    found, _blobs = case_records(vault, case_id, version=0)
    tables = {r.table: r for r in found}
    assert tables["feedback"].fields["satisfaction"] == "declined"
    assert tables["feedback"].fields["feels_safer"] is None
    assert tables["equality"].fields["ethnicity"] == "black_caribbean"
    for record in found:
        assert schema.check_record(record) is None, record.table
    with vault.reader() as session:
        loaded = load_case(session, case_id)
        assert outcomes.first_contacts(loaded) == (date(2026, 10, 16), date(2026, 10, 16))
