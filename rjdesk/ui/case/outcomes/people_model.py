"""The Outcomes tab's list of people: for each, their feedback at the end and at follow-up, and
whether the equality questions were answered. The answers themselves are never in this list."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import Qt

from rjdesk.ui.case.outcomes.choices import ANSWERS, SATISFACTION
from rjdesk.ui.case.outcomes.equality_dialog import EqualityChoice
from rjdesk.ui.case.outcomes.feedback_dialog import FeedbackEntry
from rjdesk.ui.toolkit.dates import day_text
from rjdesk.ui.toolkit.table_model import Index, ListTableModel
from rjdesk_protocol.enums import AgeBand, FeedbackMoment, Satisfaction

ID_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class PersonOutcome:
    """One row: a participant, what they said and whether equality monitoring was answered
    (``equality`` is carried for the dialog, never shown in the list)."""

    participant_id: str
    name: str
    role: str
    end: FeedbackEntry | None = None
    follow_up: FeedbackEntry | None = None
    equality: EqualityChoice | None = None
    age_band_from_birth: AgeBand | None = None

    def feedback(self, moment: FeedbackMoment) -> FeedbackEntry | None:
        return self.end if moment is FeedbackMoment.END else self.follow_up


def feedback_text(entry: FeedbackEntry | None) -> str:
    """``20 Nov 2026, 4 of 5`` (the day given and the satisfaction), or "Not recorded"."""
    if entry is None:
        return "Not recorded"
    given = day_text(entry.given_on)
    if entry.satisfaction is None:
        return given
    if entry.satisfaction is Satisfaction.DECLINED:
        return f"{given}, declined"
    return f"{given}, {entry.satisfaction.value} of 5"


def feedback_tooltip(entry: FeedbackEntry | None) -> str:
    if entry is None:
        return "No feedback recorded yet"

    def said(value: Any, labels: dict[Any, str]) -> str:
        return "not asked" if value is None else labels[value].lower()

    lines = [
        f"Given {day_text(entry.given_on)}",
        f"Satisfaction: {said(entry.satisfaction, SATISFACTION)}",
        f"Better able to cope and recover: {said(entry.coping, ANSWERS)}",
        f"Feels safer: {said(entry.feels_safer, ANSWERS)}",
        f"Would recommend the service: {said(entry.would_recommend, ANSWERS)}",
    ]
    return "\n".join(lines)


class OutcomesPeopleModel(ListTableModel[PersonOutcome]):
    """Person / role / feedback at the end / at follow-up / equality monitoring."""

    PERSON, ROLE, END, FOLLOW_UP, EQUALITY = range(5)
    HEADERS: ClassVar[tuple[str, ...]] = (
        "Person",
        "Role",
        "At the end",
        "At follow-up",
        "Equality",
    )
    # What each feedback column holds: the day given, and the satisfaction out of 5.
    HEADER_TIPS: ClassVar[tuple[str, ...]] = (
        "",
        "",
        "Feedback at the end of the intervention: the day given and satisfaction out of 5",
        "Feedback at follow-up: the day given and satisfaction out of 5",
        "Whether the equality monitoring questions were answered",
    )

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.HEADER_TIPS)
        ):
            return self.HEADER_TIPS[section] or None
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == ID_ROLE:
            return row.participant_id
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                row.name,
                row.role,
                feedback_text(row.end),
                feedback_text(row.follow_up),
                "Answered" if row.equality is not None else "Not yet",
            )[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.END:
                return feedback_tooltip(row.end)
            if column == self.FOLLOW_UP:
                return feedback_tooltip(row.follow_up)
            if column == self.EQUALITY:
                return "The answers are shown only in the equality monitoring dialog"
        return None

    def row_of(self, participant_id: str) -> int:
        return next(
            (i for i, row in enumerate(self._rows) if row.participant_id == participant_id), -1
        )
