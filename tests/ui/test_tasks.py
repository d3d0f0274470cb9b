"""Work off the GUI thread: results and errors come back on it, in order, then ``then``; a
slow network task never holds up database work; widgets are greyed out while work runs, and a
greyed-out button gets the keyboard back (unless the person moved it meanwhile); and a
progress dialog shows only for work that lasts."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from rjdesk.ui.toolkit.tasks import Lane, Progress, TaskRunner
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


def test_a_slow_network_task_does_not_hold_up_database_work(qtbot: QtBot) -> None:
    runner = TaskRunner()
    release = threading.Event()
    order: list[str] = []
    runner.run(lambda: release.wait(5), lambda _: order.append("network"), lane=Lane.NETWORK)
    runner.run(lambda: "read", order.append)
    qtbot.waitUntil(lambda: order == ["read"], timeout=2_000)
    assert not runner.busy, "a sync waiting on the network does not make the database busy"
    assert runner.pending(Lane.NETWORK) == 1
    release.set()
    qtbot.waitUntil(lambda: order == ["read", "network"], timeout=5_000)
    assert runner.wait_idle(1_000, lane=Lane.NETWORK)
    assert runner.pending(Lane.NETWORK) == 0


def test_then_runs_after_done_or_failed_whichever_happened(qtbot: QtBot) -> None:
    runner = TaskRunner()
    order: list[str] = []

    def refuse() -> None:
        raise RuleViolation("the case is closed")

    runner.run(lambda: 1, lambda _: order.append("done"), then=lambda: order.append("then 1"))
    runner.run(
        refuse,
        lambda _: order.append("done?"),
        lambda error: order.append(f"failed: {error}"),
        then=lambda: order.append("then 2"),
    )

    def explode(_result: object) -> None:
        order.append("done raised")
        raise RuntimeError("a bug in a callback")

    with qtbot.captureExceptions() as raised:
        runner.run(lambda: 3, explode, then=lambda: order.append("then 3"))
        qtbot.waitUntil(lambda: len(order) == 6)
    assert [str(error) for _type, error, _tb in raised] == ["a bug in a callback"], (
        "a bug in a callback is not swallowed"
    )
    assert order == [
        "done", "then 1", "failed: the case is closed", "then 2", "done raised", "then 3",
    ]  # fmt: skip


def test_widgets_are_disabled_while_the_work_runs_and_enabled_before_done(qtbot: QtBot) -> None:
    runner = TaskRunner()
    save, cancel, already_off = QPushButton("Save"), QPushButton("Cancel"), QPushButton("Off")
    for button in (save, cancel, already_off):
        qtbot.addWidget(button)
    already_off.setEnabled(False)
    release = threading.Event()
    seen_in_done: list[bool] = []
    runner.run(
        lambda: release.wait(5),
        lambda _: seen_in_done.append(save.isEnabled() and cancel.isEnabled()),
        disable=[save, cancel, already_off],
    )
    assert not save.isEnabled() and not cancel.isEnabled()
    release.set()
    qtbot.waitUntil(lambda: seen_in_done == [True])
    assert save.isEnabled() and cancel.isEnabled()
    assert not already_off.isEnabled(), "a widget disabled before stays so"


def _pane(qtbot: QtBot) -> tuple[QWidget, QPushButton, QPushButton, QLineEdit]:
    """A shown, active window with "Signed on paper" (holding the keyboard), "Preview" and a
    note; the caller keeps the window, or Python lets it go with its buttons."""
    pane = QWidget()
    qtbot.addWidget(pane)
    layout = QVBoxLayout(pane)
    signed, preview, note = QPushButton("Signed on paper"), QPushButton("Preview"), QLineEdit()
    for widget in (signed, preview, note):
        layout.addWidget(widget)
    pane.show()
    pane.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is pane)
    signed.setFocus()
    qtbot.waitUntil(signed.hasFocus)
    return pane, signed, preview, note


def test_a_button_greyed_out_while_its_work_runs_gets_the_keyboard_back(qtbot: QtBot) -> None:
    runner = TaskRunner()
    _window, signed, preview, _note = _pane(qtbot)
    release = threading.Event()
    focus_in_done: list[bool] = []
    # Space on the button: its work starts and greys it out, which sends the keyboard on.
    runner.run(
        lambda: release.wait(5),
        lambda _: focus_in_done.append(signed.hasFocus()),
        disable=[signed],
    )
    assert not signed.isEnabled() and QApplication.focusWidget() is preview
    release.set()
    qtbot.waitUntil(lambda: bool(focus_in_done))
    assert focus_in_done == [True], "the keyboard is back before done runs"
    assert QApplication.focusWidget() is signed


def test_the_keyboard_stays_where_the_person_moved_it_while_the_work_ran(qtbot: QtBot) -> None:
    runner = TaskRunner()
    _window, signed, preview, note = _pane(qtbot)
    release = threading.Event()
    finished: list[str] = []
    runner.run(lambda: release.wait(5), lambda _: finished.append("done"), disable=[signed])
    assert QApplication.focusWidget() is preview
    qtbot.keyClick(preview, Qt.Key.Key_Tab)  # the facilitator moves on to the note meanwhile
    assert QApplication.focusWidget() is note
    release.set()
    qtbot.waitUntil(lambda: finished == ["done"])
    assert signed.isEnabled()
    assert QApplication.focusWidget() is note, "the keyboard is left where it was moved"


def test_a_widget_deleted_while_the_work_runs_is_left_alone(qtbot: QtBot) -> None:
    runner = TaskRunner()
    pane = QWidget()
    button = QPushButton("Save", pane)
    release = threading.Event()
    errors: list[BaseException] = []
    finished: list[str] = []
    runner.run(
        lambda: release.wait(5),
        lambda _: finished.append("done"),
        errors.append,
        then=lambda: finished.append("then"),
        disable=[button],
    )
    assert not button.isEnabled()
    pane.deleteLater()  # the case was closed meanwhile
    qtbot.waitUntil(lambda: not isValid(button))
    release.set()
    qtbot.waitUntil(lambda: finished == ["done", "then"])
    assert errors == []


def test_progress_reaches_the_listener_with_what_is_being_done(qtbot: QtBot) -> None:
    runner = TaskRunner()
    heard: list[tuple[int, int, str]] = []
    gui = threading.get_ident()
    threads: list[int] = []

    def work(progress: Progress) -> None:
        progress(1, 3)
        progress(5_000_000_000, 6_000_000_000, "send")  # an upload's bytes outgrow a C int

    def listen(done: int, total: int, what: str) -> None:
        heard.append((done, total, what))
        threads.append(threading.get_ident())

    runner.run_with_progress(work, lane=Lane.NETWORK, on_progress=listen)
    qtbot.waitUntil(lambda: len(heard) == 2)
    assert heard == [(1, 3, ""), (5_000_000_000, 6_000_000_000, "send")]
    assert threads == [gui, gui]
