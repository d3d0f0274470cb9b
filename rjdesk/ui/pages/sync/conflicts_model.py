"""The conflicts the hub found, as a table and as the two sides a facilitator chooses between.

Rows are ``ConflictView``s (plain data from ``rjdesk.app.sync``); the model knows columns
and roles, and how to say a conflict in words: which record and fields, or the rule's sentence.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Qt

from rjdesk.app.sync import ConflictView
from rjdesk.ui.pages.sync.indicator import when_text
from rjdesk.ui.toolkit.dates import day_text, moment_text
from rjdesk.ui.toolkit.labels import (
    ACTION_STATUSES,
    CASE_TYPES,
    CHANNELS,
    CLOSURE_REASONS,
    CONSENT_SCOPES,
    CONTACT_KINDS,
    FLAGS,
    RISK_LEVELS,
    ROLES,
    SAFEGUARDING_KINDS,
    SOURCES,
    STAGES,
    field_label,
)
from rjdesk.ui.toolkit.table_model import Index, ListTableModel

CONFLICT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

# What a synced table's rows are, as a facilitator calls them.
RECORDS = {
    "person": "Person",
    "case_file": "Case details",
    "participant": "Participant",
    "consent": "Consent",
    "risk_assessment": "Risk assessment",
    "safeguarding_concern": "Safeguarding concern",
    "contact": "Contact",
    "contact_addendum": "Addendum",
    "agreement": "Agreement",
    "agreement_action": "Agreed action",
    "signature": "Signature",
    "document": "Document",
    "stage_change": "Stage",
    "feedback": "Feedback",
    "equality": "Equality monitoring",
}

# A code of one of the vocabularies ("hate_crime") as the window says it ("Hate crime").
_LABELS = (
    CASE_TYPES, STAGES, FLAGS, ROLES, SOURCES, CHANNELS, CONTACT_KINDS, CLOSURE_REASONS,
    CONSENT_SCOPES, ACTION_STATUSES, RISK_LEVELS, SAFEGUARDING_KINDS,
)  # fmt: skip
_VOCABULARY: dict[str, str] = {
    str(code): label for labels in _LABELS for code, label in labels.items()
}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")


def record_label(table_name: str) -> str:
    return RECORDS.get(table_name, table_name.replace("_", " ").capitalize())


def field_name(name: str) -> str:
    """``summary``, ``risk level``, ``date the referral was received``: for a list."""
    label = field_label(name).removeprefix("The ")
    return label[:1].lower() + label[1:]


def from_text(conflict: ConflictView) -> str:
    return conflict.from_name or "another laptop"


def what_text(conflict: ConflictView) -> str:
    """``Case details: summary, location``; a deletion; or the broken rule's sentence."""
    if conflict.kind == "rule":
        return conflict.message or "The merged case breaks a rule of the RJ process."
    record = record_label(conflict.table_name)
    if conflict.kind == "delete":
        return f"{record}: deleted on one laptop, changed on another"
    names = ", ".join(field_name(value.name) for value in conflict.fields)
    return f"{record}: {names}" if names else record


def value_text(value: Any) -> str:
    """A record's value as a person reads it (dates and times in London)."""
    if value is None or value == "":
        return "(empty)"
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return ", ".join(value_text(item) for item in value) or "(none)"
    if isinstance(value, dict):
        if "$blob" in value:
            return "(a file)"
        return json.dumps(value, ensure_ascii=False)
    text = str(value)
    if text in _VOCABULARY:
        return _VOCABULARY[text]
    if _DATE.match(text):
        return day_text(date.fromisoformat(text))
    if _TIME.match(text):
        return moment_text(datetime.fromisoformat(text.replace("Z", "+00:00")))
    return text


def side_texts(conflict: ConflictView) -> tuple[str, str]:
    """What the hub kept, and what the other laptop sent: one value, or each field by name."""
    if conflict.kind == "delete":
        kept = _values(conflict, at_hub=True) or "Kept as it is now, with the changes made there."
        return kept, "Deleted."
    return _values(conflict, at_hub=True), _values(conflict, at_hub=False)


def _values(conflict: ConflictView, *, at_hub: bool) -> str:
    fields = conflict.fields
    if len(fields) == 1:
        return value_text(fields[0].at_hub if at_hub else fields[0].incoming)
    return "\n\n".join(
        f"{field_label(f.name).removeprefix('The ').capitalize()}:\n"
        + value_text(f.at_hub if at_hub else f.incoming)
        for f in fields
    )


class ConflictsModel(ListTableModel[ConflictView]):
    """Open conflicts: case reference, what, from whom, when the hub raised it."""

    CASE, WHAT, FROM, RAISED = range(4)
    HEADERS: ClassVar[tuple[str, ...]] = ("Case", "What", "From", "Raised")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.now: datetime | None = None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        conflict = self._rows[index.row()]
        if role == CONFLICT_ID_ROLE:
            return conflict.id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(conflict, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.WHAT:
            return what_text(conflict)
        return None

    def _text(self, conflict: ConflictView, column: int) -> str:
        if column == self.CASE:
            return conflict.case_reference or "(no case)"
        if column == self.WHAT:
            return what_text(conflict)
        if column == self.FROM:
            return from_text(conflict)
        if conflict.raised_at is None or self.now is None:
            return ""
        return when_text(conflict.raised_at, self.now)

    def conflict_at(self, row: int) -> ConflictView | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None
