"""The people a new referral names, before the case exists, and the plain summary the wizard
shows before Finish. Nothing here touches the vault: the wizard saves it all at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from html import escape
from itertools import count
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from rjdesk.app.referrals import NewPerson, Referral
from rjdesk.domain import rules
from rjdesk.ui.case.people.participant_dialog import ParticipantEntry, language_label
from rjdesk.ui.toolkit.labels import CHANNELS, SOURCES, case_type_label, flag_label, role_label
from rjdesk_protocol.enums import Role
from rjdesk_protocol.victims_code import format_day, victims_code_status

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class PendingPerson:
    """Someone to add when the case is created; ``key`` lets a supporter name whom they
    support before either has a participant id."""

    key: str
    entry: ParticipantEntry

    @property
    def name(self) -> str:
        return self.entry.details.name

    def new_person(self) -> NewPerson:
        """As the case is created with them (and as a draft keeps them)."""
        entry = self.entry
        return NewPerson(
            key=self.key, details=entry.details, role=entry.role, supports=entry.supports,
            relationship=entry.relationship, organisation=entry.organisation,
        )  # fmt: skip


class PendingPeopleModel(QAbstractTableModel):
    """The wizard's list of people: name, role, and the details that tell people apart."""

    NAME, ROLE, DETAILS = range(3)
    HEADERS: ClassVar[tuple[str, ...]] = ("Name", "Role", "Details")

    def __init__(self, today: date, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.people: list[PendingPerson] = []
        self._keys = count(1)

    # -- editing the list ---------------------------------------------------------------------

    def add(self, entry: ParticipantEntry, key: str | None = None) -> None:
        """Add someone; ``key`` keeps the one a draft gave them (their supporters name it)."""
        taken = {p.key for p in self.people}
        while key is None or key in taken:
            key = f"w{next(self._keys)}"
        row = len(self.people)
        self.beginInsertRows(QModelIndex(), row, row)
        self.people.append(PendingPerson(key, entry))
        self.endInsertRows()

    def replace(self, row: int, entry: ParticipantEntry) -> None:
        self.people[row] = PendingPerson(self.people[row].key, entry)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))
        # A supporter's role text names the person they support: refresh those rows too.
        self.dataChanged.emit(self.index(0, self.ROLE), self.index(len(self.people) - 1, self.ROLE))

    def remove(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self.people[row]
        self.endRemoveRows()

    def clear(self) -> None:
        self.beginResetModel()
        self.people = []
        self.endResetModel()

    # -- questions about the list -------------------------------------------------------------

    def name_of(self, key: str | None) -> str:
        return next((p.name for p in self.people if p.key == key), "")

    def candidates(self, exclude: str | None = None) -> list[tuple[str, str]]:
        """Whom a supporter can support: the harmed and responsible people listed."""
        return [
            (p.key, f"{p.name} ({rules.ROLE_LABELS[p.entry.role]})")
            for p in self.people
            if p.entry.role.is_party and p.key != exclude
        ]

    def supporters_of(self, key: str) -> list[PendingPerson]:
        return [p for p in self.people if p.entry.supports == key]

    def role_text(self, person: PendingPerson) -> str:
        entry = person.entry
        if entry.role == Role.SUPPORTER:
            text = f"Supporter of {self.name_of(entry.supports)}"
            return f"{text} ({entry.relationship})" if entry.relationship else text
        if entry.organisation:
            return f"{role_label(entry.role)}, {entry.organisation}"
        return role_label(entry.role)

    def details_text(self, person: PendingPerson) -> str:
        details, parts = person.entry.details, []
        if details.date_of_birth is not None:
            age = rules.age_on(details.date_of_birth, self.today)
            under = ", under 18" if age < rules.ADULT_AGE else ""
            parts.append(f"born {format_day(details.date_of_birth)} (age {age}{under})")
        parts += [text for text in (details.phone, details.email, details.address) if text]
        language = language_label(details.language)
        if details.interpreter:
            parts.append(f"{language}, interpreter needed" if language else "interpreter needed")
        elif language:
            parts.append(language)
        return " · ".join(parts)

    # -- the model ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self.people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person = self.people[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            column = index.column()
            if column == self.NAME:
                return person.name
            if column == self.ROLE:
                return self.role_text(person)
            return self.details_text(person)
        return None


def summary_html(referral: Referral, people: PendingPeopleModel, today: date) -> str:
    """What Finish will create, in plain words, for the last page of the wizard."""

    def row(label: str, value: str) -> str:
        return f"<tr><td><b>{escape(label)}</b>&nbsp;&nbsp;</td><td>{escape(value)}</td></tr>"

    received = format_day(referral.received_on)
    how = f"from {SOURCES[referral.source].lower()}, by {CHANNELS[referral.channel].lower()}"
    referrer = ", ".join(
        text
        for text in (
            referral.referrer_name,
            referral.referrer_organisation,
            referral.referrer_phone,
            referral.referrer_email,
        )
        if text
    )
    incident = format_day(referral.incident_date) if referral.incident_date else "date not known"
    if referral.location:
        incident += f", {referral.location}"
    rows = [
        row("Case type", case_type_label(referral.case_type)),
        row("Received", f"{received} {how}"),
        row("Referrer", referrer or "not recorded"),
        row("Crime reference", referral.crime_reference or "none"),
        row("Incident", incident),
        row("Flags", " · ".join(flag_label(flag) for flag in referral.flags) or "none"),
    ]
    html = [f"<table cellspacing='2'>{''.join(rows)}</table>"]
    summary = referral.summary.strip()
    html.append(
        f"<p><b>Summary</b><br>{escape(summary).replace(chr(10), '<br>')}</p>"
        if summary
        else "<p><b>Summary</b><br>None written yet.</p>"
    )
    if people.people:
        items = "".join(
            f"<li>{escape(p.name)}: {escape(people.role_text(p))}</li>" for p in people.people
        )
        html.append(f"<p><b>People ({len(people.people)})</b></p><ul>{items}</ul>")
    else:
        html.append("<p><b>People</b><br>None yet: add them later on the case's People tab.</p>")
    if any(p.entry.role.is_harmed for p in people.people):
        deadline = victims_code_status(referral.received_on, None, today).deadline
        html.append(
            "<p><b>Victims' Code</b><br>"
            f"Give each harmed person information about RJ by {format_day(deadline)}.</p>"
        )
    html.append("<p>The case starts at the referral stage, with a new reference.</p>")
    return "".join(html)
