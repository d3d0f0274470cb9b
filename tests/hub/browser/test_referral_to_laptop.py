"""From a referral to a facilitator's laptop, in a real browser against a real hub on 127.0.0.1
(the sync API, the console and the referral forms each on their own port) with a real laptop
vault: a member of the public refers online, a coordinator accepts it and assigns it to a
facilitator by name, and it arrives on the facilitator's laptop at its next sync with the
referral's details, a reference from the hub's own series and where it came from; and a phone
referral typed into the console goes the same way; a partner refers through its link and the
coordinator declines it, leaving only what the funders' figures count (issue 15, "Done when")."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from rjdesk.services import sync
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk_hub import Hub
from rjdesk_hub.console.accounts_web import INSECURE_COOKIES_ENV
from rjdesk_hub.referrals.models import Referral
from rjdesk_hub.server import bind, make_server, url_of
from rjdesk_protocol.enums import Origin
from tests.hub.browser import people
from tests.hub.browser.harness import check_accessibility
from tests.hub.browser.test_assign import LiveClock, _wait_for
from tests.hub.browser.test_referral_forms import (
    FILL_SECONDS,
    REFERENCE,
    fill_partner,
    fill_public,
    issue_link,
)
from tests.hub.server import running_console, running_forms
from tests.laptops import make_laptop


@dataclass
class Service:
    hub: Hub
    console: str
    forms: str
    clock: LiveClock
    priya: Vault


@pytest.fixture
def service(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Service]:
    monkeypatch.setenv(INSECURE_COOKIES_ENV, "1")
    clock = LiveClock()
    sock = bind("127.0.0.1", 0)
    url = url_of(sock)
    hub = Hub.init(tmp_path / "hub", name="North RJ hub", url=url, clock=clock)
    server = make_server(hub)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    priya: Vault | None = None
    try:
        _wait_for(url)
        priya = make_laptop(tmp_path / "priya", "Priya Shah", hub)
        with running_console(hub) as console, running_forms(hub) as forms:
            yield Service(hub, console, forms, clock, priya)
    finally:
        if priya is not None:
            priya.lock()
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()
        hub.close()


def _accept_and_assign(page: Any, service: Service, reference: str, name: str) -> str:
    """Open the referral in the queue, accept it as a new case for Priya; its case's id."""
    page.goto(f"{service.console}/referrals")
    page.get_by_role("link", name=reference).click()
    expect(page).to_have_title(f"Referral {reference} – RJ hub")
    page.get_by_role("button", name="Accept").click()
    expect(page).to_have_title(f"Accept referral {reference} – RJ hub")
    page.get_by_label("Kind of case").select_option("neighbour_dispute")
    page.get_by_label("Who referred").select_option("self")
    page.get_by_label("What happened").fill("Loud music every night since March.")
    page.locator("#person-1-name").fill(name)
    page.locator("#person-1-role").select_option("harmed")
    page.get_by_role("radio", name=re.compile(r"^Priya Shah")).check()
    check_accessibility(page)
    page.get_by_role("button", name="Accept the referral").click()
    expect(page).to_have_title("Referrals – RJ hub")
    banner = page.locator(".govuk-notification-banner--success").inner_text()
    assert "assigned to Priya Shah" in banner, banner
    with service.hub.db.reader() as session:
        referral = session.query(Referral).filter_by(reference=reference).one()
        assert referral.status == "accepted" and referral.case_id
        return referral.case_id


def _arrives(service: Service, case_id: str, name: str, origin: Origin) -> None:
    report = sync.sync_now(service.priya)
    assert case_id in report.received_cases
    with service.priya.reader() as session:
        case = load_case(session, case_id)
        assert case.reference.startswith("RJ-")
        assert case.origin is origin
        assert name in {p.person.name for p in case.participants}


def test_an_online_and_a_phone_referral_reach_the_facilitators_laptop(
    page: Any, service: Service
) -> None:
    # A member of the public refers online.
    page.goto(service.forms)
    fill_public(page, name="Kit Example")
    time.sleep(FILL_SECONDS)
    page.get_by_role("button", name="Send referral").click()
    page.get_by_role("heading", name="Referral sent").wait_for()
    found = REFERENCE.search(page.content())
    assert found
    online = found.group(0)

    # The coordinator accepts it and gives it to Priya by name.
    coordinator = people.coordinator(service.hub, service.clock)
    people.sign_in(page, service.console, coordinator, service.clock)
    case_id = _accept_and_assign(page, service, online, "Kit Example")
    _arrives(service, case_id, "Kit Example", Origin.PUBLIC_FORM)

    # A phone call taken at the hub, typed into the console, goes the same way.
    page.goto(f"{service.console}/referrals/new")
    page.get_by_label("Kind of case").select_option("neighbour_dispute")
    page.get_by_label("Who referred").select_option("self")
    page.get_by_label("What happened").fill("A fence kicked down twice this month.")
    page.locator("#person-1-name").fill("Dev Caller")
    page.locator("#person-1-role").select_option("harmed")
    page.get_by_role("button", name="Put it in the queue").click()
    expect(page).to_have_title("Referrals – RJ hub")
    banner = page.locator(".govuk-notification-banner--success").inner_text()
    phoned = REFERENCE.search(banner)
    assert phoned, banner
    case_id = _accept_and_assign(page, service, phoned.group(0), "Dev Caller")
    _arrives(service, case_id, "Dev Caller", Origin.HUB_PHONE)


def test_a_partner_referral_declined_leaves_only_the_figures(page: Any, service: Service) -> None:
    _partner_id, token = issue_link(service.hub)
    page.goto(f"{service.forms}/partner/{token}")
    fill_partner(page)
    page.get_by_label("The person agreed to be referred").check()
    time.sleep(FILL_SECONDS)
    page.get_by_role("button", name="Send referral").click()
    page.get_by_role("heading", name="Referral sent").wait_for()
    found = REFERENCE.search(page.content())
    assert found
    reference = found.group(0)

    coordinator = people.coordinator(service.hub, service.clock)
    people.sign_in(page, service.console, coordinator, service.clock)
    page.goto(f"{service.console}/referrals")
    page.get_by_role("link", name=reference).click()
    expect(page).to_have_title(f"Referral {reference} – RJ hub")
    assert "Northshire Police" in page.content() and "NP/1234/26" in page.content()
    page.get_by_role("button", name="Decline").click()
    page.get_by_label("Not suitable for restorative justice").check()
    page.get_by_role("button", name=f"Decline referral {reference}").click()
    expect(page).to_have_title("Referrals – RJ hub")
    with service.hub.db.reader() as session:
        kept = session.query(Referral).filter_by(reference=reference).one()
        assert (kept.status, kept.channel, kept.problem) == ("declined", "partner", "crime")
        assert kept.partner_id and kept.decline_reason and kept.sealed is None
