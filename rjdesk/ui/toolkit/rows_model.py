"""A read-only table over plain rows whose columns are given when it is made (short lists)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from rjdesk.ui.toolkit.table_model import Index, ListTableModel

R = TypeVar("R")
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column(Generic[R]):
    title: str
    text: Callable[[R], str]
    colour: Callable[[R], str | None] | None = None
    tooltip: Callable[[R], str] | None = None


class RowsModel(ListTableModel[R]):
    """Columns are (title, how to show a row); ``ROW_ROLE`` gives back the row itself."""

    def __init__(self, columns: Sequence[Column[R]]) -> None:
        super().__init__()
        self.columns = list(columns)

    def headers(self) -> Sequence[str]:
        return [column.title for column in self.columns]

    def row_at(self, index: Index) -> R | None:
        valid = index.isValid() and index.row() < len(self._rows)
        return self._rows[index.row()] if valid else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(row)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        return None
