"""The console's Assign pages over its real app, a real hub and cases from real bundles: a
coordinator assigns a case by facilitator name, adds a co-worker, reassigns and unassigns,
reassigns ticked cases in bulk and hands over a leaver's cases; each change reaches the laptops'
inboxes, is recorded in the audit log with the person's name, and is said in a banner. An
auditor sees no button and is refused (and recorded so); a form without its CSRF token, a
forged id and a closed case are refused with one sentence and nothing half done."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from rjdesk.services import cases
from rjdesk.services.cases import load_case
from rjdesk_hub import Hub
from rjdesk_hub import models as m
from rjdesk_hub.console.accounts import Accounts
from rjdesk_hub.console.notices import NOTICE_COOKIE
from rjdesk_protocol.enums import ClosureReason
from tests.hub.conftest import LaptopFactory
from tests.hub.console_fixtures import clock, hub  # noqa: F401 - fixtures
from tests.hub.console_signin import (
    Clock,
    Person,
    accounts_of,
    console_app,
    csrf_of,
    set_up_person,
    sign_in,
)
from tests.laptops import CaseIds, Laptop, new_case, send_changes


@dataclass(frozen=True)
class Office:
    hub: Hub
    alex: Laptop  # referred both cases
    priya: Laptop
    sam: Laptop
    dispute: CaseIds
    second: CaseIds

    def facilitator_id(self, name: str) -> str:
        return next(d.facilitator_id for d in self.hub.devices() if d.facilitator == name)


@pytest.fixture
def office(hub: Hub, laptop: LaptopFactory) -> Office:
    alex, priya, sam = laptop("Alex Morgan"), laptop("Priya Shah"), laptop("Sam Patel")
    for device in (alex, priya, sam):
        device.enroll(hub)
    dispute, second = new_case(alex), new_case(alex)
    send_changes(alex, hub)
    return Office(hub, alex, priya, sam, dispute, second)


def _client(hub: Hub) -> Iterator[TestClient]:
    console, _app = console_app(hub)
    with TestClient(console, base_url="https://testserver", follow_redirects=False) as made:
        yield made


@pytest.fixture
def client(hub: Hub) -> Iterator[TestClient]:
    yield from _client(hub)


@pytest.fixture
def coordinator(client: TestClient, clock: Clock) -> TestClient:
    accounts: Accounts = accounts_of(client)
    person = set_up_person(accounts, clock, "sam.coordinator", "coordinator")
    assert sign_in(client, person, clock).status_code == 303
    return client


@pytest.fixture
def auditor(hub: Hub, clock: Clock) -> Iterator[TestClient]:
    for made in _client(hub):
        person: Person = set_up_person(accounts_of(made), clock, "ada.auditor", "auditor")
        assert sign_in(made, person, clock).status_code == 303
        yield made


CHANGES = {"assign", "unassign", "reassign"}


def _holders(hub: Hub, case_id: str) -> dict[str, str]:
    with hub.db.reader() as session:
        query = (
            select(m.Facilitator.name, m.Visibility.how)
            .join(m.Visibility, m.Visibility.facilitator_id == m.Facilitator.id)
            .where(m.Visibility.case_id == case_id)
        )
        return {name: how for name, how in session.execute(query)}


def _events(hub: Hub) -> list[m.ConsoleAuditEvent]:
    with hub.db.reader() as session:
        query = select(m.ConsoleAuditEvent).order_by(m.ConsoleAuditEvent.id)
        return [e for e in session.scalars(query) if e.action in CHANGES]


def _post(client: TestClient, page: str, action: str, **fields: str | list[str]) -> httpx.Response:
    token = csrf_of(client.get(page))
    return client.post(action, data={**fields, "csrf_token": token})


def _banner(page: httpx.Response) -> str:
    found = re.search(r'govuk-notification-banner__heading">([^<]*)<', page.text)
    return found.group(1).replace("&#39;", "'") if found else ""


def _error(page: httpx.Response) -> str:
    found = re.search(r'govuk-error-summary__list">\s*<li><a href="#([^"]+)">([^<]*)<', page.text)
    return f"#{found.group(1)} {found.group(2)}".replace("&#39;", "'") if found else ""


def test_a_coordinator_assigns_a_case_by_name_and_its_laptop_receives_it(
    office: Office, coordinator: TestClient
) -> None:
    hub, case = office.hub, office.dispute
    path = f"/cases/{case.case_id}/assign"
    page = coordinator.get(path)
    assert page.status_code == 200
    assert f'<h1 class="govuk-heading-l">Who holds {case.reference}</h1>' in page.text
    assert "Priya Shah – 1 laptop, 0 open cases" in page.text
    assert "Alex Morgan – 1 laptop, 2 open cases" in page.text
    assert "Referred it" in page.text

    priya = office.facilitator_id("Priya Shah")
    answer = _post(coordinator, path, path, facilitator=priya)
    assert answer.status_code == 303 and answer.headers["location"] == path
    shown = coordinator.get(path)
    assert _banner(shown) == (
        f"{case.reference} is now assigned to Priya Shah. Alex Morgan no longer holds it. "
        "Priya Shah's laptop receives it at the next sync."
    )
    assert _holders(hub, case.case_id) == {"Priya Shah": "assigned"}
    # Said once: the banner's cookie is gone, so a reload says nothing.
    assert _banner(coordinator.get(path)) == ""
    arrived = office.priya.fetch(hub)
    assert arrived is not None and case.case_id in {r["case"] for r in arrived["records"]}

    [event] = _events(hub)
    assert (event.action, event.outcome, event.account_name) == ("assign", "ok", "sam.coordinator")
    assert (event.case_id, event.case_reference) == (case.case_id, case.reference)
    assert event.detail == f"facilitator_id={priya} laptops=1"
    # The holder history names the console account that did it.
    assert [(c.facilitator, c.action, c.by) for c in hub.holder_changes(case.reference)][1:] == [
        ("Priya Shah", "assigned", "sam.coordinator"),
        ("Alex Morgan", "referrer dropped", "sam.coordinator"),
    ]


def test_a_co_worker_is_added_reassigned_and_unassigned(
    office: Office, coordinator: TestClient
) -> None:
    hub, case = office.hub, office.dispute
    path = f"/cases/{case.case_id}/assign"
    priya, sam = office.facilitator_id("Priya Shah"), office.facilitator_id("Sam Patel")
    _post(coordinator, path, path, facilitator=priya)
    page = coordinator.get(path)
    assert "Add a co-worker" in page.text and "Assign it" not in page.text

    _post(coordinator, path, path, facilitator=sam, coworker="yes")
    assert _banner(coordinator.get(path)) == (
        f"Sam Patel now holds {case.reference} too, as a co-worker. "
        "Sam Patel's laptop receives it at the next sync."
    )
    assert _holders(hub, case.case_id) == {"Priya Shah": "assigned", "Sam Patel": "assigned"}

    alex = office.facilitator_id("Alex Morgan")
    _post(coordinator, path, f"/cases/{case.case_id}/reassign", **{"from": priya, "to": alex})
    assert _banner(coordinator.get(path)) == (
        f"{case.reference} is now assigned to Alex Morgan. Priya Shah no longer holds it. "
        "Alex Morgan's laptop receives it at the next sync."
    )
    assert _holders(hub, case.case_id) == {"Alex Morgan": "assigned", "Sam Patel": "assigned"}

    _post(coordinator, path, f"/cases/{case.case_id}/unassign", holder=sam)
    assert _banner(coordinator.get(path)) == (
        f"Sam Patel no longer holds {case.reference}. Their laptops take it off once their "
        "changes to it have reached the hub."
    )
    assert _holders(hub, case.case_id) == {"Alex Morgan": "assigned"}
    assert [(e.action, e.account_name, e.case_reference) for e in _events(hub)] == [
        ("assign", "sam.coordinator", case.reference),
        ("assign", "sam.coordinator", case.reference),
        ("reassign", "sam.coordinator", case.reference),
        ("unassign", "sam.coordinator", case.reference),
    ]
    reassigned = _events(hub)[2]
    assert reassigned.detail == f"facilitator_id={alex} from_facilitator_ids={priya} laptops=1"


def test_a_form_without_a_choice_or_with_a_forged_id_is_refused_beside_its_field(
    office: Office, coordinator: TestClient
) -> None:
    hub, case = office.hub, office.dispute
    path = f"/cases/{case.case_id}/assign"
    before = _holders(hub, case.case_id)
    nothing = _post(coordinator, path, path, facilitator="")
    assert nothing.status_code == 400
    assert _error(nothing) == "#assign-facilitator Choose a facilitator from the list."
    assert "<title>Error: Who holds" in nothing.text
    assert 'id="assign-facilitator-error"' in nothing.text
    # A device code is how the command line names someone; the form takes account ids only.
    forged = _post(coordinator, path, path, facilitator=office.priya.device_code)
    assert _error(forged) == (
        "#assign-facilitator That facilitator is not at this hub: choose one from the list."
    )
    hostile = _post(coordinator, path, path, facilitator='"><script>alert(1)</script>')
    assert hostile.status_code == 400 and "<script>alert(1)" not in hostile.text
    alex = office.facilitator_id("Alex Morgan")
    same = _post(coordinator, path, f"/cases/{case.case_id}/reassign", **{"from": alex, "to": alex})
    assert (
        _error(same)
        == f"#reassign-to Choose someone other than Alex Morgan to take {case.reference}."
    )
    not_holding = _post(coordinator, path, f"/cases/{case.case_id}/unassign", holder=alex + "x")
    assert not_holding.status_code == 400
    assert _holders(hub, case.case_id) == before and _events(hub) == []
    assert coordinator.get("/cases/no-such-case/assign").status_code == 404
    gone = _post(coordinator, path, "/cases/no-such-case/assign", facilitator=alex)
    assert gone.status_code == 404


def test_a_facilitator_with_no_laptop_may_be_assigned_and_the_banner_says_so(
    office: Office, coordinator: TestClient
) -> None:
    hub, case = office.hub, office.dispute
    hub.revoke(office.sam.device_id)
    path = f"/cases/{case.case_id}/assign"
    assert "Sam Patel – no laptop yet, 0 open cases" in coordinator.get(path).text
    _post(coordinator, path, path, facilitator=office.facilitator_id("Sam Patel"))
    assert _banner(coordinator.get(path)) == (
        f"{case.reference} is now assigned to Sam Patel. Alex Morgan no longer holds it. "
        "Sam Patel has no laptop yet: the first laptop enrolled for them receives it."
    )


def test_two_facilitators_with_one_name_are_told_apart(
    office: Office, coordinator: TestClient, laptop: LaptopFactory
) -> None:
    other = laptop("Priya Shah")
    other.enroll(office.hub, new_facilitator=True)
    page = coordinator.get(f"/cases/{office.dispute.case_id}/assign").text
    labels = re.findall(r"Priya Shah \(account of [^)]+\) – 1 laptop", page)
    assert len(set(labels)) == 2


def test_ticked_cases_are_reassigned_in_one_go(office: Office, coordinator: TestClient) -> None:
    hub, one, two = office.hub, office.dispute, office.second
    priya, sam = office.facilitator_id("Priya Shah"), office.facilitator_id("Sam Patel")
    overview = "/"
    # The register posts its ticked cases; one already has a co-worker besides its referrer.
    hub.assign(two.reference, priya, keep_referrer=True)
    confirm = _post(coordinator, overview, "/cases/reassign", case=[one.case_id, two.case_id])
    assert confirm.status_code == 200
    assert '<h1 class="govuk-heading-l">Reassign 2 cases</h1>' in confirm.text
    assert one.reference in confirm.text and two.reference in confirm.text
    token = csrf_of(confirm)
    done = coordinator.post(
        "/cases/reassign/confirm",
        data={"case": [one.case_id, two.case_id], "to": sam, "csrf_token": token},
    )
    assert done.status_code == 303 and done.headers["location"] == "/cases/reassign/done"
    assert _banner(coordinator.get("/cases/reassign/done")) == (
        f"2 cases are now assigned to Sam Patel: {one.reference}, {two.reference}. "
        "Sam Patel's laptop receives them at the next sync."
    )
    assert _holders(hub, one.case_id) == {"Sam Patel": "assigned"}
    assert _holders(hub, two.case_id) == {"Sam Patel": "assigned"}
    events = _events(hub)
    assert [(e.action, e.case_reference, e.account_name) for e in events] == [
        ("reassign", one.reference, "sam.coordinator"),
        ("reassign", two.reference, "sam.coordinator"),
    ]
    alex = office.facilitator_id("Alex Morgan")
    # Alex referred it, then Priya was added: both lose it, in the order they came to hold it.
    assert events[1].detail == (
        f"facilitator_id={sam} from_facilitator_ids={alex},{priya} laptops=1"
    )
    received = office.sam.fetch(hub)
    assert received is not None
    assert {one.case_id, two.case_id} <= {r["case"] for r in received["records"]}


def test_a_bulk_reassign_naming_a_forged_or_closed_case_changes_nothing(
    office: Office, coordinator: TestClient
) -> None:
    hub, one, two = office.hub, office.dispute, office.second
    sam = office.facilitator_id("Sam Patel")
    token = csrf_of(coordinator.get("/"))
    forged = coordinator.post(
        "/cases/reassign/confirm",
        data={"case": [one.case_id, "0" * 36], "to": sam, "csrf_token": token},
    )
    assert forged.status_code == 400
    assert _error(forged) == (
        "#main-content 1 case you chose is not at the hub: nothing was reassigned. Choose the "
        "cases again in the register."
    )
    with office.alex.vault.unit_of_work() as uow:
        cases.close_case(uow, load_case(uow.session, two.case_id), ClosureReason.DECLINED)
    send_changes(office.alex, hub)
    closed = coordinator.post(
        "/cases/reassign/confirm",
        data={"case": [one.case_id, two.case_id], "to": sam, "csrf_token": token},
    )
    assert _error(closed) == (
        f"#main-content {two.reference} is closed, and a closed case is not reassigned: nothing "
        "was reassigned. Choose open cases only."
    )
    nobody = coordinator.post(
        "/cases/reassign/confirm", data={"case": [one.case_id], "to": "", "csrf_token": token}
    )
    assert _error(nobody) == "#bulk-to Choose a facilitator from the list."
    assert _holders(hub, one.case_id) == {"Alex Morgan": "referred"}
    assert _events(hub) == []
    # A closed case is not given to anyone on its own page either.
    page = coordinator.get(f"/cases/{two.case_id}/assign")
    assert "A closed case is not given to anyone" in page.text and "Assign it" not in page.text
    refused = _post(coordinator, "/", f"/cases/{two.case_id}/assign", facilitator=sam)
    assert refused.status_code == 400 and "is closed" in _error(refused)


def test_a_leavers_open_cases_are_handed_over_one_event_each(
    office: Office, coordinator: TestClient
) -> None:
    hub, one, two = office.hub, office.dispute, office.second
    alex, priya = office.facilitator_id("Alex Morgan"), office.facilitator_id("Priya Shah")
    path = f"/facilitators/{alex}/hand-over"
    page = coordinator.get(path)
    assert page.status_code == 200
    assert "Hand over Alex Morgan's cases" in page.text
    assert one.reference in page.text and two.reference in page.text
    assert "Hand over 2 cases" in page.text
    answer = _post(coordinator, path, path, to=priya)
    assert answer.status_code == 303 and answer.headers["location"] == path
    after = coordinator.get(path)
    assert _banner(after) == (
        f"2 cases are now assigned to Priya Shah: {one.reference}, {two.reference}. Priya "
        "Shah's laptop receives them at the next sync. Alex Morgan's laptops take them off "
        "once their changes have reached the hub."
    )
    assert "Alex Morgan holds no open case." in after.text
    assert _holders(hub, one.case_id) == {"Priya Shah": "assigned"}
    assert _holders(hub, two.case_id) == {"Priya Shah": "assigned"}
    assert [(e.action, e.case_reference) for e in _events(hub)] == [
        ("reassign", one.reference),
        ("reassign", two.reference),
    ]
    again = _post(coordinator, path, path, to=priya)
    assert _error(again) == (
        "#main-content Alex Morgan holds no open case: there is nothing to hand over."
    )
    assert coordinator.get("/facilitators/nobody/hand-over").status_code == 404


def test_an_auditor_sees_who_holds_a_case_but_no_button_and_every_post_is_refused(
    office: Office, auditor: TestClient, coordinator: TestClient
) -> None:
    hub, case = office.hub, office.dispute
    path = f"/cases/{case.case_id}/assign"
    page = auditor.get(path)
    assert page.status_code == 200 and "Alex Morgan" in page.text
    assert '<form method="post" action="/cases/' not in page.text
    assert "Unassign" not in page.text and "Reassign" not in page.text
    alex = office.facilitator_id("Alex Morgan")
    hand_over = auditor.get(f"/facilitators/{alex}/hand-over")
    assert hand_over.status_code == 200 and 'hand-over" ' not in hand_over.text
    assert 'action="/facilitators/' not in hand_over.text

    token = csrf_of(page)
    priya = office.facilitator_id("Priya Shah")
    tries = [
        (path, {"facilitator": priya}, "assign"),
        (f"/cases/{case.case_id}/reassign", {"from": alex, "to": priya}, "reassign"),
        (f"/cases/{case.case_id}/unassign", {"holder": alex}, "unassign"),
        ("/cases/reassign", {"case": case.case_id}, "reassign"),
        ("/cases/reassign/confirm", {"case": case.case_id, "to": priya}, "reassign"),
        (f"/facilitators/{alex}/hand-over", {"to": priya}, "reassign"),
    ]
    for action, fields, _recorded in tries:
        refused = auditor.post(action, data={**fields, "csrf_token": token})
        assert refused.status_code == 403, action
        assert "auditors may not assign cases" in refused.text
    assert _holders(hub, case.case_id) == {"Alex Morgan": "referred"}
    recorded = [(e.action, e.outcome, e.account_name, e.detail) for e in _events(hub)]
    assert recorded == [
        (expected, "refused", "ada.auditor", "needs=assign") for _a, _f, expected in tries
    ]


def test_a_form_without_its_csrf_token_is_refused_and_changes_nothing(
    office: Office, coordinator: TestClient
) -> None:
    hub, case = office.hub, office.dispute
    priya = office.facilitator_id("Priya Shah")
    path = f"/cases/{case.case_id}/assign"
    for action, fields in [
        (path, {"facilitator": priya}),
        ("/cases/reassign/confirm", {"case": case.case_id, "to": priya}),
        (f"/facilitators/{office.facilitator_id('Alex Morgan')}/hand-over", {"to": priya}),
    ]:
        refused = coordinator.post(action, data=fields)
        assert refused.status_code == 403 and "This form was refused" in refused.text
        other = coordinator.post(action, data={**fields, "csrf_token": "x" * 43})
        assert other.status_code == 403
    assert _holders(hub, case.case_id) == {"Alex Morgan": "referred"}
    assert _events(hub) == []


def test_a_banner_cookie_not_made_by_the_console_says_nothing(
    office: Office, coordinator: TestClient
) -> None:
    path = f"/cases/{office.dispute.case_id}/assign"
    coordinator.cookies.set(NOTICE_COOKIE, "SGVsbG8gd29ybGQ.0123abcd", path=path)
    assert _banner(coordinator.get(path)) == ""
