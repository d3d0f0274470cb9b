"""Hub → laptop (docs/sync-protocol.md): whole cases for assignments and replacement laptops,
changes since what the laptop confirmed, sealed for that laptop alone."""

from __future__ import annotations

from datetime import date

import pytest

from rjdesk.services.cases import close_case, load_case
from rjdesk_hub import Hub, delivery
from rjdesk_hub.errors import UnknownDevice
from rjdesk_protocol.enums import ClosureReason
from rjdesk_protocol.errors import InvalidBundle
from tests.hub.conftest import LaptopFactory
from tests.laptops import Laptop, edited, new_case, of, send_changes


def _case_rows(device: Laptop, case_id: str) -> set[str]:
    found, _ = device.case_records(case_id)
    return {r.id for r in found}


def test_an_assigned_case_reaches_the_laptop_whole_and_for_it_alone(
    hub: Hub, laptop: LaptopFactory
) -> None:
    alex, sam = laptop("Alex Morgan"), laptop("Sam Patel")
    alex.enroll(hub)
    sam.enroll(hub)
    ids = new_case(alex)
    send_changes(alex, hub)
    assert sam.fetch(hub) is None  # not Sam's case
    done = hub.assign(ids.reference, sam.device_id)
    assert (done.reference, done.facilitator, done.devices) == (ids.reference, "Sam Patel", 1)
    sequence, sealed = hub.inbox(sam.device_id, 0) or (0, b"")
    assert sequence == 1
    with pytest.raises(InvalidBundle, match="not encrypted for this key"):
        alex.open_hub_bundle(sealed)  # sealed to Sam's laptop only
    opened = sam.open_hub_bundle(sealed)
    assert opened.manifest.kind == "hub" and opened.manifest.sender == hub.key_id
    changes = sam.fetch(hub, apply=True)
    assert changes is not None
    assert {r["id"] for r in changes["records"]} == _case_rows(alex, ids.case_id)
    assert all(r["op"] == "put" and r["v"] == 1 for r in changes["records"])
    assert changes["cases"] == [{"id": ids.case_id, "reference": ids.reference}]
    assert _case_rows(sam, ids.case_id) == _case_rows(alex, ids.case_id)


def test_a_confirmed_bundle_is_not_sent_again_and_an_unconfirmed_one_is(
    hub: Hub, laptop: LaptopFactory
) -> None:
    alex, sam = laptop("Alex Morgan"), laptop("Sam Patel")
    alex.enroll(hub)
    sam.enroll(hub)
    ids = new_case(alex)
    send_changes(alex, hub)
    hub.assign(ids.reference, sam.device_id, keep_referrer=True)
    first = hub.inbox(sam.device_id, 0)
    again = hub.inbox(sam.device_id, 0)  # not applied (lost on the way): built again
    assert first is not None and again is not None and first[0] == again[0] == 1
    first_records = sam.open_hub_bundle(first[1]).changes
    assert sam.open_hub_bundle(again[1]).changes == first_records
    assert hub.inbox(sam.device_id, 1) is None  # confirmed: nothing new
    assert hub.inbox(sam.device_id, 1) is None
    # A later change of the case reaches Sam alone, without the rest of the case.
    base, _ = alex.records(ids.case_id, {"case_file": [ids.case_id]})
    alex.send(hub, [edited(base[0], 1, summary="Updated")])
    sam.inbox_after = 1
    changes = sam.fetch(hub)
    assert changes is not None and sam.inbox_after == 2
    assert {r["id"] for r in changes["records"]} == {ids.case_id}
    assert changes["records"][0]["f"]["summary"] == "Updated" and changes["cases"] == []
    assert alex.fetch(hub) is None  # its own plain change is not sent back


def test_a_replacement_laptop_gets_the_open_cases_but_not_the_closed_ones(
    hub: Hub, laptop: LaptopFactory
) -> None:
    old = laptop("Alex Morgan")
    old.enroll(hub)
    open_case, closed_case = new_case(old), new_case(old)
    with old.vault.unit_of_work() as uow:
        case = load_case(uow.session, closed_case.case_id)
        close_case(uow, case, ClosureReason.DECLINED, closed_on=date(2026, 11, 1))
    send_changes(old, hub)
    hub.revoke(old.device_id)
    replacement = laptop("Alex Morgan")
    replacement.enroll(hub, same_facilitator=old.config["facilitator_id"])
    changes = replacement.fetch(hub, apply=True)
    assert changes is not None
    assert changes["cases"] == [{"id": open_case.case_id, "reference": open_case.reference}]
    assert _case_rows(replacement, open_case.case_id) == _case_rows(old, open_case.case_id)
    assert replacement.fetch(hub) is None


def test_a_case_made_on_one_laptop_reaches_the_facilitators_other_laptop(
    hub: Hub, laptop: LaptopFactory
) -> None:
    office, home = laptop("Alex Morgan"), laptop("Alex Morgan")
    office.enroll(hub)
    home.enroll(hub, same_facilitator=office.config["facilitator_id"])
    ids = new_case(office)
    send_changes(office, hub)
    assert office.fetch(hub) is None
    changes = home.fetch(hub)
    assert changes is not None
    assert changes["cases"] == [{"id": ids.case_id, "reference": ids.reference}]
    assert {r["id"] for r in changes["records"]} == _case_rows(office, ids.case_id)


def test_a_large_inbox_comes_in_several_bundles_each_whole(
    hub: Hub, laptop: LaptopFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(delivery, "MAX_RECORDS", 4)
    alex, sam = laptop("Alex Morgan"), laptop("Sam Patel")
    alex.enroll(hub)
    sam.enroll(hub)
    first, second = new_case(alex), new_case(alex)
    send_changes(alex, hub)
    hub.assign(first.reference, sam.device_id, keep_referrer=True)
    assert sam.fetch(hub, apply=True) is not None
    assert sam.fetch(hub) is None
    # Now changes of the first case, and the second case whole.
    found, _ = alex.case_records(first.case_id)
    edits = [edited(r, 1, location="Hall") for r in of(found, "case_file")]
    edits += [edited(r, 1, notes="Re-checked") for r in of(found, "risk_assessment")]
    edits += [edited(r, 1, phone="0700 900 000") for r in of(found, "person")]
    alex.send(hub, edits)
    hub.assign(second.reference, sam.device_id, keep_referrer=True)
    seen: set[str] = set()
    bundles = 0
    while (changes := sam.fetch(hub, apply=True)) is not None:
        bundles += 1
        seen |= {r["id"] for r in changes["records"]}
    assert bundles >= 2
    assert {r.id for r in edits} | _case_rows(alex, second.case_id) <= seen
    stored = hub.record(first.case_id)
    assert stored is not None and sam.versions[first.case_id] == stored.version


def test_a_laptop_behind_what_it_confirmed_is_sent_its_cases_whole_again(
    hub: Hub, laptop: LaptopFactory
) -> None:
    """Confirming an inbox sequence below the last it confirmed means the laptop's vault was
    put back from an older copy: everything it should hold comes again, whole, including the
    rows it sent itself (which the hub never sends back as changes)."""
    alex, sam = laptop("Alex Morgan"), laptop("Sam Patel")
    alex.enroll(hub)
    sam.enroll(hub)
    assigned = new_case(alex)
    send_changes(alex, hub)
    hub.assign(assigned.reference, sam.device_id)
    assert sam.fetch(hub, apply=True) is not None
    assert sam.fetch(hub) is None  # confirms bundle 1: nothing more
    own = new_case(sam)
    send_changes(sam, hub)
    assert sam.fetch(hub) is None  # its own case is not sent back to it

    sam.inbox_after = 0  # the vault put back from before bundle 1
    changes = sam.fetch(hub)
    assert changes is not None
    assert {c["id"] for c in changes["cases"]} == {assigned.case_id, own.case_id}
    sent = {r["id"] for r in changes["records"]}
    assert _case_rows(sam, own.case_id) <= sent
    assert _case_rows(alex, assigned.case_id) <= sent


def test_a_laptop_may_ask_for_everything_again_and_nobody_else_gets_it(
    hub: Hub, laptop: LaptopFactory
) -> None:
    alex, sam = laptop("Alex Morgan"), laptop("Sam Patel")
    alex.enroll(hub)
    sam.enroll(hub)
    own = new_case(alex)
    send_changes(alex, hub)
    assert alex.fetch(hub) is None
    assert hub.resend_everything(alex.device_id) == 1
    assert hub.resend_everything(alex.device_id) == 0  # already waiting
    changes = alex.fetch(hub)
    assert changes is not None and [c["id"] for c in changes["cases"]] == [own.case_id]
    assert sam.fetch(hub) is None
    hub.revoke(alex.device_id)
    with pytest.raises(UnknownDevice, match="revoked"):
        hub.resend_everything(alex.device_id)
