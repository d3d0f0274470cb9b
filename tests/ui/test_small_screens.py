"""Every screen and dialog is usable on a 13-inch laptop (1366x768 at 100%) and on a 1080p
screen at 150% (1280x720 device-independent pixels), less the taskbar and a title bar: every
button is on screen, or in a scroll area that brings it into view when it takes focus."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rjdesk.ui.toolkit.screen import fit_dialog, follow_focus, scrolling, usable_size
from tests.ui.screen_sizes import SCREENS, ScreenSize, environment

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("screen", SCREENS, ids=lambda screen: screen.name)
def test_every_button_of_every_screen_and_dialog_can_be_reached(
    screen: ScreenSize, tmp_path: Path
) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tests.ui.small_screens", str(tmp_path / "walk")],
        env=environment(screen, tmp_path),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["problems"] == []
    checked = report["checked"]
    # The walk really went everywhere: the pages, both cases' tabs, the wizard, the dialogs.
    for where in (
        "first run",
        "unlock",
        "Today",
        "Cases",
        "Sync",
        "Settings",
        "neighbour-dispute overview",
        "neighbour-dispute people",
        "neighbour-dispute agreement",
        "neighbour-dispute outcomes",
        "hate-crime-early overview",
        "hate-crime-early risk",
        "new referral page 1",
        "new referral page 3",
        "PDF preview",
        "close case",
        "signature",
        "add a person",
        "RJ information",
        "change passphrase",
    ):
        assert checked.get(where, 0) > 0, where
    assert sum(checked.values()) > 200


def test_a_dialog_never_opens_larger_than_the_screen(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    fit_dialog(dialog, QSize(20_000, 20_000))
    dialog.show()
    usable = usable_size(dialog)
    assert dialog.width() <= usable.width() and dialog.height() <= usable.height()
    # and a dialog that asks for less keeps what it asked for
    small = QDialog()
    qtbot.addWidget(small)
    fit_dialog(small, QSize(300, 200))
    small.show()
    assert small.size() == QSize(300, 200)


def test_a_control_taking_focus_in_a_scroll_area_is_scrolled_into_view(
    qtbot: QtBot, qapp: QApplication
) -> None:
    follow_focus(qapp)
    content = QWidget()
    content.setObjectName("longForm")
    layout = QVBoxLayout(content)
    fields = [QLineEdit(content) for _ in range(40)]
    for field in fields:
        field.setAccessibleName("Field")
        layout.addWidget(field)
    save = QPushButton("Save", content)
    layout.addWidget(save)
    window = QWidget()
    qtbot.addWidget(window)
    area = scrolling(content, "Long form")
    QVBoxLayout(window).addWidget(area)
    window.resize(300, 200)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    def shown(widget: QWidget) -> bool:
        top = widget.mapTo(area.viewport(), widget.rect().topLeft()).y()
        return top >= 0 and top + widget.height() <= area.viewport().height()

    assert not shown(save)
    save.setFocus()  # as a mnemonic or a click would: not Tab, which Qt already follows
    qtbot.waitUntil(lambda: shown(save))
    fields[0].setFocus()
    qtbot.waitUntil(lambda: shown(fields[0]))
    # The scroll area itself is not a nameless tab stop.
    assert isinstance(area, QScrollArea) and area.accessibleName() == "Long form"
    assert not area.focusPolicy() & area.focusPolicy().TabFocus
