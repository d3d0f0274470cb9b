"""``rjdesk-hub check`` (issue 11, item 3): records stored before the hub checked them (as an
older hub stored them) are checked against the current schema; failures are set aside for the
coordinator, listed with reasons, no longer delivered; exit 1 then, 0 when all pass."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rjdesk_hub import Hub
from rjdesk_hub.cli import main
from rjdesk_hub.store import HubStore
from tests.hub.conftest import LaptopFactory
from tests.laptops import new_case, of


def _store_unchecked(hub: Hub, row_id: str, table: str, case_id: str, fields: Any) -> None:
    """Write a record straight into the hub's store, as a hub without checks once did."""
    with hub.db.transaction() as tx:
        HubStore(tx, hub._at_rest).write(
            row_id=row_id,
            table=table,
            case_id=case_id,
            fields=fields,
            deleted=False,
            device_id="old-hub",
            bundle_id=None,
            how="apply",
        )


def test_check_sets_aside_stored_records_that_fail_and_they_are_no_longer_delivered(
    tmp_path: Path, laptop: LaptopFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    hub_dir = tmp_path / "hub"
    hub = Hub.init(hub_dir, name="Test hub", url="https://hub.example.org")

    def check() -> tuple[int, str]:
        code = main(["--data-dir", str(hub_dir), "check"])
        return code, capsys.readouterr().out

    alex = laptop("Alex Morgan")
    alex.enroll(hub)
    ids = new_case(alex)
    found, blobs = alex.changes()
    alex.send(hub, found, blobs)
    code, out = check()
    assert code == 0 and out == f"Checked {len(found)} record(s): all pass the record schema.\n"

    participant = of(found, "participant")[0]
    _store_unchecked(
        hub, "ghost-participant", "participant", ids.case_id,
        {**participant.fields, "person_id": "nobody", "key": "g"},
    )  # fmt: skip
    consent = of(found, "consent")[0]
    _store_unchecked(
        hub, "ghost-consent", "consent", ids.case_id,
        {**consent.fields, "participant_id": "ghost-participant"},
    )  # fmt: skip
    note = {"case_id": ids.case_id, "notes": {"html": "<b>"}}
    _store_unchecked(hub, "object-note", "contact", ids.case_id, note)
    code, out = check()
    assert code == 1
    lines = out.splitlines()
    assert lines[0].split() == ["RECORD", "TABLE", "CASE", "REASON"]
    assert "ghost-participant  participant" in out and ids.reference in out
    assert "person_id names a person that neither the hub nor this bundle has" in out
    assert "object-note" in out and "has no created_at" in out
    assert "ghost-consent" in out and "participant_id names a record that is refused" in out
    assert lines[-1].startswith(f"Checked {len(found) + 3} record(s): 3 set aside")
    assert "<b>" not in out  # reasons name fields, never their values

    sam = laptop("Sam Patel")
    sam.enroll(hub)
    hub.assign(ids.reference, sam.device_id)
    changes = sam.fetch(hub)
    assert changes is not None
    sent = {item["id"] for item in changes["records"]}
    assert sent == {r.id for r in found}  # the case, without what was set aside
    assert check()[0] == 1  # still there, still set aside
    hub.close()
    assert json.dumps(changes["records"]).count("nobody") == 0
