"""Real laptops fill a real hub through real bundles with a scripted caseload (``scenario``: read
its table first), and the returns give exactly the figures stated here by hand (issue 16): first
the facts the hub keeps, then the default quarterly return and a second definition (people, by
closure date) as computed, and as ``rjdesk-hub returns`` writes them in CSV, XLSX (read back
with openpyxl) and PDF (pypdf).

How the suppressed figures are worked out by hand: a count from 1 to 4 is "<5" (0 is shown),
and so is a rate or median over 1 to 4 units. Then, in a table whose rows add up to a shown
total, a single suppressed cell would be the total less the others: one more cell of its line
is suppressed, the smallest first (a 0 too, where that is the smallest): "<5" when under 5
(a hidden 0 too), "[c]" when 5 or more, hidden only to protect a small number.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from rjdesk_hub import Hub
from rjdesk_hub.cli import main
from rjdesk_hub.returns import definition, engine, periods
from rjdesk_hub.returns.facts import Facts
from rjdesk_hub.returns.result import ReturnResult
from rjdesk_hub.returns.store import load_facts
from tests.hub.returns import scenario

NOW = datetime(2027, 2, 15, 12, tzinfo=UTC)
D = date


@pytest.fixture(scope="module")
def filled(
    tmp_path_factory: pytest.TempPathFactory, vault_template: Path
) -> Iterator[tuple[Hub, scenario.Caseload]]:
    """One hub filled once for the module's tests (they only read it)."""
    folder = tmp_path_factory.mktemp("returns-e2e")
    with pytest.MonkeyPatch.context() as patch:  # the autouse fast-KDF fixture is per test
        patch.setenv("RJDESK_INSECURE_FAST_KDF", "1")
        hub = Hub.init(folder / "hub", name="Test hub", url="https://hub.example.org")
        alex = scenario.laptop_at(folder / "alex", "Alex Morgan", vault_template)
        sam = scenario.laptop_at(folder / "sam", "Sam Patel", vault_template)
        try:
            made = scenario.build(hub, alex, sam)
        finally:
            alex.close()
            sam.close()
    yield hub, made
    hub.close()


# -- the facts --------------------------------------------------------------------------------

# Per case: received, Victims' Code deadline and the day RJ information was given, first contact
# attempted and made, assessed, first intervention (day, type, direct), stage now, furthest
# stage, closed (day, reason).
CASES = {
    "C1": (D(2026, 10, 1), D(2026, 10, 8), D(2026, 10, 2), D(2026, 10, 5), D(2026, 10, 5),
           D(2026, 10, 6), D(2026, 11, 20), "conference", True, "closed", "agreement",
           D(2027, 1, 10), "completed"),
    "C2": (D(2026, 10, 1), D(2026, 10, 8), D(2026, 10, 2), D(2026, 10, 6), D(2026, 10, 6),
           D(2026, 10, 6), D(2026, 11, 10), "conference", True, "closed", "agreement",
           D(2026, 12, 1), "completed"),
    "C3": (D(2026, 10, 5), D(2026, 10, 12), D(2026, 10, 6), D(2026, 10, 7), D(2026, 10, 7),
           D(2026, 10, 9), D(2026, 11, 12), "shuttle", False, "closed", "agreement",
           D(2026, 12, 2), "completed"),
    "C4": (D(2026, 10, 5), D(2026, 10, 12), D(2026, 10, 6), D(2026, 10, 8), D(2026, 10, 8),
           D(2026, 10, 9), None, None, None, "closed", "referral", D(2026, 10, 20), "declined"),
    "C5": (D(2026, 10, 12), D(2026, 10, 19), D(2026, 10, 13), D(2026, 10, 16), D(2026, 10, 16),
           None, None, None, None, "closed", "referral", D(2026, 10, 30), "declined"),
    "C6": (D(2026, 10, 12), D(2026, 10, 19), D(2026, 10, 13), D(2026, 10, 22), D(2026, 10, 22),
           None, None, None, None, "closed", "referral", D(2026, 11, 15), "declined"),
    # The call reaching no one is an attempt, not a contact made.
    "C7": (D(2026, 11, 2), D(2026, 11, 9), D(2026, 11, 3), D(2026, 11, 3), None,
           None, None, None, None, "closed", "referral", D(2026, 12, 10), "no_contact"),
    "C8": (D(2026, 11, 2), D(2026, 11, 9), D(2026, 11, 3), None, None,
           None, None, None, None, "closed", "referral", D(2026, 12, 11), "declined"),
    "C9": (D(2026, 11, 9), D(2026, 11, 16), D(2026, 11, 10), None, None,
           None, None, None, None, "referral", "referral", None, None),
    "C10": (D(2026, 11, 9), D(2026, 11, 16), D(2026, 11, 20), None, None,
            None, None, None, None, "referral", "referral", None, None),
    "C11": (D(2026, 12, 1), D(2026, 12, 8), None, None, None,
            None, None, None, None, "referral", "referral", None, None),
    # Received on Monday 28 Dec 2026, a bank holiday: 29, 30, 31 Dec, 4 and 5 Jan are the five
    # working days (1 Jan is a bank holiday too).
    "C12": (D(2026, 12, 28), D(2027, 1, 5), D(2027, 1, 4), D(2027, 1, 4), D(2027, 1, 4),
            None, None, None, None, "referral", "referral", None, None),
}  # fmt: skip
# Per case, its parties' (role, age band, sex, ethnic group, end feedback's day, satisfaction,
# coping); every other answer is not asked.
PEOPLE = {
    "C1": [("harmed", "35_44", None, None, D(2027, 1, 10), "5", "yes"),
           ("responsible", "18_24", None, None, None, None, None)],
    "C2": [("harmed", "35_44", "female", "white", D(2026, 12, 3), "5", "yes"),
           ("responsible", "under_18", "male", "asian", D(2026, 12, 3), "4", "yes")],
    "C3": [("harmed", "35_44", "female", "black", D(2026, 12, 3), "5", "yes"),
           ("responsible", "18_24", "prefer_not_to_say", None, D(2026, 12, 3), "3", "no")],
    "C4": [("harmed", "35_44", None, None, D(2026, 10, 21), "5", "declined"),
           ("responsible", "18_24", None, None, D(2026, 10, 21), "declined", None)],
}  # fmt: skip
QUIET = [("harmed", "35_44", None, None, None, None, None),
         ("responsible", "18_24", None, None, None, None, None)]  # fmt: skip
CONTACTS = {
    "C1": [("phone", D(2026, 10, 5)), ("phone", D(2026, 10, 20)), ("conference", D(2026, 11, 20))],
    "C2": [("phone", D(2026, 10, 6)), ("conference", D(2026, 11, 10))],
    "C3": [("phone", D(2026, 10, 7)), ("shuttle", D(2026, 11, 12))],
    "C4": [("phone", D(2026, 10, 8))],
    "C5": [("phone", D(2026, 10, 16))],
    "C6": [("phone", D(2026, 10, 22))],
    "C7": [("phone", D(2026, 11, 3))],
    "C12": [("phone", D(2027, 1, 4))],
}
SOURCES = {"C8": "school", "C9": "school", "C10": "school", "C11": "housing_provider",
           "C12": "housing_provider"}  # fmt: skip


def _facts(filled: tuple[Hub, scenario.Caseload]) -> tuple[Facts, dict[str, str]]:
    hub, made = filled
    return load_facts(hub), {case_id: name for name, case_id in made.case_ids.items()}


def test_the_hub_keeps_each_cases_facts_once(filled: tuple[Hub, scenario.Caseload]) -> None:
    facts, name_of = _facts(filled)
    # Twelve cases, C1 among them once though two laptops sent it.
    assert sorted(name_of[c.case_id] for c in facts.cases) == sorted(CASES)
    for case in facts.cases:
        name = name_of[case.case_id]
        assert (
            case.received_on,
            case.victims_code_due_on,
            case.victims_code_informed_on,
            case.first_contact_attempted_on,
            case.first_contact_made_on,
            case.assessed_on,
            case.intervention_on,
            case.intervention_type,
            case.direct,
            case.stage,
            case.stage_reached,
            case.closed_on,
            case.closure_reason,
        ) == CASES[name], name
        assert (case.case_type, case.origin, case.partner_id) == ("crime", "facilitator", None)
        assert case.source == SOURCES.get(name, "police"), name
        assert case.channel == ("online" if name == "C12" else "phone"), name
        assert (case.agreements_signed, case.actions_agreed, case.actions_done) == (0, 0, 0)
    people: dict[str, list[tuple[object, ...]]] = {}
    for person in facts.people:
        people.setdefault(name_of[person.case_id], []).append(
            (
                person.role,
                person.age_band,
                person.sex,
                person.ethnic_group,
                person.end_given_on,
                person.end_satisfaction,
                person.end_coping,
            )
        )
    assert people == {name: PEOPLE.get(name, QUIET) for name in CASES}
    assert all(p.follow_up_given_on is None and p.disability is None for p in facts.people)
    contacts: dict[str, list[tuple[str, date]]] = {}
    for contact in facts.contacts:
        contacts.setdefault(name_of[contact.case_id], []).append((contact.kind, contact.on))
    assert {name: sorted(found, key=lambda c: c[1]) for name, found in contacts.items()} == CONTACTS


# -- the returns ------------------------------------------------------------------------------

# Each table as its lines: the row's label, then its cells as every output shows them.
QUARTERLY = {
    "referrals_by_source": [
        "Police | 7", "Housing provider | <5", "School | <5", "Probation | 0",
        "Youth justice service | 0", "Victim services | 0", "Local authority | 0",
        "Self-referral | 0", "Other | 0", "Not recorded | 0", "Total | 12",
    ],
    # Phone 11, online 1: alone, the 1 would be 12 - 11 - 0, so the smallest other cell, the
    # email 0, is hidden too (a 0 is truly "<5"), and the 11 stays shown.
    "referrals_by_channel": [
        "Phone | 11", "Online form | <5", "Email | <5", "In person | 0", "Letter | 0",
        "Not recorded | 0", "Total | 12",
    ],
    "referrals_by_type": [
        "Crime | 12", "Hate crime | 0", "Anti-social behaviour | 0", "Neighbour dispute | 0",
        "Noise nuisance | 0", "School incident | 0", "Bullying | 0",
        "Offender management | 0", "Community initiative | 0", "Other | 0",
        "Not recorded | 0", "Total | 12",
    ],
    # Deadlines in Q3: C1 to C11 (C12's is 5 Jan); informed by then: all but C10 (late) and C11
    # (not informed), 9 of 11.
    "victims_code_informed": ["All | 82%"],
    # First contacts made in Q3, days from receipt: C1 4, C2 5, C3 2, C4 3, C5 4, C6 10:
    # 2 3 4 4 5 10, the median the 3rd (4) and the 90th percentile the 6th (10).
    "days_to_first_contact_median": ["All | 4"],
    "days_to_first_contact_p90": ["All | 10"],
    "days_to_assessment_median": ["All | <5"],  # 4 cases assessed
    "days_to_assessment_p90": ["All | <5"],
    "days_to_intervention_median": ["All | <5"],  # 3 interventions
    "days_to_intervention_p90": ["All | <5"],
    # Closed in Q3 (C1 closes in Q4): C2 61, C3 58, C4 15, C5 18, C6 34, C7 38, C8 39 days:
    # 15 18 34 38 39 58 61, the 4th (38) and the 7th (61).
    "days_to_closure_median": ["All | 38"],
    "days_to_closure_p90": ["All | 61"],
    "interventions": [
        "Direct (conference) | <5", "Indirect (shuttle, letter, recording) | <5",
        "Not recorded | 0", "Total | <5",
    ],
    "agreements_made": ["All | 0"],
    "actions_agreed": ["All | 0"],
    "actions_completed": ["All | 0"],
    "closure_reasons": [
        "Completed | <5", "A party declined | <5", "Assessed as unsuitable | 0",
        "Withdrawn | 0", "No contact made | <5", "Not recorded | 0", "Total | 7",
    ],
    # C2, C3 and C4's parties (C1's harmed party answered in Q4).
    "satisfaction_end": [
        "5 Very satisfied | <5", "4 | <5", "3 | <5", "2 | 0", "1 Very dissatisfied | 0",
        "Declined to answer | <5", "Not asked | 0", "Total | 6",
    ],
    "coping_end": [
        "Yes | <5", "No | <5", "Declined to answer | <5", "Not asked | <5", "Total | 6",
    ],
    "satisfaction_follow_up": [
        "5 Very satisfied | 0", "4 | 0", "3 | 0", "2 | 0", "1 Very dissatisfied | 0",
        "Declined to answer | 0", "Not asked | 0", "Total | 0",
    ],
    "coping_follow_up": [
        "Yes | 0", "No | 0", "Declined to answer | 0", "Not asked | 0", "Total | 0",
    ],
    # Columns: harmed, responsible, harmed and responsible, total. C2's responsible party is
    # 17 (under 18), the 11 others 18 to 24. The 1 and its row's total 1 are hidden; the zeros
    # beside them would hide nothing (their columns' other cells add up to their totals), so
    # the 11 below each goes too, shown "[c]": 5 or more, hidden only to protect the 1.
    "equality_age_band": [
        "Under 18 | 0 | <5 | 0 | <5", "18 to 24 | 0 | [c] | 0 | [c]",
        "25 to 34 | 0 | 0 | 0 | 0",
        "35 to 44 | 12 | 0 | 0 | 12", "45 to 54 | 0 | 0 | 0 | 0", "55 to 64 | 0 | 0 | 0 | 0",
        "65 and over | 0 | 0 | 0 | 0", "Prefer not to say | 0 | 0 | 0 | 0",
        "Not asked | 0 | 0 | 0 | 0", "Total | 12 | 12 | 0 | 24",
    ],
    # Harmed: 2 female, 10 not asked; the 2 would be 12 - 10 - 0 - 0, so the smallest other
    # cell of its column (male, 0) goes too.
    "equality_sex": [
        "Female | <5 | 0 | 0 | <5", "Male | <5 | <5 | 0 | <5",
        "Prefer not to say | 0 | <5 | 0 | <5", "Not asked | 10 | 10 | 0 | 20",
        "Total | 12 | 12 | 0 | 24",
    ],
    # Responsible: 1 Asian, 11 not asked or prefer not to say; the smallest other cell of its
    # column (black, 0), in the row of the harmed black party's 1, goes too.
    "equality_ethnic_group": [
        "Asian, Asian British or Asian Welsh | 0 | <5 | 0 | <5",
        "Black, Black British, Black Welsh, Caribbean or African | <5 | <5 | 0 | <5",
        "Mixed or multiple ethnic groups | 0 | 0 | 0 | 0", "White | <5 | 0 | 0 | <5",
        "Other ethnic group | 0 | 0 | 0 | 0",
        "Not asked or prefer not to say | 10 | 11 | 0 | 21", "Total | 12 | 12 | 0 | 24",
    ],
    "equality_disability": [
        "Yes, limited a lot | 0 | 0 | 0 | 0", "Yes, limited a little | 0 | 0 | 0 | 0",
        "No | 0 | 0 | 0 | 0", "Prefer not to say | 0 | 0 | 0 | 0",
        "Not asked | 12 | 12 | 0 | 24", "Total | 12 | 12 | 0 | 24",
    ],
    "equality_religion": [
        "No religion | 0 | 0 | 0 | 0", "Christian | 0 | 0 | 0 | 0", "Buddhist | 0 | 0 | 0 | 0",
        "Hindu | 0 | 0 | 0 | 0", "Jewish | 0 | 0 | 0 | 0", "Muslim | 0 | 0 | 0 | 0",
        "Sikh | 0 | 0 | 0 | 0", "Any other religion | 0 | 0 | 0 | 0",
        "Prefer not to say | 0 | 0 | 0 | 0", "Not asked | 12 | 12 | 0 | 24",
        "Total | 12 | 12 | 0 | 24",
    ],
}  # fmt: skip

# People (harmed and responsible parties) of the cases closed in Q3: C2 to C8, 14 people.
PEOPLE_BY_CLOSURE = {
    "people_by_role": ["Harmed | 7", "Responsible | 7", "Harmed and responsible | 0",
                       "Total | 14"],
    # Police 12 (C2 to C7), school 2 (C8): alone, 14 - 12 - 0 would give the 2 away, so the
    # first 0 (housing) is hidden too, and the 12 stays shown.
    "people_by_source": [
        "Police | 12", "Housing provider | <5", "School | <5", "Probation | 0",
        "Youth justice service | 0", "Victim services | 0", "Local authority | 0",
        "Self-referral | 0", "Other | 0", "Not recorded | 0", "Total | 14",
    ],
    "people_by_outcome": [
        "Completed | <5 | <5 | 0 | <5", "A party declined | <5 | <5 | 0 | 8",
        "Assessed as unsuitable | 0 | 0 | 0 | 0", "Withdrawn | 0 | 0 | 0 | 0",
        "No contact made | <5 | <5 | 0 | <5", "Not recorded | 0 | 0 | 0 | 0",
        "Total | 7 | 7 | 0 | 14",
    ],
    "victims_informed": ["All | 100%"],  # C2 to C8's harmed parties, all in time
    # Working days to first contact: C2 3 (Thu 1 to Tue 6 Oct), C3 2, C4 3, C5 4, C6 8
    # (C7 and C8 none): 2 3 3 4 8, the 3rd.
    "working_days_to_first_contact": ["All | 3"],
    "people_satisfied": ["All | 80%"],  # 4 of the 5 who rated: C2's two, C3's harmed, C4's
    "people_coping": [
        "Yes | <5", "No | <5", "Declined to answer | <5", "Not asked | 9", "Total | 14",
    ],
    "people_by_ethnic_group": [
        "Asian, Asian British or Asian Welsh | <5",
        "Black, Black British, Black Welsh, Caribbean or African | <5",
        "Mixed or multiple ethnic groups | 0", "White | <5", "Other ethnic group | 0",
        "Not asked or prefer not to say | 11", "Total | 14",
    ],
}  # fmt: skip


def _compute(hub: Hub, definition_id: str, period: str) -> ReturnResult:
    loaded = definition.load(definition.shipped(definition_id))
    return engine.compute(loaded, load_facts(hub), periods.parse_period(period), now=NOW)


def _lines(result: ReturnResult) -> dict[str, list[str]]:
    return {
        table.id: [
            " | ".join([label, *(cell.shown for cell in cells)])
            for label, cells in zip(table.rows, table.cells, strict=True)
        ]
        for table in result.tables
    }


@pytest.mark.parametrize(
    ("definition_id", "expected"),
    [("rj-quarterly", QUARTERLY), ("people-by-closure", PEOPLE_BY_CLOSURE)],
)
def test_the_returns_of_q3_give_the_figures_stated_by_hand(
    filled: tuple[Hub, scenario.Caseload],
    definition_id: str,
    expected: dict[str, list[str]],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    hub, _made = filled
    result = _compute(hub, definition_id, "2026-27Q3")
    assert _lines(result) == expected
    titles = {table.id: table.title for table in result.tables}

    # The same return through the command, as a coordinator makes it, in each format.
    made = {}
    for suffix in (".csv", ".xlsx", ".pdf"):
        output = tmp_path / f"return{suffix}"
        arguments = ["--definition", definition_id, "--period", "2026-27Q3", "-o", str(output)]
        code = main(["--data-dir", str(hub.data_dir), "returns", *arguments])
        assert code == 0, capsys.readouterr().err
        made[suffix] = output.read_bytes()

    # CSV: a block per table, its title, a header, then its rows.
    rows = list(csv.reader(io.StringIO(made[".csv"].decode("utf-8-sig"))))
    for table_id, lines in expected.items():
        start = rows.index([titles[table_id]]) + 2
        assert [" | ".join(row) for row in rows[start : start + len(lines)]] == lines, table_id

    # XLSX: the same blocks, shown figures as numbers ("82%" a fraction formatted as one).
    book = load_workbook(io.BytesIO(made[".xlsx"]))
    sheet = [[_xlsx_text(cell) for cell in row] for row in book["Figures"].iter_rows()]
    for table_id, lines in expected.items():
        width = len(lines[0].split(" | "))
        start = next(i for i, row in enumerate(sheet) if row[0] == titles[table_id]) + 2
        found = [" | ".join(row[:width]) for row in sheet[start : start + len(lines)]]
        assert found == lines, table_id

    # PDF: every table's title and rows, read as one line of words.
    reader = PdfReader(io.BytesIO(made[".pdf"]))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    for table_id, lines in expected.items():
        assert titles[table_id] in text
        words = " ".join(" ".join(line.replace(" | ", " ").split()) for line in lines)
        assert words in text, table_id


def _xlsx_text(cell: object) -> str:
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    if isinstance(value, int | float) and str(getattr(cell, "number_format", "")).endswith("%"):
        return f"{round(value * 100)}%"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def test_the_next_quarter_and_a_longer_period_place_the_late_closure_and_the_holiday(
    filled: tuple[Hub, scenario.Caseload],
) -> None:
    hub, _made = filled
    q4 = _lines(_compute(hub, "rj-quarterly", "2026-27Q4"))
    # C1 closed on 10 Jan 2027: the next quarter's one closure; C12's deadline (5 Jan) its one.
    assert q4["closure_reasons"][0] == "Completed | <5"
    assert q4["closure_reasons"][-1] == "Total | <5"
    assert q4["victims_code_informed"] == ["All | <5"]
    assert q4["referrals_by_source"][-1] == "Total | 0"
    # Over October to January: twelve deadlines, C12's met on 4 Jan as its five working days
    # ran after the holidays (counting weekends alone, it would have been due 1 Jan: late).
    # 10 of 12 in time.
    both = _lines(_compute(hub, "rj-quarterly", "2026-10-01..2027-01-31"))
    assert both["victims_code_informed"] == ["All | 83%"]
    # Eight closures now, C1's 101 days the longest: 15 18 34 38 39 58 61 101.
    assert both["days_to_closure_median"] == ["All | 38"]
    assert both["days_to_closure_p90"] == ["All | 101"]
    assert both["closure_reasons"][-1] == "Total | 8"
