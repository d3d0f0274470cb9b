"""Two facilitators, their laptops and the hub, for real: a hub served on 127.0.0.1 (SQLite and
PostgreSQL), each laptop its own vault, every sync through the HTTP client (issue 5)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from rjdesk.domain.models import Case
from rjdesk.services import assessment, cases, conflicts, contacts, documents, importer, sync
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk.sync import records
from rjdesk_hub import Hub
from rjdesk_protocol.enums import ClosureReason, ContactKind
from tests.canary import files_holding, forms
from tests.conftest import HATE_CRIME, NEIGHBOUR_DISPUTE
from tests.services.builders import at
from tests.sync.conftest import Laptops

CANARY = "Qzxsynccanary 7741 said on the doorstep"


def _import(vault: Vault, path: Path = NEIGHBOUR_DISPUTE) -> tuple[str, str]:
    with vault.unit_of_work() as uow:
        case = importer.import_case(uow, path.read_bytes())
        return case.id, case.reference


def _device(vault: Vault) -> str:
    return vault.info().device_id


def _state(vault: Vault, case_id: str) -> dict[tuple[str, str], dict[str, Any]]:
    """The case as records, without what says when it was stamped: what both laptops must
    agree on."""
    blobs: dict[str, bytes] = {}
    found: dict[tuple[str, str], dict[str, Any]] = {}
    with vault.reader() as session:
        rows = records.case_rows(session, [case_id])
        for name in records.SYNCED_TABLES:
            for record in records.read_records(
                session, name, rows[name], versions={}, case_ids={}, blobs=blobs
            ):
                fields = {k: v for k, v in record.fields.items() if k not in records.META_FIELDS}
                found[(record.table, record.id)] = fields
    return found


def _notes(vault: Vault, case_id: str) -> set[str]:
    with vault.reader() as session:
        return {c.notes for c in load_case(session, case_id).contacts}


def _location(vault: Vault, case_id: str) -> str | None:
    with vault.reader() as session:
        return load_case(session, case_id).location


def _offline_work(vault: Vault, case_id: str, note: str, **referral: object) -> None:
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        contacts.record_contact(
            uow,
            case,
            kind=ContactKind.PHONE,
            at=at(date(2026, 11, 19), 10),
            present=case.participants[:1],
            notes=note,
        )
        cases.update_referral(uow, case, **referral)


def test_two_laptops_co_work_a_case_offline_and_end_with_the_same_case(
    live_hub_any_db: tuple[Hub, str], laptops: Laptops
) -> None:
    hub, _url = live_hub_any_db
    alex = laptops("Alex Morgan", hub)
    priya = laptops("Priya Shah", hub)
    case_id, reference = _import(alex)
    sync.sync_now(alex)
    hub.assign(reference, _device(priya), keep_referrer=True)  # Priya co-works it with Alex
    first = sync.sync_now(priya)
    assert case_id in first.received_cases
    assert _state(priya, case_id) == _state(alex, case_id)

    # Both work offline: each writes a note; both change where it happened (a conflict),
    # and only Priya corrects the summary (a field only one side changed: merged).
    _offline_work(alex, case_id, "Alex's call with Marcia.", location="Castle Vale (Alex)")
    _offline_work(
        priya,
        case_id,
        "Priya's call with Marcia.",
        location="Farnborough Road (Priya)",
        summary="Music and the side gate, as Priya heard it.",
    )
    sync.sync_now(alex)
    report = sync.sync_now(priya)
    assert report.conflicts_at_hub == 1 and report.new_conflicts == 1
    sync.sync_now(alex)

    for vault in (alex, priya):
        notes = _notes(vault, case_id)
        assert {"Alex's call with Marcia.", "Priya's call with Marcia."} <= notes
        with vault.reader() as session:
            case = load_case(session, case_id)
            assert case.summary == "Music and the side gate, as Priya heard it."
            assert case.location == "Castle Vale (Alex)", "the hub kept the first value..."
            [conflict] = conflicts.open_conflicts(session)
        assert [(f.name, f.at_hub, f.incoming) for f in conflict.fields] == [
            ("location", "Castle Vale (Alex)", "Farnborough Road (Priya)")
        ], "...and both laptops see both values"
    assert _state(alex, case_id) == _state(priya, case_id)
    assert [c.kind for c in hub.conflicts()] == ["field"]

    # Priya settles it on her laptop; both laptops end with her choice and no conflict.
    with priya.unit_of_work() as uow:
        conflicts.choose(uow, conflict.id, "incoming")
    sync.sync_now(priya)
    sync.sync_now(alex)
    sync.sync_now(priya)
    for vault in (alex, priya):
        assert _location(vault, case_id) == "Farnborough Road (Priya)"
        with vault.reader() as session:
            assert conflicts.open_conflicts(session) == []
    assert hub.conflicts() == []
    assert _state(alex, case_id) == _state(priya, case_id)


def test_a_case_assigned_at_the_hub_arrives_on_the_laptop(
    live_hub: tuple[Hub, str], laptops: Laptops
) -> None:
    hub, _url = live_hub
    coordinator = laptops("Hub Coordinator", hub)
    facilitator = laptops("Priya Shah", hub)
    case_id, reference = _import(coordinator, HATE_CRIME)
    sync.sync_now(coordinator)
    assert sync.sync_now(facilitator).received_records == 0
    hub.assign(reference, _device(facilitator))
    report = sync.sync_now(facilitator)
    assert case_id in report.received_cases
    with facilitator.reader() as session:
        case = load_case(session, reference)
        assert [p.name for p in case.participants][:2] == ["Mohammed Iqbal", "Kyle Brennan"]
    assert "received" in report.summary()


def test_consent_withdrawn_on_one_laptop_and_a_conference_on_the_other_is_flagged(
    live_hub_any_db: tuple[Hub, str], laptops: Laptops
) -> None:
    hub, _url = live_hub_any_db
    alex = laptops("Alex Morgan", hub)
    priya = laptops("Priya Shah", hub)
    case_id, reference = _import(alex)
    sync.sync_now(alex)
    hub.assign(reference, _device(priya), keep_referrer=True)  # co-workers
    sync.sync_now(priya)

    with alex.unit_of_work() as uow:  # Marcia rings Alex: she no longer wants to take part
        marcia = load_case(uow.session, case_id).participants[0]
        assessment.withdraw_consent(uow, marcia, withdrawn_on=date(2026, 11, 17))
    with priya.unit_of_work() as uow:  # Priya, offline, holds a review conference with her
        case = load_case(uow.session, case_id)
        contacts.record_contact(
            uow,
            case,
            kind=ContactKind.CONFERENCE,
            at=at(date(2026, 11, 19), 18),
            present=case.participants[:2],
            notes="Review conference at the community centre.",
        )
    sync.sync_now(alex)
    sync.sync_now(priya)
    [flagged] = hub.conflicts()
    assert flagged.kind == "rule" and flagged.reference == reference
    sync.sync_now(alex)
    for vault in (alex, priya):
        with vault.reader() as session:
            [conflict] = conflicts.open_conflicts(session)
        assert conflict.kind == "rule"
        assert "Marcia Bennett" in conflict.message and "19 Nov 2026" in conflict.message
    with alex.unit_of_work() as uow:
        conflicts.choose(uow, conflict.id, "acknowledged", "Spoke to Marcia; case paused.")
    sync.sync_now(alex)
    assert hub.conflicts() == []


def test_a_replacement_laptop_receives_the_facilitators_open_cases(
    live_hub: tuple[Hub, str], laptops: Laptops
) -> None:
    hub, _url = live_hub
    old = laptops("Alex Morgan", hub)
    open_id, _ = _import(old)
    closed_id, _ = _import(old, HATE_CRIME)
    with old.unit_of_work() as uow:
        cases.close_case(uow, load_case(uow.session, closed_id), ClosureReason.DECLINED)
    sync.sync_now(old)
    old.lock()  # the laptop is lost; IT enrols a new one for the same facilitator

    # The coordinator says it is the same person's laptop (their account's id).
    [account] = [d.facilitator_id for d in hub.devices()]
    new = laptops("Alex Morgan", hub, same_facilitator=account)
    report = sync.sync_now(new)
    assert report.received_cases == {open_id}
    with new.reader() as session:
        present = {c.id for c in session.query(Case)}
    assert present == {open_id}
    assert _notes(new, open_id), "the whole case, notes and all"


def test_the_canary_reaches_no_plain_file_on_the_laptop_or_at_the_hub(
    live_hub: tuple[Hub, str], laptops: Laptops, tmp_path: Path
) -> None:
    hub, _url = live_hub
    alex = laptops("Alex Morgan", hub)
    case_id, reference = _import(alex)
    with alex.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        contacts.add_addendum(uow, case.contacts[0], CANARY)
        documents.add_attachment(
            uow, case, filename="letter.txt", content=f"Dear Marcia, {CANARY}".encode()
        )
    sync.sync_now(alex)
    exported = sync.export_bundle(alex, [reference])
    usb = tmp_path / "usb" / "bundle.rjb"
    usb.parent.mkdir()
    usb.write_bytes(exported.content)
    hub.ingest(exported.content, via="file")
    assert hub.record(case_id) is not None

    needles = forms(CANARY, "Qzxsynccanary")
    hub_dir = tmp_path / "hub"
    assert any(hub_dir.rglob("*")), "the hub wrote its files there"
    for folder in (alex.data_dir, hub_dir, usb.parent):
        assert files_holding(folder, needles) == [], folder
