"""Enrolling a laptop with a one-time code, in a real browser: the coordinator makes the code in
the console, a real laptop vault enrols with it through the hub's sync API on 127.0.0.1 and
syncs; the same code is then refused. Both pages pass axe, and are photographed for the docs."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from rjdesk.app import sync as app_sync
from rjdesk.store.vault import Vault, _clock_at_noon
from rjdesk_hub import Hub
from rjdesk_hub.console import enrol_codes
from rjdesk_hub.server import bind, make_server, url_of
from tests.conftest import PASSPHRASE, TODAY
from tests.hub.browser.harness import check_accessibility, screenshot
from tests.hub.console_signin import Clock
from tests.hub.server import STARTUP_SECONDS, _wait_until_up


@pytest.fixture
def console_hub(tmp_path: Path, console_clock: Clock) -> Iterator[Hub]:
    """The console's hub, whose sync API is served on 127.0.0.1 too (its address is the one
    the console tells the facilitator to type)."""
    sock = bind("127.0.0.1", 0)
    url = url_of(sock)
    hub = Hub.init(tmp_path / "hub", name="North RJ hub", url=url, clock=console_clock)
    server = make_server(hub)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        _wait_until_up(url, thread)
        yield hub
    finally:
        server.should_exit = True
        thread.join(timeout=STARTUP_SECONDS)
        sock.close()
        hub.close()


def _laptop(directory: Path, name: str) -> Vault:
    vault, _ = Vault.create(
        directory, facilitator_name=name, passphrase=PASSPHRASE, clock=_clock_at_noon(TODAY)
    )
    return vault


def test_a_code_made_in_the_browser_enrols_a_laptop_that_syncs_once(
    signed_in: Any, console_url: str, console_hub: Hub, tmp_path: Path
) -> None:
    page = signed_in
    answer = page.goto(f"{console_url}/laptops/enrol")
    assert answer.status == 200
    expect(page).to_have_title("Enrol a laptop with a code – RJ hub")
    check_accessibility(page)
    screenshot(page, "enrol-code-form")

    # Nothing chosen: the error summary and the field's message.
    page.get_by_role("button", name="Make the code").click()
    expect(page).to_have_title("Error: Enrol a laptop with a code – RJ hub")
    assert page.locator(".govuk-error-summary").is_visible()
    check_accessibility(page)

    page.get_by_role("radio", name="A new facilitator").check()
    page.get_by_label("A new facilitator's full name").fill("Priya Shah")
    page.get_by_role("button", name="Make the code").click()
    expect(page).to_have_title("Enrolment code for Priya Shah – RJ hub")
    code = page.locator("#enrol-code").inner_text().strip()
    assert enrol_codes.normalise(code) is not None
    address = page.locator(".govuk-summary-list__row", has_text="Hub address")
    hub_url = address.locator(".govuk-summary-list__value").inner_text().strip()
    assert hub_url == console_hub.settings.url
    check_accessibility(page)
    screenshot(page, "enrol-code-shown")

    # The facilitator types the address and the code on their laptop.
    priya = _laptop(tmp_path / "priya", "Priya Shah")
    try:
        joined = app_sync.enrol_with_code(priya, hub_url, code)
        assert joined.name == "North RJ hub"
        report = app_sync.sync_now(priya)
        assert app_sync.status(priya).last_ok, report.summary()
    finally:
        priya.lock()
    [device] = console_hub.devices()
    assert device.facilitator == "Priya Shah"

    # The same code on another laptop: refused, in one sentence.
    other = _laptop(tmp_path / "other", "Mallory")
    try:
        with pytest.raises(app_sync.CodeRefused) as refused:
            app_sync.enrol_with_code(other, hub_url, code)
        assert str(refused.value) == enrol_codes.USED
    finally:
        other.lock()
    assert len(console_hub.devices()) == 1

    # The form now lists Priya with her laptop, for her next one.
    page.goto(f"{console_url}/laptops/enrol")
    assert page.get_by_label("Priya Shah").count() == 1
