"""The referral forms in the console tests' real browser (issue 15): a member of the public
refers with JavaScript and without, "Leave this site quickly" leaves no form behind on Back, a
partner refers through its link and a revoked one is refused, axe-core finds nothing on any
state of either form, and each form can be sent with the keyboard alone."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from playwright.sync_api import expect
from sqlalchemy import func, select

from rjdesk_hub import Hub
from rjdesk_hub.referrals import partners
from rjdesk_hub.referrals.models import Referral
from tests.hub.browser.harness import check_accessibility, screenshot
from tests.hub.server import running_forms

REFERENCE = re.compile(r"R-[0-9A-Z]{4}-[0-9A-Z]{4}")
FILL_SECONDS = 3.5  # longer than the forms' minimum time to fill (3 s): only a lower bound


@pytest.fixture
def exit_url(console_url: str) -> str:
    """A neutral page of another site (the console's sign-in page) for the quick exit."""
    return f"{console_url}/sign-in"


@pytest.fixture
def forms_url(console_hub: Hub, exit_url: str) -> Iterator[str]:
    with running_forms(console_hub, exit_url=exit_url) as url:
        yield url


def stored(hub: Hub) -> int:
    with hub.db.reader() as session:
        return int(session.scalar(select(func.count()).select_from(Referral)) or 0)


def fill_public(page: Any, name: str = "Ann") -> None:
    page.get_by_label("I am referring myself").check()
    page.get_by_label("Name of the person we should contact").fill(name)
    page.get_by_label("Text message").check()
    page.get_by_label("Phone number or email address").fill("07700 900982")
    page.get_by_label("When is it safe to contact them?").fill("After 6pm")
    page.locator("#message_ok-2").check()
    page.get_by_label("A falling out with a neighbour").check()
    page.get_by_label("Anything else we should know (optional)").fill("Please text first.")
    page.get_by_label("I agree that the restorative justice service may contact").check()


def test_a_member_of_the_public_refers_with_javascript(
    page: Any, forms_url: str, console_hub: Hub
) -> None:
    page.goto(forms_url)
    expect(page).to_have_title("Ask for restorative justice – North RJ hub")
    report = check_accessibility(page)
    assert report["passes"]
    screenshot(page, "public-form")
    page.get_by_role("button", name="Send referral").click()
    page.wait_for_url(forms_url + "/")
    expect(page).to_have_title(re.compile("^Error: "))
    assert page.locator(".govuk-error-summary").is_visible()
    check_accessibility(page)
    screenshot(page, "public-form-error")
    fill_public(page)
    time.sleep(FILL_SECONDS)
    page.get_by_role("button", name="Send referral").click()
    page.get_by_role("heading", name="Referral sent").wait_for()
    assert REFERENCE.search(page.content())
    check_accessibility(page)
    screenshot(page, "public-form-done")
    assert stored(console_hub) == 1


def test_a_member_of_the_public_refers_without_javascript(
    page_without_js: Any, forms_url: str, console_hub: Hub
) -> None:
    page = page_without_js
    page.goto(forms_url)
    fill_public(page, name="Bo")
    page.get_by_label("I agree that the restorative justice service may contact").uncheck()
    time.sleep(FILL_SECONDS)
    page.get_by_role("button", name="Send referral").click()
    page.locator(".govuk-error-summary").wait_for(timeout=20_000)
    assert page.get_by_label("Name of the person we should contact").input_value() == "Bo"
    page.get_by_label("I agree that the restorative justice service may contact").check()
    page.get_by_role("button", name="Send referral").click()
    page.get_by_role("heading", name="Referral sent").wait_for()
    assert stored(console_hub) == 1


def test_leaving_quickly_with_javascript_leaves_no_form_page_behind(
    page: Any, forms_url: str, exit_url: str
) -> None:
    page.goto(exit_url)
    page.goto(forms_url)
    page.get_by_label("Name of the person we should contact").fill("Quokka")
    page.get_by_role("button", name="Leave this site quickly").click()
    page.wait_for_url(exit_url)
    page.go_back()
    page.wait_for_load_state()
    assert not page.url.startswith(forms_url)
    assert "Quokka" not in page.content()
    assert "Ask for restorative justice" not in page.content()


def test_leaving_without_javascript_then_back_shows_no_typed_text(
    page_without_js: Any, forms_url: str, exit_url: str
) -> None:
    page = page_without_js
    page.goto(forms_url)
    page.get_by_label("Name of the person we should contact").fill("Quokka")
    page.get_by_role("button", name="Leave this site quickly").click()
    page.wait_for_url(exit_url)
    page.go_back()
    page.wait_for_load_state()
    assert page.get_by_label("Name of the person we should contact").input_value() == ""
    assert "Quokka" not in page.content()


def issue_link(hub: Hub) -> tuple[str, str]:
    with hub.db.transaction() as tx:
        partner, token = partners.issue(
            tx.session,
            hub,
            organisation="Northshire Police",
            kind="police",
            by="coordinator",
            at=datetime(2027, 1, 1, tzinfo=UTC),
        )
        return partner.id, token


def fill_partner(page: Any) -> None:
    """Everything a partner's form asks but the person's agreement to be referred."""
    page.get_by_label("Your name").fill("PC Dee")
    page.get_by_label("Your job title or role").fill("Neighbourhood officer")
    page.get_by_label("Your phone number").fill("01632 960001")
    page.get_by_label("Their name").fill("Carl")
    page.locator("#contact_how-3").check()  # Email
    page.get_by_label("Phone number or email address").fill("carl@example.org")
    page.get_by_label("When is it safe to contact them?").fill("Any time")
    page.locator("#message_ok").check()
    page.get_by_label("A crime, such as a theft").check()
    page.get_by_label("Crime reference (if there is one)").fill("NP/1234/26")
    page.get_by_label("Day").fill("3")
    page.get_by_label("Month").fill("1")
    page.get_by_label("Year").fill("2026")
    page.get_by_label("The people involved and their roles").fill("Carl (harmed)")
    page.get_by_label("Risks you know of").fill("None known")


def test_a_partner_refers_through_its_link_and_a_revoked_link_is_refused(
    page: Any, forms_url: str, console_hub: Hub
) -> None:
    partner_id, token = issue_link(console_hub)
    page.goto(f"{forms_url}/partner/{token}")
    assert "Northshire Police" in page.content()
    check_accessibility(page)
    screenshot(page, "partner-form")
    fill_partner(page)
    time.sleep(FILL_SECONDS)
    page.get_by_role("button", name="Send referral").click()
    expect(page).to_have_title(re.compile("^Error: "))  # the agreement was not ticked
    check_accessibility(page)
    assert page.get_by_label("Crime reference (if there is one)").input_value() == "NP/1234/26"
    page.get_by_label("The person agreed to be referred").check()
    page.get_by_role("button", name="Send referral").click()
    page.get_by_role("heading", name="Referral sent").wait_for()
    assert stored(console_hub) == 1
    with console_hub.db.transaction() as tx:
        assert partners.revoke(tx.session, partner_id, at=datetime(2027, 1, 2, tzinfo=UTC))
    page.goto(f"{forms_url}/partner/{token}")
    page.get_by_role("heading", name="This link does not work").wait_for()
    check_accessibility(page)
    assert stored(console_hub) == 1


def tab_to(page: Any, selector: str) -> None:
    """Press Tab until ``selector`` has the focus (at most 120 times)."""
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.matches({selector!r})"):
            return
    raise AssertionError(f"Tab never reached {selector}")


def test_the_public_form_can_be_sent_with_the_keyboard_alone(
    page: Any, forms_url: str, console_hub: Hub
) -> None:
    page.goto(forms_url)
    tab_to(page, "#who")
    page.keyboard.press("Space")
    tab_to(page, "#name")
    page.keyboard.type("Kit")
    tab_to(page, "#contact_how")
    page.keyboard.press("Space")
    tab_to(page, "#contact_detail")
    page.keyboard.type("01632 960001")
    tab_to(page, "#contact_when")
    page.keyboard.type("Evenings")
    tab_to(page, "#message_ok")
    page.keyboard.press("Space")
    tab_to(page, "#problem")
    page.keyboard.press("Space")
    tab_to(page, "#consent")
    page.keyboard.press("Space")
    time.sleep(FILL_SECONDS)
    tab_to(page, "button.govuk-button:not(.govuk-exit-this-page__button)")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Referral sent").wait_for()
    assert stored(console_hub) == 1


def test_the_partner_form_can_be_sent_with_the_keyboard_alone(
    page: Any, forms_url: str, console_hub: Hub
) -> None:
    _partner_id, token = issue_link(console_hub)
    page.goto(f"{forms_url}/partner/{token}")
    for selector, text in (
        ("#referrer_name", "PC Dee"),
        ("#referrer_role", "Officer"),
        ("#referrer_email", "dee@police.example"),
        ("#name", "Carl"),
    ):
        tab_to(page, selector)
        page.keyboard.type(text)
    tab_to(page, "#contact_how")
    page.keyboard.press("Space")
    tab_to(page, "#contact_detail")
    page.keyboard.type("07700 900982")
    tab_to(page, "#contact_when")
    page.keyboard.type("Mornings")
    tab_to(page, "#message_ok")
    page.keyboard.press("Space")
    tab_to(page, "#problem")
    page.keyboard.press("Space")
    tab_to(page, "#people")
    page.keyboard.type("Carl (harmed)")
    tab_to(page, "#risks")
    page.keyboard.type("None known")
    tab_to(page, "#agreed")
    page.keyboard.press("Space")
    time.sleep(FILL_SECONDS)
    tab_to(page, "button.govuk-button:not(.govuk-exit-this-page__button)")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Referral sent").wait_for()
    assert stored(console_hub) == 1
