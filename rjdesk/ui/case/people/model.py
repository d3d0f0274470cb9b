"""What the People tab says about each person, worked out from the case snapshot.

The table model holds plain rows (no database objects), and the functions here turn a
participant into the sentences the table and the details area show, so that the pane only
wires widgets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from html import escape
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from rjdesk.app.cases import CaseSnapshot
from rjdesk.app.people import PersonDetails, SeenBefore
from rjdesk.app.views import ConsentView, ParticipantView
from rjdesk.domain import rules
from rjdesk.ui.case.people.participant_dialog import ParticipantEntry, language_label
from rjdesk.ui.toolkit import style
from rjdesk.ui.toolkit.labels import role_label
from rjdesk.ui.toolkit.table_model import ListTableModel
from rjdesk_protocol.enums import ConsentScope, Role
from rjdesk_protocol.victims_code import format_day

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


# -- sentences about one person -----------------------------------------------------------------


def role_text(participant: ParticipantView) -> str:
    """ "Harmed", "Supporter of Kyle Brennan (parent)", "Professional, Youth Justice Service"."""
    role = participant.role
    if role == Role.SUPPORTER:
        supported = participant.supports
        text = f"Supporter of {supported.name}" if supported is not None else "Supporter"
        relationship = participant.relationship_to_supported
        return f"{text} ({relationship})" if relationship else text
    if participant.organisation:
        return f"{role_label(role)}, {participant.organisation}"
    return role_label(role)


def age_text(participant: ParticipantView, today: date) -> str:
    born = participant.person.date_of_birth
    if born is None:
        return "Not known"
    age = rules.age_on(born, today)
    under = ", under 18" if age < rules.ADULT_AGE else ""
    return f"{format_day(born)} (age {age}{under})"


def language_text(participant: ParticipantView) -> str:
    person = participant.person
    language = language_label(person.language)
    if person.interpreter:
        return f"{language}, interpreter needed" if language else "Interpreter needed"
    return language


def _consent_state(consents: list[ConsentView], today: date, *, by_whom: bool = False) -> str:
    in_force = [c for c in consents if c.in_force_on(today)]
    if in_force:
        latest = max(in_force, key=lambda c: c.given_on)
        who = f" by {latest.given_by.name}" if by_whom and latest.given_by is not None else ""
        return f"given {format_day(latest.given_on)}{who}"
    withdrawn = [c.withdrawn_on for c in consents if c.withdrawn_on and c.withdrawn_on <= today]
    if withdrawn:
        return f"withdrawn {format_day(max(withdrawn))}"
    return "not yet"


def consent_text(participant: ParticipantView, today: date) -> str:
    """Consent to take part: given, withdrawn or not yet; an under-18 also needs a parent's or
    carer's (DESIGN §2). Professionals and interpreters do not consent as participants."""
    if not participant.role.consents:
        return "Not needed"
    take_part = [c for c in participant.consents if c.scope == ConsentScope.TAKE_PART]
    own = _consent_state([c for c in take_part if c.given_by is None], today)
    text = own[:1].upper() + own[1:]
    if rules.is_under_18(participant.person, today):
        parental = [
            c for c in take_part if c.given_by is not None and rules.is_parent_or_carer(c.given_by)
        ]
        text += f"; parent or carer: {_consent_state(parental, today, by_whom=True)}"
    return text


def entry_of(participant: ParticipantView) -> ParticipantEntry:
    """The participant as the person dialog edits them."""
    person, supported = participant.person, participant.supports
    details = PersonDetails(
        name=person.name, date_of_birth=person.date_of_birth, phone=person.phone,
        email=person.email, address=person.address, language=person.language,
        interpreter=person.interpreter, access_needs=person.access_needs,
    )  # fmt: skip
    return ParticipantEntry(
        details=details,
        role=Role(participant.role),
        supports=supported.id if supported is not None else None,
        relationship=participant.relationship_to_supported,
        organisation=participant.organisation,
    )


def _how(matched_on: str) -> str:
    return "at the same address" if matched_on == "address" else f"same {matched_on}"


def seen_before_html(matches: list[SeenBefore]) -> str:
    """One line per other case, its reference a link (the case id) that opens it."""
    if not matches:
        return "Not seen in any other case."
    lines = []
    for match in matches:
        link = f'<a href="{escape(match.case_id)}">{escape(match.case_reference)}</a>'
        who = f"{escape(match.name)} ({escape(rules.ROLE_LABELS[match.role])})"
        lines.append(f"{link}: {who}, {escape(_how(match.matched_on))}")
    return "<br>".join(lines)


def seen_before_sentence(matches: Sequence[tuple[str, str]], name: str = "") -> str:
    """After adding someone, from (case reference, matched on) pairs: "Seen before in
    RJ-26-…: same date of birth." ("Marcia Bennett was seen before in …" with a name)."""
    unique = list(dict.fromkeys(matches))
    if not unique:
        return ""
    start = f"{name} was seen before in " if name else "Seen before in "
    if len(unique) == 1:
        reference, matched_on = unique[0]
        return f"{start}{reference}: {_how(matched_on)}."
    parts = [f"{reference} ({_how(matched_on)})" for reference, matched_on in unique]
    return start + ", ".join(parts[:-1]) + " and " + parts[-1] + "."


# -- the table ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonRow:
    """One person of the case as the table shows them."""

    participant_id: str
    name: str
    role: str
    phone: str
    language: str
    access_needs: str
    consent: str
    victims_code: str = ""
    breach: bool = False
    is_harmed: bool = False
    seen_before: bool = False


def person_rows(snapshot: CaseSnapshot) -> list[PersonRow]:
    case, today = snapshot.case, snapshot.today
    victims = {p.id: status for p, status in case.victims_code}
    rows = []
    for p in sorted(case.participants, key=lambda p: p.position):
        status = victims.get(p.id)
        name = p.name
        born = p.person.date_of_birth
        if born is not None and rules.age_on(born, today) < rules.ADULT_AGE:
            name = f"{name} (aged {rules.age_on(born, today)})"
        rows.append(
            PersonRow(
                participant_id=p.id,
                name=name,
                role=role_text(p),
                phone=p.person.phone or "",
                language=language_text(p),
                access_needs=p.person.access_needs,
                consent=consent_text(p, today),
                victims_code=status.describe() if status is not None else "",
                breach=status is not None and status.breach,
                is_harmed=p.role.is_harmed,
                seen_before=bool(snapshot.seen_before.get(p.id)),
            )
        )
    return rows


class PeopleModel(ListTableModel[PersonRow]):
    """The people of a case: name, role, phone, language, access needs, consent to take part
    and, for harmed people, where the Victims' Code deadline stands."""

    NAME, ROLE, PHONE, LANGUAGE, ACCESS_NEEDS, CONSENT, VICTIMS_CODE = range(7)
    HEADERS: ClassVar[tuple[str, ...]] = (
        "Name", "Role", "Phone", "Language", "Access needs", "Consent to take part",
        "Victims' Code",
    )  # fmt: skip

    def clear(self) -> None:
        self.set_rows([])

    def person(self, row: int) -> PersonRow:
        return self._rows[row]

    def row_of(self, participant_id: str) -> int:
        return next(
            (i for i, row in enumerate(self._rows) if row.participant_id == participant_id), -1
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = (
                row.name, row.role, row.phone, row.language, row.access_needs, row.consent,
                row.victims_code,
            )[column]  # fmt: skip
            if role == Qt.ItemDataRole.ToolTipRole:
                return text or None
            return text
        if role == ID_ROLE:
            return row.participant_id
        breach = column == self.VICTIMS_CODE and row.breach
        if role == Qt.ItemDataRole.ForegroundRole and breach:
            return QColor(style.colour("error"))
        if role == Qt.ItemDataRole.FontRole and (breach or column == self.NAME):
            font = QFont()
            font.setBold(True)
            return font
        return None
