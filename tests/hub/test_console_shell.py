"""The console's shell over its real app and a real hub (FastAPI's TestClient): security headers
on every answer, error pages that say one thing and leak nothing, assets that cannot be used to
read any other file, and pages with no inline script or style for the CSP to forbid."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from rjdesk_hub import Hub
from rjdesk_hub.console.headers import CONTENT_SECURITY_POLICY
from rjdesk_hub.console.web import create_console_app

CANARY = "CANARY-Zoë-Łukasz-7f3a"


@pytest.fixture
def console(tmp_path: Path) -> Iterator[TestClient]:
    hub = Hub.init(tmp_path / "hub", name="North RJ hub", url="https://hub.example.org")
    guard = create_console_app(hub)
    app = guard.app
    assert isinstance(app, FastAPI)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError(f"the case of {CANARY} could not be read")

    with TestClient(guard, raise_server_exceptions=False) as client:
        yield client
    hub.close()


def _assert_secured(headers: dict[str, str] | object) -> None:
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY  # type: ignore[index]
    assert headers["x-frame-options"] == "DENY"  # type: ignore[index]
    assert headers["referrer-policy"] == "no-referrer"  # type: ignore[index]
    assert headers["x-content-type-options"] == "nosniff"  # type: ignore[index]
    assert "set-cookie" not in headers  # type: ignore[operator]


def test_an_unexpected_error_is_a_page_that_quotes_nothing(
    console: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        answer = console.get("/boom?name=" + CANARY)
    assert answer.status_code == 500
    assert answer.headers["content-type"].startswith("text/html")
    assert "Sorry, there is a problem with the hub" in answer.text
    assert CANARY not in answer.text and "Traceback" not in answer.text
    assert "RuntimeError" not in answer.text
    _assert_secured(answer.headers)
    assert answer.headers["cache-control"] == "no-store"
    # The log names the error's type and where, never its message nor the query string.
    assert "unexpected RuntimeError in GET /boom" in caplog.text
    assert CANARY not in caplog.text


def test_a_404_is_a_page_with_the_headers(console: TestClient) -> None:
    answer = console.get("/cases/nothing-here")
    assert answer.status_code == 404
    assert '<h1 class="govuk-heading-l">Page not found</h1>' in answer.text
    _assert_secured(answer.headers)


def test_a_wrong_method_is_a_sentence_not_json(console: TestClient) -> None:
    answer = console.post("/")
    assert answer.status_code == 405
    assert "That page cannot be used that way" in answer.text
    assert answer.headers["content-type"].startswith("text/html")
    _assert_secured(answer.headers)


def test_assets_are_long_cached_only_at_their_version(console: TestClient) -> None:
    page = console.get("/").text
    stylesheet = re.search(r'href="(/static/console\.css\?v=(\w+))"', page)
    assert stylesheet
    versioned = console.get(stylesheet[1])
    assert versioned.status_code == 200
    assert versioned.headers["content-type"].startswith("text/css")
    assert versioned.headers["cache-control"] == "public, max-age=31536000, immutable"
    _assert_secured(versioned.headers)
    # An old or missing version is served, but the browser must ask again.
    stale = console.get("/static/console.css?v=0000")
    assert stale.headers["cache-control"] == "no-cache"
    again = console.get("/static/console.css", headers={"if-none-match": f'"{stylesheet[2]}"'})
    assert again.status_code == 304 and not again.content


@pytest.mark.parametrize(
    "path",
    [
        "/static/web.py",
        "/static/BUILT.txt",
        "/static/..%2Fweb.py",
        "/static/%2e%2e/%2e%2e/service.py",
        "/static/../templates/base.html",
        "/static/",
    ],
)
def test_nothing_but_the_built_assets_is_served(console: TestClient, path: str) -> None:
    answer = console.get(path)
    assert answer.status_code == 404, path
    assert "Page not found" in answer.text
    assert "import" not in answer.text


def test_pages_hold_no_inline_script_or_style(console: TestClient) -> None:
    """The CSP forbids inline script and style: a page that had any would break in the browser."""
    for path in ("/", "/no-such-page", "/boom"):
        html = console.get(path).text
        assert "<style" not in html, path
        assert not re.search(r"\sstyle=", html), path
        assert not re.search(r"\son[a-z]+=", html), path
        for script in re.findall(r"<script[^>]*>(.*?)</script>", html, flags=re.S):
            assert not script.strip(), path
        assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", html)), path


def test_the_layout_shows_the_signed_in_person_and_a_sign_out_form(console: TestClient) -> None:
    environment = console.app.app.state.templates  # type: ignore[attr-defined]
    html = environment.get_template("overview/administrator.html").render(
        hub_name="North RJ hub",
        person={"name": "Sam <Reed>"},
        csrf_token="t0ken",
        can=lambda action: True,
    )
    assert "Sam &lt;Reed&gt;" in html  # escaped
    form = re.search(
        r'<form class="rj-signout" method="post" action="/sign-out">(.*?)</form>', html, re.S
    )
    assert form and 'name="csrf_token" value="t0ken"' in form[1]
    assert "Sign out" not in console.get("/").text  # nobody is signed in
