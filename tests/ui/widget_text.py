"""Every piece of text the widgets of the application hold, to look for case text in them."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)


def _model_texts(model: QAbstractItemModel | None) -> Iterator[str]:
    if model is None:
        return
    root = QModelIndex()
    # A list model's columnCount is private in Qt: it has one column.
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
    for row in range(model.rowCount(root)):
        for column in range(columns):
            index = model.index(row, column)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield value


def widget_texts(widget: QWidget) -> Iterator[str]:
    yield widget.windowTitle()
    yield widget.toolTip()
    yield widget.accessibleName()
    if isinstance(widget, QLineEdit):
        yield widget.text()
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        yield widget.toPlainText()
    elif isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    elif isinstance(widget, QComboBox):
        yield from (widget.itemText(i) for i in range(widget.count()))
    elif isinstance(widget, QTabWidget):
        yield from (widget.tabText(i) for i in range(widget.count()))
    if isinstance(widget, QAbstractItemView):
        yield from _model_texts(widget.model())


def all_texts() -> Iterator[str]:
    """Text of every widget that still exists in the application."""
    for widget in QApplication.allWidgets():
        try:
            yield from widget_texts(widget)
        except RuntimeError:  # deleted on the C++ side while we walked
            continue


def holding(needles: list[str]) -> list[str]:
    return sorted({text for text in all_texts() if any(n in text for n in needles)})
