"""The console's page for enrolling a laptop with a one-time code (``/laptops/enrol``), through
the real console app: who may use it, the form's refusals, and the code shown once."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from rjdesk_hub import Hub
from rjdesk_hub.app import create_app
from rjdesk_hub.console import enrol_codes, ledger, ledger_query
from rjdesk_hub.enrol_api import PATH as API_PATH
from tests.hub.conftest import LaptopFactory
from tests.hub.console_fixtures import client, clock, hub  # noqa: F401 - fixtures
from tests.hub.console_signin import (
    Clock,
    Person,
    accounts_of,
    csrf_of,
    set_up_person,
    sign_in,
)

PAGE = "/laptops/enrol"
CODE = re.compile(r'id="enrol-code">([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})<')


def person(client: TestClient, clock: Clock, name: str, role: str) -> Person:
    return set_up_person(accounts_of(client), clock, name, role)


def test_a_coordinator_makes_a_code_that_enrols_a_laptop(
    hub: Hub, client: TestClient, clock: Clock, laptop: LaptopFactory
) -> None:
    sign_in(client, person(client, clock, "sam.coordinator", "coordinator"), clock)
    form = client.get(PAGE)
    assert form.status_code == 200
    assert "<title>Enrol a laptop with a code – RJ hub</title>" in form.text
    assert form.text.count("<h1") == 1
    answer = client.post(
        PAGE, data={"facilitator": "new", "new_name": "Alex Morgan", "csrf_token": csrf_of(form)}
    )
    assert answer.status_code == 200
    assert "Enrolment code for Alex Morgan" in answer.text
    assert "https://hub.example.org" in answer.text
    assert "(UK time)" in answer.text
    found = CODE.search(answer.text)
    assert found is not None
    with TestClient(create_app(hub)) as api:
        enrolled = api.post(
            API_PATH, json={"code": found.group(1), "request": laptop().enrollment_request()}
        )
    assert enrolled.status_code == 200
    assert [d.facilitator for d in hub.devices()] == ["Alex Morgan"]
    with hub.db.reader() as session:
        actions = [(e.action, e.account_name) for e in ledger_query.entries(session)]
    assert (ledger.Action.ENROL_CODE_CREATED, "sam.coordinator") in actions
    assert (ledger.Action.LAPTOP_ENROLLED, "sam.coordinator") in actions
    # The form now lists Alex, with their laptop.
    again = client.get(PAGE).text
    assert "Alex Morgan" in again and "1 laptop" in again


def test_the_form_refuses_no_choice_and_a_taken_name_beside_the_field(
    hub: Hub, client: TestClient, clock: Clock, laptop: LaptopFactory
) -> None:
    hub.enroll(laptop("Alex Morgan").enrollment_request())
    sign_in(client, person(client, clock, "sam.coordinator", "coordinator"), clock)
    token = csrf_of(client.get(PAGE))
    nothing = client.post(PAGE, data={"csrf_token": token})
    assert nothing.status_code == 400
    assert "<title>Error: Enrol a laptop with a code – RJ hub</title>" in nothing.text
    assert 'href="#facilitator"' in nothing.text
    assert "govuk-error-message" in nothing.text
    taken = client.post(
        PAGE, data={"facilitator": "new", "new_name": "Alex Morgan", "csrf_token": token}
    )
    assert taken.status_code == 400
    assert "already has an account" in taken.text
    assert 'href="#new_name"' in taken.text
    assert 'value="Alex Morgan"' in taken.text  # what was typed stays
    assert not CODE.search(taken.text)


def test_an_auditor_sees_no_form_and_cannot_post_one(
    hub: Hub, client: TestClient, clock: Clock
) -> None:
    sign_in(client, person(client, clock, "ann.auditor", "auditor"), clock)
    token = csrf_of(client.get("/"))
    assert client.get(PAGE).status_code == 403
    refused = client.post(PAGE, data={"facilitator": "new", "new_name": "X Y", "csrf_token": token})
    assert refused.status_code == 403
    assert not CODE.search(refused.text)
    with hub.db.reader() as session:
        last = list(ledger_query.entries(session))[-1]
    assert (last.action, last.outcome) == (ledger.Action.ENROL_CODE_CREATED, "refused")
    with hub.db.reader() as session:
        assert session.query(enrol_codes.EnrolCode).count() == 0


def test_a_post_without_its_csrf_token_makes_no_code(
    hub: Hub, client: TestClient, clock: Clock
) -> None:
    sign_in(client, person(client, clock, "sam.coordinator", "coordinator"), clock)
    refused = client.post(PAGE, data={"facilitator": "new", "new_name": "Alex Morgan"})
    assert refused.status_code in (400, 403)
    assert not CODE.search(refused.text)
    with hub.db.reader() as session:
        assert session.query(enrol_codes.EnrolCode).count() == 0


def test_a_stranger_is_sent_to_sign_in(client: TestClient) -> None:
    answer = client.get(PAGE)
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/sign-in")
