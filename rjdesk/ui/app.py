"""Start the desktop window: ``rjdesk [--data-dir DIR]``."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from rjdesk import __version__
from rjdesk.store.vault import Vault, clock_from_env, resolve_data_dir
from rjdesk.ui.icons import icon
from rjdesk.ui.main_window import MainWindow


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
    return app


def main(*, data_dir: str | None = None, debug: bool = False) -> int:
    if debug:
        logging.getLogger("rjdesk").setLevel(logging.DEBUG)
    app = make_application()
    window = MainWindow(Vault(resolve_data_dir(data_dir), clock=clock_from_env()))
    window.show()
    return app.exec()
