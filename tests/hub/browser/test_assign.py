"""Assigning in a real browser, against a real hub served on 127.0.0.1 with real laptop vaults:
a coordinator gives a case to a facilitator by name and it arrives on that facilitator's laptop
at its next sync; the same done with the keyboard alone; ticked cases reassigned in bulk and a
leaver's cases handed over. Every page passes axe-core."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import expect

from rjdesk.services import importer, sync
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk_hub import Hub
from rjdesk_hub.console.accounts_web import INSECURE_COOKIES_ENV
from rjdesk_hub.server import bind, make_server, url_of
from tests.conftest import NEIGHBOUR_DISPUTE
from tests.hub.browser import people
from tests.hub.browser.harness import check_accessibility, screenshot
from tests.hub.console_signin import Clock
from tests.hub.server import running_console
from tests.laptops import make_laptop

WAIT_MS = 15_000


class LiveClock(Clock):
    """The hub's clock: real time (the laptops sign their requests with it), moved on by the
    sign-in helpers one TOTP step at a time so a code is never replayed."""

    def __init__(self) -> None:
        self.offset = timedelta()

    @property  # type: ignore[override]
    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def advance(self, **kwargs: float) -> None:
        self.offset += timedelta(**kwargs)


@dataclass
class Office:
    hub: Hub
    console: str
    clock: LiveClock
    intake: Vault  # the hub office's intake laptop, which took the referral
    priya: Vault
    case_id: str
    reference: str

    def facilitator_id(self, name: str) -> str:
        return next(d.facilitator_id for d in self.hub.devices() if d.facilitator == name)


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Office]:
    monkeypatch.setenv(INSECURE_COOKIES_ENV, "1")
    clock = LiveClock()
    sock = bind("127.0.0.1", 0)
    url = url_of(sock)
    hub = Hub.init(tmp_path / "hub", name="North RJ hub", url=url, clock=clock)
    server = make_server(hub)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    made: list[Vault] = []
    try:
        _wait_for(url)
        intake = make_laptop(tmp_path / "intake", "Hub intake", hub)
        priya = make_laptop(tmp_path / "priya", "Priya Shah", hub)
        made += [intake, priya]
        with intake.unit_of_work() as uow:
            case = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes())
            case_id, reference = case.id, case.reference
        sync.sync_now(intake)
        with running_console(hub) as console:
            yield Office(hub, console, clock, intake, priya, case_id, reference)
    finally:
        for vault in made:
            vault.lock()
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()
        hub.close()


def _wait_for(url: str) -> None:
    for _ in range(750):
        try:
            if httpx.get(f"{url}/v1/hub", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        threading.Event().wait(0.02)
    raise AssertionError(f"the hub at {url} did not start")


def _signed_in(page: Any, office: Office) -> Any:
    person = people.coordinator(office.hub, office.clock)
    people.sign_in(page, office.console, person, office.clock)
    return page


def _banner(page: Any) -> str:
    banner = page.locator("main .govuk-notification-banner__heading")
    banner.wait_for(timeout=WAIT_MS)
    return str(banner.inner_text()).strip()


def test_a_coordinator_assigns_a_case_by_name_and_it_reaches_the_laptop(
    page: Any, office: Office
) -> None:
    _signed_in(page, office)
    # Found in the register by a folded name ("lukasz" for Łukasz Nowak), opened, then assigned.
    page.get_by_role("link", name="Cases", exact=True).click()
    page.get_by_label("Reference or name").fill("lukasz")
    page.get_by_role("button", name="Search", exact=True).click()
    page.get_by_role("link", name=office.reference, exact=True).click()
    page.wait_for_url(f"**/cases/{office.case_id}")
    assert page.locator("h1").inner_text().startswith(office.reference)
    page.get_by_role("link", name="Change who holds this case").click()
    page.wait_for_url(f"**/cases/{office.case_id}/assign")
    expect(page).to_have_title(f"Who holds {office.reference} – RJ hub")
    holders = page.get_by_role("table")
    assert "Hub intake" in holders.inner_text() and "Referred it" in holders.inner_text()
    check_accessibility(page)
    screenshot(page, "assign-case")

    # Nothing chosen: the error summary and the field say so.
    page.get_by_role("button", name="Assign", exact=True).click()
    expect(page).to_have_title(re.compile("^" + re.escape("Error: ")))
    summary = page.locator(".govuk-error-summary")
    assert "Choose a facilitator from the list." in summary.inner_text()
    check_accessibility(page)

    page.get_by_label("Facilitator").select_option(label="Priya Shah – 1 laptop, 0 open cases")
    page.get_by_role("button", name="Assign", exact=True).click()
    assert _banner(page) == (
        f"{office.reference} is now assigned to Priya Shah. Hub intake no longer holds it. "
        "Priya Shah's laptop receives it at the next sync."
    )
    assert "Assigned" in page.get_by_role("table").inner_text()
    check_accessibility(page)

    report = sync.sync_now(office.priya)
    assert office.case_id in report.received_cases
    with office.priya.reader() as session:
        arrived = load_case(session, office.case_id)
        assert arrived.reference == office.reference
        assert {p.person.name for p in arrived.participants}


def test_a_case_is_opened_and_assigned_with_the_keyboard_alone(page: Any, office: Office) -> None:
    _signed_in(page, office)
    priya = office.facilitator_id("Priya Shah")
    page.goto(f"{office.console}/cases")

    def focused(attribute: str) -> str:
        return str(page.evaluate(f"document.activeElement.{attribute} || ''"))

    def tab_to(test: Any, what: str) -> None:
        for _ in range(80):
            page.keyboard.press("Tab")
            if test():
                return
        raise AssertionError(f"Tab never reached {what}")

    tab_to(lambda: focused("id") == "q", "the search box")
    page.keyboard.type("lukasz")
    page.keyboard.press("Enter")
    page.wait_for_url("**/cases?*")
    tab_to(lambda: focused("innerText").strip() == office.reference, "the case's link")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/cases/{office.case_id}")
    tab_to(lambda: focused("innerText").strip() == "Change who holds this case", "the link")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/cases/{office.case_id}/assign")

    for _ in range(60):
        page.keyboard.press("Tab")
        if focused("id") == "assign-facilitator":
            break
    else:
        raise AssertionError("Tab never reached the facilitator list")
    for _ in range(10):
        if focused("value") == priya:
            break
        page.keyboard.press("ArrowDown")
    assert focused("value") == priya
    page.keyboard.press("Tab")
    assert focused("innerText").strip() == "Assign"
    page.keyboard.press("Enter")
    assert _banner(page).startswith(f"{office.reference} is now assigned to Priya Shah.")


def test_ticked_cases_are_reassigned_and_a_leavers_cases_handed_over(
    page: Any, office: Office
) -> None:
    _signed_in(page, office)
    office.hub.assign(office.reference, office.facilitator_id("Priya Shah"))
    # The coordinator ticks the case in the register and chooses Reassign.
    page.goto(f"{office.console}/cases")
    page.get_by_label(f"Select {office.reference}").check()
    page.get_by_role("button", name="Reassign selected cases").click()
    page.wait_for_url(f"{office.console}/cases/reassign")
    expect(page.locator("h1")).to_have_text("Reassign 1 case")
    check_accessibility(page)
    screenshot(page, "assign-bulk")
    page.get_by_label("Give them to").select_option(label="Hub intake – 1 laptop, 0 open cases")
    page.get_by_role("button", name="Reassign 1 case").click()
    assert _banner(page) == (
        f"{office.reference} is now assigned to Hub intake. Priya Shah no longer holds it. "
        "Hub intake's laptop receives it at the next sync."
    )
    check_accessibility(page)

    intake = office.facilitator_id("Hub intake")
    page.goto(f"{office.console}/facilitators/{intake}/hand-over")
    expect(page.locator("h1")).to_have_text("Hand over Hub intake's cases")
    assert office.reference in page.get_by_role("table").inner_text()
    check_accessibility(page)
    screenshot(page, "hand-over")
    page.get_by_label("Who takes them").select_option(label="Priya Shah – 1 laptop, 0 open cases")
    page.get_by_role("button", name="Hand over 1 case").click()
    assert _banner(page).startswith(f"{office.reference} is now assigned to Priya Shah.")
    assert "Hub intake holds no open case." in page.locator("main").inner_text()
    check_accessibility(page)


def test_an_auditor_sees_no_way_to_assign_and_the_post_itself_is_refused(
    page: Any, office: Office
) -> None:
    auditor = people.auditor(office.hub, office.clock)
    people.sign_in(page, office.console, auditor, office.clock)
    page.goto(f"{office.console}/cases/{office.case_id}")
    expect(page.locator("h1")).to_contain_text(office.reference)
    assert page.get_by_role("link", name="Change who holds this case").count() == 0
    page.goto(f"{office.console}/cases/{office.case_id}/assign")
    assert page.get_by_role("button").filter(has_text="Assign").count() == 0
    assert page.locator("form[method=post] select").count() == 0
    check_accessibility(page)
    # The POST itself, with the auditor's own valid CSRF token, as a forged form would send it.
    token = page.locator("input[name=csrf_token]").first.get_attribute("value")
    priya = office.facilitator_id("Priya Shah")
    answer = page.request.post(
        f"{office.console}/cases/{office.case_id}/assign",
        form={"csrf_token": token or "", "facilitator": priya},
        max_redirects=0,
    )
    assert answer.status == 403
    assert "auditors may not assign cases" in answer.text()
    changes = office.hub.holder_changes(office.case_id)
    assert not [c for c in changes if c.facilitator_id == priya], "nothing changed"
