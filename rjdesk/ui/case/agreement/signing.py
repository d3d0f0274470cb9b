"""Signing the agreement: the signatures table, "Signed on paper", and the dialog in which a
participant signs on screen."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QHeaderView, QMessageBox, QWidget

from rjdesk.app import agreements as app_agreements
from rjdesk.app.views import AgreementView
from rjdesk.ui.case.agreement.editor import EditorState
from rjdesk.ui.case.agreement.models import SignaturesModel
from rjdesk.ui.case.pane import CasePane
from rjdesk.ui.generated.agreement_pane_ui import Ui_AgreementPane
from rjdesk.ui.generated.signature_dialog_ui import Ui_SignatureDialog
from rjdesk.ui.toolkit import style
from rjdesk.ui.toolkit.dates import day_text, from_qdate
from rjdesk.ui.toolkit.form_check import refused_date
from rjdesk.ui.toolkit.messages import set_message
from rjdesk.ui.toolkit.reason_dialog import ReasonDialog
from rjdesk.ui.toolkit.screen import fit_dialog
from rjdesk_protocol.enums import AgreementStatus, SignatureMethod


class SignatureDialog(QDialog):
    """A signature pad with Clear and Accept. After ``accepted``, ``png`` holds the signature
    (dark ink on white); it lives in memory only until the service stores it in the vault."""

    def __init__(self, heading: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SignatureDialog()
        self.ui.setupUi(self)
        fit_dialog(self)  # never larger than the screen it opens on
        self.ui.heading.setText(heading)
        self.ui.heading.setStyleSheet(style.heading_style(1.2))
        self.png = b""
        self.ui.clearButton.clicked.connect(self.ui.pad.clear)
        self.ui.cancelButton.clicked.connect(self.reject)
        self.ui.acceptButton.clicked.connect(self._accept)
        self.ui.pad.changed.connect(self._update_buttons)
        self._update_buttons()

    def _update_buttons(self) -> None:
        pad = self.ui.pad
        signed = pad.is_signature()
        self.ui.acceptButton.setEnabled(signed)
        self.ui.clearButton.setEnabled(not pad.is_empty())
        # Said beside the pad, not only by a greyed button: a dot or a tick is not enough.
        self.ui.acceptButton.setToolTip(
            "" if signed else "Accept is ready once there is a whole signature on the pad."
        )

    def _accept(self) -> None:
        if not self.ui.pad.is_signature():
            return
        self.png = self.ui.pad.to_png()
        self.accept()

    def done(self, result: int) -> None:
        # Whatever happens next, the strokes do not outlive the dialog.
        self.ui.pad.clear()
        self.ui.heading.clear()
        super().done(result)

    def wipe(self) -> None:
        """Forget the captured image (after it has been handed to the service)."""
        self.png = b""


class SigningPane(CasePane):
    """The signing half of the Agreement tab (``AgreementPane`` is the rest): who has signed,
    and recording a signature on screen or on paper for the version shown."""

    ui: Ui_AgreementPane
    signatures_model: SignaturesModel
    signature_dialog: SignatureDialog | None
    # The confirmation of a paper signature, and the reason asked for a withdrawal, while open.
    paper_confirmation: QMessageBox | None
    withdraw_dialog: ReasonDialog | None
    _shown_key: str | None
    _unsaved: tuple[str, EditorState] | None

    def setup_signing(self) -> None:
        ui = self.ui
        self.signatures_model = SignaturesModel(self)
        self.signature_dialog = None
        self.paper_confirmation = None
        self.withdraw_dialog = None
        ui.signaturesView.setModel(self.signatures_model)
        header = ui.signaturesView.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SignaturesModel.SIGNER, QHeaderView.ResizeMode.Stretch)
        ui.signaturesView.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        ui.signaturesView.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_signing()
        )
        ui.paperButton.clicked.connect(self._signed_on_paper)
        ui.screenButton.clicked.connect(self._sign_on_screen)
        ui.withdrawButton.clicked.connect(self._withdraw)

    def close_signing_dialogs(self) -> None:
        """Close whatever signing dialog is open (the vault locks, or another case is shown)."""
        for dialog in (self.signature_dialog, self.paper_confirmation, self.withdraw_dialog):
            if dialog is not None:
                dialog.reject()

    def _agreement(self, key: str | None) -> AgreementView | None:
        return next((a for a in self.case.agreements if a.id == key), None)

    def _signer(self) -> tuple[str | None, str] | None:
        """The selected person who has not signed yet: (participant id or None, name)."""
        index = self.ui.signaturesView.currentIndex()
        if not index.isValid():
            return None
        row = self.signatures_model.row(index.row())
        return None if row.signed_on is not None else (row.participant_id, row.name)

    def _signed(self) -> tuple[str, str] | None:
        """The selected person's signature on the draft shown: (signature id, their name)."""
        index = self.ui.signaturesView.currentIndex()
        agreement = self._agreement(self._shown_key)
        if not index.isValid() or agreement is None or agreement.status != AgreementStatus.DRAFT:
            return None
        row = self.signatures_model.row(index.row())
        found = next(
            (s for s in agreement.signatures if s.participant_id == row.participant_id), None
        )
        return (found.id, row.name) if found is not None else None

    def _update_signing(self) -> None:
        ui = self.ui
        if self.snapshot is None:
            return  # cleared (locked): nothing to sign
        agreement = self._agreement(self._shown_key)
        if agreement is not None and agreement.status != AgreementStatus.DRAFT:
            hint, ready = "", False
        elif agreement is None:
            hint, ready = "Save the draft first; then each person signs it.", False
        elif self._unsaved is not None:
            hint, ready = "Save the changes first: people sign what is saved.", False
        elif not agreement.actions:
            hint, ready = "Add at least one action before anyone signs.", False
        elif self._signer() is None:
            hint, ready = "Select someone who has not signed yet.", False
        else:
            hint, ready = "", True
        for widget in (ui.screenButton, ui.paperButton, ui.signedOn):
            widget.setEnabled(ready)
        ui.withdrawButton.setEnabled(self._signed() is not None)
        ui.signHint.setText(hint)

    def _sign_on_screen(self) -> None:
        signer = self._signer()
        agreement = self._agreement(self._shown_key)
        if signer is None or agreement is None:
            return
        heading = f"{signer[1]} signs version {agreement.version} of the agreement"
        dialog = SignatureDialog(heading, self)
        self.signature_dialog = dialog

        def finished(result: int) -> None:
            png, self.signature_dialog = dialog.png, None
            dialog.wipe()
            dialog.deleteLater()
            if result and png and self.snapshot is not None:
                self._sign(signer, self.snapshot.today, SignatureMethod.CAPTURED, png)

        dialog.finished.connect(finished)
        dialog.open()

    def _signed_on_paper(self) -> None:
        """Ask before recording a paper signature: one click records it, and the last one makes
        the agreement the one in force and moves the case on."""
        signer = self._signer()
        if refused_date(self.ui.signedOn, message=self.ui.message):
            return
        agreement = self._agreement(self._shown_key)
        if signer is None or agreement is None or self.paper_confirmation is not None:
            return
        signed_on = from_qdate(self.ui.signedOn.date())
        question = (
            f"Record that {signer[1]} signed version {agreement.version} of the agreement on "
            f"paper on {day_text(signed_on)}?"
        )
        if len(agreement.missing_signatures) <= 1:
            question += (
                "\n\nThis is the last signature needed: the agreement comes into force and can "
                "no longer be changed."
            )
        box = QMessageBox(QMessageBox.Icon.Question, "Signed on paper", question, parent=self)
        record = box.addButton("Record signature", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(record)
        self.paper_confirmation = box

        def finished() -> None:
            confirmed = box.clickedButton() is record
            self.paper_confirmation = None
            box.deleteLater()
            if confirmed and self.snapshot is not None:
                self._sign(signer, signed_on, SignatureMethod.PAPER, None)

        box.finished.connect(finished)
        box.open()

    def _withdraw(self) -> None:
        signed = self._signed()
        agreement = self._agreement(self._shown_key)
        if signed is None or agreement is None or self.withdraw_dialog is not None:
            return
        signature_id, name = signed
        dialog = ReasonDialog(
            "Withdraw signature",
            f"Withdraw {name}'s signature from version {agreement.version} of the agreement? "
            "They can sign again afterwards.",
            "&Withdraw signature",
            self,
        )
        self.withdraw_dialog = dialog
        vault, case_id = self.ctx.vault, self.case.id
        ok = dialog.accept_button

        def withdrawn(_: object) -> None:
            set_message(self.ui.message, f"{name}'s signature is withdrawn.")
            dialog.accept()

        def submitted(reason: str) -> None:
            self.apply(
                lambda: app_agreements.withdraw_signature(
                    vault, case_id, signature_id, reason=reason
                ),
                withdrawn,
                message=dialog.ui.message,
                disable=[ok],
            )

        def finished() -> None:
            self.withdraw_dialog = None
            dialog.deleteLater()

        dialog.submitted.connect(submitted)
        dialog.finished.connect(finished)
        dialog.open()

    def _sign(
        self,
        signer: tuple[str | None, str],
        signed_on: date,
        method: SignatureMethod,
        png: bytes | None,
    ) -> None:
        key = self._shown_key
        if key is None:
            return
        signer_id, name = signer
        vault, case_id = self.ctx.vault, self.case.id

        def signed(outcome: app_agreements.SigningOutcome) -> None:
            text = f"{name}'s signature is recorded."
            if outcome.complete:
                text = (
                    f"Everyone has signed version {outcome.version}: it is now the agreement "
                    "in force"
                )
                text += ", and the case has moved to follow-up." if outcome.stage_moved else "."
            set_message(self.ui.message, text)

        ui = self.ui
        self.apply(
            lambda: app_agreements.sign(
                vault,
                case_id,
                key,
                signer_id=signer_id,
                signed_on=signed_on,
                method=method,
                image=png,
            ),
            signed,
            message=ui.message,
            disable=[ui.screenButton, ui.paperButton, ui.signedOn],
        )
