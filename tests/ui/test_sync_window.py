"""Sync in the whole window: the status in the rail, background sync after an unlock and on a
timer, a slow hub that never freezes the window, and a lock that comes in the middle of a sync."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rjdesk.store.vault import Vault
from rjdesk.ui.main_window import MainWindow
from rjdesk.ui.pages.sync import worker as sync_worker
from rjdesk.ui.pages.sync.indicator import SyncIndicator
from rjdesk.ui.pages.sync.page import SyncPage
from tests.ui.sync_helpers import (
    enrol_with_stand_in,
    field_conflict,
    receive_conflicts,
    reference_of,
    slow_hub,
)
from tests.ui.test_window import _open_files, unlocked
from tests.ui.widget_text import holding

CASE_TEXT = ["Marcia Bennett", "Łukasz Nowak", "Farnborough", "Zqxhub value", "Zqxtheir value"]


def _window(vault: Vault, qtbot: QtBot) -> MainWindow:
    vault.lock()
    window = MainWindow(Vault(vault.data_dir, clock=vault.clock))
    qtbot.addWidget(window)
    window.show()
    return window


def _indicator(window: MainWindow) -> SyncIndicator:
    assert window.workspace is not None
    return window.workspace.sync_indicator


def _sync_page(window: MainWindow) -> SyncPage:
    assert window.workspace is not None
    page = window.workspace.pages["sync"]
    assert isinstance(page, SyncPage)
    return page


def _with_conflict(vault: Vault, case_id: str, url: str) -> None:
    hub, request = enrol_with_stand_in(vault, url)
    reference = reference_of(vault, case_id)
    receive_conflicts(vault, hub, request, [field_conflict(
        "c-1", case_id, reference, {"location": ("Zqxhub value", "Zqxtheir value")}
    )])  # fmt: skip


@pytest.fixture
def slow_url() -> Iterator[str]:
    with slow_hub(1.5) as url:
        yield url


def test_the_rail_says_not_connected_and_opens_the_sync_page(
    vault: Vault, qtbot: QtBot, dialogs: list[str]
) -> None:
    window = unlocked(_window(vault, qtbot), qtbot)
    indicator = _indicator(window)
    qtbot.waitUntil(lambda: indicator.current.sentence == "Not connected to a hub")
    assert indicator.text() == "Not connected\nto a hub"
    assert indicator.accessibleName() == "Sync status: Not connected to a hub"
    assert "Not connected to a hub" in indicator.accessibleDescription()
    assert "Alt+3" in indicator.toolTip()
    assert indicator.focusPolicy() != Qt.FocusPolicy.NoFocus
    assert not window.sync.view.running, "no hub: nothing to sync"
    qtbot.mouseClick(indicator, Qt.MouseButton.LeftButton)
    assert window.workspace is not None
    assert window.workspace.current_page() is _sync_page(window)
    window.workspace.show_page("today")
    qtbot.keyClick(window.workspace, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert window.workspace.current_page() is _sync_page(window)
    assert dialogs == []


def test_a_sync_runs_after_the_unlock_and_on_a_timer_and_offline_is_no_error(
    vault: Vault, neighbour_case: str, qtbot: QtBot, dialogs: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    enrol_with_stand_in(vault)  # its hub never answers
    monkeypatch.setattr(sync_worker, "SYNC_INTERVAL_MS", 300)
    window = _window(vault, qtbot)
    ended: list[bool] = []
    window.sync.finished.connect(lambda outcome: ended.append(outcome.offline))
    unlocked(window, qtbot)
    assert window.sync.interval_ms == 300
    qtbot.waitUntil(lambda: len(ended) >= 3, timeout=10_000)
    assert all(ended), "every sync found the hub offline"
    indicator = _indicator(window)
    qtbot.waitUntil(lambda: indicator.current.headline == "Offline", timeout=5_000)
    assert indicator.current.sentence.startswith("Offline — ")
    assert indicator.current.sentence.endswith("changes waiting")
    assert indicator.current.tone == "", "offline is said in words, not in the error colour"
    assert dialogs == [] and QApplication.activeModalWidget() is None
    # Ctrl+R syncs now, from any page.
    window.sync.set_interval(60_000)
    qtbot.waitUntil(lambda: not window.sync.view.running, timeout=10_000)
    before = len(ended)
    assert window.workspace is not None
    qtbot.keyClick(window.workspace, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(ended) == before + 1, timeout=10_000)


def test_the_window_stays_responsive_while_the_hub_is_slow(
    vault: Vault, qtbot: QtBot, slow_url: str
) -> None:
    enrol_with_stand_in(vault, slow_url)
    window = unlocked(_window(vault, qtbot), qtbot)
    qtbot.waitUntil(lambda: window.sync.view.running, timeout=5_000)
    indicator = _indicator(window)
    assert indicator.current.sentence == "Syncing…"
    page = _sync_page(window)
    assert window.workspace is not None
    window.workspace.show_page("sync")
    qtbot.waitUntil(lambda: not page.ui.syncButton.isEnabled())
    assert page.ui.progress.isVisible() and page.ui.activity.text()
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(20)
    started = time.monotonic()
    qtbot.waitUntil(lambda: not window.sync.view.running, timeout=10_000)
    timer.stop()
    took = time.monotonic() - started
    assert took > 0.5, "the sync really waited on the network"
    assert len(ticks) >= took / 0.02 / 3, "the GUI thread kept running while the sync waited"
    gaps = [b - a for a, b in itertools.pairwise(ticks)]
    assert max(gaps, default=0) < 0.5, "no freeze of the event loop"
    assert page.ui.syncButton.isEnabled() and not page.ui.progress.isVisible()


def test_locking_in_the_middle_of_a_sync_is_quiet_and_leaves_no_case_text(
    vault: Vault, neighbour_case: str, qtbot: QtBot, slow_url: str, dialogs: list[str]
) -> None:
    _with_conflict(vault, neighbour_case, slow_url)
    window = _window(vault, qtbot)
    unlocked(window, qtbot)
    assert window.workspace is not None
    window.workspace.show_page("sync")
    page = _sync_page(window)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5_000)
    page.ui.conflicts.selectRow(0)
    window.ctx.signals.open_case.emit(neighbour_case, "overview")
    qtbot.waitUntil(lambda: not window.tasks.busy)
    assert window.sync.view.running, "the sync after the unlock is waiting on the slow hub"
    assert holding(CASE_TEXT)

    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)

    assert not window.is_unlocked and not window.ctx.vault.is_unlocked
    assert holding(CASE_TEXT) == [], "no widget keeps case text"
    assert window.sync.wait(10_000), "the sync ended by itself"
    qtbot.wait(100)  # its end reaches the GUI thread
    assert not window.sync.view.running
    assert _open_files(vault.db_path) == [], "no SQLCipher connection outlives the lock"
    assert dialogs == [] and QApplication.activeModalWidget() is None
    assert window.stack.currentWidget() is window.unlock_page
    # Unlocking again works, and syncs again.
    unlocked(window, qtbot)
    qtbot.waitUntil(lambda: window.sync.view.running, timeout=5_000)
    window.lock()
    assert window.sync.wait(10_000)
