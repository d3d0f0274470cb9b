"""The states a facilitator meets after the first look: an agreement as a draft, half signed
and signed; a closed case; every tab of the hate-crime case; Today with overdue work; the case
list searched; the Sync page with conflicts and joined to a real hub."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rjdesk.services import agreements, cases
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk.ui.case.agreement.tab import AgreementPane
from rjdesk.ui.main_window import MainWindow
from rjdesk.ui.pages.cases import CasesPage
from rjdesk.ui.pages.sync.page import SyncPage
from rjdesk.ui.pages.today import TodayPage
from rjdesk_hub import Hub
from rjdesk_protocol.enums import ClosureReason, SignatureMethod
from tests.hub.server import running_hub
from tests.laptops import enrol
from tests.ui.a11y.checks import assert_accessible
from tests.ui.a11y.conftest import draft_on, window_on
from tests.ui.a11y.test_screens import PANES
from tests.ui.sync_helpers import enrol_with_stand_in, field_conflict, receive_conflicts
from tests.ui.test_agreement import add_action

# Set to a folder to look at each state checked (a screen that confuses is a bug too).
SHOTS = os.environ.get("RJDESK_A11Y_SHOTS", "")


def _checked(window: MainWindow, shot: str) -> None:
    if SHOTS:
        window.grab().save(str(Path(SHOTS) / f"{shot}.png"))
    assert_accessible(window)


def test_a_new_agreement_being_written_is_heard_and_reached(
    vault: Vault, conference_case: str, qtbot: QtBot
) -> None:
    window, case_page = window_on(vault, conference_case, "agreement", qtbot)
    pane = case_page.findChild(AgreementPane)
    assert isinstance(pane, AgreementPane)
    qtbot.keyClicks(pane.ui.summary, "Both households agree to keep the peace.")
    add_action(qtbot, pane, "Marcia", "Keep the shared path clear of bins.", None)
    add_action(qtbot, pane, "Everyone", "Meet to review how it is going.", date(2026, 12, 4))
    _checked(window, "agreement-new")


def test_a_saved_draft_and_a_half_signed_agreement_are_heard_and_reached(
    vault: Vault, conference_case: str, qtbot: QtBot
) -> None:
    draft_on(vault, conference_case)
    window, _case = window_on(vault, conference_case, "agreement", qtbot)
    _checked(window, "agreement-draft")
    vault = window.ctx.vault  # the window's own, unlocked
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, conference_case)
        agreements.sign_agreement(
            uow,
            case.agreements[0],
            signer=case.participants[0],
            signed_on=date(2026, 11, 20),
            method=SignatureMethod.PAPER,
        )
    window.close()
    window, _case = window_on(vault, conference_case, "agreement", qtbot)
    _checked(window, "agreement-signing")


@pytest.mark.parametrize("pane", PANES)
def test_every_tab_of_the_hate_crime_case_is_heard_and_reached(
    pane: str, vault: Vault, hate_crime_case: str, qtbot: QtBot
) -> None:
    window, case_page = window_on(vault, hate_crime_case, pane, qtbot)
    assert case_page.current_pane() == pane
    _checked(window, f"hate-{pane}")


@pytest.mark.parametrize("pane", ("overview", "agreement", "contacts"))
def test_a_closed_case_is_heard_and_reached(
    pane: str, vault: Vault, hate_crime_case: str, qtbot: QtBot
) -> None:
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, hate_crime_case)
        cases.close_case(uow, case, ClosureReason.DECLINED, note="Declined by letter.")
    window, _case = window_on(vault, hate_crime_case, pane, qtbot)
    _checked(window, f"closed-{pane}")


def test_today_with_overdue_work_is_heard_and_reached(
    vault: Vault, hate_crime_case: str, neighbour_case: str, qtbot: QtBot
) -> None:
    window, _case = window_on(vault, hate_crime_case, "overview", qtbot)
    assert window.workspace is not None
    window.workspace.show_page("today")
    qtbot.waitUntil(lambda: not window.tasks.busy)
    today = window.workspace.pages["today"]
    assert isinstance(today, TodayPage)
    assert today.ui.overdue.isVisible()
    _checked(window, "today-overdue")


@pytest.mark.parametrize("typed", ("Bennett", "Zqx nobody"))
def test_the_case_list_searched_is_heard_and_reached(
    typed: str, vault: Vault, neighbour_case: str, hate_crime_case: str, qtbot: QtBot
) -> None:
    window, _case = window_on(vault, neighbour_case, "overview", qtbot)
    assert window.workspace is not None
    window.workspace.show_page("cases")
    page = window.workspace.pages["cases"]
    assert isinstance(page, CasesPage)
    qtbot.keyClicks(page.ui.search, typed)
    qtbot.wait(400)
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert (page.model.rowCount() > 0) == (typed == "Bennett")
    _checked(window, f"cases-{typed.split(maxsplit=1)[0].lower()}")


def _sync_page(window: MainWindow) -> SyncPage:
    assert window.workspace is not None
    window.workspace.show_page("sync")
    page = window.workspace.pages["sync"]
    assert isinstance(page, SyncPage)
    return page


def test_the_sync_page_with_a_conflict_is_heard_and_reached(
    vault: Vault, neighbour_case: str, qtbot: QtBot
) -> None:
    hub, request = enrol_with_stand_in(vault)
    with vault.reader() as session:
        reference = load_case(session, neighbour_case).reference
    conflict = field_conflict("c-1", neighbour_case, reference, {"location": ("Hall", "Park")})
    receive_conflicts(vault, hub, request, [conflict])
    window, _case = window_on(vault, neighbour_case, "overview", qtbot)
    page = _sync_page(window)
    qtbot.waitUntil(lambda: not window.tasks.busy and page.model.rowCount() > 0)
    _checked(window, "sync-conflict")


@pytest.fixture
def live_hub(tmp_path: Path) -> Iterator[tuple[Hub, str]]:
    with running_hub(tmp_path / "hub") as running:
        yield running


def test_the_sync_page_joined_to_a_real_hub_is_heard_and_reached(
    vault: Vault, neighbour_case: str, live_hub: tuple[Hub, str], qtbot: QtBot
) -> None:
    hub, url = live_hub
    enrol(vault, hub, url=url)
    window, _case = window_on(vault, neighbour_case, "overview", qtbot)
    page = _sync_page(window)
    qtbot.waitUntil(lambda: page.ui.lastSync.text() not in ("", "Never", "never"), timeout=30_000)
    qtbot.waitUntil(lambda: not window.tasks.busy)
    _checked(window, "sync-hub")
