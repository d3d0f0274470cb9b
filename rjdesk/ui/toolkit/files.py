"""Choosing files without leaving a trail: Qt's file dialog, and its memory wiped after use.

Native dialogs keep their own "recent files" lists (the Windows registry, GTK's
recently-used.xbel) that rjdesk cannot clear, and a scan's file name can itself be personal
("statement_Kyle_Brennan.pdf"). Qt's own dialog remembers folders in Qt's settings file, which
rjdesk empties after every use.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

_OPTIONS = QFileDialog.Option.DontUseNativeDialog


def forget_file_dialog_history() -> None:
    settings = QSettings(QSettings.Scope.UserScope, "QtProject")
    settings.remove("FileDialog")
    settings.remove("Qt/filedialog")
    settings.sync()


def documents_folder() -> Path:
    """Where a saved copy starts: the user's Documents folder, or their home folder when there
    is none (never the working directory, which is wherever rjdesk happened to start)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if found and Path(found).is_dir():
        return Path(found)
    return Path.home()


def choose_file_to_open(parent: QWidget | None, title: str, filters: str) -> Path | None:
    try:
        name, _ = QFileDialog.getOpenFileName(parent, title, "", filters, options=_OPTIONS)
    finally:
        forget_file_dialog_history()
    return Path(name) if name else None


def choose_file_to_save(
    parent: QWidget | None, title: str, suggested: str, filters: str
) -> Path | None:
    """The file to save to; the dialog starts in ``documents_folder()`` with ``suggested``
    (a file name) filled in."""
    start = str(documents_folder() / Path(suggested).name)
    try:
        name, _ = QFileDialog.getSaveFileName(parent, title, start, filters, options=_OPTIONS)
    finally:
        forget_file_dialog_history()
    return Path(name) if name else None
