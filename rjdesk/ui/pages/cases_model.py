"""The case list as a table model, fed a page at a time from the database thread.

The model never holds the whole vault: it asks for 100 rows, and for 100 more when the view
scrolls near the end (``canFetchMore``/``fetchMore``). A new search, filter or sort starts a
new "generation"; pages that arrive for an older one are dropped, so a slow answer to an old
query never overwrites a newer list.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from rjdesk.app import Vault
from rjdesk.app.search import CaseFilter, CasePage, CaseRow, page_of_cases
from rjdesk.ui.toolkit import style
from rjdesk.ui.toolkit.dates import day_text
from rjdesk.ui.toolkit.labels import case_type_label, flag_label, stage_label
from rjdesk.ui.toolkit.tasks import TaskRunner

PAGE_SIZE = 100
CASE_ID_ROLE = Qt.ItemDataRole.UserRole + 1

REFERENCE, TYPE, STAGE, PARTIES, NEXT_DUE, RISK, FLAGS = range(7)
HEADERS = ("Reference", "Type", "Stage", "Parties", "Next due", "Risk", "Flags")
# The sort key of each column, as rjdesk.app.search understands it.
SORT_KEYS = ("reference", "case_type", "stage", "parties", "next_due", "risk_level", "updated_at")

Index = QModelIndex | QPersistentModelIndex


class CaseTableModel(QAbstractTableModel):
    """Rows of ``CaseRow`` (plain data); knows columns and roles, not SQL."""

    loaded = Signal(int)  # the total number of cases matching, after a new query

    def __init__(self, vault: Vault, tasks: TaskRunner, today: date) -> None:
        super().__init__()
        self.vault, self.tasks, self.today = vault, tasks, today
        self.rows: list[CaseRow] = []
        self.total = 0
        self.filters = CaseFilter()
        self.sort_key = ""
        self.descending: bool | None = None
        self._generation = 0
        self._fetching = False

    # -- queries ------------------------------------------------------------------------------

    def set_filters(self, filters: CaseFilter) -> None:
        self.filters = filters
        self.reload()

    def reload(self) -> None:
        """Start again from the first page with the current filters and sort."""
        self._generation += 1
        self._fetching = False
        self._request(0, with_total=True)

    def _request(self, offset: int, *, with_total: bool) -> None:
        generation, filters = self._generation, self.filters
        sort, descending, today = self.sort_key, self.descending, self.today
        self._fetching = True

        def work() -> CasePage:
            return page_of_cases(
                self.vault,
                filters,
                today=today,
                sort=sort,
                descending=descending,
                limit=PAGE_SIZE,
                offset=offset,
                with_total=with_total,
            )

        self.tasks.run(
            work,
            lambda page: self._arrived(generation, page),
            lambda _error: self._failed(generation),
        )

    def _failed(self, generation: int) -> None:
        if generation == self._generation:
            self._fetching = False

    def _arrived(self, generation: int, page: CasePage) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        if page.offset == 0:
            self.beginResetModel()
            self.rows = list(page.rows)
            self.endResetModel()
        elif page.rows:
            start = len(self.rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
            self.rows.extend(page.rows)
            self.endInsertRows()
        if page.total is not None:
            self.total = page.total
            self.loaded.emit(page.total)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._fetching and len(self.rows) < self.total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if self.canFetchMore(parent):
            self._request(len(self.rows), with_total=False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column; column -1 (Qt's "no sort indicator") is newest change first."""
        if 0 <= column < len(SORT_KEYS):
            self.sort_key = SORT_KEYS[column]
            self.descending = order == Qt.SortOrder.DescendingOrder
        else:
            self.sort_key, self.descending = "", None
        self.reload()

    def clear(self) -> None:
        self._generation += 1
        self.beginResetModel()
        self.rows = []
        self.total = 0
        self.endResetModel()

    # -- the table ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            # The words carry the meaning (overdue, a missed deadline); colour only underlines.
            return self._text(row, column)
        if role == CASE_ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and column == RISK and row.risk_level:
            return QColor(style.colour(row.risk_level.value))
        if role == Qt.ItemDataRole.ForegroundRole and column == NEXT_DUE and row.next_due:
            return QColor(style.colour("error")) if row.next_due < self.today else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == STAGE and row.victims_code_breach:
                return "A Victims' Code deadline was missed on this case."
            if column == PARTIES:
                return row.parties
        return None

    def _text(self, row: CaseRow, column: int) -> str:
        if column == REFERENCE:
            return row.reference
        if column == TYPE:
            return case_type_label(row.case_type)
        if column == STAGE:
            missed = " (Victims' Code missed)" if row.victims_code_breach else ""
            return stage_label(row.stage) + missed
        if column == PARTIES:
            return row.parties
        if column == NEXT_DUE:
            if row.next_due is None:
                return ""
            overdue = " (overdue)" if row.next_due < self.today else ""
            return day_text(row.next_due) + overdue
        if column == RISK:
            return row.risk_level.value.capitalize() if row.risk_level else ""
        return ", ".join(flag_label(f) for f in row.flags)

    def case_id(self, row: int) -> str | None:
        return self.rows[row].id if 0 <= row < len(self.rows) else None
