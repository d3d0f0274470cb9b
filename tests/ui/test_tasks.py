"""Database work off the GUI thread: results and errors come back on it, in order, and a
progress dialog shows only for work that lasts."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QApplication, QProgressDialog
from pytestqt.qtbot import QtBot

from rjdesk.ui.toolkit.tasks import TaskRunner
from rjdesk_protocol.errors import RuleViolation


def _dialogs() -> list[QProgressDialog]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QProgressDialog) and w.isVisible()
    ]


def test_work_runs_off_the_gui_thread_one_at_a_time_and_reports_back_on_it(qtbot: QtBot) -> None:
    runner = TaskRunner()
    gui = threading.get_ident()
    seen: list[tuple[str, int]] = []
    for name in ("first", "second", "third"):
        runner.run(
            lambda name=name: (name, threading.get_ident()),
            lambda result: seen.append((result[0], threading.get_ident())),
        )
    qtbot.waitUntil(lambda: not runner.busy)
    assert [name for name, _ in seen] == ["first", "second", "third"]
    assert all(thread == gui for _, thread in seen), "callbacks run on the GUI thread"


def test_none_results_and_errors_come_back(qtbot: QtBot) -> None:
    runner = TaskRunner()
    results: list[object] = []
    errors: list[BaseException] = []
    runner.run(lambda: None, results.append)

    def refuse() -> None:
        raise RuleViolation("the case is closed")

    runner.run(refuse, results.append, errors.append)
    qtbot.waitUntil(lambda: not runner.busy)
    assert results == [None]
    assert [str(e) for e in errors] == ["the case is closed"]


def test_a_progress_dialog_shows_only_for_work_that_lasts(qtbot: QtBot) -> None:
    runner = TaskRunner()
    runner.run_with_progress(lambda progress: progress(1, 2), label="Quick")
    qtbot.waitUntil(lambda: not runner.busy)
    qtbot.wait(600)
    assert _dialogs() == []

    def slow(progress: object) -> str:
        for step in range(1, 5):
            time.sleep(0.25)
            progress(step, 4)  # type: ignore[operator]
        return "done"

    results: list[str] = []
    runner.run_with_progress(slow, results.append, label="Filling the demo vault")
    qtbot.waitUntil(lambda: bool(_dialogs()), timeout=2_000)
    assert _dialogs()[0].labelText() == "Filling the demo vault"
    qtbot.waitUntil(lambda: not runner.busy, timeout=5_000)
    qtbot.wait(50)
    assert results == ["done"]
    assert _dialogs() == []
