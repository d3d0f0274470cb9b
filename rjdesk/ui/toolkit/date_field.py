"""The one date entry of every form: typed as dd/mm/yyyy, or picked from a calendar.

QDateEdit edits a date section by section and quietly puts back its last value when what was
typed falls outside its range, so "01/01/2027" became 07/01/2026 and "05122026" lost digits.
Here what is typed stays as typed: a date that is not a day, or that the rules refuse (the
field's earliest and latest day, the same the service applies), keeps its text and gets one
sentence under it. The calendar offers only the days the rules allow.

The API follows QDateEdit's (QDate in and out, ``dateChanged``), so forms promote to it.
``date()`` is the last accepted day; ``problem()`` says why what is typed is not accepted.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCalendarWidget, QWidget

from rjdesk.ui.generated.date_field_ui import Ui_DateField
from rjdesk.ui.toolkit.dates import (
    DateTypingError,
    day_text,
    entry_text,
    from_qdate,
    parse_typed,
    to_qdate,
)

_EARLIEST = QDate(1900, 1, 1)
_LATEST = QDate(2100, 12, 31)


class DateField(QWidget):
    """A typed date with a calendar button and a one-line message when it is refused."""

    dateChanged = Signal(QDate)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._date = QDate.currentDate()
        self._minimum = _EARLIEST
        self._maximum = _LATEST
        self._special = ""
        self._problem = ""
        self.ui = Ui_DateField()
        self.ui.setupUi(self)
        self.edit = self.ui.dateText
        self.button = self.ui.calendarButton
        self.message = self.ui.dateMessage
        self.edit.setMinimumWidth(self.edit.fontMetrics().horizontalAdvance("00/00/0000") + 24)
        self.setFocusProxy(self.edit)
        self.calendar: QCalendarWidget | None = None
        self.edit.textEdited.connect(self._typed)
        self.edit.editingFinished.connect(self._tidy)
        self.edit.installEventFilter(self)
        self.button.clicked.connect(self.open_calendar)
        self._show()

    # -- QDateEdit's API, as the forms and pages use it ------------------------------------
    def date(self) -> QDate:
        return QDate(self._date)

    def setDate(self, value: QDate) -> None:
        if not value.isValid():
            return  # as QDateEdit: an invalid date changes nothing
        self._set_problem("")
        changed = value != self._date
        self._date = QDate(value)
        self._show()
        if changed:
            self.dateChanged.emit(QDate(value))

    def minimumDate(self) -> QDate:
        return QDate(self._minimum)

    def maximumDate(self) -> QDate:
        return QDate(self._maximum)

    def setMinimumDate(self, value: QDate) -> None:
        if not value.isValid():
            return
        self._minimum = QDate(value)
        self._maximum = max(self._maximum, self._minimum)

    def setMaximumDate(self, value: QDate) -> None:
        if not value.isValid():
            return
        self._maximum = QDate(value)
        self._minimum = min(self._minimum, self._maximum)

    def setDateRange(self, earliest: QDate, latest: QDate) -> None:
        self._minimum, self._maximum = QDate(earliest), QDate(max(earliest, latest))

    def setSpecialValueText(self, text: str) -> None:
        """What the field shows while its date is the earliest allowed (e.g. "Not known")."""
        self._special = text
        self._show()

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)
        self.button.setAccessibleName(f"Calendar for {name.lower()}")

    def setToolTip(self, text: str) -> None:
        super().setToolTip(text)
        self.edit.setToolTip(text)

    def setReadOnly(self, read_only: bool) -> None:
        self.edit.setReadOnly(read_only)
        self.button.setEnabled(not read_only)

    def isReadOnly(self) -> bool:
        return self.edit.isReadOnly()

    def text(self) -> str:
        return self.edit.text()

    # -- what is typed ---------------------------------------------------------------------
    def problem(self) -> str:
        """The sentence shown under the field when what is typed is not accepted, else ""."""
        return self._problem

    def check(self) -> str:
        """Before a save: show why what is typed is not accepted under the field now (even
        while the person is still in it) and return that sentence ("" when accepted)."""
        if self._problem:
            self._set_problem(self._problem)
        return self._problem

    def _typed(self, text: str) -> None:
        try:
            day = parse_typed(text)
        except DateTypingError as refused:
            # Said once the person has finished typing (see _tidy), not at every keystroke.
            self._problem = str(refused)
            return
        refusal = self._refusal(to_qdate(day))
        self._problem = refusal
        if refusal:
            return
        self._set_problem("")
        if to_qdate(day) != self._date:
            self._date = to_qdate(day)
            self.dateChanged.emit(QDate(self._date))

    def _tidy(self) -> None:
        """When typing ends: a refused date is said under the field and its text stays; an
        accepted one is written as dd/mm/yyyy (the same day)."""
        if self._problem:
            self._set_problem(self._problem)
        elif self.edit.text().strip():
            self._show()

    def _refusal(self, day: QDate) -> str:
        """Why the rules refuse a real day here ("" when they allow it)."""
        if day < self._minimum:
            return f"The date cannot be before {day_text(from_qdate(self._minimum))}."
        if day > self._maximum:
            latest = day_text(from_qdate(self._maximum))
            if self._maximum == QDate.currentDate():
                return f"The date cannot be after today, {latest}."
            return f"The date cannot be after {latest}."
        return ""

    def _set_problem(self, sentence: str) -> None:
        self._problem = sentence
        self.message.setText(sentence)
        self.message.setVisible(bool(sentence))
        self.edit.setAccessibleDescription(sentence)

    def _show(self) -> None:
        if self._special and self._date == self._minimum:
            self.edit.setText(self._special)
        else:
            self.edit.setText(entry_text(from_qdate(self._date)))

    # -- the calendar ----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and event.modifiers() & Qt.KeyboardModifier.AltModifier
        ):
            self.open_calendar()
            return True
        return super().eventFilter(watched, event)

    def open_calendar(self) -> None:
        """A calendar of the days the rules allow, on the shown (or nearest allowed) day."""
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setObjectName("calendarPopup")
            self.calendar.setAccessibleName(f"Calendar: {self.accessibleName()}".strip(": "))
            self.calendar.activated.connect(self._picked)
            self.calendar.clicked.connect(self._picked)
        calendar = self.calendar
        calendar.setDateRange(self._minimum, self._maximum)
        calendar.setSelectedDate(min(max(self._date, self._minimum), self._maximum))
        calendar.adjustSize()
        calendar.move(self.edit.mapToGlobal(QPoint(0, self.edit.height())))
        calendar.show()
        calendar.setFocus()

    def _picked(self, value: QDate) -> None:
        if self.calendar is not None:
            self.calendar.hide()
        self.setDate(value)
        self.edit.setFocus()
