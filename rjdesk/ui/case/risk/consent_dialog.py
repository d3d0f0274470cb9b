"""Give or withdraw consent: who, whose consent (for someone under 18), which scopes, when.

The dialog only gathers the choice; the Risk & consent tab saves it and closes the dialog once
the save succeeds, so that a refusal is shown here and nothing typed is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QWidget

from rjdesk.app.cases import CaseSnapshot
from rjdesk.app.views import ParticipantView
from rjdesk.domain import rules
from rjdesk.ui.case.risk.consent_tables import (
    anything_in_force,
    consent_state,
    consenting,
    day_text,
    parents_and_carers,
)
from rjdesk.ui.generated.consent_dialog_ui import Ui_ConsentDialog
from rjdesk.ui.toolkit import style
from rjdesk.ui.toolkit.form_check import refused_date
from rjdesk.ui.toolkit.messages import set_message
from rjdesk.ui.toolkit.screen import fit_dialog
from rjdesk_protocol.enums import ConsentScope


@dataclass(frozen=True)
class ConsentChoice:
    """What the facilitator chose: ``given_by_id`` names the parent or carer, if it is theirs."""

    participant_id: str
    given_by_id: str | None
    scopes: tuple[ConsentScope, ...]
    on: date
    note: str = ""


class ConsentDialog(QDialog):
    """Give consent (``withdraw=False``) or record its withdrawal, for one person at a time."""

    submitted = Signal(object)  # a ConsentChoice

    def __init__(
        self,
        snapshot: CaseSnapshot,
        *,
        withdraw: bool,
        selected: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ConsentDialog()
        self.ui.setupUi(self)
        fit_dialog(self)  # never larger than the screen it opens on
        self.withdraw = withdraw
        self._snapshot = snapshot
        self._boxes: dict[ConsentScope, QCheckBox] = {
            ConsentScope.TAKE_PART: self.ui.takePart,
            ConsentScope.SHARE_WITH_OTHER_PARTY: self.ui.share,
            ConsentScope.FEEDBACK_CONTACT: self.ui.feedback,
        }
        ui = self.ui
        save = ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        # "&Save" would clash with "&Share information…"; name the act instead.
        save.setText("Withd&raw consent" if withdraw else "&Give consent")
        save.setDefault(True)
        ui.buttons.accepted.connect(self._submit)
        ui.buttons.rejected.connect(self.reject)
        self.setWindowTitle("Withdraw consent" if withdraw else "Give consent")
        ui.dateLabel.setText("Withdrawn &on" if withdraw else "Given &on")
        ui.date.setAccessibleName("Withdrawn on" if withdraw else "Given on")
        ui.intro.setText(
            "Record that consent was withdrawn. Only consent in force can be withdrawn."
            if withdraw
            else "Record the informed consent the person gave after you explained what taking "
            "part involves. For someone under 18, record their parent's or carer's consent "
            "as well (choose it under “Consent from”)."
        )
        ui.form.setRowVisible(ui.note, withdraw)
        ui.warning.setVisible(withdraw)
        ui.warning.setStyleSheet(f"color: {style.colour('error')}; font-weight: 600;")
        set_message(ui.message, "")
        today = snapshot.today
        ui.date.setMaximumDate(QDate(today.year, today.month, today.day))
        ui.date.setDate(QDate(today.year, today.month, today.day))
        people = consenting(snapshot.case.participants)
        if withdraw:
            people = [p for p in people if anything_in_force(p, today)]
        for person in people:
            ui.who.addItem(rules.describe(person), person.id)
        if selected is None and not withdraw:
            # Start with the first person who still has something to give.
            selected = next((p.id for p in people if _missing_any(p, today)), None)
        if selected is not None and ui.who.findData(selected) >= 0:
            ui.who.setCurrentIndex(ui.who.findData(selected))
        ui.who.currentIndexChanged.connect(self._person_changed)
        ui.givenBy.currentIndexChanged.connect(self._refresh_scopes)
        ui.date.dateChanged.connect(self._person_changed)
        self._person_changed()

    # -- what is chosen ---------------------------------------------------------------------

    def person(self) -> ParticipantView | None:
        participant_id = self.ui.who.currentData()
        if participant_id is None:
            return None
        return self._snapshot.case.participant(participant_id)

    def on(self) -> date:
        result: date = self.ui.date.date().toPython()  # type: ignore[assignment]
        return result

    def choice(self) -> ConsentChoice | None:
        person = self.person()
        if person is None:
            return None
        scopes = tuple(s for s, box in self._boxes.items() if box.isChecked() and box.isEnabled())
        return ConsentChoice(
            participant_id=person.id,
            given_by_id=self.ui.givenBy.currentData(),
            scopes=scopes,
            on=self.on(),
            note=self.ui.note.toPlainText().strip() if self.withdraw else "",
        )

    def _submit(self) -> None:
        if refused_date(self.ui.date, message=self.ui.message):
            return
        choice = self.choice()
        if choice is None:
            set_message(self.ui.message, "Nobody has consent in force to withdraw.", error=True)
            return
        if not choice.scopes:
            what = "withdrawn" if self.withdraw else "consented to"
            set_message(self.ui.message, f"Tick at least one thing {what}.", error=True)
            return
        self.submitted.emit(choice)

    # -- keeping the form consistent ----------------------------------------------------------

    def _person_changed(self) -> None:
        ui, person, on = self.ui, self.person(), self.on()
        if self.withdraw:
            ui.warning.setText(
                f"From {day_text(on)} this consent no longer counts: a conference, shuttle "
                "work or signing the agreement that needs it will be refused."
            )
        previous = ui.givenBy.currentData()
        ui.givenBy.blockSignals(True)
        ui.givenBy.clear()
        hint = ""
        minor = person is not None and rules.is_under_18(person.person, on)
        if person is not None:
            ui.givenBy.addItem(f"{person.name} (their own consent)", None)
            carers = parents_and_carers(self._snapshot.case.participants, person)
            for carer in carers:
                relationship = carer.relationship_to_supported or "parent or carer"
                ui.givenBy.addItem(f"{carer.name} ({relationship})", carer.id)
            if minor and not carers:
                hint = (
                    f"{person.name} is under 18. Add a parent or carer as a supporter on the "
                    "People tab to record their consent."
                )
            index = ui.givenBy.findData(previous)
            ui.givenBy.setCurrentIndex(max(index, 0))
        ui.givenBy.blockSignals(False)
        # Only someone under 18 needs a parent's or carer's consent; for anyone else the
        # choice would only invite a mistake.
        ui.form.setRowVisible(ui.givenBy, minor)
        ui.form.setRowVisible(ui.givenByHint, bool(hint))
        ui.givenByHint.setText(hint)
        if not minor:
            ui.givenBy.setCurrentIndex(0)
        self._refresh_scopes()

    def _refresh_scopes(self) -> None:
        person, on = self.person(), self.on()
        given_by = self.ui.givenBy.currentData()
        for scope, box in self._boxes.items():
            state = (
                consent_state(
                    person, scope, on, parental=given_by is not None, given_by_id=given_by
                )
                if person is not None
                else None
            )
            in_force = state is not None and state.in_force
            if self.withdraw:
                # Only consent in force can be withdrawn; offer all of it, as people who
                # withdraw usually withdraw entirely.
                box.setEnabled(in_force)
                box.setChecked(in_force)
                box.setToolTip("" if in_force else "Not in force on that day")
            else:
                box.setEnabled(not in_force)
                if in_force:
                    box.setChecked(False)
                box.setToolTip(state.text() if state is not None and in_force else "")
        save = self.ui.buttons.button(QDialogButtonBox.StandardButton.Save)
        open_scopes = any(b.isEnabled() for b in self._boxes.values())
        save.setEnabled(person is not None and open_scopes)
        # Say why nothing can be ticked rather than leave a greyed-out form unexplained.
        nothing = ""
        if person is not None and not open_scopes:
            whose = self.ui.givenBy.currentText() if given_by else person.name
            nothing = (
                f"Nothing of {whose}'s is in force on that day to withdraw."
                if self.withdraw
                else f"Consent from {whose} is already in force for all three."
            )
        set_message(self.ui.message, nothing)

    def clear(self) -> None:
        """Forget every name and note (the lock calls this through the pane)."""
        self.ui.who.clear()
        self.ui.givenBy.clear()
        self.ui.givenByHint.clear()
        self.ui.note.clear()
        self.ui.warning.clear()
        self.ui.intro.clear()
        set_message(self.ui.message, "")


def _missing_any(person: ParticipantView, day: date) -> bool:
    """Whether this person still has a scope to consent to (or a parent's consent to get)."""
    if any(not consent_state(person, scope, day).in_force for scope in ConsentScope):
        return True
    return (
        rules.is_under_18(person.person, day)
        and not consent_state(person, ConsentScope.TAKE_PART, day, parental=True).in_force
    )
