"""New referral (Ctrl+N): the referral, the people it names, then a check before the case is
created, all of it in one unit of work (a refusal saves nothing)."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHeaderView, QMessageBox, QWidget, QWizard

from rjdesk.app import referrals
from rjdesk.app.referrals import Created, Referral, ReferralDraft
from rjdesk.ui.case.people.model import seen_before_sentence
from rjdesk.ui.case.people.participant_dialog import ParticipantDialog, ParticipantEntry
from rjdesk.ui.generated.referral_wizard_ui import Ui_ReferralWizard
from rjdesk.ui.referral.people import PendingPeopleModel, summary_html
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.dates import from_qdate, to_qdate
from rjdesk.ui.toolkit.form_check import refused_date, set_field_message
from rjdesk.ui.toolkit.labels import CASE_TYPES, CHANNELS, SOURCES
from rjdesk.ui.toolkit.messages import sentence, set_message
from rjdesk.ui.toolkit.screen import fit_dialog
from rjdesk_protocol.enums import CaseType, Channel, Flag, ReferralSource

REFERRAL_PAGE, PEOPLE_PAGE, CHECK_PAGE = range(3)

_Choice = TypeVar("_Choice", CaseType, ReferralSource, Channel)


def _chosen(kind: type[_Choice], combo: QComboBox) -> _Choice | None:
    data = combo.currentData()
    return kind(data) if data else None


def _choose(combo: QComboBox, choice: CaseType | ReferralSource | Channel | None) -> None:
    if choice is not None:
        combo.setCurrentIndex(combo.findData(choice.value))


class ReferralWizard(QWizard):
    """Take a new referral. ``created(case_id)`` is emitted once the case is saved (and
    ``ctx.signals.cases_changed``); the wizard then closes and deletes itself, so no referral
    text stays in a hidden window."""

    created = Signal(str)

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_ReferralWizard()
        self.ui.setupUi(self)
        fit_dialog(self, QSize(900, 640))  # or as large as the screen allows
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.today = ctx.today()
        ui = self.ui
        for combo, labels in (
            (ui.caseType, CASE_TYPES),
            (ui.source, SOURCES),
            (ui.channel, CHANNELS),
        ):
            for value, label in labels.items():
                combo.addItem(label, value.value)
            combo.setCurrentIndex(-1)  # chosen by the facilitator, never a silent default
        self.flag_boxes: dict[Flag, QCheckBox] = {
            Flag.HATE_CRIME: ui.flagHateCrime,
            Flag.SAFEGUARDING_CHILD: ui.flagSafeguardingChild,
            Flag.SAFEGUARDING_ADULT: ui.flagSafeguardingAdult,
            Flag.DOMESTIC_ABUSE: ui.flagDomesticAbuse,
            Flag.NOISE_NUISANCE: ui.flagNoiseNuisance,
            Flag.REPEAT_REFERRAL: ui.flagRepeatReferral,
        }
        for edit in (ui.receivedOn, ui.incidentDate):
            edit.setMaximumDate(to_qdate(self.today))
            edit.setDate(to_qdate(self.today))
        ui.incidentKnown.toggled.connect(self._incident_known)
        self.people = PendingPeopleModel(self.today, self)
        ui.peopleTable.setModel(self.people)
        header = ui.peopleTable.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.resizeSection(PendingPeopleModel.NAME, 170)
        header.resizeSection(PendingPeopleModel.ROLE, 200)
        ui.peopleTable.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        ui.peopleTable.doubleClicked.connect(lambda _index: self.edit_person())
        ui.addPersonButton.clicked.connect(self.add_person)
        ui.editPersonButton.clicked.connect(self.edit_person)
        ui.removePersonButton.clicked.connect(self.remove_person)
        ui.peopleTable.selectionModel().currentRowChanged.connect(self._update_people_buttons)
        self.people.rowsInserted.connect(self._update_people_buttons)
        self.people.rowsRemoved.connect(self._update_people_buttons)
        self.setButtonText(QWizard.WizardButton.FinishButton, "&Create case")
        for message in (ui.referralMessage, ui.peopleMessage, ui.checkMessage):
            set_message(message, "")
        self.currentIdChanged.connect(self._page_shown)
        # The open person dialog and the "seen before" note (tests drive and read them).
        self.dialog: ParticipantDialog | None = None
        self.seen_before_box: QMessageBox | None = None
        self.seen_before_text = ""
        self._creating = False
        self._update_people_buttons()

    # -- lock and unlock -----------------------------------------------------------------------

    def drafts(self) -> dict[str, str]:
        """What has been typed, kept encrypted in the vault if the laptop locks meanwhile."""
        if self._creating:
            return {}
        draft = self.draft()
        return {"referral": draft.to_json()} if draft.typed else {}

    def restore_drafts(self, drafts: dict[str, str]) -> None:
        draft = ReferralDraft.from_json(drafts["referral"]) if "referral" in drafts else None
        if draft is not None:  # a damaged draft is ignored
            self.fill(draft)

    def draft(self) -> ReferralDraft:
        """Everything typed so far, as typed."""
        ui = self.ui
        known = ui.incidentKnown.isChecked()
        return ReferralDraft(
            received_on=from_qdate(ui.receivedOn.date()),
            case_type=_chosen(CaseType, ui.caseType),
            source=_chosen(ReferralSource, ui.source),
            channel=_chosen(Channel, ui.channel),
            referrer_name=ui.referrerName.text(),
            referrer_organisation=ui.referrerOrganisation.text(),
            referrer_phone=ui.referrerPhone.text(),
            referrer_email=ui.referrerEmail.text(),
            crime_reference=ui.crimeReference.text(),
            incident_date=from_qdate(ui.incidentDate.date()) if known else None,
            location=ui.location.text(),
            summary=ui.summary.toPlainText(),
            flags=tuple(flag for flag, box in self.flag_boxes.items() if box.isChecked()),
            people=tuple(person.new_person() for person in self.people.people),
            page=self.currentId(),
        )

    def fill(self, draft: ReferralDraft) -> None:
        """Put a draft back into the wizard, on the page it was on."""
        ui = self.ui
        ui.referrerName.setText(draft.referrer_name)
        ui.referrerOrganisation.setText(draft.referrer_organisation)
        ui.referrerPhone.setText(draft.referrer_phone)
        ui.referrerEmail.setText(draft.referrer_email)
        ui.crimeReference.setText(draft.crime_reference)
        ui.location.setText(draft.location)
        ui.summary.setPlainText(draft.summary)
        _choose(ui.caseType, draft.case_type)
        _choose(ui.source, draft.source)
        _choose(ui.channel, draft.channel)
        ui.receivedOn.setDate(to_qdate(draft.received_on))
        if draft.incident_date is not None:
            ui.incidentKnown.setChecked(True)
            ui.incidentDate.setDate(to_qdate(draft.incident_date))
        for flag, box in self.flag_boxes.items():
            box.setChecked(flag in draft.flags)
        for person in draft.people:
            entry = ParticipantEntry(person.details, person.role, person.supports,
                                     person.relationship, person.organisation)  # fmt: skip
            self.people.add(entry, key=person.key)
        for _ in range(draft.page):
            self.next()

    def wipe(self) -> None:
        """Blank every field before the wizard goes (its deletion waits for the event loop)."""
        ui = self.ui
        for edit in (ui.referrerName, ui.referrerOrganisation, ui.referrerPhone,
                     ui.referrerEmail, ui.crimeReference, ui.location):  # fmt: skip
            edit.clear()
        ui.summary.clear()
        ui.checkSummary.clear()
        self.people.clear()

    # -- page 1: the referral -----------------------------------------------------------------

    def _incident_known(self, known: bool) -> None:
        self.ui.incidentDate.setEnabled(known)
        if known:
            self.ui.incidentDate.setFocus()

    def referral(self) -> Referral:
        ui = self.ui
        incident = from_qdate(ui.incidentDate.date()) if ui.incidentKnown.isChecked() else None
        return Referral(
            case_type=CaseType(ui.caseType.currentData()),
            received_on=from_qdate(ui.receivedOn.date()),
            source=ReferralSource(ui.source.currentData()),
            channel=Channel(ui.channel.currentData()),
            summary=ui.summary.toPlainText().strip(),
            referrer_name=ui.referrerName.text().strip() or None,
            referrer_organisation=ui.referrerOrganisation.text().strip() or None,
            referrer_phone=ui.referrerPhone.text().strip() or None,
            referrer_email=ui.referrerEmail.text().strip() or None,
            crime_reference=ui.crimeReference.text().strip() or None,
            incident_date=incident,
            location=ui.location.text().strip() or None,
            flags=tuple(flag for flag, box in self.flag_boxes.items() if box.isChecked()),
        )

    def validateCurrentPage(self) -> bool:
        if self.currentId() != REFERRAL_PAGE:
            return super().validateCurrentPage()
        if refused_date(self.currentPage(), message=self.ui.referralMessage):
            return False
        for combo, what in (
            (self.ui.caseType, "the case type"),
            (self.ui.source, "the source"),
            (self.ui.channel, "how the referral came in"),
        ):
            if combo.currentIndex() < 0:
                set_field_message(self.ui.referralMessage, f"Choose {what}.", combo)
                combo.setFocus()
                return False
        referral = self.referral()
        field: QWidget
        if referral.incident_date and referral.incident_date > referral.received_on:
            problem, field = (
                "The incident date is after the day the referral was received.",
                self.ui.incidentDate,
            )
        elif referral.referrer_email and "@" not in referral.referrer_email:
            problem, field = "The referrer's email address needs an @.", self.ui.referrerEmail
        else:
            set_message(self.ui.referralMessage, "")
            return True
        # The message goes as soon as the field it is about is changed.
        set_field_message(self.ui.referralMessage, problem, field)
        field.setFocus()
        return False

    # -- page 2: the people -------------------------------------------------------------------

    def _chosen_row(self) -> int:
        index = self.ui.peopleTable.currentIndex()
        return index.row() if index.isValid() else -1

    def _update_people_buttons(self, *_args: object) -> None:
        chosen = self._chosen_row() >= 0
        self.ui.editPersonButton.setEnabled(chosen)
        self.ui.removePersonButton.setEnabled(chosen)

    def _open_dialog(self, dialog: ParticipantDialog) -> None:
        self.dialog = dialog
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        dialog.open()

    def _dialog_closed(self, dialog: ParticipantDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _choose(self, row: int) -> None:
        self.ui.peopleTable.selectionModel().setCurrentIndex(
            self.people.index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def add_person(self) -> None:
        set_message(self.ui.peopleMessage, "")
        dialog = ParticipantDialog(self, today=self.today, candidates=self.people.candidates())

        def added(entry: ParticipantEntry) -> None:
            self.people.add(entry)
            self._choose(len(self.people.people) - 1)
            dialog.accept()

        dialog.submitted.connect(added)
        self._open_dialog(dialog)

    def edit_person(self) -> None:
        row = self._chosen_row()
        if row < 0:
            return
        set_message(self.ui.peopleMessage, "")
        person = self.people.people[row]
        dialog = ParticipantDialog(
            self, today=self.today, candidates=self.people.candidates(exclude=person.key),
            entry=person.entry,
        )  # fmt: skip

        def edited(entry: ParticipantEntry) -> None:
            supporters = self.people.supporters_of(person.key)
            if supporters and not entry.role.is_party:
                dialog.show_refusal(
                    f"{supporters[0].name} supports {person.name}: change or remove "
                    f"{supporters[0].name} first."
                )
                return
            self.people.replace(row, entry)
            dialog.accept()

        dialog.submitted.connect(edited)
        self._open_dialog(dialog)

    def remove_person(self) -> None:
        row = self._chosen_row()
        if row < 0:
            return
        person = self.people.people[row]
        supporters = self.people.supporters_of(person.key)
        if supporters:
            set_message(
                self.ui.peopleMessage,
                f"{supporters[0].name} supports {person.name}: remove {supporters[0].name} "
                "first, or change whom they support.",
                error=True,
            )
            return
        set_message(self.ui.peopleMessage, "")
        self.people.remove(row)

    # -- page 3: check and create -------------------------------------------------------------

    def _page_shown(self, page: int) -> None:
        if page == CHECK_PAGE:
            set_message(self.ui.checkMessage, "")
            self.ui.checkSummary.setHtml(summary_html(self.referral(), self.people, self.today))
        elif page == PEOPLE_PAGE and not self.people.people:
            self.ui.addPersonButton.setFocus()

    def accept(self) -> None:
        """Finish: create the case on the database thread; close only once it is saved."""
        if self._creating:
            return
        referral = self.referral()
        people = [person.new_person() for person in self.people.people]
        vault = self.ctx.vault
        self._set_busy(True)
        set_message(self.ui.checkMessage, "Creating the case…")
        self.ctx.tasks.run(
            lambda: referrals.create_case(vault, referral, people), self._created, self._failed
        )

    def _created(self, created: Created) -> None:
        self._set_busy(False)
        self.created.emit(created.case_id)
        self.ctx.signals.cases_changed.emit()
        seen = [
            seen_before_sentence([(m.case_reference, m.matched_on) for m in person.matches],
                                 name=person.name)
            for person in created.seen_before
        ]  # fmt: skip
        if seen:
            self.seen_before_text = (
                f"{created.reference} is created.\n\n" + "\n".join(seen)
                + "\n\nThe People tab links to the other cases."
            )  # fmt: skip
            # Parented to what opened the wizard: the wizard closes now and deletes itself.
            box = QMessageBox(
                QMessageBox.Icon.Information, "Seen before", self.seen_before_text,
                QMessageBox.StandardButton.Ok, self.parentWidget(),
            )  # fmt: skip
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
            self.seen_before_box = box
        super().accept()

    def _failed(self, error: BaseException) -> None:
        self._set_busy(False)
        set_message(self.ui.checkMessage, sentence(error), error=True)

    def _set_busy(self, busy: bool) -> None:
        self._creating = busy
        for which in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        ):
            self.button(which).setEnabled(not busy)

    def reject(self) -> None:
        if not self._creating:
            super().reject()
