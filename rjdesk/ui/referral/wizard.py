"""New referral (Ctrl+N): the referral, the people it names, then a check before the case is
created, all of it in one unit of work (a refusal saves nothing)."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHeaderView, QMessageBox, QWidget, QWizard

from rjdesk.app import Vault
from rjdesk.domain.models import Participant
from rjdesk.services.cases import Referral, create_case
from rjdesk.services.people import add_participant
from rjdesk.ui.case.people.model import seen_before_sentence
from rjdesk.ui.case.people.participant_dialog import ParticipantDialog, ParticipantEntry
from rjdesk.ui.generated.referral_wizard_ui import Ui_ReferralWizard
from rjdesk.ui.referral.draft import restore_wizard, wizard_draft
from rjdesk.ui.referral.people import PendingPeopleModel, PendingPerson, summary_html
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.dates import from_qdate, to_qdate
from rjdesk.ui.toolkit.labels import CASE_TYPES, CHANNELS, SOURCES
from rjdesk.ui.toolkit.messages import sentence, set_message
from rjdesk_protocol.enums import CaseType, Channel, Flag, ReferralSource, Role

REFERRAL_PAGE, PEOPLE_PAGE, CHECK_PAGE = range(3)


@dataclass
class Created:
    """What the database thread hands back: the new case and who was seen before."""

    case_id: str
    reference: str
    seen_before: list[str] = field(default_factory=list)  # one sentence per person


def create_referral(vault: Vault, referral: Referral, people: list[PendingPerson]) -> Created:
    """The case and everyone in it, in one unit of work. Supporters are added after everyone
    else, so the person they support exists whatever order they were listed in; each keeps
    their place in the list."""
    with vault.unit_of_work() as uow:
        case = create_case(uow, referral)
        added: dict[str, Participant] = {}
        seen: list[str] = []
        order = sorted(enumerate(people), key=lambda item: item[1].entry.role == Role.SUPPORTER)
        for position, person in order:
            entry = person.entry
            participant, matches = add_participant(
                uow, case, entry.details, entry.role,
                supports=added.get(entry.supports) if entry.supports else None,
                relationship=entry.relationship, organisation=entry.organisation,
                position=position,
            )  # fmt: skip
            added[person.key] = participant
            pairs = [(m.case_reference, m.matched_on) for m in matches]
            if pairs:
                seen.append(seen_before_sentence(pairs, name=participant.name))
        return Created(case.id, case.reference, seen)


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
        text = wizard_draft(self)
        return {"referral": text} if text else {}

    def restore_drafts(self, drafts: dict[str, str]) -> None:
        if "referral" in drafts:
            restore_wizard(self, drafts["referral"])

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
        for combo, what in (
            (self.ui.caseType, "the case type"),
            (self.ui.source, "the source"),
            (self.ui.channel, "how the referral came in"),
        ):
            if combo.currentIndex() < 0:
                set_message(self.ui.referralMessage, f"Choose {what}.", error=True)
                combo.setFocus()
                return False
        referral = self.referral()
        problem = ""
        if referral.incident_date and referral.incident_date > referral.received_on:
            problem = "The incident date is after the day the referral was received."
            self.ui.incidentDate.setFocus()
        elif referral.referrer_email and "@" not in referral.referrer_email:
            problem = "The referrer's email address needs an @."
            self.ui.referrerEmail.setFocus()
        set_message(self.ui.referralMessage, problem, error=True)
        return not problem

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
        referral, people = self.referral(), list(self.people.people)
        self._set_busy(True)
        set_message(self.ui.checkMessage, "Creating the case…")
        self.ctx.tasks.run(
            lambda: create_referral(self.ctx.vault, referral, people), self._created, self._failed
        )

    def _created(self, created: Created) -> None:
        self._set_busy(False)
        self.created.emit(created.case_id)
        self.ctx.signals.cases_changed.emit()
        if created.seen_before:
            self.seen_before_text = (
                f"{created.reference} is created.\n\n" + "\n".join(created.seen_before)
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
