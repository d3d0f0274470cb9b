"""The window as a facilitator meets it, for the accessibility checks."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from rjdesk.services import agreements
from rjdesk.services.agreements import ActionInput
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk.ui.case.workspace import CaseWorkspace
from rjdesk.ui.main_window import MainWindow
from tests.services import builders
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


def window_on(
    vault: Vault, case_id: str, pane: str, qtbot: QtBot
) -> tuple[MainWindow, CaseWorkspace]:
    """The window at the facilitator's size with the case open on ``pane``, all loaded."""
    window, case_page = case_in_window(vault, case_id, pane, qtbot)
    window.resize(*WINDOW_SIZE)
    qtbot.waitUntil(lambda: not window.tasks.busy)
    return window, case_page


@pytest.fixture
def conference_case(vault: Vault) -> str:
    """A neighbour dispute with a conference recorded and no agreement yet."""
    with vault.unit_of_work() as uow:
        case, marcia, lukasz = builders.ready_for_conference(uow)
        builders.conference(uow, case, marcia, lukasz)
        return case.id


def draft_on(vault: Vault, case_id: str) -> None:
    """Save a draft agreement (one action, for Marcia) on the case."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        marcia = case.participants[0]
        agreements.draft_agreement(
            uow,
            case,
            summary="Both households agree to keep the peace.",
            actions=[ActionInput("Keep the shared path clear.", owner=marcia)],
        )
