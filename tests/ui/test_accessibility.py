"""Every control of every main screen has a name a screen reader can say and a keyboard path."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rjdesk.ui.case.workspace import CaseWorkspace
from rjdesk.ui.referral.wizard import ReferralWizard
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.workspace import Workspace
from tests.ui.conftest import wait_for_db

INPUTS = (QLineEdit, QPlainTextEdit, QTextEdit, QComboBox, QAbstractSpinBox)


def _nameless_inputs(root: QWidget) -> list[str]:
    missing = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or widget.parent() is None:
            continue
        if isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox):
            continue  # the line edit inside a combo or date box: its owner has the name
        if not widget.accessibleName().strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()}")
    return missing


def _unreachable_buttons(root: QWidget) -> list[str]:
    return [
        f"{type(b).__name__} {b.objectName()} {b.text()!r}"
        for b in root.findChildren(QAbstractButton)
        if b.focusPolicy() == Qt.FocusPolicy.NoFocus
        and b.text()
        and b.objectName()
        and not b.objectName().startswith("qt_")
    ]


def test_every_input_of_the_main_screens_has_an_accessible_name(
    ctx: UiContext, neighbour_case: str, qtbot: QtBot
) -> None:
    workspace = Workspace(ctx)
    qtbot.addWidget(workspace)
    workspace.open_case(neighbour_case, "overview")
    wait_for_db(qtbot, ctx)
    case_page = workspace.pages["case"]
    assert isinstance(case_page, CaseWorkspace) and case_page.snapshot is not None
    wizard = ReferralWizard(ctx, workspace)
    qtbot.addWidget(wizard)
    for root in (workspace, wizard):
        assert _nameless_inputs(root) == []
        assert _unreachable_buttons(root) == []
    # The walk really went through the forms (not a vacuous pass).
    inputs = [w for w in workspace.findChildren(QWidget) if isinstance(w, INPUTS)]
    assert len(inputs) > 40
    assert len(workspace.findChildren(QAbstractButton)) > 40
