"""The History tab: the case's audit events, newest first, as the audit log records them.

The events are read on the database thread when the tab is shown or the case reloads while it
is shown (a hidden tab only notes that it is out of date)."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHeaderView, QWidget

from rjdesk.app.history import EventRow, case_events
from rjdesk.ui.case.pane import CasePane
from rjdesk.ui.generated.history_pane_ui import Ui_HistoryPane
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.messages import sentence, set_message
from rjdesk.ui.toolkit.table_model import ListTableModel

Index = QModelIndex | QPersistentModelIndex


class HistoryModel(ListTableModel[EventRow]):
    """When / who / what / detail."""

    WHEN, WHO, WHAT, DETAIL = range(4)
    HEADERS: ClassVar[tuple[str, ...]] = ("When", "Who", "What", "Detail")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        row = self._rows[index.row()]
        return (row.when, row.who, row.what, row.detail)[index.column()]


class HistoryPane(CasePane):
    """The audit log of one case, newest first."""

    key = "history"
    title = "History"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_HistoryPane()
        self.ui.setupUi(self)
        self.model = HistoryModel(self)
        self.ui.historyView.setModel(self.model)
        header = self.ui.historyView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HistoryModel.DETAIL, QHeaderView.ResizeMode.Stretch)
        # One line per event, packed: a 13-inch screen shows a few more of them.
        rows = self.ui.historyView.verticalHeader()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        set_message(self.ui.message, "")
        # Which load is current: an answer for an earlier case (or from before a lock) is
        # dropped rather than shown.
        self._generation = 0
        self._stale = False

    def refresh_view(self) -> None:
        self._stale = True
        if self.isVisible():
            self.load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.snapshot is not None:
            self.load()

    def load(self) -> None:
        if self.snapshot is None:
            return
        self._stale = False
        self._generation += 1
        generation, vault, reference = self._generation, self.ctx.vault, self.case.reference

        def done(rows: list[EventRow]) -> None:
            if generation == self._generation:
                self.model.set_rows(rows)
                set_message(self.ui.message, "")

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                set_message(self.ui.message, sentence(error), error=True)

        self.ctx.tasks.run(lambda: list(case_events(vault, reference)), done, failed)

    def clear(self) -> None:
        self._generation += 1
        self._stale = False
        self.model.set_rows([])
        self.ui.message.clear()
