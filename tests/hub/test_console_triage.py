"""Triage at the console over its real app and a real hub: the queue of new referrals with their
age and Victims' Code clock (across the Christmas bank holidays), a referral opened (audited),
declined for each reason (what the referrer typed gone, the figures kept), a phone referral
typed at the hub (its checks, then in the queue), the accept form with the revolving-door match
of a person already in a case. An auditor sees no button and is refused (and recorded so); a
form without its CSRF token and forged ids are refused."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from rjdesk_hub import Hub
from rjdesk_hub import models as m
from rjdesk_hub.console import triage
from rjdesk_hub.console.register import RegisterQuery
from rjdesk_hub.referrals import store
from rjdesk_hub.referrals.models import Referral
from rjdesk_protocol.calendar import add_working_days
from rjdesk_protocol.victims_code import format_day
from tests.hub.conftest import LaptopFactory
from tests.hub.console_fixtures import hub  # noqa: F401 - fixtures
from tests.hub.console_signin import (
    Clock,
    accounts_of,
    console_app,
    csrf_of,
    set_up_person,
    sign_in,
)

CHRISTMAS_EVE = datetime(2026, 12, 24, 10, 0, tzinfo=UTC)
CANARY = "Zebedee Quillfeather"


@pytest.fixture
def clock() -> Clock:
    return Clock()  # 12 January 2027, 09:00 UTC


def _client(hub: Hub) -> Iterator[TestClient]:
    console, _app = console_app(hub)
    with TestClient(console, base_url="https://testserver", follow_redirects=False) as made:
        yield made


@pytest.fixture
def coordinator(hub: Hub, clock: Clock) -> Iterator[TestClient]:
    for made in _client(hub):
        person = set_up_person(accounts_of(made), clock, "sam.coordinator", "coordinator")
        assert sign_in(made, person, clock).status_code == 303
        yield made


@pytest.fixture
def auditor(hub: Hub, clock: Clock) -> Iterator[TestClient]:
    for made in _client(hub):
        person = set_up_person(accounts_of(made), clock, "ada.auditor", "auditor")
        assert sign_in(made, person, clock).status_code == 303
        yield made


def put_referral(
    hub: Hub, at: datetime, *, channel: str = store.PUBLIC, fields: dict[str, Any] | None = None
) -> store.Received:
    with hub.db.transaction() as tx:
        return store.receive(
            tx.session, store.sealer(hub), at=at, channel=channel, problem="neighbour_dispute",
            fields=fields if fields is not None else {"name": CANARY, "phone": "07700 900123"},
        )  # fmt: skip


def _events(hub: Hub, action: str) -> list[m.ConsoleAuditEvent]:
    with hub.db.reader() as session:
        query = select(m.ConsoleAuditEvent).where(m.ConsoleAuditEvent.action == action)
        return list(session.scalars(query.order_by(m.ConsoleAuditEvent.id)))


def _banner(page: httpx.Response) -> str:
    found = re.search(r'govuk-notification-banner__heading">([^<]*)<', page.text)
    return found.group(1).replace("&#39;", "'") if found else ""


def _errors(page: httpx.Response) -> list[str]:
    summary = page.text.split("govuk-error-summary__list", 1)[-1].split("</ul>", 1)[0]
    return [t.replace("&#39;", "'") for t in re.findall(r'<a href="#[^"]+">([^<]*)<', summary)]


def _post(client: TestClient, form_page: str, action: str, **fields: str) -> httpx.Response:
    token = csrf_of(client.get(form_page))
    return client.post(action, data={**fields, "csrf_token": token})


def test_the_queue_lists_new_referrals_oldest_first_with_the_clock_across_bank_holidays(
    hub: Hub, coordinator: TestClient, clock: Clock
) -> None:
    empty = coordinator.get("/referrals")
    assert empty.status_code == 200 and 'id="queue-empty"' in empty.text
    late = put_referral(hub, CHRISTMAS_EVE)
    fresh = put_referral(hub, clock.now, channel=store.PHONE)
    page = coordinator.get("/referrals")
    assert page.status_code == 200
    assert page.text.index(late.reference) < page.text.index(fresh.reference)
    # Five working days from Christmas Eve skip Christmas, Boxing Day (on the Monday) and New
    # Year's Day: the deadline is 5 January, not 31 December.
    deadline = add_working_days(date(2026, 12, 24), 5)
    assert deadline == date(2027, 1, 5)
    assert f"Overdue: RJ information not given; the deadline was {format_day(deadline)}" in (
        page.text
    )
    assert "Missed" in page.text and "19 days" in page.text
    assert "Phone call at the hub" in page.text and "Online form" in page.text
    assert CANARY not in page.text  # the queue shows nothing the referrer typed
    assert "Due by 19 Jan 2027 (5 working days left)" in page.text
    overview = coordinator.get("/")
    assert re.search(r'id="figure-referrals-new".*?rj-count">2<', overview.text, re.S)


def test_opening_a_referral_shows_what_was_typed_and_is_recorded(
    hub: Hub, coordinator: TestClient
) -> None:
    made = put_referral(hub, CHRISTMAS_EVE)
    page = coordinator.get(f"/referrals/{made.id}")
    assert page.status_code == 200 and CANARY in page.text
    assert f"/referrals/{made.id}/accept" in page.text and "/decline" in page.text
    (event,) = _events(hub, "view_referral")
    assert event.case_reference == made.reference and CANARY not in event.detail
    assert event.account_name == "sam.coordinator"


@pytest.mark.parametrize("reason", sorted(triage.DECLINE_REASONS))
def test_declining_deletes_what_was_typed_and_keeps_the_figures(
    hub: Hub, coordinator: TestClient, reason: str
) -> None:
    made = put_referral(hub, CHRISTMAS_EVE, channel=store.PHONE)
    confirm = coordinator.get(f"/referrals/{made.id}/decline")
    assert confirm.status_code == 200 and "Decline referral" in confirm.text
    answer = _post(
        coordinator, f"/referrals/{made.id}/decline", f"/referrals/{made.id}/decline",
        reason=reason,
    )  # fmt: skip
    assert answer.status_code == 303 and answer.headers["location"] == "/referrals"
    queue = coordinator.get("/referrals")
    assert f"{made.reference} was declined" in _banner(queue)
    assert made.reference not in queue.text.split("</h1>", 1)[1].split("govuk-table", 1)[0] or (
        'id="queue-empty"' in queue.text
    )
    with hub.db.reader() as session:
        kept = session.get(Referral, made.id)
        assert kept is not None
        assert kept.sealed is None and kept.status == "declined"
        assert (kept.decline_reason, kept.channel, kept.problem) == (
            reason, "phone", "neighbour_dispute",
        )  # fmt: skip
    (event,) = _events(hub, "referral_declined")
    assert f"reason={reason}" in event.detail and event.outcome == "ok"
    again = coordinator.get(f"/referrals/{made.id}")
    assert CANARY not in again.text and triage.DECLINE_REASONS[reason] in again.text


def test_a_decline_without_a_reason_is_refused_and_keeps_the_referral(
    hub: Hub, coordinator: TestClient
) -> None:
    made = put_referral(hub, CHRISTMAS_EVE)
    path = f"/referrals/{made.id}/decline"
    for reason in ("", "because"):
        answer = _post(coordinator, path, path, reason=reason)
        assert answer.status_code == 400
        assert _errors(answer) == ["Choose why the referral is declined."]
    with hub.db.reader() as session:
        assert session.get(Referral, made.id).sealed is not None  # type: ignore[union-attr]


def test_an_auditor_sees_no_button_and_is_refused_and_recorded(
    hub: Hub, auditor: TestClient
) -> None:
    made = put_referral(hub, CHRISTMAS_EVE)
    queue = auditor.get("/referrals")
    assert queue.status_code == 200 and made.reference in queue.text
    assert "/referrals/new" not in queue.text
    page = auditor.get(f"/referrals/{made.id}")
    assert page.status_code == 200 and "/accept" not in page.text and "/decline" not in page.text
    assert auditor.get(f"/referrals/{made.id}/decline").status_code == 403
    assert auditor.get("/referrals/new").status_code == 403
    token = csrf_of(page)
    answer = auditor.post(
        f"/referrals/{made.id}/decline", data={"reason": "duplicate", "csrf_token": token}
    )
    assert answer.status_code == 403
    typed = auditor.post("/referrals/new", data={"csrf_token": token})
    assert typed.status_code == 403
    refused = [e for e in _events(hub, "referral_declined") if e.outcome == "refused"]
    assert len(refused) == 1 and refused[0].account_name == "ada.auditor"
    assert [e.outcome for e in _events(hub, "referral_typed")] == ["refused"]
    with hub.db.reader() as session:
        assert session.get(Referral, made.id).status == "new"  # type: ignore[union-attr]


def test_a_form_without_its_csrf_token_is_refused(hub: Hub, coordinator: TestClient) -> None:
    made = put_referral(hub, CHRISTMAS_EVE)
    answer = coordinator.post(f"/referrals/{made.id}/decline", data={"reason": "duplicate"})
    assert answer.status_code == 403
    typed = coordinator.post("/referrals/new", data=PHONE_FORM)
    assert typed.status_code == 403
    with hub.db.reader() as session:
        assert session.get(Referral, made.id).status == "new"  # type: ignore[union-attr]
        assert len(store.queue(session)) == 1


def test_forged_ids_are_not_found(hub: Hub, coordinator: TestClient) -> None:
    put_referral(hub, CHRISTMAS_EVE)
    forged = "00000000-0000-4000-8000-000000000000"
    for path in (f"/referrals/{forged}", f"/referrals/{forged}/decline",
                 f"/referrals/{forged}/accept", f"/referrals/{'x' * 500}"):  # fmt: skip
        assert coordinator.get(path).status_code == 404, path
    answer = _post(coordinator, "/referrals", f"/referrals/{forged}/decline", reason="duplicate")
    assert answer.status_code == 404


PHONE_FORM = {
    "case_type": "neighbour_dispute",
    "source": "self",
    "summary": "Shouting over the fence every night.",
    "person-1-name": CANARY,
    "person-1-role": "harmed",
    "person-1-dob-day": "3",
    "person-1-dob-month": "4",
    "person-1-dob-year": "1980",
    "person-1-phone": "07700 900123",
}


def test_a_phone_referral_is_checked_then_kept_in_the_queue(
    hub: Hub, coordinator: TestClient
) -> None:
    form = coordinator.get("/referrals/new")
    assert form.status_code == 200 and "Type a phone referral" in form.text
    refused = _post(
        coordinator, "/referrals/new", "/referrals/new",
        **{"referrer_email": "no-at-sign", "incident_date-day": "31", "incident_date-month": "2",
           "incident_date-year": "2026", "person-2-phone": "0123", "person-1-name": "A" * 201},
    )  # fmt: skip
    assert refused.status_code == 400
    assert _errors(refused) == [
        "Choose the kind of case.",
        "Choose who referred.",
        "The referrer's email address needs an @.",
        "The incident date must be a real date.",
        "Choose person 1's role.",
        "Person 1's name is longer than 200 characters.",
        "Give person 2's name.",
        "Choose person 2's role.",
    ]
    assert 'value="no-at-sign"' in refused.text  # what was typed is shown again
    with hub.db.reader() as session:
        assert store.queue(session) == []
    done = _post(coordinator, "/referrals/new", "/referrals/new", **PHONE_FORM)
    assert done.status_code == 303 and done.headers["location"] == "/referrals"
    queue = coordinator.get("/referrals")
    (waiting,) = triage.queue(hub)
    assert f"in the triage queue as {waiting.reference}" in _banner(queue)
    assert waiting.came_by == "Phone call at the hub" and waiting.age == "Today"
    with hub.db.reader() as session:
        kept = session.get(Referral, waiting.id)
        assert kept is not None and kept.channel == "phone"
        fields = store.fields_of(store.sealer(hub), kept)
    assert fields["people"][0]["name"] == CANARY and fields["people"][0]["role"] == "harmed"
    assert fields["people"][0]["date_of_birth"] == "1980-04-03"
    (event,) = _events(hub, "referral_typed")
    assert event.case_reference == waiting.reference and CANARY not in event.detail
    opened = coordinator.get(f"/referrals/{waiting.id}")
    assert CANARY in opened.text and "Shouting over the fence" in opened.text


def test_the_accept_form_shows_someone_already_in_a_case(
    hub: Hub, coordinator: TestClient, laptop: LaptopFactory
) -> None:
    from rjdesk.services import cases
    from rjdesk.services.people import PersonDetails, add_participant
    from rjdesk_protocol.enums import Role
    from tests.laptops import new_case, send_changes

    alex = laptop("Alex Morgan")
    alex.enroll(hub)
    earlier = new_case(alex)
    with alex.vault.unit_of_work() as uow:
        case = cases.load_case(uow.session, earlier.case_id)
        details = PersonDetails(name=CANARY, date_of_birth=date(1980, 4, 3))
        add_participant(uow, case, details, Role.RESPONSIBLE, position=9)
    send_changes(alex, hub)
    reference = hub.register(RegisterQuery()).rows[0].reference
    made = put_referral(hub, CHRISTMAS_EVE, channel=store.PHONE, fields={
        **{k: v for k, v in PHONE_FORM.items() if not k.startswith("person")},
        "people": [{"name": CANARY.upper(), "role": "harmed", "date_of_birth": "1980-04-03"}],
    })  # fmt: skip
    page = coordinator.get(f"/referrals/{made.id}/accept")
    assert page.status_code == 200
    assert 'id="seen-before"' in page.text and reference in page.text
    assert "matched on date of birth" in page.text
    assert f"Join {reference}" in page.text and "Alex Morgan" in page.text
    # Another date of birth: the name alone matches nobody.
    other = put_referral(hub, CHRISTMAS_EVE, channel=store.PHONE, fields={
        "people": [{"name": CANARY, "role": "harmed", "date_of_birth": "1981-04-03"}],
    })  # fmt: skip
    assert 'id="seen-before-none"' in coordinator.get(f"/referrals/{other.id}/accept").text
    # Joining the case accepts the referral, recorded.
    join = _post(
        coordinator, f"/referrals/{made.id}/accept", f"/referrals/{made.id}/accept",
        join=earlier.case_id, **PHONE_FORM,
    )  # fmt: skip
    assert join.status_code == 303
    assert f"{made.reference} joined {reference}" in _banner(coordinator.get("/referrals"))
    (event,) = _events(hub, "referral_accepted")
    assert event.case_id == earlier.case_id and "joined=yes" in event.detail


def test_the_accept_form_checks_the_details_and_asks_for_a_facilitator(
    hub: Hub, coordinator: TestClient
) -> None:
    made = put_referral(hub, CHRISTMAS_EVE)
    path = f"/referrals/{made.id}/accept"
    page = coordinator.get(path)
    assert page.status_code == 200 and "Accept referral" in page.text
    assert 'value="neighbour_dispute" selected' in page.text  # the referrer's choice
    refused = _post(coordinator, path, path, **{**PHONE_FORM, "case_type": ""})
    assert refused.status_code == 400
    assert _errors(refused) == [
        "Choose the facilitator the case is assigned to.",
        "Choose the kind of case.",
    ]
    with hub.db.reader() as session:
        assert session.get(Referral, made.id).status == "new"  # type: ignore[union-attr]


def test_an_accepted_referral_becomes_a_case_the_hub_makes(
    hub: Hub, coordinator: TestClient, laptop: LaptopFactory
) -> None:
    priya = laptop("Priya Shah")
    priya.enroll(hub)
    facilitator_id = next(d.facilitator_id for d in hub.devices() if d.facilitator == "Priya Shah")
    made = put_referral(hub, CHRISTMAS_EVE)
    path = f"/referrals/{made.id}/accept"
    answer = _post(coordinator, path, path, facilitator=facilitator_id, **PHONE_FORM)
    assert answer.status_code == 303, answer.text
    assert "assigned to Priya Shah" in _banner(coordinator.get("/referrals"))
    with hub.db.reader() as session:
        kept = session.get(Referral, made.id)
        assert kept is not None and kept.status == "accepted" and kept.case_id
