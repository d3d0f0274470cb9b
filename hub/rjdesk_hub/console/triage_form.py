"""The referral form of the console (a phone referral typed at the hub, and the accept form's
details): the fields of the laptop's referral wizard, read from a posted form and checked as the
hub checks a case (the declared record schema, ``rjdesk_protocol.schema``), and the
revolving-door match of DESIGN §5 (people of earlier cases with the same name and date of
birth, phone number or postcode, found through the case index's keyed hashes).

The form is flat, so it works without JavaScript: ``PEOPLE`` rows of a person's details
(``person-1-name``...), dates as GOV.UK date inputs (``incident_date-day``...), each flag a
checkbox of its own (``flag-hate_crime``). What it holds is case content: never logged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from types import SimpleNamespace
from typing import Any

from rjdesk_hub.console.case_display import words
from rjdesk_hub.console.register import RegisterQuery
from rjdesk_hub.service import Hub
from rjdesk_protocol import schema
from rjdesk_protocol.enums import CaseType, Channel, Flag, ReferralSource, Role
from rjdesk_protocol.text import phone_key, postcode_key, search_terms

PEOPLE = 4  # rows of people on the form (a blank row is ignored)
TEXTS = (
    "referrer_name",
    "referrer_organisation",
    "referrer_phone",
    "referrer_email",
    "crime_reference",
    "location",
)
PERSON_TEXTS = ("name", "phone", "email", "address")
LABELS = {
    "case_type": "The kind of case",
    "source": "Who referred",
    "referrer_name": "The referrer's name",
    "referrer_organisation": "The referrer's organisation",
    "referrer_phone": "The referrer's phone number",
    "referrer_email": "The referrer's email address",
    "crime_reference": "The crime reference",
    "incident_date": "The incident date",
    "location": "Where it happened",
    "summary": "What happened",
    "name": "name",
    "phone": "phone number",
    "email": "email address",
    "address": "address",
    "date_of_birth": "date of birth",
}
CASE_TYPES = {kind.value: words(kind.value) for kind in CaseType}
SOURCES = {source.value: words(source.value) for source in ReferralSource}
FLAGS = {flag.value: words(flag.value) for flag in Flag}
ROLES = {role.value: words(role.value) for role in Role}
# How a referral came in, as the case file's channel (a partner's link is a form online).
CASE_CHANNEL = {"public": Channel.ONLINE.value, "partner": Channel.ONLINE.value}


@dataclass(frozen=True)
class Problem:
    """One refused field: the id of the input the error summary links to, and the sentence."""

    field_id: str
    text: str


@dataclass
class Checked:
    """A posted referral form: what was typed (to show again), what is wrong, and the details
    in the shape a referral keeps them (``fields``) when nothing is."""

    typed: dict[str, str]
    problems: list[Problem] = field(default_factory=list)
    fields: dict[str, Any] = field(default_factory=dict)

    def problem(self, field_id: str) -> str:
        return next((p.text for p in self.problems if p.field_id == field_id), "")


# -- the hub's own check of a value ------------------------------------------------------------


def _placeholder(spec: schema.Field) -> Any:
    return {
        schema.ENUM: spec.values[0] if spec.values else "",
        schema.DATE: "2000-01-01",
        schema.TIME: "2000-01-01T00:00:00Z",
        schema.BOOL: False,
        schema.INT: spec.minimum,
        schema.IDS: [],
        schema.LINES: [],
    }.get(spec.kind, "x")


def schema_problem(table: str, name: str, value: Any) -> str:
    """What the hub's record check says of ``value`` in ``table``'s field ``name`` (the end
    of a sentence: "is longer than 200 characters"), "" when nothing."""
    specs = schema.BY_NAME[table].fields
    fields = {key: _placeholder(spec) for key, spec in specs.items() if spec.required}
    fields[name] = value
    record = SimpleNamespace(table=table, id="check", op="put", case_id=None, fields=fields)
    found = schema.check_record(record)
    marker = f": {name} "
    if not found or marker not in found:
        return ""
    return found.split(marker, 1)[1]


# -- reading the form ---------------------------------------------------------------------------


def _date(form: dict[str, str], prefix: str) -> tuple[date | None, bool]:
    """The date of a GOV.UK date input (``prefix-day``...): (the date, whether anything was
    typed). A partial or impossible date is (None, True)."""
    parts = [form.get(f"{prefix}-{part}", "").strip() for part in ("day", "month", "year")]
    if not any(parts):
        return None, False
    try:
        day, month, year = (int(part) for part in parts)
        if year < 1900:
            return None, True
        return date(year, month, day), True
    except ValueError:
        return None, True


def _typed(form: dict[str, str]) -> dict[str, str]:
    names = ["case_type", "source", "summary", *TEXTS, "join", "facilitator"]
    names += [f"incident_date-{part}" for part in ("day", "month", "year")]
    names += [f"flag-{flag}" for flag in FLAGS]
    for n in range(1, PEOPLE + 1):
        names += [f"person-{n}-{key}" for key in (*PERSON_TEXTS, "role")]
        names += [f"person-{n}-dob-{part}" for part in ("day", "month", "year")]
    return {name: form.get(name, "")[: schema.NOTE] for name in names if form.get(name)}


def read(form: dict[str, str], *, received_on: date, today: date) -> Checked:
    """The referral form's details checked; ``received_on`` is the day the referral came."""
    checked = Checked(_typed(form))
    typed = checked.typed
    refuse = checked.problems.append
    case_type, source = typed.get("case_type", ""), typed.get("source", "")
    if case_type not in CASE_TYPES:
        refuse(Problem("case_type", "Choose the kind of case."))
    if source not in SOURCES:
        refuse(Problem("source", "Choose who referred."))
    details: dict[str, Any] = {"case_type": case_type, "source": source}
    for name in (*TEXTS, "summary"):
        value = typed.get(name, "").strip()
        problem = schema_problem("case_file", name, value) if value else ""
        if problem:
            refuse(Problem(name, f"{LABELS[name]} {problem}."))
        details[name] = value
    if details["referrer_email"] and "@" not in details["referrer_email"]:
        refuse(Problem("referrer_email", "The referrer's email address needs an @."))
    incident, typed_incident = _date(typed, "incident_date")
    if typed_incident and incident is None:
        refuse(Problem("incident_date-day", "The incident date must be a real date."))
    elif incident is not None and incident > received_on:
        refuse(
            Problem("incident_date-day", "The incident date is after the referral was received.")
        )
    details["incident_date"] = incident.isoformat() if incident else None
    details["flags"] = [flag for flag in FLAGS if typed.get(f"flag-{flag}")]
    details["people"] = _people(typed, today, refuse)
    checked.fields = details
    return checked


def _people(typed: dict[str, str], today: date, refuse: Any) -> list[dict[str, Any]]:
    people: list[dict[str, Any]] = []
    for n in range(1, PEOPLE + 1):
        prefix = f"person-{n}"
        texts = {key: typed.get(f"{prefix}-{key}", "").strip() for key in PERSON_TEXTS}
        role = typed.get(f"{prefix}-role", "")
        born, typed_born = _date(typed, f"{prefix}-dob")
        if not any(texts.values()) and not role and not typed_born:
            continue
        who = f"Person {n}"
        if not texts["name"]:
            refuse(Problem(f"{prefix}-name", f"Give person {n}'s name."))
        if role not in ROLES:
            refuse(Problem(f"{prefix}-role", f"Choose person {n}'s role."))
        for key, value in texts.items():
            problem = schema_problem("person", key, value) if value else ""
            if problem:
                refuse(Problem(f"{prefix}-{key}", f"{who}'s {LABELS[key]} {problem}."))
        if texts["email"] and "@" not in texts["email"]:
            refuse(Problem(f"{prefix}-email", f"{who}'s email address needs an @."))
        if typed_born and born is None:
            refuse(Problem(f"{prefix}-dob-day", f"{who}'s date of birth must be a real date."))
        elif born is not None and born > today:
            refuse(Problem(f"{prefix}-dob-day", f"{who}'s date of birth is in the future."))
        person: dict[str, Any] = {k: v or None for k, v in texts.items()}
        person.update(
            name=texts["name"], role=role, date_of_birth=born.isoformat() if born else None
        )
        people.append(person)
    if not people:
        refuse(Problem("person-1-name", "Name at least one person the referral is about."))
    elif all(p["role"] in ROLES and not Role(p["role"]).is_party for p in people):
        refuse(Problem("person-1-role", "Name at least one person who was harmed or responsible."))
    return people


def prefill(fields: dict[str, Any]) -> dict[str, str]:
    """A kept referral's details as the form's typed values (for the accept form)."""
    typed: dict[str, str] = {}
    for name in ("case_type", "source", "summary", *TEXTS):
        value = fields.get(name)
        if isinstance(value, str) and value:
            typed[name] = value
    _date_parts(typed, "incident_date", fields.get("incident_date"))
    flags = fields.get("flags")
    for flag in flags if isinstance(flags, list) else []:
        if flag in FLAGS:
            typed[f"flag-{flag}"] = "yes"
    people = fields.get("people")
    for n, person in enumerate(people if isinstance(people, list) else [], start=1):
        if n > PEOPLE or not isinstance(person, dict):
            break
        for key in (*PERSON_TEXTS, "role"):
            value = person.get(key)
            if isinstance(value, str) and value:
                typed[f"person-{n}-{key}"] = value
        _date_parts(typed, f"person-{n}-dob", person.get("date_of_birth"))
    return typed


def _date_parts(typed: dict[str, str], prefix: str, value: Any) -> None:
    if isinstance(value, str) and value:
        try:
            day = date.fromisoformat(value)
        except ValueError:
            return
        typed.update(
            {f"{prefix}-day": str(day.day), f"{prefix}-month": str(day.month)}
            | {f"{prefix}-year": str(day.year)}
        )


def new_case(details: dict[str, Any], *, received_on: date, channel: str) -> dict[str, Any]:
    """The case_file fields of a case made from checked ``details``."""
    case = {key: details.get(key) or None for key in TEXTS}
    case.update(
        case_type=details["case_type"],
        source=details["source"],
        channel=CASE_CHANNEL.get(channel, Channel.PHONE.value),
        received_on=received_on.isoformat(),
        incident_date=details.get("incident_date"),
        summary=details.get("summary") or "",
        flags=list(details.get("flags") or []),
    )
    return case


# -- the revolving door -------------------------------------------------------------------------


@dataclass(frozen=True)
class SeenBefore:
    """A case the hub holds in which someone of the referral appears (case content)."""

    person: str  # the name as the referral gives it
    case_id: str
    reference: str
    stage: str
    closed: bool
    matched_on: str  # "date of birth", "phone number" or "postcode"


def seen_before(hub: Hub, people: list[dict[str, Any]]) -> list[SeenBefore]:
    """The cases holding someone with the same name (folded) and the same date of birth, phone
    number or postcode as a person of the referral: never on the name alone."""
    found: dict[tuple[str, str], SeenBefore] = {}
    for person in people:
        name = str(person.get("name") or "")
        words_ = search_terms(name)
        if not words_:
            continue
        for matched_on, query in _queries(name, person):
            for row in hub.register(query).rows:
                parties = row.facts.get("parties") or []
                if not any(search_terms(str(p.get("name", ""))) == words_ for p in parties):
                    continue
                key = (name, row.case_id)
                if key not in found:
                    found[key] = SeenBefore(
                        name, row.case_id, row.reference, row.stage, row.closed, matched_on
                    )
    return list(found.values())


def _queries(name: str, person: dict[str, Any]) -> list[tuple[str, RegisterQuery]]:
    queries = []
    born = person.get("date_of_birth")
    if isinstance(born, str) and born:
        day = date.fromisoformat(born)
        queries.append(("date of birth", RegisterQuery(text=name, date_of_birth=day)))
    phone = person.get("phone")
    if isinstance(phone, str) and phone_key(phone):
        queries.append(("phone number", RegisterQuery(text=name, phone=phone)))
    address = person.get("address")
    if isinstance(address, str) and postcode_key(address):
        queries.append(("postcode", RegisterQuery(text=name, postcode=address)))
    return queries
