"""The figures of a return over hand-made facts (tests/hub/returns/cases.py says what each case
did; every figure below is worked out on paper from it, not by the engine)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from rjdesk_hub.returns import engine
from rjdesk_hub.returns.definition import Definition, from_json, load, shipped
from rjdesk_hub.returns.facts import Facts
from rjdesk_hub.returns.periods import parse_period
from rjdesk_hub.returns.result import ReturnResult, Table
from tests.hub.returns.cases import CHRISTMAS, D, case, person, quarter_three

NOW = datetime(2027, 1, 20, 9, 30, tzinfo=UTC)
SOURCES = [
    "Police", "Housing provider", "School", "Probation", "Youth justice service",
    "Victim services", "Local authority", "Self-referral", "Other", "Not recorded", "Total",
]  # fmt: skip


def run(name: str, period: str) -> dict[str, Table]:
    result = engine.compute(load(shipped(name)), quarter_three(), parse_period(period), now=NOW)
    assert result.computed_at == NOW
    return {table.id: table for table in result.tables}


def shown(table: Table) -> list[tuple[str, list[str]]]:
    return [
        (row, [cell.shown for cell in cells])
        for row, cells in zip(table.rows, table.cells, strict=True)
    ]


def column(table: Table) -> dict[str, str]:
    """A one-column table's words: each row's shown cell."""
    return {row: cells[0].shown for row, cells in zip(table.rows, table.cells, strict=True)}


@pytest.fixture(scope="module")
def q3() -> dict[str, Table]:
    return run("rj-quarterly", "2026-27Q3")


def test_referrals_hide_the_school_three_and_the_zero_it_could_be_worked_out_from(
    q3: dict[str, Table],
) -> None:
    """Received in Q3: police c1-c8 and c20 (the co-worked c1 once; c18 was Q2, c19 is Q4),
    housing c9-c14, school c15-c17: 9, 6, 3 of 18. The 3 is suppressed; alone, 18 - 9 - 6
    would give it back, so the smallest other cell goes too: probation's 0, the first zero
    (shown "<5", which is true of a 0), and the 6 stays shown."""
    table = q3["referrals_by_source"]
    assert list(table.rows) == SOURCES
    assert column(table) == {
        "Police": "9", "Housing provider": "6", "School": "<5", "Probation": "<5",
        "Youth justice service": "0", "Victim services": "0", "Local authority": "0",
        "Self-referral": "0", "Other": "0", "Not recorded": "0", "Total": "18",
    }  # fmt: skip
    assert table.row_total and not table.column_total
    assert table.cells[3][0].value is None and table.cells[3][0].suppressed
    # By channel: phone 9, online 6, email 3, in person 0: the 3 and the first 0 are hidden.
    assert column(q3["referrals_by_channel"]) == {
        "Phone": "9", "Online form": "6", "Email": "<5", "In person": "<5", "Letter": "0",
        "Not recorded": "0", "Total": "18",
    }  # fmt: skip
    assert column(q3["referrals_by_type"])["Crime"] == "9"
    assert column(q3["referrals_by_type"])["Total"] == "18"


def test_victims_code_counts_the_deadlines_that_fell_in_the_quarter(q3: dict[str, Table]) -> None:
    """Due in Q3: c1-c8 (12 Oct; c1-c5 in time), c9-c11 (9 Nov, in time), c18 (received in
    Q2, due 7 Oct, in time): 9 of 12 = 75%. c20, received on Christmas Day, is due on
    5 January (bank holidays do not count) and falls in Q4."""
    table = q3["victims_code_informed"]
    assert shown(table) == [("All", ["75%"])]
    assert table.cells[0][0].value == 75.0
    q4 = run("rj-quarterly", "2026-27Q4")["victims_code_informed"]
    assert shown(q4) == [("All", ["<5"])]  # c20 alone


def test_days_to_each_step_by_nearest_rank(q3: dict[str, Table]) -> None:
    """First contact in Q3: c18 2 days, c1-c8 4, c20 5, c9-c14 7 (16 cases: median the 8th,
    4; 90th percentile the 15th, 7). Closure: 6, 46, 57, 61, 66, 71, 74 (median 61, p90 74).
    Intervention: 30, 30, 30, 31, 36 x5 (median 36, p90 36). Assessment: 3 cases, too few."""
    days = {key: column(table)["All"] for key, table in q3.items() if key.startswith("days_")}
    assert days == {
        "days_to_first_contact_median": "4", "days_to_first_contact_p90": "7",
        "days_to_assessment_median": "<5", "days_to_assessment_p90": "<5",
        "days_to_intervention_median": "36", "days_to_intervention_p90": "36",
        "days_to_closure_median": "61", "days_to_closure_p90": "74",
    }  # fmt: skip
    assert q3["days_to_closure_median"].unit == "days"


def test_interventions_agreements_and_closures(q3: dict[str, Table]) -> None:
    """Interventions in Q3: c1-c5 direct, c9-c12 indirect: the 4 is suppressed, and with it the
    smallest other cell, "not recorded"'s 0 (9 - 5 - 0 would give the 4 back); the 5 stays.
    Closed in Q3: c1-c5 completed with 15 actions agreed and 14 done, c6 declined, c20
    withdrawn; c7 closed in Q4."""
    assert column(q3["interventions"]) == {
        "Direct (conference)": "5", "Indirect (shuttle, letter, recording)": "<5",
        "Not recorded": "<5", "Total": "9",
    }  # fmt: skip
    assert column(q3["agreements_made"]) == {"All": "5"}
    assert column(q3["actions_agreed"]) == {"All": "15"}
    assert column(q3["actions_completed"]) == {"All": "14"}
    assert q3["actions_completed"].unit == "actions"
    assert column(q3["closure_reasons"]) == {
        "Completed": "5", "A party declined": "<5", "Assessed as unsuitable": "0",
        "Withdrawn": "<5", "No contact made": "0", "Not recorded": "0", "Total": "7",
    }  # fmt: skip
    q4 = run("rj-quarterly", "2026-27Q4")["closure_reasons"]
    assert column(q4)["Completed"] == "<5"  # c7
    assert column(q4)["Total"] == "<5"
    assert [c.shown for row in q4.cells for c in row].count("<5") == 2


def test_feedback_at_the_end(q3: dict[str, Table]) -> None:
    """Ten people of c1-c5 gave feedback on 1 December. Coping: yes 5, no 1, declined 1, not
    asked 3; nobody gave follow-up feedback."""
    assert column(q3["coping_end"]) == {
        "Yes": "5", "No": "<5", "Declined to answer": "<5", "Not asked": "<5", "Total": "10",
    }  # fmt: skip
    assert column(q3["satisfaction_end"])["Total"] == "10"
    assert column(q3["satisfaction_follow_up"])["Total"] == "0"


def test_an_ethnic_group_row_that_would_give_away_its_small_cell_loses_another(
    q3: dict[str, Table],
) -> None:
    """Parties of cases referred in Q3: harmed c1-c5 white, c6 Asian, c20 not asked;
    responsible c1-c3 white, c4-c5 black (the supporter is not a party). White is 5 harmed
    and 3 responsible: with its total 8 shown, the 3 would be 8 - 5 - 0, and then black's 2
    would be 5 - 3. Linking black's 2 to the rest first hides the smallest cell that does,
    Asian responsible 0 (shown "<5": true of a 0); the white 3 still needs another in its row:
    the 5 goes, shown "[c]" (5 or more, hidden only to protect the 3), never "<5"."""
    table = q3["equality_ethnic_group"]
    assert list(table.columns) == ["Harmed", "Responsible", "Harmed and responsible", "Total"]
    assert shown(table) == [
        ("Asian, Asian British or Asian Welsh", ["<5", "<5", "0", "<5"]),
        ("Black, Black British, Black Welsh, Caribbean or African", ["0", "<5", "0", "<5"]),
        ("Mixed or multiple ethnic groups", ["0", "0", "0", "0"]),
        ("White", ["[c]", "<5", "0", "8"]),
        ("Other ethnic group", ["0", "0", "0", "0"]),
        ("Not asked or prefer not to say", ["<5", "0", "0", "<5"]),
        ("Total", ["7", "5", "0", "12"]),
    ]
    assert table.row_total and table.column_total


def test_another_pccs_definition_counts_people_by_closure_with_no_code_change() -> None:
    """Parties in cases closed in Q3: c1-c5 (harmed and responsible), c6 and c20 (harmed): 12
    people, where the quarterly return counted 18 referrals."""
    figures = run("people-by-closure", "2026-27Q3")
    assert column(figures["people_by_role"]) == {
        "Harmed": "7", "Responsible": "5", "Harmed and responsible": "0", "Total": "12",
    }  # fmt: skip
    assert column(figures["people_by_source"])["Police"] == "12"
    assert shown(figures["people_by_outcome"])[:3] == [
        ("Completed", ["5", "5", "0", "10"]),
        ("A party declined", ["<5", "0", "0", "<5"]),
        ("Assessed as unsuitable", ["0", "0", "0", "0"]),
    ]
    # Harmed people: c1-c5 told in time, c6 late, c20 in time: 6 of 7.
    assert column(figures["victims_informed"]) == {"All": "86%"}
    # Working days to first contact: c1-c6 four (5 to 9 October), c20 two (Christmas to
    # 30 December: the 28th is a bank holiday): the 4th of 7 is 4.
    assert column(figures["working_days_to_first_contact"]) == {"All": "4"}
    # Rated 1-5 at the end: harmed 5, 5, 4, 3; responsible 4, 4, 2: 5 of 7 satisfied.
    assert column(figures["people_satisfied"]) == {"All": "71%"}
    assert column(figures["people_coping"]) == {
        "Yes": "5", "No": "<5", "Declined to answer": "<5", "Not asked": "5", "Total": "12",
    }  # fmt: skip
    q4 = run("people-by-closure", "2026-27Q4")
    assert column(q4["people_by_role"])["Total"] == "0"  # c7 closed in Q4 but has no people


def days_definition(days: str) -> Definition:
    return load(
        json.dumps(
            {
                "format": "rjdesk.return-definition/1",
                "id": "bank-holiday",
                "version": 1,
                "title": "Bank holidays",
                "figures": [
                    {
                        "id": "to_first_contact",
                        "title": "Days to first contact",
                        "counts": "cases",
                        "placed_by": "received_on",
                        "measure": "median",
                        "from": "received_on",
                        "to": "first_contact_made_on",
                        "days": days,
                    }
                ],
            }
        )
    )


@pytest.mark.parametrize(("days", "median"), [("working", "2"), ("calendar", "5")])
def test_a_referral_received_on_a_bank_holiday_counts_working_days_after_it(
    days: str, median: str
) -> None:
    """Five referrals received on Christmas Day 2026, first contact on Wednesday 30 December:
    29 and 30 December are working days (26-27 a weekend, the 28th a bank holiday)."""
    facts = Facts(
        tuple(case(f"x{n}", CHRISTMAS, first_contact_made_on=D(2026, 12, 30)) for n in range(5)),
        (),
        (),
    )
    result = engine.compute(days_definition(days), facts, parse_period("2026-27Q3"), now=NOW)
    assert result.tables[0].cells[0][0].shown == median
    assert result.tables[0].unit == ("working days" if days == "working" else "days")


def test_a_period_with_nothing_in_it_shows_zeros_and_dashes() -> None:
    figures = run("rj-quarterly", "2025-26")
    assert column(figures["referrals_by_source"])["Total"] == "0"
    assert column(figures["days_to_closure_median"]) == {"All": "–"}
    assert column(figures["victims_code_informed"]) == {"All": "–"}


def test_the_result_survives_its_json_round_trip(q3: dict[str, Table]) -> None:
    result = engine.compute(
        load(shipped("rj-quarterly")), quarter_three(), parse_period("2026-27Q3"), now=NOW
    )
    again = ReturnResult.from_json(json.loads(json.dumps(result.to_json())))
    assert again == result
    assert "<5" in json.dumps(result.to_json())
    assert result.definition_version == 1
    assert result.period.label == "2026-27 Q3"


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        engine.compute(
            load(shipped("rj-quarterly")),
            quarter_three(),
            parse_period("2026-27Q3"),
            now=datetime(2027, 1, 1),  # no time zone: the mistake under test
        )


def shared_total_definition(*, declared: bool) -> Definition:
    """Referrals by source with no total row, beside the number of referrals (the same
    cases, placed by the same day: the same total), and by role of their people."""
    by_source = [{"field": "source", "values": {"police": "Police", "school": "School"}}]
    roles = {"harmed": "Harmed", "responsible": "Responsible"}
    return from_json(
        {
            "format": "rjdesk.return-definition/1",
            "id": "shared",
            "version": 1,
            "title": "Shared totals",
            "figures": [
                {"id": "by_source", "title": "By source", "counts": "cases",
                 "placed_by": "received_on", "by": by_source},
                {"id": "all", "title": "Referrals", "counts": "cases", "placed_by": "received_on"},
                {"id": "harmed", "title": "Harmed people", "counts": "people",
                 "placed_by": "case.received_on",
                 "by": [{"field": "role", "values": roles, "not_recorded": False}]},
                {"id": "people", "title": "People", "counts": "people",
                 "placed_by": "case.received_on",
                 "where": [{"field": "role", "in": ["harmed", "responsible"]}]},
            ],
            **({"shared_totals": [["harmed", "people"]]} if declared else {}),
        }
    )  # fmt: skip


@pytest.mark.parametrize("declared", [False, True])
def test_a_total_shown_in_another_table_is_not_a_way_round_suppression(declared: bool) -> None:
    """12 police and 3 school referrals. "By source" shows no total, but "Referrals" shows 15:
    the 3 would be 15 - 12 - 0, so the smallest other cell goes too: "not recorded"'s 0
    (shown "<5", true of a 0), and the 12 stays shown. Their people: a harmed person in each police
    case, a responsible one in each school case; the people by role (no total) and the parties
    (15) are the same people, but the engine cannot know it from the figures (the role
    breakdown leaves other roles out): only when the definition says so is the 12 hidden, and
    then as "[c]" (12 is not under 5; it is hidden only to protect the 3)."""
    cases = tuple(case(f"p{n}", D(2026, 10, 5)) for n in range(12)) + tuple(
        case(f"s{n}", D(2026, 10, 5), source="school") for n in range(3)
    )
    people = tuple(
        person(c.case_id, f"{c.case_id}-p", "harmed" if c.source == "police" else "responsible")
        for c in cases
    )
    facts = Facts(cases, people, ())
    result = engine.compute(
        shared_total_definition(declared=declared), facts, parse_period("2026-27Q3"), now=NOW
    )
    tables = {t.id: t for t in result.tables}
    assert column(tables["by_source"]) == {"Police": "12", "School": "<5", "Not recorded": "<5"}
    assert column(tables["all"]) == {"All": "15"}
    harmed = "[c]" if declared else "12"
    assert column(tables["harmed"]) == {"Harmed": harmed, "Responsible": "<5"}
    assert column(tables["people"]) == {"All": "15"}


def test_people_of_a_case_the_facts_do_not_hold_are_not_counted() -> None:
    facts = Facts(
        tuple(case(f"c{n}", D(2026, 10, 5)) for n in range(6)),
        (*(person(f"c{n}", f"h{n}", "harmed") for n in range(6)), person("gone", "x", "harmed")),
        (),
    )
    result = engine.compute(
        shared_total_definition(declared=False), facts, parse_period("2026-27Q3"), now=NOW
    )
    assert column({t.id: t for t in result.tables}["people"]) == {"All": "6"}


def by_source_with_total(values: dict[str, str]) -> Definition:
    """Referrals by the sources ``values`` names (no "not recorded" row), with a total row."""
    return from_json(
        {
            "format": "rjdesk.return-definition/1",
            "id": "marks",
            "version": 1,
            "title": "Marks",
            "figures": [
                {"id": "by_source", "title": "By source", "counts": "cases",
                 "placed_by": "received_on", "totals": True,
                 "by": [{"field": "source", "values": values, "not_recorded": False}]},
            ],
        }
    )  # fmt: skip


def by_source(cases: list[tuple[str, int]], values: dict[str, str]) -> Table:
    facts = Facts(
        tuple(
            case(f"{source}{n}", D(2026, 10, 5), source=source)
            for source, count in cases
            for n in range(count)
        ),
        (),
        (),
    )
    result = engine.compute(by_source_with_total(values), facts, parse_period("2026-27Q3"), now=NOW)
    return result.tables[0]


def test_a_twelve_hidden_only_to_protect_a_three_is_shown_c_never_under_5() -> None:
    """12 police and 3 school referrals, 15 in all: the 3 alone would be 15 - 12, and the 12 is
    the only other cell; it is hidden, and as "[c]", since "<5" on a 12 would be false."""
    table = by_source([("police", 12), ("school", 3)], {"police": "Police", "school": "School"})
    assert column(table) == {"Police": "[c]", "School": "<5", "Total": "15"}
    police = table.cells[0][0]
    assert (police.value, police.suppressed) == (None, True)  # no value kept to leak
    # The kept return's JSON keeps the mark as it was.
    again = ReturnResult.from_json(json.loads(json.dumps(_result_of(table).to_json())))
    assert [c.shown for row in again.tables[0].cells for c in row] == ["[c]", "<5", "15"]


def test_a_zero_hidden_to_protect_a_three_is_shown_under_5_and_the_twelve_stays() -> None:
    """12 police, 3 school, 0 probation: the smallest cell that protects the 3 is the 0, and a
    hidden 0 is truly "<5"; the 12 is shown."""
    table = by_source(
        [("police", 12), ("school", 3)],
        {"police": "Police", "school": "School", "probation": "Probation"},
    )
    assert column(table) == {"Police": "12", "School": "<5", "Probation": "<5", "Total": "15"}


def _result_of(table: Table) -> ReturnResult:
    return ReturnResult(
        "marks", 1, "Marks", parse_period("2026-27Q3"), NOW, (table,)
    )  # fmt: skip
