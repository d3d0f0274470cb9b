"""No poison on the laptop (issue 11, item 6): a hub bundle holding records this laptop cannot
apply, written by the test with the hub's key and delivered by a real hub, sets those records
aside with their reasons, applies the rest, and the laptop keeps receiving afterwards; the hub
hears how many were set aside. And a hub bundle of a newer protocol is refused in one line."""

from __future__ import annotations

import json
import logging
from typing import Any

import pytest
from sqlalchemy import select

from rjdesk import cli
from rjdesk.domain.models import Contact, Participant
from rjdesk.domain.sync_models import SetAsideRecord
from rjdesk.services import importer, sync
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk.sync.records import Record
from rjdesk_hub import Hub
from rjdesk_hub import models as m
from rjdesk_protocol import schema
from rjdesk_protocol.bundle import seal
from rjdesk_protocol.errors import SyncError
from tests.conftest import HATE_CRIME, NEIGHBOUR_DISPUTE, PASSPHRASE
from tests.laptops import case_records
from tests.sync.conftest import Laptops


def _import(vault: Vault, path: Any = NEIGHBOUR_DISPUTE) -> tuple[str, str]:
    with vault.unit_of_work() as uow:
        case = importer.import_case(uow, path.read_bytes())
        return case.id, case.reference


def _device(vault: Vault) -> str:
    return vault.info().device_id


def _poisoned(found: list[Record]) -> tuple[list[Record], dict[str, str]]:
    """The case's records with three the laptop cannot apply: row id -> the reason expected."""
    addended = {r.fields["contact_id"] for r in found if r.table == "contact_addendum"}
    contacts = [r for r in found if r.table == "contact" and r.id not in addended]
    # A participant with a key (and written in the first pass: it supports no one): a second
    # one with the same key in the case clashes.
    participant = next(
        r
        for r in found
        if r.table == "participant" and r.fields["key"] and r.fields["supports_id"] is None
    )
    bad_text, ghost_present = contacts[0], contacts[1]
    twin = Record(
        "participant", "twin-participant", "put", 1, participant.case_id, dict(participant.fields)
    )
    changed = {
        bad_text.id: Record(
            "contact", bad_text.id, "put", 1, bad_text.case_id, {**bad_text.fields, "notes": {}}
        ),
        ghost_present.id: Record(
            "contact",
            ghost_present.id,
            "put",
            1,
            ghost_present.case_id,
            {**ghost_present.fields, "present": ["ghost-participant"]},
        ),
    }
    out = [changed.get(r.id, r) for r in found] + [twin]
    expected = {
        bad_text.id: "notes is not text",
        ghost_present.id: "it refers to a record this laptop does not have",
        "twin-participant": "it clashes with a record this laptop has",
    }
    return out, expected


def _hub_bundle(
    hub: Hub,
    device_id: str,
    sequence: int,
    found: list[Record],
    blobs: dict[str, bytes],
    *,
    schema_version: str = str(schema.PROTOCOL_VERSION),
) -> bytes:
    """A hub bundle sealed by the test with the hub's own keys, as delivery.py seals one."""
    keys = hub._keys
    with hub.db.reader() as session:
        device = session.get(m.Device, device_id)
        assert device is not None
        age_recipient = device.age_recipient
    changes = {"records": [r.to_json() for r in found], "conflicts": [], "cases": [], "cursor": 0}
    _manifest, sealed = seal(
        kind="hub",
        sender=keys.signing_key.public.key_id_hex,
        recipient=device_id,
        sequence=sequence,
        schema_version=schema_version,
        hub_key_id=keys.signing_key.public.key_id_hex,
        changes=json.dumps(changes).encode(),
        blobs=blobs,
        signing_key=keys.signing_key,
        age_recipient=age_recipient,
    )
    return sealed


def _deliver_once(hub: Hub, monkeypatch: pytest.MonkeyPatch, data: bytes, sequence: int) -> None:
    """The hub's inbox answers with ``data`` once, then as it would have."""
    real = hub.inbox
    sent: list[bool] = []

    def inbox(device_id: str, after: int) -> tuple[int, bytes] | None:
        if not sent:
            sent.append(True)
            return sequence, data
        return real(device_id, after)

    monkeypatch.setattr(hub, "inbox", inbox)


def test_records_the_laptop_cannot_apply_are_set_aside_and_the_rest_applied(
    live_hub_any_db: tuple[Hub, str],
    laptops: Laptops,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    hub, _url = live_hub_any_db
    alex = laptops("Alex Morgan", hub)
    priya = laptops("Priya Shah", hub)
    case_id, _reference = _import(alex)
    other_case, other_reference = _import(alex, HATE_CRIME)
    sync.sync_now(alex)
    found, blobs = case_records(alex, case_id)
    poisoned, expected = _poisoned(found)
    _deliver_once(hub, monkeypatch, _hub_bundle(hub, _device(priya), 1, poisoned, blobs), 1)

    report = sync.sync_now(priya)

    assert report.set_aside == len(expected)
    assert "3 records from the hub set aside" in report.summary()
    with priya.reader() as session:
        case = load_case(session, case_id)
        assert len(case.participants) == len([r for r in found if r.table == "participant"])
        contact_ids = set(session.scalars(select(Contact.id).where(Contact.case_id == case_id)))
        found_contacts = {r.id for r in found if r.table == "contact"}
        assert contact_ids == found_contacts - set(expected)
        assert session.get(Participant, "twin-participant") is None
        aside = {s.row_id: s for s in sync.status(session).set_aside}
        stored = session.get(SetAsideRecord, "twin-participant")
        assert stored is not None and stored.record["id"] == "twin-participant"
    assert set(aside) == set(expected)
    for row_id, reason in expected.items():
        assert reason in aside[row_id].reason, aside[row_id].reason
        line = aside[row_id].line()
        assert "\n" not in line and line.startswith("A ")
    assert aside["twin-participant"].case_reference == case.reference

    # The next bundle tells the hub how many (the hub logs the count, not the records).
    with caplog.at_level(logging.INFO, logger="rjdesk_hub"):
        again = sync.sync_now(priya)
    assert again.sent_bundles == 1
    counted = [r.getMessage() for r in caplog.records if "set aside" in r.getMessage()]
    assert counted == [f"device {_device(priya)} set aside 3 record(s) it could not apply"]
    with priya.reader() as session:
        assert all(s.reported_in for s in session.scalars(select(SetAsideRecord)))

    # And the laptop keeps receiving.
    hub.assign(other_reference, _device(priya))
    later = sync.sync_now(priya)
    assert other_case in later.received_cases and later.set_aside == 0

    # `rjdesk sync` lists them, each on one line with its reason.
    priya.lock()
    monkeypatch.setenv("RJDESK_PASSPHRASE", PASSPHRASE)
    capsys.readouterr()
    assert cli.main(["sync", "--data-dir", str(priya.data_dir)]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0].startswith("Nothing to send")
    assert sorted(printed[1:]) == sorted(entry.line() for entry in aside.values())


def test_a_hub_bundle_of_a_newer_protocol_is_refused_in_one_line(
    live_hub: tuple[Hub, str], laptops: Laptops, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub, _url = live_hub
    alex = laptops("Alex Morgan", hub)
    priya = laptops("Priya Shah", hub)
    case_id, reference = _import(alex)
    sync.sync_now(alex)
    hub.assign(reference, _device(priya))
    newer = str(schema.PROTOCOL_VERSION + 1)
    monkeypatch.setattr(schema, "version_for", lambda _laptop: newer)  # the hub's side only
    with pytest.raises(SyncError) as refused:
        sync.sync_now(priya)
    assert str(refused.value) == "the hub runs a newer rjdesk: update this laptop"
    with priya.reader() as session:
        assert sync.status(session).last_result == str(refused.value)
        assert not sync.status(session).last_ok
    monkeypatch.undo()
    assert case_id in sync.sync_now(priya).received_cases
