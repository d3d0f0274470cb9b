"""How the People tab's table shares out its room on a small laptop screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QSplitter, QTableView

from rjdesk.ui.case.people.model import PeopleModel

# Shares of the table's width: seven columns fit a 13-inch laptop without scrolling sideways,
# long texts wrap inside their cell, and the details below show everything in full. The phone
# column is as wide as a phone number instead: a number split over two lines is misread.
WEIGHTS = {
    PeopleModel.NAME: 13,
    PeopleModel.ROLE: 15,
    PeopleModel.LANGUAGE: 11,
    PeopleModel.ACCESS_NEEDS: 17,
    PeopleModel.CONSENT: 15,
    PeopleModel.VICTIMS_CODE: 22,
}
MIN_WIDTH = 70
PHONE_SAMPLE = "07700 900000 "
# A row is at most this many lines of text: a long access-needs note is cut short (with "…")
# rather than pushing the names of everyone else out of the list; the details show it all.
MAX_ROW_LINES = 3
ROW_MARGIN = 6


class ColumnFit(QObject):
    """Keeps the table's columns in their shares of its width as the window is resized (the
    facilitator can still drag a column until the next resize); rows grow to fit wrapped text."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        rows.setMaximumSectionSize(max_row_height(table))
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        table = self._table
        header = table.horizontalHeader()
        phone = table.fontMetrics().horizontalAdvance(PHONE_SAMPLE) + 12
        header.resizeSection(PeopleModel.PHONE, phone)
        width, total = table.viewport().width() - phone, sum(WEIGHTS.values())
        for column, weight in WEIGHTS.items():
            if column != PeopleModel.VICTIMS_CODE:  # the last column takes what is left
                header.resizeSection(column, max(MIN_WIDTH, width * weight // total))


def max_row_height(table: QTableView) -> int:
    return table.fontMetrics().lineSpacing() * MAX_ROW_LINES + ROW_MARGIN


def fit_table_height(table: QTableView, splitter: QSplitter) -> bool:
    """Give the table the height its rows need (up to 60%) and the details below the rest.
    When they do not all fit, the table ends at the foot of a row: a list cut through a row
    reads as if that half were all there is. False when the splitter has no size yet (not
    shown): try again once it is."""
    total = sum(splitter.sizes())
    if total <= 0 or not table.isVisible():
        return False
    table.resizeRowsToContents()
    chrome = table.horizontalHeader().height() + 2 * table.frameWidth()
    room = max(table.minimumHeight(), total * 6 // 10) - chrome
    rows = [table.rowHeight(row) for row in range(table.model().rowCount())]
    if sum(rows) + 8 <= room:
        height = chrome + sum(rows) + 8  # all of them, and a little air below
    else:
        shown = 0
        for row_height in rows:
            if shown + row_height > room:
                break
            shown += row_height
        height = chrome + max(shown, rows[0] if rows else 0)
    height = max(table.minimumHeight(), height)
    splitter.setSizes([height, total - height])
    return True
