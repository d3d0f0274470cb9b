"""Authority over cases, end to end (a real hub on 127.0.0.1, real laptops): a change the hub
refuses is named in the sync summary and not sent again; a facilitator taken off a case keeps
their pending changes, which reach the hub as a conflict, and the laptop takes the case off
only once they are receipted."""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select, text, update

from rjdesk.domain.models import Case
from rjdesk.domain.sync_models import OutboxChange, SyncRefused, SyncRow, SyncWithdrawn
from rjdesk.services import cases, contacts, importer, sync
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk.sync import authority, outgoing
from rjdesk.sync.authority import Refusal
from rjdesk.sync.client import HubClient
from rjdesk_hub import Hub
from rjdesk_protocol.enums import ContactKind
from tests.conftest import NEIGHBOUR_DISPUTE
from tests.services.builders import at
from tests.sync.conftest import Laptops


def _import(vault: Vault) -> tuple[str, str]:
    with vault.unit_of_work() as uow:
        case = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes())
        return case.id, case.reference


def _note(vault: Vault, case_id: str, notes: str) -> str:
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        return contacts.record_contact(
            uow,
            case,
            kind=ContactKind.PHONE,
            at=at(date(2026, 11, 19), 10),
            present=case.participants[:1],
            notes=notes,
        ).id


def _pull_only(vault: Vault) -> None:
    """Take what the hub has without sending first (as when an upload keeps failing)."""
    with vault.reader() as session:
        link = outgoing.hub_link(session)
        key = outgoing.signing_key(session)
    client = HubClient(link.url, link.device_id, key)
    try:
        sync._pull(vault, client, link, sync.SyncReport(), None)
    finally:
        client.close()


def _search_rows(vault: Vault, case_id: str) -> int:
    with vault.reader() as session:
        query = text("SELECT count(*) FROM search_doc WHERE case_id = :c")
        return int(session.execute(query, {"c": case_id}).scalar_one())


def test_a_refused_change_is_named_in_the_summary_and_not_sent_again(
    live_hub_any_db: tuple[Hub, str], laptops: Laptops
) -> None:
    hub, _url = live_hub_any_db
    alex = laptops("Alex Morgan", hub)
    case_id, reference = _import(alex)
    sync.sync_now(alex)
    # The laptop believes in a hub version the hub never gave (a base from the future).
    with alex.unit_of_work() as uow:
        uow.session.execute(update(SyncRow).where(SyncRow.row_id == case_id).values(hub_version=99))
        cases.update_referral(uow, load_case(uow.session, case_id), location="Castle Vale")
    report = sync.sync_now(alex)
    summary = report.summary()
    assert (
        f"1 change refused by the hub: case details in {reference} — its base version 99 is "
        "ahead of the hub's 1." in summary
    )
    stored = hub.record(case_id)
    assert stored is not None and stored.fields["location"] != "Castle Vale"
    with alex.reader() as session:
        assert sync.status(session).last_result == summary  # what the Sync page shows
        [kept] = session.scalars(select(SyncRefused))
        assert (kept.row_id, kept.case_reference) == (case_id, reference)
        assert session.scalar(select(func.count()).select_from(OutboxChange)) == 0
        assert [r.text() for r in authority.refused_changes(session)] == [
            f"case details in {reference} — its base version 99 is ahead of the hub's 1"
        ]
    again = sync.sync_now(alex)
    assert again.sent_bundles == 0 and "refused" not in again.summary()


def test_a_refusal_for_a_case_reads_as_this_case() -> None:
    refusal = Refusal(
        "contact", "RJ-26-AAAAA-0001", "you are not assigned to case RJ-26-AAAAA-0001"
    )
    assert refusal.text() == "note in RJ-26-AAAAA-0001 — you are not assigned to this case"
    person = Refusal("person", "", "this person is in no case you are assigned to")
    assert person.text() == "person — this person is in no case you are assigned to"


def test_unassign_takes_the_case_off_the_laptop_once_its_pending_changes_are_receipted(
    live_hub_any_db: tuple[Hub, str], laptops: Laptops
) -> None:
    hub, _url = live_hub_any_db
    alex = laptops("Alex Morgan", hub)
    priya = laptops("Priya Shah", hub)
    case_id, reference = _import(alex)
    sync.sync_now(alex)
    hub.assign(reference, "Priya Shah", keep_referrer=True)
    assert case_id in sync.sync_now(priya).received_cases
    assert _search_rows(priya, case_id) == 1

    # Priya, offline, writes a note; meanwhile the coordinator takes her off the case.
    note = _note(priya, case_id, "Priya's call, before she knew.")
    done = hub.unassign(reference, "Priya Shah")
    assert done.devices == 1
    _pull_only(priya)  # the hub's word arrives before her note has gone
    with priya.reader() as session:
        assert session.get(SyncWithdrawn, case_id) is not None
    with priya.unit_of_work() as uow:
        assert authority.take_off_withdrawn(uow) == []
    with priya.reader() as session:
        assert session.get(Case, case_id) is not None, "kept while her note waits"

    report = sync.sync_now(priya)
    assert report.sent_bundles == 1 and report.taken_off == [reference]
    assert (
        f"{reference} was taken off this laptop: you are no longer assigned to it"
        in report.summary()
    )
    with priya.reader() as session:
        assert session.get(Case, case_id) is None
        assert session.scalar(select(func.count()).select_from(OutboxChange)) == 0
    assert _search_rows(priya, case_id) == 0
    # Her note reached the hub as a conflict for the coordinator, not applied.
    assert hub.record(note) is None
    [conflict] = hub.conflicts()
    assert (conflict.kind, conflict.reference) == ("authority", reference)
    # Alex's case at the hub is whole, and nothing more comes to Priya.
    stored = hub.record(case_id)
    assert stored is not None and not stored.deleted
    later = sync.sync_now(priya)
    assert later.received_records == 0 and later.taken_off == []
    # Alex, who holds it, is shown the conflict to take to the coordinator.
    assert sync.sync_now(alex).new_conflicts == 1
