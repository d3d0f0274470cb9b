"""Victims' Code: the day a harmed person was given information about restorative justice."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget

from rjdesk.ui.case.people.participant_dialog import BusyUntilMessage
from rjdesk.ui.generated.rj_information_dialog_ui import Ui_RjInformationDialog
from rjdesk.ui.toolkit.dates import from_qdate, to_qdate
from rjdesk.ui.toolkit.form_check import refused_date, set_field_message
from rjdesk.ui.toolkit.messages import set_message
from rjdesk.ui.toolkit.screen import fit_dialog
from rjdesk_protocol.victims_code import VictimsCodeStatus, format_day


class RjInformationDialog(QDialog):
    """Asks for the date (today unless changed). OK emits ``submitted(date)``; the caller saves
    it, then calls ``accept()`` or ``show_refusal(sentence)``."""

    submitted = Signal(object)

    def __init__(
        self, parent: QWidget | None, *, name: str, status: VictimsCodeStatus, today: date
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_RjInformationDialog()
        self.ui.setupUi(self)
        fit_dialog(self)  # never larger than the screen it opens on
        self._busy = False
        self.ui.explanation.setText(
            f"{name}: referral received {format_day(status.received_on)}. The Victims' Code "
            f"asks that RJ information is given by {format_day(status.deadline)}."
        )
        given = status.given_on or today
        self.ui.givenOn.setMinimumDate(QDate(2000, 1, 1))
        self.ui.givenOn.setMaximumDate(to_qdate(today))
        self.ui.givenOn.setDate(to_qdate(given))
        set_message(self.ui.message, "")
        BusyUntilMessage(self.ui.message, lambda: self.set_busy(False))
        self.ui.buttons.accepted.connect(self._submit)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.givenOn.setFocus()

    def _submit(self) -> None:
        if self._busy or refused_date(self.ui.givenOn, message=self.ui.message):
            return
        self.set_busy(True)
        set_message(self.ui.message, "")
        self.submitted.emit(from_qdate(self.ui.givenOn.date()))

    def show_refusal(self, text: str) -> None:
        """The service's refusal is about the one date here: it goes when that is changed."""
        self.set_busy(False)
        set_field_message(self.ui.message, text, self.ui.givenOn)

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.ui.buttons.setEnabled(not busy)

    def reject(self) -> None:
        if not self._busy:
            super().reject()

    def ok_button(self) -> QPushButton:
        return self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
