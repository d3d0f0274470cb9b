"""Closing a case and reopening it, from the Overview tab.

Closing asks for a reason with none chosen (a preselected "Completed" was closed with by
accident) and warns when agreed actions are still pending; a closed case is reopened with a
reason, back at the stage it had before closing (DESIGN §2).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget

from rjdesk.app import closing
from rjdesk.app.views import CaseView
from rjdesk.ui.generated.close_case_dialog_ui import Ui_CloseCaseDialog
from rjdesk.ui.toolkit import style
from rjdesk.ui.toolkit.dates import from_qdate, to_qdate
from rjdesk.ui.toolkit.form_check import refused_date
from rjdesk.ui.toolkit.labels import CLOSURE_REASONS, STAGES
from rjdesk.ui.toolkit.messages import set_message
from rjdesk.ui.toolkit.reason_dialog import ReasonDialog
from rjdesk.ui.toolkit.screen import fit_dialog
from rjdesk_protocol.enums import ClosureReason


class CloseCaseDialog(QDialog):
    """The reason (none chosen until the facilitator picks one), the day and a note; a warning
    when the agreement in force still has actions to follow up."""

    def __init__(
        self, today: date, parent: QWidget | None = None, *, case: CaseView | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_CloseCaseDialog()
        self.ui.setupUi(self)
        fit_dialog(self)  # never larger than the screen it opens on
        reason = self.ui.reason
        for value, label in CLOSURE_REASONS.items():
            reason.addItem(label, value.value)
        reason.setPlaceholderText("Choose a reason")
        reason.setCurrentIndex(-1)
        self.ui.closedOn.setDate(to_qdate(today))
        self.ui.closedOn.setMaximumDate(to_qdate(today))
        self.close_button.setText("Close case")
        warning = closing.pending_warning(case) if case is not None else ""
        set_message(self.ui.pendingWarning, warning)
        if warning:
            self.ui.pendingWarning.setStyleSheet(
                f"color: {style.colour('error')}; font-weight: 600;"
            )
        reason.currentIndexChanged.connect(self._update)
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        self._update()

    @property
    def close_button(self) -> QPushButton:
        return self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _update(self) -> None:
        self.close_button.setEnabled(self.ui.reason.currentIndex() >= 0)

    def accept(self) -> None:
        if self.ui.reason.currentIndex() < 0:
            return  # Enter with no reason chosen closes nothing
        if refused_date(self.ui.closedOn):  # the closing date typed is not a day allowed
            return
        super().accept()

    def values(self) -> tuple[ClosureReason, date, str]:
        return (
            ClosureReason(self.ui.reason.currentData()),
            from_qdate(self.ui.closedOn.date()),
            self.ui.note.toPlainText().strip(),
        )


def reopen_dialog(case: CaseView, parent: QWidget | None = None) -> ReasonDialog:
    """Ask why a closed case is reopened, saying where it goes back to."""
    back = closing.reopens_to(case)
    where = (
        f"It goes back to {STAGES[back]}, the stage it had before it was closed"
        if back is not None
        else "It goes back to the furthest stage its record shows"
    )
    return ReasonDialog(
        "Reopen the case",
        f"Reopen {case.reference}? {where}; signed agreements stay as they were.",
        "Re&open case",
        parent,
    )
