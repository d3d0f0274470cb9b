"""Authority over cases (DESIGN §7, docs/sync-protocol.md "Who may write a case"): a record
for a case its sender does not hold is refused on its own and grants nothing; the coordinator
assigns and unassigns by name or id; the hub owns versions."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from rjdesk.domain.base import new_id
from rjdesk_hub import Hub
from rjdesk_hub import models as m
from rjdesk_hub.authority import AmbiguousFacilitator
from rjdesk_hub.errors import HubError
from tests.hub.conftest import LaptopFactory
from tests.laptops import edited, new_case, of, send_changes


def _visible(hub: Hub, case_id: str) -> set[str]:
    with hub.db.reader() as session:
        query = select(m.Facilitator.name).join(
            m.Visibility, m.Visibility.facilitator_id == m.Facilitator.id
        )
        return set(session.scalars(query.where(m.Visibility.case_id == case_id)))


def test_a_write_into_a_case_the_sender_does_not_hold_is_refused_alone(
    hub: Hub, laptop: LaptopFactory
) -> None:
    alex, sam = laptop("Alex Morgan"), laptop("Sam Patel")
    alex.enroll(hub)
    sam.enroll(hub)
    theirs = new_case(alex)
    send_changes(alex, hub)
    found, _ = alex.case_records(theirs.case_id)
    [case_file] = of(found, "case_file")
    [their_marcia] = [r for r in of(found, "participant") if r.id == theirs.marcia]
    [marcia] = [r for r in of(found, "person") if r.id == their_marcia.fields["person_id"]]

    # Sam knows the case's ids (a printout, a case once co-worked) and writes into it, along
    # with a case of his own whose participant names Alex's Marcia.
    own = new_case(sam)
    mine, blobs = sam.changes()
    [participant] = [r for r in of(mine, "participant") if r.id == own.marcia]
    poached = edited(participant, 0, person_id=marcia.id)
    mine = [r for r in mine if r.id != participant.id] + [poached]
    intrusions = [
        edited(case_file, 1, summary="Taken over by Sam."),
        edited(marcia, 1, name="Someone Else"),
    ]
    receipt = sam.send(hub, [*mine, *intrusions], blobs)

    refused = {item["id"]: item for item in receipt["refused"]}
    assert refused[case_file.id] == {
        "id": case_file.id,
        "table": "case_file",
        "case": theirs.reference,
        "reason": f"you are not assigned to case {theirs.reference}",
    }
    assert refused[marcia.id]["case"] is None
    assert refused[marcia.id]["reason"] == "this person is in no case you are assigned to"
    assert refused[poached.id]["reason"] == "it names a person of a case you are not assigned to"
    assert set(refused) == {case_file.id, marcia.id, poached.id}
    # Nothing of it reached the hub's state, and Sam sees nothing of Alex's case...
    stored = hub.record(case_file.id)
    assert (
        stored is not None
        and stored.version == 1
        and stored.fields["summary"] != ("Taken over by Sam.")
    )
    marcia_now = hub.record(marcia.id)
    assert marcia_now is not None and marcia_now.fields["name"] != "Someone Else"
    assert hub.record(poached.id) is None
    assert _visible(hub, theirs.case_id) == {"Alex Morgan"}
    assert sam.fetch(hub) is None
    # ...while the rest of his bundle was applied: his own case is his.
    assert own.case_id in receipt["applied"]
    assert all(r.id in receipt["applied"] for r in mine if r.id != poached.id)
    assert _visible(hub, own.case_id) == {"Sam Patel"}
    assert hub.conflicts() == []


def test_assign_drops_the_referrer_unless_kept_and_every_change_is_recorded(
    hub: Hub, laptop: LaptopFactory
) -> None:
    alex, sam = laptop("Alex Morgan"), laptop("Sam Patel")
    alex.enroll(hub)
    sam.enroll(hub)
    ids = new_case(alex)
    send_changes(alex, hub)
    done = hub.assign(ids.reference, "sam patel")
    assert done.dropped == ("Alex Morgan",) and _visible(hub, ids.case_id) == {"Sam Patel"}
    # Alex, no longer holding it, changes it: kept as a conflict for the coordinator.
    found, _ = alex.case_records(ids.case_id)
    [case_file] = of(found, "case_file")
    receipt = alex.send(hub, [edited(case_file, 1, summary="Alex's late edit.")])
    assert receipt["conflicts"] == [case_file.id] and "refused" not in receipt
    [conflict] = hub.conflicts()
    assert conflict.kind == "authority" and conflict.reference == ids.reference
    stored = hub.record(case_file.id)
    assert stored is not None and stored.fields["summary"] != "Alex's late edit."

    with hub.db.reader() as session:
        sam_id = session.scalars(
            select(m.Facilitator.id).where(m.Facilitator.name == "Sam Patel")
        ).one()
    hub.assign(ids.reference, alex.device_code, keep_referrer=True)
    hub.unassign(ids.reference, sam_id)
    assert _visible(hub, ids.case_id) == {"Alex Morgan"}
    with pytest.raises(HubError, match=f"Sam Patel does not hold case {ids.reference}"):
        hub.unassign(ids.reference, "Sam Patel")
    actions = [(c.facilitator, c.action, c.by) for c in hub.holder_changes(ids.reference)]
    assert actions == [
        ("Alex Morgan", "referred", alex.device_id),
        ("Sam Patel", "assigned", "coordinator"),
        ("Alex Morgan", "referrer dropped", "coordinator"),
        ("Alex Morgan", "assigned", "coordinator"),
        ("Sam Patel", "unassigned", "coordinator"),
    ]


def test_a_name_two_facilitators_share_is_refused_listing_their_ids(
    hub: Hub, laptop: LaptopFactory
) -> None:
    alex, first, second = laptop("Alex Morgan"), laptop("Sam Smith"), laptop("SAM SMITH")
    for device in (alex, first, second):
        device.enroll(hub)
    ids = new_case(alex)
    send_changes(alex, hub)
    with hub.db.reader() as session:
        both = list(session.scalars(select(m.Facilitator.id).order_by(m.Facilitator.created_at)))[
            1:
        ]
    with pytest.raises(AmbiguousFacilitator) as refused:
        hub.assign(ids.reference, "Sam Smith")
    assert str(refused.value) == (
        f"2 facilitators are called Sam Smith: give one of their ids ({both[0]}, {both[1]})"
    )
    assert _visible(hub, ids.case_id) == {"Alex Morgan"}
    assert hub.assign(ids.reference, both[1]).facilitator == "SAM SMITH"


def test_a_base_version_from_the_future_is_refused_and_after_a_restore_is_a_conflict(
    hub: Hub, laptop: LaptopFactory
) -> None:
    alex = laptop("Alex Morgan")
    alex.enroll(hub)
    ids = new_case(alex)
    send_changes(alex, hub)
    found, _ = alex.case_records(ids.case_id)
    [case_file] = of(found, "case_file")
    future = 2**62
    receipt = alex.send(hub, [edited(case_file, future, summary="From the future.")])
    assert receipt["applied"] == {} and receipt["conflicts"] == []
    assert receipt["refused"] == [
        {
            "id": case_file.id,
            "table": "case_file",
            "case": ids.reference,
            "reason": f"its base version {future} is ahead of the hub's 1",
        }
    ]
    stored = hub.record(case_file.id)
    assert stored is not None and stored.version == 1
    assert stored.fields["summary"] != "From the future."

    hub.record_restore()  # IT put the hub's database back from a backup
    receipt = alex.send(hub, [edited(case_file, 3, summary="After the restore.")])
    assert receipt["conflicts"] == [case_file.id] and "refused" not in receipt
    [conflict] = hub.conflicts()
    assert conflict.kind == "field"
    stored = hub.record(case_file.id)
    assert stored is not None and stored.fields["summary"] != "After the restore."
    # The restore covers one receipt: the next base from the future is refused again.
    receipt = alex.send(hub, [edited(case_file, 3, summary="Again.")])
    assert [item["id"] for item in receipt["refused"]] == [case_file.id]


def test_a_case_unknown_to_the_hub_is_the_senders_as_its_referrer(
    hub: Hub, laptop: LaptopFactory
) -> None:
    alex = laptop("Alex Morgan")
    alex.enroll(hub)
    ids = new_case(alex)
    receipt = send_changes(alex, hub)
    assert ids.case_id in receipt["applied"] and "refused" not in receipt
    assert _visible(hub, ids.case_id) == {"Alex Morgan"}
    with hub.db.reader() as session:
        [held] = session.scalars(select(m.Visibility).where(m.Visibility.case_id == ids.case_id))
        assert held.how == "referred"
    assert new_id() not in receipt["applied"]


def test_a_case_withdrawn_while_its_delivery_was_on_the_way_is_not_sent_on(
    hub: Hub, laptop: LaptopFactory
) -> None:
    alex, sam = laptop("Alex Morgan"), laptop("Sam Patel")
    alex.enroll(hub)
    sam.enroll(hub)
    ids = new_case(alex)
    send_changes(alex, hub)
    hub.assign(ids.reference, "Sam Patel", keep_referrer=True)
    delivered = sam.fetch(hub, apply=True)  # issued, confirmed only by the next request
    assert delivered is not None and "withdrawn" not in delivered
    hub.unassign(ids.reference, "Sam Patel")
    told = sam.fetch(hub)
    assert told is not None and told["withdrawn"] == [ids.case_id] and told["records"] == []
    # Alex changes the case: nothing of it goes to Sam any more, and the withdrawal, once
    # confirmed, is not repeated.
    found, _ = alex.case_records(ids.case_id)
    [case_file] = of(found, "case_file")
    alex.send(hub, [edited(case_file, 1, summary="Alex carries on alone.")])
    assert sam.fetch(hub) is None
