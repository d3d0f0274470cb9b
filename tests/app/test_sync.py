"""Sync through the application layer, as the Sync page and ``rjdesk sync`` use it: enrol with
a hub, sync with progress against a real hub on 127.0.0.1, say what waits, carry a bundle on a
USB stick, and settle the conflicts the hub found, each refusal in one sentence."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from rjdesk.app import sync
from rjdesk.services import importer
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk_hub import Hub
from rjdesk_protocol.errors import (
    HubUnreachable,
    NotEnrolled,
    NotFound,
    RuleViolation,
    SyncError,
    ValidationError,
)
from tests.conftest import FACILITATOR, NEIGHBOUR_DISPUTE
from tests.hub.server import running_hub
from tests.laptops import stand_in_hub
from tests.ui.sync_helpers import (
    enrol_with_stand_in,
    field_conflict,
    receive_conflicts,
    reference_of,
    rule_conflict,
)


@pytest.fixture
def neighbour_case(vault: Vault) -> str:
    with vault.unit_of_work() as uow:
        return importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).id


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Hub, str]]:
    with running_hub(tmp_path / "hub") as hub_and_url:
        yield hub_and_url


def test_a_laptop_not_enrolled_says_so_and_exports_nothing(
    vault: Vault, neighbour_case: str, tmp_path: Path
) -> None:
    status = sync.status(vault)
    assert not status.enrolled and status.pending_changes > 0
    assert status.last_sync_at is None
    with pytest.raises(NotEnrolled):
        sync.sync_now(vault)
    target = tmp_path / "bundle.rjb"
    with pytest.raises(NotEnrolled):
        sync.export_bundle(vault, target)
    assert not target.exists()
    assert sync.open_conflicts(vault) == []


def test_the_enrolment_request_goes_to_a_file_and_the_hubs_answer_enrols_the_laptop(
    vault: Vault, tmp_path: Path
) -> None:
    target = tmp_path / "request.json"
    asked = sync.write_enrollment_request(vault, target)
    request = json.loads(target.read_text())
    assert request["format"] == "rjdesk.enroll-request/1"
    assert asked.facilitator_name == FACILITATOR == request["facilitator_name"]
    assert asked.device_code == vault.device_code == request["device_code"]
    hub = stand_in_hub()
    joined = sync.import_hub_config(vault, hub.config_for(request))
    assert joined == sync.HubJoined("Stand-in hub", hub.url)
    status = sync.status(vault)
    assert status.enrolled and status.hub_name == "Stand-in hub" and status.hub_url == hub.url


def test_a_hub_configuration_that_is_not_one_is_refused(vault: Vault) -> None:
    with pytest.raises(ValidationError, match="not JSON"):
        sync.import_hub_config(vault, b"\x89PNG not a configuration")
    other = stand_in_hub()
    with pytest.raises(SyncError, match="for another laptop"):
        sync.import_hub_config(vault, other.config_for({"device_id": "another-laptop"}))
    assert not sync.status(vault).enrolled


def test_sync_now_sends_the_work_reports_progress_and_remembers_the_result(
    vault: Vault, neighbour_case: str, served: tuple[Hub, str]
) -> None:
    hub, url = served
    request = sync.write_enrollment_request(vault, vault.data_dir / "request.json")
    assert request.facilitator_name == FACILITATOR
    config = hub.enroll(json.loads((vault.data_dir / "request.json").read_text()))
    assert sync.import_hub_config(vault, json.dumps(config).encode()).url == url
    seen: list[str] = []
    report = sync.sync_now(vault, progress=lambda what, _done, _total: seen.append(what))
    assert report.sent_bundles == 1 and report.sent_records > 0
    assert "send" in seen
    status = sync.status(vault)
    assert status.last_ok and status.last_sync_at is not None
    assert status.pending_changes == 0 and status.pending_bundles == 0
    assert status.last_result == report.summary()


def test_an_offline_hub_is_a_sync_error_and_the_work_waits(
    vault: Vault, neighbour_case: str
) -> None:
    enrol_with_stand_in(vault)  # its URL answers nothing
    with pytest.raises(HubUnreachable):
        sync.sync_now(vault)
    status = sync.status(vault)
    assert not status.last_ok and status.last_sync_at is not None
    assert status.pending_changes + status.pending_bundles > 0


def test_a_bundle_for_a_usb_stick_is_written_and_stays_pending(
    vault: Vault, neighbour_case: str, tmp_path: Path
) -> None:
    enrol_with_stand_in(vault)
    target = tmp_path / "usb" / "bundle.rjb"
    target.parent.mkdir()
    exported = sync.export_bundle(vault, target)
    assert target.read_bytes() == exported.content
    assert exported.records > 0 and exported.cases == 1
    status = sync.status(vault)
    assert status.pending_changes == 0 and status.pending_bundles == 1


def test_with_nothing_unconfirmed_there_is_nothing_to_export(vault: Vault, tmp_path: Path) -> None:
    enrol_with_stand_in(vault)
    target = tmp_path / "bundle.rjb"
    with pytest.raises(SyncError, match="nothing to export"):
        sync.export_bundle(vault, target)
    assert not target.exists()


def test_conflicts_are_listed_and_settled_once(vault: Vault, neighbour_case: str) -> None:
    hub, request = enrol_with_stand_in(vault)
    reference = reference_of(vault, neighbour_case)
    receive_conflicts(vault, hub, request, [
        field_conflict("c-1", neighbour_case, reference, {"location": ("Hub Road", "Their Road")}),
        rule_conflict("c-2", neighbour_case, reference, "A conference needs every consent."),
    ])  # fmt: skip
    found = sync.open_conflicts(vault)
    assert [c.id for c in found] == ["c-2", "c-1"], "oldest first"
    field = found[1]
    assert field.case_reference == reference and field.kind == "field"
    assert field.fields == (sync.FieldValues("location", "Hub Road", "Their Road"),)
    assert sync.CHOICES["field"] == ("hub", "incoming")
    assert sync.status(vault).open_conflicts == 2

    with pytest.raises(ValidationError, match="must be one of: hub, incoming"):
        sync.choose(vault, "c-1", "acknowledged")
    with pytest.raises(NotFound):
        sync.choose(vault, "no-such-conflict", "hub")
    sync.choose(vault, "c-1", "incoming")
    with vault.reader() as session:
        assert load_case(session, neighbour_case).location == "Their Road"
    with pytest.raises(RuleViolation, match="settled already"):
        sync.choose(vault, "c-1", "hub")
    sync.choose(vault, "c-2", "acknowledged", "Consent taken again by phone.")
    assert sync.open_conflicts(vault) == []
    assert sync.status(vault).open_conflicts == 0
