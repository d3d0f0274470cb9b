"""The register's search form (a GET form: the query is in the address) read into a
``RegisterQuery``, with one sentence for each field that is wrong (GOV.UK's error messages),
and the addresses of its sort links and pages, which keep the rest of the query.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlencode

from rjdesk_hub.console.register import UNASSIGNED, RegisterQuery
from rjdesk_protocol.enums import CaseType, ReferralSource, Stage

PAGE_SIZE = 25
MAX_PAGE = 100_000
TEXT_MAX = 200
SORTS = ("reference", "received", "stage", "updated")
STATUSES = {"open": False, "closed": True}
DATE_PARTS = ("day", "month", "year")
# Every field the form has, as it names them in the address (and the audit log).
TEXT_FIELDS = ("q", "phone", "postcode")
CHOICE_FIELDS = ("type", "stage", "source", "facilitator", "status")
DATE_FIELDS = {"dob": "Date of birth", "from": "Received from", "to": "Received to"}


@dataclass(frozen=True)
class Error:
    """One field's problem: ``target`` is the id the error summary links to."""

    field: str
    target: str
    message: str


@dataclass
class RegisterForm:
    """What was typed, as typed (to show again), the query it makes, and what is wrong."""

    values: dict[str, str]
    query: RegisterQuery
    errors: list[Error] = field(default_factory=list)
    used: dict[str, object] = field(default_factory=dict)

    def error(self, name: str) -> str:
        return next((e.message for e in self.errors if e.field == name), "")

    def link(self, **changes: str | int) -> str:
        """The register's address with this form's query and ``changes`` (page, sort, order)."""
        merged: dict[str, Any] = {**self.values, **changes}
        kept = {k: v for k, v in merged.items() if v not in ("", None)}
        return "/cases" + ("?" + urlencode(kept) if kept else "")

    def sort_link(self, column: str) -> str:
        """A column header's link: sorts by it, or turns its order round when it is the sort."""
        current = self.query.sort == column
        order = ("asc" if self.query.descending else "desc") if current else _first_order(column)
        return self.link(sort=column, order=order, page=1)

    def aria_sort(self, column: str) -> str:
        if self.query.sort != column:
            return "none"
        return "descending" if self.query.descending else "ascending"


def _first_order(column: str) -> str:
    return "desc" if column in ("received", "updated") else "asc"


def _choice(
    values: dict[str, str], name: str, allowed: set[str], errors: list[Error], what: str
) -> str:
    chosen = values[name]
    if chosen and chosen not in allowed:
        errors.append(Error(name, name, f"Choose a {what} from the list"))
        return ""
    return chosen


def _date(
    params: Mapping[str, str], values: dict[str, str], name: str, errors: list[Error]
) -> date | None:
    label = DATE_FIELDS[name]
    parts = {p: params.get(f"{name}-{p}", "").strip()[:10] for p in DATE_PARTS}
    for part, value in parts.items():
        values[f"{name}-{part}"] = value
    if not any(parts.values()):
        return None
    missing = [p for p in DATE_PARTS if not parts[p]]
    target = f"{name}-{missing[0] if missing else 'day'}"
    if missing:
        errors.append(Error(name, target, f"{label} must include a {' and a '.join(missing)}"))
        return None
    try:
        day, month, year = (int(parts[p]) for p in DATE_PARTS)
        if not 1000 <= year <= 9999:
            raise ValueError
        return date(year, month, day)
    except ValueError:
        errors.append(Error(name, target, f"{label} must be a real date"))
        return None


def read(params: Mapping[str, str], facilitator_ids: set[str]) -> RegisterForm:
    """The form in ``params`` (a request's query), checked: unknown choices, impossible dates
    and a range the wrong way round are errors; an unknown sort or page falls back quietly."""
    values = {name: params.get(name, "").strip()[:TEXT_MAX] for name in TEXT_FIELDS}
    values |= {name: params.get(name, "").strip()[:64] for name in CHOICE_FIELDS}
    errors: list[Error] = []
    case_type = _choice(values, "type", {t.value for t in CaseType}, errors, "type")
    stage = _choice(values, "stage", {s.value for s in Stage}, errors, "stage")
    source = _choice(values, "source", {s.value for s in ReferralSource}, errors, "source")
    facilitator = _choice(
        values, "facilitator", facilitator_ids | {UNASSIGNED}, errors, "facilitator"
    )
    status = _choice(values, "status", set(STATUSES), errors, "status")
    born = _date(params, values, "dob", errors)
    received_from = _date(params, values, "from", errors)
    received_to = _date(params, values, "to", errors)
    if received_from and received_to and received_from > received_to:
        errors.append(
            Error("to", "to-day", "Received to must be the same as or after received from")
        )
        received_to = None
    sort = params.get("sort", "")
    sort = sort if sort in SORTS else "received"
    order = params.get("order", "")
    descending = order == "desc" if order in ("asc", "desc") else _first_order(sort) == "desc"
    try:
        page = min(max(1, int(params.get("page", "1"))), MAX_PAGE)
    except ValueError:
        page = 1
    values |= {"sort": sort, "order": "desc" if descending else "asc"}
    query = RegisterQuery(
        text=values["q"],
        date_of_birth=born,
        phone=values["phone"],
        postcode=values["postcode"],
        case_types=(case_type,) if case_type else (),
        stages=(stage,) if stage else (),
        sources=(source,) if source else (),
        facilitator_id=facilitator,
        received_from=received_from,
        received_to=received_to,
        closed=STATUSES.get(status),
        sort=sort,
        descending=descending,
        page=page,
        page_size=PAGE_SIZE,
    )
    used: dict[str, object] = {
        "text": query.text,
        "date_of_birth": born,
        "phone": query.phone,
        "postcode": query.postcode,
        "case_type": case_type,
        "stage": stage,
        "source": source,
        "facilitator": facilitator,
        "received_from": received_from,
        "received_to": received_to,
        "status": status,
    }
    return RegisterForm(values, query, errors, used)
