"""Hub ingest: 1,000 small bundles from one enrolled laptop (one new contact note each), on
SQLite and, when RJDESK_BENCH_PG_URL names a throw-away PostgreSQL database, on PostgreSQL.
Run by bench/sync_bench.py, or alone (``python bench/hub_ingest.py``); prints bundles per second.

Alone, it also runs the previous release as its baseline in the same run (on PostgreSQL only
when RJDESK_BENCH_PG_BASELINE_URL names a second throw-away database for it): a git worktree of
``BASELINE`` (the commit before the hub took authority over cases, issue 11), whose own
``bench/hub_ingest.py`` ingests the same workload with its own code. Ours and the baseline run
alternately in child processes, so a slow spell of the machine weighs on both; the best of each
is compared (ingest must stay within 20% of the baseline). Then the peak memory of ingesting one
120 MiB bundle (bench/hub_memory.py)."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("RJDESK_INSECURE_FAST_KDF", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine

from rjdesk.services import contacts, importer, sync
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk.sync import outgoing
from rjdesk_hub import Hub
from rjdesk_hub.config import normalise_db_url
from rjdesk_hub.db import drop_hub_tables
from rjdesk_protocol.enums import ContactKind

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "fixtures" / "examples" / "neighbour-dispute.json"
PASSPHRASE = "bench passphrase for hub ingest"
# The previous release: main before issue 11 (authority over cases, the declared protocol).
BASELINE = "ae0da805795479f72217e2f9d7b05958a227e907"
_RATE = re.compile(r"hub ingest, \d+ small bundles, (\w+)\s+(\d+) bundles/s")


def _bundles(hub: Hub, folder: Path, count: int) -> list[bytes]:
    """A laptop's first bundle (a whole case), then ``count`` bundles of one note each."""
    vault, _ = Vault.create(
        folder / "laptop", facilitator_name="Alex Morgan", passphrase=PASSPHRASE
    )
    config = hub.enroll(sync.enrollment_request(vault))
    sync.import_hub_config(vault, json.dumps(config).encode())
    with vault.unit_of_work() as uow:
        case_id = importer.import_case(uow, EXAMPLE.read_bytes()).id
    made = []
    for number in range(count + 1):
        with vault.unit_of_work() as uow:
            if number:
                contacts.record_contact(
                    uow, load_case(uow.session, case_id), kind=ContactKind.PHONE,
                    at=datetime(2026, 11, 19, 9, tzinfo=UTC), present=[],
                    notes=f"Call {number}: all quiet this week.",
                )  # fmt: skip
        with vault.unit_of_work() as uow:
            bundle = outgoing.build_bundle(uow)
            assert bundle is not None
            made.append(bundle.content)
    vault.lock()
    return made


def _run(label: str, folder: Path, count: int, db_url: str | None) -> None:
    if db_url:
        engine = create_engine(normalise_db_url(db_url))
        drop_hub_tables(engine)
        engine.dispose()
    hub = Hub.init(folder / "hub", name="Bench hub", url="http://127.0.0.1:9", db_url=db_url)
    try:
        first, *small = _bundles(hub, folder, count)
        hub.ingest(first, via="file")
        started = time.perf_counter()
        for data in small:
            hub.ingest(data, via="file")
        seconds = time.perf_counter() - started
    finally:
        hub.close()
    print(f"{f'hub ingest, {count} small bundles, {label}':52} {count / seconds:9.0f} bundles/s")


def ingest_benchmark(count: int) -> None:
    print()
    with tempfile.TemporaryDirectory() as folder:
        _run("SQLite", Path(folder) / "sqlite", count, None)
    pg_url = os.environ.get("RJDESK_BENCH_PG_URL")
    if pg_url:
        with tempfile.TemporaryDirectory() as folder:
            _run("PostgreSQL", Path(folder) / "pg", count, pg_url)
    else:
        print("  (set RJDESK_BENCH_PG_URL to a throw-away PostgreSQL database to measure it too)")


def _rates(tree: Path, count: int) -> dict[str, float]:
    """Run ``ingest_benchmark`` of the code in ``tree`` in a child process: bundles/s by
    database."""
    # This build is three distributions (DESIGN §3); the previous release was one.
    ours = (tree / "protocol").is_dir()
    parts = ("", "protocol", "hub") if ours else ("",)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(str(tree / part) for part in parts)}
    if not ours:
        # Each its own PostgreSQL database: the two releases' hub schemas differ, and each
        # refuses a database of the other's (newer) schema.
        env.pop("RJDESK_BENCH_PG_URL", None)
        if os.environ.get("RJDESK_BENCH_PG_BASELINE_URL"):
            env["RJDESK_BENCH_PG_URL"] = os.environ["RJDESK_BENCH_PG_BASELINE_URL"]
    code = f"from bench.hub_ingest import ingest_benchmark; ingest_benchmark({count})"
    answer = subprocess.run(
        [sys.executable, "-c", code], cwd=tree, env=env, check=False, capture_output=True, text=True
    )
    if answer.returncode != 0:
        raise SystemExit(f"the hub ingest benchmark failed in {tree}:\n{answer.stderr[-2000:]}")
    return {match[1]: float(match[2]) for match in _RATE.finditer(answer.stdout)}


def compare_with_baseline(count: int, rounds: int) -> None:
    """Ours against the previous release, alternately, ``rounds`` times each."""
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "baseline"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "--detach", "-q", str(tree), BASELINE],
            check=True,
        )
        try:
            ours: dict[str, list[float]] = {}
            base: dict[str, list[float]] = {}
            for _ in range(rounds):
                for found, into in ((_rates(ROOT, count), ours), (_rates(tree, count), base)):
                    for database, rate in found.items():
                        into.setdefault(database, []).append(rate)
        finally:
            subprocess.run(
                ["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False
            )
    print(f"\n{'hub ingest, ' + str(count) + ' small bundles (best of ' + str(rounds) + ')':52}"
          f" {'bundles/s':>9} {'x baseline':>11}")  # fmt: skip
    for database in sorted(base):
        best_base, best_ours = max(base[database]), max(ours.get(database, [0.0]))
        ratio = best_ours / best_base
        print(f"{f'previous release ({BASELINE[:7]}), {database}':52} {best_base:9.0f} {1:11.2f}")
        print(f"{f'this build, {database}':52} {best_ours:9.0f} {ratio:11.2f}")
        print(f"  {'ok  ' if ratio >= 0.8 else 'MISS'} within 20% of the previous release")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--memory-mib", type=int, default=120)
    args = parser.parse_args()
    compare_with_baseline(args.bundles, args.rounds)
    if args.memory_mib > 0:
        from bench.hub_memory import report

        print()
        report(args.memory_mib)
    return 0


if __name__ == "__main__":
    sys.exit(main())
