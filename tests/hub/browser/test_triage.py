"""Triage in a real browser, against a real hub served on 127.0.0.1: a coordinator sees the
empty queue, types a phone referral (refused first, then kept), sees it in the queue, opens it,
looks at its accept form, and declines another behind its confirmation; then issues a partner's
link and sees it once. Every page passes axe-core and is photographed for the docs."""

from __future__ import annotations

from typing import Any

from rjdesk_hub import Hub
from rjdesk_hub.referrals import store
from tests.hub.browser.harness import check_accessibility, screenshot
from tests.hub.console_signin import Clock

CALLER = "Marta Kowalska"


def _checked(page: Any, title: str) -> None:
    from playwright.sync_api import expect

    expect(page).to_have_title(f"{title} – RJ hub")
    check_accessibility(page)


def test_a_coordinator_types_a_phone_referral_and_declines_another(
    signed_in: Any, console_url: str, console_hub: Hub, console_clock: Clock
) -> None:
    page = signed_in
    page.goto(f"{console_url}/referrals")
    _checked(page, "Referrals")
    assert page.locator("#queue-empty").is_visible()

    with console_hub.db.transaction() as tx:
        online = store.receive(
            tx.session, store.sealer(console_hub), at=console_clock.now, channel=store.PUBLIC,
            problem="noise_nuisance", fields={"name": "Jo Bloggs", "contact": "After 6pm"},
        )  # fmt: skip
    console_clock.advance(minutes=5)  # the call comes after it: the queue is oldest first

    page.get_by_role("button", name="Type a phone referral").click()
    _checked(page, "Type a phone referral")
    page.get_by_role("button", name="Put it in the queue").click()
    _checked(page, "Error: Type a phone referral")
    assert page.locator(".govuk-error-summary").is_visible()
    screenshot(page, "phone-referral")
    page.get_by_label("Kind of case").select_option("neighbour_dispute")
    page.get_by_label("Who referred").select_option("self")
    page.get_by_label("What happened").fill("Loud music every night since March.")
    page.locator("#person-1-name").fill(CALLER)
    page.locator("#person-1-role").select_option("harmed")
    page.get_by_role("button", name="Put it in the queue").click()
    _checked(page, "Referrals")
    banner = page.locator(".govuk-notification-banner--success").inner_text()
    assert "The phone referral is in the triage queue as R-" in banner
    rows = page.locator("#queue tbody tr")
    assert rows.count() == 2
    assert "Phone call at the hub" in rows.nth(1).inner_text()
    screenshot(page, "referrals")

    reference = rows.nth(1).get_by_role("link").inner_text()
    rows.nth(1).get_by_role("link").click()
    _checked(page, f"Referral {reference}")
    assert CALLER in page.content()
    screenshot(page, "referral")
    page.get_by_role("button", name="Accept").click()
    _checked(page, f"Accept referral {reference}")
    assert page.locator("#person-1-name").input_value() == CALLER
    screenshot(page, "referral-accept")

    page.goto(f"{console_url}/referrals/{online.id}")
    page.get_by_role("button", name="Decline").click()
    _checked(page, f"Decline referral {online.reference}")
    page.get_by_label("A duplicate of another referral").check()
    page.get_by_role("button", name=f"Decline referral {online.reference}").click()
    _checked(page, "Referrals")
    assert (
        f"{online.reference} was declined"
        in page.locator(".govuk-notification-banner--success").inner_text()
    )
    assert page.locator("#queue tbody tr").count() == 1


def test_a_coordinator_issues_a_partner_link(signed_in: Any, console_url: str) -> None:
    page = signed_in
    page.goto(f"{console_url}/partners")
    _checked(page, "Partners' links")
    page.get_by_role("button", name="Issue a link").click()
    _checked(page, "Issue a partner's link")
    page.get_by_label("Organisation's name").fill("Northshire Police")
    page.get_by_label("Police").check()
    page.get_by_role("button", name="Issue the link").click()
    _checked(page, "Link for Northshire Police")
    assert "/partner/" in page.locator("#partner-link").inner_text()
    screenshot(page, "partner-link")
    page.goto(f"{console_url}/partners")
    _checked(page, "Partners' links")
    screenshot(page, "partners")
