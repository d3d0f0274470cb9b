"""Every page and case tab, read as a screen reader, voice control and a keyboard read it."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from rjdesk.ui.case.workspace import CaseWorkspace
from rjdesk.ui.main_window import MainWindow
from tests.ui.a11y.checks import assert_accessible

PAGES = ("today", "cases", "mywork", "sync", "settings")
PANES = ("overview", "people", "risk", "contacts", "agreement", "documents", "outcomes", "history")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_is_heard_and_reached(
    page: str, case_window: tuple[MainWindow, CaseWorkspace], qtbot: QtBot
) -> None:
    window, _case = case_window
    assert window.workspace is not None
    window.workspace.show_page(page)
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert_accessible(window)


@pytest.mark.parametrize("pane", PANES)
def test_every_case_tab_is_heard_and_reached(
    pane: str, case_window: tuple[MainWindow, CaseWorkspace], qtbot: QtBot
) -> None:
    window, case_page = case_window
    case_page.show_pane(pane)
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert case_page.current_pane() == pane
    assert_accessible(window)
