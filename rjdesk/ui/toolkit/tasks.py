"""The window's one task runner: work off the GUI thread, answers back on it (STYLE habit 5).

Every read and write of the vault, and every talk with the hub, goes through ``TaskRunner.run``.
Work runs in one of two lanes, each a single background thread: the **database** lane (units
of work never race each other, as in Anki's executor) and the **network** lane (a sync waiting
on a slow hub never holds up a page that only reads the vault). When the work ends, on the GUI
thread and in this order: ``done(result)`` or ``failed(error)``, then ``then()`` whichever it
was. Widgets named in ``disable`` are disabled while the work runs and enabled again before
``done`` or ``failed`` runs, so a pane never keeps its own "saving" flag. A progress dialog
appears only for labelled work still running after half a second, so quick work never
flickers one up. ``busy`` speaks of the database lane only: a sync waiting on the network is
no reason for a page to wait.
"""

from __future__ import annotations

import enum
import itertools
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

from rjdesk.ui.toolkit.focus import hand_on

log = logging.getLogger(__name__)

PROGRESS_AFTER_MS = 500


class Progress(Protocol):
    """How work reports how far it got, from its own thread: ``progress(done, total)``, and
    optionally what it is doing (``"send"``), for a listener that says it in words."""

    def __call__(self, done: int, total: int, what: str = "", /) -> None: ...


ProgressListener = Callable[[int, int, str], None]


class Lane(enum.Enum):
    DATABASE = "database"
    NETWORK = "network"


class _Channel(QObject):
    """The runner's one way back to the GUI thread (it lives there; tasks emit from theirs).

    One channel serves every task, each naming itself by a number, and it lives as long as the
    runner. A QObject per task, deleted once its answer arrived, raced the worker thread still
    inside that answer's emit: under load, Qt's destructor then crashed the process."""

    done = Signal(int, object)
    failed = Signal(int, object)
    progress = Signal(int, object, object, str)  # (done, total): byte counts outgrow a C int


class _Task(QRunnable):
    def __init__(self, number: int, work: Callable[[Progress], Any], channel: _Channel) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._number, self._work, self._channel = number, work, channel

    def run(self) -> None:
        # Results travel boxed in a 1-tuple: a bare None sent through a queued Signal(object)
        # upsets shiboken's reference counting ("deallocating None").
        number, channel = self._number, self._channel

        def progress(done: int, total: int, what: str = "", /) -> None:
            channel.progress.emit(number, done, total, what)

        try:
            result = self._work(progress)
        except BaseException as error:  # noqa: BLE001 - handed to the GUI thread to report
            channel.failed.emit(number, (error,))
        else:
            channel.done.emit(number, (result,))


@dataclass
class _Answers:
    """What the GUI thread does with one task's answers."""

    done: Callable[[tuple[Any]], None]
    failed: Callable[[tuple[BaseException]], None]
    progressed: Callable[[int, int, str], None]


class TaskRunner(QObject):
    """Runs work in its lane's background thread; callbacks run on the GUI thread."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pools: dict[Lane, QThreadPool] = {}
        for lane in Lane:
            pool = QThreadPool(self)
            pool.setMaxThreadCount(1)
            self._pools[lane] = pool
        # Made after the pools, so destroyed after them: a pool's destructor waits for its
        # running task, which may still emit on the channel.
        self._channel = _Channel(self)
        self._channel.done.connect(self._done)
        self._channel.failed.connect(self._failed)
        self._channel.progress.connect(self._progressed)
        self._answers: dict[int, _Answers] = {}
        self._numbers = itertools.count(1)
        self._pending = dict.fromkeys(Lane, 0)
        self.default_failed: Callable[[BaseException], None] = _log_failure

    @Slot(int, object)
    def _done(self, number: int, boxed: tuple[Any]) -> None:
        answers = self._answers.pop(number, None)
        if answers is not None:
            answers.done(boxed)

    @Slot(int, object)
    def _failed(self, number: int, boxed: tuple[BaseException]) -> None:
        answers = self._answers.pop(number, None)
        if answers is not None:
            answers.failed(boxed)

    @Slot(int, object, object, str)
    def _progressed(self, number: int, done: int, total: int, what: str) -> None:
        answers = self._answers.get(number)
        if answers is not None:
            answers.progressed(done, total, what)

    @property
    def busy(self) -> bool:
        """True while database work has not yet called back (``busy_changed`` says when
        this changes). Work of the network lane is not counted: see ``pending``."""
        return self._pending[Lane.DATABASE] > 0

    def pending(self, lane: Lane) -> int:
        """How many tasks of ``lane`` have not yet called back."""
        return self._pending[lane]

    def run(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        *,
        then: Callable[[], None] | None = None,
        lane: Lane = Lane.DATABASE,
        disable: Sequence[QWidget] = (),
        label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """Run ``work()`` off the GUI thread; then ``done(result)`` or ``failed(error)`` (the
        window's default when None), then ``then()``. With a ``label``, a progress dialog shows
        if the work lasts more than half a second."""
        self.run_with_progress(
            lambda _progress: work(),
            done,
            failed,
            then=then,
            lane=lane,
            disable=disable,
            label=label,
            parent=parent,
        )

    def run_with_progress(
        self,
        work: Callable[[Progress], Any],
        done: Callable[[Any], None] | None = None,
        failed: Callable[[BaseException], None] | None = None,
        *,
        then: Callable[[], None] | None = None,
        lane: Lane = Lane.DATABASE,
        disable: Sequence[QWidget] = (),
        label: str = "",
        parent: QWidget | None = None,
        on_progress: ProgressListener | None = None,
    ) -> None:
        """Like ``run``; ``work(progress)`` may call ``progress(done, total[, what])``, which
        moves the progress dialog's bar and is passed on to ``on_progress`` on the GUI
        thread."""
        number = next(self._numbers)
        dialog: list[QProgressDialog] = []
        timer = QTimer(self)
        timer.setSingleShot(True)
        # A widget already disabled stays so; one deleted while the work runs is left alone.
        held = [widget for widget in disable if widget.isEnabled()]
        # Disabling the button just pressed sends the keyboard elsewhere, often nowhere: it
        # comes back when the work ends, unless the facilitator has moved it meanwhile.
        # Asked of the window, not the application: when a question asked first (a paper
        # signature), it has just closed, and the window's focus widget is the button pressed.
        window = held[0].window() if held else None
        pressed = window.focusWidget() if window is not None else None
        if pressed is not None and not any(w is pressed or w.isAncestorOf(pressed) for w in held):
            pressed = None
        for widget in held:
            hand_on(widget)
            widget.setEnabled(False)
        moved_to = window.focusWidget() if window is not None and pressed is not None else None

        def show_dialog() -> None:
            box = QProgressDialog(label, "", 0, 0, parent)
            box.setCancelButton(None)
            box.setMinimumDuration(0)
            box.setWindowTitle("rjdesk")
            box.setAccessibleName(label)
            box.show()
            dialog.append(box)

        def progressed(count: int, total: int, what: str) -> None:
            if dialog:
                # QProgressDialog counts in int: a large total is scaled to thousandths.
                scaled = total > 2**31 - 1
                dialog[0].setMaximum(1000 if scaled else total)
                dialog[0].setValue(count * 1000 // total if scaled else count)
            if on_progress is not None:
                on_progress(count, total, what)

        def finish() -> None:
            timer.stop()
            for box in dialog:
                box.close()
                box.deleteLater()
            for widget in held:
                if isValid(widget):
                    widget.setEnabled(True)
            if (
                pressed is not None
                and isValid(pressed)
                and pressed.isEnabled()
                and pressed.isVisible()
                and window is not None
                and window.focusWidget() is moved_to
            ):
                pressed.setFocus(Qt.FocusReason.OtherFocusReason)
            timer.deleteLater()
            self._pending[lane] -= 1
            if lane is Lane.DATABASE and not self._pending[lane]:
                self.busy_changed.emit(False)

        def on_done(boxed: tuple[Any]) -> None:
            finish()
            try:
                if done is not None:
                    done(boxed[0])
            finally:
                if then is not None:
                    then()

        def on_failed(boxed: tuple[BaseException]) -> None:
            finish()
            try:
                (failed or self.default_failed)(boxed[0])
            finally:
                if then is not None:
                    then()

        self._answers[number] = _Answers(on_done, on_failed, progressed)
        if label:
            timer.timeout.connect(show_dialog)
            timer.start(PROGRESS_AFTER_MS)
        if lane is Lane.DATABASE and not self._pending[lane]:
            self.busy_changed.emit(True)
        self._pending[lane] += 1
        self._pools[lane].start(_Task(number, work, self._channel))

    def delete_when_answered(self, widget: QWidget, *, lane: Lane = Lane.DATABASE) -> None:
        """Delete ``widget`` once the lane has answered all the work queued before now (it
        runs in order): a dialog closed while its save runs still gets the save's answer.
        By then Qt may have deleted it with its parent (a lock deletes the whole tab): then
        it is left alone."""

        def delete() -> None:
            if isValid(widget):
                widget.deleteLater()

        self.run(lambda: None, then=delete, lane=lane)

    def wait_idle(self, msecs: int = -1, *, lane: Lane = Lane.DATABASE) -> bool:
        """Block until the lane's queued work has run (used before locking); True when idle."""
        return self._pools[lane].waitForDone(msecs)


def _log_failure(error: BaseException) -> None:
    log.error("background work failed: %s", type(error).__name__)
