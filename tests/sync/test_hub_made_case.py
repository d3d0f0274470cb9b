"""A case the hub made (issue 15) reaches the assigned facilitator's real laptop vault at its
next sync, from a real hub on 127.0.0.1: its details, its people and the hub's reference, and
where it came from; the facilitator's edit on top of the hub-made version is merged at the hub.
A hub that uses an intake laptop keeps it working: its case, assigned, reaches the facilitator."""

from __future__ import annotations

from datetime import UTC, datetime

from rjdesk.services import cases, importer, sync
from rjdesk.services.cases import load_case
from rjdesk_hub import Hub
from rjdesk_hub.console import ledger
from rjdesk_hub.referrals import partners
from rjdesk_hub.referrals import store as referrals
from rjdesk_hub.referrals.hub_cases import HUB_INTAKE, create_case
from rjdesk_protocol.enums import Origin
from tests.conftest import NEIGHBOUR_DISPUTE
from tests.sync.conftest import Laptops

COORDINATOR = ledger.Actor(account_id="acc-1", account_name="Jo Coordinator")


def _partner_referral(hub: Hub) -> str:
    at = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    with hub.db.transaction() as tx:
        partner, _token = partners.issue(
            tx.session, hub, organisation="Northshire Police", kind="police", by="acc-1", at=at
        )
        return referrals.receive(
            tx.session,
            referrals.sealer(hub),
            at=at,
            channel=referrals.PARTNER,
            fields={"name": "Łukasz Nowak"},
            problem="neighbour_dispute",
            partner_id=partner.id,
        ).id


def _facilitator(hub: Hub, name: str) -> str:
    return next(d.facilitator_id for d in hub.devices() if d.facilitator == name)


def test_a_hub_made_case_reaches_the_laptop_and_its_edit_is_merged(
    live_hub: tuple[Hub, str], laptops: Laptops
) -> None:
    hub, _url = live_hub
    priya = laptops("Priya Shah", hub)
    case_id = create_case(
        hub,
        referral_id=_partner_referral(hub),
        case={"case_type": "neighbour_dispute", "received_on": "2026-03-02",
              "summary": "Noise through the party wall.", "crime_reference": "CR/123/26"},
        people=[
            {"key": "a", "name": "Łukasz Nowak", "role": "harmed", "phone": "07700 900123"},
            {"key": "b", "name": "Marcia Brown", "role": "responsible"},
        ],
        facilitator_id=_facilitator(hub, "Priya Shah"),
        actor=COORDINATOR,
    )  # fmt: skip
    made = hub.record(case_id)
    assert made is not None
    reference = made.fields["reference"]

    report = sync.sync_now(priya)
    assert "refused" not in report.summary()
    with priya.reader() as session:
        case = load_case(session, case_id)
        assert case.reference == reference
        assert case.origin == Origin.PARTNER_LINK
        assert case.referrer_organisation == "Northshire Police"
        assert case.crime_reference == "CR/123/26"
        assert sorted(p.person.name for p in case.participants) == ["Marcia Brown", "Łukasz Nowak"]
        assert [s.to_stage.value for s in case.stage_changes] == ["referral"]

    # The facilitator's change on top of the hub's version: merged, version 2, by the laptop.
    with priya.unit_of_work() as uow:
        cases.update_referral(uow, load_case(uow.session, case_id), location="Castle Vale")
    report = sync.sync_now(priya)
    assert "refused" not in report.summary() and "conflict" not in report.summary()
    stored = hub.record(case_id)
    assert stored is not None
    assert stored.fields["location"] == "Castle Vale"
    assert stored.fields["origin"] == "partner_link"
    assert stored.device_id not in (HUB_INTAKE, "")
    assert stored.version == 2


def test_an_intake_laptop_still_refers_for_a_facilitator(
    live_hub: tuple[Hub, str], laptops: Laptops
) -> None:
    hub, _url = live_hub
    intake = laptops("Intake desk", hub)
    priya = laptops("Priya Shah", hub)
    with intake.unit_of_work() as uow:
        case = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes())
        case_id, reference = case.id, case.reference
    sync.sync_now(intake)
    hub.assign(reference, "Priya Shah")
    sync.sync_now(priya)
    with priya.reader() as session:
        found = load_case(session, case_id)
        assert found.reference == reference
        assert found.origin == Origin.FACILITATOR
