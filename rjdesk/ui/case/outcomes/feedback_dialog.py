"""A participant's feedback at the end of the intervention or at follow-up.

Every question starts at "Not asked"; "Declined to answer" is an answer of its own, counted in
the returns as such. The dialog checks what it can and emits ``submitted``; the tab saves it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget

from rjdesk.ui.case.outcomes.choices import ANSWERS, SATISFACTION, choose, chosen, fill
from rjdesk.ui.case.people.participant_dialog import BusyUntilMessage
from rjdesk.ui.generated.feedback_dialog_ui import Ui_FeedbackDialog
from rjdesk.ui.toolkit.dates import from_qdate, to_qdate
from rjdesk.ui.toolkit.form_check import refused_date, set_field_message
from rjdesk.ui.toolkit.messages import set_message
from rjdesk.ui.toolkit.screen import fit_dialog
from rjdesk_protocol.enums import Answer, FeedbackMoment, Satisfaction

MOMENT_WORDS: dict[FeedbackMoment, str] = {
    FeedbackMoment.END: "at the end of the intervention",
    FeedbackMoment.FOLLOW_UP: "at follow-up",
}


@dataclass(frozen=True)
class FeedbackEntry:
    """What the dialog gives (and is given to show again): None is "not asked"."""

    given_on: date
    satisfaction: Satisfaction | None = None
    coping: Answer | None = None
    feels_safer: Answer | None = None
    would_recommend: Answer | None = None
    comment: str = ""

    def is_empty(self) -> bool:
        answers = (self.satisfaction, self.coping, self.feels_safer, self.would_recommend)
        return all(answer is None for answer in answers) and not self.comment


class FeedbackDialog(QDialog):
    """Save emits ``submitted(FeedbackEntry)``; the caller saves it and then calls
    ``accept()``, or shows the refusal on ``ui.message`` (the dialog stays open)."""

    submitted = Signal(object)

    def __init__(
        self,
        parent: QWidget | None,
        *,
        name: str,
        moment: FeedbackMoment,
        today: date,
        earliest: date | None = None,
        entry: FeedbackEntry | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_FeedbackDialog()
        ui.setupUi(self)
        fit_dialog(self)  # never larger than the screen it opens on
        self.moment = moment
        self._busy = False
        when = MOMENT_WORDS[moment]
        self.setWindowTitle(f"Feedback {when}")
        ui.intro.setText(
            f"{name}'s feedback {when}. Ask each question as it is written; leave a question "
            "at “Not asked” if it was not put to them."
        )
        fill(ui.satisfaction, SATISFACTION)
        for combo in (ui.coping, ui.feelsSafer, ui.wouldRecommend):
            fill(combo, ANSWERS)
        if earliest is not None:
            ui.givenOn.setMinimumDate(to_qdate(min(earliest, today)))
        ui.givenOn.setMaximumDate(to_qdate(today))
        ui.givenOn.setDate(to_qdate(entry.given_on if entry is not None else today))
        if entry is not None:
            choose(ui.satisfaction, entry.satisfaction)
            choose(ui.coping, entry.coping)
            choose(ui.feelsSafer, entry.feels_safer)
            choose(ui.wouldRecommend, entry.would_recommend)
            ui.comment.setPlainText(entry.comment)
        ui.buttons.accepted.connect(self._submit)
        ui.buttons.rejected.connect(self.reject)
        set_message(ui.message, "")
        BusyUntilMessage(ui.message, lambda: self.set_busy(False))
        ui.satisfaction.setFocus()

    def entry(self) -> FeedbackEntry:
        """What is chosen and typed now."""
        ui = self.ui
        return FeedbackEntry(
            given_on=from_qdate(ui.givenOn.date()),
            satisfaction=chosen(ui.satisfaction, Satisfaction),
            coping=chosen(ui.coping, Answer),
            feels_safer=chosen(ui.feelsSafer, Answer),
            would_recommend=chosen(ui.wouldRecommend, Answer),
            comment=ui.comment.toPlainText().strip(),
        )

    def _submit(self) -> None:
        if self._busy or refused_date(self.ui.givenOn, message=self.ui.message):
            return
        entry = self.entry()
        if entry.is_empty():
            set_field_message(
                self.ui.message,
                "Choose an answer (“Declined to answer” counts) or type a comment: "
                "there is nothing to save yet.",
                self.ui.satisfaction,
            )
            self.ui.satisfaction.setFocus()
            return
        set_message(self.ui.message, "")
        self.set_busy(True)
        self.submitted.emit(entry)

    def set_busy(self, busy: bool) -> None:
        """While the caller saves: no second Save, and no closing half-way."""
        self._busy = busy
        self.ui.buttons.setEnabled(not busy)

    def reject(self) -> None:
        if not self._busy:
            super().reject()

    def save_button(self) -> QPushButton:
        return self.ui.buttons.button(QDialogButtonBox.StandardButton.Save)

    def clear(self) -> None:
        """Before the lock: nothing typed stays in the widgets."""
        self.ui.comment.clear()
        self.ui.intro.clear()
        set_message(self.ui.message, "")
