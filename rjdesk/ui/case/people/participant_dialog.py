"""The dialog for one person in a case: who they are, their role, how to reach them and what
they need. Used by the People tab (add, edit details) and by the new referral wizard."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QWidget

from rjdesk.app.people import PersonDetails
from rjdesk.domain import rules
from rjdesk.domain.labels import LANGUAGE_NAMES
from rjdesk.domain.labels import language_label as domain_language_label
from rjdesk.ui.generated.participant_dialog_ui import Ui_ParticipantDialog
from rjdesk.ui.toolkit.dates import from_qdate, to_qdate
from rjdesk.ui.toolkit.form_check import refused_date, set_field_message
from rjdesk.ui.toolkit.labels import ROLES
from rjdesk.ui.toolkit.messages import set_message
from rjdesk.ui.toolkit.screen import fit_dialog
from rjdesk_protocol.enums import Role

# Offered first in the language list; anything else can be typed and is stored as typed.
LANGUAGES = tuple(LANGUAGE_NAMES)

# Parent, carer and guardian come first: only they can consent for someone under 18.
RELATIONSHIPS = (
    "parent", "mother", "father", "carer", "foster carer", "guardian", "step-parent",
    "partner", "friend", "sister", "brother", "son", "daughter", "grandparent",
    "support worker", "advocate",
)  # fmt: skip


class BusyUntilMessage(QObject):
    """Ends a dialog's busy state when its message label is shown.

    A dialog is busy from OK until its caller has saved; a refusal comes back as a sentence
    set on the dialog's message label (``CasePane.apply(..., message=label)``), so the label
    appearing is the moment the facilitator may correct and press OK again."""

    def __init__(self, label: QLabel, release: Callable[[], None]) -> None:
        super().__init__(label)
        self._release = release
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show:
            self._release()
        return False


_NOT_KNOWN = QDate(1900, 1, 1)
_CODE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]+)*$")
_ORGANISATION_ROLES = (Role.PROFESSIONAL, Role.INTERPRETER)


def language_label(code: str | None) -> str:
    """``pl`` → ``Polish``; a language typed as words is shown as it is."""
    if not code:
        return ""
    if code.strip().lower() in LANGUAGE_NAMES:
        return domain_language_label(code)
    if _CODE.match(code):
        language = QLocale(code).language()
        if language not in (QLocale.Language.C, QLocale.Language.AnyLanguage):
            return QLocale.languageToString(language)
    return code


@dataclass(frozen=True)
class ParticipantEntry:
    """What the dialog gives: the person's details, their role and, for a supporter, whom they
    support (a key chosen by the caller: a participant id, or a wizard row's key)."""

    details: PersonDetails
    role: Role
    supports: str | None = None
    relationship: str | None = None
    organisation: str | None = None


class ParticipantDialog(QDialog):
    """Add a person, or edit their details (``details_only``: the role and who they support
    are shown but fixed, as the service changes only the person's details).

    OK emits ``submitted`` with a ``ParticipantEntry`` once the dialog's own checks pass; the
    caller saves it and then calls ``accept()``, or ``show_refusal(sentence)`` to keep the
    dialog open with the reason shown."""

    submitted = Signal(object)

    def __init__(
        self,
        parent: QWidget | None,
        *,
        today: date,
        candidates: Sequence[tuple[str, str]] = (),
        entry: ParticipantEntry | None = None,
        details_only: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_ParticipantDialog()
        self.ui.setupUi(self)
        fit_dialog(self)  # never larger than the screen it opens on
        self.today = today
        self._busy = False
        ui = self.ui
        for role, label in ROLES.items():
            ui.role.addItem(label, role.value)
        for key, label in candidates:
            ui.supports.addItem(label, key)
        for code in LANGUAGES:
            ui.language.addItem(language_label(code), code)
        ui.language.setCurrentIndex(-1)
        ui.language.setEditText("")
        for relationship in RELATIONSHIPS:
            ui.relationship.addItem(relationship)
        ui.relationship.setEditText("")
        ui.dateOfBirth.setMaximumDate(to_qdate(today))
        # The earliest date reads "Not known" (the form's special value) until ticked.
        ui.dateOfBirth.setMinimumDate(_NOT_KNOWN)
        ui.dateOfBirth.setDate(_NOT_KNOWN)
        ui.dobKnown.toggled.connect(self._dob_known)
        ui.dateOfBirth.dateChanged.connect(self._show_age)
        ui.role.currentIndexChanged.connect(self._role_changed)
        ui.buttons.accepted.connect(self._submit)
        ui.buttons.rejected.connect(self.reject)
        set_message(ui.message, "")
        BusyUntilMessage(ui.message, lambda: self.set_busy(False))
        if entry is not None:
            self._fill(entry)
        if details_only:
            self.setWindowTitle("Edit details")
            for widget in (ui.role, ui.supports, ui.relationship, ui.organisation):
                widget.setEnabled(False)
                widget.setToolTip("Fixed once the person is in the case")
        else:
            self.setWindowTitle("Edit a person" if entry is not None else "Add a person")
        self._role_changed()
        self._show_age()
        ui.name.setFocus()

    # -- filling and reading ------------------------------------------------------------------

    def _fill(self, entry: ParticipantEntry) -> None:
        ui, details = self.ui, entry.details
        ui.name.setText(details.name)
        ui.role.setCurrentIndex(ui.role.findData(entry.role.value))
        if entry.supports is not None:
            ui.supports.setCurrentIndex(ui.supports.findData(entry.supports))
        ui.relationship.setEditText(entry.relationship or "")
        ui.organisation.setText(entry.organisation or "")
        if details.date_of_birth is not None:
            ui.dobKnown.setChecked(True)
            ui.dateOfBirth.setDate(to_qdate(details.date_of_birth))
        ui.phone.setText(details.phone or "")
        ui.email.setText(details.email or "")
        ui.address.setText(details.address or "")
        if details.language:
            index = ui.language.findData(details.language)
            if index < 0:
                # Keep an unlisted code as it is stored rather than rewriting it as a name.
                ui.language.addItem(language_label(details.language), details.language)
                index = ui.language.count() - 1
            ui.language.setCurrentIndex(index)
        ui.interpreter.setChecked(details.interpreter)
        ui.accessNeeds.setPlainText(details.access_needs)

    def _language(self) -> str | None:
        combo = self.ui.language
        text = combo.currentText().strip()
        if not text:
            return None
        for index in range(combo.count()):
            if combo.itemText(index).casefold() == text.casefold():
                return str(combo.itemData(index))
        return text

    def role(self) -> Role | None:
        data = self.ui.role.currentData()
        return Role(data) if data else None

    def entry(self) -> ParticipantEntry:
        """What is typed, as the services take it (not yet checked; a role is chosen)."""
        ui = self.ui
        role = self.role()
        assert role is not None, "no role chosen"
        supporter = role == Role.SUPPORTER
        details = PersonDetails(
            name=" ".join(ui.name.text().split()),
            date_of_birth=from_qdate(ui.dateOfBirth.date()) if ui.dobKnown.isChecked() else None,
            phone=ui.phone.text().strip() or None,
            email=ui.email.text().strip() or None,
            address=ui.address.text().strip() or None,
            language=self._language(),
            interpreter=ui.interpreter.isChecked(),
            access_needs=ui.accessNeeds.toPlainText().strip(),
        )
        return ParticipantEntry(
            details=details,
            role=role,
            supports=str(ui.supports.currentData()) if supporter and ui.supports.count() else None,
            relationship=(ui.relationship.currentText().strip() or None) if supporter else None,
            organisation=(
                (ui.organisation.text().strip() or None) if role in _ORGANISATION_ROLES else None
            ),
        )

    def problem(self, entry: ParticipantEntry) -> str:
        """The first thing that stops saving, as one sentence ("" when none)."""
        if not entry.details.name:
            return "Type the person's name."
        if entry.role == Role.SUPPORTER and entry.supports is None:
            return "A supporter supports a harmed or responsible person: add that person first."
        if entry.details.email and "@" not in entry.details.email:
            return "The email address needs an @."
        if entry.details.language and len(entry.details.language) > 35:
            return "Shorten the language to 35 characters."
        return ""

    # -- behaviour ----------------------------------------------------------------------------

    def _submit(self) -> None:
        if self._busy:
            return
        if refused_date(self.ui.dateOfBirth, message=self.ui.message):
            return
        if self.role() is None:
            self.show_refusal("Choose the person's role in the case.", self.ui.role)
            self.ui.role.setFocus()
            return
        entry = self.entry()
        problem = self.problem(entry)
        if problem:
            self.show_refusal(problem, self._field_of(entry))
            return
        set_message(self.ui.message, "")
        self.set_busy(True)
        self.submitted.emit(entry)

    def _field_of(self, entry: ParticipantEntry) -> QWidget:
        """The field the first problem of ``entry`` is about (as ``problem`` orders them)."""
        ui = self.ui
        if not entry.details.name:
            return ui.name
        if entry.role == Role.SUPPORTER and entry.supports is None:
            return ui.role
        if entry.details.email and "@" not in entry.details.email:
            return ui.email
        return ui.language

    def show_refusal(self, text: str, field: QWidget | None = None) -> None:
        """Say why the person cannot be saved; a message about one ``field`` goes as soon as
        that field is changed."""
        self.set_busy(False)
        if field is None:
            set_message(self.ui.message, text, error=True)
        else:
            set_field_message(self.ui.message, text, field)

    def set_busy(self, busy: bool) -> None:
        """While the caller saves: no second OK, and no closing half-way."""
        self._busy = busy
        self.ui.buttons.setEnabled(not busy)

    def reject(self) -> None:
        if not self._busy:
            super().reject()

    def _dob_known(self, known: bool) -> None:
        edit = self.ui.dateOfBirth
        edit.setEnabled(known)
        if not known:
            edit.setDate(_NOT_KNOWN)
        elif edit.date() == _NOT_KNOWN:
            # Somewhere to start typing or picking from; the facilitator sets the real date.
            edit.setDate(QDate(self.today.year - 30, 1, 1))
        self._show_age()
        if known:
            edit.setFocus()

    def _show_age(self) -> None:
        if not self.ui.dobKnown.isChecked():
            self.ui.age.setText("")
            return
        age = rules.age_on(from_qdate(self.ui.dateOfBirth.date()), self.today)
        if age < rules.ADULT_AGE:
            self.ui.age.setText(f"Age {age}: under 18, a parent or carer must also consent")
        else:
            self.ui.age.setText(f"Age {age}")

    def _role_changed(self) -> None:
        ui = self.ui
        role = self.role()
        supporter = role == Role.SUPPORTER
        ui.form.setRowVisible(ui.supports, supporter)
        ui.form.setRowVisible(ui.relationship, supporter)
        ui.form.setRowVisible(ui.organisation, role in _ORGANISATION_ROLES)
        self.adjustSize()

    def ok_button(self) -> QPushButton:
        return self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
