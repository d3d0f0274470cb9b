"""My work through rjdesk.app, on a scripted vault whose figures are stated by hand: cases in
two quarters of 2026-27, Victims' Code deadlines met and missed, agreed actions done, not done
and pending, and a case that leaves the laptop and still counts.

Today is Friday 20 November 2026: Q3 2026-27 (October to December); Q2 is July to September.
"""

from __future__ import annotations

import copy
import json
from datetime import date
from typing import Any

import pytest
from sqlalchemy import delete, inspect, select, text

from rjdesk.app.mywork import Figure, MyWorkView, my_work, quarters
from rjdesk.domain.models import Case
from rjdesk.domain.sync_models import OutboxChange, SyncWithdrawn
from rjdesk.domain.work import Quarter
from rjdesk.services import importer
from rjdesk.store.vault import Vault
from rjdesk.sync import authority
from rjdesk_protocol.errors import ValidationError
from tests.conftest import HATE_CRIME, NEIGHBOUR_DISPUTE, TODAY

NEIGHBOURS: dict[str, Any] = json.loads(NEIGHBOUR_DISPUTE.read_text())
HATE: dict[str, Any] = json.loads(HATE_CRIME.read_text())


def _import(vault: Vault, doc: dict[str, Any]) -> str:
    with vault.unit_of_work() as uow:
        return importer.import_case(uow, json.dumps(doc).encode()).id


def _neighbours_followed_up() -> dict[str, Any]:
    """Received Wed 14 Oct: deadline Wed 21 Oct; both parties told on 16 and 20 Oct (2 met).
    Of the four actions: the spring closer done (checked 19 Nov), the music not done (checked
    18 Nov), the bins due 4 Dec and pending, the texting ongoing (no date: in no quarter)."""
    doc = copy.deepcopy(NEIGHBOURS)
    actions = doc["agreement"]["actions"]
    actions[0].update(status="not_done", checked_on="2026-11-18")
    actions[2].update(status="done", checked_on="2026-11-19")
    actions[3]["due"] = "2026-12-04"
    return doc


def _closed_in_q2(
    received_on: str, given: tuple[str, str], reason: str, closed_on: str
) -> dict[str, Any]:
    """The neighbours' referral alone, earlier in the year, closed without meeting."""
    doc = copy.deepcopy(NEIGHBOURS)
    doc["referral"]["received_on"] = received_on
    doc["referral"]["incident_date"] = None
    for participant, given_on in zip(doc["participants"], given, strict=False):
        participant["rj_information_given_on"] = given_on
    for key in ("risk_assessment", "consents", "contacts", "agreement"):
        doc.pop(key)
    doc["closure"] = {"reason": reason, "closed_on": closed_on}
    return doc


def _hate_crime(received_on: str, given_on: str | None) -> dict[str, Any]:
    doc = copy.deepcopy(HATE)
    doc["referral"]["received_on"] = received_on
    doc["referral"]["incident_date"] = None
    doc["participants"][0]["rj_information_given_on"] = given_on
    doc["contacts"] = []
    return doc


@pytest.fixture
def scripted(vault: Vault) -> dict[str, str]:
    return {
        "neighbours": _import(vault, _neighbours_followed_up()),
        # Received Wed 1 Jul: deadline Wed 8 Jul. Told 3 Jul (met) and 10 Jul (missed).
        "declined": _import(
            vault,
            _closed_in_q2("2026-07-01", ("2026-07-03", "2026-07-10"), "declined", "2026-09-15"),
        ),
        # Received Mon 3 Aug: deadline Mon 10 Aug. Told 4 Aug (met) and 12 Aug (missed).
        "leaving": _import(
            vault,
            _closed_in_q2("2026-08-03", ("2026-08-04", "2026-08-12"), "withdrawn", "2026-09-30"),
        ),
        # Received Tue 10 Nov: deadline Tue 17 Nov, not told by today (missed).
        "missed": _import(vault, HATE),
        # Received Wed 18 Nov: deadline Wed 25 Nov, not told yet (still due).
        "due": _import(vault, _hate_crime("2026-11-18", None)),
        # Received Fri 25 Sep (Q2), a week and a day before Q3 starts, but its deadline, Fri
        # 2 Oct, is in Q3: told 2 Oct (met).
        "across": _import(vault, _hate_crime("2026-09-25", "2026-10-02")),
    }


def _leave(vault: Vault, case_id: str) -> list[str]:
    """The hub gave the case to another facilitator and receipted this laptop's changes to it
    (tests/sync/test_authority.py plays that with a real hub): it leaves at the next sync."""
    with vault.unit_of_work() as uow:
        uow.session.execute(delete(OutboxChange))  # all sent and receipted
        uow.session.add(SyncWithdrawn(case_id=case_id, received_at=uow.now))
    with vault.unit_of_work() as uow:
        return authority.take_off_withdrawn(uow)


def _counts(figures: tuple[Figure, ...]) -> dict[str, int]:
    return {figure.label: figure.count for figure in figures}


def _q2(view: MyWorkView) -> None:
    assert view.quarter.key == "2026-27Q2"
    assert view.quarter.label == "Q2 2026-27 (July to September 2026)"
    assert not view.current
    assert _counts(view.victims_code) == {"Met": 2, "Missed": 2, "Still due": 0}
    assert _counts(view.actions) == {"Done": 0, "Not done": 0, "Still pending": 0}
    assert _counts(view.closed) == {
        "Completed": 0, "Declined": 1, "Unsuitable": 0, "Withdrawn": 1, "No contact": 0,
    }  # fmt: skip


def test_this_quarter_counts_deadlines_actions_and_closures_placed_by_their_dates(
    vault: Vault, scripted: dict[str, str]
) -> None:
    view = my_work(vault, TODAY)
    assert view.quarter.key == "2026-27Q3" and view.current
    assert view.quarter.label == "Q3 2026-27 (October to December 2026)"
    assert _counts(view.victims_code) == {"Met": 3, "Missed": 1, "Still due": 1}
    assert _counts(view.actions) == {"Done": 1, "Not done": 1, "Still pending": 1}
    assert set(_counts(view.closed).values()) == {0}
    # The neighbours follow up their agreement; the hate crime with its first calls is being
    # assessed, the two copies without them are referrals.
    assert _counts(view.open_by_stage) == {
        "Referral": 2, "Assessment": 1, "Preparation": 0, "Intervention": 0,
        "Agreement": 0, "Follow-up": 1,
    }  # fmt: skip
    assert view.open_cases == 4
    assert view.from_cases_gone == 0


def test_a_previous_quarter_is_chosen_by_its_name(vault: Vault, scripted: dict[str, str]) -> None:
    _q2(my_work(vault, TODAY, "2026-27Q2"))
    # Q1 (April to June) had nothing; a deadline still due then would now be missed.
    q1 = my_work(vault, TODAY, "2026-27Q1")
    assert {f.count for f in q1.victims_code + q1.actions + q1.closed} == {0}
    # Seen from 1 December, the deadline of 25 November has passed untold.
    december = my_work(vault, date(2026, 12, 1))
    assert _counts(december.victims_code) == {"Met": 3, "Missed": 2, "Still due": 0}


def test_a_case_that_leaves_the_laptop_still_counts_with_nothing_to_say_whose(
    vault: Vault, scripted: dict[str, str]
) -> None:
    leaving = scripted["leaving"]
    with vault.reader() as session:
        reference = session.get(Case, leaving).reference
    # The hub has given the case to another facilitator: the one way a case leaves a laptop.
    assert _leave(vault, leaving) == [reference]
    with vault.reader() as session:
        assert session.get(Case, leaving) is None
        tally = session.execute(text("SELECT * FROM work_tally ORDER BY 1, 2, 3")).all()
        columns = [c["name"] for c in inspect(session.connection()).get_columns("work_tally")]
    assert columns == ["quarter", "figure", "category", "count"]
    assert [tuple(row) for row in tally] == [
        ("2026-27Q2", "closed", "withdrawn", 1),
        ("2026-27Q2", "victims_code", "met", 1),
        ("2026-27Q2", "victims_code", "missed", 1),
    ]
    view = my_work(vault, TODAY, "2026-27Q2")
    _q2(view)
    assert view.from_cases_gone == 3
    # The tally grows: a second case closed as withdrawn in Q2 leaves too.
    again = _import(
        vault, _closed_in_q2("2026-08-03", ("2026-08-04", "2026-08-04"), "withdrawn", "2026-09-01")
    )
    assert len(_leave(vault, again)) == 1
    view = my_work(vault, TODAY, "2026-27Q2")
    assert _counts(view.victims_code) == {"Met": 4, "Missed": 2, "Still due": 0}
    assert _counts(view.closed)["Withdrawn"] == 2
    with vault.reader() as session:
        assert session.scalar(select(text("count(*)")).select_from(text("work_tally"))) == 3


def test_a_case_still_open_that_leaves_keeps_only_what_is_settled(
    vault: Vault, scripted: dict[str, str]
) -> None:
    """The neighbours leave: their two met deadlines and the done and not-done actions stay;
    the action still pending does not (this laptop will never know how it ended)."""
    assert len(_leave(vault, scripted["neighbours"])) == 1
    view = my_work(vault, TODAY)
    assert _counts(view.victims_code) == {"Met": 3, "Missed": 1, "Still due": 1}
    assert _counts(view.actions) == {"Done": 1, "Not done": 1, "Still pending": 0}
    assert _counts(view.open_by_stage)["Follow-up"] == 0
    assert view.from_cases_gone == 4


def test_an_empty_vault_has_every_figure_at_nought(vault: Vault) -> None:
    view = my_work(vault, TODAY)
    assert view.open_cases == 0
    assert {f.count for f in view.victims_code + view.actions + view.closed} == {0}


def test_quarters_to_choose_run_back_from_todays_over_a_year_end() -> None:
    found = quarters(date(2027, 2, 1), count=5)
    assert [q.key for q in found] == [
        "2026-27Q4", "2026-27Q3", "2026-27Q2", "2026-27Q1", "2025-26Q4",
    ]  # fmt: skip
    assert found[0].label == "Q4 2026-27 (January to March 2027)"
    assert Quarter.of(date(2026, 4, 1)).key == "2026-27Q1"
    assert Quarter.of(date(2026, 3, 31)).key == "2025-26Q4"
    assert Quarter.parse("2025-26Q4").end == date(2026, 3, 31)


@pytest.mark.parametrize(
    ("asked", "said"),
    [
        ("2026-27Q5", "'2026-27Q5' is not a quarter: write it like 2026-27Q3."),
        ("2026-28Q1", "'2026-28Q1' is not a quarter: write it like 2026-27Q3."),
        ("Q3; DROP TABLE case_file", "is not a quarter: write it like 2026-27Q3."),
        (
            "2026-27Q4",
            "Q4 2026-27 (January to March 2027) has not started yet: choose 2026-27Q3 or an "
            "earlier quarter.",
        ),
    ],
)
def test_a_quarter_not_written_right_or_not_started_is_refused_in_a_sentence(
    vault: Vault, asked: str, said: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        my_work(vault, TODAY, asked)
    assert said in str(refused.value)
