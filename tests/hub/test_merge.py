"""Merging at the hub (docs/sync-protocol.md): unions, plain applies, three-way merges, and
conflicts that keep both values; then the rules of DESIGN §2 on the merged case."""

from __future__ import annotations

from datetime import date

from rjdesk.services import assessment, contacts
from rjdesk.services.cases import load_case
from rjdesk_hub import Hub
from rjdesk_protocol.enums import ContactKind
from tests.hub.conftest import LaptopFactory
from tests.laptops import CaseIds, Laptop, deleted, edited, new_case, of, send_changes
from tests.services.builders import at, conference


def _shared_case(hub: Hub, laptop: LaptopFactory) -> tuple[Laptop, Laptop, CaseIds]:
    """Alex makes a case and sends it; the coordinator assigns it to Sam, whose laptop takes
    it in. Both then work it offline."""
    alex, sam = laptop("Alex Morgan"), laptop("Sam Patel")
    alex.enroll(hub)
    sam.enroll(hub)
    ids = new_case(alex)
    send_changes(alex, hub)
    hub.assign(ids.reference, sam.device_code, keep_referrer=True)  # both work it
    assert sam.fetch(hub, apply=True) is not None
    return alex, sam, ids


def _contact(device: Laptop, ids: CaseIds, kind: ContactKind, day: date, notes: str) -> str:
    with device.vault.unit_of_work() as uow:
        case = load_case(uow.session, ids.case_id)
        present = [p for p in case.participants if p.id == ids.marcia]
        return contacts.record_contact(
            uow, case, kind=kind, at=at(day, 10), present=present, notes=notes
        ).id


def _case_file(device: Laptop, ids: CaseIds):  # type: ignore[no-untyped-def]
    found, _ = device.records(ids.case_id, {"case_file": [ids.case_id]})
    return found[0]


def test_contacts_written_on_two_laptops_are_both_kept(hub: Hub, laptop: LaptopFactory) -> None:
    alex, sam, ids = _shared_case(hub, laptop)
    phoned = _contact(alex, ids, ContactKind.PHONE, date(2026, 10, 7), "Called Marcia.")
    visited = _contact(sam, ids, ContactKind.HOME_VISIT, date(2026, 10, 8), "Visited Marcia.")
    first, second = send_changes(alex, hub), send_changes(sam, hub)
    assert first["applied"][phoned] == 1 and second["applied"][visited] == 1
    assert first["conflicts"] == second["conflicts"] == []
    kept = [hub.record(phoned), hub.record(visited)]
    assert {r.fields["notes"] for r in kept if r} == {"Called Marcia.", "Visited Marcia."}
    assert hub.conflicts() == []


def test_the_same_field_changed_on_both_laptops_is_a_conflict_and_other_fields_merge(
    hub: Hub, laptop: LaptopFactory
) -> None:
    alex, sam, ids = _shared_case(hub, laptop)
    base = _case_file(alex, ids)
    assert alex.send(hub, [edited(base, 1, summary="Alex's summary")])["applied"] == {
        ids.case_id: 2
    }
    receipt = sam.send(hub, [edited(base, 1, summary="Sam's summary", location="Oak Road")])
    assert receipt["conflicts"] == [ids.case_id]
    assert ids.case_id not in receipt["applied"]  # Sam's laptop keeps its base version
    merged = hub.record(ids.case_id)
    assert merged is not None and (merged.version, merged.how) == (3, "merge")
    assert merged.fields["summary"] == "Alex's summary"  # the hub's value stands...
    assert merged.fields["location"] == "Oak Road"  # ...and what only Sam changed is applied
    [conflict] = hub.conflicts()
    assert (conflict.kind, conflict.reference) == ("field", ids.reference)
    changes = sam.fetch(hub)
    assert changes is not None
    [sent] = changes["conflicts"]
    assert sent["detail"] == {
        "fields": {"summary": {"hub": "Alex's summary", "incoming": "Sam's summary"}}
    }
    assert (sent["status"], sent["from_name"], sent["row"]) == ("open", "Sam Patel", ids.case_id)
    [case_file] = [r for r in changes["records"] if r["id"] == ids.case_id]
    assert case_file["v"] == 3 and case_file["f"]["location"] == "Oak Road"


def test_a_resolution_closes_the_conflict_for_every_laptop(hub: Hub, laptop: LaptopFactory) -> None:
    alex, sam, ids = _shared_case(hub, laptop)
    base = _case_file(alex, ids)
    alex.send(hub, [edited(base, 1, summary="Alex's summary")])
    sam.send(hub, [edited(base, 1, summary="Sam's summary")])
    [conflict] = hub.conflicts()
    sam.fetch(hub)
    choice = {"conflict": conflict.id, "outcome": "incoming"}
    receipt = sam.send(hub, [edited(base, 2, summary="Sam's summary")], resolutions=[choice])
    assert receipt["applied"] == {ids.case_id: 3} and receipt["conflicts"] == []
    assert hub.conflicts() == []
    [closed] = hub.conflicts(open_only=False)
    assert closed.id == conflict.id
    alex_sees = alex.fetch(hub)
    assert alex_sees is not None
    [sent] = alex_sees["conflicts"]
    assert (sent["status"], sent["outcome"]) == ("resolved", "incoming")
    # The laptop sends its choice until it hears it was taken: a second time changes nothing.
    assert sam.send(hub, [], resolutions=[choice])["applied"] == {}
    assert len(hub.conflicts(open_only=False)) == 1


def test_a_laptops_own_later_change_is_applied_over_its_earlier_one(
    hub: Hub, laptop: LaptopFactory
) -> None:
    alex, _sam, ids = _shared_case(hub, laptop)
    base = _case_file(alex, ids)
    alex.send(hub, [edited(base, 1, summary="First")])
    # The receipt was lost: the laptop still bases its next change on version 1.
    receipt = alex.send(hub, [edited(base, 1, summary="Second")])
    assert receipt == {**receipt, "applied": {ids.case_id: 3}, "conflicts": []}
    stored = hub.record(ids.case_id)
    assert stored is not None and stored.fields["summary"] == "Second" and stored.how == "apply"


def test_the_same_content_again_changes_nothing(hub: Hub, laptop: LaptopFactory) -> None:
    alex, sam, ids = _shared_case(hub, laptop)
    base = _case_file(sam, ids)
    assert sam.send(hub, [edited(base, 0)])["applied"] == {ids.case_id: 1}
    stored = hub.record(ids.case_id)
    assert stored is not None and stored.version == 1 and stored.device_id == alex.device_id


def test_deleting_a_row_changed_elsewhere_is_a_conflict_and_the_row_stays(
    hub: Hub, laptop: LaptopFactory
) -> None:
    alex, sam, ids = _shared_case(hub, laptop)
    found, _ = alex.case_records(ids.case_id)
    [risk] = of(found, "risk_assessment")
    alex.send(hub, [edited(risk, 1, notes="Checked again with the police.")])
    receipt = sam.send(hub, [deleted(risk, 1)])
    assert receipt["conflicts"] == [risk.id] and receipt["applied"] == {}
    stored = hub.record(risk.id)
    assert stored is not None and not stored.deleted and stored.version == 2
    [conflict] = hub.conflicts()
    assert conflict.kind == "delete"


def test_changing_a_row_deleted_elsewhere_is_a_conflict_and_it_stays_deleted(
    hub: Hub, laptop: LaptopFactory
) -> None:
    alex, sam, ids = _shared_case(hub, laptop)
    found, _ = alex.case_records(ids.case_id)
    [risk] = of(found, "risk_assessment")
    assert alex.send(hub, [deleted(risk, 1)])["applied"] == {risk.id: 2}
    assert sam.send(hub, [edited(risk, 1, notes="More")])["conflicts"] == [risk.id]
    stored = hub.record(risk.id)
    assert stored is not None and stored.deleted
    changes = sam.fetch(hub)
    assert changes is not None
    [sent] = [r for r in changes["records"] if r["id"] == risk.id]
    assert (sent["op"], sent["v"]) == ("del", 2)
    [conflict] = changes["conflicts"]
    assert (
        conflict["kind"] == "delete" and conflict["detail"]["fields"]["notes"]["incoming"] == "More"
    )


def test_consent_withdrawn_on_one_laptop_and_a_conference_on_the_other_is_a_rule_conflict(
    hub: Hub, laptop: LaptopFactory
) -> None:
    alex, sam, ids = _shared_case(hub, laptop)
    with alex.vault.unit_of_work() as uow:
        case = load_case(uow.session, ids.case_id)
        marcia = next(p for p in case.participants if p.id == ids.marcia)
        assessment.withdraw_consent(uow, marcia, withdrawn_on=date(2026, 10, 18))
    with sam.vault.unit_of_work() as uow:  # offline: Sam's laptop still has her consent
        case = load_case(uow.session, ids.case_id)
        conference_id = conference(uow, case, *case.participants, on=date(2026, 10, 20)).id
    assert send_changes(alex, hub)["conflicts"] == []
    assert send_changes(sam, hub)["conflicts"] == []  # each bundle merged cleanly...
    [conflict] = hub.conflicts()  # ...but together they break a rule
    assert (conflict.kind, conflict.reference) == ("rule", ids.reference)
    for device in (alex, sam):
        changes = device.fetch(hub)
        assert changes is not None
        [sent] = changes["conflicts"]
        assert (sent["row"], sent["table"]) == (conference_id, "contact")
        assert sent["detail"] == {
            "message": "The conference of 20 Oct 2026 was recorded, but Marcia Bennett (harmed "
            "and responsible) withdrew consent to take part on 18 Oct 2026."
        }
    # Another change to the case does not raise the same breach again, open or dealt with.
    _contact(alex, ids, ContactKind.PHONE, date(2026, 10, 21), "Called Marcia about it.")
    send_changes(alex, hub)
    assert len(hub.conflicts()) == 1
    choice = {"conflict": conflict.id, "outcome": "dealt_with"}
    alex.send(hub, [], resolutions=[choice])
    _contact(alex, ids, ContactKind.PHONE, date(2026, 10, 22), "Called again.")
    send_changes(alex, hub)
    assert hub.conflicts() == []


def test_a_resolution_for_a_case_the_laptop_does_not_work_is_ignored(
    hub: Hub, laptop: LaptopFactory
) -> None:
    alex, sam, ids = _shared_case(hub, laptop)
    base = _case_file(alex, ids)
    alex.send(hub, [edited(base, 1, summary="A")])
    sam.send(hub, [edited(base, 1, summary="B")])
    [conflict] = hub.conflicts()
    outsider = laptop("Pat Outsider")
    outsider.enroll(hub)
    outsider.send(hub, [], resolutions=[{"conflict": conflict.id, "outcome": "hub"}])
    assert [c.id for c in hub.conflicts()] == [conflict.id]
