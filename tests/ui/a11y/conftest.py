"""The window as a facilitator meets it, for the accessibility checks."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from rjdesk.store.vault import Vault
from rjdesk.ui.case.workspace import CaseWorkspace
from rjdesk.ui.main_window import MainWindow
from tests.ui.test_window import case_in_window

WINDOW_SIZE = (1200, 760)


@pytest.fixture
def case_window(
    vault: Vault, neighbour_case: str, qtbot: QtBot
) -> tuple[MainWindow, CaseWorkspace]:
    """The window, unlocked, with the neighbour dispute (signed agreement, follow-up) open."""
    window, case_page = case_in_window(vault, neighbour_case, "overview", qtbot)
    window.resize(*WINDOW_SIZE)
    return window, case_page
