"""The console's pages behind its sign-in, over its real app and a real hub: the overview needs a
signed-in person, shows them and their Sign out form and the idle warning; the sign-in pages
have no navigation; the laptops' sync API serves none of it."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from rjdesk_hub import Hub
from rjdesk_hub.app import create_app
from rjdesk_hub.console.accounts import Accounts
from tests.hub.console_fixtures import client, clock, hub  # noqa: F401 - fixtures
from tests.hub.console_signin import (
    Clock,
    Person,
    accounts_of,
    csrf_of,
    set_up_person,
    sign_in,
)


@pytest.fixture
def sam(client: TestClient, clock: Clock) -> Person:
    accounts: Accounts = accounts_of(client)
    return set_up_person(accounts, clock, "sam.coordinator", "coordinator")


def test_the_overview_sends_a_stranger_to_sign_in_without_a_notice(client: TestClient) -> None:
    answer = client.get("/")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/sign-in"
    page = client.get("/sign-in")
    assert page.status_code == 200
    assert "govuk-notification-banner" not in page.text  # nothing ended: nothing to say
    assert "Sign out" not in page.text


def test_the_sign_in_pages_show_no_navigation_and_no_idle_warning(client: TestClient) -> None:
    page = client.get("/sign-in").text
    assert 'aria-label="Menu"' not in page
    assert "rj-idle" not in page and "idle.mjs" not in page
    assert 'name="csrf_token"' in page  # csrf_field() comes from the console's environment


def test_the_signed_in_overview_shows_the_person_sign_out_and_the_idle_warning(
    client: TestClient, sam: Person, clock: Clock
) -> None:
    assert sign_in(client, sam, clock).headers["location"] == "/"
    page = client.get("/")
    assert page.status_code == 200
    assert '<h1 class="govuk-heading-l">Overview</h1>' in page.text
    assert "sam.coordinator" in page.text
    assert 'aria-label="Menu"' in page.text
    token = csrf_of(page)
    forms = re.findall(r'<form[^>]*action="(/[^"]*)"[^>]*>(.*?)</form>', page.text, re.S)
    actions = {action for action, body in forms if f'value="{token}"' in body}
    assert actions == {"/sign-out", "/session/stay"}, forms
    # The warning waits hidden for its script (a file: the CSP forbids inline script).
    assert re.search(r'<div[^>]*id="rj-idle"[^>]*\shidden>', page.text, re.S)
    assert 'role="alertdialog"' in page.text
    assert re.search(r'<script type="module" src="/static/idle\.mjs\?v=\w+"></script>', page.text)
    assert client.get("/static/idle.mjs").status_code == 200


def test_without_javascript_an_idle_session_ends_and_sign_in_says_why(
    client: TestClient, sam: Person, clock: Clock
) -> None:
    sign_in(client, sam, clock)
    clock.advance(minutes=15, seconds=1)
    answer = client.get("/")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/sign-in?ended=idle"
    page = client.get(answer.headers["location"])
    assert "signed out after 15 minutes without activity" in page.text
    assert client.get("/").headers["location"] == "/sign-in"  # the cookie went with it


def test_signing_out_from_the_overview_ends_the_session(
    client: TestClient, sam: Person, clock: Clock
) -> None:
    sign_in(client, sam, clock)
    token = csrf_of(client.get("/"))
    out = client.post("/sign-out", data={"csrf_token": token})
    assert out.headers["location"] == "/sign-in?ended=out"
    assert client.get("/").status_code == 303


def test_the_laptops_sync_api_serves_no_console_page(hub: Hub) -> None:
    with TestClient(create_app(hub), base_url="https://testserver") as api:
        for path in ("/sign-in", "/console/sign-in", "/session", "/console/session"):
            answer = api.get(path)
            assert answer.status_code == 404, path
            assert answer.headers["content-type"].startswith("application/json"), path
            assert "set-cookie" not in answer.headers
