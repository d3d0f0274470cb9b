"""The message boxes the window shows, opened through the code that shows them: each is named
(its title), its sentence is heard, and the accessibility checks find nothing in it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from rjdesk.store.vault import Vault
from rjdesk.ui.case.agreement.tab import AgreementPane
from rjdesk.ui.case.workspace import CaseWorkspace
from rjdesk.ui.main_window import MainWindow
from rjdesk.ui.toolkit.messages import show_error
from rjdesk_protocol.errors import RuleViolation
from tests.ui.a11y.checks import accessible_name, all_problems
from tests.ui.a11y.conftest import draft_on, window_on
from tests.ui.test_window import when_modal


def _read_and_answer_no(seen: list[dict[str, Any]]) -> None:
    """When the box opens: note what a screen reader gets from it, then close it (No)."""

    def read(app: QApplication) -> None:
        box = app.activeModalWidget()
        assert isinstance(box, QMessageBox)
        label = box.findChild(QLabel, "qt_msgbox_label")
        seen.append({
            "name": accessible_name(box),
            "text": box.text(),
            "heard": accessible_name(label) if label is not None else "",
            "problems": all_problems(box),
        })  # fmt: skip
        box.reject()

    when_modal(read)


def _heard_whole(seen: list[dict[str, Any]], title: str) -> None:
    assert len(seen) == 1, seen
    (box,) = seen
    assert box["name"] == title
    assert box["text"] and box["text"] in box["heard"]
    assert box["problems"] == {}


def test_an_error_box_is_named_and_its_sentence_heard(
    case_window: tuple[MainWindow, CaseWorkspace], qtbot: QtBot
) -> None:
    window, _case = case_window
    seen: list[dict[str, Any]] = []
    _read_and_answer_no(seen)
    show_error(window, RuleViolation("the case is closed: reopen it first"), "Cannot save")
    _heard_whole(seen, "Cannot save")
    assert seen[0]["text"] == "The case is closed: reopen it first."


def test_discarding_a_draft_asks_in_a_box_that_is_named_and_heard(
    vault: Vault,
    conference_case: str,
    qtbot: QtBot,
) -> None:
    draft_on(vault, conference_case)
    _window, case_page = window_on(vault, conference_case, "agreement", qtbot)
    pane = case_page.findChild(AgreementPane)
    assert isinstance(pane, AgreementPane)
    assert pane.ui.discardButton.isVisible()
    seen: list[dict[str, Any]] = []
    _read_and_answer_no(seen)
    pane.ui.discardButton.click()
    _heard_whole(seen, "Discard draft")
    assert "cannot be undone" in seen[0]["text"]
    assert pane.ui.discardButton.isVisible()  # No kept the draft
