"""A laptop whose vault is restored from an older copy (a backup) after it had synced more:
its sync carries on after the hub's numbering, the hub sends back every case it should hold
(those it sent itself since the copy too), and a case it numbered again from the old copy is
flagged at the hub rather than silently confused with the other (docs/sync-protocol.md)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sqlalchemy import select

from rjdesk.domain.models import Case
from rjdesk.services import contacts, importer, sync
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault, _clock_at_noon
from rjdesk.sync.client import HubClient
from rjdesk_hub import Hub
from rjdesk_hub import models as m
from tests.conftest import HATE_CRIME, NEIGHBOUR_DISPUTE, PASSPHRASE, TODAY
from tests.hub.server import running_hub
from tests.sync.conftest import Laptops


def _import(vault: Vault, path: Path) -> tuple[str, str]:
    with vault.unit_of_work() as uow:
        case = importer.import_case(uow, path.read_bytes())
        return case.id, case.reference


def _cases(vault: Vault) -> dict[str, str]:
    with vault.reader() as session:
        return {row.id: row.reference for row in session.execute(select(Case.id, Case.reference))}


@pytest.fixture(params=["hub says", "refusal says"])
def how_found(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """The laptop learns it is behind from the hub's numbers before it sends anything, or (from
    a hub that does not give them) from the refusal of its first bundle."""
    if request.param == "refusal says":
        monkeypatch.setattr(HubClient, "device_state", lambda _self: None)
    return str(request.param)


def test_a_laptop_restored_from_an_older_copy_gets_everything_back_and_sends_on(
    live_hub_any_db: tuple[Hub, str], laptops: Laptops, tmp_path: Path, how_found: str
) -> None:
    hub, _url = live_hub_any_db
    alex = laptops("Alex Morgan", hub)
    folder = alex.data_dir
    first, _ = _import(alex, NEIGHBOUR_DISPUTE)
    sync.sync_now(alex)

    # The nightly copy of the vault's folder (taken while it is locked).
    alex.lock()
    shutil.copytree(folder, tmp_path / "backup")
    alex.unlock(PASSPHRASE)

    # A day's work after the copy reaches the hub; then the laptop's disk dies.
    second, second_reference = _import(alex, HATE_CRIME)
    sync.sync_now(alex)
    alex.lock()
    shutil.rmtree(folder)
    shutil.copytree(tmp_path / "backup", folder)
    restored = Vault(folder, clock=_clock_at_noon(TODAY))
    restored.unlock(PASSPHRASE)
    try:
        assert second not in _cases(restored)
        # Before the first sync the facilitator opens a new case: numbered from the old copy,
        # it takes the reference the lost case had.
        third, third_reference = _import(restored, NEIGHBOUR_DISPUTE)
        assert third_reference == second_reference

        # Its audit log is older than the one the hub anchored: the coordinator, told of the
        # restore, accepts it as it is (docs/audit.md); without that it is refused.
        hub.audit_reset(restored.info().device_id)
        report = sync.sync_now(restored)
        assert report.restored and "restored from a backup" in report.summary()
        held = _cases(restored)
        assert {first, second, third} <= set(held)  # the lost case is back, the new one kept
        assert held[second] == second_reference
        with hub.db.reader() as session:
            at_hub = set(session.scalars(select(m.Case.case_id)))
            device = session.get(m.Device, restored.info().device_id)
            assert device is not None
            last_sequence = device.last_sequence
        assert {first, second, third} <= at_hub
        # The case opened since the restore gives the hub's case its reference back, and the
        # facilitator is told.
        assert held[third] != second_reference
        assert (second_reference, held[third]) in report.renumbered
        assert f"now {held[third]}" in report.summary()
        with hub.db.reader() as session:
            at_hub_third = session.get(m.Case, third)
            assert at_hub_third is not None and at_hub_third.reference == held[third]

        # The next sync is an ordinary one, and a new case gets a reference of its own.
        fourth, fourth_reference = _import(restored, HATE_CRIME)
        assert fourth_reference not in {second_reference, *held.values()}
        again = sync.sync_now(restored)
        assert not again.restored and again.sent_bundles == 1
        with hub.db.reader() as session:
            device = session.get(m.Device, restored.info().device_id)
            assert device is not None and device.last_sequence == last_sequence + 1
            assert session.get(m.Case, fourth) is not None
    finally:
        restored.lock()


def test_a_hub_restored_from_an_older_copy_is_sent_the_laptops_work_again(
    laptops: Laptops, tmp_path: Path
) -> None:
    """The hub's folder (SQLite) put back from last night's copy: a laptop that had its work
    confirmed since finds the hub behind, and sends all it holds again; the hub merges it."""
    folder = tmp_path / "hub"
    with running_hub(folder) as (hub, url):
        port = int(url.rsplit(":", 1)[1])
        alex = laptops("Alex Morgan", hub)
        first, _ = _import(alex, NEIGHBOUR_DISPUTE)
        sync.sync_now(alex)
    shutil.copytree(folder, tmp_path / "hub-backup")

    with running_hub(folder, port=port) as (hub, _url):
        second, _ = _import(alex, HATE_CRIME)
        with alex.unit_of_work() as uow:
            case = load_case(uow.session, first)
            note = contacts.add_addendum(uow, case.contacts[0], "Spoke again after the copy.")
            note_id = note.id
        assert sync.sync_now(alex).sent_bundles == 1
        assert hub.record(note_id) is not None
    shutil.rmtree(folder)
    shutil.copytree(tmp_path / "hub-backup", folder)

    with running_hub(folder, port=port) as (hub, _url):
        hub.record_restore()  # what IT does after putting the database back (rjdesk-hub restored)
        assert hub.record(note_id) is None  # lost with the restore
        report = sync.sync_now(alex)
        assert report.hub_behind and "sent it all again" in report.summary()
        assert hub.record(note_id) is not None
        with hub.db.reader() as session:
            assert session.get(m.Case, second) is not None
            assert session.get(m.Case, first) is not None
        assert not hub.conflicts()  # the same rows again: nothing to choose between
        again = sync.sync_now(alex)
        assert not again.hub_behind and again.sent_bundles == 0
