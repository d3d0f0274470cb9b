"""Hub ingest: 1,000 small bundles from one enrolled laptop (one new contact note each), on
SQLite and, when RJDESK_BENCH_PG_URL names a throw-away PostgreSQL database, on PostgreSQL.
Run by bench/sync_bench.py; prints bundles per second."""

from __future__ import annotations

import json
import os
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import create_engine

from rjdesk.domain.enums import ContactKind
from rjdesk.hub import Hub
from rjdesk.hub.config import normalise_db_url
from rjdesk.hub.db import drop_hub_tables
from rjdesk.services import contacts, importer, sync
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk.sync import outgoing

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "fixtures" / "examples" / "neighbour-dispute.json"
PASSPHRASE = "bench passphrase for hub ingest"


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
