"""A referral that joins a case (issue 15) reaches the real laptop vault holding that case at its
next sync, from a real hub on 127.0.0.1: the hub's note with what the referrer typed; the
facilitator adds to the note and edits the case afterwards, and both merge at the hub."""

from __future__ import annotations

from datetime import UTC, datetime

from rjdesk.services import cases, contacts, importer, sync
from rjdesk.services.cases import load_case
from rjdesk_hub import Hub
from rjdesk_hub.console import ledger, triage
from rjdesk_hub.referrals import partners
from rjdesk_hub.referrals import store as referrals
from rjdesk_hub.referrals.made import HUB_INTAKE
from rjdesk_protocol.enums import ContactKind
from tests.conftest import NEIGHBOUR_DISPUTE
from tests.sync.conftest import Laptops

COORDINATOR = ledger.Actor(account_id="acc-1", account_name="Jo Coordinator")
CANARY = "Zebedee Quillfeather"


def _partner_referral(hub: Hub) -> tuple[str, str]:
    at = datetime.now(UTC)
    with hub.db.transaction() as tx:
        partner, _token = partners.issue(
            tx.session, hub, organisation="Northshire Police", kind="police", by="acc-1", at=at
        )
        received = referrals.receive(
            tx.session,
            referrals.sealer(hub),
            at=at,
            channel=referrals.PARTNER,
            fields={
                "referrer_name": "PC Dana Whitlock",
                "name": CANARY,
                "contact_how": "phone",
                "contact_detail": "07700 900982",
                "contact_when": "Weekday mornings only",
                "message_ok": "no",
                "people": f"{CANARY} (harmed)",
                "description": "The argument over the fence has started again.",
            },
            problem="neighbour_dispute",
            partner_id=partner.id,
        )
        return received.id, received.reference


def test_a_joined_referrals_note_reaches_the_laptop_and_its_edits_still_merge(
    live_hub: tuple[Hub, str], laptops: Laptops
) -> None:
    hub, _url = live_hub
    priya = laptops("Priya Shah", hub)
    with priya.unit_of_work() as uow:
        case = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes())
        case_id = case.id
    assert "refused" not in sync.sync_now(priya).summary()
    referral_id, reference = _partner_referral(hub)

    joined = triage.join_case(hub, referral_id, case_id, COORDINATOR)
    assert joined.reference == reference and joined.holders == ["Priya Shah"]

    report = sync.sync_now(priya)
    assert "refused" not in report.summary() and "conflict" not in report.summary()
    with priya.reader() as session:
        found = load_case(session, case_id)
        (note,) = [c for c in found.contacts if reference in c.notes]
        assert note.kind == ContactKind.EMAIL
        assert note.author == "Jo Coordinator"
        assert note.location == "Partner's referral link (Northshire Police)"
        assert f"Referral {reference} joined this case from a partner's link" in note.notes
        assert f"The person to contact: {CANARY}" in note.notes
        assert "When it is safe to contact them: Weekday mornings only" in note.notes
        assert "May a message be left: No" in note.notes
        assert "The argument over the fence has started again." in note.notes
        assert f"Not in this case yet: {CANARY}." in note.notes
        assert CANARY not in {p.person.name for p in found.participants}  # nobody added
        note_id = note.id

    # The facilitator adds to the hub's note and edits the case: both merge at the hub.
    with priya.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        (note,) = [c for c in case.contacts if c.id == note_id]
        contacts.add_addendum(uow, note, "Called Zebedee: a meeting on Friday.")
        cases.update_referral(uow, case, location="Castle Vale")
    report = sync.sync_now(priya)
    assert "refused" not in report.summary() and "conflict" not in report.summary()
    stored = hub.record(case_id)
    assert stored is not None and stored.fields["location"] == "Castle Vale"
    assert stored.device_id not in (HUB_INTAKE, "")
    kept_note = hub.record(note_id)
    assert kept_note is not None and kept_note.device_id == HUB_INTAKE
    assert reference in kept_note.fields["notes"]
    with priya.reader() as session:
        (note,) = [c for c in load_case(session, case_id).contacts if c.id == note_id]
        assert [a.text for a in note.addenda] == ["Called Zebedee: a meeting on Friday."]
