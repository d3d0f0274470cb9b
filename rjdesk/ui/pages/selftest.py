"""``rjdesk --self-test`` with the desktop window: the checks of ``rjdesk.app.selftest``,
plus opening the main window offscreen over the test vault, unlocking it and closing it.

Qt is told to draw offscreen (unless ``QT_QPA_PLATFORM`` says otherwise) before any
QApplication exists, so the test needs no display. Qt's settings go to the temporary folder:
the window is handed a settings file there, and the default paths of Qt's settings point there
too, so the window geometry saved at close never reaches the user's real configuration.
A dialog that opens while the window is tested is closed and reported, never waited on.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from rjdesk.app import Vault, selftest
from rjdesk.app.selftest import SelfTestFailure, SelfTestRun, Step
from rjdesk.ui.app import make_application
from rjdesk.ui.main_window import MainWindow
from rjdesk.ui.toolkit.icons import icon

PLATFORM_ENV = "QT_QPA_PLATFORM"
WINDOW = "main window opened, unlocked and closed"
WAIT_SECONDS = 60.0
_SETTINGS_FORMATS = (QSettings.Format.NativeFormat, QSettings.Format.IniFormat)


def main(*, debug: bool = False) -> int:
    """``rjdesk --self-test``: print a line per check and a summary; 0 when all passed."""
    os.environ.setdefault(PLATFORM_ENV, "offscreen")
    window = Step(WINDOW, check_window, (selftest.VAULT_CREATED,))
    status = selftest.run_self_test(selftest.steps(window), out=sys.stdout, debug=debug)
    try:
        sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (| head): no complaint at exit either
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return status


def _wait(app: QApplication, done: Callable[[], bool], seconds: float = WAIT_SECONDS) -> bool:
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            return False
        app.processEvents()
        QThread.msleep(10)
    app.processEvents()
    return True


class _DialogCloser:
    """Closes any modal dialog that appears (nobody is there to answer it) and keeps its text."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.seen: list[str] = []
        # Only what the check makes counts (in a test process, an earlier window may linger).
        self.before = {id(widget) for widget in app.topLevelWidgets()}
        self.timer = QTimer()
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._close)
        self.timer.start()

    def _close(self) -> None:
        dialog = self.app.activeModalWidget()
        if dialog is None or id(dialog) in self.before:
            return
        text = dialog.text() if isinstance(dialog, QMessageBox) else dialog.windowTitle()
        self.seen.append(" ".join(text.split()) or type(dialog).__name__)
        dialog.close()


def check_window(run: SelfTestRun) -> str:
    run.lock()  # the window opens the vault itself, as at every start
    settings_dir = run.folder / "qt-settings"
    for settings_format in _SETTINGS_FORMATS:
        QSettings.setPath(settings_format, QSettings.Scope.UserScope, str(settings_dir))
    settings_file = settings_dir / "rjdesk.ini"

    def settings() -> QSettings:
        return QSettings(str(settings_file), QSettings.Format.IniFormat)

    app = make_application()
    if icon("rjdesk").isNull():
        raise SelfTestFailure("the window's icons are missing (resources/icons)")
    dialogs = _DialogCloser(app)
    errors: list[str] = []
    window = MainWindow(Vault(run.data_dir), settings=settings)
    window.tasks.default_failed = lambda error: errors.append(selftest.reason(error))
    try:
        window.show()
        _wait(app, window.isVisible, 10)
        if window.stack.currentWidget() is not window.unlock_page:
            raise SelfTestFailure("the window did not open on the unlock page")
        page = window.unlock_page
        page.ui.passphrase.setText(run.passphrase)
        page.unlock()
        finished = _wait(app, lambda: not window.tasks.busy or bool(dialogs.seen))
        problems = errors + dialogs.seen
        if problems:
            raise SelfTestFailure(problems[0])
        if not finished:
            raise SelfTestFailure(f"the window was still unlocking after {WAIT_SECONDS:.0f} s")
        if not window.is_unlocked:
            raise SelfTestFailure(f"it did not unlock: {page.ui.message.text() or 'no reason'}")
        if selftest.FACILITATOR not in window.windowTitle():
            raise SelfTestFailure("the unlocked window does not name the facilitator")
        window.close()  # as quitting does: locks the vault and saves the window geometry
        if _still_open(window):
            raise SelfTestFailure("closing the window did not lock the vault")
        if not settings_file.exists():
            raise SelfTestFailure("the window geometry was not saved in the test's settings")
        platform = QApplication.platformName()
    finally:
        dialogs.timer.stop()
        _dispose(app, window)
    return f"{platform} platform"


def _still_open(window: MainWindow) -> bool:
    return window.isVisible() or window.is_unlocked or window.ctx.vault.is_unlocked


def _dispose(app: QApplication, window: MainWindow) -> None:
    try:
        if window.isVisible():
            window.close()
    finally:
        window.sync.stop()
        window.sync.wait(10_000)
        window.tasks.wait_idle(10_000)
        window.ctx.vault.lock()  # whatever happened, no connection keeps the folder open
        window.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        app.processEvents()
