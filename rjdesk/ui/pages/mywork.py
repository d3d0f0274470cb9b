"""My work: the facilitator's own figures from this laptop's vault (issue 16) — open cases by
stage, and for a financial-year quarter the Victims' Code deadlines met and missed, the agreed
actions done, not done and still pending, and the cases closed by reason.

Each chart is for the eyes; the table beside it holds the same figures for a screen reader and
the keyboard. The figures are read off the GUI thread through the task runner.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QHeaderView, QTableView, QWidget

from rjdesk.app.mywork import Figure, MyWorkView, my_work, quarters
from rjdesk.ui.generated.mywork_page_ui import Ui_MyWorkPage
from rjdesk.ui.toolkit import style
from rjdesk.ui.toolkit.bar_chart import BarChart
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.rows_model import Column, RowsModel

# Where a rail entry's keys would clash: Ctrl+M minimises a window on macOS (Cmd+M).
MYWORK_SHORTCUT = "Ctrl+J"


def _model(first: str) -> RowsModel[Figure]:
    return RowsModel(
        [Column[Figure](first, lambda f: f.label), Column[Figure]("Count", lambda f: str(f.count))]
    )


class MyWorkPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_MyWorkPage()
        self.ui.setupUi(self)
        self.ui.title.setStyleSheet(style.heading_style(1.5))
        for key in ("open", "victims", "actions", "closed"):
            getattr(self.ui, f"{key}Label").setStyleSheet(style.heading_style(1.1))
        self.view: MyWorkView | None = None
        self.sections: dict[str, tuple[BarChart, QTableView, RowsModel[Figure]]] = {}
        for key, first in (
            ("open", "Stage"),
            ("victims", "Deadline"),
            ("actions", "Action"),
            ("closed", "Reason"),
        ):
            chart = getattr(self.ui, f"{key}Chart")
            table = getattr(self.ui, f"{key}Table")
            model = _model(first)
            table.setModel(model)
            header = table.horizontalHeader()
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
            self.sections[key] = (chart, table, model)
        self._quarters_from: date | None = None
        self.ui.quarter.currentIndexChanged.connect(lambda _index: self.refresh())

    def _fill_quarters(self, today: date) -> None:
        """The quarter containing today and the ones before it; kept as they are until today
        moves into another quarter (the laptop left open over a quarter's end)."""
        choices = quarters(today)
        if self._quarters_from is not None and self.ui.quarter.itemData(0) == choices[0].key:
            return
        chosen = self.ui.quarter.currentData()
        self.ui.quarter.blockSignals(True)
        self.ui.quarter.clear()
        for choice in choices:
            self.ui.quarter.addItem(choice.label, choice.key)
        index = self.ui.quarter.findData(chosen)
        self.ui.quarter.setCurrentIndex(max(0, index))
        self.ui.quarter.blockSignals(False)
        self._quarters_from = today

    def refresh(self) -> None:
        today, vault = self.ctx.today(), self.ctx.vault
        self._fill_quarters(today)
        quarter = self.ui.quarter.currentData()
        self.ctx.tasks.run(lambda: my_work(vault, today, quarter), self._show)

    def _show(self, view: MyWorkView) -> None:
        self.view = view
        for key, figures in (
            ("open", view.open_by_stage),
            ("victims", view.victims_code),
            ("actions", view.actions),
            ("closed", view.closed),
        ):
            chart, table, model = self.sections[key]
            model.set_rows(figures)
            chart.set_figures([(figure.label, figure.count) for figure in figures])
            self._line_up(chart, table)
        self.ui.openLabel.setText(f"&Open cases now, by stage ({view.open_cases})")
        so_far = "so far " if view.current else ""
        note = f"Counted {so_far}in {view.quarter.label}."
        if view.from_cases_gone:
            gone = view.from_cases_gone
            note += (
                f" {gone} of these {'count was' if gone == 1 else 'counts were'} kept from cases "
                "no longer on this laptop (given to another facilitator), as counts only."
            )
        self.ui.note.setText(note)

    @staticmethod
    def _line_up(chart: BarChart, table: QTableView) -> None:
        """The table as tall as its rows (no scrolling inside a page that scrolls), and each bar
        level with its row."""
        header = table.horizontalHeader().sizeHint().height()
        rows = table.verticalHeader()
        height = header + rows.length() + 2 * table.frameWidth()
        table.setFixedHeight(height)
        chart.line_up(header + table.frameWidth(), rows.defaultSectionSize())
        chart.setFixedHeight(height)

    def clear(self) -> None:
        self.view = None
        for chart, _table, model in self.sections.values():
            model.clear()
            chart.set_figures([])
        self.ui.note.clear()
