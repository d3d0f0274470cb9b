"""A coordinator's day through the console's real app, over a hub whose cases came in real
bundles: search, open a case, assign it, settle a conflict, make an enrolment code, report a
laptop lost — and the Audit page lists each of these with the person's name (issue 14, "Done
when": "the audit page shows each of these actions with the person's name")."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from rjdesk_hub import Hub
from rjdesk_hub.console.audit_web import ACTION_WORDS
from rjdesk_hub.console.ledger import Action
from tests.hub.conftest import LaptopFactory
from tests.hub.console_fixtures import clock, hub  # noqa: F401 - fixtures
from tests.hub.console_signin import Clock, accounts_of, console_app, csrf_of, set_up_person
from tests.hub.console_signin import sign_in as console_sign_in
from tests.laptops import edited, new_case, send_changes

NAME = "pat.supervisor"  # a supervisor: does what a coordinator does, and reads the audit log


@pytest.fixture
def client(hub: Hub, clock: Clock) -> Iterator[TestClient]:
    console, _app = console_app(hub)
    with TestClient(console, base_url="https://testserver", follow_redirects=False) as made:
        person = set_up_person(accounts_of(made), clock, NAME, "supervisor")
        assert console_sign_in(made, person, clock).headers["location"] == "/"
        yield made


def _post(client: TestClient, form_page: str, action: str, **fields: str) -> str:
    answer = client.post(action, data={"csrf_token": csrf_of(client.get(form_page)), **fields})
    assert answer.status_code in (200, 303), answer.text
    return answer.headers.get("location", "")


def test_the_audit_page_names_the_person_behind_each_action_of_the_day(
    client: TestClient, hub: Hub, laptop: LaptopFactory
) -> None:
    alex, sam = laptop("Alex Morgan"), laptop("Sam Patel")
    alex.enroll(hub)
    sam.enroll(hub)
    ids = new_case(alex)
    send_changes(alex, hub)
    sam_id = next(d.facilitator_id for d in hub.devices() if d.facilitator == "Sam Patel")

    # Search and open the case, then give it to Sam as a co-worker of Alex.
    assert client.get("/cases", params={"q": ids.reference}).status_code == 200
    assert client.get(f"/cases/{ids.case_id}").status_code == 200
    page = f"/cases/{ids.case_id}/assign"
    _post(client, page, page, facilitator=sam_id, coworker="yes")

    # Both work it offline and disagree: the supervisor settles it at the hub.
    assert sam.fetch(hub, apply=True) is not None
    alex.fetch(hub)
    [base] = alex.records(ids.case_id, {"case_file": [ids.case_id]})[0]
    alex.send(hub, [edited(base, 1, summary="Alex's summary")])
    assert sam.send(hub, [edited(base, 1, summary="Sam's summary")])["conflicts"]
    [conflict] = hub.conflicts()
    page = f"/conflicts/{conflict.id}"
    _post(client, page, page, choice="incoming", note="")

    # A code for a new laptop, then Alex's laptop reported lost.
    _post(client, "/laptops/enrol", "/laptops/enrol", facilitator="new", new_name="Jo Green")
    page = f"/laptops/{alex.device_id}/report-lost"
    _post(client, page, page)

    audit = client.get("/audit")
    assert audit.status_code == 200
    rows = re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", audit.text, flags=re.S)
    done = [
        Action.SEARCH,
        Action.VIEW_CASE,
        Action.ASSIGN,
        Action.CONFLICT_SETTLED,
        Action.ENROL_CODE_CREATED,
        Action.LAPTOP_LOST,
    ]
    for action in done:
        words = ACTION_WORDS[action]
        mine = [row for row in rows if words in row and NAME in row]
        assert mine, f"the audit page lists {words!r} by {NAME}"
