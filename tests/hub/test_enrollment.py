"""Enrollment (docs/sync-protocol.md, "Enrollment"): a signed request in, a signed config out."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from rjdesk_hub import Hub
from rjdesk_hub import models as m
from rjdesk_hub.errors import EnrollmentRefused, HubError, UnknownDevice
from rjdesk_protocol.errors import UsageError
from rjdesk_protocol.keys import PublicKey, SigningKey, sign_document, verify_document
from tests.hub.conftest import LaptopFactory
from tests.laptops import new_case, send_changes


def test_a_laptop_is_enrolled_and_its_hub_config_verifies(hub: Hub, laptop: LaptopFactory) -> None:
    alex = laptop("Alex Morgan")
    answer = hub.enroll(alex.enrollment_request())
    body = verify_document(answer, hub.public_key)
    assert body["format"] == "rjdesk_hub-config/1"
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


def test_a_name_that_has_an_account_is_refused_until_the_coordinator_says_whose_laptop(
    hub: Hub, laptop: LaptopFactory
) -> None:
    first = laptop("Alex Morgan").enroll(hub)
    second = laptop("Alex Morgan")
    with pytest.raises(EnrollmentRefused) as refused:
        hub.enroll(second.enrollment_request())
    message = str(refused.value)
    assert "\n" not in message
    assert (
        f"a facilitator named Alex Morgan already has an account (id {first['facilitator_id']})"
        in message
    )
    assert "--same-facilitator ID" in message and "--new-facilitator" in message
    assert len(hub.devices()) == 1, "nothing was filed"
    # Named by the coordinator: the name is found exactly, so another spelling is a new account.
    with pytest.raises(EnrollmentRefused, match="already has an account"):
        hub.enroll(laptop("A. Morgan").enrollment_request(), "Alex Morgan")
    other = laptop("alex morgan").enroll(hub)
    assert other["facilitator_id"] != first["facilitator_id"]
    with pytest.raises(EnrollmentRefused, match="no facilitator with id nobody"):
        hub.enroll(second.enrollment_request(), same_facilitator="nobody")
    with pytest.raises(UsageError, match="not both"):
        hub.enroll(
            second.enrollment_request(),
            same_facilitator=first["facilitator_id"],
            new_facilitator=True,
        )

    same = second.enroll(hub, same_facilitator=first["facilitator_id"])
    namesake = laptop("Alex Morgan").enroll(hub, new_facilitator=True)
    assert same["facilitator_id"] == first["facilitator_id"]
    assert namesake["facilitator_id"] not in {first["facilitator_id"], other["facilitator_id"]}
    names = {(d.facilitator, d.facilitator_id) for d in hub.devices()}
    assert ("Alex Morgan", namesake["facilitator_id"]) in names
    assert ("Alex Morgan", first["facilitator_id"]) in names


def test_the_same_persons_laptop_gets_their_open_cases_and_a_namesake_gets_none(
    hub: Hub, laptop: LaptopFactory
) -> None:
    sam = laptop("Sam Smith")
    account = sam.enroll(hub)["facilitator_id"]
    ids = new_case(sam)
    send_changes(sam, hub)

    namesake = laptop("Sam Smith")
    namesake.enroll(hub, new_facilitator=True)
    assert namesake.fetch(hub) is None, "a different person with the same name gets nothing"

    second = laptop("Sam Smith")
    second.enroll(hub, same_facilitator=account)
    changes = second.fetch(hub)
    assert changes is not None
    assert changes["cases"] == [{"id": ids.case_id, "reference": ids.reference}]
    # Cases the person sends later never reach the namesake's laptop either.
    new_case(sam)
    send_changes(sam, hub)
    assert namesake.fetch(hub) is None


def test_revoking_by_id_or_code_and_what_it_refuses(hub: Hub, laptop: LaptopFactory) -> None:
    alex = laptop()
    alex.enroll(hub)
    revoked = hub.revoke(alex.device_id)
    assert revoked.revoked_at is not None and revoked.code == alex.device_code
    with pytest.raises(HubError, match="already revoked"):
        hub.revoke(alex.device_code.lower())
    with pytest.raises(UnknownDevice, match="no device"):
        hub.revoke("no-such-device")
