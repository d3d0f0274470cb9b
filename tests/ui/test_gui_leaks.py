"""The foundation's canary test, through the window: a note typed (saved, and left unsaved),
a lock, an unlock and a quit leave the canary in no file outside the encrypted vault —
including Qt's settings and caches and the temp folder."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rjdesk.store.vault import Vault
from rjdesk.ui.case.contacts.tab import ContactsPane
from rjdesk.ui.case.workspace import CaseWorkspace
from rjdesk.ui.main_window import window_settings
from tests.canary import files_holding, forms
from tests.ui.test_window import case_in_window, unlocked
from tests.ui.widget_text import holding

TYPED = "Qzxguicanary 4471 typed in a note"
PASTED = "Żółwik Qzxpasted 9083"  # typed with an IME or pasted: not plain ASCII


@pytest.fixture
def watched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every folder the window may write to: Qt's settings and caches (XDG, set by the ui
    conftest), and a temp folder of this test's own."""
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    return [tmp_path / "home", temp]


def test_a_canary_typed_in_the_window_reaches_no_plain_file(
    vault: Vault, neighbour_case: str, watched: list[Path], qtbot: QtBot
) -> None:
    window, case_page = case_in_window(vault, neighbour_case, "contacts", qtbot)
    contacts = next(p for p in case_page.panes if isinstance(p, ContactsPane))

    # One note saved for real...
    qtbot.keyClicks(contacts.ui.notes, f"Saved: {TYPED}")
    contacts.ui.notes.appendPlainText(PASTED)
    contacts.save()
    qtbot.waitUntil(
        lambda: not window.tasks.busy and contacts.ui.notes.toPlainText() == "", timeout=5_000
    )
    # ...and one left half-typed when the laptop locks.
    qtbot.keyClicks(contacts.ui.notes, f"Unsaved: {TYPED}")
    contacts.ui.notes.appendPlainText(PASTED)

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert holding([TYPED, "Qzxpasted"]) == [], "no widget keeps the text while locked"

    unlocked(window, qtbot)
    case_page = window.workspace.pages["case"]  # a new workspace after the unlock
    assert isinstance(case_page, CaseWorkspace)
    qtbot.waitUntil(lambda: case_page.snapshot is not None and not window.tasks.busy, timeout=5_000)
    contacts = next(p for p in case_page.panes if isinstance(p, ContactsPane))
    assert contacts.ui.notes.toPlainText() == f"Unsaved: {TYPED}\n{PASTED}"

    window.close()  # quitting locks, keeps the draft in the vault and writes Qt's settings
    qtbot.wait(50)
    settings = Path(window_settings().fileName())
    assert settings.exists(), "the window geometry was saved, so Qt's settings were written"
    assert any(settings.is_relative_to(folder) for folder in watched)

    needles = [*forms(TYPED), *forms("Qzxpasted"), *forms("qzxguicanary"), *forms("qzxpasted")]
    for folder in [vault.data_dir, *watched]:
        assert files_holding(folder, needles) == [], folder
