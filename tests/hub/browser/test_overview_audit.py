"""The overview and the Audit page in a real browser: the overview's figures and their links
(with cases from a real laptop vault, and with none), the audit log listing a coordinator's
sign-in and search, filtered by that person and by a case with no event; axe on each."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from playwright.sync_api import expect
from sqlalchemy import select

from rjdesk.services import cases
from rjdesk_hub import Hub
from rjdesk_hub.console import ledger, ledger_wire
from rjdesk_hub.console.accounts import Accounts
from rjdesk_hub.models import ConsoleUser
from rjdesk_protocol.enums import CaseType, Channel, ReferralSource, Role
from tests.hub.browser import people
from tests.hub.browser.harness import VIEWPORT, check_accessibility, screenshot
from tests.hub.console_signin import Clock, Person, set_up_person
from tests.laptops import Laptop, send_changes
from tests.services.builders import person

# The console's clock stands at Tuesday 12 January 2027: a referral received on Monday the 4th
# had to be answered by Monday the 11th.
RECEIVED = date(2027, 1, 4)


def _late_referral(hub: Hub, tmp_path: Path, template: Path) -> str:
    alex = Laptop(tmp_path / "alex", "Alex Morgan", today=RECEIVED, template=template)
    try:
        alex.enroll(hub)
        with alex.vault.unit_of_work() as uow:
            case = cases.create_case(
                uow,
                cases.Referral(
                    case_type=CaseType.NEIGHBOUR_DISPUTE,
                    received_on=RECEIVED,
                    source=ReferralSource.HOUSING_PROVIDER,
                    channel=Channel.PHONE,
                    summary="Shouting over the fence.",
                ),
            )
            person(uow, case, "Marcia Bennett", Role.HARMED)
            reference = case.reference
        send_changes(alex, hub)
        return reference
    finally:
        alex.close()


def _count(page: Any, key: str) -> str:
    text: str = page.locator(f"#figure-{key} .rj-count").inner_text()
    return text.strip()


def test_the_overview_shows_each_figure_with_its_link(  # noqa: PLR0917 - fixtures
    page: Any,
    console_url: str,
    console_hub: Hub,
    console_clock: Clock,
    sam: Person,
    tmp_path: Path,
    vault_template: Path,
) -> None:
    reference = _late_referral(console_hub, tmp_path, vault_template)
    people.sign_in(page, console_url, sam, console_clock)
    expect(page).to_have_title("Overview – RJ hub")
    assert _count(page, "unassigned") == "1"
    assert _count(page, "victims-code-missed") == "1"
    assert _count(page, "victims-code-due") == "0"
    missed = page.locator("#figure-victims-code-missed")
    href = missed.get_by_role("link", name=reference).get_attribute("href") or ""
    assert href.startswith("/cases/"), "each case listed opens its own page"
    unassigned = page.get_by_role("link", name="Unassigned cases in the register")
    assert unassigned.get_attribute("href") == "/cases?status=open&facilitator=none"
    workload = page.locator("#workload")
    assert workload.get_by_role("row", name="Alex Morgan 1").count() == 1
    assert page.locator("h1").count() == 1
    check_accessibility(page)
    screenshot(page, "overview")


def test_the_overview_with_nothing_waiting_says_so(signed_in: Any) -> None:
    page = signed_in
    assert page.locator("#nothing-due").is_visible()
    assert page.locator("#no-facilitators").is_visible()
    check_accessibility(page)


def test_the_audit_page_lists_a_sign_in_and_a_search_filtered_by_the_person(  # noqa: PLR0917
    browser: Any, page: Any, console_url: str, console_hub: Hub, console_clock: Clock, sam: Person
) -> None:
    people.sign_in(page, console_url, sam, console_clock)
    with console_hub.db.transaction() as tx:
        sam_id = tx.session.scalar(
            select(ConsoleUser.id).where(ConsoleUser.name == "sam.coordinator")
        )
        actor = ledger_wire.person(sam_id or "", "sam.coordinator", "127.0.0.1")
        ledger.record(
            tx.session, actor, ledger.Action.SEARCH, at=tx.now,
            detail=ledger.search_detail({"text": "marcia"}, 0),
        )  # fmt: skip
    ines = set_up_person(Accounts(console_hub), console_clock, "ines.auditor", "auditor")
    other = browser.new_context(viewport=VIEWPORT)
    try:
        auditor = other.new_page()
        people.sign_in(auditor, console_url, ines, console_clock)
        auditor.goto(f"{console_url}/audit")
        assert auditor.title() == "Audit log – RJ hub"
        assert auditor.locator("#chain-status").inner_text().startswith("The log is whole")
        auditor.get_by_label("Person").select_option(label="sam.coordinator")
        auditor.get_by_role("button", name="Filter").click()
        rows = auditor.locator("#events tbody tr")
        whats = [rows.nth(i).locator("td").nth(2).inner_text() for i in range(rows.count())]
        assert any(what.startswith("Searched the cases") for what in whats)
        assert any(what.startswith("Signed in") for what in whats)
        assert all("sam.coordinator" in rows.nth(i).inner_text() for i in range(rows.count()))
        assert "marcia" not in auditor.content()  # what was searched for is never kept
        assert (
            auditor.get_by_role("link", name="CSV")
            .get_attribute("href")
            .startswith("/audit/export?person=")
        )
        check_accessibility(auditor)
        screenshot(auditor, "audit")
        auditor.get_by_label("Case reference").fill("RJ-NONE-404")
        auditor.get_by_role("button", name="Filter").click()
        assert auditor.locator("#no-events").is_visible()
        check_accessibility(auditor)
    finally:
        other.close()
