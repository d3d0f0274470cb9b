"""Reading only the facts a return can reach (``rjdesk_hub.returns.reach``): the figures are the
same as over every fact, on the scripted end-to-end caseload and on random facts kept at a real
hub, for both shipped definitions and one counting contacts and people by their own days."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete

from rjdesk_hub import Hub
from rjdesk_hub.returns import definition, engine, keep, periods, reach, wiring
from rjdesk_hub.returns.definition import Definition
from rjdesk_hub.returns.extract import CaseExtract
from rjdesk_hub.returns.facts import CaseFacts, ContactFacts, PersonFacts
from rjdesk_hub.returns.models import ReturnCase, ReturnContact, ReturnPeople
from rjdesk_hub.returns.result import Period
from rjdesk_hub.returns.store import load_facts
from rjdesk_protocol import enums
from tests.hub.returns import scenario
from tests.hub.returns.test_returns_end_to_end import filled

__all__ = ["filled"]  # the end-to-end module's filled hub, shared here
NOW = datetime(2027, 2, 15, 12, tzinfo=UTC)

# Every kind of placing: contacts by their own day and by their case's, people by their own
# feedback day and by their case's, cases by a day no shipped figure places by.
OWN_DAYS = definition.from_json(
    {
        "format": definition.FORMAT,
        "id": "own-days",
        "version": 1,
        "title": "Units placed by their own days",
        "figures": [
            {"id": "contacts_by_kind", "title": "Contacts", "counts": "contacts",
             "placed_by": "on", "by": [{"field": "kind", "values": {"phone": "Phone"}}],
             "totals": True},
            {"id": "contacts_closed", "title": "Contacts of closed cases", "counts": "contacts",
             "placed_by": "case.closed_on"},
            {"id": "follow_up", "title": "Follow-up", "counts": "people",
             "placed_by": "follow_up_given_on", "by": [{"field": "case.source",
             "values": {"police": "Police"}}]},
            {"id": "assessed", "title": "Assessed", "counts": "cases",
             "placed_by": "assessed_on", "where": [{"field": "hate_crime", "equals": "false"}]},
        ],
    }
)  # fmt: skip
# No case day at all: every case read is one of a person placed by their own day.
FEEDBACK_ONLY = definition.from_json(
    {
        "format": definition.FORMAT,
        "id": "feedback-only",
        "version": 1,
        "title": "Feedback at the end",
        "figures": [
            {"id": "end", "title": "End", "counts": "people", "placed_by": "end_given_on",
             "by": [{"field": "case.stage", "values": {"closed": "Closed"}}]},
        ],
    }
)  # fmt: skip
PEOPLE_BY_CASE = definition.load(definition.shipped("people-by-closure"))
QUARTERLY = definition.load(definition.shipped("rj-quarterly"))
DEFINITIONS = {
    "rj-quarterly": QUARTERLY,
    "people-by-closure": PEOPLE_BY_CASE,
    "own": OWN_DAYS,
    "feedback": FEEDBACK_ONLY,
}


def _both(hub: Hub, loaded: Definition, period: Period) -> tuple[Any, Any]:
    every = engine.compute(loaded, load_facts(hub), period, now=NOW)
    reached = engine.compute(loaded, load_facts(hub, reach.reach(loaded, period)), period, now=NOW)
    return every, reached


@pytest.mark.parametrize("name", sorted(DEFINITIONS))
@pytest.mark.parametrize("period", ["2026-27", "2026-27Q3", "2026-27Q4", "2027-28Q1", "2025-26"])
def test_the_scripted_caseload_gives_the_same_figures(
    filled: tuple[Hub, scenario.Caseload], name: str, period: str
) -> None:
    hub, _ = filled
    every, reached = _both(hub, DEFINITIONS[name], periods.parse_period(period))
    assert reached == every


def test_what_a_definition_reaches() -> None:
    q3 = periods.parse_period("2026-27Q3")
    quarterly = reach.reach(QUARTERLY, q3)
    # Feedback places people by its own (sealed) day: every case's people are opened.
    assert quarterly.people and quarterly.people_days == {"end_given_on", "follow_up_given_on"}
    assert not quarterly.contacts and not quarterly.contact_days
    assert "received_on" in quarterly.case_days and "closed_on" in quarterly.case_days
    by_closure = reach.reach(PEOPLE_BY_CASE, q3)
    assert by_closure.case_days == {"closed_on"} and not by_closure.people_days
    assert not by_closure.contacts
    own = reach.reach(OWN_DAYS, q3)
    assert own.contact_days == {"on"} and own.case_days == {"closed_on", "assessed_on"}
    assert (own.start, own.end) == (date(2026, 10, 1), date(2026, 12, 31))


def test_a_period_that_reaches_nothing_reads_nothing(filled: tuple[Hub, scenario.Caseload]) -> None:
    hub, _ = filled
    far = periods.parse_period("2040-41")
    facts = load_facts(hub, reach.reach(PEOPLE_BY_CASE, far))
    assert (facts.cases, facts.people, facts.contacts) == ((), (), ())
    every, reached = _both(hub, QUARTERLY, far)
    assert reached == every


def test_the_command_and_console_read_only_what_is_reached(
    filled: tuple[Hub, scenario.Caseload],
) -> None:
    hub, _ = filled
    wired = wiring.default()
    named = wired.definition("people-by-closure")
    q3 = periods.parse_period("2026-27Q3")
    assert wired.compute(hub, named, q3, NOW) == _both(hub, PEOPLE_BY_CASE, q3)[0]


# -- random facts at a real hub ---------------------------------------------------------------

FIRST = date(2025, 1, 1)


def _day(rng: random.Random, none: float = 0.25) -> date | None:
    return None if rng.random() < none else FIRST + timedelta(rng.randrange(4 * 365))


def _word(rng: random.Random, values: Any, none: float = 0.2) -> Any:
    return None if rng.random() < none else rng.choice(list(values)).value


def random_extracts(seed: int, count: int) -> dict[str, CaseExtract | None]:
    """``count`` cases with days spread over four years (any of them unset), people with
    feedback on any day and contacts on any day, independently of their cases' days."""
    rng = random.Random(seed)
    made: dict[str, CaseExtract | None] = {}
    for number in range(count):
        case_id = f"case-{number:04d}"
        received = FIRST + timedelta(rng.randrange(4 * 365))
        agreed = rng.randrange(0, 4)
        case = CaseFacts(
            case_id, _word(rng, enums.CaseType, 0), _word(rng, enums.ReferralSource, 0),
            _word(rng, enums.Channel, 0), _word(rng, enums.Origin, 0), rng.random() < 0.2,
            received, _day(rng), _day(rng), _day(rng), _day(rng), _day(rng), _day(rng),
            _word(rng, enums.InterventionType), rng.choice([True, False, None]),
            _word(rng, enums.StartedBy), _word(rng, enums.JusticeStage),
            _word(rng, enums.Stage, 0), _word(rng, enums.Stage, 0), _day(rng, 0.4),
            _word(rng, enums.ClosureReason), rng.randrange(2), agreed, agreed // 2,
            agreed - agreed // 2, None,
        )  # fmt: skip
        people = []
        for index in range(rng.randrange(0, 4)):
            people.append(
                PersonFacts(
                    case_id,
                    f"{case_id}-p{index}",
                    _word(rng, enums.Role, 0),
                    _word(rng, enums.AgeBand),
                    _word(rng, enums.Sex),
                    None,
                    None,
                    _word(rng, enums.Ethnicity),
                    None,
                    _word(rng, enums.Disability),
                    _word(rng, enums.Religion),
                    _day(rng, 0.5),
                    _word(rng, enums.Satisfaction),
                    _word(rng, enums.Answer),
                    None,
                    None,
                    _day(rng, 0.6),
                    _word(rng, enums.Satisfaction),
                    _word(rng, enums.Answer),
                    None,
                    None,
                )
            )
        contacts = [
            ContactFacts(
                case_id,
                f"{case_id}-k{index}",
                _word(rng, enums.ContactKind, 0),
                FIRST + timedelta(rng.randrange(4 * 365)),
            )
            for index in range(rng.randrange(0, 5))
        ]
        made[case_id] = CaseExtract(case, tuple(people), tuple(contacts))
    return made


def _period(rng: random.Random) -> Period:
    if rng.random() < 0.5:
        year = rng.randrange(2024, 2029)
        quarter = rng.choice(["", "Q1", "Q2", "Q3", "Q4"])
        return periods.parse_period(f"{year}-{(year + 1) % 100:02d}{quarter}")
    start = FIRST + timedelta(rng.randrange(4 * 365))
    return Period(start, start + timedelta(rng.randrange(0, 200)), "a range")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(seed=st.integers(0, 2**32 - 1), count=st.integers(0, 30))
def test_random_facts_give_the_same_figures(hub: Hub, seed: int, count: int) -> None:
    with hub.db.transaction() as tx:
        for model in (ReturnContact, ReturnPeople, ReturnCase):
            tx.session.execute(delete(model))
        keep._write(tx.session, hub._at_rest, random_extracts(seed, count))
    rng = random.Random(seed)
    for _ in range(3):
        period = _period(rng)
        for loaded in DEFINITIONS.values():
            every, reached = _both(hub, loaded, period)
            assert reached == every, (loaded.id, period)


def test_the_narrowing_reads_fewer_facts(hub: Hub) -> None:
    """A year's return over four years of cases reads about a year's cases and no contacts."""
    extracts = random_extracts(7, 200)
    with hub.db.transaction() as tx:
        keep._write(tx.session, hub._at_rest, extracts)
    year = periods.parse_period("2026-27")
    facts = load_facts(hub, reach.reach(PEOPLE_BY_CASE, year))
    closed = {
        case_id
        for case_id, extract in extracts.items()
        if extract is not None and extract.case.closed_on is not None
        and year.start <= extract.case.closed_on <= year.end
    }  # fmt: skip
    assert {c.case_id for c in facts.cases} == closed
    assert facts.contacts == ()
    by_case: dict[str, int] = defaultdict(int)
    for person in facts.people:
        by_case[person.case_id] += 1
    assert set(by_case) <= closed
    assert sum(by_case.values()) == sum(
        len(extracts[c].people)
        for c in closed
        if extracts[c] is not None  # type: ignore[union-attr]
    )
