"""Signing in to the console in a real browser: password then TOTP, a wrong code, lock-out, the
idle warning and "Stay signed in", and a form without its CSRF token; the pages pass axe."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import expect

from rjdesk_hub.console.accounts import LOCKED, MAX_FAILURES, NOT_RECOGNISED, WRONG_CODE
from tests.hub.browser import people
from tests.hub.browser.harness import check_accessibility, screenshot
from tests.hub.console_signin import Clock, Person


def test_sign_in_with_password_and_code_reaches_the_overview(
    page: Any, console_url: str, sam: Person, console_clock: Clock
) -> None:
    page.goto(f"{console_url}/")
    assert page.url == f"{console_url}/sign-in"  # a stranger is sent to sign in
    expect(page).to_have_title("Sign in – RJ hub")
    assert page.get_by_role("navigation", name="Menu").count() == 0
    check_accessibility(page)
    screenshot(page, "sign-in")
    people.enter_password(page, console_url, sam)
    assert page.url == f"{console_url}/sign-in/code"
    check_accessibility(page)
    page.get_by_label("Enter the code from your authenticator app").fill(sam.code(console_clock))
    page.get_by_role("button", name="Sign in").click()
    assert page.url == f"{console_url}/"
    expect(page.locator("h1")).to_have_text("Overview")
    assert page.locator(".rj-person").inner_text() == "sam.coordinator"
    assert page.get_by_role("button", name="Sign out").first.is_visible()
    assert not page.locator("#rj-idle").is_visible()  # no warning yet
    check_accessibility(page)
    page.get_by_role("button", name="Sign out").first.click()
    assert page.url == f"{console_url}/sign-in?ended=out"
    assert "You have signed out." in page.locator("main").inner_text()
    page.goto(f"{console_url}/")
    assert page.url == f"{console_url}/sign-in"


def test_a_wrong_code_is_refused_with_an_error_a_person_can_act_on(
    page: Any, console_url: str, sam: Person
) -> None:
    people.enter_password(page, console_url, sam)
    page.get_by_label("Enter the code from your authenticator app").fill("000000")
    page.get_by_role("button", name="Sign in").click()
    assert page.url == f"{console_url}/sign-in/code"
    expect(page).to_have_title("Error: Enter your code – RJ hub")
    assert WRONG_CODE in page.get_by_role("alert").inner_text()
    check_accessibility(page)
    page.goto(f"{console_url}/")
    assert page.url.startswith(f"{console_url}/sign-in")  # not signed in


def test_repeated_failures_lock_the_name_even_for_the_right_password(
    page: Any, console_url: str, sam: Person
) -> None:
    for _ in range(MAX_FAILURES - 1):
        people.enter_password(page, console_url, sam, "not the password at all")
        assert NOT_RECOGNISED in page.get_by_role("alert").inner_text()
    people.enter_password(page, console_url, sam, "not the password at all")
    assert LOCKED in page.get_by_role("alert").inner_text()
    people.enter_password(page, console_url, sam)
    assert LOCKED in page.get_by_role("alert").inner_text()
    assert page.url == f"{console_url}/sign-in"
    check_accessibility(page)


def test_the_idle_warning_appears_and_stay_signed_in_keeps_the_session(
    page: Any, console_url: str, sam: Person, console_clock: Clock
) -> None:
    """The page's timers run on Playwright's fake clock and the hub's on the test's: both move
    13 minutes 30 seconds on, so the warning is due (2 minutes before the 15)."""
    page.clock.install()
    people.sign_in(page, console_url, sam, console_clock)
    page.goto(f"{console_url}/")
    warning = page.get_by_role("alertdialog", name="You will be signed out soon")
    page.wait_for_load_state("networkidle")
    assert not warning.is_visible()
    console_clock.advance(minutes=13, seconds=30)
    page.clock.run_for("13:30")
    warning.wait_for(state="visible", timeout=5000)
    assert warning.evaluate("element => element === document.activeElement")
    assert "1 minute" in warning.inner_text() or "2 minutes" in warning.inner_text()
    check_accessibility(page)
    screenshot(page, "idle-warning")
    warning.get_by_role("button", name="Stay signed in").click()
    warning.wait_for(state="hidden", timeout=5000)
    assert page.url == f"{console_url}/"  # stayed on the page
    # The idle clock started again: 14 more minutes and the session is still there.
    console_clock.advance(minutes=14)
    page.reload()
    expect(page.locator("h1")).to_have_text("Overview")


def test_without_stay_the_session_ends_and_sign_in_says_it_was_inactivity(
    page: Any, console_url: str, sam: Person, console_clock: Clock
) -> None:
    page.clock.install()
    people.sign_in(page, console_url, sam, console_clock)
    page.wait_for_load_state("networkidle")
    console_clock.advance(minutes=15, seconds=1)
    page.clock.run_for("15:01")
    page.wait_for_url(f"{console_url}/sign-in?ended=idle", timeout=5000)
    assert "signed out after 15 minutes without activity" in page.locator("main").inner_text()


def test_a_form_posted_without_its_csrf_token_is_refused(signed_in: Any, console_url: str) -> None:
    page = signed_in
    page.locator("form.rj-signout input[name=csrf_token]").evaluate("field => field.remove()")
    page.locator("form.rj-signout button").click()
    expect(page).to_have_title("This form was refused – RJ hub")
    assert "not sent from this console page" in page.locator("main").inner_text()
    check_accessibility(page)
    page.goto(f"{console_url}/")
    expect(page.locator("h1")).to_have_text("Overview")  # still signed in: nothing was done
