"""The Agreement tab: write the outcome agreement, collect signatures, follow up its actions.

A signed version never changes (DESIGN §2): the editor is read-only for it and "Start a new
version" makes a draft copy. Unsaved edits of the draft survive a reload of the case, switching
versions, and a lock (through ``drafts``)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from rjdesk.app import agreements as app_agreements
from rjdesk.app import documents as app_documents
from rjdesk.app.agreements import ActionDraft
from rjdesk.app.views import AgreementView, CaseView
from rjdesk.ui.case.agreement.editor import AgreementEditor, EditorState
from rjdesk.ui.case.agreement.followup import FollowUp
from rjdesk.ui.case.agreement.models import (
    ActionsModel,
    owner_names,
    signer_rows,
    who_can_act,
)
from rjdesk.ui.case.agreement.signing import SigningPane
from rjdesk.ui.case.agreement.text import describe_state, version_label
from rjdesk.ui.case.pdf_actions import Then, generate
from rjdesk.ui.generated.agreement_pane_ui import Ui_AgreementPane
from rjdesk.ui.toolkit import style
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.dates import to_qdate
from rjdesk.ui.toolkit.form_check import refused_date
from rjdesk.ui.toolkit.messages import set_message
from rjdesk_protocol.calendar import LONDON
from rjdesk_protocol.enums import AgreementStatus, Stage
from rjdesk_protocol.errors import VaultLocked

NEW = "new"  # the key of a first agreement that is not saved yet
SAVE_FIRST = "Save the draft first: the printed agreement is made from what is saved."


def editable_key(case: CaseView) -> str | None:
    """The version the editor may change: the latest draft nobody has signed yet, or ``NEW``
    when there is no agreement; None when nothing may change."""
    if case.stage == Stage.CLOSED:
        return None
    latest = case.latest_agreement
    if latest is None:
        return NEW
    if latest.status == AgreementStatus.DRAFT and not latest.signatures:
        return latest.id
    return None


def agreed_by_default(case: CaseView, today: date) -> date:
    """A first agreement is usually made at the conference (or the last shuttle visit); a new
    version of a signed one is agreed later, usually on the day it is written."""
    if case.in_force_agreement is not None:
        return today
    days = [c.at.astimezone(LONDON).date() for c in case.contacts if c.kind.is_intervention]
    return max(days, default=today)


class AgreementPane(SigningPane):
    """The outcome agreement of a case, one version at a time (see the module's docstring)."""

    key = "agreement"
    title = "Agreement"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_AgreementPane()
        self.ui.setupUi(self)
        ui = self.ui
        self.actions_model = ActionsModel(self)
        self.editor = AgreementEditor(ui, self.actions_model, self)
        self.follow_up = FollowUp(ui, self.actions_model)
        self._case_id: str | None = None
        self._shown_key: str | None = None
        self._unsaved: tuple[str, EditorState] | None = None
        # The actions need the width; the signatures table needs enough for its three columns.
        ui.split.setStretchFactor(0, 2)
        ui.split.setStretchFactor(1, 1)
        ui.split.setSizes([700, 360])
        ui.state.setStyleSheet(style.heading_style(1.05))
        self.setup_signing()
        ui.previewButton.clicked.connect(lambda: self._document(Then.PREVIEW))
        ui.printButton.clicked.connect(lambda: self._document(Then.PRINT))
        ui.saveCopyButton.clicked.connect(lambda: self._document(Then.SAVE))
        set_message(ui.message, "")
        ui.versionCombo.activated.connect(self._version_chosen)
        ui.saveButton.clicked.connect(self.save)
        ui.newVersionButton.clicked.connect(self._new_version)
        ui.discardButton.clicked.connect(self._discard)
        ui.recordCheckButton.clicked.connect(self._record_check)
        self.editor.edited.connect(self._edited)

    # -- CasePane -----------------------------------------------------------------------------

    def refresh_view(self) -> None:
        case = self.case
        if case.id != self._case_id:
            self._case_id, self._shown_key, self._unsaved = case.id, None, None
            set_message(self.ui.message, "")
        if self._unsaved is not None and self._unsaved[0] != editable_key(case):
            self._unsaved = None  # the draft was signed, discarded or replaced meanwhile
        keys = [a.id for a in self._versions()] or [NEW]
        if self._shown_key not in keys:
            self._shown_key = keys[0]
        self._show_version()

    def clear(self) -> None:
        ui = self.ui
        self.close_signing_dialogs()
        self.editor.clear()
        self.follow_up.clear()
        self.signatures_model.set_rows([])
        self.actions_model.set_rows([])
        ui.versionCombo.clear()
        for label in (ui.state, ui.stateDetail, ui.message, ui.signHint, ui.dirtyLabel):
            label.clear()
        self._case_id, self._shown_key, self._unsaved = None, None, None

    def drafts(self) -> dict[str, str]:
        return self._unsaved[1].as_drafts() if self._unsaved is not None else {}

    def restore_drafts(self, drafts: dict[str, str]) -> None:
        if self.snapshot is None:
            return
        key = editable_key(self.case)
        if key is None:
            return  # what the drafts were typed into can no longer change
        base = self._saved_state(self._agreement(key))
        restored = base.with_drafts(drafts, set(owner_names(self.case)))
        self._unsaved = None if restored.same_as(base) else (key, restored)
        self._shown_key = key
        self._show_version()

    def focus_work(self) -> None:
        """The signatures once a saved version waits for them, not Discard draft."""
        view = self.ui.signaturesView
        if view.isEnabled() and self.signatures_model.rowCount():
            view.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            super().focus_work()

    def save(self) -> None:
        """Save the draft: the first save makes version 1 (or the next), later ones update it."""
        key = self._shown_key
        if self._unsaved is None or key is None or key != editable_key(self.case):
            return
        ui = self.ui
        if refused_date(ui.agreedOn, ui.reviewOn, ui.due, message=ui.message):
            return
        state = self._unsaved[1]
        for position, row in enumerate(state.actions, start=1):
            if not row.description.strip():
                self.editor.select(position - 1)
                self.ui.what.setFocus()
                set_message(
                    self.ui.message,
                    f"Action {position} does not say what will be done: write it, or remove it.",
                    error=True,
                )
                return

        actions = [ActionDraft(row.description, row.owner_id, row.due_on) for row in state.actions]
        vault, case_id = self.ctx.vault, self.case.id

        def work() -> AgreementView:
            summary, agreed_on, review_on = state.summary, state.agreed_on, state.review_on
            if key == NEW:
                return app_agreements.draft_agreement(
                    vault,
                    case_id,
                    actions=actions,
                    summary=summary,
                    agreed_on=agreed_on,
                    review_on=review_on,
                )
            return app_agreements.update_draft(
                vault,
                case_id,
                key,
                actions=actions,
                summary=summary,
                agreed_on=agreed_on,
                review_on=review_on,
            )

        def saved(agreement: AgreementView) -> None:
            self._unsaved = None
            self._shown_key = agreement.id
            set_message(self.ui.message, "Draft saved. Each person can now sign it.")

        self.apply(work, saved, message=self.ui.message, disable=[self.ui.saveButton])

    # -- showing a version ----------------------------------------------------------------------

    def _versions(self) -> list[AgreementView]:
        return sorted(self.case.agreements, key=lambda a: a.version, reverse=True)

    def _saved_state(self, agreement: AgreementView | None) -> EditorState:
        assert self.snapshot is not None
        return EditorState.of(agreement, agreed_by_default(self.case, self.snapshot.today))

    def _facilitator(self) -> str:
        try:
            return self.ctx.vault.facilitator_name()
        except VaultLocked:
            return "Facilitator"

    def _document(self, then: Then) -> None:
        """Preview, print or save the PDF of the version shown (made and filed on the case)."""
        key = self._shown_key
        if key in (None, NEW) or (self._unsaved is not None and self._unsaved[0] == key):
            set_message(self.ui.message, SAVE_FIRST, error=True)
            return

        agreement_id = key
        generate(
            self.ctx,
            self,
            self.case.id,
            lambda vault, case_id: app_documents.file_agreement_pdf(vault, case_id, agreement_id),
            then,
            said=lambda where: set_message(self.ui.message, where),
        )

    def _show_version(self) -> None:
        case, ui = self.case, self.ui
        assert self.snapshot is not None
        today = self.snapshot.today
        agreement = self._agreement(self._shown_key)
        editable = self._shown_key == editable_key(case)
        ui.versionCombo.blockSignals(True)
        ui.versionCombo.clear()
        for version in self._versions():
            ui.versionCombo.addItem(version_label(version, case), version.id)
        if not case.agreements:
            ui.versionCombo.addItem("Version 1, not saved yet", NEW)
        ui.versionCombo.setCurrentIndex(max(ui.versionCombo.findData(self._shown_key), 0))
        ui.versionCombo.setEnabled(len(case.agreements) > 1)
        ui.versionCombo.blockSignals(False)
        for button in (ui.previewButton, ui.printButton, ui.saveCopyButton):
            button.setEnabled(agreement is not None)

        unsaved = self._unsaved is not None and self._unsaved[0] == self._shown_key
        state = self._unsaved[1] if self._unsaved and unsaved else self._saved_state(agreement)
        # Editable first (filling the row editor depends on it), then again once filled.
        self.editor.set_editable(editable)
        self.editor.load(state, who_can_act(case), owner_names(case), today)
        self.editor.set_editable(editable)
        if editable and agreement is not None and agreement.review_on is not None:
            # update_draft cannot clear a saved review date (None there means "unchanged"):
            # offer to change it, not to remove it, rather than silently keep it.
            ui.reviewCheck.setEnabled(False)
            ui.reviewCheck.setToolTip("A saved review date can be changed but not removed.")
        else:
            ui.reviewCheck.setToolTip("")
        signed = agreement is not None and agreement.status != AgreementStatus.DRAFT
        in_force = agreement is not None and agreement is case.in_force_agreement
        ui.actionsView.setColumnHidden(ActionsModel.FOLLOW_UP, not signed)
        for button in (
            ui.addActionButton,
            ui.removeActionButton,
            ui.moveUpButton,
            ui.moveDownButton,
        ):
            button.setVisible(not signed)
        ui.rowStack.setVisible(not signed or (in_force and case.stage != Stage.CLOSED))
        ui.rowStack.setCurrentWidget(ui.followPage if signed else ui.editPage)
        self.follow_up.show_for(today)
        ui.saveButton.setVisible(editable)
        ui.newVersionButton.setVisible(
            in_force and case.latest_agreement is agreement and case.stage != Stage.CLOSED
        )
        ui.discardButton.setVisible(
            agreement is not None and not signed and case.stage != Stage.CLOSED
        )

        self.signatures_model.set_rows(signer_rows(case, agreement, self._facilitator()))
        strip = ui.signingStrip
        held = self.window().focusWidget()
        strip.setVisible(not signed and case.stage != Stage.CLOSED)
        if strip.isHidden() and held is not None and strip.isAncestorOf(held):
            # The last signature hid the buttons that had the keyboard: on to the actions, whose
            # follow-up comes next, not away to the window's first control.
            ui.actionsView.setFocus(Qt.FocusReason.OtherFocusReason)
        ui.signedOn.setMaximumDate(to_qdate(today))
        ui.signedOn.setDate(to_qdate(today))
        waiting = next(
            (i for i, row in enumerate(self.signatures_model.rows()) if row.signed_on is None), -1
        )
        ui.signaturesView.clearSelection()
        if not signed and waiting >= 0:
            ui.signaturesView.selectRow(waiting)
        self._update_dirty()

    def _version_chosen(self, index: int) -> None:
        self._shown_key = self.ui.versionCombo.itemData(index)
        set_message(self.ui.message, "")
        self._show_version()

    def _edited(self) -> None:
        key = self._shown_key
        if key is None or key != editable_key(self.case):
            return
        state = self.editor.state()
        saved = self._saved_state(self._agreement(key))
        self._unsaved = None if state.same_as(saved) else (key, state)
        self._update_dirty()

    def _update_dirty(self) -> None:
        unsaved = self._unsaved is not None and self._unsaved[0] == self._shown_key
        self.ui.saveButton.setEnabled(unsaved)
        self.ui.dirtyLabel.setText("Unsaved changes" if unsaved else "")
        if self.snapshot is not None:
            agreement = self._agreement(self._shown_key)
            headline, detail = describe_state(self.case, agreement, unsaved=unsaved)
            self.ui.state.setText(headline)
            self.ui.stateDetail.setText(detail)
        self._update_signing()

    # -- versions and follow-up -----------------------------------------------------------------

    def _new_version(self) -> None:
        def made(agreement: AgreementView) -> None:
            self._shown_key = agreement.id
            set_message(self.ui.message, "A new draft version: change it, save it, sign it.")

        vault, case_id = self.ctx.vault, self.case.id
        self.apply(
            lambda: app_agreements.new_version(vault, case_id),
            made,
            message=self.ui.message,
            disable=[self.ui.newVersionButton],
        )

    def _discard(self) -> None:
        agreement = self._agreement(self._shown_key)
        if agreement is None:
            return
        answer = QMessageBox.question(
            self,
            "Discard draft",
            f"Discard draft version {agreement.version} of the agreement, with its actions "
            "and any signatures? This cannot be undone.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        vault, case_id, key = self.ctx.vault, self.case.id, agreement.id
        self._unsaved = None
        self.apply(
            lambda: app_agreements.discard_draft(vault, case_id, key),
            lambda _: set_message(self.ui.message, "Draft discarded."),
            message=self.ui.message,
            disable=[self.ui.discardButton],
        )

    def _record_check(self) -> None:
        if refused_date(self.ui.checkedOn, message=self.ui.message):
            return
        check = self.follow_up.current()
        if check is None:
            return
        action_id, status, checked_on, note = check

        vault, case_id = self.ctx.vault, self.case.id
        self.apply(
            lambda: app_agreements.check_action(
                vault, case_id, action_id, status=status, checked_on=checked_on, note=note
            ),
            lambda _: set_message(self.ui.message, "Follow-up recorded."),
            message=self.ui.message,
            disable=[self.ui.recordCheckButton],
        )
