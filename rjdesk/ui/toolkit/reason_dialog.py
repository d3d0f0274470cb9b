"""Asking why, before something is put right: withdrawing a signature, reopening a case.

The dialog stays open until the caller accepts it, so that a refusal is shown in place and the
reason typed is not lost; its accept button waits for a reason.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget

from rjdesk.ui.generated.reason_dialog_ui import Ui_ReasonDialog
from rjdesk.ui.toolkit.messages import set_message
from rjdesk.ui.toolkit.screen import fit_dialog


class ReasonDialog(QDialog):
    """``submitted`` carries the reason typed; the caller accepts the dialog once it is saved,
    or shows the refusal in ``ui.message``."""

    submitted = Signal(str)

    def __init__(
        self, title: str, question: str, accept_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ReasonDialog()
        self.ui.setupUi(self)
        fit_dialog(self)  # never larger than the screen it opens on
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.ui.question.setText(question)
        self.accept_button.setText(accept_text)
        self.accept_button.setAccessibleName(accept_text.replace("&", ""))
        set_message(self.ui.message, "")
        self.ui.reason.textChanged.connect(self._update)
        self.ui.buttons.accepted.connect(self._submit)
        self.ui.buttons.rejected.connect(self.reject)
        self._update()

    @property
    def accept_button(self) -> QPushButton:
        return self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def reason(self) -> str:
        return self.ui.reason.toPlainText().strip()

    def _update(self) -> None:
        self.accept_button.setEnabled(bool(self.reason()))

    def _submit(self) -> None:
        if self.reason():
            self.submitted.emit(self.reason())

    def done(self, result: int) -> None:
        self.ui.reason.clear()  # the reason is case text: it does not outlive the dialog
        super().done(result)
