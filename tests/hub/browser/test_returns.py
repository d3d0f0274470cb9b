"""The Returns and Billing pages in a real browser against a real hub on 127.0.0.1: a kept
return (figures made by hand, kept as the console keeps them, one "<5" and one "[c]") seen as
charts with their tables,
and a billing statement; every page passes axe-core and is
photographed."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

from rjdesk_hub import Hub
from rjdesk_hub.returns import kept
from rjdesk_hub.returns.periods import parse_period
from rjdesk_hub.returns.result import Cell
from tests.hub.browser.harness import check_accessibility, screenshot
from tests.hub.test_billing import RULES, _at, _partner, _referral
from tests.hub.test_console_returns import HandMade


def _checked(page: Any, title: str) -> None:
    from playwright.sync_api import expect

    expect(page).to_have_title(f"{title} – RJ hub")
    check_accessibility(page)
    assert page.locator("h1").count() == 1


def test_a_coordinator_reads_a_kept_return_as_charts_and_tables(
    signed_in: Any, console_url: str, console_hub: Hub
) -> None:
    source = HandMade()
    source.housing = Cell(None, "[c]", suppressed=True)  # 8, hidden only to protect the "<5"
    result = source.compute("pcc-quarterly", parse_period("2026-27Q3"))
    made = kept.keep(console_hub, result, definition_sha256="a" * 64, produced_by="console: x")
    page = signed_in
    page.goto(f"{console_url}/returns")
    _checked(page, "Returns")
    assert page.locator("#produce").is_visible()
    screenshot(page, "returns")
    page.get_by_role("link", name="pcc-quarterly").click()  # no engine: its id
    _checked(page, "Quarterly RJ return, 2026-27 Q3")
    chart = page.get_by_role("img", name="Chart: Referrals by source")
    assert chart.is_visible()
    assert page.locator(f'a[href="/returns/{made.id}/download/xlsx"]').is_visible()
    rows = page.locator("#table-referrals_by_source tbody tr")
    assert rows.nth(1).inner_text().split() == ["Housing", "[c]"]
    assert rows.nth(2).inner_text().split() == ["Self-referral", "<5"]
    assert page.locator('[data-suppressed="yes"]').count() == 2
    assert chart.get_by_text("[c] (hidden to protect a small number)").count() == 1
    assert (
        "[c]: hidden so that a small number elsewhere"
        in page.locator("#suppression-rule").inner_text()
    )
    screenshot(page, "return")

    # The shipped quarterly return, counted by the engine over this (empty) hub.
    page.get_by_role("link", name="Back to returns").click()
    page.locator("#definition").check()
    page.get_by_role("button", name="Produce the return").click()
    _checked(page, f"{page.locator('h1').inner_text()}, 2026-27 Q3")
    assert page.locator("svg[role=img]").count() >= 1
    screenshot(page, "return-engine")


def test_a_coordinator_reads_the_billing_statements(
    signed_in: Any, console_url: str, console_hub: Hub
) -> None:
    console_hub.settings = dataclasses.replace(console_hub.settings, billing=RULES)
    school = _partner(console_hub, "Eastfield School")
    for n in range(3):
        _referral(console_hub, school, _at(date(2026, 12, 1 + n)))
    page = signed_in
    page.goto(f"{console_url}/billing")
    _checked(page, "Billing, 2026-27 Q3")  # the last full quarter before 12 January 2027
    assert "Eastfield School: £675.00" in page.locator("h2").all_inner_texts()
    page.get_by_label("Quarter (Q1 is April to June)").select_option("2026-27Q2")
    page.get_by_role("button", name="Show statements").click()
    _checked(page, "Billing, 2026-27 Q2")
    assert page.locator("#no-statements").is_visible()
    page.get_by_label("Quarter (Q1 is April to June)").select_option("2026-27Q3")
    page.get_by_role("button", name="Show statements").click()
    _checked(page, "Billing, 2026-27 Q3")
    screenshot(page, "billing")
