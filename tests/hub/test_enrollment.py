"""Enrollment (docs/sync-protocol.md, "Enrollment"): a signed request in, a signed config out."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from rjdesk.hub import Hub
from rjdesk.hub import models as m
from rjdesk.hub.errors import EnrollmentRefused, HubError, UnknownDevice
from rjdesk.sync.keys import PublicKey, SigningKey, sign_document, verify_document
from tests.hub.conftest import LaptopFactory


def test_a_laptop_is_enrolled_and_its_hub_config_verifies(hub: Hub, laptop: LaptopFactory) -> None:
    alex = laptop("Alex Morgan")
    answer = hub.enroll(alex.enrollment_request())
    body = verify_document(answer, hub.public_key)
    assert body["format"] == "rjdesk.hub-config/1"
    assert body["device_id"] == alex.device_id
    assert body["hub_key_id"] == hub.key_id
    assert body["hub_url"] == "https://hub.example.org"
    assert body["hub_name"] == "Test hub"
    assert body["hub_age_recipient"] == hub.age_recipient
    named = PublicKey.from_minisign(body["hub_signing_key"])
    assert named.key_id_hex == hub.key_id
    verify_document(answer, named)  # what the laptop does: the key the config names
    [device] = hub.devices()
    assert (device.id, device.code, device.facilitator) == (
        alex.device_id,
        alex.device_code,
        "Alex Morgan",
    )
    assert device.revoked_at is None and device.last_sequence == 0


def test_a_request_changed_after_signing_is_refused(hub: Hub, laptop: LaptopFactory) -> None:
    request = laptop().enrollment_request()
    request["facilitator_name"] = "Someone Else"
    with pytest.raises(EnrollmentRefused, match="signature does not verify"):
        hub.enroll(request)
    assert hub.devices() == []


def test_a_request_signed_by_another_key_than_it_carries_is_refused(
    hub: Hub, laptop: LaptopFactory
) -> None:
    request = laptop().enrollment_request()
    forged = sign_document(request, SigningKey.generate(), "forged")
    with pytest.raises(EnrollmentRefused, match="signature does not verify"):
        hub.enroll(forged)


def test_a_device_code_that_is_not_its_keys_is_refused(hub: Hub, laptop: LaptopFactory) -> None:
    alex = laptop()
    request = alex.enrollment_request()
    request["device_code"] = "ZZZZZ" if alex.device_code != "ZZZZZ" else "00000"
    with pytest.raises(EnrollmentRefused, match="does not belong to its key"):
        hub.enroll(sign_document(request, alex.signing_key, "x"))


def test_a_device_code_taken_by_another_device_is_refused(hub: Hub, laptop: LaptopFactory) -> None:
    alex, sam = laptop("Alex Morgan"), laptop("Sam Patel")
    alex.enroll(hub)
    # Two keys whose codes collide are one in 33 million: make the enrolled one hold Sam's.
    with hub.db.transaction() as tx:
        tx.session.execute(
            update(m.Device)
            .where(m.Device.id == alex.device_id)
            .values(device_code=sam.device_code)
        )
    with pytest.raises(EnrollmentRefused, match=f"device code {sam.device_code} is already used"):
        hub.enroll(sam.enrollment_request())
    assert [d.id for d in hub.devices()] == [alex.device_id]


def test_a_revoked_laptop_cannot_be_enrolled_again(hub: Hub, laptop: LaptopFactory) -> None:
    alex = laptop()
    alex.enroll(hub)
    hub.revoke(alex.device_code)
    with pytest.raises(EnrollmentRefused, match=r"was revoked on .* make a new vault"):
        hub.enroll(alex.enrollment_request())


def test_the_same_laptop_asking_again_gets_the_same_enrollment(
    hub: Hub, laptop: LaptopFactory
) -> None:
    alex = laptop()
    first = alex.enroll(hub)
    again = hub.enroll(alex.enrollment_request())
    assert again["device_id"] == first["device_id"]
    assert again["facilitator_id"] == first["facilitator_id"]
    assert again["enrolled_at"] == first["enrolled_at"]
    assert len(hub.devices()) == 1


def test_facilitators_are_found_by_exact_name_or_named_by_the_coordinator(
    hub: Hub, laptop: LaptopFactory
) -> None:
    first = laptop("Alex Morgan").enroll(hub)
    second = laptop("Alex Morgan").enroll(hub)
    other = laptop("alex morgan").enroll(hub)
    named = hub.enroll(laptop("A. Morgan").enrollment_request(), "Alex Morgan")
    assert first["facilitator_id"] == second["facilitator_id"] == named["facilitator_id"]
    assert other["facilitator_id"] != first["facilitator_id"]


def test_revoking_by_id_or_code_and_what_it_refuses(hub: Hub, laptop: LaptopFactory) -> None:
    alex = laptop()
    alex.enroll(hub)
    revoked = hub.revoke(alex.device_id)
    assert revoked.revoked_at is not None and revoked.code == alex.device_code
    with pytest.raises(HubError, match="already revoked"):
        hub.revoke(alex.device_code.lower())
    with pytest.raises(UnknownDevice, match="no device"):
        hub.revoke("no-such-device")
