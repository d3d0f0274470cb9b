"""The Agreement tab's tables: the agreed actions and the signatures, as plain rows."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from rjdesk.app.views import AgreementView, CaseView, ParticipantView
from rjdesk.ui.toolkit.dates import day_text
from rjdesk.ui.toolkit.labels import ACTION_STATUSES, SHARED_ACTION, role_label
from rjdesk.ui.toolkit.table_model import ListTableModel
from rjdesk_protocol.enums import ActionStatus, Role, SignatureMethod, SignerCapacity

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1
FACILITATOR = "Facilitator"


def day(value: date | None) -> str:
    """A date as facilitators write it: 4 Nov 2026."""
    return day_text(value)


def due_label(value: date | None) -> str:
    return day(value) if value else "Ongoing"


def who_can_act(case: CaseView) -> list[tuple[str | None, str]]:
    """Who an action can belong to: the parties, then supporters, then everyone together
    (``None``). Professionals and interpreters attend but do not take on actions."""
    parties = [p for p in case.participants if p.role.is_party]
    supporters = [p for p in case.participants if p.role == Role.SUPPORTER]
    options: list[tuple[str | None, str]] = [
        (p.id, f"{p.name} ({role_label(p.role).lower()})") for p in parties + supporters
    ]
    options.append((None, SHARED_ACTION))
    return options


def owner_names(case: CaseView) -> dict[str | None, str]:
    """How the actions table names whoever does an action (any participant, past or present)."""
    names: dict[str | None, str] = {p.id: p.name for p in case.participants}
    names[None] = SHARED_ACTION
    return names


@dataclass(frozen=True)
class ActionRow:
    """One agreed action as the editor holds it (``owner_id`` None: everyone, shared)."""

    description: str = ""
    owner_id: str | None = None
    due_on: date | None = None
    action_id: str | None = None
    status: ActionStatus = ActionStatus.PENDING
    checked_on: date | None = None
    note: str = ""


def follow_up_label(row: ActionRow) -> str:
    """Status, when it was checked, and the note: "Done, checked 19 Nov 2026: seen on a visit"."""
    text = ACTION_STATUSES[row.status]
    if row.checked_on is not None:
        text += f", checked {day(row.checked_on)}"
    return f"{text}: {row.note}" if row.note else text


def action_rows(agreement: AgreementView | None) -> list[ActionRow]:
    if agreement is None:
        return []
    return [
        ActionRow(
            description=a.description,
            owner_id=a.owner_id,
            due_on=a.due_on,
            action_id=a.id,
            status=ActionStatus(a.status),
            checked_on=a.checked_on,
            note=a.check_note or "",
        )
        for a in agreement.actions
    ]


class ActionsModel(ListTableModel[ActionRow]):
    """Who / what / by when, and for a signed agreement the follow-up of each action."""

    WHO, WHAT, BY_WHEN, FOLLOW_UP = range(4)
    HEADERS: ClassVar[tuple[str, ...]] = ("Who", "What", "By when", "Follow-up")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._owners: dict[str | None, str] = {None: SHARED_ACTION}

    def set_owners(self, owners: dict[str | None, str]) -> None:
        self._owners = {None: SHARED_ACTION, **owners}
        if self._rows:
            self.dataChanged.emit(self.index(0, self.WHO), self.index(len(self._rows) - 1, 0))

    def update_row(self, position: int, **changes: Any) -> None:
        self._rows[position] = replace(self._rows[position], **changes)
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(self.HEADERS) - 1))

    def append(self, row: ActionRow) -> int:
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(row)
        self.endInsertRows()
        return position

    def remove(self, position: int) -> None:
        self.beginRemoveRows(QModelIndex(), position, position)
        del self._rows[position]
        self.endRemoveRows()

    def move(self, position: int, offset: int) -> int:
        """Move a row up (-1) or down (+1); returns where it is now."""
        target = position + offset
        if not (0 <= target < len(self._rows)):
            return position
        # Qt's beginMoveRows names the row *before which* the moved row lands.
        destination = target + 1 if offset > 0 else target
        self.beginMoveRows(QModelIndex(), position, position, QModelIndex(), destination)
        self._rows.insert(target, self._rows.pop(position))
        self.endMoveRows()
        return target

    # -- QAbstractTableModel ------------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row.action_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, index.column())
        return None

    def _text(self, row: ActionRow, column: int) -> str:
        if column == self.WHO:
            return self._owners.get(row.owner_id, "Someone no longer on the case")
        if column == self.WHAT:
            return row.description
        if column == self.BY_WHEN:
            return due_label(row.due_on)
        return follow_up_label(row)


@dataclass(frozen=True)
class SignerRow:
    """Someone who signs (``participant_id`` None: the facilitator), and whether they have."""

    participant_id: str | None
    name: str
    signs_as: str
    required: bool
    signed_on: date | None = None
    method: SignatureMethod | None = None


def signer_rows(
    case: CaseView, agreement: AgreementView | None, facilitator: str
) -> list[SignerRow]:
    """Every party and the facilitator (required), and supporters as optional witnesses."""
    signed = {s.participant_id: s for s in agreement.signatures} if agreement else {}
    # The required signers are the parties (``CaseView.parties``), then the facilitator.
    people: list[tuple[ParticipantView | None, str, bool]] = [
        (p, role_label(p.role), True) for p in case.parties
    ]
    for p in case.participants:
        if p.role == Role.SUPPORTER:
            people.append((p, "Witness (supporter)", False))
    people.append((None, FACILITATOR, True))
    rows = []
    for participant, signs_as, required in people:
        key = participant.id if participant else None
        signature = signed.get(key)
        name = participant.name if participant else facilitator
        if signature is not None and signature.capacity == SignerCapacity.FACILITATOR:
            name = signature.signer_name
        rows.append(
            SignerRow(
                participant_id=key,
                name=name,
                signs_as=signs_as,
                required=required,
                signed_on=signature.signed_on if signature else None,
                method=SignatureMethod(signature.method) if signature else None,
            )
        )
    return rows


class SignaturesModel(ListTableModel[SignerRow]):
    """One row per signer: signed or not, when, and how."""

    # The capacity goes under the name (not in a column of its own) so the table stays
    # readable when the panel is narrow.
    SIGNER, SIGNED, HOW = range(3)
    HEADERS: ClassVar[tuple[str, ...]] = ("Who signs", "Signed", "How")
    HOW_LABELS: ClassVar[dict[SignatureMethod, str]] = {
        SignatureMethod.PAPER: "On paper",
        SignatureMethod.CAPTURED: "On screen",
    }

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row.participant_id
        if role == Qt.ItemDataRole.ToolTipRole and not row.required:
            return "Supporters may sign as witnesses; the agreement does not need them to."
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == self.SIGNER:
            return f"{row.name}\n{row.signs_as}"
        if column == self.SIGNED:
            if row.signed_on is not None:
                return day(row.signed_on)
            return "Not yet" if row.required else "Optional"
        return self.HOW_LABELS[row.method] if row.method else ""
