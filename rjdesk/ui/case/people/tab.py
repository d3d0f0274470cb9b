"""The People tab: everyone in the case, their details, consent, the Victims' Code for harmed
people, and the other cases they (or their address) appear in."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import QItemSelectionModel, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from rjdesk.app import people
from rjdesk.app.cases import CaseSnapshot
from rjdesk.app.views import ParticipantView
from rjdesk.domain import rules
from rjdesk.ui.case.pane import CasePane
from rjdesk.ui.case.people.layout import ColumnFit, fit_table_height
from rjdesk.ui.case.people.model import (
    PeopleModel,
    PersonRow,
    age_text,
    consent_text,
    entry_of,
    language_text,
    person_rows,
    role_text,
    seen_before_html,
    seen_before_sentence,
)
from rjdesk.ui.case.people.participant_dialog import ParticipantDialog, ParticipantEntry
from rjdesk.ui.case.people.rj_information_dialog import RjInformationDialog
from rjdesk.ui.generated.people_pane_ui import Ui_PeoplePane
from rjdesk.ui.toolkit import style
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.messages import sentence, set_message, show_error
from rjdesk_protocol.enums import Stage
from rjdesk_protocol.errors import RjdeskError

_NOBODY_YET = "Nobody is recorded in this case yet: Add person… to start."


def _accept(dialog: QDialog) -> None:
    """Close a dialog once its change is saved, unless a lock closed it meanwhile."""
    if shiboken6.isValid(dialog):
        dialog.accept()


class PeoplePane(CasePane):
    """Everyone in the case. The actions work on the person chosen in the table."""

    key = "people"
    title = "People"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_PeoplePane()
        self.ui.setupUi(self)
        self.model = PeopleModel(self)
        self.ui.table.setModel(self.model)
        ColumnFit(self.ui.table)
        self.ui.splitter.setStretchFactor(0, 3)
        self.ui.splitter.setStretchFactor(1, 2)
        self.ui.personName.setStyleSheet(style.heading_style(1.2))
        self.ui.seenBeforeCaption.setStyleSheet("font-weight: 600;")
        self.ui.table.selectionModel().currentRowChanged.connect(self._user_chose)
        self.ui.table.doubleClicked.connect(lambda _index: self.edit_person())
        self.ui.addButton.clicked.connect(self.add_person)
        self.ui.editButton.clicked.connect(self.edit_person)
        self.ui.rjInfoButton.clicked.connect(self.record_rj_information)
        self.ui.removeButton.clicked.connect(self.remove_person)
        self.ui.seenBefore.linkActivated.connect(self._open_other_case)
        # The dialog or question box open over this tab (tests drive it; clear() closes it).
        self.dialog: QDialog | None = None
        self._select_id: str | None = None
        self._fit_pending = True
        self._refreshing = False
        set_message(self.ui.message, "")
        self._show_person(None)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._fit_pending:
            # After the layout has given the table its width (rows wrap to fit it).
            QTimer.singleShot(0, self, self._fit_splitter)

    def _fit_splitter(self) -> None:
        self._fit_pending = not fit_table_height(self.ui.table, self.ui.splitter)

    # -- showing the case ---------------------------------------------------------------------

    def show_case(self, snapshot: CaseSnapshot) -> None:
        new_case = self.snapshot is None or self.snapshot.case.id != snapshot.case.id
        super().show_case(snapshot)
        if new_case:
            self._fit_splitter()

    def refresh_view(self) -> None:
        wanted = self._select_id or self._chosen_id()
        self._select_id = None
        self._refreshing = True
        try:
            self._refill(wanted)
        finally:
            self._refreshing = False
        self._chosen()

    def _refill(self, wanted: str | None) -> None:
        self.model.set_rows(person_rows(self.snapshot) if self.snapshot else [])
        if self.model.rowCount() == 0:
            set_message(self.ui.message, _NOBODY_YET)
        elif self.ui.message.text() == _NOBODY_YET:
            set_message(self.ui.message, "")
        row = self.model.row_of(wanted) if wanted else -1
        if row < 0 and self.model.rowCount() > 0:
            row = 0
        if row >= 0:
            self.ui.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def clear(self) -> None:
        self._close_dialog()
        self.model.clear()
        self._select_id = None
        set_message(self.ui.message, "")
        self._show_person(None)

    def _chosen_id(self) -> str | None:
        row = self._chosen_row()
        return row.participant_id if row is not None else None

    def _chosen_row(self) -> PersonRow | None:
        index = self.ui.table.selectionModel().currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.person(index.row())

    def _user_chose(self, *_args: Any) -> None:
        if not self._refreshing:
            # A message about the person chosen before would now read as about this one.
            set_message(self.ui.message, "")
            self._chosen()

    def _chosen(self, *_args: Any) -> None:
        participant_id = self._chosen_id()
        participant = None
        if participant_id is not None and self.snapshot is not None:
            participant = self.snapshot.case.participant(participant_id)
        self._show_person(participant)

    def _show_person(self, participant: ParticipantView | None) -> None:
        ui = self.ui
        labels = (ui.personName, ui.role, ui.dateOfBirth, ui.phone, ui.email, ui.address,
                  ui.language, ui.accessNeeds, ui.consent, ui.victimsCode,
                  ui.seenBefore)  # fmt: skip
        for label in labels:
            label.clear()
        ui.victimsCode.setStyleSheet("")
        ui.details.setVisible(participant is not None)
        self._update_actions(participant)
        if participant is None or self.snapshot is None:
            return
        today, person = self.snapshot.today, participant.person
        ui.personName.setText(participant.name)
        ui.role.setText(role_text(participant))
        ui.dateOfBirth.setText(age_text(participant, today))
        ui.phone.setText(person.phone or "—")
        ui.email.setText(person.email or "—")
        ui.address.setText(person.address or "—")
        ui.language.setText(language_text(participant) or "—")
        ui.accessNeeds.setText(person.access_needs or "None recorded")
        ui.consent.setText(consent_text(participant, today))
        harmed = {p.id: s for p, s in self.snapshot.case.victims_code}
        status = harmed.get(participant.id)
        ui.victimsCode.setText(status.describe() if status else "Not applicable (not harmed)")
        if status is not None and status.breach:
            ui.victimsCode.setStyleSheet(f"color: {style.colour('error')}; font-weight: 600;")
        consents = participant.role.consents
        ui.seenBeforeCaption.setVisible(consents)
        ui.seenBefore.setVisible(consents)
        if consents:
            # Professionals and interpreters meet many cases as part of their job: not shown.
            seen = self.snapshot.seen_before.get(participant.id, [])
            ui.seenBefore.setText(seen_before_html(seen))

    def _update_actions(self, participant: ParticipantView | None) -> None:
        ui = self.ui
        open_case = self.snapshot is not None and self.case.stage != Stage.CLOSED
        closed_tip = "" if open_case else "The case is closed"
        ui.addButton.setEnabled(open_case)
        ui.addButton.setToolTip(closed_tip or "Add someone to this case")
        for button in (ui.editButton, ui.removeButton):
            button.setEnabled(open_case and participant is not None)
        harmed = participant is not None and participant.role.is_harmed
        ui.rjInfoButton.setEnabled(self.snapshot is not None and harmed)
        ui.rjInfoButton.setToolTip(
            "Victims' Code: the day this person was given information about RJ"
            if harmed
            else "For harmed people only: choose a harmed person in the table"
        )

    def _open_other_case(self, case_id: str) -> None:
        self.ctx.signals.open_case.emit(case_id, "people")

    # -- actions ------------------------------------------------------------------------------

    def _candidates(self) -> list[tuple[str, str]]:
        """Whom a new supporter can support: the harmed and responsible people."""
        return [(p.id, rules.describe(p)) for p in self.case.parties]

    def _open_dialog(self, dialog: QDialog) -> None:
        self._close_dialog()
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    def _close_dialog(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            # Out of the widget tree at once: it holds case text and the lock is coming.
            dialog.hide()
            dialog.setParent(None)
            dialog.deleteLater()

    def add_person(self) -> None:
        if self.snapshot is None:
            return
        set_message(self.ui.message, "")
        dialog = ParticipantDialog(self, today=self.snapshot.today, candidates=self._candidates())

        vault, case_id = self.ctx.vault, self.case.id

        def save(entry: ParticipantEntry) -> None:
            def work() -> people.Added:
                return people.add_participant(
                    vault, case_id, entry.details, entry.role, supports_id=entry.supports,
                    relationship=entry.relationship, organisation=entry.organisation,
                )  # fmt: skip

            self.apply(work, lambda added: self._added(dialog, added), message=dialog.ui.message)

        dialog.submitted.connect(save)
        self._open_dialog(dialog)

    def _added(self, dialog: QDialog, added: people.Added) -> None:
        _accept(dialog)
        self._select_id = added.participant_id
        seen = [(m.case_reference, m.matched_on) for m in added.seen_before]
        if seen:
            set_message(self.ui.message, seen_before_sentence(seen))

    def edit_person(self) -> None:
        participant_id = self._chosen_id()
        if self.snapshot is None or participant_id is None or not self.ui.editButton.isEnabled():
            return
        set_message(self.ui.message, "")
        p = self.snapshot.case.participant(participant_id)
        supported = [(p.supports.id, rules.describe(p.supports))] if p.supports else []
        dialog = ParticipantDialog(
            self, today=self.snapshot.today, candidates=supported or self._candidates(),
            entry=entry_of(p), details_only=True,
        )  # fmt: skip

        vault, case_id = self.ctx.vault, self.case.id

        def save(edited: ParticipantEntry) -> None:
            self.apply(
                lambda: people.update_person(vault, case_id, participant_id, edited.details),
                lambda _result: _accept(dialog),
                message=dialog.ui.message,
            )

        dialog.submitted.connect(save)
        self._open_dialog(dialog)

    def record_rj_information(self) -> None:
        participant_id = self._chosen_id()
        if self.snapshot is None or participant_id is None:
            return
        participant = self.snapshot.case.participant(participant_id)
        harmed = {p.id: s for p, s in self.snapshot.case.victims_code}
        status = harmed.get(participant_id)
        if status is None:
            return
        set_message(self.ui.message, "")
        dialog = RjInformationDialog(
            self, name=participant.name, status=status, today=self.snapshot.today
        )
        vault, case_id = self.ctx.vault, self.case.id
        dialog.submitted.connect(
            lambda given_on: self.apply(
                lambda: people.record_rj_information(vault, case_id, participant_id, given_on),
                lambda _result: _accept(dialog),
                message=dialog.ui.message,
            )
        )
        self._open_dialog(dialog)

    def remove_person(self) -> None:
        """Ask first whether the removal would be refused, so that someone the records need
        is refused with its reason before any question is asked."""
        row = self._chosen_row()
        if self.snapshot is None or row is None:
            return
        set_message(self.ui.message, "")
        vault, case_id, participant_id = self.ctx.vault, self.case.id, row.participant_id

        def checked(refusal: RjdeskError | None) -> None:
            if refusal is not None:
                set_message(self.ui.message, sentence(refusal), error=True)
            else:
                self._confirm_removal(participant_id)

        def failed(error: BaseException) -> None:
            if isinstance(error, RjdeskError):  # say, the case is gone meanwhile
                set_message(self.ui.message, sentence(error), error=True)
            else:
                show_error(self, error)

        self.ctx.tasks.run(
            lambda: people.removal_refusal(vault, case_id, participant_id), checked, failed
        )

    def _confirm_removal(self, participant_id: str) -> None:
        if self.snapshot is None or self._chosen_id() != participant_id:
            return
        participant = self.snapshot.case.participant(participant_id)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            "Remove person",
            f"Remove {rules.describe(participant)} from this case? "
            "Use this only for someone added by mistake.",
            QMessageBox.StandardButton.Cancel,
            self,
        )
        remove = box.addButton("&Remove", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        vault, case_id = self.ctx.vault, self.case.id

        def answered(_result: int) -> None:
            if box.clickedButton() is remove:
                self.apply(
                    lambda: people.remove_participant(vault, case_id, participant_id),
                    message=self.ui.message,
                )

        box.finished.connect(answered)
        self._open_dialog(box)
