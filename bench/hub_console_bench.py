"""The console's case register over a hub of 20,000 cases: first page, name search, a case's facts.

The hub is built through real bundles: a laptop vault filled by the demo generator
(``rjdesk.demo.fill_demo``), its outbox sealed into bundles every ``--batch`` cases and each
ingested by the hub, which keeps the case index as it merges (cached in ``bench/.cache``; the
first run takes a while). Then, each timed ``--rounds`` times, p95 in milliseconds:

- the register's first page: 50 most recently changed cases with their facts decrypted, and
  the count of all cases;
- a name search (folded prefixes, rotating over common names) with its count and first page;
- a case's facts record (``Hub.case_facts``) for a random case.

Beside each, the floor: the same queries as hand-made SQL over the index on one DB-API
connection (no ORM, no session), with the same HMAC digests and the same AES-GCM openings. The
target is a p95 under 200 ms each.

    python bench/hub_console_bench.py [--cases 20000] [--rounds 50]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("RJDESK_INSECURE_FAST_KDF", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rjdesk.demo import fill_demo
from rjdesk.services import sync
from rjdesk.store.vault import Vault, _clock_at_noon
from rjdesk.sync import outgoing
from rjdesk_hub import Hub, config
from rjdesk_hub.console import index
from rjdesk_hub.console.register import RegisterQuery
from rjdesk_hub.crypto import AtRest, facts_aad
from rjdesk_protocol.text import search_terms

CACHE = Path(__file__).resolve().parent / ".cache"
PASSPHRASE = "benchmark passphrase, synthetic data only"
TODAY = date(2026, 11, 20)
PAGE = 50
TARGET_MS = 200.0
NAMES = ["luk", "smith", "nowak", "khan", "ahmed", "siobhan", "zoe", "nguyen", "ayse",
         "marcia", "kyle", "priya", "mohammed", "jo", "ali", "sarah smi"]  # fmt: skip


def build(cases: int, batch: int) -> Path:
    """A hub holding ``cases`` demo cases, sent by one laptop in bundles (cached)."""
    hub_dir = CACHE / f"hub-console-{cases}"
    if (hub_dir / "built").exists():
        return hub_dir
    shutil.rmtree(hub_dir, ignore_errors=True)
    laptop_dir = CACHE / f"hub-console-{cases}-laptop"
    shutil.rmtree(laptop_dir, ignore_errors=True)
    print(f"building a hub of {cases} demo cases (cached in {hub_dir}) ...", flush=True)
    started = time.perf_counter()
    hub = Hub.init(hub_dir, name="Bench hub", url="http://127.0.0.1:9")
    vault, _ = Vault.create(laptop_dir, facilitator_name="Alex Morgan", passphrase=PASSPHRASE,
                            clock=_clock_at_noon(TODAY))  # fmt: skip
    hub_config = hub.enroll(sync.enrollment_request(vault))
    sync.import_hub_config(vault, json.dumps(hub_config).encode())
    try:
        for done in fill_demo(vault, cases=cases, seed=7, batch=batch):
            while True:
                with vault.unit_of_work() as uow:
                    bundle = outgoing.build_bundle(uow)
                    content = None if bundle is None else bundle.content
                if content is None:
                    break
                hub.ingest(content, via="file")
            print(f"  {done} cases, {time.perf_counter() - started:.0f} s", flush=True)
    finally:
        vault.lock()
        hub.close()
    shutil.rmtree(laptop_dir, ignore_errors=True)
    (hub_dir / "built").write_text("ok\n")
    print(f"built in {time.perf_counter() - started:.0f} s", flush=True)
    return hub_dir


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] * 1000 if len(samples) > 1 else samples[0]


def timed(rounds: int, work: Callable[[int], Any]) -> float:
    samples = []
    for number in range(rounds):
        started = time.perf_counter()
        work(number)
        samples.append(time.perf_counter() - started)
    return p95(samples)


class Floor:
    """The register's queries as hand-made SQL over the index (SQLite, one connection)."""

    def __init__(self, db_path: Path, at_rest: AtRest) -> None:
        self.connection = sqlite3.connect(db_path)
        self.at_rest = at_rest

    def _rows(self, where: str, params: list[Any]) -> tuple[int, list[dict[str, Any]]]:
        count = self.connection.execute(
            f"SELECT count(*) FROM hub_case_index WHERE {where}",
            params,
        ).fetchone()[0]
        found = self.connection.execute(
            "SELECT case_id, reference, case_type, stage, source, received_on, updated_at,"
            f" closed, facts FROM hub_case_index WHERE {where}"
            " ORDER BY updated_at DESC, reference DESC, case_id LIMIT ?",
            [*params, PAGE],
        ).fetchall()
        ids = [row[0] for row in found]
        marks = ",".join("?" * len(ids))
        holders = self.connection.execute(
            "SELECT f.case_id, h.name FROM hub_case_index_facilitator f JOIN hub_facilitator h"
            f" ON h.id = f.facilitator_id WHERE f.case_id IN ({marks})",
            ids,
        ).fetchall()
        assert holders is not None
        rows = [
            {"case_id": row[0], "facts": self.at_rest.open_json(row[8], facts_aad(row[0]))}
            for row in found
        ]
        return count, rows

    def first_page(self) -> tuple[int, list[dict[str, Any]]]:
        return self._rows("1 = 1", [])

    def search(self, text: str) -> tuple[int, list[dict[str, Any]]]:
        where, params = [], []
        for word in search_terms(text):
            digest = self.at_rest.index_digest(index.name_term(word[: index.NAME_PREFIX_MAX]))
            where.append(
                "(case_id IN (SELECT case_id FROM hub_case_index_term WHERE digest = ?)"
                " OR lower(reference) LIKE ?)"
            )
            params += [digest, f"%{word}%"]
        return self._rows(" AND ".join(where) or "1 = 1", params)

    def facts(self, case_id: str) -> Any:
        row = self.connection.execute(
            "SELECT facts FROM hub_case_index WHERE case_id = ?", [case_id]
        ).fetchone()
        return self.at_rest.open_json(row[0], facts_aad(case_id))


def run(hub_dir: Path, rounds: int) -> bool:
    _, keys = config.load(hub_dir)
    floor = Floor(hub_dir / "hub.db", AtRest(keys.data_key))
    ok = True
    with Hub.open(hub_dir) as hub:
        total = hub.register(RegisterQuery(page_size=1)).total
        case_ids = [
            row[0] for row in floor.connection.execute("SELECT case_id FROM hub_case_index")
        ]
        pick = random.Random(7)
        chosen = [pick.choice(case_ids) for _ in range(rounds)]
        for text in NAMES[:3]:  # the same answers, outside the timing
            ours = hub.register(RegisterQuery(text=text, sort="updated", page_size=PAGE))
            count, rows = floor.search(text)
            assert ours.total == count, (text, ours.total, count)
            assert [r.case_id for r in ours.rows] == [r["case_id"] for r in rows], text
        print(f"\nhub console register over {total} cases, p95 of {rounds} rounds (ms)")
        print(f"{'':36} {'rjdesk':>8} {'floor':>8}")
        measures = [
            (
                f"first page ({PAGE}) and count",
                lambda _: hub.register(RegisterQuery(sort="updated", page_size=PAGE)),
                lambda _: floor.first_page(),
            ),
            (
                "name search, page and count",
                lambda n: hub.register(
                    RegisterQuery(text=NAMES[n % len(NAMES)], sort="updated", page_size=PAGE)
                ),
                lambda n: floor.search(NAMES[n % len(NAMES)]),
            ),
            (
                "a case's facts",
                lambda n: hub.case_facts(chosen[n]),
                lambda n: floor.facts(chosen[n]),
            ),
        ]
        for label, ours_work, floor_work in measures:
            ours_ms, floor_ms = timed(rounds, ours_work), timed(rounds, floor_work)
            met = ours_ms < TARGET_MS
            ok &= met
            print(f"{label:36} {ours_ms:8.1f} {floor_ms:8.1f}  {'ok' if met else 'MISS'}")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--batch", type=int, default=250)
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    return 0 if run(build(args.cases, args.batch), args.rounds) else 1


if __name__ == "__main__":
    sys.exit(main())
