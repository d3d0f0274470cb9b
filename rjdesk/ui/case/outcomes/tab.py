"""The Outcomes tab: the facts the funders' returns need, and each person's feedback and
equality monitoring (whether answered; the answers only ever in their own dialog).

The outcomes are read on the database thread when the tab is shown, or when the case reloads
while it is shown (a hidden tab only notes that it is out of date), as the History tab does.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QHeaderView, QWidget

from rjdesk.app import outcomes as app_outcomes
from rjdesk.app.outcomes import OutcomesView
from rjdesk.ui.case.outcomes.equality_dialog import EqualityChoice, EqualityDialog
from rjdesk.ui.case.outcomes.facts import FactsForm
from rjdesk.ui.case.outcomes.feedback_dialog import FeedbackDialog, FeedbackEntry
from rjdesk.ui.case.outcomes.people_model import OutcomesPeopleModel, PersonOutcome
from rjdesk.ui.case.outcomes.view_rows import people_rows
from rjdesk.ui.case.pane import CasePane
from rjdesk.ui.generated.outcomes_pane_ui import Ui_OutcomesPane
from rjdesk.ui.toolkit import style
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.form_check import refused_date, set_field_message
from rjdesk.ui.toolkit.messages import sentence, set_message
from rjdesk_protocol.enums import FeedbackMoment

_DRAFT = "feedback_comment"  # a draft's name: feedback_comment/<participant id>/<moment>


class OutcomesPane(CasePane):
    """Record the returns' facts, feedback and equality monitoring for one case."""

    key = "outcomes"
    title = "Outcomes"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = ui = Ui_OutcomesPane()
        ui.setupUi(self)
        self.facts = FactsForm(ui)
        self.people = OutcomesPeopleModel(self)
        self.dialog: FeedbackDialog | EqualityDialog | None = None
        self.view: OutcomesView | None = None  # the last outcomes shown
        self._generation = 0  # an answer for an earlier case (or before a lock) is dropped
        self._stale = False
        self._shown_case = ""
        self._typing = False  # the facts form was changed and not saved
        self._pending_draft: tuple[str, FeedbackMoment, str] | None = None
        for heading in (ui.factsHeading, ui.peopleHeading):
            heading.setStyleSheet(style.heading_style(1.15))
        ui.people.setModel(self.people)
        header = ui.people.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The last column takes what is left (no sideways scroll bar for a few pixels).
        header.setSectionResizeMode(OutcomesPeopleModel.EQUALITY, QHeaderView.ResizeMode.Stretch)
        ui.people.setWordWrap(False)
        ui.splitter.setStretchFactor(0, 2)
        ui.splitter.setStretchFactor(1, 3)
        ui.splitter.setSizes([400, 700])
        ui.factsScroll.viewport().setAutoFillBackground(False)
        ui.factsContents.setAutoFillBackground(False)
        ui.saveFactsButton.clicked.connect(self.save)
        ui.attemptedOnReset.clicked.connect(lambda: self._use_worked_out("attempted"))
        ui.madeOnReset.clicked.connect(lambda: self._use_worked_out("made"))
        for combo in (ui.interventionType, ui.startedBy, ui.justiceStage):
            combo.activated.connect(self._typed)
        for field in (ui.attemptedOn, ui.madeOn):
            field.edit.textEdited.connect(self._typed)
            field.dateChanged.connect(lambda _day: self._typed_if_focused())
        ui.endButton.clicked.connect(lambda: self.open_feedback(FeedbackMoment.END))
        ui.followUpButton.clicked.connect(lambda: self.open_feedback(FeedbackMoment.FOLLOW_UP))
        # clicked(bool) would pass its "checked" as the participant id.
        ui.equalityButton.clicked.connect(lambda _checked: self.open_equality(None))
        ui.people.doubleClicked.connect(self._double_clicked)
        set_message(ui.factsMessage, "")
        set_message(ui.peopleMessage, "")
        self._enable_people_buttons()

    # -- loading ---------------------------------------------------------------------------------

    def refresh_view(self) -> None:
        assert self.snapshot is not None
        self.facts.set_today(self.snapshot.today)
        if self._shown_case != self.case.id:
            self._shown_case = self.case.id
            self._typing = False
        self._stale = True
        if self.isVisible():
            self.load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.snapshot is not None:
            self.load()

    def load(self) -> None:
        if self.snapshot is None:
            return
        self._stale = False
        self._generation += 1
        generation, vault = self._generation, self.ctx.vault
        case_id, today = self.case.id, self.snapshot.today

        def done(view: OutcomesView) -> None:
            if generation == self._generation:
                self.show_outcomes(view)

        def failed(error: BaseException) -> None:
            if generation == self._generation:
                set_message(self.ui.peopleMessage, sentence(error), error=True)

        self.ctx.tasks.run(lambda: app_outcomes.outcomes_of(vault, case_id, today), done, failed)

    def show_outcomes(self, view: OutcomesView) -> None:
        """Fill the tab from an ``OutcomesView``."""
        self.view = view
        self.facts.show(
            intervention_type=view.intervention_type,
            started_by=view.started_by,
            justice_stage=view.justice_stage,
            attempted=view.first_contact_attempted,
            made=view.first_contact_made,
            keep_typing=self._typing,
        )
        selected = self._selected()
        self.people.set_rows(people_rows(view))
        row = self.people.row_of(selected.participant_id) if selected else 0
        if self.people.rowCount():
            self.ui.people.selectRow(max(row, 0))
        self.ui.people.resizeRowsToContents()
        self._enable_people_buttons()
        if not self.people.rowCount():
            set_message(self.ui.peopleMessage, "Nobody is in the case yet (People tab).")
            return
        set_message(self.ui.peopleMessage, "")
        if self._pending_draft is not None:
            participant_id, moment, text = self._pending_draft
            self._pending_draft = None
            dialog = self.open_feedback(moment, participant_id)
            if dialog is not None:
                dialog.ui.comment.setPlainText(text)

    def _enable_people_buttons(self) -> None:
        has_people = self.people.rowCount() > 0
        for button in (self.ui.endButton, self.ui.followUpButton, self.ui.equalityButton):
            button.setEnabled(has_people)

    # -- the facts ---------------------------------------------------------------------------------

    def _typed(self, *_args: object) -> None:
        self._typing = True

    def _typed_if_focused(self) -> None:
        # A date picked from the calendar or typed (not one set by show()).
        if any(
            field.edit.hasFocus() or (field.calendar is not None and field.calendar.isVisible())
            for field in (self.ui.attemptedOn, self.ui.madeOn)
        ):
            self._typing = True

    def _use_worked_out(self, key: str) -> None:
        self.facts.use_worked_out(key)
        self.save()

    def save(self) -> None:
        """Ctrl+S (and Save these facts): save the returns' facts."""
        ui = self.ui
        if self.snapshot is None or self.view is None or not ui.saveFactsButton.isEnabled():
            return
        if refused_date(ui.attemptedOn, ui.madeOn, message=ui.factsMessage):
            return
        problem, field = self.facts.problem()
        if problem:
            set_field_message(ui.factsMessage, problem, field)
            return
        entry = self.facts.entry()
        vault, case_id = self.ctx.vault, self.case.id

        def done(_view: object) -> None:
            self._typing = False
            set_message(ui.factsMessage, "Saved.")

        self.apply(
            lambda: app_outcomes.set_returns_facts(
                vault,
                case_id,
                intervention_type=entry.intervention_type,
                started_by=entry.started_by,
                justice_stage=entry.justice_stage,
                first_contact_attempted_on=entry.first_contact_attempted_on,
                first_contact_made_on=entry.first_contact_made_on,
            ),
            done,
            message=ui.factsMessage,
            disable=[ui.saveFactsButton, ui.attemptedOnReset, ui.madeOnReset],
        )

    # -- feedback and equality -----------------------------------------------------------------

    def _selected(self) -> PersonOutcome | None:
        rows = self.ui.people.selectionModel().selectedRows()
        return self.people.row(rows[0].row()) if rows else None

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() == OutcomesPeopleModel.FOLLOW_UP:
            self.open_feedback(FeedbackMoment.FOLLOW_UP)
        elif index.column() == OutcomesPeopleModel.EQUALITY:
            self.open_equality()
        else:
            self.open_feedback(FeedbackMoment.END)

    def _person(self, participant_id: str | None) -> PersonOutcome | None:
        if participant_id is not None:
            row = self.people.row_of(participant_id)
            return self.people.row(row) if row >= 0 else None
        return self._selected()

    def open_feedback(
        self, moment: FeedbackMoment, participant_id: str | None = None
    ) -> FeedbackDialog | None:
        """The feedback dialog for the selected person (or ``participant_id``)."""
        person = self._person(participant_id)
        if self.snapshot is None or person is None:
            return None
        self._close_dialog()
        dialog = FeedbackDialog(
            self,
            name=person.name,
            moment=moment,
            today=self.snapshot.today,
            earliest=self.case.received_on,
            entry=person.feedback(moment),
        )
        dialog.setProperty("participant_id", person.participant_id)
        dialog.submitted.connect(
            lambda entry: self._save_feedback(dialog, person.participant_id, entry)
        )
        self._show_dialog(dialog)
        return dialog

    def _save_feedback(
        self, dialog: FeedbackDialog, participant_id: str, entry: FeedbackEntry
    ) -> None:
        vault, case_id, moment = self.ctx.vault, self.case.id, dialog.moment
        self.apply(
            lambda: app_outcomes.record_feedback(
                vault,
                case_id,
                participant_id,
                moment,
                given_on=entry.given_on,
                satisfaction=entry.satisfaction,
                coping=entry.coping,
                feels_safer=entry.feels_safer,
                would_recommend=entry.would_recommend,
                comment=entry.comment,
            ),
            lambda _view: self._finish(dialog),
            message=dialog.ui.message,
            disable=[dialog.save_button()],
        )

    def open_equality(self, participant_id: str | None = None) -> EqualityDialog | None:
        """The equality monitoring dialog for the selected person (or ``participant_id``)."""
        person = self._person(participant_id)
        if self.snapshot is None or person is None:
            return None
        self._close_dialog()
        dialog = EqualityDialog(
            self,
            name=person.name,
            choice=person.equality,
            from_birth=person.age_band_from_birth,
        )
        dialog.submitted.connect(
            lambda choice: self._save_equality(dialog, person.participant_id, choice)
        )
        self._show_dialog(dialog)
        return dialog

    def _save_equality(
        self, dialog: EqualityDialog, participant_id: str, choice: EqualityChoice
    ) -> None:
        vault, case_id = self.ctx.vault, self.case.id
        answers = app_outcomes.EqualityAnswers(
            age_band=choice.age_band,
            sex=choice.sex,
            gender_same_as_sex=choice.gender_same_as_sex,
            sexual_orientation=choice.sexual_orientation,
            ethnicity=choice.ethnicity,
            disability=choice.disability,
            religion=choice.religion,
        )
        self.apply(
            lambda: app_outcomes.record_equality(vault, case_id, participant_id, answers),
            lambda _view: self._finish(dialog),
            message=dialog.ui.message,
            disable=[dialog.save_button()],
        )

    def _show_dialog(self, dialog: FeedbackDialog | EqualityDialog) -> None:
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()

    def _finish(self, dialog: FeedbackDialog | EqualityDialog) -> None:
        if self.dialog is dialog:  # not cancelled (and cleared) while saving
            dialog.set_busy(False)
            dialog.done(QDialog.DialogCode.Accepted)

    def _forget_dialog(self, dialog: FeedbackDialog | EqualityDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.clear()
        # A save still running answers into the dialog: delete it after that answer.
        self.ctx.tasks.delete_when_answered(dialog)

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.set_busy(False)
            self.dialog.reject()

    # -- locking -------------------------------------------------------------------------------

    def drafts(self) -> dict[str, str]:
        dialog = self.dialog
        if isinstance(dialog, FeedbackDialog):
            participant_id = str(dialog.property("participant_id"))
            name = f"{_DRAFT}/{participant_id}/{dialog.moment.value}"
            return {name: dialog.ui.comment.toPlainText()}
        return {}

    def restore_drafts(self, drafts: dict[str, str]) -> None:
        for name, text in drafts.items():
            parts = name.split("/")
            if len(parts) == 3 and parts[0] == _DRAFT and text.strip():
                self._pending_draft = (parts[1], FeedbackMoment(parts[2]), text)

    def clear(self) -> None:
        self._generation += 1
        self._stale = False
        self._close_dialog()
        self.facts.clear()
        self.people.set_rows([])
        self.view = None
        self._shown_case = ""
        self._typing = False
        self._pending_draft = None
        self._enable_people_buttons()
        set_message(self.ui.factsMessage, "")
        set_message(self.ui.peopleMessage, "")
