"""The Cases page: search as you type, filters, sorting, Enter opens a case."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QHeaderView, QWidget

from rjdesk.app.search import CaseFilter
from rjdesk.ui.generated.cases_page_ui import Ui_CasesPage
from rjdesk.ui.pages.cases_model import CASE_ID_ROLE, PARTIES, CaseTableModel
from rjdesk.ui.toolkit import style
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.labels import CASE_TYPES, FLAGS, STAGES
from rjdesk_protocol.enums import CaseType, Flag, Stage

# Long enough to skip the keystrokes of a word being typed, short enough to feel immediate.
SEARCH_DEBOUNCE_MS = 250


def _fill(combo: QComboBox, everything: str, items: dict[str, str]) -> None:
    combo.addItem(everything, None)
    for value, label in items.items():
        combo.addItem(label, value)


class CasesPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_CasesPage()
        self.ui.setupUi(self)
        self.ui.title.setStyleSheet(style.heading_style(1.5))
        _fill(self.ui.stage, "Any stage", {k.value: v for k, v in STAGES.items()})
        _fill(self.ui.caseType, "Any type", {k.value: v for k, v in CASE_TYPES.items()})
        _fill(self.ui.flag, "Any flag", {k.value: v for k, v in FLAGS.items()})
        self.model = CaseTableModel(ctx.vault, ctx.tasks, ctx.today())
        self.model.loaded.connect(self._show_count)
        table = self.ui.table
        header = table.horizontalHeader()
        # Newest change first until the facilitator sorts by a column. Set before the model is:
        # a sorting view asks its model to sort when the indicator moves, and the list is to be
        # asked for once, below, not twice while the window is being built after an unlock.
        header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
        table.setModel(self.model)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The names are what the eye looks for: they take the room that is left.
        header.setSectionResizeMode(PARTIES, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setSortIndicatorShown(True)
        for column, width in enumerate((150, 150, 215, 260, 150, 70, 140)):
            table.setColumnWidth(column, width)
        table.activated.connect(self._open_index)
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut = QShortcut(QKeySequence(key), table, self.open_current)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.apply_filters)
        self.ui.search.textChanged.connect(lambda _text: self._debounce.start())
        self.ui.search.returnPressed.connect(self._search_now)
        # Down from the search box goes to the results, as in a browser's address bar.
        to_results = QShortcut(QKeySequence(Qt.Key.Key_Down), self.ui.search, self.focus_results)
        to_results.setContext(Qt.ShortcutContext.WidgetShortcut)
        for combo in (self.ui.stage, self.ui.caseType, self.ui.flag):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.ui.openOnly.toggled.connect(self.apply_filters)
        # Reload only when something changed since the list was last asked for: showing the page
        # must not throw away a query already on its way (or answered a moment ago).
        self._stale = False
        # Enter in the search box: the keyboard goes to the results once they have come.
        self._focus_when_loaded = False
        # Bound methods, never lambdas: Qt drops a method's connection when the page is
        # destroyed (at every lock), while a lambda would outlive it and fail on each change.
        ctx.signals.cases_changed.connect(self._mark_stale)
        ctx.signals.case_changed.connect(self._case_changed)
        self.model.reload()

    def _case_changed(self, _case_id: str) -> None:
        self._mark_stale()

    def _mark_stale(self) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Bring the list up to date when the page is shown, if a case changed meanwhile."""
        today = self.ctx.today()
        if self._stale or today != self.model.today:
            self.model.today = today
            self.apply_filters()

    def apply_filters(self) -> None:
        self._debounce.stop()
        self._stale = False
        stage, case_type = self.ui.stage.currentData(), self.ui.caseType.currentData()
        flag = self.ui.flag.currentData()
        self.model.set_filters(
            CaseFilter(
                search=self.ui.search.text(),
                stage=Stage(stage) if stage else None,
                case_type=CaseType(case_type) if case_type else None,
                flag=Flag(flag) if flag else None,
                include_closed=not self.ui.openOnly.isChecked(),
            )
        )

    def _search_now(self) -> None:
        self._focus_when_loaded = True
        self.apply_filters()

    def focus_results(self) -> None:
        """The keyboard to the list, on its first case (Enter then opens it)."""
        if self.model.rowCount():
            self.ui.table.setFocus(Qt.FocusReason.OtherFocusReason)
            self.ui.table.selectRow(0)

    def _show_count(self, total: int) -> None:
        word = "case" if total == 1 else "cases"
        filters = self.model.filters
        narrowed = bool(filters.search.strip()) or any(
            (filters.stage, filters.case_type, filters.flag, not filters.include_closed)
        )
        if total == 0 and narrowed:
            self.ui.count.setText("No case matches this search and these filters")
        else:
            self.ui.count.setText(f"{total:,} {word}")
        if total and not self.ui.table.currentIndex().isValid():
            self.ui.table.selectRow(0)
        if self._focus_when_loaded:
            self._focus_when_loaded = False
            self.focus_results()

    def focus_search(self) -> None:
        self.ui.search.setFocus()
        self.ui.search.selectAll()

    def open_current(self) -> None:
        self._open_index(self.ui.table.currentIndex())

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            case_id = self.model.data(index, CASE_ID_ROLE)
            if case_id:
                self.ctx.signals.open_case.emit(case_id, "")

    def clear(self) -> None:
        # Quietly: a search started now would run against a vault about to be locked.
        self.ui.search.blockSignals(True)
        self.ui.search.clear()
        self.ui.search.blockSignals(False)
        self._debounce.stop()
        self.ui.count.clear()
        self.model.clear()
