"""Conflicts in a real browser: a conflict made by two real laptop vaults syncing with a real hub
on 127.0.0.1 is settled in the console, and both laptops converge at their next syncs; axe on
the list (with conflicts and with none) and on a conflict of each kind."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from rjdesk.services import assessment, cases, conflicts, importer, sync
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk_hub import Hub
from rjdesk_hub.server import bind, make_server, url_of
from tests.conftest import NEIGHBOUR_DISPUTE
from tests.hub.browser import people
from tests.hub.browser.harness import check_accessibility, screenshot
from tests.hub.conftest import LaptopFactory
from tests.hub.server import STARTUP_SECONDS, running_console
from tests.laptops import deleted, edited, make_laptop, new_case, of, send_changes
from tests.services.builders import conference


class LiveClock:
    """The real time, moved on by the test (a TOTP code is never accepted twice): the laptops
    sign their requests with the real time, which the hub checks against its own."""

    def __init__(self) -> None:
        self.offset = timedelta()

    @property
    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.offset += timedelta(**kwargs)


@pytest.fixture
def live(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Hub, str, LiveClock]]:
    """A hub serving the laptops' API and the console on 127.0.0.1: (hub, console URL, clock)."""
    monkeypatch.setenv("RJDESK_HUB_CONSOLE_INSECURE_COOKIES", "1")
    clock = LiveClock()
    sock = bind("127.0.0.1", 0)
    hub = Hub.init(tmp_path / "hub", name="North RJ hub", url=url_of(sock), clock=clock)
    server = make_server(hub)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        with running_console(hub) as console_url:
            yield hub, console_url, clock
    finally:
        server.should_exit = True
        thread.join(timeout=STARTUP_SECONDS)
        sock.close()
        hub.close()


def _location(vault: Vault, case_id: str) -> str | None:
    with vault.reader() as session:
        return load_case(session, case_id).location


def _open_conflicts(vault: Vault) -> list[Any]:
    with vault.reader() as session:
        return conflicts.open_conflicts(session)


def test_a_conflict_two_laptops_made_is_settled_in_the_browser_and_both_converge(
    page: Any, live: tuple[Hub, str, LiveClock], tmp_path: Path
) -> None:
    hub, url, clock = live
    alex = make_laptop(tmp_path / "alex", "Alex Morgan", hub)
    priya = make_laptop(tmp_path / "priya", "Priya Shah", hub)
    try:
        with alex.unit_of_work() as uow:
            case = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes())
            case_id, reference = case.id, case.reference
        sync.sync_now(alex)
        hub.assign(reference, priya.info().device_id, keep_referrer=True)  # co-workers
        sync.sync_now(priya)
        for vault, where in ((alex, "Castle Vale (Alex)"), (priya, "Farnborough Road (Priya)")):
            with vault.unit_of_work() as uow:  # both offline, each puts it somewhere else
                cases.update_referral(uow, load_case(uow.session, case_id), location=where)
        sync.sync_now(alex)
        assert sync.sync_now(priya).conflicts_at_hub == 1
        sync.sync_now(alex)
        assert len(_open_conflicts(alex)) == len(_open_conflicts(priya)) == 1

        coordinator = people.coordinator(hub, clock)  # type: ignore[arg-type]
        people.sign_in(page, url, coordinator, clock)  # type: ignore[arg-type]
        page.get_by_role("link", name="Conflicts").first.click()
        expect(page).to_have_title("Conflicts – RJ hub")
        assert page.get_by_role("link", name=reference, exact=True).count() == 1
        check_accessibility(page)
        screenshot(page, "conflicts")

        page.get_by_role("link", name=f"Case: location in {reference}").click()
        expect(page.locator("h1")).to_have_text(f"Conflict in {reference}")
        table = page.locator("table.rj-both-values")
        assert "Castle Vale (Alex)" in table.inner_text()
        assert "Farnborough Road (Priya)" in table.inner_text()
        check_accessibility(page)
        screenshot(page, "conflict-field")

        page.get_by_label("Take the other laptop's value").check()
        page.get_by_label("Note (optional)").fill("Priya visited; the address is hers.")
        page.get_by_role("button", name="Settle conflict").click()
        banner = page.locator(".govuk-notification-banner--success")
        assert "Conflict settled: the laptop's value stands." in banner.inner_text()
        check_accessibility(page)
        assert hub.conflicts() == []

        for vault in (alex, priya, alex):
            sync.sync_now(vault)
        for vault in (alex, priya):
            assert _location(vault, case_id) == "Farnborough Road (Priya)"
            assert _open_conflicts(vault) == []
    finally:
        alex.lock()
        priya.lock()


def test_the_list_with_no_conflicts_passes_axe(signed_in: Any, console_url: str) -> None:
    page = signed_in
    page.goto(f"{console_url}/conflicts")
    assert page.locator("#no-conflicts").inner_text() == "There are no open conflicts."
    check_accessibility(page)
    page.get_by_role("link", name="See the settled conflicts").click()
    expect(page.locator("h1")).to_have_text("Settled conflicts")
    check_accessibility(page)


def test_a_rule_conflict_passes_axe_and_is_dealt_with(
    signed_in: Any, console_url: str, console_hub: Hub, laptop: LaptopFactory
) -> None:
    hub = console_hub
    alex, priya = laptop("Alex Morgan"), laptop("Priya Shah")
    alex.enroll(hub)
    priya.enroll(hub)
    ids = new_case(alex)
    send_changes(alex, hub)
    hub.assign(ids.reference, priya.device_code, keep_referrer=True)
    priya.fetch(hub, apply=True)
    with alex.vault.unit_of_work() as uow:
        case = load_case(uow.session, ids.case_id)
        marcia = next(p for p in case.participants if p.id == ids.marcia)
        assessment.withdraw_consent(uow, marcia, withdrawn_on=date(2026, 10, 18))
    with priya.vault.unit_of_work() as uow:
        case = load_case(uow.session, ids.case_id)
        conference(uow, case, *case.participants, on=date(2026, 10, 20))
    send_changes(alex, hub)
    send_changes(priya, hub)
    [rule] = hub.conflicts()

    page = signed_in
    page.goto(f"{console_url}/conflicts/{rule.id}")
    assert "withdrew consent" in page.locator(".govuk-inset-text").inner_text()
    check_accessibility(page)
    screenshot(page, "conflict-rule")
    page.get_by_role("button", name="Settle conflict").click()  # not ticked: refused
    expect(page).to_have_title(re.compile("^" + re.escape("Error: Conflict in")))
    assert page.locator(".govuk-error-summary").is_visible()
    check_accessibility(page)
    page.get_by_label("The problem has been dealt with").check()
    page.get_by_role("button", name="Settle conflict").click()
    banner = page.locator(".govuk-notification-banner--success").inner_text()
    assert "Conflict settled: dealt with." in banner
    assert hub.conflicts() == []


def test_a_delete_conflict_passes_axe(
    signed_in: Any, console_url: str, console_hub: Hub, laptop: LaptopFactory
) -> None:
    hub = console_hub
    alex, priya = laptop("Alex Morgan"), laptop("Priya Shah")
    alex.enroll(hub)
    priya.enroll(hub)
    ids = new_case(alex)
    send_changes(alex, hub)
    hub.assign(ids.reference, priya.device_code, keep_referrer=True)
    priya.fetch(hub, apply=True)
    [risk] = of(alex.case_records(ids.case_id)[0], "risk_assessment")
    alex.send(hub, [edited(risk, 1, notes="Checked again with the police.")])
    priya.send(hub, [deleted(risk, 1)])
    [conflict] = hub.conflicts()
    page = signed_in
    page.goto(f"{console_url}/conflicts")
    check_accessibility(page)
    page.goto(f"{console_url}/conflicts/{conflict.id}")
    assert page.get_by_label("Delete the risk assessment").count() == 1
    check_accessibility(page)
    screenshot(page, "conflict-delete")
