"""Settings: the facilitator's name, the idle lock, the letterhead, and the passphrase."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from rjdesk.app import settings as app_settings
from rjdesk.app.settings import AppSettings, Letterhead, SettingsView
from rjdesk.resources import resource_path
from rjdesk.ui.generated.change_passphrase_dialog_ui import Ui_ChangePassphraseDialog
from rjdesk.ui.generated.settings_page_ui import Ui_SettingsPage
from rjdesk.ui.pages.unlock import show_strength
from rjdesk.ui.toolkit import style
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.files import choose_file_to_open
from rjdesk.ui.toolkit.messages import sentence, set_message
from rjdesk.ui.toolkit.screen import fit_dialog
from rjdesk.ui.toolkit.tasks import TaskRunner


class SettingsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_SettingsPage()
        self.ui.setupUi(self)
        self.ui.title.setStyleSheet(style.heading_style(1.5))
        set_message(self.ui.message, "")
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.passphraseButton.clicked.connect(self.change_passphrase)
        self.ui.chooseLogo.clicked.connect(self.choose_logo)
        self.ui.defaultLogo.clicked.connect(lambda: self.set_logo(None))
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

    def refresh(self) -> None:
        vault = self.ctx.vault
        self.ctx.tasks.run(lambda: app_settings.load_settings_and_logo(vault), self._show)

    def _show(self, loaded: SettingsView) -> None:
        settings = loaded.settings
        self._show_logo(loaded.logo)
        ui = self.ui
        ui.facilitatorName.setText(settings.facilitator_name)
        ui.idleMinutes.setValue(settings.idle_lock_minutes)
        ui.serviceName.setText(settings.letterhead.service_name)
        ui.address.setPlainText(settings.letterhead.address)
        ui.phone.setText(settings.letterhead.phone)
        ui.email.setText(settings.letterhead.email)

    def save(self) -> None:
        ui = self.ui
        settings = AppSettings(
            facilitator_name=ui.facilitatorName.text(),
            idle_lock_minutes=ui.idleMinutes.value(),
            letterhead=Letterhead(
                service_name=ui.serviceName.text(),
                address=ui.address.toPlainText(),
                phone=ui.phone.text(),
                email=ui.email.text(),
            ),
        )

        vault = self.ctx.vault

        def saved(changed: list[str]) -> None:
            set_message(ui.message, "Saved." if changed else "Nothing had changed.")
            self.ctx.signals.settings_changed.emit()

        self.ctx.tasks.run(
            lambda: app_settings.save_settings(vault, settings),
            saved,
            lambda error: set_message(ui.message, sentence(error), error=True),
        )

    def _show_logo(self, png: bytes | None) -> None:
        pixmap = QPixmap()
        if png is None or not pixmap.loadFromData(png):
            pixmap = QPixmap(str(resource_path("letterhead", "logo.png")))
        self.ui.logoPreview.setPixmap(pixmap)
        # A picture's name is all a screen reader has of it; an empty label has none, so that
        # it never hides text it might show.
        self.ui.logoPreview.setAccessibleName("The logo printed on agreements")
        self.ui.defaultLogo.setEnabled(png is not None)

    def choose_logo(self) -> None:
        path = choose_file_to_open(self, "Choose a logo", "PNG images (*.png)")
        if path is not None:
            try:
                self.set_logo(path.read_bytes())
            except OSError as exc:
                set_message(self.ui.message, f"Cannot read {path.name}: {exc.strerror}", error=True)

    def set_logo(self, png: bytes | None) -> None:
        vault = self.ctx.vault

        def done(_result: object) -> None:
            self._show_logo(png)
            set_message(self.ui.message, "The logo is saved: it prints on the next agreement.")

        self.ctx.tasks.run(
            lambda: app_settings.set_logo(vault, png),
            done,
            lambda error: set_message(self.ui.message, sentence(error), error=True),
        )

    def change_passphrase(self) -> None:
        ChangePassphraseDialog(self.ctx, self).exec()

    def clear(self) -> None:
        for field in (self.ui.facilitatorName, self.ui.serviceName, self.ui.phone, self.ui.email):
            field.clear()
        self.ui.address.clear()
        self.ui.logoPreview.clear()
        self.ui.logoPreview.setAccessibleName("")
        set_message(self.ui.message, "")


class ChangePassphraseDialog(QDialog):
    """Rewraps the vault's key under a new passphrase; the case file itself is not touched."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_ChangePassphraseDialog()
        self.ui.setupUi(self)
        fit_dialog(self)  # never larger than the screen it opens on
        set_message(self.ui.message, "")
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Change passphrase")
        self.ui.newPassphrase.textChanged.connect(
            lambda: show_strength(self.ui.strength, self.ui.newPassphrase)
        )
        self.ui.buttons.accepted.connect(self._change)
        self.ui.buttons.rejected.connect(self.reject)

    def _change(self) -> None:
        current, new = self.ui.current.text(), self.ui.newPassphrase.text()
        if new != self.ui.confirm.text():
            set_message(self.ui.message, "The two new passphrases differ.", error=True)
            return
        self.setEnabled(False)
        tasks: TaskRunner = self.ctx.tasks
        tasks.run(
            lambda: self.ctx.vault.change_passphrase(current, new),
            lambda _: self._done(),
            self._failed,
        )

    def _done(self) -> None:
        for field in (self.ui.current, self.ui.newPassphrase, self.ui.confirm):
            field.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.setEnabled(True)
        set_message(self.ui.message, sentence(error), error=True)
