"""Enrolling a laptop with a one-time code (issue 14): made in the console for a named facilitator,
sent by the laptop to ``POST /v1/enrol`` with its enrolment request, answered with the signed hub
configuration. Single use, 24 hours, 5 wrong tries, refused at another hub, never kept in plain."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, text

from rjdesk_hub import Hub
from rjdesk_hub import models as m
from rjdesk_hub.app import create_app
from rjdesk_hub.console import enrol_codes, ledger, ledger_query, ledger_wire
from rjdesk_hub.console.enrol_models import EnrolCode
from rjdesk_hub.enrol_api import PATH
from rjdesk_protocol.keys import verify_document
from tests.hub.conftest import LaptopFactory
from tests.hub.console_fixtures import clock, hub  # noqa: F401 - fixtures
from tests.hub.console_signin import Clock

SAM = ledger_wire.person("a0b1c2d3-0000-4000-8000-000000000001", "sam.coordinator", "10.0.0.5")


@pytest.fixture
def api(hub: Hub) -> Iterator[TestClient]:
    with TestClient(create_app(hub)) as client:
        yield client


def enrol(api: TestClient, code: str, request: dict[str, Any]) -> Any:
    return api.post(PATH, json={"code": code, "request": request})


def test_a_code_for_a_new_facilitator_enrols_their_laptop(
    hub: Hub, api: TestClient, laptop: LaptopFactory
) -> None:
    made = enrol_codes.create(hub, SAM, new_name="  Alex   Morgan ")
    assert made.facilitator_name == "Alex Morgan"
    assert len(made.text) == 14 and made.text.count("-") == 2
    alex = laptop("Alex M.")
    # Typed as a person would: small letters, spaces instead of dashes.
    answer = enrol(api, made.text.lower().replace("-", " "), alex.enrollment_request())
    assert answer.status_code == 200, answer.text
    config = answer.json()
    body = verify_document(config, hub.public_key)
    assert body["device_id"] == alex.device_id
    assert body["hub_url"] == "https://hub.example.org"
    assert config == hub.enroll(alex.enrollment_request())  # exactly the file route's answer
    [device] = hub.devices()
    assert device.facilitator == "Alex Morgan"  # the account the coordinator named
    assert device.facilitator_id == body["facilitator_id"]


def test_a_code_for_an_existing_facilitator_files_the_laptop_under_their_account(
    hub: Hub, api: TestClient, laptop: LaptopFactory
) -> None:
    first = laptop("Alex Morgan")
    hub.enroll(first.enrollment_request())
    [alex] = enrol_codes.facilitators(hub)
    assert (alex.name, alex.laptops) == ("Alex Morgan", 1)
    made = enrol_codes.create(hub, SAM, facilitator_id=alex.id)
    second = laptop("Alex Morgan")  # a replacement: the same name would be refused by file
    answer = enrol(api, made.text, second.enrollment_request())
    assert answer.status_code == 200, answer.text
    assert answer.json()["facilitator_id"] == alex.id
    assert [f.laptops for f in enrol_codes.facilitators(hub)] == [2]


def test_a_new_name_an_account_has_is_refused_beside_the_field(
    hub: Hub, laptop: LaptopFactory
) -> None:
    hub.enroll(laptop("Alex Morgan").enrollment_request())
    with pytest.raises(enrol_codes.EnrolCodeProblem, match="already has an account") as refused:
        enrol_codes.create(hub, SAM, new_name="Alex Morgan")
    assert refused.value.field == "new_name"
    with pytest.raises(enrol_codes.EnrolCodeProblem, match="Choose the facilitator"):
        enrol_codes.create(hub, SAM)
    with pytest.raises(enrol_codes.EnrolCodeProblem, match="not at this hub"):
        enrol_codes.create(hub, SAM, facilitator_id="forged-id")


def test_a_used_code_is_refused_for_another_laptop_and_repeats_for_its_own(
    hub: Hub, api: TestClient, laptop: LaptopFactory
) -> None:
    made = enrol_codes.create(hub, SAM, new_name="Alex Morgan")
    alex, mallory = laptop("Alex Morgan"), laptop("Mallory")
    first = enrol(api, made.text, alex.enrollment_request())
    assert first.status_code == 200
    again = enrol(api, made.text, alex.enrollment_request())  # its answer was lost
    assert again.status_code == 200 and again.json() == first.json()
    refused = enrol(api, made.text, mallory.enrollment_request())
    assert refused.status_code == 410
    assert refused.json() == {"error": enrol_codes.USED}
    assert len(hub.devices()) == 1


def test_an_expired_code_is_refused_by_the_hubs_clock(
    hub: Hub, api: TestClient, laptop: LaptopFactory, clock: Clock
) -> None:
    made = enrol_codes.create(hub, SAM, new_name="Alex Morgan")
    clock.advance(hours=23, minutes=59)
    assert enrol(api, made.text, laptop().enrollment_request()).status_code == 200
    late = enrol_codes.create(hub, SAM, new_name="Sam Patel")
    clock.advance(hours=24)
    refused = enrol(api, late.text, laptop("Sam Patel").enrollment_request())
    assert refused.status_code == 410
    assert refused.json() == {"error": enrol_codes.EXPIRED}
    assert len(hub.devices()) == 1


def wrong_secret(code: str) -> str:
    last = code[-1]
    return code[:-1] + ("A" if last != "A" else "B")


def test_five_wrong_tries_spend_a_code_and_a_sixth_try_is_refused_even_when_right(
    hub: Hub, api: TestClient, laptop: LaptopFactory
) -> None:
    made = enrol_codes.create(hub, SAM, new_name="Alex Morgan")
    request = laptop().enrollment_request()
    for _ in range(enrol_codes.MAX_WRONG_TRIES):
        answer = enrol(api, wrong_secret(made.text), request)
        assert answer.status_code == 403
        assert answer.json() == {"error": enrol_codes.WRONG}
    sixth = enrol(api, made.text, request)
    assert sixth.status_code == 410
    assert sixth.json() == {"error": enrol_codes.SPENT}
    assert hub.devices() == []


def test_a_code_made_at_another_hub_is_refused(
    hub: Hub, api: TestClient, laptop: LaptopFactory, tmp_path: Path
) -> None:
    with Hub.init(tmp_path / "other", name="Other hub") as other:
        made = enrol_codes.create(other, SAM, new_name="Alex Morgan")
    answer = enrol(api, made.text, laptop().enrollment_request())
    assert answer.status_code == 403
    assert hub.devices() == []


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"code": "not a code", "request": {}}, 400),
        ({"code": "K7QM-2XRD-9HVU", "request": {}}, 400),  # U is not in the alphabet
        ({"code": "K7QM-2XRD-9HVA"}, 400),
        ({"request": {}}, 400),
        ([], 400),
    ],
)
def test_malformed_attempts_are_refused_in_one_sentence(
    api: TestClient, body: Any, status: int
) -> None:
    answer = api.post(PATH, json=body)
    assert answer.status_code == status
    assert list(answer.json()) == ["error"]


def test_a_forged_request_leaves_the_code_unused(
    hub: Hub, api: TestClient, laptop: LaptopFactory
) -> None:
    made = enrol_codes.create(hub, SAM, new_name="Alex Morgan")
    alex = laptop()
    forged = alex.enrollment_request()
    forged["facilitator_name"] = "Someone Else"  # changed after signing
    answer = enrol(api, made.text, forged)
    assert answer.status_code == 422
    assert "signature does not verify" in answer.json()["error"]
    assert enrol(api, made.text, alex.enrollment_request()).status_code == 200


def test_refused_attempts_from_one_address_are_limited(
    hub: Hub, api: TestClient, laptop: LaptopFactory
) -> None:
    made = enrol_codes.create(hub, SAM, new_name="Alex Morgan")
    request = laptop().enrollment_request()
    statuses = [enrol(api, f"ZZZZ-ZZZZ-ZZ{n:02d}", request).status_code for n in range(10)]
    assert set(statuses) == {403}
    blocked = enrol(api, made.text, request)
    assert blocked.status_code == 429
    assert "wait 15 minutes" in blocked.json()["error"]


def test_the_code_is_kept_only_as_keyed_hashes_and_never_logged(
    hub: Hub,
    api: TestClient,
    laptop: LaptopFactory,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    made = enrol_codes.create(hub, SAM, new_name="Alex Morgan")
    bare = made.text.replace("-", "")
    enrol(api, wrong_secret(made.text), laptop().enrollment_request())
    assert enrol(api, made.text, laptop().enrollment_request()).status_code == 200
    with hub.db.reader() as session:
        [row] = session.scalars(select(EnrolCode)).all()
        dumped = " ".join(
            str(v) for v in session.execute(text("SELECT * FROM hub_enrol_code")).one()
        )
    for secret in (made.text, bare, bare[:4], bare[4:]):
        assert secret not in dumped
        assert secret not in caplog.text
        for path in (tmp_path / "hub").rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                assert secret.encode() not in data, path
    assert row.used_at is not None and row.wrong_tries == 1


def test_making_a_code_and_enrolling_with_it_are_in_the_audit_log(
    hub: Hub, api: TestClient, laptop: LaptopFactory
) -> None:
    made = enrol_codes.create(hub, SAM, new_name="Alex Morgan")
    alex = laptop()
    api.post(PATH, json={"code": made.text, "request": alex.enrollment_request()})
    with hub.db.reader() as session:
        events = [e for e in ledger_query.entries(session) if e.action != "sign_in"]
        [person] = session.scalars(select(m.Facilitator)).all()
        assert not list(ledger.verify(session))
    created, enrolled = events[-2:]
    assert created.action == ledger.Action.ENROL_CODE_CREATED
    assert (created.account_name, created.address) == ("sam.coordinator", "10.0.0.5")
    assert "new_facilitator=yes" in created.detail
    assert enrolled.action == ledger.Action.LAPTOP_ENROLLED
    assert enrolled.account_name == "sam.coordinator"  # the person who made the code
    assert enrolled.device_id == alex.device_id
    assert f"facilitator_id={person.id}" in enrolled.detail
    assert enrolled.address == ""  # the test client has no IP address
