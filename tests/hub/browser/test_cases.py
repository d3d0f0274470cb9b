"""The Cases pages in a real browser: a coordinator types a folded name, finds the case and
opens it; the register (with results, with none, with an error) and a whole case pass axe, with
and without JavaScript where it matters."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

from rjdesk_hub import Hub
from tests.hub.browser.harness import check_accessibility, screenshot
from tests.hub.conftest import LaptopFactory
from tests.hub.test_console_cases import full_dispute
from tests.laptops import CaseIds, send_changes


@pytest.fixture
def dispute(console_hub: Hub, laptop: LaptopFactory) -> CaseIds:
    alex = laptop("Alex Morgan")
    alex.enroll(console_hub)
    ids, *_documents = full_dispute(alex)
    send_changes(alex, console_hub)
    return ids


def test_a_coordinator_finds_a_case_by_a_folded_name_and_opens_it(
    signed_in: Any, console_url: str, dispute: CaseIds
) -> None:
    page = signed_in
    page.get_by_role("navigation", name="Menu").get_by_role("link", name="Cases").click()
    page.wait_for_url(f"{console_url}/cases")
    expect(page).to_have_title("Cases – RJ hub")
    assert page.locator("h2#count").inner_text().strip() == "1 case"
    check_accessibility(page)
    screenshot(page, "cases-register")
    page.get_by_label("Reference or name").fill("lukasz")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(f"{console_url}/cases?q=lukasz*")
    assert page.locator("h2#count").inner_text().strip() == "1 case found"
    row = page.get_by_role("row").filter(has_text="Łukasz Nowak")
    assert row.count() == 1
    check_accessibility(page)
    screenshot(page, "cases-search")
    row.get_by_role("link", name=dispute.reference).click()
    page.wait_for_url(f"{console_url}/cases/{dispute.case_id}")
    expect(page).to_have_title(f"Case {dispute.reference} – RJ hub")
    assert page.locator("h1").count() == 1
    contents = page.get_by_role("navigation", name="Contents")
    contents.get_by_role("link", name="Agreements").click()
    assert page.url.endswith("#agreements")
    assert page.get_by_text("Fit a spring closer to the gate.").is_visible()
    check_accessibility(page)
    screenshot(page, "case-view")


def test_the_register_with_no_result_and_with_an_error_passes_axe(
    signed_in: Any, console_url: str, dispute: CaseIds
) -> None:
    page = signed_in
    page.goto(f"{console_url}/cases?q=nobody")
    assert page.locator("h2#count").inner_text().strip() == "No cases found"
    check_accessibility(page)
    page.goto(f"{console_url}/cases?dob-day=31&dob-month=2&dob-year=1990")
    expect(page).to_have_title("Error: Cases – RJ hub")
    summary = page.locator(".govuk-error-summary")
    assert summary.is_visible()
    summary.get_by_role("link", name="Date of birth must be a real date").click()
    assert page.evaluate("document.activeElement.id") == "dob-day"
    check_accessibility(page)
    screenshot(page, "cases-error")


def test_the_register_searches_and_sorts_without_javascript(
    page_without_js: Any, console_url: str, sam: Any, console_clock: Any, dispute: CaseIds
) -> None:
    from tests.hub.browser import people

    page = page_without_js
    people.sign_in(page, console_url, sam, console_clock)
    page.goto(f"{console_url}/cases")
    page.get_by_label("Reference or name").fill("marcia ben")
    page.get_by_role("button", name="Search").click()
    assert page.get_by_role("link", name=dispute.reference).count() == 1
    page.get_by_role("link", name="Reference").click()
    assert "sort=reference" in page.url and "q=marcia+ben" in page.url
    header = page.get_by_role("columnheader", name="Reference")
    assert header.get_attribute("aria-sort") == "ascending"
