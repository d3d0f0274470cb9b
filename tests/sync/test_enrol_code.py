"""``rjdesk enroll --code CODE --hub URL`` against a real hub on 127.0.0.1: a laptop enrolled
with a one-time code from the console, with no files carried, syncs; the code then works for no
other laptop, and a wrong address or code is one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest

from rjdesk import cli
from rjdesk.app import sync as app_sync
from rjdesk.services import importer, sync
from rjdesk.store.vault import Vault, _clock_at_noon
from rjdesk_hub import Hub
from rjdesk_hub.console import enrol_codes, ledger_wire
from rjdesk_protocol.errors import HubUnreachable, ValidationError
from tests.conftest import NEIGHBOUR_DISPUTE, PASSPHRASE, TODAY
from tests.sync.conftest import Laptops

SAM = ledger_wire.person("0b1c2d3e-0000-4000-8000-000000000002", "sam.coordinator")


def _new_vault(directory: Path, name: str) -> Vault:
    vault, _ = Vault.create(
        directory, facilitator_name=name, passphrase=PASSPHRASE, clock=_clock_at_noon(TODAY)
    )
    return vault


def test_a_laptop_enrolled_with_a_code_on_the_command_line_syncs_its_cases(
    live_hub: tuple[Hub, str],
    laptops: Laptops,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    hub, url = live_hub
    alex = laptops("Alex Morgan", hub)  # the intake laptop, enrolled by file
    with alex.unit_of_work() as uow:
        reference = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).reference
    sync.sync_now(alex)

    made = enrol_codes.create(hub, SAM, new_name="Priya Shah")
    priya = _new_vault(tmp_path / "priya", "Priya S.")
    priya.lock()
    monkeypatch.setenv("RJDESK_PASSPHRASE", PASSPHRASE)
    capsys.readouterr()
    typed = made.text.lower().replace("-", " ")  # as a person might type it
    assert (
        cli.main(["enroll", "--code", typed, "--hub", url, "--data-dir", str(priya.data_dir)]) == 0
    )
    printed = capsys.readouterr().out
    assert f"enrolled with Test hub at {url}" in printed
    [device] = [d for d in hub.devices() if d.facilitator == "Priya Shah"]

    hub.assign(reference, device.id)
    priya.unlock(PASSPHRASE)
    try:
        report = sync.sync_now(priya)
        assert report.received_cases, report.summary()
        assert app_sync.status(priya).hub_name == "Test hub"
    finally:
        priya.lock()

    # The same code, on another laptop: refused in one sentence, nothing enrolled.
    other = _new_vault(tmp_path / "other", "Mallory")
    other.lock()
    assert (
        cli.main(["enroll", "--code", made.text, "--hub", url, "--data-dir", str(other.data_dir)])
        == 1
    )
    assert enrol_codes.USED in capsys.readouterr().err
    assert [d.facilitator for d in hub.devices()].count("Priya Shah") == 1


def test_a_wrong_code_and_a_wrong_address_are_told_apart(
    live_hub: tuple[Hub, str], tmp_path: Path
) -> None:
    hub, url = live_hub
    vault = _new_vault(tmp_path / "laptop", "Priya Shah")
    try:
        with pytest.raises(app_sync.CodeRefused) as wrong:
            app_sync.enrol_with_code(vault, url, "K7QM-2XRD-9HVA")
        assert str(wrong.value) == enrol_codes.WRONG
        with pytest.raises(HubUnreachable, match="check the hub address"):
            app_sync.enrol_with_code(vault, "http://127.0.0.1:9", "K7QM-2XRD-9HVA")
        with pytest.raises(ValidationError) as typed:
            app_sync.enrol_with_code(vault, "", "K7QM-2XRD-9HVA")
        assert typed.value.field == "hub_url"
        assert hub.devices() == []
        assert not app_sync.status(vault).enrolled
    finally:
        vault.lock()
