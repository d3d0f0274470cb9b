"""Follow-up of a signed agreement: the row under the actions table that records, for the
selected action, whether it was done, when that was checked, and a note."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from rjdesk.ui.case.agreement.models import ActionsModel
from rjdesk.ui.generated.agreement_pane_ui import Ui_AgreementPane
from rjdesk.ui.toolkit.labels import ACTION_STATUSES
from rjdesk_protocol.enums import ActionStatus


class FollowUp:
    """Fills the follow-up row from the selected action and reads back what was recorded."""

    def __init__(self, ui: Ui_AgreementPane, model: ActionsModel) -> None:
        self.ui, self.model = ui, model
        self._statuses = list(ACTION_STATUSES)
        self._today = QDate()
        for status in self._statuses:
            ui.status.addItem(ACTION_STATUSES[status])
        ui.actionsView.selectionModel().currentRowChanged.connect(lambda *_: self._fill())

    def show_for(self, today: date) -> None:
        self._today = QDate(today.year, today.month, today.day)
        self.ui.checkedOn.setMaximumDate(self._today)
        self._fill()

    def current(self) -> tuple[str, ActionStatus, date, str] | None:
        """The selected action's id and what the person recorded for it."""
        index = self.ui.actionsView.currentIndex()
        if not index.isValid():
            return None
        row = self.model.row(index.row())
        if row.action_id is None:
            return None
        checked = self.ui.checkedOn.date()
        return (
            row.action_id,
            self._statuses[self.ui.status.currentIndex()],
            date(checked.year(), checked.month(), checked.day()),
            self.ui.note.text(),
        )

    def clear(self) -> None:
        self.ui.note.clear()

    def _fill(self) -> None:
        ui = self.ui
        index = ui.actionsView.currentIndex()
        chosen = index.isValid() and self.model.row(index.row()).action_id is not None
        for widget in (ui.status, ui.checkedOn, ui.note, ui.recordCheckButton):
            widget.setEnabled(chosen)
        if not chosen:
            ui.note.clear()
            return
        row = self.model.row(index.row())
        ui.status.setCurrentIndex(self._statuses.index(row.status))
        checked = row.checked_on
        ui.checkedOn.setDate(
            QDate(checked.year, checked.month, checked.day) if checked else self._today
        )
        ui.note.setText(row.note)
