"""Small moves of a facilitator with no mouse (issue 13): Enter on a row of Today or of Cases
opens the case with the keyboard in it, and Down or Enter from the case search reaches the
results. Every key goes to ``QApplication.focusWidget()`` (tests/ui/keyboard.py)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rjdesk.store.vault import Vault
from rjdesk.ui.case.workspace import CaseWorkspace
from rjdesk.ui.main_window import MainWindow
from rjdesk.ui.pages.cases import CasesPage
from rjdesk.ui.pages.today import TodayPage
from tests.conftest import PASSPHRASE
from tests.ui.keyboard import exactly, focused, press, tab_to, type_text, wait_for_window, where

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(vault: Vault, neighbour_case: str, hate_crime_case: str, qtbot: QtBot) -> MainWindow:
    """The window on the vault holding both example cases, unlocked with the keyboard."""
    del neighbour_case, hate_crime_case  # in the vault: the lists have rows to open
    vault.lock()
    shown = MainWindow(Vault(vault.data_dir, clock=vault.clock))
    qtbot.addWidget(shown)
    shown.show()
    wait_for_window(qtbot, "rjdesk")
    type_text(qtbot, PASSPHRASE)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown.is_unlocked and not shown.tasks.busy, timeout=10_000)
    return shown


def _page(window: MainWindow, key: str) -> object:
    assert window.workspace is not None
    return window.workspace.pages[key]


def _the_keyboard_is_in_the_case(window: MainWindow, qtbot: QtBot, reference: str) -> None:
    """The case ``reference`` opened, the keyboard inside it, and Ctrl+Tab changes its tab at
    once (before this, the keyboard stayed on the list that was hidden: Ctrl+Tab did nothing)."""
    case = _page(window, "case")
    assert isinstance(case, CaseWorkspace)
    qtbot.waitUntil(lambda: case.ui.reference.text() == reference, timeout=10_000)
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)
    assert window.workspace is not None and window.workspace.current_page() is case
    assert case.isAncestorOf(focused()), f"the keyboard stayed behind, on {where()}"
    shown = case.current_pane()
    press(qtbot, Qt.Key.Key_Tab, CTRL)
    assert case.current_pane() != shown, f"Ctrl+Tab did nothing; the keyboard is on {where()}"


def test_enter_on_a_row_of_today_opens_the_case_with_the_keyboard_in_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    today = _page(window, "today")
    assert isinstance(today, TodayPage)
    assert window.workspace is not None and window.workspace.current_page() is today
    qtbot.waitUntil(lambda: today.overdue.rowCount() > 0, timeout=10_000)
    tab_to(qtbot, exactly(today.ui.overdue.accessibleName()), "the overdue list")
    press(qtbot, Qt.Key.Key_Home)
    reference = today.overdue.rows()[today.ui.overdue.currentIndex().row()].reference
    press(qtbot, Qt.Key.Key_Return)
    _the_keyboard_is_in_the_case(window, qtbot, reference)


def test_enter_on_a_row_of_cases_opens_the_case_with_the_keyboard_in_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    press(qtbot, Qt.Key.Key_F, CTRL)  # Find a case, from wherever the keyboard is
    cases = _page(window, "cases")
    assert isinstance(cases, CasesPage)
    qtbot.waitUntil(lambda: cases.model.rowCount() == 2, timeout=10_000)
    assert focused() is cases.ui.search, where()
    press(qtbot, Qt.Key.Key_Down)
    reference = cases.model.rows[cases.ui.table.currentIndex().row()].reference
    press(qtbot, Qt.Key.Key_Return)
    _the_keyboard_is_in_the_case(window, qtbot, reference)


@pytest.mark.parametrize("key", [Qt.Key.Key_Down, Qt.Key.Key_Return])
def test_down_or_enter_from_the_case_search_goes_to_the_first_result(
    window: MainWindow, qtbot: QtBot, key: Qt.Key
) -> None:
    press(qtbot, Qt.Key.Key_F, CTRL)
    cases = _page(window, "cases")
    assert isinstance(cases, CasesPage)
    qtbot.waitUntil(lambda: cases.model.rowCount() == 2, timeout=10_000)
    type_text(qtbot, "luk")
    qtbot.waitUntil(lambda: cases.model.rowCount() == 1, timeout=10_000)
    assert focused() is cases.ui.search, where()
    press(qtbot, key)
    table = cases.ui.table
    # Enter runs the search typed (at once) and hands over when its results are in; Down
    # goes straight to the results on screen.
    qtbot.waitUntil(lambda: focused() is table, timeout=10_000)
    assert focused() is table, f"the results did not take the keyboard; it is on {where()}"
    assert table.currentIndex().row() == 0
    assert [index.row() for index in table.selectionModel().selectedRows()] == [0]
    assert "Łukasz Nowak" in cases.model.rows[0].parties


def test_enter_straight_after_typing_waits_for_the_results_it_asked_for(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Enter before the search has run: the keyboard goes to the new results when they come,
    not to the rows shown before the search (nor stays in the box when there were none)."""
    press(qtbot, Qt.Key.Key_F, CTRL)
    cases = _page(window, "cases")
    assert isinstance(cases, CasesPage)
    qtbot.waitUntil(lambda: cases.model.rowCount() == 2, timeout=10_000)
    type_text(qtbot, "zzzz")  # nothing matches: the list empties
    qtbot.waitUntil(lambda: cases.model.rowCount() == 0, timeout=10_000)
    assert cases.ui.count.text() == "No case matches this search and these filters"
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "luk")
    press(qtbot, Qt.Key.Key_Return)  # at once, before the typing pause starts the search
    table = cases.ui.table
    qtbot.waitUntil(lambda: focused() is table, timeout=10_000)
    assert cases.model.rowCount() == 1
    assert "Łukasz Nowak" in cases.model.rows[0].parties
    assert table.currentIndex().row() == 0
    assert cases.ui.count.text() == "1 case"
