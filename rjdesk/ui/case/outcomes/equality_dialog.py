"""Equality monitoring for one participant: every question optional, each with "Prefer not to
say". The answers are special-category data: this dialog is the only place they are shown."""

from __future__ import annotations

from dataclasses import dataclass, fields
from enum import StrEnum

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QPushButton, QWidget

from rjdesk.ui.case.outcomes.choices import (
    AGE_BANDS,
    DISABILITIES,
    GENDER_SAME,
    ORIENTATIONS,
    RELIGIONS,
    SEXES,
    choose,
    chosen,
    fill,
    fill_ethnicities,
)
from rjdesk.ui.case.people.participant_dialog import BusyUntilMessage
from rjdesk.ui.generated.equality_dialog_ui import Ui_EqualityDialog
from rjdesk.ui.toolkit.messages import set_message
from rjdesk.ui.toolkit.screen import fit_dialog
from rjdesk_protocol.enums import (
    PREFER_NOT_TO_SAY,
    AgeBand,
    Disability,
    Ethnicity,
    GenderSameAsSex,
    Religion,
    Sex,
    SexualOrientation,
)


@dataclass(frozen=True)
class EqualityChoice:
    """The answers as chosen: None is "not asked"."""

    age_band: AgeBand | None = None
    sex: Sex | None = None
    gender_same_as_sex: GenderSameAsSex | None = None
    sexual_orientation: SexualOrientation | None = None
    ethnicity: Ethnicity | None = None
    disability: Disability | None = None
    religion: Religion | None = None

    def answered(self) -> bool:
        return any(getattr(self, field.name) is not None for field in fields(self))


class EqualityDialog(QDialog):
    """Save emits ``submitted(EqualityChoice)``; the caller saves it and then calls
    ``accept()``, or shows the refusal on ``ui.message``. ``from_birth`` is the age band the
    date of birth gives (None when no date of birth is recorded): it fills an unanswered age
    band, and the dialog says so."""

    submitted = Signal(object)

    def __init__(
        self,
        parent: QWidget | None,
        *,
        name: str,
        choice: EqualityChoice | None = None,
        from_birth: AgeBand | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = ui = Ui_EqualityDialog()
        ui.setupUi(self)
        fit_dialog(self)  # never larger than the screen it opens on
        self._busy = False
        self.setWindowTitle(f"Equality monitoring: {name}")
        ui.who.setText(f"Equality monitoring for {name}. Ask only if they are willing to answer.")
        fill(ui.ageBand, AGE_BANDS)
        fill(ui.sex, SEXES)
        fill(ui.genderSame, GENDER_SAME)
        fill(ui.orientation, ORIENTATIONS)
        fill_ethnicities(ui.ethnicity)
        fill(ui.disability, DISABILITIES)
        fill(ui.religion, RELIGIONS)
        choice = choice or EqualityChoice()
        for combo, value in zip(self._combos(), self._values(choice), strict=True):
            choose(combo, value)
        self._age_hint(choice.age_band, from_birth)
        ui.preferNotAll.clicked.connect(self.prefer_not_to_say_to_all)
        ui.buttons.accepted.connect(self._submit)
        ui.buttons.rejected.connect(self.reject)
        set_message(ui.message, "")
        BusyUntilMessage(ui.message, lambda: self.set_busy(False))
        ui.ageBand.setFocus()

    def _combos(self) -> tuple[QComboBox, ...]:
        ui = self.ui
        return (
            ui.ageBand,
            ui.sex,
            ui.genderSame,
            ui.orientation,
            ui.ethnicity,
            ui.disability,
            ui.religion,
        )

    @staticmethod
    def _values(choice: EqualityChoice) -> tuple[StrEnum | None, ...]:
        return tuple(getattr(choice, field.name) for field in fields(choice))

    def _age_hint(self, saved: AgeBand | None, from_birth: AgeBand | None) -> None:
        ui = self.ui
        if from_birth is None:
            ui.ageHint.setText("No date of birth is recorded: ask, if they are willing.")
        elif saved is None:
            choose(ui.ageBand, from_birth)
            ui.ageHint.setText(
                f"Filled in from the date of birth ({AGE_BANDS[from_birth]}); change it if "
                "they say otherwise."
            )
        elif saved != from_birth:
            ui.ageHint.setText(f"The date of birth gives {AGE_BANDS[from_birth]}.")
        else:
            ui.ageHint.setText("The same as the date of birth gives.")

    def choice(self) -> EqualityChoice:
        """The answers chosen now."""
        ui = self.ui
        return EqualityChoice(
            age_band=chosen(ui.ageBand, AgeBand),
            sex=chosen(ui.sex, Sex),
            gender_same_as_sex=chosen(ui.genderSame, GenderSameAsSex),
            sexual_orientation=chosen(ui.orientation, SexualOrientation),
            ethnicity=chosen(ui.ethnicity, Ethnicity),
            disability=chosen(ui.disability, Disability),
            religion=chosen(ui.religion, Religion),
        )

    def prefer_not_to_say_to_all(self) -> None:
        """The participant would rather not answer any of it: every question says so."""
        for combo in self._combos():
            choose(combo, PREFER_NOT_TO_SAY)

    def _submit(self) -> None:
        if self._busy:
            return
        set_message(self.ui.message, "")
        self.set_busy(True)
        self.submitted.emit(self.choice())

    def set_busy(self, busy: bool) -> None:
        """While the caller saves: no second Save, and no closing half-way."""
        self._busy = busy
        self.ui.buttons.setEnabled(not busy)
        self.ui.preferNotAll.setEnabled(not busy)

    def reject(self) -> None:
        if not self._busy:
            super().reject()

    def save_button(self) -> QPushButton:
        return self.ui.buttons.button(QDialogButtonBox.StandardButton.Save)

    def clear(self) -> None:
        """Before the lock: no answer stays on screen."""
        for combo in self._combos():
            combo.setCurrentIndex(0)
        for label in (self.ui.who, self.ui.ageHint):
            label.clear()
        set_message(self.ui.message, "")
