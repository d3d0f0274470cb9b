"""Upgrades (issue 11, item 3): bundles carry the record protocol version; the hub takes the
previous release's bundles and tells a laptop newer than it knows, in one line, to update."""

from __future__ import annotations

import httpx

from rjdesk_hub import Hub
from rjdesk_hub import models as m
from rjdesk_protocol import schema
from tests.hub.conftest import LaptopFactory
from tests.hub.test_poison import live, upload
from tests.laptops import new_case

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
