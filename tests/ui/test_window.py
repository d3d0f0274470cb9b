"""The whole window as a facilitator meets it: first run, unlock, the case list, locking."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from rjdesk.app.today import TodayView
from rjdesk.domain.models import AuditEvent
from rjdesk.services import importer
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk.ui.case.workspace import CaseWorkspace
from rjdesk.ui.main_window import MainWindow
from rjdesk.ui.pages import today as today_page
from rjdesk.ui.pages.cases import CasesPage
from rjdesk.ui.pages.unlock import RecoveryKeyDialog
from tests.conftest import FACILITATOR, HATE_CRIME, PASSPHRASE
from tests.ui.widget_text import holding

CASE_TEXT = ["Marcia Bennett", "Łukasz Nowak", "Farnborough", "spring closer", "late-night music"]


def _open_files(path: Path) -> list[str]:
    """Files of this process open under ``path`` (Linux: /proc/self/fd)."""
    fds = Path("/proc/self/fd")
    if not fds.exists():
        pytest.skip("needs /proc")
    found = []
    for fd in os.listdir(fds):
        try:
            target = os.readlink(fds / fd)
        except OSError:
            continue
        if target.startswith(str(path)):
            found.append(target)
    return found


@pytest.fixture
def locked(vault: Vault, neighbour_case: str) -> Vault:
    """A vault holding the neighbour dispute, locked, as the window finds it at start."""
    with vault.unit_of_work() as uow:
        importer.import_case(uow, HATE_CRIME.read_bytes())
    vault.lock()
    return vault


@pytest.fixture
def window(locked: Vault, qtbot: QtBot) -> MainWindow:
    shown = MainWindow(Vault(locked.data_dir, clock=locked.clock))
    qtbot.addWidget(shown)
    shown.show()
    return shown


def unlock(window: MainWindow, qtbot: QtBot, passphrase: str = PASSPHRASE) -> None:
    page = window.unlock_page
    qtbot.keyClicks(page.ui.passphrase, passphrase)
    qtbot.keyClick(page.ui.passphrase, Qt.Key.Key_Return)


def unlocked(window: MainWindow, qtbot: QtBot) -> MainWindow:
    unlock(window, qtbot)
    qtbot.waitUntil(lambda: window.is_unlocked and not window.tasks.busy, timeout=10_000)
    return window


def case_in_window(
    vault: Vault, case_id: str, pane: str, qtbot: QtBot
) -> tuple[MainWindow, CaseWorkspace]:
    """The window as a facilitator starts it (on the locked vault), unlocked, with the case
    open on ``pane`` and loaded."""
    vault.lock()
    window = MainWindow(Vault(vault.data_dir, clock=vault.clock))
    qtbot.addWidget(window)
    window.show()
    unlocked(window, qtbot)
    window.ctx.signals.open_case.emit(case_id, pane)
    assert window.workspace is not None
    case_page = window.workspace.pages["case"]
    assert isinstance(case_page, CaseWorkspace)
    qtbot.waitUntil(lambda: case_page.snapshot is not None and not window.tasks.busy, timeout=5_000)
    return window, case_page


def when_modal(action: Callable[[QApplication], None]) -> None:
    """Answer the next modal dialog as a person would (exec() blocks the test otherwise)."""

    def poll() -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        if app.activeModalWidget() is None:
            QTimer.singleShot(20, poll)
        else:
            action(app)

    QTimer.singleShot(20, poll)


def test_first_run_creates_the_vault_and_shows_the_recovery_key_once(
    data_dir: Path, qtbot: QtBot
) -> None:
    window = MainWindow(Vault(data_dir))
    qtbot.addWidget(window)
    window.show()
    page = window.create_page
    assert window.stack.currentWidget() is page
    seen: list[str] = []

    def write_it_down(app: QApplication) -> None:
        dialog = app.activeModalWidget()
        assert isinstance(dialog, RecoveryKeyDialog)
        done = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not done.isEnabled(), "the key cannot be skipped"
        dialog.reject()  # Escape does not dismiss it either
        assert dialog.isVisible()
        seen.append(dialog.ui.key.text())
        dialog.ui.writtenDown.setChecked(True)
        done.click()

    when_modal(write_it_down)
    qtbot.keyClicks(page.ui.name, FACILITATOR)
    qtbot.keyClicks(page.ui.passphrase, PASSPHRASE)
    assert page.ui.strength.text()
    qtbot.keyClicks(page.ui.confirm, PASSPHRASE)
    qtbot.mouseClick(page.ui.createButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.is_unlocked, timeout=10_000)
    assert Vault.exists(data_dir)
    assert len(seen) == 1 and seen[0].count("-") == 7
    assert page.ui.passphrase.text() == "" and page.ui.confirm.text() == ""
    assert FACILITATOR in window.windowTitle() or window.tasks.busy


def test_a_mismatched_passphrase_is_caught_before_anything_is_made(
    data_dir: Path, qtbot: QtBot
) -> None:
    window = MainWindow(Vault(data_dir))
    qtbot.addWidget(window)
    page = window.create_page
    qtbot.keyClicks(page.ui.name, FACILITATOR)
    qtbot.keyClicks(page.ui.passphrase, PASSPHRASE)
    qtbot.keyClicks(page.ui.confirm, PASSPHRASE + "x")
    qtbot.mouseClick(page.ui.createButton, Qt.MouseButton.LeftButton)
    assert "differ" in page.ui.message.text()
    assert not Vault.exists(data_dir)


def test_a_wrong_passphrase_says_so_and_the_right_one_opens(
    window: MainWindow, qtbot: QtBot, locked: Vault
) -> None:
    page = window.unlock_page
    assert window.stack.currentWidget() is page
    unlock(window, qtbot, "not my passphrase")
    qtbot.waitUntil(lambda: "does not open" in page.ui.message.text(), timeout=10_000)
    assert page.ui.passphrase.text() == ""
    assert not window.is_unlocked
    unlock(window, qtbot)
    qtbot.waitUntil(lambda: window.is_unlocked, timeout=10_000)
    qtbot.waitUntil(lambda: not window.tasks.busy)
    with window.ctx.vault.reader() as session:
        events = session.query(AuditEvent).order_by(AuditEvent.id.desc()).limit(2).all()
    assert [e.action for e in reversed(events)] == ["unlock_failed", "unlock"]
    assert "1 wrong passphrase" in events[1].detail


def test_an_unlock_asks_for_today_once_and_shows_it(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[object] = []
    real = today_page.today_overview

    def counted(*args: Any, **kwargs: Any) -> TodayView:
        asked.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(today_page, "today_overview", counted)
    unlocked(window, qtbot)
    assert window.workspace is not None
    page = window.workspace.pages["today"]
    assert isinstance(page, today_page.TodayPage)
    assert window.workspace.current_page() is page
    assert page.recent.rowCount() > 0, "Today lists the cases worked on"
    assert len(asked) == 1, "the unlock asked the vault for Today more than once"


def _cases_page(window: MainWindow) -> CasesPage:
    assert window.workspace is not None
    page = window.workspace.pages["cases"]
    assert isinstance(page, CasesPage)
    return page


def _case_page(window: MainWindow) -> CaseWorkspace:
    assert window.workspace is not None
    page = window.workspace.pages["case"]
    assert isinstance(page, CaseWorkspace)
    return page


def test_the_case_list_searches_filters_and_opens_a_case_with_enter(
    window: MainWindow, qtbot: QtBot
) -> None:
    unlocked(window, qtbot)
    assert window.workspace is not None
    qtbot.keyClick(window.workspace, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    page = _cases_page(window)
    model = page.model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert page.ui.search.hasFocus()
    qtbot.keyClicks(page.ui.search, "luk")
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5_000)
    assert "Łukasz Nowak" in model.rows[0].parties
    page.ui.search.clear()
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=5_000)
    page.ui.stage.setCurrentIndex(page.ui.stage.findText("Assessment"))
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5_000)
    assert model.rows[0].case_type == "hate_crime"
    # Marked in words (a screen reader read the old "!" as "exclamation mark").
    assert "Victims' Code missed" in model.data(model.index(0, 2)), "the breach is marked"
    page.ui.stage.setCurrentIndex(0)
    page.ui.flag.setCurrentIndex(page.ui.flag.findText("Noise nuisance"))
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=5_000)
    reference = model.rows[0].reference
    page.ui.table.setFocus()
    page.ui.table.selectRow(0)
    qtbot.keyClick(page.ui.table, Qt.Key.Key_Return)
    case_page = _case_page(window)
    qtbot.waitUntil(lambda: case_page.ui.reference.text() == reference, timeout=5_000)
    assert window.workspace.current_page() is case_page


def test_sorting_the_case_list_asks_the_vault_again(window: MainWindow, qtbot: QtBot) -> None:
    unlocked(window, qtbot)
    assert window.workspace is not None
    window.workspace.show_page("cases")
    model = _cases_page(window).model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    qtbot.waitUntil(lambda: not window.tasks.busy)
    first = [row.reference for row in model.rows]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert [row.reference for row in model.rows] == list(reversed(first)) == sorted(first)[::-1]


def _open_neighbour_case(window: MainWindow, qtbot: QtBot, case_id: str) -> CaseWorkspace:
    window.ctx.signals.open_case.emit(case_id, "overview")
    page = _case_page(window)
    qtbot.waitUntil(lambda: page.snapshot is not None and not window.tasks.busy, timeout=5_000)
    return page


def test_locking_leaves_no_connection_no_case_text_and_unlocking_comes_back(
    window: MainWindow, qtbot: QtBot, neighbour_case: str, locked: Vault
) -> None:
    unlocked(window, qtbot)
    page = _open_neighbour_case(window, qtbot, neighbour_case)
    overview = page.panes[0]
    summary = overview.ui.summary  # type: ignore[attr-defined]
    summary.moveCursor(summary.textCursor().MoveOperation.End)
    qtbot.keyClicks(summary, " Draft typed before the lock.")
    assert holding(CASE_TEXT), "the case is on screen before the lock"

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert not window.is_unlocked
    assert window.stack.currentWidget() is window.unlock_page
    assert not window.ctx.vault.is_unlocked
    assert _open_files(locked.db_path) == [], "no SQLCipher connection stays open"
    assert holding([*CASE_TEXT, "Draft typed before the lock"]) == []

    unlocked(window, qtbot)
    page = _case_page(window)
    qtbot.waitUntil(lambda: page.snapshot is not None and not window.tasks.busy, timeout=5_000)
    assert page.case_id == neighbour_case
    assert page.current_pane() == "overview"
    restored = page.panes[0].ui.summary.toPlainText()  # type: ignore[attr-defined]
    assert restored.endswith("Draft typed before the lock.")


def test_the_app_locks_itself_after_the_idle_time(
    window: MainWindow, qtbot: QtBot, neighbour_case: str, locked: Vault
) -> None:
    unlocked(window, qtbot)
    _open_neighbour_case(window, qtbot, neighbour_case)
    assert holding(CASE_TEXT)
    window.idle_lock.set_interval(300)
    qtbot.waitUntil(lambda: not window.is_unlocked, timeout=5_000)
    assert window.stack.currentWidget() is window.unlock_page
    assert not window.ctx.vault.is_unlocked
    assert _open_files(locked.db_path) == [], "no SQLCipher connection stays open"
    assert holding(CASE_TEXT) == [], "no widget keeps case text"


def test_input_keeps_the_app_unlocked(window: MainWindow, qtbot: QtBot) -> None:
    unlocked(window, qtbot)
    window.idle_lock.set_interval(400)
    for _ in range(6):
        qtbot.wait(150)
        qtbot.keyClick(window, Qt.Key.Key_Shift)
    assert window.is_unlocked


def test_closing_the_window_locks_and_keeps_the_drafts(
    window: MainWindow, qtbot: QtBot, neighbour_case: str, locked: Vault
) -> None:
    unlocked(window, qtbot)
    page = _open_neighbour_case(window, qtbot, neighbour_case)
    page.panes[0].ui.summary.setPlainText("Quit before saving this.")  # type: ignore[attr-defined]
    window.close()
    assert not window.ctx.vault.is_unlocked
    reopened = Vault(locked.data_dir)
    reopened.unlock(PASSPHRASE)
    with reopened.reader() as session:
        from rjdesk.services.drafts import load_drafts

        assert load_drafts(session) == {
            f"{neighbour_case}/overview/summary": "Quit before saving this."
        }
        assert "Quit before" not in load_case(session, neighbour_case).summary
    reopened.lock()


def test_a_referral_half_typed_when_the_laptop_locks_is_back_after_the_unlock(
    window: MainWindow, qtbot: QtBot
) -> None:
    from rjdesk.services.people import PersonDetails
    from rjdesk.ui.case.people.participant_dialog import ParticipantEntry
    from rjdesk.ui.referral.wizard import ReferralWizard
    from rjdesk_protocol.enums import Role

    unlocked(window, qtbot)
    assert window.workspace is not None
    qtbot.keyClick(window.workspace, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    wizard = window.workspace._wizard
    assert isinstance(wizard, ReferralWizard)
    wizard.ui.caseType.setCurrentIndex(wizard.ui.caseType.findData("noise_nuisance"))
    qtbot.keyClicks(wizard.ui.referrerName, "Tom Allen")
    qtbot.keyClicks(wizard.ui.summary, "Dog barking through the night above flat 4.")
    wizard.people.add(ParticipantEntry(PersonDetails(name="Grace Okafor"), Role.HARMED))

    window.lock()
    assert holding(["Tom Allen", "Dog barking", "Grace Okafor"]) == []

    unlocked(window, qtbot)
    assert window.workspace is not None
    back = window.workspace._wizard
    assert isinstance(back, ReferralWizard) and back is not wizard
    assert back.ui.referrerName.text() == "Tom Allen"
    assert back.ui.summary.toPlainText() == "Dog barking through the night above flat 4."
    assert back.ui.caseType.currentData() == "noise_nuisance"
    assert [p.entry.details.name for p in back.people.people] == ["Grace Okafor"]
