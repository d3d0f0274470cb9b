"""The console's shell in a real browser: the layout every page builds on is accessible, secure
and works without JavaScript."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from tests.hub.browser import people
from tests.hub.browser.harness import check_accessibility, csp_violations, screenshot
from tests.hub.console_signin import Clock, Person

# A coordinator's: the Audit item is for those who may read the audit log.
NAV = ["Overview", "Referrals", "Cases", "Facilitators and laptops", "Conflicts", "Returns"]


def test_the_overview_passes_axe_and_says_where_the_coordinator_is(
    signed_in: Any, console_url: str
) -> None:
    page = signed_in
    answer = page.goto(f"{console_url}/")
    assert answer.status == 200
    expect(page).to_have_title("Overview – RJ hub")
    expect(page.locator("h1")).to_have_text("Overview")
    navigation = page.get_by_role("navigation", name="Menu")
    assert [link.strip() for link in navigation.get_by_role("link").all_inner_texts()] == NAV
    current = navigation.locator("[aria-current=page]")
    assert current.count() == 1 and current.inner_text().strip() == "Overview"
    # GOV.UK Frontend's inline script, done from a file under the CSP, ran first thing.
    assert "js-enabled" in (page.locator("body").get_attribute("class") or "")
    assert "govuk-frontend-supported" in (page.locator("body").get_attribute("class") or "")
    check_accessibility(page)
    screenshot(page, "overview-empty")


def test_the_skip_link_takes_a_keyboard_user_to_the_content(page: Any, console_url: str) -> None:
    page.goto(f"{console_url}/")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    assert skip.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    assert page.url.endswith("#main-content")
    assert page.evaluate("document.activeElement.id") == "main-content"


def test_every_answer_carries_the_security_headers_and_sets_no_cookie(
    page: Any, console_url: str
) -> None:
    # The sign-in page (where "/" sends a stranger) sets its form's cookie: checked below.
    for path in ("/no-such-page", "/static/nowhere"):
        headers = page.goto(f"{console_url}{path}").all_headers()
        csp = headers["content-security-policy"]
        for directive in (
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "frame-ancestors 'none'",
            "form-action 'self'",
            "base-uri 'none'",
        ):
            assert directive in csp, (path, csp)
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["cross-origin-opener-policy"] == "same-origin"
        assert "camera=()" in headers["permissions-policy"]
        assert headers["cache-control"] == "no-store", path
        assert "set-cookie" not in headers
    assert page.context.cookies() == []
    headers = page.goto(f"{console_url}/").all_headers()
    assert page.url == f"{console_url}/sign-in"
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["cache-control"] == "no-store"
    [cookie] = page.context.cookies()
    assert cookie["name"] == "rjdesk_console_signin"
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict" and cookie["path"] == "/"


def test_the_console_cannot_be_framed(browser: Any, console_url: str) -> None:
    """A page that frames the console (clickjacking) gets nothing in the frame: the browser
    refuses it by the CSP's frame-ancestors."""
    context = browser.new_context()
    try:
        page = context.new_page()
        messages: list[str] = []
        page.on("console", lambda message: messages.append(message.text))
        page.goto(f"{console_url}/static/nowhere")  # any page of the console's origin
        page.set_content(f'<iframe title="framed" src="{console_url}/"></iframe>')
        page.wait_for_timeout(500)
        framed = page.frames[-1].content()
        assert "Overview" not in framed and "Sign in" not in framed
        assert any("frame-ancestors" in text for text in csp_violations(messages)), messages
    finally:
        context.close()


def test_the_static_assets_are_kept_by_the_browser_and_the_pages_are_not(
    page: Any, console_url: str
) -> None:
    assets: dict[str, dict[str, str]] = {}
    page.on(
        "response",
        lambda response: (
            assets.__setitem__(response.url, response.all_headers())
            if "/static/" in response.url
            else None
        ),
    )
    page.goto(f"{console_url}/")
    page.wait_for_load_state("networkidle")
    names = {url.split("/static/")[1].split("?")[0] for url in assets}
    assert {"console.css", "js-enabled.js", "console.mjs", "govuk-frontend.min.js"} <= names
    for url, headers in assets.items():
        if "?v=" in url:
            assert headers["cache-control"] == "public, max-age=31536000, immutable", url
        assert headers["x-content-type-options"] == "nosniff"


def test_a_page_works_without_javascript(
    page_without_js: Any, console_url: str, sam: Person, console_clock: Clock
) -> None:
    page = page_without_js
    people.sign_in(page, console_url, sam, console_clock)  # plain forms: no script needed
    page.goto(f"{console_url}/")
    assert "js-enabled" not in (page.locator("body").get_attribute("class") or "")
    # The navigation is shown as it is, not folded behind a menu button only a script opens.
    cases = page.get_by_role("link", name="Cases", exact=True)
    assert cases.is_visible()
    assert not page.get_by_role("button", name="Menu").is_visible()
    screenshot(page, "overview-without-javascript")
    cases.click()
    assert page.locator("h1").inner_text() in {"Cases", "Page not found"}
    page.get_by_role("link", name="RJ hub").click()
    expect(page.locator("h1")).to_have_text("Overview")


def test_without_its_scripts_the_page_still_passes_axe(signed_in: Any, console_url: str) -> None:
    """axe-core needs JavaScript to run, so here the page's own scripts are kept from loading
    instead (the CSP forbids inline script, so that is all of them): what a person without
    JavaScript gets, checked."""
    page = signed_in
    page.route("**/*.{js,mjs}*", lambda route: route.abort())
    page.goto(f"{console_url}/")
    assert "js-enabled" not in (page.locator("body").get_attribute("class") or "")
    check_accessibility(page)


def test_an_unknown_address_is_a_page_not_a_traceback(signed_in: Any, console_url: str) -> None:
    page = signed_in
    answer = page.goto(f"{console_url}/cases/../no/such/page?x=1")
    assert answer.status == 404
    expect(page).to_have_title("Page not found – RJ hub")
    expect(page.locator("h1")).to_have_text("Page not found")
    text = page.locator("body").inner_text()
    assert "Traceback" not in text and "detail" not in text
    page.get_by_role("link", name="overview", exact=True).click()
    expect(page.locator("h1")).to_have_text("Overview")
    page.goto(f"{console_url}/no/such/page")
    check_accessibility(page)


def test_on_a_narrow_screen_the_menu_folds_and_opens(signed_in: Any, console_url: str) -> None:
    page = signed_in
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{console_url}/")
    # The Menu button is made by GOV.UK Frontend's script once the page has loaded: wait for
    # it (and for the fold) rather than read the page at one instant.
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_be_visible()
    conflicts = page.get_by_role("link", name="Conflicts", exact=True)
    expect(conflicts).not_to_be_visible()
    menu.click()
    expect(conflicts).to_be_visible()
    check_accessibility(page)
