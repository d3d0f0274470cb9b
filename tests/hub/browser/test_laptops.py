"""Reporting a laptop lost, in a real browser: a coordinator opens the laptops page, the laptop,
confirms the report, and lands on the breach-log entry listing its cases; the real laptop's next
sync against the real hub on 127.0.0.1 is refused. axe on every page; screenshots for the docs."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from rjdesk.services import importer, sync
from rjdesk_hub import Hub
from rjdesk_hub.server import bind, make_server, url_of
from rjdesk_protocol.errors import SyncError
from tests.conftest import NEIGHBOUR_DISPUTE
from tests.hub.browser.harness import check_accessibility, screenshot
from tests.laptops import make_laptop


@contextmanager
def _api(hub: Hub) -> Iterator[str]:
    """The laptops' API of ``hub`` on 127.0.0.1, beside its console."""
    sock = bind("127.0.0.1", 0)
    server = make_server(hub)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        while not server.started:
            thread.join(0.05)
        yield url_of(sock)
    finally:
        server.should_exit = True
        thread.join(timeout=15)
        sock.close()


def test_a_laptop_reported_lost_is_refused_at_its_next_sync(
    signed_in: Any, console_url: str, console_hub: Hub, tmp_path: Path
) -> None:
    page = signed_in
    with _api(console_hub) as api_url:
        vault = make_laptop(tmp_path / "laptop", "Priya Shah", console_hub, url=api_url)
        try:
            with vault.unit_of_work() as uow:
                reference = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).reference
            sync.sync_now(vault)
            code = vault.info().device_code

            page.goto(f"{console_url}/laptops")
            expect(page).to_have_title("Facilitators and laptops – RJ hub")
            check_accessibility(page)
            screenshot(page, "laptops")

            page.get_by_role("link", name=f"Laptop {code} of Priya Shah").click()
            expect(page.locator("h1")).to_have_text(f"Laptop {code}")
            check_accessibility(page)
            screenshot(page, "laptop")

            page.get_by_role("button", name="Report this laptop lost").click()
            expect(page.locator("h1")).to_have_text(f"Report laptop {code} lost?")
            assert reference in page.locator("main").inner_text()
            check_accessibility(page)
            screenshot(page, "report-lost")

            page.get_by_role("button", name=f"Report lost and revoke laptop {code}").click()
            expect(page.locator("h1")).to_have_text(f"Laptop {code} reported lost")
            assert reference in page.locator("#cases").inner_text()
            banner = page.locator(".govuk-notification-banner--success").inner_text()
            assert "was revoked and this breach-log entry opened" in banner
            check_accessibility(page)
            screenshot(page, "breach")

            with pytest.raises(SyncError, match="the hub refused this laptop"):
                sync.sync_now(vault)
        finally:
            vault.lock()
