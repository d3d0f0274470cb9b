"""Fixtures for the console's browser tests (see ``harness``).

- ``console_url``: a real hub (SQLite) with its console served on 127.0.0.1, as
  ``rjdesk-hub serve`` serves it (cookies without Secure: plain http on 127.0.0.1); its ``Hub``
  is ``console_hub``, whose clock is ``console_clock`` (a test moves it: idle timeouts, TOTP).
- ``signed_in``: a coordinator (``people.coordinator``) signed in on ``page``, which shows the
  overview.
- ``browser``: headless chromium for the session; ``page`` a fresh page (its own context, so
  no cookie is shared between tests) with JavaScript, ``page_without_js`` one without. Each page
  fails its test if the Content Security Policy refused anything on it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rjdesk_hub import Hub
from rjdesk_hub.console.accounts_web import INSECURE_COOKIES_ENV
from tests.hub.browser import people
from tests.hub.browser.harness import VIEWPORT, chromium_or_skip, csp_violations
from tests.hub.console_signin import Clock, Person
from tests.hub.server import running_console

try:  # Without Playwright the tests skip (harness.chromium_or_skip); on CI they fail.
    from playwright.sync_api import expect

    # A loaded machine (CI has two cores) can take seconds to load a page: expect() retries
    # a title or a heading until the new page has come, for up to this long.
    expect.set_options(timeout=20_000)
except ImportError:
    pass


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = chromium_or_skip()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def console_clock() -> Clock:
    return Clock()


@pytest.fixture
def console_hub(tmp_path: Path, console_clock: Clock) -> Iterator[Hub]:
    hub = Hub.init(
        tmp_path / "hub", name="North RJ hub", url="https://hub.example.org", clock=console_clock
    )
    try:
        yield hub
    finally:
        hub.close()


@pytest.fixture
def console_url(console_hub: Hub, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv(INSECURE_COOKIES_ENV, "1")
    with running_console(console_hub) as url:
        yield url


@pytest.fixture
def sam(console_hub: Hub, console_clock: Clock) -> Person:
    return people.coordinator(console_hub, console_clock)


@pytest.fixture
def signed_in(page: Any, console_url: str, sam: Person, console_clock: Clock) -> Any:
    people.sign_in(page, console_url, sam, console_clock)
    return page


def _page(browser: Any, *, javascript: bool) -> Iterator[Any]:
    context = browser.new_context(java_script_enabled=javascript, viewport=VIEWPORT)
    page = context.new_page()
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))
    try:
        yield page
    finally:
        context.close()
    refused = csp_violations(messages)
    assert not refused, f"the Content Security Policy refused: {refused}"


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    yield from _page(browser, javascript=True)


@pytest.fixture
def page_without_js(browser: Any) -> Iterator[Any]:
    yield from _page(browser, javascript=False)
