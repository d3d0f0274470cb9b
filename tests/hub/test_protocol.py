"""Upgrades (issue 11, item 3): bundles carry the record protocol version; the hub takes the
previous release's bundles and tells a laptop newer than it knows, in one line, to update."""

from __future__ import annotations

from datetime import date

import httpx

from rjdesk.domain.models import Case
from rjdesk.domain.outcome_models import Equality, Feedback, equality_id, feedback_id
from rjdesk_hub import Hub
from rjdesk_hub import models as m
from rjdesk_protocol import schema
from rjdesk_protocol.enums import (
    Ethnicity,
    FeedbackMoment,
    InterventionType,
    JusticeStage,
    Satisfaction,
)
from tests.hub.conftest import LaptopFactory
from tests.hub.test_poison import live, upload
from tests.laptops import CaseIds, Laptop, new_case

__all__ = ["live"]


def test_a_laptop_of_the_previous_release_still_syncs(
    live: tuple[Hub, httpx.Client], laptop: LaptopFactory
) -> None:
    hub, client = live
    alex = laptop("Alex Morgan")
    alex.enroll(hub)
    new_case(alex)
    found, blobs = alex.changes()
    sealed = alex.seal(found, blobs, schema_version="0004")  # its vault's migration head
    answer = upload(client, alex, sealed)
    assert answer.status_code == 200, answer.text
    assert set(alex.take_receipt(answer.text, sealed)["applied"]) == {r.id for r in found}
    with hub.db.reader() as session:
        assert session.get(m.Device, alex.device_id).schema_version == "0004"  # type: ignore[union-attr]
    # Hub bundles to it say what it says, as the previous hub's did; a new laptop's say 2.
    hub.resend_everything(alex.device_id)
    back = hub.inbox(alex.device_id, 0)
    assert back is not None
    assert alex.open_hub_bundle(back[1]).manifest.schema_version == "0004"
    priya = laptop("Priya Shah")
    priya.enroll(hub)
    hub.assign(
        next(r.fields["reference"] for r in found if r.table == "case_file"), priya.device_id
    )
    sent = hub.inbox(priya.device_id, 0)
    assert sent is not None
    assert priya.open_hub_bundle(sent[1]).manifest.schema_version == str(schema.PROTOCOL_VERSION)


def test_a_laptop_newer_than_the_hub_is_told_to_update_and_nothing_is_stored(
    live: tuple[Hub, httpx.Client], laptop: LaptopFactory
) -> None:
    hub, client = live
    alex = laptop("Alex Morgan")
    alex.enroll(hub)
    new_case(alex)
    found, blobs = alex.changes()
    sealed = alex.seal(found, blobs, schema_version=str(schema.PROTOCOL_VERSION + 1))
    answer = upload(client, alex, sealed)
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert "newer than the hub's" in error and error.endswith("update the hub.")
    assert "\n" not in error
    assert hub.counts()["records"] == 0
    current = alex.seal(found, blobs, schema_version=str(schema.PROTOCOL_VERSION))
    assert upload(client, alex, current).status_code == 200


def _with_outcomes(device: Laptop, ids: CaseIds) -> None:
    """Feedback, equality and the returns' facts on a case, written as protocol 4 has them."""
    with device.vault.unit_of_work() as uow:
        case = uow.session.get(Case, ids.case_id)
        assert case is not None
        case.intervention_type = InterventionType.CONFERENCE
        case.justice_stage = JusticeStage.NOT_A_CRIME
        uow.session.add(
            Feedback(
                id=feedback_id(ids.marcia, FeedbackMoment.END),
                case_id=ids.case_id,
                participant_id=ids.marcia,
                moment=FeedbackMoment.END,
                given_on=date(2026, 11, 18),
                satisfaction=Satisfaction.FIVE,
            )
        )
        uow.session.add(
            Equality(
                id=equality_id(ids.lukasz),
                case_id=ids.case_id,
                participant_id=ids.lukasz,
                ethnicity=Ethnicity.WHITE_OTHER,
            )
        )


def test_a_laptop_of_an_older_protocol_is_not_sent_what_protocol_4_added(
    hub: Hub, laptop: LaptopFactory
) -> None:
    alex, priya, sam = laptop("Alex Morgan"), laptop("Priya Shah"), laptop("Sam Okafor")
    for device in (alex, priya, sam):
        device.enroll(hub)
    ids = new_case(alex)
    _with_outcomes(alex, ids)
    found, blobs = alex.changes()
    assert {"feedback", "equality"} <= {r.table for r in found}
    alex.send(hub, found, blobs, schema_version=str(schema.PROTOCOL_VERSION))
    # Priya's laptop last spoke protocol 3; Sam's speaks 4.
    priya.send(hub, [], schema_version="3")
    sam.send(hub, [], schema_version=str(schema.PROTOCOL_VERSION))
    hub.assign(ids.reference, priya.device_id)
    hub.assign(ids.reference, sam.device_id)

    older = priya.fetch(hub)
    assert older is not None
    tables = {item["t"] for item in older["records"]}
    assert "participant" in tables and not tables & {"feedback", "equality"}
    (case,) = [item["f"] for item in older["records"] if item["t"] == "case_file"]
    assert "intervention_type" not in case and "justice_stage" not in case
    assert "origin" in case  # protocol 3 knows it

    assert priya.fetch(hub) is None  # confirms the bundle it applied
    # Once Priya's laptop is updated, her cases come to it whole again, with what it lacked.
    priya.send(hub, [], schema_version=str(schema.PROTOCOL_VERSION))
    updated = priya.fetch(hub)
    assert updated is not None
    assert {"feedback", "equality"} <= {item["t"] for item in updated["records"]}
    (case,) = [item["f"] for item in updated["records"] if item["t"] == "case_file"]
    assert case["intervention_type"] == "conference"

    current = sam.fetch(hub, apply=True)
    assert current is not None
    (case,) = [item["f"] for item in current["records"] if item["t"] == "case_file"]
    assert case["intervention_type"] == "conference"
    assert case["justice_stage"] == "not_a_crime"
    with sam.vault.reader() as session:
        feedback = session.get(Feedback, feedback_id(ids.marcia, FeedbackMoment.END))
        equality = session.get(Equality, equality_id(ids.lukasz))
        assert feedback is not None and feedback.satisfaction is Satisfaction.FIVE
        assert equality is not None and equality.ethnicity is Ethnicity.WHITE_OTHER


def test_a_laptop_moving_to_a_protocol_that_adds_records_is_sent_its_cases_again() -> None:
    assert schema.adds_records("3", "4") and schema.adds_records("0004", "4")
    assert schema.adds_records("2", "3")
    assert not schema.adds_records("4", "4") and not schema.adds_records("", "4")
    assert not schema.adds_records("4", "3") and not schema.adds_records("1", "2")


def test_the_tables_a_protocol_knows() -> None:
    assert schema.table_known("4", "feedback") and schema.table_known("", "equality")
    assert not schema.table_known("3", "feedback") and not schema.table_known("0004", "equality")
    assert schema.table_known("1", "case_file") and schema.table_known("3", "contact")
