"""The Outcomes tab's left side: the facts the returns count that a facilitator already knows.

The two first-contact dates are worked out from the contacts; the field shows the date in use,
the line under it where it comes from, and a correction is simply a different date typed
there. Saving the worked-out date again (or "Use the contacts' date") drops the correction,
so the date follows the contacts once more.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Protocol

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from rjdesk.ui.case.outcomes.choices import (
    INTERVENTION_TYPES,
    JUSTICE_STAGES,
    NOT_RECORDED,
    STARTED_BY,
    choose,
    chosen,
    fill,
)
from rjdesk.ui.generated.outcomes_pane_ui import Ui_OutcomesPane
from rjdesk.ui.toolkit.date_field import DateField
from rjdesk.ui.toolkit.dates import day_text, from_qdate, to_qdate
from rjdesk_protocol.enums import InterventionType, JusticeStage, StartedBy

# The field's earliest day stands for "no date": shown as words, saved as nothing.
_NO_DATE = QDate(2000, 1, 1)
NO_DATE_TEXT = "None yet"


class WorkedOut(Protocol):
    """A date worked out from the contacts, perhaps corrected (``rjdesk.app.outcomes``)."""

    @property
    def recorded(self) -> date | None: ...
    @property
    def worked_out(self) -> date | None: ...
    @property
    def shown(self) -> date | None: ...


@dataclass(frozen=True)
class FactsEntry:
    """What the form holds, as ``set_returns_facts`` takes it (dates: the correction, or None
    to follow the contacts)."""

    intervention_type: InterventionType | None
    started_by: StartedBy | None
    justice_stage: JusticeStage | None
    first_contact_attempted_on: date | None
    first_contact_made_on: date | None


def source_text(value: WorkedOut) -> str:
    """Where the date in use comes from, in words."""
    if value.recorded is not None:
        if value.worked_out is None:
            return "Corrected by hand: the contacts show none."
        return f"Corrected by hand: the contacts show {day_text(value.worked_out)}."
    if value.worked_out is None:
        return "No contact recorded yet: it will be worked out from the contacts."
    return "Worked out from the contacts."


class FactsForm:
    """Fills and reads the facts' widgets of the Outcomes tab's form."""

    def __init__(self, ui: Ui_OutcomesPane) -> None:
        self.ui = ui
        fill(ui.interventionType, INTERVENTION_TYPES, NOT_RECORDED)
        fill(ui.startedBy, STARTED_BY, NOT_RECORDED)
        fill(ui.justiceStage, JUSTICE_STAGES, NOT_RECORDED)
        for field in (ui.attemptedOn, ui.madeOn):
            field.setMinimumDate(_NO_DATE)
            field.setSpecialValueText(NO_DATE_TEXT)
            field.setDate(_NO_DATE)
        self.worked_out: dict[str, date | None] = {"attempted": None, "made": None}

    def dates(self) -> dict[str, tuple[DateField, QLabel, QPushButton]]:
        ui = self.ui
        return {
            "attempted": (ui.attemptedOn, ui.attemptedOnSource, ui.attemptedOnReset),
            "made": (ui.madeOn, ui.madeOnSource, ui.madeOnReset),
        }

    def set_today(self, today: date) -> None:
        for field, _source, _reset in self.dates().values():
            field.setMaximumDate(to_qdate(today))

    def show(
        self,
        *,
        intervention_type: InterventionType | None,
        started_by: StartedBy | None,
        justice_stage: JusticeStage | None,
        attempted: WorkedOut,
        made: WorkedOut,
        keep_typing: bool,
    ) -> None:
        """Show the saved facts; ``keep_typing`` leaves the fields as typed and only updates
        where each date comes from (the contacts changed while the form was being edited)."""
        ui = self.ui
        if not keep_typing:
            choose(ui.interventionType, intervention_type)
            choose(ui.startedBy, started_by)
            choose(ui.justiceStage, justice_stage)
        for key, value in (("attempted", attempted), ("made", made)):
            field, source, reset = self.dates()[key]
            self.worked_out[key] = value.worked_out
            if not keep_typing:
                field.setDate(to_qdate(value.shown) if value.shown is not None else _NO_DATE)
            source.setText(source_text(value))
            reset.setVisible(value.recorded is not None)

    def use_worked_out(self, key: str) -> None:
        """Put the contacts' date back in the field (the save then drops the correction)."""
        field = self.dates()[key][0]
        worked_out = self.worked_out[key]
        field.setDate(to_qdate(worked_out) if worked_out is not None else _NO_DATE)

    def _typed(self, key: str) -> date | None:
        field = self.dates()[key][0]
        value = field.date()
        return None if value == _NO_DATE else from_qdate(value)

    def entry(self) -> FactsEntry:
        attempted, made = self._typed("attempted"), self._typed("made")
        return FactsEntry(
            intervention_type=chosen(self.ui.interventionType, InterventionType),
            started_by=chosen(self.ui.startedBy, StartedBy),
            justice_stage=chosen(self.ui.justiceStage, JusticeStage),
            # The contacts' own date is no correction: it keeps following the contacts.
            first_contact_attempted_on=(
                None if attempted == self.worked_out["attempted"] else attempted
            ),
            first_contact_made_on=None if made == self.worked_out["made"] else made,
        )

    def problem(self) -> tuple[str, QWidget]:
        """The first thing that stops saving, with its field ("" when none)."""
        attempted, made = self._typed("attempted"), self._typed("made")
        corrected = attempted != self.worked_out["attempted"] or made != self.worked_out["made"]
        # Only a correction is checked: the contacts' own dates are what they are.
        if corrected and attempted is not None and made is not None and made < attempted:
            return (
                "First contact cannot be made before it was first attempted: "
                "correct one of the two dates.",
                self.ui.madeOn,
            )
        return "", self.ui.attemptedOn

    def clear(self) -> None:
        ui = self.ui
        for combo in (ui.interventionType, ui.startedBy, ui.justiceStage):
            combo.setCurrentIndex(0)
        for field, source, reset in self.dates().values():
            field.setDate(_NO_DATE)
            source.clear()
            reset.hide()
        self.worked_out = {"attempted": None, "made": None}
