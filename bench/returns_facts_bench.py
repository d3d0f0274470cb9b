"""The hub's return facts (issue 16): what keeping them costs a write, and how fast
``load_facts`` reads them all.

1. Writes: 200 cases of hand-made records (a case, 3 people, 5 contacts, a risk assessment, 3
   stage changes, an agreement with 2 actions, feedback and equality: 24 rows each) written
   through the hub's store in one transaction as an ingest applies a bundle, with the facts
   kept and with their refresh switched off, alternately (best of ``--rounds`` each).
2. Ingest: 200 demo cases (``rjdesk.demo.fill_demo``) sent by a laptop in real bundles,
   ingested by a fresh hub with the facts kept and with their refresh switched off, alternately.
3. Read: ``load_facts`` over ``--cases`` synthetic cases' kept facts (best of 5).

    python bench/returns_facts_bench.py [--cases 20000] [--rounds 5]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("RJDESK_INSECURE_FAST_KDF", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rjdesk.demo import fill_demo
from rjdesk.services import sync
from rjdesk.store.vault import Vault
from rjdesk.sync import outgoing
from rjdesk_hub import Hub
from rjdesk_hub.returns import keep
from rjdesk_hub.returns.extract import FactsRows, build_facts
from rjdesk_hub.returns.store import load_facts
from rjdesk_hub.store import HubStore
from tests.hub.returns import records as r


def case_rows(number: int) -> list[r.Row]:
    case_id = f"case-{number:08d}"
    received = date(2026, 4, 1) + timedelta(days=number % 360)
    day = received.isoformat()
    ids = [f"{case_id}-p{i}" for i in range(3)]
    closed = {"stage": "closed", "closed_on": day, "closure_reason": "completed"}
    rows: list[r.Row] = [r.case_file(case_id, day, intervention_type="conference", **closed)]
    for i, role in enumerate(("harmed", "responsible", "supporter")):
        rows.append(r.person(f"{ids[i]}-person", f"Person {number} {i}", "1990-05-05"))
        rows.append(r.participant(ids[i], case_id, f"{ids[i]}-person", role, i))
        rows.append(r.equality(f"{ids[i]}-eq", case_id, ids[i], sex="female",
                               ethnicity="white_british"))  # fmt: skip
        rows.append(r.feedback(f"{ids[i]}-fb", case_id, ids[i], "end", given_on=day,
                               satisfaction="4", coping="yes"))  # fmt: skip
    for k in range(5):
        rows.append(r.contact(f"{case_id}-k{k}", case_id, "phone", f"{day}T10:00:00Z", ids[:1]))
    rows.append(r.risk(f"{case_id}-risk", case_id, day))
    for s, (a, b) in enumerate((("referral", "assessment"), ("assessment", "intervention"),
                                ("intervention", "closed"))):  # fmt: skip
        rows.append(r.stage_change(f"{case_id}-s{s}", case_id, a, b, f"{day}T12:00:00Z"))
    rows.append(r.agreement(f"{case_id}-a", case_id, 1, "signed"))
    rows += [r.action(f"{case_id}-x{i}", f"{case_id}-a", "done", i) for i in range(2)]
    return rows


def _case_of(table: str, row_id: str, fields: dict[str, Any]) -> str | None:
    if table == "person":
        return None
    if table == "case_file":
        return row_id
    if table == "agreement_action":
        return row_id.rsplit("-x", 1)[0]
    return str(fields["case_id"])


@contextmanager
def facts_off(off: bool) -> Iterator[None]:
    kept = keep.refresh
    if off:
        keep.refresh = lambda store, case_ids: 0  # type: ignore[assignment]
    try:
        yield
    finally:
        keep.refresh = kept  # type: ignore[assignment]


def write(hub: Hub, rows: list[r.Row]) -> float:
    started = time.perf_counter()
    with hub.db.transaction() as tx:
        store = HubStore(tx, hub._at_rest)
        store.prefetch(row_id for _, row_id, _ in rows)  # as an ingest does
        for table, row_id, fields in rows:
            store.write(row_id=row_id, table=table, case_id=_case_of(table, row_id, fields),
                        fields=fields, deleted=False, device_id="bench", bundle_id=None,
                        how="apply")  # fmt: skip
    return time.perf_counter() - started


def bench_writes(folder: Path, rounds: int) -> None:
    timings: dict[bool, list[float]] = {True: [], False: []}
    for round_ in range(rounds):
        for off in (False, True):
            made = Hub.init(folder / f"w{round_}-{off}", name="Bench", url="http://127.0.0.1:9")
            with made as hub:
                rows = [row for n in range(200) for row in case_rows(n + round_ * 1000)]
                with facts_off(off):
                    timings[off].append(write(hub, rows))
    with_facts, without = min(timings[False]), min(timings[True])
    extra = with_facts / without - 1
    print(
        f"writing 200 cases (24 rows each) in one transaction: {with_facts * 1000:.0f} ms with "
        f"the return facts kept, {without * 1000:.0f} ms without (+{extra:.0%})"
    )


def demo_bundles(folder: Path, hub: Hub, cases: int) -> list[bytes]:
    """A laptop's bundles of ``cases`` demo cases (made once, ingested by every hub)."""
    vault, _ = Vault.create(folder / "laptop", facilitator_name="Alex Morgan",
                            passphrase="bench passphrase, synthetic data only")  # fmt: skip
    sync.import_hub_config(vault, json.dumps(hub.enroll(sync.enrollment_request(vault))).encode())
    made = []
    for _done in fill_demo(vault, cases=cases, seed=7, batch=50):
        while True:
            with vault.unit_of_work() as uow:
                bundle = outgoing.build_bundle(uow)
            if bundle is None:
                break
            made.append(bundle.content)
    vault.lock()
    return made


def bench_ingest(folder: Path, rounds: int) -> None:
    """The same bundles into fresh hubs made from one enrolled hub's copy."""
    template = folder / "ingest-template"
    with Hub.init(template, name="Bench", url="http://127.0.0.1:9") as hub:
        bundles = demo_bundles(folder, hub, 200)
    timings: dict[bool, list[float]] = {True: [], False: []}
    for round_ in range(rounds):
        for off in (False, True):
            copy = folder / f"ingest-{round_}-{off}"
            shutil.copytree(template, copy)
            with Hub.open(copy) as hub, facts_off(off):
                started = time.perf_counter()
                for content in bundles:
                    hub.ingest(content, via="file")
                timings[off].append(time.perf_counter() - started)
    with_facts, without = min(timings[False]), min(timings[True])
    print(
        f"ingesting 200 demo cases ({len(bundles)} bundles): {with_facts * 1000:.0f} ms with the "
        f"return facts kept, {without * 1000:.0f} ms without (+{with_facts / without - 1:.0%})"
    )


def bench_read(folder: Path, cases: int) -> None:
    with Hub.init(folder / "read", name="Bench", url="http://127.0.0.1:9") as hub:
        chunk = 1000
        for start in range(0, cases, chunk):
            extracts = {}
            for n in range(start, min(cases, start + chunk)):
                rows = case_rows(n)
                extract = build_facts(rows[0][1], FactsRows(rows))
                extracts[rows[0][1]] = extract
            with hub.db.transaction() as tx:
                keep._write(tx.session, hub._at_rest, extracts)
        times = []
        for _ in range(5):
            started = time.perf_counter()
            facts = load_facts(hub)
            times.append(time.perf_counter() - started)
        print(
            f"load_facts over {len(facts.cases)} cases ({len(facts.people)} people, "
            f"{len(facts.contacts)} contacts): best {min(times) * 1000:.0f} ms, "
            f"worst {max(times) * 1000:.0f} ms of 5"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        bench_writes(Path(folder), args.rounds)
        bench_ingest(Path(folder), args.rounds)
        bench_read(Path(folder), args.cases)
    return 0


if __name__ == "__main__":
    sys.exit(main())
