"""One case's return facts (``facts.CaseFacts``, ``PersonFacts``, ``ContactFacts``) from its live
records as the hub holds them (docs/returns.md, "The facts the hub keeps").

Pure functions of the records' opened fields: ``rjdesk_hub.returns.store`` reads them a chunk
of cases at a time and keeps what this makes, in the transaction of every change to the case.
The first contact, the furthest stage and the age band are worked out as the laptop works them
out (``rjdesk_protocol.outcomes``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from rjdesk_hub.returns.facts import CaseFacts, ContactFacts, PersonFacts
from rjdesk_protocol import outcomes
from rjdesk_protocol.calendar import LONDON, add_working_days
from rjdesk_protocol.enums import CaseType, Ethnicity, Flag, Role, ethnic_group
from rjdesk_protocol.victims_code import VICTIMS_CODE_WORKING_DAYS

# The tables a case's facts are made of (its people's ``person`` rows are found by id).
FACTS_TABLES = frozenset(
    {
        "case_file",
        "participant",
        "contact",
        "risk_assessment",
        "stage_change",
        "agreement",
        "agreement_action",
        "feedback",
        "equality",
    }
)
DEFAULT_ORIGIN = "facilitator"
CLOSED = "closed"


@dataclass(frozen=True)
class FactsRows:
    """What one case's facts are made of: its live rows of ``FACTS_TABLES`` and its people's
    ``person`` rows, as (table, row id, fields); and the partner organisation whose referral
    made the case, if one did."""

    rows: Sequence[tuple[str, str, dict[str, Any]]]
    partner_id: str | None = None


@dataclass(frozen=True)
class CaseExtract:
    case: CaseFacts
    people: tuple[PersonFacts, ...] = field(default=())
    contacts: tuple[ContactFacts, ...] = field(default=())


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _optional(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _day(value: object) -> date | None:
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def london_day(value: object) -> date | None:
    """The day in Europe/London of a UTC time as records carry it ("2026-10-01T09:00:00Z")."""
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(LONDON).date()


def _role(value: object) -> Role | None:
    try:
        return Role(_text(value))
    except ValueError:
        return None


def _ids(value: object) -> list[str]:
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def build_facts(case_id: str, found: FactsRows) -> CaseExtract | None:
    """A case's facts from its rows; None when it has no live case row (never received whole,
    or deleted): such a case counts nowhere."""
    by_table: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for table, row_id, fields in found.rows:
        by_table.setdefault(table, []).append((row_id, fields))
    cases = [f for row_id, f in by_table.get("case_file", []) if row_id == case_id]
    if not cases:
        return None
    case = cases[0]
    received_on = _day(case.get("received_on"))
    if received_on is None:
        return None  # a case row always has one; a damaged row counts nowhere
    participants = dict(by_table.get("participant", []))
    contacts = _contacts(case_id, by_table.get("contact", []))
    case_facts = _case_facts(
        _Case(case_id, case, received_on, found.partner_id), by_table, participants, contacts
    )
    people = _people(case_id, received_on, by_table, participants)
    return CaseExtract(case_facts, people, tuple(c for c, _ in contacts))


def _contacts(
    case_id: str, rows: list[tuple[str, dict[str, Any]]]
) -> list[tuple[ContactFacts, list[str]]]:
    found = []
    for row_id, fields in rows:
        on = london_day(fields.get("at"))
        kind = _text(fields.get("kind"))
        if on is not None and kind:
            found.append((ContactFacts(case_id, row_id, kind, on), _ids(fields.get("present"))))
    return sorted(found, key=lambda item: (item[0].on, item[0].contact_id))


@dataclass(frozen=True)
class _Case:
    case_id: str
    fields: dict[str, Any]
    received_on: date
    partner_id: str | None


def _case_facts(
    of: _Case,
    by_table: dict[str, list[tuple[str, dict[str, Any]]]],
    participants: dict[str, dict[str, Any]],
    contacts: list[tuple[ContactFacts, list[str]]],
) -> CaseFacts:
    case_id, case, received_on = of.case_id, of.fields, of.received_on
    roles = {row_id: _role(p.get("role")) for row_id, p in participants.items()}
    harmed = [row_id for row_id, role in roles.items() if role is not None and role.is_harmed]
    parties = {row_id for row_id, role in roles.items() if role is not None and role.is_party}
    informed = [
        day
        for row_id in harmed
        if (day := _day(participants[row_id].get("rj_information_given_on")))
    ]
    first = outcomes.first_contact(
        [outcomes.ContactSeen(c.on, present) for c, present in contacts],
        parties,
        attempted_on=_day(case.get("first_contact_attempted_on")),
        made_on=_day(case.get("first_contact_made_on")),
    )
    assessed = [
        day for _, f in by_table.get("risk_assessment", []) if (day := _day(f.get("assessed_on")))
    ]
    interventions = [c.on for c, _ in contacts if c.kind in ("conference", "shuttle")]
    stage = _text(case.get("stage"))
    changes = by_table.get("stage_change", [])
    history = [_text(f.get(name)) for _, f in changes for name in ("from_stage", "to_stage")]
    intervention_type = _optional(case.get("intervention_type"))
    flags = _ids(case.get("flags"))
    case_type = _text(case.get("case_type"))
    agreed, done, not_done = _actions(by_table)
    return CaseFacts(
        case_id=case_id,
        case_type=case_type,
        source=_text(case.get("source")),
        channel=_text(case.get("channel")),
        origin=_optional(case.get("origin")) or DEFAULT_ORIGIN,
        hate_crime=case_type == CaseType.HATE_CRIME or Flag.HATE_CRIME.value in flags,
        received_on=received_on,
        victims_code_due_on=(
            add_working_days(received_on, VICTIMS_CODE_WORKING_DAYS) if harmed else None
        ),
        victims_code_informed_on=min(informed, default=None),
        first_contact_attempted_on=first.attempted_on,
        first_contact_made_on=first.made_on,
        assessed_on=min(assessed, default=None),
        intervention_on=min(interventions, default=None),
        intervention_type=intervention_type,
        direct=outcomes.is_direct(intervention_type),
        started_by=_optional(case.get("started_by")),
        justice_stage=_optional(case.get("justice_stage")),
        stage=stage,
        stage_reached=outcomes.stage_reached(history, stage),
        closed_on=_closed_on(case, stage, changes),
        closure_reason=_optional(case.get("closure_reason")) if stage == CLOSED else None,
        agreements_signed=sum(
            1
            for _, f in by_table.get("agreement", [])
            if f.get("status") == "signed" or _optional(f.get("signed_at"))
        ),
        actions_agreed=agreed,
        actions_done=done,
        actions_not_done=not_done,
        partner_id=of.partner_id,
    )


def _closed_on(
    case: dict[str, Any], stage: str, changes: list[tuple[str, dict[str, Any]]]
) -> date | None:
    """The case's closing day while it is closed: as recorded on it, else the day of its last
    move to closed."""
    if stage != CLOSED:
        return None
    recorded = _day(case.get("closed_on"))
    if recorded is not None:
        return recorded
    moves = [
        day
        for _, f in changes
        if f.get("to_stage") == CLOSED
        if (day := london_day(f.get("changed_at")))
    ]
    return max(moves, default=None)


def _actions(by_table: dict[str, list[tuple[str, dict[str, Any]]]]) -> tuple[int, int, int]:
    """The actions of the agreement in force (the signed one of the highest version): how many
    were agreed, done and not done."""
    signed = [
        (f.get("version") if isinstance(f.get("version"), int) else 0, row_id)
        for row_id, f in by_table.get("agreement", [])
        if f.get("status") == "signed"
    ]
    if not signed:
        return 0, 0, 0
    in_force = max(signed)[1]
    statuses = [
        _text(f.get("status"))
        for _, f in by_table.get("agreement_action", [])
        if f.get("agreement_id") == in_force
    ]
    return len(statuses), statuses.count("done"), statuses.count("not_done")


def _latest(rows: list[tuple[str, dict[str, Any]]]) -> dict[str, Any]:
    """Of several rows of one participant (two laptops each recorded one), the latest updated."""
    return max(rows, key=lambda row: (_text(row[1].get("updated_at")), row[0]))[1]


def _people(
    case_id: str,
    received_on: date,
    by_table: dict[str, list[tuple[str, dict[str, Any]]]],
    participants: dict[str, dict[str, Any]],
) -> tuple[PersonFacts, ...]:
    people = dict(by_table.get("person", []))
    equality: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for row_id, f in by_table.get("equality", []):
        equality.setdefault(_text(f.get("participant_id")), []).append((row_id, f))
    feedback: dict[tuple[str, str], list[tuple[str, dict[str, Any]]]] = {}
    for row_id, f in by_table.get("feedback", []):
        key = (_text(f.get("participant_id")), _text(f.get("moment")))
        feedback.setdefault(key, []).append((row_id, f))
    found = []
    for participant_id, p in sorted(
        participants.items(), key=lambda item: (_position(item[1]), item[0])
    ):
        said = _latest(equality[participant_id]) if participant_id in equality else {}
        end = (
            _latest(feedback[participant_id, "end"]) if (participant_id, "end") in feedback else {}
        )
        later_key = (participant_id, "follow_up")
        later = _latest(feedback[later_key]) if later_key in feedback else {}
        person = people.get(_text(p.get("person_id")), {})
        ethnicity = _optional(said.get("ethnicity"))
        found.append(
            PersonFacts(
                case_id=case_id,
                participant_id=participant_id,
                role=_text(p.get("role")),
                age_band=_age_band(said, person, received_on),
                sex=_optional(said.get("sex")),
                gender_same_as_sex=_optional(said.get("gender_same_as_sex")),
                sexual_orientation=_optional(said.get("sexual_orientation")),
                ethnicity=ethnicity,
                ethnic_group=_group(ethnicity),
                disability=_optional(said.get("disability")),
                religion=_optional(said.get("religion")),
                end_given_on=_day(end.get("given_on")),
                end_satisfaction=_optional(end.get("satisfaction")),
                end_coping=_optional(end.get("coping")),
                end_feels_safer=_optional(end.get("feels_safer")),
                end_would_recommend=_optional(end.get("would_recommend")),
                follow_up_given_on=_day(later.get("given_on")),
                follow_up_satisfaction=_optional(later.get("satisfaction")),
                follow_up_coping=_optional(later.get("coping")),
                follow_up_feels_safer=_optional(later.get("feels_safer")),
                follow_up_would_recommend=_optional(later.get("would_recommend")),
            )
        )
    return tuple(found)


def _position(fields: dict[str, Any]) -> int:
    position = fields.get("position")
    return position if isinstance(position, int) else 0


def _age_band(said: dict[str, Any], person: dict[str, Any], received_on: date) -> str | None:
    """As given in the equality monitoring (prefer not to say included), else from the date of
    birth on the case's receipt; None when neither is known."""
    given = _optional(said.get("age_band"))
    if given is not None:
        return given
    born = _day(person.get("date_of_birth"))
    if born is None or born > received_on:
        return None
    return outcomes.age_band(born, received_on).value


def _group(ethnicity: str | None) -> str | None:
    try:
        return ethnic_group(Ethnicity(ethnicity)) if ethnicity else None
    except ValueError:
        return None
