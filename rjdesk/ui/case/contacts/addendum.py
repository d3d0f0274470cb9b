"""The addendum dialog: the original note, read-only, above the text being added.

A saved contact note is a contemporaneous record (DESIGN §2): it is never edited, only added
to. The dialog gathers the addendum; the Contacts tab saves it and closes the dialog once the
save succeeds, so that a refusal shows here and the typed text stays.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from rjdesk.ui.generated.addendum_dialog_ui import Ui_AddendumDialog
from rjdesk.ui.toolkit.form_check import set_field_message
from rjdesk.ui.toolkit.messages import set_message
from rjdesk.ui.toolkit.screen import fit_dialog


class AddendumDialog(QDialog):
    """Write an addendum to one contact; ``submitted`` carries the text to save."""

    submitted = Signal(str)

    def __init__(self, contact_id: str, original: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_AddendumDialog()
        self.ui.setupUi(self)
        fit_dialog(self)  # never larger than the screen it opens on
        self.contact_id = contact_id
        self.ui.original.setPlainText(original)
        save = self.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText("&Save addendum")
        save.setDefault(True)
        self.ui.buttons.accepted.connect(self._submit)
        self.ui.buttons.rejected.connect(self.reject)
        set_message(self.ui.message, "")
        self.ui.text.setFocus()

    def text(self) -> str:
        return self.ui.text.toPlainText()

    def _submit(self) -> None:
        if not self.text().strip():
            set_field_message(self.ui.message, "Write the addendum first.", self.ui.text)
            self.ui.text.setFocus()
            return
        self.submitted.emit(self.text())

    def clear(self) -> None:
        """Forget the note and the addendum (the lock calls this through the pane)."""
        self.ui.original.clear()
        self.ui.text.clear()
        set_message(self.ui.message, "")
