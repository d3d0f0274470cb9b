"""Partners' links at the console over its real app and a real hub: a coordinator issues a link
(shown once, the token nowhere in the database in plain), sees it listed, and revokes it behind a
confirmation (the link no longer finds its partner); each is recorded. An auditor sees the list
but no button and is refused; no CSRF token, a forged id and hostile input are refused."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from rjdesk_hub import Hub
from rjdesk_hub import models as m
from rjdesk_hub.referrals import partners
from rjdesk_hub.referrals.models import Partner
from tests.hub.console_fixtures import clock, hub  # noqa: F401 - fixtures
from tests.hub.console_signin import (
    Clock,
    accounts_of,
    console_app,
    csrf_of,
    set_up_person,
    sign_in,
)

LINK = re.compile(r'id="partner-link">(https://[^<]+)<')


def _signed_in(hub: Hub, clock: Clock, name: str, role: str) -> Iterator[TestClient]:
    console, _app = console_app(hub)
    with TestClient(console, base_url="https://testserver", follow_redirects=False) as made:
        person = set_up_person(accounts_of(made), clock, name, role)
        assert sign_in(made, person, clock).status_code == 303
        yield made


@pytest.fixture
def coordinator(hub: Hub, clock: Clock) -> Iterator[TestClient]:
    yield from _signed_in(hub, clock, "sam.coordinator", "coordinator")


@pytest.fixture
def auditor(hub: Hub, clock: Clock) -> Iterator[TestClient]:
    yield from _signed_in(hub, clock, "ada.auditor", "auditor")


def _events(hub: Hub, action: str) -> list[m.ConsoleAuditEvent]:
    with hub.db.reader() as session:
        query = select(m.ConsoleAuditEvent).where(m.ConsoleAuditEvent.action == action)
        return list(session.scalars(query.order_by(m.ConsoleAuditEvent.id)))


def _issue(client: TestClient, **fields: str) -> httpx.Response:
    token = csrf_of(client.get("/partners/new"))
    return client.post("/partners/new", data={**fields, "csrf_token": token})


def _database_bytes(hub: Hub) -> bytes:
    return b"".join(p.read_bytes() for p in hub.data_dir.glob("hub.db*"))


def test_a_coordinator_issues_a_link_shown_once_and_kept_only_hashed(
    hub: Hub, coordinator: TestClient
) -> None:
    empty = coordinator.get("/partners")
    assert empty.status_code == 200 and 'id="no-partners"' in empty.text
    answer = _issue(coordinator, organisation="Northshire  Police", kind="police")
    assert answer.status_code == 200 and answer.headers["cache-control"] == "no-store"
    found = LINK.search(answer.text)
    assert found, answer.text
    link = found.group(1)
    assert link.startswith("https://hub.example.org:8767/partner/")
    token = link.rsplit("/", 1)[1]
    assert len(token) >= 40
    with hub.db.reader() as session:
        partner = partners.find(session, hub, token)
        assert partner is not None and partner.organisation == "Northshire Police"
        assert partner.kind == "police"
    assert token.encode() not in _database_bytes(hub)
    listed = coordinator.get("/partners")
    assert "Northshire Police" in listed.text and "Police" in listed.text
    assert "sam.coordinator" in listed.text and token not in listed.text
    (event,) = _events(hub, "partner_link_issued")
    assert "kind=police" in event.detail and token not in event.detail


def test_a_partner_link_is_revoked_behind_a_confirmation(hub: Hub, coordinator: TestClient) -> None:
    link = LINK.search(_issue(coordinator, organisation="Eastside School", kind="school").text)
    assert link
    token = link.group(1).rsplit("/", 1)[1]
    with hub.db.reader() as session:
        (partner,) = partners.partners(session)
    confirm = coordinator.get(f"/partners/{partner.id}/revoke")
    assert confirm.status_code == 200 and "Revoke the link of Eastside School?" in confirm.text
    answer = coordinator.post(
        f"/partners/{partner.id}/revoke", data={"csrf_token": csrf_of(confirm)}
    )
    assert answer.status_code == 303 and answer.headers["location"] == "/partners"
    listed = coordinator.get("/partners")
    assert "The link of Eastside School is revoked" in listed.text and "Revoked" in listed.text
    with hub.db.reader() as session:
        assert partners.find(session, hub, token) is None
    assert len(_events(hub, "partner_link_revoked")) == 1
    again = coordinator.post(f"/partners/{partner.id}/revoke", data={"csrf_token": csrf_of(listed)})
    assert again.status_code == 303
    assert "was revoked already" in coordinator.get("/partners").text


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"organisation": "  ", "kind": "police"}, "Enter the organisation's name."),
        ({"organisation": "A" * 201, "kind": "police"}, "200 characters or fewer"),
        ({"organisation": "Evil\u202eCorp", "kind": "police"}, "holds a character it cannot"),
        ({"organisation": "Northshire Police", "kind": "self"}, "Choose what kind"),
        ({"organisation": "Northshire Police"}, "Choose what kind"),
    ],
)
def test_a_link_for_a_bad_organisation_is_refused(
    hub: Hub, coordinator: TestClient, fields: dict[str, str], error: str
) -> None:
    answer = _issue(coordinator, **fields)
    assert answer.status_code == 400 and error in answer.text.replace("&#39;", "'")
    assert "Error: Issue a partner" in answer.text
    with hub.db.reader() as session:
        assert session.scalars(select(Partner)).all() == []


def test_an_auditor_sees_the_links_but_cannot_issue_or_revoke(
    hub: Hub, coordinator: TestClient, auditor: TestClient
) -> None:
    _issue(coordinator, organisation="Northshire Police", kind="police")
    with hub.db.reader() as session:
        (partner,) = partners.partners(session)
    listed = auditor.get("/partners")
    assert listed.status_code == 200 and "Northshire Police" in listed.text
    assert "/partners/new" not in listed.text and "/revoke" not in listed.text
    assert auditor.get("/partners/new").status_code == 403
    token = csrf_of(listed)
    issued = auditor.post(
        "/partners/new", data={"organisation": "X", "kind": "police", "csrf_token": token}
    )
    revoked = auditor.post(f"/partners/{partner.id}/revoke", data={"csrf_token": token})
    assert issued.status_code == 403 and revoked.status_code == 403
    assert [e.outcome for e in _events(hub, "partner_link_issued")] == ["ok", "refused"]
    assert [e.outcome for e in _events(hub, "partner_link_revoked")] == ["refused"]
    with hub.db.reader() as session:
        assert session.get(Partner, partner.id).revoked_at is None  # type: ignore[union-attr]


def test_no_csrf_token_and_forged_ids_are_refused(hub: Hub, coordinator: TestClient) -> None:
    _issue(coordinator, organisation="Northshire Police", kind="police")
    with hub.db.reader() as session:
        (partner,) = partners.partners(session)
    assert coordinator.post(f"/partners/{partner.id}/revoke").status_code == 403
    no_token = coordinator.post("/partners/new", data={"organisation": "Y", "kind": "school"})
    assert no_token.status_code == 403
    forged = "00000000-0000-4000-8000-000000000000"
    assert coordinator.get(f"/partners/{forged}/revoke").status_code == 404
    token = csrf_of(coordinator.get("/partners"))
    assert (
        coordinator.post(f"/partners/{forged}/revoke", data={"csrf_token": token}).status_code
        == 404
    )
    with hub.db.reader() as session:
        assert len(partners.partners(session)) == 1
        assert session.get(Partner, partner.id).revoked_at is None  # type: ignore[union-attr]
