"""The two tables of the Risk & consent tab: earlier risk assessments, and who consented to what.

Both are plain table models over rows taken from the case snapshot; what a cell says is worked
out here (and by ``rjdesk.domain.rules``), so that the pane only wires widgets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from rjdesk.app.views import ConsentView, ParticipantView, RiskAssessmentView
from rjdesk.domain import rules
from rjdesk.ui.toolkit import dates, style
from rjdesk.ui.toolkit.labels import RISK_LEVELS, role_label
from rjdesk.ui.toolkit.table_model import ListTableModel
from rjdesk_protocol.enums import ConsentScope

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def day_text(day: date) -> str:
    """``3 Nov 2026``: the way dates read in a case file (no leading zero)."""
    return dates.day_text(day)


# -- risk assessments -------------------------------------------------------------------------


class AssessmentsModel(ListTableModel[RiskAssessmentView]):
    """Earlier risk assessments, newest first: date, level, who assessed, completed or not."""

    DATE, LEVEL, BY, STATUS = range(4)
    HEADERS: ClassVar[tuple[str, ...]] = ("Date", "Level", "Assessed by", "Completed?")

    def set_rows(self, rows: Iterable[RiskAssessmentView]) -> None:
        super().set_rows(sorted(rows, key=lambda ra: (ra.assessed_on, ra.created_at), reverse=True))

    def assessment(self, row: int) -> RiskAssessmentView:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        ra, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            gaps = rules.risk_assessment_gaps(ra)
            return (
                day_text(ra.assessed_on),
                RISK_LEVELS[ra.level],
                ra.assessed_by or "—",
                "Completed" if not gaps else "Missing " + " and ".join(gaps),
            )[column]
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.LEVEL:
                return QColor(style.colour(ra.level.value))
            if column == self.STATUS and rules.risk_assessment_gaps(ra):
                return QColor(style.colour("error"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return assessment_detail(ra)
        if role == ID_ROLE:
            return ra.id
        return None


def assessment_detail(ra: RiskAssessmentView) -> str:
    """The factors and notes of an assessment (its date, level and assessor are in the row)."""
    factors = "; ".join(f for f in ra.factors if f.strip()) or "none recorded"
    notes = f"\nNotes: {ra.notes}" if ra.notes else ""
    return f"Factors considered on {day_text(ra.assessed_on)}: {factors}.{notes}"


# -- consent ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ConsentState:
    """Where one participant stands for one scope on a day: given, withdrawn or neither."""

    consent: ConsentView | None
    withdrawn: bool = False

    @property
    def in_force(self) -> bool:
        return self.consent is not None and not self.withdrawn

    def text(self, *, with_giver: bool = False) -> str:
        """``Given`` or ``Withdrawn`` above the date (two short lines keep the table narrow
        enough for a small laptop), then who gave it, for a parent's or carer's consent."""
        if self.consent is None:
            return "—"
        giver = self.consent.given_by
        by = f"\nby {giver.name}" if with_giver and giver is not None else ""
        if self.withdrawn:
            assert self.consent.withdrawn_on is not None
            return f"Withdrawn\n{day_text(self.consent.withdrawn_on)}{by}"
        return f"Given\n{day_text(self.consent.given_on)}{by}"


def consent_state(
    participant: ParticipantView,
    scope: ConsentScope,
    day: date,
    *,
    parental: bool = False,
    given_by_id: str | None = None,
) -> ConsentState:
    """The consent in force on ``day`` (the latest given), else the latest withdrawal.

    ``parental`` looks at consent a parent or carer gave (any of them, or the one named by
    ``given_by_id``); otherwise at the person's own."""

    def counts(consent: ConsentView) -> bool:
        if consent.scope != scope or consent.given_on > day:
            return False
        if not parental:
            return consent.given_by_id is None
        return consent.given_by_id is not None and given_by_id in (None, consent.given_by_id)

    mine = [c for c in participant.consents if counts(c)]
    in_force = [c for c in mine if c.in_force_on(day)]
    if in_force:
        return ConsentState(max(in_force, key=lambda c: c.given_on))
    withdrawn = [c for c in mine if c.withdrawn_on is not None]
    if withdrawn:
        return ConsentState(max(withdrawn, key=lambda c: c.withdrawn_on or day), withdrawn=True)
    return ConsentState(None)


def consenting(participants: Sequence[ParticipantView]) -> list[ParticipantView]:
    """Everyone who consents as a participant (not professionals or interpreters)."""
    return [p for p in sorted(participants, key=lambda p: p.position) if p.role.consents]


def parents_and_carers(
    participants: Sequence[ParticipantView], child: ParticipantView
) -> list[ParticipantView]:
    """The supporters recorded as a parent or carer of ``child``."""
    return [p for p in participants if p.supports_id == child.id and rules.is_parent_or_carer(p)]


def anything_in_force(participant: ParticipantView, day: date) -> bool:
    return any(c.in_force_on(day) for c in participant.consents)


class ConsentModel(ListTableModel[ParticipantView]):
    """One row per consenting participant; a column per scope, then the parent's or carer's
    consent to take part (for someone under 18)."""

    PERSON, TAKE_PART, SHARE, FEEDBACK, PARENT = range(5)
    HEADERS: ClassVar[tuple[str, ...]] = (
        "Person",
        "Take part",
        "Share with\nthe other party",
        "Feedback\ncontact",
        "Parent or carer\n(under 18)",
    )
    SCOPES: ClassVar[dict[int, ConsentScope]] = {
        TAKE_PART: ConsentScope.TAKE_PART,
        SHARE: ConsentScope.SHARE_WITH_OTHER_PARTY,
        FEEDBACK: ConsentScope.FEEDBACK_CONTACT,
    }

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._day = date.min

    def show(self, participants: Sequence[ParticipantView], day: date) -> None:
        """The people who consent, judged as of ``day``."""
        self._day = day
        self.set_rows(consenting(participants))

    def participant_id(self, row: int) -> str:
        return self._rows[row].id

    def row_of(self, participant_id: str) -> int:
        return next((i for i, p in enumerate(self._rows) if p.id == participant_id), -1)

    def _state(self, participant: ParticipantView, column: int) -> ConsentState | None:
        if column in self.SCOPES:
            return consent_state(participant, self.SCOPES[column], self._day)
        if column == self.PARENT and rules.is_under_18(participant.person, self._day):
            return consent_state(participant, ConsentScope.TAKE_PART, self._day, parental=True)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        participant, column = self._rows[index.row()], index.column()
        if role == ID_ROLE:
            return participant.id
        if column == self.PERSON:
            if role == Qt.ItemDataRole.DisplayRole:
                minor = ", under 18" if rules.is_under_18(participant.person, self._day) else ""
                return f"{participant.name}\n{role_label(participant.role)}{minor}"
            return None
        state = self._state(participant, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if state is None:
                return "Not needed"
            if column == self.PARENT and state.consent is None:
                return "Needed"
            return state.text(with_giver=column == self.PARENT)
        if role == Qt.ItemDataRole.ForegroundRole:
            if state is None:
                return None
            if state.in_force:
                return QColor(style.colour("low"))
            if state.withdrawn or column == self.PARENT:
                return QColor(style.colour("error"))
        if role == Qt.ItemDataRole.ToolTipRole and state is not None and state.withdrawn:
            assert state.consent is not None
            note = state.consent.withdrawal_note
            said = state.text().replace("\n", " ")
            return f"{said}: {note}" if note else said
        return None
