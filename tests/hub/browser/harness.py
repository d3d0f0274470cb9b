"""The console's real-browser harness: Debian's chromium, headless, driven by Playwright, with
axe-core (shipped by axe-playwright-python) run in the page.

Nothing downloads a browser: Playwright launches ``/usr/bin/chromium`` (``apt-get install
chromium``; ``.ci/run`` installs it). Without it the browser tests skip, saying so; under
``CI=true`` they fail instead.

- ``check_accessibility(page)``: axe-core with the WCAG 2.0, 2.1 and 2.2 A and AA rules; fails
  on any violation, and when axe reports no passes (it did not really run).
- ``screenshot(page, name)``: a PNG for the docs, written only when ``RJDESK_CONSOLE_SCREENSHOTS``
  names a folder (``docs/images/console`` to refresh the docs' pictures).
- ``csp_violations(page)``: what the page's Content Security Policy refused, as the browser's
  console reported it (every page fixture asserts there is none).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa")
SCREENSHOTS_ENV = "RJDESK_CONSOLE_SCREENSHOTS"
VIEWPORT = {"width": 1280, "height": 800}


def chromium_or_skip() -> str:
    """The path of Debian's chromium, with Playwright importable; skip (fail on CI) otherwise."""
    missing = []
    if not (Path(CHROMIUM).is_file() and os.access(CHROMIUM, os.X_OK)):
        missing.append(f"Debian's chromium ({CHROMIUM}: apt-get install chromium)")
    try:
        import axe_playwright_python  # noqa: F401
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("Playwright and axe-playwright-python (pip install -e '.[dev]')")
    if missing:
        reason = "the browser tests need " + " and ".join(missing)
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    return CHROMIUM


def check_accessibility(page: Any) -> dict[str, Any]:
    """Run axe-core on ``page`` with the WCAG A and AA tags up to 2.2; fail on any violation,
    and when nothing passed (axe did not run against the page). Returns axe's results."""
    from axe_playwright_python.sync_playwright import Axe

    # A click that submits a form returns once the next page is committed, not loaded: axe run
    # in between finds no document. Wait for the page the test is now on.
    page.wait_for_load_state("load")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": list(AXE_TAGS)}})
    assert results.violations_count == 0, results.generate_report()
    passes = results.response.get("passes", [])
    assert passes, f"axe-core reported no passes on {page.url}: it did not check the page"
    return results.response


def screenshot(page: Any, name: str) -> Path | None:
    """A full-page PNG of ``page`` as ``<name>.png`` in ``RJDESK_CONSOLE_SCREENSHOTS``, for the
    docs; nothing when that is not set. Returns the file written."""
    folder = os.environ.get(SCREENSHOTS_ENV)
    if not folder:
        return None
    target = Path(folder) / f"{name}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(target), full_page=True)
    return target


def csp_violations(messages: list[str]) -> list[str]:
    """The browser console's messages that report a refusal by the Content Security Policy."""
    return [text for text in messages if "Content Security Policy" in text]
