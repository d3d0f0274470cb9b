"""A year's return over 20,000 cases: the default quarterly definition (rj-quarterly, 26
figures) computed for the financial year "2026-27" over synthetic facts of ``--cases`` cases
received across that year, with about 2.5 people and 6 contacts each.

Timed ``--rounds`` times (best and median, in milliseconds):

- ``compute``: the engine, every figure with its filters, breakdowns, medians and suppression;
- the floor: a plain-Python single pass per figure over the same units, placing each in the
  period and counting it into its breakdown's cell with a dict (no filter, no percentile, no
  suppression): the counting a person would write by hand for the same cells. The ratio is printed;
- for scale, SQLite's GROUP BY of referrals by source over the same cases in memory (one
  figure of the 26).

The target is under 2 s for the whole return. With ``--hub DIR`` (a hub's data folder) the
bench also times reading that hub's facts (``rjdesk_hub.returns.store.load_facts``, when the
hub has it) and computes the return over them.

    python bench/returns_bench.py [--cases 20000] [--rounds 5] [--hub DIR]
"""

from __future__ import annotations

import argparse
import importlib
import random
import sqlite3
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rjdesk_hub.returns import definition, engine
from rjdesk_hub.returns.definition import Definition
from rjdesk_hub.returns.facts import CaseFacts, ContactFacts, Facts, PersonFacts
from rjdesk_hub.returns.periods import parse_period
from rjdesk_hub.returns.result import Period
from rjdesk_protocol import enums
from rjdesk_protocol.calendar import add_working_days

YEAR_START = date(2026, 4, 1)


def _maybe(rng: random.Random, values: Any, none: float = 0.1) -> Any:
    return None if rng.random() < none else rng.choice(list(values)).value


def synthetic_facts(count: int, seed: int = 16) -> Facts:
    """``count`` cases received across 2026-27, in every stage, with their people and contacts."""
    rng = random.Random(seed)
    cases, people, contacts = [], [], []
    for number in range(count):
        case_id = f"case-{number:06d}"
        received = YEAR_START + timedelta(rng.randrange(365))
        harmed = rng.random() < 0.8
        due = add_working_days(received, 5) if harmed else None
        told = received + timedelta(rng.randrange(10)) if harmed and rng.random() < 0.9 else None
        made = received + timedelta(rng.randrange(30)) if rng.random() < 0.85 else None
        assessed = made + timedelta(rng.randrange(20)) if made and rng.random() < 0.8 else None
        met = assessed + timedelta(rng.randrange(60)) if assessed and rng.random() < 0.6 else None
        kind = rng.choice(list(enums.InterventionType)) if met else None
        closed = received + timedelta(rng.randrange(40, 250)) if rng.random() < 0.7 else None
        agreed = rng.randrange(1, 6) if met and rng.random() < 0.7 else 0
        done = rng.randrange(agreed + 1) if agreed else 0
        cases.append(
            CaseFacts(
                case_id=case_id,
                case_type=rng.choice(list(enums.CaseType)).value,
                source=rng.choice(list(enums.ReferralSource)).value,
                channel=rng.choice(list(enums.Channel)).value,
                origin=rng.choice(list(enums.Origin)).value,
                hate_crime=rng.random() < 0.05,
                received_on=received,
                victims_code_due_on=due,
                victims_code_informed_on=told,
                first_contact_attempted_on=made,
                first_contact_made_on=made,
                assessed_on=assessed,
                intervention_on=met,
                intervention_type=kind.value if kind else None,
                direct=kind in enums.DIRECT_INTERVENTIONS if kind else None,
                started_by=_maybe(rng, enums.StartedBy, 0.3),
                justice_stage=_maybe(rng, enums.JusticeStage, 0.3),
                stage="closed" if closed else rng.choice(list(enums.Stage)[:-1]).value,
                stage_reached=rng.choice(list(enums.Stage)[:-1]).value,
                closed_on=closed,
                closure_reason=rng.choice(list(enums.ClosureReason)).value if closed else None,
                agreements_signed=1 if agreed else 0,
                actions_agreed=agreed,
                actions_done=done,
                actions_not_done=agreed - done,
                partner_id=None,
            )
        )
        roles = ["harmed" if harmed else "responsible", "responsible"]
        roles += ["supporter"] if rng.random() < 0.5 else []
        for index, role in enumerate(roles):
            end = closed - timedelta(rng.randrange(10)) if closed and rng.random() < 0.5 else None
            later = end + timedelta(90) if end and rng.random() < 0.3 else None
            ethnicity = _maybe(rng, enums.Ethnicity, 0.3)
            people.append(
                PersonFacts(
                    case_id=case_id,
                    participant_id=f"{case_id}-{index}",
                    role=role,
                    age_band=_maybe(rng, enums.AgeBand, 0.3),
                    sex=_maybe(rng, enums.Sex, 0.3),
                    gender_same_as_sex=_maybe(rng, enums.GenderSameAsSex, 0.4),
                    sexual_orientation=_maybe(rng, enums.SexualOrientation, 0.4),
                    ethnicity=ethnicity,
                    ethnic_group=(
                        enums.ethnic_group(enums.Ethnicity(ethnicity)) if ethnicity else None
                    ),
                    disability=_maybe(rng, enums.Disability, 0.3),
                    religion=_maybe(rng, enums.Religion, 0.3),
                    end_given_on=end,
                    end_satisfaction=_maybe(rng, enums.Satisfaction) if end else None,
                    end_coping=_maybe(rng, enums.Answer) if end else None,
                    end_feels_safer=_maybe(rng, enums.Answer) if end else None,
                    end_would_recommend=_maybe(rng, enums.Answer) if end else None,
                    follow_up_given_on=later,
                    follow_up_satisfaction=_maybe(rng, enums.Satisfaction) if later else None,
                    follow_up_coping=_maybe(rng, enums.Answer) if later else None,
                    follow_up_feels_safer=_maybe(rng, enums.Answer) if later else None,
                    follow_up_would_recommend=_maybe(rng, enums.Answer) if later else None,
                )
            )
        for index in range(rng.randrange(2, 11)):
            contacts.append(
                ContactFacts(
                    case_id,
                    f"{case_id}-k{index}",
                    rng.choice(list(enums.ContactKind)).value,
                    received + timedelta(rng.randrange(200)),
                )
            )
    return Facts(tuple(cases), tuple(people), tuple(contacts))


def floor(loaded: Definition, facts: Facts, period: Period) -> int:
    """The counting a person would write by hand for the same cells: each kind of unit it
    counts joined to its case once, placed in the period once per placing day, then one pass per
    figure counting each placed unit into its breakdown's cell with a dict (no filter, no
    percentile, no suppression)."""
    cases = {case.case_id: case for case in facts.cases}
    rows: dict[str, Any] = {"cases": facts.cases, "people": facts.people}
    rows["contacts"] = facts.contacts
    counts = {figure.counts for figure in loaded.figures}  # only the kinds it counts
    joined = {kind: [(row, cases[row.case_id]) for row in rows[kind]] for kind in counts}
    placed: dict[tuple[str, str], list[tuple[Any, Any]]] = {}
    counted = 0
    for figure in loaded.figures:
        by = figure.placed_by
        key = (figure.counts, by.name)
        if key not in placed:
            side = 1 if by.of_case else 0
            start, end = period.start, period.end
            placed[key] = [
                unit
                for unit in joined[figure.counts]
                if (day := getattr(unit[side], by.attribute)) is not None and start <= day <= end
            ]
        fields = [(1 if f.field.of_case else 0, f.field.attribute) for f in figure.by]
        cells: Counter[tuple[Any, ...]] = Counter()
        for unit in placed[key]:
            cells[tuple(getattr(unit[side], name) for side, name in fields)] += 1
        counted += sum(cells.values())
    return counted


def sqlite_group_by(facts: Facts, period: Period) -> Callable[[], list[tuple[Any, ...]]]:
    connection = sqlite3.connect(":memory:")
    connection.execute("create table return_case (case_id text, source text, received_on text)")
    connection.executemany(
        "insert into return_case values (?, ?, ?)",
        [(c.case_id, c.source, c.received_on.isoformat()) for c in facts.cases],
    )
    query = (
        "select source, count(*) from return_case where received_on between ? and ? group by source"
    )
    bounds = (period.start.isoformat(), period.end.isoformat())
    return lambda: connection.execute(query, bounds).fetchall()


def timed(step: Callable[[], Any], rounds: int) -> tuple[float, float]:
    took = []
    for _ in range(rounds):
        started = time.perf_counter()
        step()
        took.append((time.perf_counter() - started) * 1000)
    return min(took), statistics.median(took)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--hub", type=Path, help="also time reading this hub's facts")
    arguments = parser.parse_args()
    loaded = definition.load(definition.shipped("rj-quarterly"))
    period = parse_period("2026-27")
    now = datetime.now(UTC)

    started = time.perf_counter()
    facts = synthetic_facts(arguments.cases)
    made = time.perf_counter() - started
    print(
        f"{len(facts.cases)} cases, {len(facts.people)} people, {len(facts.contacts)} contacts "
        f"(made in {made:.1f} s); {len(loaded.figures)} figures over {period.label}"
    )
    best, median = timed(lambda: engine.compute(loaded, facts, period, now=now), arguments.rounds)
    floor_best, floor_median = timed(lambda: floor(loaded, facts, period), arguments.rounds)
    group_by = sqlite_group_by(facts, period)
    sql_best, sql_median = timed(group_by, arguments.rounds)
    print(f"compute:           best {best:8.1f} ms   median {median:8.1f} ms   (target < 2000)")
    print(f"floor (one pass):  best {floor_best:8.1f} ms   median {floor_median:8.1f} ms")
    print(f"ratio compute/floor (best): {best / floor_best:.2f}")
    print(f"sqlite GROUP BY, 1 figure:  best {sql_best:6.1f} ms   median {sql_median:6.1f} ms")

    if arguments.hub is not None:
        try:
            store = importlib.import_module("rjdesk_hub.returns.store")
        except ImportError:
            print("this hub has no rjdesk_hub.returns.store yet: load_facts not timed")
            return
        from rjdesk_hub import Hub

        with Hub.open(arguments.hub) as hub:
            started = time.perf_counter()
            stored = store.load_facts(hub)
            loading = (time.perf_counter() - started) * 1000
            started = time.perf_counter()
            engine.compute(loaded, stored, period, now=now)
            counting = (time.perf_counter() - started) * 1000
        print(
            f"hub {arguments.hub}: load_facts {loading:.0f} ms ({len(stored.cases)} cases), "
            f"compute {counting:.0f} ms, together {loading + counting:.0f} ms"
        )


if __name__ == "__main__":
    main()
