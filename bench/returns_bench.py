"""A year's return over 20,000 cases at the hub, as a coordinator waits for it: the default
quarterly definition (rj-quarterly, 26 figures) for the financial year "2026-27", computed as
``rjdesk-hub returns`` and the console's Returns page do it (``returns.wiring``'s compute: the
hub's kept facts read by ``store.load_facts``, only those the period can reach, then
``engine.compute``), less writing the file. Over two real hub databases, built once and cached
in bench/.cache:

- ``returns-synthetic-N``: the worst case. N synthetic cases all received in 2026-27 (about 2.5
  people with feedback and equality answers, and 6 contacts each), their facts written through
  the facts' models by ``keep._write`` (people sealed under the hub's key) as ``keep.refresh``
  keeps them; built in seconds.
- ``returns-demo-N``: bench/hub_console_bench.py's hub (N demo cases over two years up to
  2026-11-20, sent by a laptop in real bundles), copied, upgraded and reindexed: its facts kept
  by the real code path (``Hub.reindex``, i.e. ``keep.refresh`` over the stored records). Built
  before the demo recorded feedback and equality, so its people have none. Needs that hub.

Timed ``--rounds`` times (best, median and worst, in milliseconds): the whole (load + compute),
then load_facts of what the period reaches, compute alone, and load_facts of every fact; and
the floor, in the same process: every fact read by hand (one DB-API cursor per table, every
sealed people record opened with AES-GCM and JSON, no SQLAlchemy), and the counting a person
would write by hand (one pass per figure placing each unit and counting it into its
breakdown's cell with a dict: no filter, no percentile, no suppression), both with the garbage
collector paused as the return has it. The ratio is printed. The target is under 2 s.

    python bench/returns_bench.py [--cases 20000] [--rounds 5] [--hub synthetic|demo|both]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sqlite3
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import fields
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

os.environ.setdefault("RJDESK_INSECURE_FAST_KDF", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rjdesk_hub import Hub
from rjdesk_hub.returns import (
    collection,
    definition,
    engine,
    keep,
    produce,
    reach,
    store,
    wiring,
)
from rjdesk_hub.returns.definition import Definition
from rjdesk_hub.returns.extract import CaseExtract
from rjdesk_hub.returns.facts import CaseFacts, ContactFacts, Facts, PersonFacts
from rjdesk_hub.returns.periods import parse_period
from rjdesk_hub.returns.result import Period
from rjdesk_protocol import enums
from rjdesk_protocol.calendar import add_working_days

CACHE = Path(__file__).resolve().parent / ".cache"
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


# -- a real hub's database ---------------------------------------------------------------------


def synthetic_hub(count: int) -> Path:
    """A hub whose return facts are ``synthetic_facts(count)``, written through the facts'
    models by ``keep._write`` (people sealed under the hub's key, as ``refresh`` keeps them):
    the worst case, every case received in 2026-27 (cached)."""
    folder = CACHE / f"returns-synthetic-{count}"
    if (folder / "built").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    print(f"building a hub of {count} synthetic cases' facts in {folder} ...", flush=True)
    started = time.perf_counter()
    facts = synthetic_facts(count)
    people: dict[str, list[PersonFacts]] = defaultdict(list)
    contacts: dict[str, list[ContactFacts]] = defaultdict(list)
    for person in facts.people:
        people[person.case_id].append(person)
    for contact in facts.contacts:
        contacts[contact.case_id].append(contact)
    with Hub.init(folder, name="Bench hub", url="http://127.0.0.1:9") as hub:
        for start in range(0, count, 1000):
            extracts: dict[str, CaseExtract | None] = {
                case.case_id: CaseExtract(
                    case, tuple(people[case.case_id]), tuple(contacts[case.case_id])
                )
                for case in facts.cases[start : start + 1000]
            }
            with hub.db.transaction() as tx:
                keep._write(tx.session, hub._at_rest, extracts)
    (folder / "built").write_text("ok\n")
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    return folder


def demo_hub(count: int) -> Path | None:
    """A copy of bench/hub_console_bench.py's hub (``count`` demo cases sent by a laptop in real
    bundles), upgraded and reindexed: its return facts kept by the real code path
    (``Hub.reindex``, i.e. ``keep.refresh`` over the stored records). None when that hub has not
    been built (cached; the original is never opened for writing)."""
    folder = CACHE / f"returns-demo-{count}"
    if (folder / "built").exists():
        return folder
    source = CACHE / f"hub-console-{count}"
    if not (source / "built").exists():
        print(f"no {source}: run bench/hub_console_bench.py --cases {count} first")
        return None
    shutil.rmtree(folder, ignore_errors=True)
    print(f"copying {source.name} to {folder} and reindexing it ...", flush=True)
    started = time.perf_counter()
    shutil.copytree(source, folder, ignore=shutil.ignore_patterns("built"))
    with Hub.open(folder) as hub:
        hub.reindex()
    (folder / "built").write_text("ok\n")
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    return folder


# -- the floor of a whole return over a hub ----------------------------------------------------


def floor_load(hub: Hub) -> Facts:
    """Every fact read by hand: the facts' plain columns by one DB-API cursor each (no
    SQLAlchemy), every case's sealed people opened (AES-GCM and JSON), each row a plain
    namespace the floor's counting reads by name."""
    path = hub.data_dir / "hub.db"
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [c.name for c in fields(CaseFacts)]
        day = date.fromisoformat
        dated = {i for i, name in enumerate(names) if name.endswith("_on")}
        cases = []
        for row in connection.execute(f"select {', '.join(names)} from hub_return_case"):
            values = [day(v) if i in dated and v is not None else v for i, v in enumerate(row)]
            cases.append(SimpleNamespace(**dict(zip(names, values, strict=True))))
        contacts = [
            SimpleNamespace(case_id=c, contact_id=k, kind=kind, on=day(on))
            for c, k, kind, on in connection.execute(
                'select case_id, contact_id, kind, "on" from hub_return_contact'
            )
        ]
        people = []
        for case_id, sealed in connection.execute("select case_id, sealed from hub_return_people"):
            doc = hub._at_rest.open_json(sealed, keep.people_aad(case_id))
            for values in doc["people"]:
                person = SimpleNamespace(**dict(zip(keep.PERSON_FIELDS[1:], values, strict=True)))
                person.case_id = case_id
                for name in keep.PERSON_DATES:
                    if getattr(person, name) is not None:
                        setattr(person, name, day(getattr(person, name)))
                people.append(person)
    finally:
        connection.close()
    return Facts(tuple(cases), tuple(people), tuple(contacts))  # type: ignore[arg-type]


# -- timing ------------------------------------------------------------------------------------


def timed(step: Callable[[], Any], rounds: int) -> tuple[float, float, float]:
    """Best, median and worst of ``rounds`` runs, in milliseconds."""
    took = []
    for _ in range(rounds):
        started = time.perf_counter()
        step()
        took.append((time.perf_counter() - started) * 1000)
    return min(took), statistics.median(took), max(took)


def line(name: str, figures: tuple[float, float, float], note: str = "") -> None:
    best, median, worst = figures
    print(f"  {name:<38} best {best:7.0f}  median {median:7.0f}  worst {worst:7.0f} ms{note}")


def bench_hub(folder: Path, loaded: Definition, text: str, period: Period, rounds: int) -> None:
    """What a coordinator waits for: ``produce`` as the command and the console run it (the
    wiring's compute: ``load_facts`` then ``engine.compute``), less writing the file."""
    now = datetime.now(UTC)
    with Hub.open(folder) as hub:
        wired = wiring.default()
        named = produce.Definition(loaded=loaded, text=text)
        facts = store.load_facts(hub)
        print(
            f"{folder.name}: {len(facts.cases)} cases, {len(facts.people)} people, "
            f"{len(facts.contacts)} contacts kept; {len(loaded.figures)} figures over "
            f"{period.label}"
        )
        whole = timed(lambda: wired.compute(hub, named, period, now), rounds)
        line("load + compute (as produce does)", whole, "   (target < 2000)")
        reached = reach.reach(loaded, period)
        facts = store.load_facts(hub, reached)
        line(
            "  load_facts, what the period reaches",
            timed(lambda: store.load_facts(hub, reached), rounds),
        )
        line("  compute", timed(lambda: engine.compute(loaded, facts, period, now=now), rounds))
        line("load_facts, every fact", timed(lambda: store.load_facts(hub), rounds))
        with collection.paused():
            line("floor: read every fact by hand", timed(lambda: floor_load(hub), rounds))
            line("floor: count by hand", timed(lambda: floor(loaded, facts, period), rounds))
            least = timed(lambda: floor(loaded, floor_load(hub), period), rounds)
        line("floor: read + count", least)
        print(f"  ratio (load + compute) / floor, best: {whole[0] / least[0]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--period", default="2026-27")
    parser.add_argument(
        "--hub", choices=("synthetic", "demo", "both"), default="both",
        help="which cached hub to time (demo: needs bench/hub_console_bench.py's hub)",
    )  # fmt: skip
    arguments = parser.parse_args()
    text = definition.shipped("rj-quarterly")
    loaded = definition.load(text)
    period = parse_period(arguments.period)
    folders = []
    if arguments.hub in ("synthetic", "both"):
        folders.append(synthetic_hub(arguments.cases))
    if arguments.hub in ("demo", "both"):
        found = demo_hub(arguments.cases)
        folders += [found] if found is not None else []
    for folder in folders:
        bench_hub(folder, loaded, text, period, arguments.rounds)


if __name__ == "__main__":
    main()
