"""Choosing files without leaving a trail: Qt's file dialog, and its memory wiped after use.

Native dialogs keep their own "recent files" lists (the Windows registry, GTK's
recently-used.xbel) that rjdesk cannot clear, and a scan's file name can itself be personal
("statement_Kyle_Brennan.pdf"). Qt's own dialog remembers folders in Qt's settings file, which
rjdesk empties after every use.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

_OPTIONS = QFileDialog.Option.DontUseNativeDialog


def forget_file_dialog_history() -> None:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.remove("FileDialog")
    settings.remove("Qt/filedialog")
    settings.sync()


def choose_file_to_open(parent: QWidget | None, title: str, filters: str) -> Path | None:
    try:
        name, _ = QFileDialog.getOpenFileName(parent, title, "", filters, options=_OPTIONS)
    finally:
        forget_file_dialog_history()
    return Path(name) if name else None


def choose_file_to_save(
    parent: QWidget | None, title: str, suggested: str, filters: str
) -> Path | None:
    try:
        name, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters, options=_OPTIONS)
    finally:
        forget_file_dialog_history()
    return Path(name) if name else None
