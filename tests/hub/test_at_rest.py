"""Where case data rests at the hub: sealed in the database, bundles kept for their retention."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from rjdesk.services import contacts
from rjdesk.services.cases import load_case
from rjdesk_hub import Hub
from rjdesk_hub import models as m
from rjdesk_hub.errors import HubDamaged
from rjdesk_protocol.enums import ContactKind
from tests.canary import files_holding, forms
from tests.hub.conftest import LaptopFactory
from tests.laptops import edited, new_case, send_changes
from tests.services.builders import at

CANARY = "CANARY-7f3e9a-Marigold-Lantern"


def test_no_hub_file_holds_case_text(tmp_path: Path, laptop: LaptopFactory) -> None:
    hub_dir = tmp_path / "hub"
    hub = Hub.init(hub_dir)
    alex, sam = laptop("Alex Morgan"), laptop("Sam Patel")
    alex.enroll(hub)
    sam.enroll(hub)
    ids = new_case(alex)
    with alex.vault.unit_of_work() as uow:
        case = load_case(uow.session, ids.case_id)
        contacts.record_contact(
            uow,
            case,
            kind=ContactKind.PHONE,
            at=at(date(2026, 10, 7), 10),
            present=[],
            notes=f"Marcia said: {CANARY}",
        )
    send_changes(alex, hub)
    # The canary also goes through a merge, a conflict's detail, a hub bundle and a prune.
    hub.assign(ids.reference, sam.device_id)
    delivered = sam.fetch(hub, apply=True)
    assert delivered is not None
    assert any(CANARY in r["f"].get("notes", "") for r in delivered["records"])  # it is there
    base, _ = alex.records(ids.case_id, {"case_file": [ids.case_id]})
    alex.send(hub, [edited(base[0], 1, summary=f"{CANARY} (Alex)")])
    sam.send(hub, [edited(base[0], 1, summary=f"{CANARY} (Sam)")])
    assert len(hub.conflicts()) == 1
    assert sam.fetch(hub) is not None
    hub.prune()
    assert files_holding(hub_dir, forms(CANARY)) == []  # while it runs (the WAL included)...
    hub.close()
    assert files_holding(hub_dir, forms(CANARY)) == []  # ...and once it is closed
    assert files_holding(hub_dir, forms("Marcia Bennett")) == []
    assert (hub_dir / "hub.db").stat().st_size > 0


def test_sealed_data_moved_to_another_row_does_not_open(hub: Hub, laptop: LaptopFactory) -> None:
    alex = laptop()
    alex.enroll(hub)
    ids = new_case(alex)
    send_changes(alex, hub)
    with hub.db.transaction() as tx:
        case_payload = tx.session.get(m.Record, ids.case_id)
        assert case_payload is not None
        tx.session.execute(
            update(m.Record)
            .where(m.Record.row_id == ids.marcia)
            .values(payload=case_payload.payload)
        )
    with pytest.raises(HubDamaged, match="fails its authentication"):
        hub.record(ids.marcia)


def test_bundles_are_kept_for_their_retention_then_pruned(hub: Hub, laptop: LaptopFactory) -> None:
    alex = laptop()
    alex.enroll(hub)
    new_case(alex)
    found, blobs = alex.changes()
    sealed = alex.seal(found, blobs)
    receipt = hub.ingest(sealed, via="network")
    now = datetime.now(UTC)
    assert hub.prune(now + timedelta(days=399)).bundles == 0
    assert hub.prune(now + timedelta(days=401)).bundles == 1
    assert hub.prune(now + timedelta(days=402)).bundles == 0
    with hub.db.reader() as session:
        bundle = session.scalars(select(m.Bundle)).one()
        assert bundle.ciphertext is None and bundle.receipt == receipt
    assert hub.ingest(sealed, via="file") == receipt  # a repeat still gets its receipt


def test_stale_uploads_are_pruned(hub: Hub) -> None:
    hub.uploads_dir.mkdir(parents=True)
    fresh, stale = hub.uploads_dir / f"{'a' * 64}.part", hub.uploads_dir / f"{'b' * 64}.part"
    fresh.write_bytes(b"x")
    stale.write_bytes(b"y")
    eight_days = (datetime.now(UTC) - timedelta(days=8)).timestamp()
    os.utime(stale, (eight_days, eight_days))
    assert hub.prune().uploads == 1
    assert fresh.exists() and not stale.exists()
