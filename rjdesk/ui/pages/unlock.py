"""First run, unlock and a forgotten passphrase: the screens in front of the vault."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QWidget

from rjdesk.app import MIN_PASSPHRASE_LENGTH, Vault, passphrase_strength
from rjdesk.ui.generated.create_vault_page_ui import Ui_CreateVaultPage
from rjdesk.ui.generated.recovery_key_dialog_ui import Ui_RecoveryKeyDialog
from rjdesk.ui.generated.reset_passphrase_dialog_ui import Ui_ResetPassphraseDialog
from rjdesk.ui.generated.unlock_page_ui import Ui_UnlockPage
from rjdesk.ui.toolkit import style
from rjdesk.ui.toolkit.messages import sentence, set_message
from rjdesk.ui.toolkit.screen import fit_dialog
from rjdesk.ui.toolkit.tasks import TaskRunner
from rjdesk_protocol.errors import WrongPassphrase

_STRENGTH_COLOURS = {0: "error", 1: "medium", 2: "low", 3: "low"}


def show_strength(label: QWidget, field: QLineEdit) -> None:
    """The passphrase hint under a new-passphrase field, coloured by how strong it is."""
    text = field.text()
    if not text:
        label.setText("")  # type: ignore[attr-defined]
        return
    score, hint = passphrase_strength(text)
    label.setText(hint)  # type: ignore[attr-defined]
    label.setStyleSheet(f"color: {style.colour(_STRENGTH_COLOURS[score])};")


def _wipe(*fields: QLineEdit) -> None:
    for field in fields:
        field.clear()


class CreateVaultPage(QWidget):
    """First run: the facilitator's name and a passphrase; then the recovery key, once."""

    created = Signal()

    def __init__(self, vault: Vault, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_CreateVaultPage()
        self.ui.setupUi(self)
        self.vault, self.tasks = vault, tasks
        self.ui.title.setStyleSheet(style.heading_style(1.6))
        set_message(self.ui.message, "")
        self.ui.passphrase.textChanged.connect(
            lambda: show_strength(self.ui.strength, self.ui.passphrase)
        )
        self.ui.createButton.clicked.connect(self.create_vault)
        self.ui.confirm.returnPressed.connect(self.create_vault)

    def showEvent(self, event: object) -> None:
        self.ui.name.setFocus()

    def create_vault(self) -> None:
        name = self.ui.name.text().strip()
        passphrase, again = self.ui.passphrase.text(), self.ui.confirm.text()
        if not name:
            set_message(self.ui.message, "Please type your name.", error=True)
            self.ui.name.setFocus()
            return
        if len(passphrase) < MIN_PASSPHRASE_LENGTH:
            set_message(
                self.ui.message,
                f"The passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters.",
                error=True,
            )
            self.ui.passphrase.setFocus()
            return
        if passphrase != again:
            set_message(self.ui.message, "The two passphrases differ. Type them again.", error=True)
            _wipe(self.ui.confirm)
            self.ui.confirm.setFocus()
            return
        self._busy(True)
        set_message(self.ui.message, "Creating your case file…")

        def work() -> str:
            created, recovery_key = Vault.create(
                self.vault.data_dir, facilitator_name=name, passphrase=passphrase,
                clock=self.vault.clock,
            )  # fmt: skip
            created.lock()
            self.vault.unlock(passphrase)
            return recovery_key

        self.tasks.run(work, self._created, self._failed)

    def _created(self, recovery_key: str) -> None:
        _wipe(self.ui.passphrase, self.ui.confirm)
        self._busy(False)
        set_message(self.ui.message, "")
        RecoveryKeyDialog(recovery_key, self).exec()
        self.created.emit()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        set_message(self.ui.message, sentence(error), error=True)

    def _busy(self, busy: bool) -> None:
        for widget in (self.ui.name, self.ui.passphrase, self.ui.confirm, self.ui.createButton):
            widget.setEnabled(not busy)


class RecoveryKeyDialog(QDialog):
    """The recovery key, shown once; closing needs the "written it down" tick."""

    def __init__(self, recovery_key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_RecoveryKeyDialog()
        self.ui.setupUi(self)
        fit_dialog(self)  # never larger than the screen it opens on
        self.ui.title.setStyleSheet(style.heading_style(1.3))
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setPointSizeF(max(mono.pointSizeF(), 10.0) * 1.5)
        mono.setWeight(QFont.Weight.DemiBold)
        self.ui.key.setFont(mono)
        self.ui.key.setText(recovery_key)
        ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Done")
        ok.setEnabled(False)
        self.ui.writtenDown.toggled.connect(ok.setEnabled)
        self.ui.buttons.accepted.connect(self.accept)

    def reject(self) -> None:
        # Escape must not skip the key: it is never shown again.
        if self.ui.writtenDown.isChecked():
            super().reject()

    def done(self, result: int) -> None:
        self.ui.key.setText("")
        super().done(result)


class UnlockPage(QWidget):
    """The passphrase prompt. Wrong passphrases are counted here, in memory only, and written
    to the audit log at the next successful unlock (a wrong passphrase can write nothing)."""

    unlocked = Signal()

    def __init__(self, vault: Vault, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_UnlockPage()
        self.ui.setupUi(self)
        self.vault, self.tasks = vault, tasks
        self.failed_attempts = 0
        self.ui.title.setStyleSheet(style.heading_style(1.6))
        set_message(self.ui.message, "")
        self.ui.unlockButton.clicked.connect(self.unlock)
        self.ui.passphrase.returnPressed.connect(self.unlock)
        self.ui.forgotButton.clicked.connect(self.forgot)

    def showEvent(self, event: object) -> None:
        self.ui.passphrase.setFocus()

    def unlock(self) -> None:
        passphrase = self.ui.passphrase.text()
        if not passphrase:
            set_message(self.ui.message, "Type your passphrase.", error=True)
            return
        self._busy(True)
        set_message(self.ui.message, "Unlocking…")
        attempts = self.failed_attempts
        self.tasks.run(
            lambda: self.vault.unlock(passphrase, failed_attempts=attempts),
            self._unlocked,
            self._failed,
        )

    def _unlocked(self, _result: object) -> None:
        self.failed_attempts = 0
        _wipe(self.ui.passphrase)
        self._busy(False)
        set_message(self.ui.message, "")
        self.unlocked.emit()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        _wipe(self.ui.passphrase)
        self.ui.passphrase.setFocus()
        if isinstance(error, WrongPassphrase):
            self.failed_attempts += 1
            set_message(
                self.ui.message, "That passphrase does not open this case file. Try again.",
                error=True,
            )  # fmt: skip
        else:
            set_message(self.ui.message, sentence(error), error=True)

    def _busy(self, busy: bool) -> None:
        for widget in (self.ui.passphrase, self.ui.unlockButton, self.ui.forgotButton):
            widget.setEnabled(not busy)
        self.setCursor(Qt.CursorShape.BusyCursor if busy else Qt.CursorShape.ArrowCursor)

    def forgot(self) -> None:
        dialog = ResetPassphraseDialog(self.vault, self.tasks, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.failed_attempts = 0
            self.unlocked.emit()


class ResetPassphraseDialog(QDialog):
    """A new passphrase set with the recovery key from the hub's safe; opens the vault."""

    def __init__(self, vault: Vault, tasks: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ResetPassphraseDialog()
        self.ui.setupUi(self)
        fit_dialog(self)  # never larger than the screen it opens on
        self.vault, self.tasks = vault, tasks
        set_message(self.ui.message, "")
        ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Set passphrase and unlock")
        self.ui.newPassphrase.textChanged.connect(
            lambda: show_strength(self.ui.strength, self.ui.newPassphrase)
        )
        self.ui.buttons.accepted.connect(self.reset)
        self.ui.buttons.rejected.connect(self.reject)

    def reset(self) -> None:
        key = self.ui.recoveryKey.text()
        new, again = self.ui.newPassphrase.text(), self.ui.confirm.text()
        if new != again:
            set_message(self.ui.message, "The two passphrases differ. Type them again.", error=True)
            _wipe(self.ui.confirm)
            return
        self.setEnabled(False)

        def work() -> None:
            self.vault.reset_passphrase(key, new)

        self.tasks.run(work, lambda _: self._done(), self._failed)

    def _done(self) -> None:
        _wipe(self.ui.recoveryKey, self.ui.newPassphrase, self.ui.confirm)
        self.setEnabled(True)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.setEnabled(True)
        if isinstance(error, WrongPassphrase):
            text = "That recovery key does not open this case file. Check it with the hub."
        else:
            text = sentence(error)
        set_message(self.ui.message, text, error=True)
