"""Re-checking the rules of DESIGN §2 on a merged case (docs/sync-protocol.md, "Merging").

Two laptops can each record something valid on its own that breaks a rule together: consent
withdrawn on one while the other, offline, recorded a conference after that date. The hub makes
plain, read-only facts of the case's current records (the protocols of ``rjdesk_protocol.facts``)
and checks them with the same rules the laptop enforces (``rjdesk.domain.rules``). It reads only
the fields the rules look at, and needs no database schema of the laptop's. Each breach is a
sentence naming the contact or signature and what is wrong.

A value the facts cannot read (a malformed date, an unknown role) leaves its row out, as the
laptop could not have recorded it either; a reference to a row the hub does not have is left
out likewise (an unknown participant is not "present").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from rjdesk_protocol import rules
from rjdesk_protocol.calendar import LONDON
from rjdesk_protocol.enums import ConsentScope, ContactKind, Role

_KIND_NAMES = {ContactKind.CONFERENCE: "conference", ContactKind.SHUTTLE: "shuttle work"}
Rows = list[tuple[str, str, dict[str, Any]]]


@dataclass(frozen=True)
class Breach:
    """A rule the merged case breaks, at one row (a contact or a signature)."""

    table: str
    row_id: str
    message: str


# -- the facts, as plain objects -------------------------------------------------------------


@dataclass(frozen=True)
class _Person:
    date_of_birth: date | None


@dataclass(eq=False)
class _Participant:
    id: str
    role: Role
    name: str
    person: _Person
    relationship_to_supported: str | None
    consents: list[_Consent] = field(default_factory=list)


@dataclass(frozen=True, eq=False)
class _Consent:
    scope: ConsentScope
    given_on: date
    withdrawn_on: date | None
    given_by: _Participant | None

    def in_force_on(self, day: date) -> bool:
        """Given on or before ``day`` and not withdrawn by then (as the laptop's model)."""
        if self.given_on > day:
            return False
        return self.withdrawn_on is None or self.withdrawn_on > day


@dataclass(frozen=True)
class _RiskAssessment:
    assessed_on: date
    assessed_by: str
    factors: Sequence[str]


@dataclass(frozen=True)
class _Case:
    risk_assessments: Sequence[_RiskAssessment]


class _Unreadable(ValueError):
    """A value the facts cannot hold."""


def _date(value: Any, *, required: bool = True) -> date | None:
    if value is None and not required:
        return None
    if not isinstance(value, str):
        raise _Unreadable("not a date")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _Unreadable("not a date") from None


def _day(value: Any) -> date:
    found = _date(value)
    assert found is not None
    return found


def _london_day(value: Any) -> date:
    """The day in Europe/London of a UTC time as records carry it."""
    if not isinstance(value, str):
        raise _Unreadable("not a time")
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise _Unreadable("not a time") from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(LONDON).date()


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _ids(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return list(dict.fromkeys(item for item in value if isinstance(item, str)))


class _Facts:
    """The facts of one case, read from its live rows."""

    def __init__(self, rows: Rows) -> None:
        by_table: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        for table, row_id, fields in rows:
            by_table.setdefault(table, []).append((row_id, fields))
        self.people = self._read(by_table, "person", self._person)
        self.participants = self._read(by_table, "participant", self._participant)
        consents = self._read(by_table, "consent", self._consent)
        for participant_id, consent in consents.values():
            self.participants[participant_id].consents.append(consent)
        self.case = _Case(list(self._read(by_table, "risk_assessment", self._risk).values()))
        self.contacts = self._read(by_table, "contact", self._contact)
        self.signatures = self._read(by_table, "signature", self._signature)

    @staticmethod
    def _read(
        by_table: dict[str, list[tuple[str, dict[str, Any]]]], table: str, make: Any
    ) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for row_id, fields in sorted(by_table.get(table, []), key=lambda row: row[0]):
            try:
                found[row_id] = make(row_id, fields)
            except (_Unreadable, ValueError, KeyError):
                continue  # a value the facts cannot hold: the row is left out
        return found

    @staticmethod
    def _person(_row_id: str, fields: dict[str, Any]) -> tuple[_Person, str]:
        return _Person(_date(fields.get("date_of_birth"), required=False)), _text(
            fields.get("name")
        )

    def _participant(self, row_id: str, fields: dict[str, Any]) -> _Participant:
        person, name = self.people.get(str(fields.get("person_id")), (_Person(None), ""))
        return _Participant(
            id=row_id,
            role=Role(str(fields.get("role"))),
            name=name or "a participant",
            person=person,
            relationship_to_supported=fields.get("relationship_to_supported")
            if isinstance(fields.get("relationship_to_supported"), str)
            else None,
        )

    def _consent(self, _row_id: str, fields: dict[str, Any]) -> tuple[str, _Consent]:
        participant_id = fields.get("participant_id")
        if participant_id not in self.participants:
            raise _Unreadable("consent of no participant")
        given_by_id = fields.get("given_by_id")
        given_by = self.participants.get(given_by_id) if given_by_id is not None else None
        if given_by_id is not None and given_by is None:
            raise _Unreadable("consent given by no participant")
        return participant_id, _Consent(
            scope=ConsentScope(str(fields.get("scope"))),
            given_on=_day(fields.get("given_on")),
            withdrawn_on=_date(fields.get("withdrawn_on"), required=False),
            given_by=given_by,
        )

    @staticmethod
    def _risk(_row_id: str, fields: dict[str, Any]) -> _RiskAssessment:
        factors = fields.get("factors")
        return _RiskAssessment(
            assessed_on=_day(fields.get("assessed_on")),
            assessed_by=_text(fields.get("assessed_by")),
            factors=[f for f in factors if isinstance(f, str)] if isinstance(factors, list) else [],
        )

    def _contact(
        self, _row_id: str, fields: dict[str, Any]
    ) -> tuple[ContactKind, date, list[_Participant]]:
        kind = ContactKind(str(fields.get("kind")))
        present = [self.participants[p] for p in _ids(fields.get("present"))]
        return kind, _london_day(fields.get("at")), present

    def _signature(self, _row_id: str, fields: dict[str, Any]) -> tuple[_Participant, date]:
        participant = self.participants.get(str(fields.get("participant_id")))
        if participant is None:
            raise _Unreadable("the facilitator's signature, or of no participant")
        return participant, _day(fields.get("signed_on"))


# -- the check -------------------------------------------------------------------------------


def check_case(case_id: str, rows: Rows) -> list[Breach]:
    """The breaches of one case, given its live rows as (table, row id, fields)."""
    if not any(_needs_checking(table, fields) for table, _row_id, fields in rows):
        return []  # no conference, shuttle work or signature: no rule here can be broken
    facts = _Facts(rows)
    found: list[Breach] = []
    for contact_id, (kind, day, present) in facts.contacts.items():
        if not kind.is_intervention:
            continue
        what = _KIND_NAMES.get(kind, kind.value)
        for blocker in rules.intervention_blockers(facts.case, kind, present, day):
            found.append(
                Breach(
                    "contact",
                    contact_id,
                    f"The {what} of {day:%d %b %Y} was recorded, but {_clause(blocker)}.",
                )
            )
    for signature_id, (participant, signed_on) in facts.signatures.items():
        for gap in rules.consent_gaps(participant, signed_on):
            found.append(
                Breach(
                    "signature",
                    signature_id,
                    f"The signature of {participant.name} on {signed_on:%d %b %Y} "
                    f"was recorded, but {_clause(gap)}.",
                )
            )
    return found


def _needs_checking(table: str, fields: dict[str, Any]) -> bool:
    if table == "signature":
        return True
    return table == "contact" and fields.get("kind") in {kind.value for kind in _KIND_NAMES}


def _clause(sentence: str) -> str:
    return sentence.rstrip(". ")
