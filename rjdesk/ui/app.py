"""Start the desktop window: ``rjdesk [--data-dir DIR]``."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from rjdesk import __version__
from rjdesk.app import Vault, clock_from_env, resolve_data_dir
from rjdesk.ui.main_window import MainWindow
from rjdesk.ui.toolkit.icons import icon
from rjdesk.ui.toolkit.screen import follow_focus

# Test setting (README): save a picture of the first screen to this file and quit.
GRAB_ENV = "RJDESK_GRAB_WINDOW"
_GRAB_AFTER_MS = 1500


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, set up once (tests reuse pytest-qt's)."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("rjdesk")
    QCoreApplication.setApplicationName("rjdesk")
    QCoreApplication.setApplicationVersion(__version__)
    # Crisp at 125% and 150% scaling: keep Qt's fractional scale factors (Qt 6 default).
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(argv or sys.argv[:1])
    app.setWindowIcon(icon("rjdesk"))
    app.setDesktopFileName("rjdesk")
    follow_focus(app)  # a control that takes focus in a scroll area is scrolled into view
    return app


def main(*, data_dir: str | None = None, debug: bool = False) -> int:
    if debug:
        logging.getLogger("rjdesk").setLevel(logging.DEBUG)
    app = make_application()
    window = MainWindow(Vault(resolve_data_dir(data_dir), clock=clock_from_env()))
    window.show()
    picture = os.environ.get(GRAB_ENV)
    if picture:
        QTimer.singleShot(_GRAB_AFTER_MS, lambda: _grab_and_quit(window, picture))
    return app.exec()


def _grab_and_quit(window: MainWindow, path: str) -> None:
    """The build check's look at a frozen app: the first screen (before any unlock, so no case
    is on it) saved as a picture, then the window closes."""
    if not window.grab().save(path):
        sys.stderr.write(f"rjdesk: could not save the window's picture to {path}\n")
        QApplication.exit(1)
        return
    window.close()
    QApplication.exit(0)
