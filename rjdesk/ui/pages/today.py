"""Today: what is overdue, what is due this week, Victims' Code deadlines near or passed, and
recent cases."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from rjdesk.app.search import CaseRow
from rjdesk.app.today import DueItem, TodayView, today_overview
from rjdesk.ui.generated.today_page_ui import Ui_TodayPage
from rjdesk.ui.toolkit import style
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.dates import weekday_text
from rjdesk.ui.toolkit.labels import case_type_label, stage_label
from rjdesk.ui.toolkit.rows_model import ROW_ROLE, Column, RowsModel


def _when(item: DueItem, today: date) -> str:
    if item.due_on == today:
        return "Today"
    suffix = " (overdue)" if item.overdue else ""
    return weekday_text(item.due_on) + suffix


def _count(shown: int, total: int) -> str:
    return f"({total})" if shown >= total else f"({total}: the {shown} most urgent shown)"


class TodayPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_TodayPage()
        self.ui.setupUi(self)
        self.ui.title.setStyleSheet(style.heading_style(1.5))
        self._today = ctx.today()

        def late(item: DueItem) -> str | None:
            return style.colour("error") if item.overdue else None

        due_columns = [
            Column[DueItem]("When", lambda i: _when(i, self._today), late),
            Column[DueItem]("Case", lambda i: i.reference),
            Column[DueItem]("Who", lambda i: i.who, tooltip=lambda i: i.who),
            Column[DueItem]("What", lambda i: i.what, tooltip=lambda i: i.what),
        ]
        self.overdue: RowsModel[DueItem] = RowsModel(due_columns)
        self.due: RowsModel[DueItem] = RowsModel(due_columns)
        self.victims: RowsModel[DueItem] = RowsModel(
            [
                Column[DueItem]("Deadline", lambda i: _when(i, self._today), late),
                Column[DueItem]("Case", lambda i: i.reference),
                Column[DueItem]("Harmed person", lambda i: i.who),
                Column[DueItem]("What", lambda i: i.what),
            ]
        )
        self.recent: RowsModel[CaseRow] = RowsModel(
            [
                Column[CaseRow]("Case", lambda r: r.reference),
                Column[CaseRow]("Type", lambda r: case_type_label(r.case_type)),
                Column[CaseRow]("Stage", lambda r: stage_label(r.stage)),
                Column[CaseRow]("Parties", lambda r: r.parties),
            ]
        )
        # Each list opens its case at the tab where the work is done.
        for view, model, widths, pane in (
            (self.ui.overdue, self.overdue, (160, 150, 230), "agreement"),
            (self.ui.due, self.due, (160, 150, 230), "agreement"),
            (self.ui.victims, self.victims, (160, 150, 180), "people"),
            (self.ui.recent, self.recent, (150, 170, 120), ""),
        ):
            self._prepare(view, model, widths, pane)

    def _prepare(
        self,
        view: QTableView,
        model: RowsModel[DueItem] | RowsModel[CaseRow],
        widths: tuple[int, ...],
        pane: str,
    ) -> None:
        view.setModel(model)
        for column, width in enumerate(widths):
            view.setColumnWidth(column, width)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.activated.connect(lambda index: self._open(model, index, pane))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), view)
            shortcut.activated.connect(lambda: self._open(model, view.currentIndex(), pane))
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    def _open(
        self, model: RowsModel[DueItem] | RowsModel[CaseRow], index: QModelIndex, pane: str
    ) -> None:
        row = model.data(index, ROW_ROLE)
        if isinstance(row, DueItem):
            self.ctx.signals.open_case.emit(row.case_id, pane)
        elif isinstance(row, CaseRow):
            self.ctx.signals.open_case.emit(row.id, pane)

    def refresh(self) -> None:
        today, vault = self.ctx.today(), self.ctx.vault
        self.ctx.tasks.run(lambda: today_overview(vault, today), self._show)

    def _show(self, overview: TodayView) -> None:
        self._today = self.ctx.today()
        self.ui.date.setText(weekday_text(self._today))
        self.overdue.set_rows(overview.overdue)
        self.due.set_rows(overview.due)
        self.victims.set_rows(overview.victims_code)
        self.recent.set_rows(overview.recent)
        totals = overview.totals
        overdue = len(overview.overdue)
        self.ui.overdueLabel.setText(
            "&Overdue: agreed actions and agreement reviews past their date "
            + _count(overdue, totals.get("overdue", overdue))
        )
        # Nothing late, no list of it: the week's list is then the first thing on the page.
        self.ui.overdueLabel.setVisible(bool(overdue))
        self.ui.overdue.setVisible(bool(overdue))
        self.ui.dueLabel.setText(
            "&Due in the next 7 days: agreed actions and agreement reviews "
            + _count(len(overview.due), totals.get("due", len(overview.due)))
        )
        victims = len(overview.victims_code)
        self.ui.victimsLabel.setText(
            f"&Victims' Code: RJ information due or overdue "
            f"{_count(victims, totals.get('victims_code', victims))}"
        )

    def clear(self) -> None:
        for model in (self.overdue, self.due, self.victims, self.recent):
            model.clear()
