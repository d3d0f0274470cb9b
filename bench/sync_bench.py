"""Sync benchmark (issue 5).

    .venv/bin/python bench/sync_bench.py [--cases 1000] [--runs 5] [--bundles 1000]

1. Building and encrypting one bundle of 1,000 cases with their contacts (the first sync of a
   laptop that already holds them), against a minimal baseline in the same run: the same rows
   read with one SELECT per table, ``json.dumps`` and age encryption. Target: ratio <= 2.
2. Hub ingest of 1,000 small bundles (one case each, from one enrolled device): bundles per
   second on SQLite and, when ``RJDESK_BENCH_PG_URL`` names a throw-away PostgreSQL database,
   on PostgreSQL.

The 1,000-case vault is built once with the demo generator and cached in bench/.cache/.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ["RJDESK_INSECURE_FAST_KDF"] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select

from rjdesk.demo import fill_demo
from rjdesk.domain.base import Base
from rjdesk.domain.models import Case, Contact
from rjdesk.services import sync
from rjdesk.store.vault import Vault, _clock_at_noon
from rjdesk.sync import outgoing, records
from rjdesk_protocol.keys import AgeIdentity, SigningKey, encrypt, sign_document

CACHE = Path(__file__).resolve().parent / ".cache"
PASSPHRASE = "bench passphrase for sync"
TODAY = datetime(2026, 11, 20, tzinfo=UTC).date()


class Rollback(Exception):
    """Leaves the vault as it was after a measured build."""


def cached_vault(cases: int) -> Path:
    source = CACHE / f"sync-vault-{cases}"
    if (source / "vault.key").exists():
        return source
    shutil.rmtree(source, ignore_errors=True)
    print(f"building a vault of {cases} synthetic cases (cached in {source}) ...", flush=True)
    vault, _ = Vault.create(source, facilitator_name="Bench Facilitator", passphrase=PASSPHRASE,
                            clock=_clock_at_noon(TODAY))  # fmt: skip
    for _ in fill_demo(vault, cases=cases, seed=11):
        pass
    vault.lock()
    return source


def enrol(vault: Vault) -> AgeIdentity:
    """Enrol with a stand-in hub (keys only): building a bundle needs no server."""
    hub_key, hub_age = SigningKey.generate(), AgeIdentity.generate()
    request = sync.enrollment_request(vault)
    config = {
        "format": sync.HUB_CONFIG_FORMAT,
        "hub_url": "http://127.0.0.1:9",
        "hub_name": "Bench hub",
        "hub_key_id": hub_key.public.key_id_hex,
        "hub_signing_key": hub_key.public.to_minisign("bench hub"),
        "hub_age_recipient": hub_age.recipient,
        "device_id": request["device_id"],
        "facilitator_id": "f",
        "enrolled_at": datetime.now(UTC).isoformat(),
    }
    sync.import_hub_config(vault, json.dumps(sign_document(config, hub_key, "bench")).encode())
    return hub_age


def timed_pair(
    ours: Callable[[], Any], baseline: Callable[[], Any], runs: int
) -> tuple[list[float], list[float]]:
    """Runs both in turn (after one warm run each), so a slower spell of the machine weighs on
    both alike."""
    ours(), baseline()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for action, into in ((ours, times[0]), (baseline, times[1])):
            started = time.perf_counter()
            action()
            into.append((time.perf_counter() - started) * 1000)
    return times


def build_ours(vault: Vault) -> int:
    size = 0
    try:
        with vault.unit_of_work() as uow:
            bundle = outgoing.build_bundle(uow, limit=10**9)
            assert bundle is not None
            size = bundle.size
            raise Rollback
    except Rollback:
        pass
    return size


def build_baseline(vault: Vault, recipient: str) -> int:
    """The same rows, one SELECT per table, json.dumps, age: the least a bundle could cost."""

    def plain(value: Any) -> Any:
        if isinstance(value, bytes):
            return base64.b64encode(value).decode()
        return str(value)

    tables = [*records.SYNCED_TABLES, "contact_present"]
    with vault.reader() as session, session.connection() as connection:
        rows = {
            name: [
                dict(row)
                for row in connection.execute(select(Base.metadata.tables[name])).mappings()
            ]
            for name in tables
        }
    data = json.dumps(rows, default=plain, separators=(",", ":")).encode()
    return len(encrypt(data, recipient))


def bundle_benchmark(cases: int, runs: int) -> tuple[float, float]:
    source = cached_vault(cases)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder) / "vault"
        shutil.copytree(source, work)
        vault = Vault(work, clock=_clock_at_noon(TODAY))
        vault.unlock(PASSPHRASE)
        hub_age = enrol(vault)
        with vault.reader() as session:
            n_cases = session.scalar(select(func.count(Case.id)))
            n_contacts = session.scalar(select(func.count(Contact.id)))
            n_changes = outgoing.pending_change_count(session)
        size = build_ours(vault)
        print(f"\nvault: {n_cases} cases, {n_contacts} contacts, {n_changes} rows to send; "
              f"bundle {size / 1e6:.1f} MB; median of {runs} warm runs\n")  # fmt: skip
        ours_ms, base_ms = timed_pair(
            lambda: build_ours(vault), lambda: build_baseline(vault, hub_age.recipient), runs
        )
        ours, base = statistics.median(ours_ms), statistics.median(base_ms)
        vault.lock()
    return ours, base


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundles", type=int, default=1000)
    args = parser.parse_args()
    ours, base = bundle_benchmark(args.cases, args.runs)
    ratio = ours / base
    print(f"{'':52} {'ms':>9} {'x baseline':>11}")
    print(f"{'baseline: SELECT per table, json.dumps, age':52} {base:9.0f} {1.0:11.2f}")
    print(f"{f'bundle of {args.cases} cases: build, sign, encrypt':52} {ours:9.0f} {ratio:11.2f}")
    print(f"\n  {'ok  ' if ratio <= 2 else 'MISS'} bundle ratio <= 2")
    if args.bundles <= 0:
        return 0
    try:
        from bench.hub_ingest import ingest_benchmark
    except ImportError:
        return 0
    ingest_benchmark(args.bundles)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
