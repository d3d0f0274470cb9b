"""The laptop's half of sync, against a stand-in hub made of keys: what it seals, what a
receipt or a refusal does to the outbox, and what applying a hub bundle does to the vault."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from rjdesk.domain.models import Case
from rjdesk.domain.sync_models import OutboxBundle, OutboxChange, SyncConflict, SyncRow
from rjdesk.services import conflicts, contacts, importer, people, queries, sync
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault, _clock_at_noon
from rjdesk.sync import outgoing
from rjdesk.sync.incoming import apply_hub_bundle
from rjdesk.sync.records import Record
from rjdesk_protocol.bundle import OpenedBundle, open_bundle
from rjdesk_protocol.errors import NotEnrolled, SyncError, ValidationError
from rjdesk_protocol.keys import sign_document
from tests.conftest import FACILITATOR, NEIGHBOUR_DISPUTE, PASSPHRASE, TODAY
from tests.laptops import StandInHub, case_records, device_key, enrol, stand_in_hub


@pytest.fixture
def hub() -> StandInHub:
    return stand_in_hub()


def _import(vault: Vault) -> str:
    with vault.unit_of_work() as uow:
        return importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).id


def _build(vault: Vault) -> OutboxBundle | None:
    with vault.unit_of_work() as uow:
        return outgoing.build_bundle(uow)


def _receipt(opened: OpenedBundle, version: int = 1) -> dict[str, object]:
    found = json.loads(opened.changes)["records"]
    return {"applied": {r["id"]: version for r in found}, "conflicts": []}


def _send(vault: Vault, hub: StandInHub, request: dict[str, object]) -> OpenedBundle:
    """Build, open as the hub would, and mark sent with a receipt giving every row v1."""
    bundle = _build(vault)
    assert bundle is not None
    opened = hub.open(bundle.content, device_key(request))
    with vault.unit_of_work() as uow:
        stored = uow.session.get(OutboxBundle, bundle.bundle_id)
        assert stored is not None
        outgoing.mark_sent(uow, stored, _receipt(opened))
    return opened


def _other_vault(tmp_path: Path) -> Vault:
    other, _ = Vault.create(
        tmp_path / "other",
        facilitator_name="Priya Shah",
        passphrase=PASSPHRASE,
        clock=_clock_at_noon(TODAY),
    )
    return other


def test_an_unenrolled_laptop_builds_nothing_and_says_why(vault: Vault) -> None:
    _import(vault)
    with pytest.raises(NotEnrolled, match="not enrolled"), vault.unit_of_work() as uow:
        outgoing.build_bundle(uow)


def test_the_first_bundle_carries_the_whole_case_signed_for_this_hub(
    vault: Vault, hub: StandInHub
) -> None:
    case_id = _import(vault)
    request = enrol(vault, hub)
    bundle = _build(vault)
    assert bundle is not None and bundle.sequence == 1
    opened = hub.open(bundle.content, device_key(request))
    assert opened.manifest.sender == request["device_id"]
    found = [Record.from_json(r) for r in json.loads(opened.changes)["records"]]
    assert {r.table for r in found} >= {"person", "case_file", "participant", "contact"}
    assert all(r.version == 0 and r.op == "put" for r in found)
    assert all(r.case_id == case_id for r in found if r.table != "person")
    with vault.reader() as session:
        pending = session.scalars(select(OutboxChange)).all()
        assert pending and all(c.bundle_id == bundle.bundle_id for c in pending)
    again = _build(vault)
    assert again is None, "one bundle at a time: nothing new is pending"


def test_a_receipt_records_hub_versions_and_the_next_change_is_based_on_them(
    vault: Vault, hub: StandInHub
) -> None:
    case_id = _import(vault)
    request = enrol(vault, hub)
    _send(vault, hub, request)
    with vault.reader() as session:
        assert session.scalars(select(OutboxChange)).all() == []
        assert session.get(SyncRow, case_id) is not None
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        contacts.add_addendum(uow, case.contacts[0], "Called back.")
        people.update_person(
            uow, case.participants[0], people.PersonDetails(name="Marcia Bennett-Hughes")
        )
    bundle = _build(vault)
    assert bundle is not None and bundle.sequence == 2
    found = [
        Record.from_json(r)
        for r in json.loads(hub.open(bundle.content, device_key(request)).changes)["records"]
    ]
    by_table = {r.table: r for r in found}
    assert by_table["person"].version == 1 and by_table["person"].fields["name"].endswith("Hughes")
    assert by_table["contact_addendum"].version == 0


def test_a_refused_bundle_loses_nothing(vault: Vault, hub: StandInHub) -> None:
    _import(vault)
    enrol(vault, hub)
    bundle = _build(vault)
    assert bundle is not None
    with vault.unit_of_work() as uow:
        refused = uow.session.get(OutboxBundle, bundle.bundle_id)
        assert refused is not None
        outgoing.mark_refused(uow, refused, "device X was revoked")
    with vault.reader() as session:
        stored = session.get(OutboxBundle, bundle.bundle_id)
        assert stored is not None and stored.state == "refused" and "revoked" in stored.refusal
        changes = session.scalars(select(OutboxChange)).all()
        assert changes and all(c.bundle_id is None for c in changes)
    again = _build(vault)
    assert again is not None and again.sequence == 2 and again.changes == bundle.changes


def test_an_export_folds_unconfirmed_bundles_and_carries_whole_cases(
    vault: Vault, hub: StandInHub
) -> None:
    case_id = _import(vault)
    request = enrol(vault, hub)
    _send(vault, hub, request)
    with vault.unit_of_work() as uow:
        contacts.add_addendum(uow, load_case(uow.session, case_id).contacts[0], "Visit booked.")
    pending = _build(vault)
    assert pending is not None
    with vault.reader() as session:
        reference = session.get(Case, case_id).reference  # type: ignore[union-attr]
    exported = sync.export_bundle(vault, [reference])
    opened = hub.open(exported.content, device_key(request))
    found = [Record.from_json(r) for r in json.loads(opened.changes)["records"]]
    tables = {r.table for r in found}
    assert {"case_file", "participant", "contact", "contact_addendum"} <= tables
    assert any(r.table == "contact_addendum" and r.version == 0 for r in found)
    with vault.reader() as session:
        states = {b.sequence: b.state for b in session.scalars(select(OutboxBundle))}
    assert states == {1: "sent", 2: "superseded", 3: "pending"}
    with vault.unit_of_work() as uow:  # the hub confirms the export when the laptop is online
        [export] = outgoing.pending_bundles(uow.session)
        outgoing.mark_sent(uow, export, _receipt(hub.open(export.content, device_key(request))))
    with pytest.raises(SyncError, match="nothing to export"):
        sync.export_bundle(vault)


def test_a_case_from_the_hub_arrives_whole_and_is_found_by_search(
    vault: Vault, hub: StandInHub, tmp_path: Path
) -> None:
    request = enrol(vault, hub)
    other = _other_vault(tmp_path)
    case_id = _import(other)
    found, blobs = case_records(other, case_id)
    opened = _open_here(vault, hub, _hub_bundle(hub, request, 1, found, blobs))
    with vault.unit_of_work() as uow:
        applied = apply_hub_bundle(uow, opened)
    assert applied.records == len(found) and applied.cases == {case_id}
    with vault.reader() as session:
        case = load_case(session, case_id)
        assert [p.name for p in case.participants] == [
            "Marcia Bennett",
            "Łukasz Nowak",
            "Zoë Nowak",
        ]
        assert len(case.contacts) == 5 and case.agreements[0].status == "signed"
        assert session.scalars(select(OutboxChange)).all() == [], "not sent back to the hub"
        assert session.get(SyncRow, case_id).hub_version == 1  # type: ignore[union-attr]
        found_by_search = queries.list_cases(
            session, queries.CaseFilter(search="lukasz"), today=TODAY
        )
        assert case_id in {row.id for row in found_by_search}
    with vault.unit_of_work() as uow:
        assert apply_hub_bundle(uow, opened).records == 0, "the same update twice changes nothing"


def test_a_row_changed_here_and_not_yet_confirmed_keeps_the_laptops_version(
    vault: Vault, hub: StandInHub, tmp_path: Path
) -> None:
    request = enrol(vault, hub)
    other = _other_vault(tmp_path)
    case_id = _import(other)
    found, blobs = case_records(other, case_id)
    first = hub.bundle_for(
        str(request["device_id"]), str(request["age_recipient"]), 1, found, blobs
    )
    with vault.unit_of_work() as uow:
        apply_hub_bundle(uow, _open_here(vault, hub, first))
    with vault.unit_of_work() as uow:
        marcia = load_case(uow.session, case_id).participants[0]
        people.update_person(uow, marcia, people.PersonDetails(name="Marcia B. (here)"))
        person_id = marcia.person_id
    renamed = [
        Record(r.table, r.id, r.op, 2, r.case_id, {**r.fields, "name": "Marcia (hub)"})
        if r.id == person_id
        else r
        for r in found
    ]
    second = hub.bundle_for(
        str(request["device_id"]), str(request["age_recipient"]), 2, renamed, blobs
    )
    with vault.unit_of_work() as uow:
        applied = apply_hub_bundle(uow, _open_here(vault, hub, second))
    assert applied.kept_local == 1
    with vault.reader() as session:
        assert load_case(session, case_id).participants[0].name == "Marcia B. (here)"
        assert session.get(SyncRow, person_id).hub_version == 1  # type: ignore[union-attr]


def test_a_conflict_from_the_hub_is_settled_here_and_sent_back(
    vault: Vault, hub: StandInHub, tmp_path: Path
) -> None:
    request = enrol(vault, hub)
    other = _other_vault(tmp_path)
    case_id = _import(other)
    found, blobs = case_records(other, case_id)
    case_record = next(r for r in found if r.table == "case_file")
    conflict = {
        "id": "c0ffee00-0000-4000-8000-000000000001",
        "case": case_id,
        "reference": case_record.fields["reference"],
        "kind": "field",
        "table": "case_file",
        "row": case_id,
        "detail": {"fields": {"location": {"hub": "Farnborough Road", "incoming": "Castle Vale"}}},
        "from_device": "d-2",
        "from_name": "Priya Shah",
        "raised_at": "2026-11-20T10:00:00Z",
        "status": "open",
    }
    data = _hub_bundle(hub, request, 1, found, blobs, [conflict])
    with vault.unit_of_work() as uow:
        assert apply_hub_bundle(uow, _open_here(vault, hub, data)).new_conflicts == 1
    with vault.reader() as session:
        [view] = conflicts.open_conflicts(session)
    assert view.fields[0].incoming == "Castle Vale" and view.from_name == "Priya Shah"
    with pytest.raises(ValidationError, match="one of"), vault.unit_of_work() as uow:
        conflicts.choose(uow, view.id, "mine")
    with vault.unit_of_work() as uow:
        conflicts.choose(uow, view.id, "incoming")
    with vault.reader() as session:
        assert load_case(session, case_id).location == "Castle Vale"
        assert session.get(SyncConflict, view.id).status == "chosen"  # type: ignore[union-attr]
    bundle = _build(vault)
    assert bundle is not None
    sent = json.loads(hub.open(bundle.content, device_key(request)).changes)
    assert sent["resolutions"] == [{"conflict": view.id, "outcome": "incoming", "note": ""}]
    assert [r["t"] for r in sent["records"]] == ["case_file"]
    closed = {**conflict, "status": "resolved"}
    data = hub.bundle_for(
        str(request["device_id"]), str(request["age_recipient"]), 2, [], {}, [closed]
    )
    with vault.unit_of_work() as uow:
        assert apply_hub_bundle(uow, _open_here(vault, hub, data)).resolved_conflicts == 1


def test_a_hub_configuration_must_be_for_this_laptop_and_signed_by_its_hub(
    vault: Vault, hub: StandInHub, tmp_path: Path
) -> None:
    request = sync.enrollment_request(vault)
    assert request["facilitator_name"] == FACILITATOR
    other = _other_vault(tmp_path)
    with pytest.raises(SyncError, match="for another laptop"):
        sync.import_hub_config(other, hub.config_for(request))
    forged = json.loads(hub.config_for(request))
    forged["hub_url"] = "http://evil.example"
    with pytest.raises(SyncError, match="does not verify"):
        sync.import_hub_config(vault, json.dumps(forged).encode())
    with pytest.raises(ValidationError, match="not an rjdesk hub configuration"):
        sync.import_hub_config(vault, b'{"format": "something else"}')
    sync.import_hub_config(vault, hub.config_for(request))
    another = stand_in_hub()
    with pytest.raises(SyncError, match="already enrolled"):
        sync.import_hub_config(vault, another.config_for(request))
    unsigned = {k: v for k, v in json.loads(hub.config_for(request)).items() if k != "signature"}
    resigned = sign_document(unsigned, another.key, "x")
    with pytest.raises(SyncError, match="does not verify"):
        sync.import_hub_config(vault, json.dumps(resigned).encode())


def _hub_bundle(  # noqa: PLR0917 - mirrors StandInHub.bundle_for
    hub: StandInHub,
    request: dict[str, object],
    sequence: int,
    found: list[Record],
    blobs: dict[str, bytes],
    conflicts: list[dict[str, object]] | None = None,
) -> bytes:
    return hub.bundle_for(
        str(request["device_id"]), str(request["age_recipient"]), sequence, found, blobs, conflicts
    )


def _open_here(vault: Vault, hub: StandInHub, data: bytes) -> OpenedBundle:
    with vault.unit_of_work() as uow:
        identity = outgoing.age_identity(uow.session)
        link = outgoing.hub_link(uow.session)
    return open_bundle(
        data,
        identity=identity,
        sender_key=lambda _m: hub.key.public,
        expect_kind="hub",
        expect_recipient=link.device_id,
        expect_hub_key_id=hub.key_id,
    )
