"""The case list: one page of rows for the GUI's table and ``rjdesk case list`` (same query)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache, lru_cache
from typing import Any

from sqlalchemy import CursorResult
from sqlalchemy.orm import Session

from rjdesk.store import search
from rjdesk_protocol.calendar import add_working_days
from rjdesk_protocol.enums import CaseType, Flag, RiskLevel, Stage
from rjdesk_protocol.victims_code import VICTIMS_CODE_WORKING_DAYS

PARTY_ROLES = ("harmed", "responsible", "both")
HARMED_ROLES = ("harmed", "both")


@dataclass(frozen=True)
class CaseRow:
    """One line of the case list: what a facilitator scans for, nothing more."""

    id: str
    reference: str
    case_type: CaseType
    stage: Stage
    parties: str
    next_due: date | None
    risk_level: RiskLevel | None
    flags: tuple[str, ...]
    received_on: date
    updated_at: datetime
    victims_code_breach: bool

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "reference": self.reference,
            "case_type": str(self.case_type),
            "stage": str(self.stage),
            "parties": self.parties,
            "next_due": self.next_due.isoformat() if self.next_due else None,
            "risk_level": str(self.risk_level) if self.risk_level else None,
            "flags": list(self.flags),
            "received_on": self.received_on.isoformat(),
            "updated_at": self.updated_at.isoformat(),
            "victims_code_breach": self.victims_code_breach,
        }


@dataclass(frozen=True)
class CaseFilter:
    search: str = ""
    stage: Stage | None = None
    case_type: CaseType | None = None
    flag: Flag | None = None
    include_closed: bool = True


SORT_KEYS = (
    "updated_at",
    "reference",
    "case_type",
    "stage",
    "received_on",
    "risk_level",
    "parties",
    "next_due",
    "relevance",
)


# The case list's SQL, written once: the statements differ only by the shape of the filter and
# the sort (cached per shape below), and run on the session's connection with no ORM between,
# since a list row needs no identity map, change tracking or per-call statement building.
_CASE_TYPES = {member.value: member for member in CaseType}
_STAGES = {member.value: member for member in Stage}
_RISK_LEVELS = {member.value: member for member in RiskLevel}


# The SQL's fragments name the roles and statuses by their stored values: the parties
# (PARTY_ROLES), the harmed (HARMED_ROLES), a signed agreement and a pending action (a test
# checks these against the enums). Every value that comes from the window is bound.
_PARTIES = (
    "(SELECT group_concat(pe.name, ', ') FROM participant AS pa"
    " JOIN person AS pe ON pe.id = pa.person_id"
    " WHERE pa.case_id = case_file.id AND pa.role IN ('harmed', 'responsible', 'both'))"
)
# The earliest pending action or review date of the agreement in force. SQLite's two-argument
# min() is NULL if either is; coalesce keeps the one that exists.
_ACTION_DUE = (
    "(SELECT min(ac.due_on) FROM agreement_action AS ac"
    " JOIN agreement AS ag ON ag.id = ac.agreement_id"
    " WHERE ag.case_id = case_file.id AND ag.status = 'signed' AND ac.status = 'pending')"
)
_REVIEW_DUE = (
    "(SELECT min(ag.review_on) FROM agreement AS ag"
    " WHERE ag.case_id = case_file.id AND ag.status = 'signed')"
)
_NEXT_DUE = f"min(coalesce({_ACTION_DUE}, {_REVIEW_DUE}), coalesce({_REVIEW_DUE}, {_ACTION_DUE}))"
# How many harmed people still lack RJ information, and the latest date it was given.
_HARMED_MISSING = (
    "(SELECT count(*) FROM participant AS pa WHERE pa.case_id = case_file.id"
    " AND pa.role IN ('harmed', 'both') AND pa.rj_information_given_on IS NULL)"
)
_LATEST_GIVEN = (
    "(SELECT max(pa.rj_information_given_on) FROM participant AS pa"
    " WHERE pa.case_id = case_file.id AND pa.role IN ('harmed', 'both'))"
)
# The rows of the cases whose ids are given as one JSON array (any number, one statement).
_ROWS = (
    "SELECT case_file.id, case_file.reference, case_file.case_type, case_file.stage,"  # noqa: S608 - our fragments
    " case_file.risk_level, case_file.flags, case_file.received_on, case_file.updated_at,"
    f" {_PARTIES}, {_NEXT_DUE}, {_HARMED_MISSING}, {_LATEST_GIVEN}"
    " FROM case_file WHERE case_file.id IN (SELECT value FROM json_each(?))"
)
_SORT_COLUMNS = {
    "updated_at": "case_file.updated_at",
    "reference": "case_file.reference",
    "case_type": "case_file.case_type",
    "stage": "case_file.stage",
    "received_on": "case_file.received_on",
    "risk_level": "case_file.risk_level",
    "parties": _PARTIES,
    "next_due": _NEXT_DUE,
}


@dataclass(frozen=True)
class _Shape:
    """What the SQL of a list or count depends on (the values are bound, not part of it)."""

    searching: bool = False
    stage: bool = False
    open_only: bool = False
    case_type: bool = False
    flag: bool = False

    @property
    def narrowed(self) -> bool:
        return self.stage or self.open_only or self.case_type or self.flag


def _shape_and_values(filters: CaseFilter) -> tuple[_Shape, list[str]] | None:
    """The filter's shape and its values in the order the SQL binds them; None when a search
    holds only punctuation, so that nothing can match."""
    values: list[str] = []
    searching = bool(filters.search.strip())
    if searching:
        expression = search.match_expression(filters.search)
        if expression is None:
            return None
        values.append(expression)
    if filters.stage is not None:
        values.append(Stage(filters.stage).value)
    elif not filters.include_closed:
        values.append(Stage.CLOSED.value)
    if filters.case_type is not None:
        values.append(CaseType(filters.case_type).value)
    if filters.flag is not None:
        values.append(Flag(filters.flag).value)
    shape = _Shape(
        searching=searching,
        stage=filters.stage is not None,
        open_only=filters.stage is None and not filters.include_closed,
        case_type=filters.case_type is not None,
        flag=filters.flag is not None,
    )
    return shape, values


def _from_where(shape: _Shape) -> str:
    sql = "FROM case_file"
    if shape.searching:
        sql += f" JOIN ({search.MATCHES}) AS matches ON matches.case_id = case_file.id"
    conditions = []
    if shape.stage:
        conditions.append("case_file.stage = ?")
    if shape.open_only:
        conditions.append("case_file.stage != ?")
    if shape.case_type:
        conditions.append("case_file.case_type = ?")
    if shape.flag:
        conditions.append(
            "EXISTS (SELECT 1 FROM json_each(case_file.flags) WHERE json_each.value = ?)"
        )
    return sql + (" WHERE " + " AND ".join(conditions) if conditions else "")


@cache
def _page_sql(shape: _Shape, sort: str, newest_first: bool) -> str:
    if sort == "relevance" and shape.searching and not shape.narrowed:
        # Best match first from the search index alone: no need to read every matching case.
        return (
            f"SELECT matches.case_id FROM ({search.MATCHES}) AS matches"  # noqa: S608 - ours
            " ORDER BY matches.rank LIMIT ? OFFSET ?"
        )
    if sort == "relevance":
        first = "matches.rank" if shape.searching else "case_file.updated_at DESC"
        order = f"{first}, case_file.updated_at DESC"
    else:
        # The id breaks ties in the same direction, so the updated_at index serves the order.
        direction = "DESC" if newest_first else "ASC"
        order = f"{_SORT_COLUMNS[sort]} {direction}, case_file.id {direction}"
    return f"SELECT case_file.id {_from_where(shape)} ORDER BY {order} LIMIT ? OFFSET ?"


@cache
def _count_sql(shape: _Shape) -> str:
    if shape.searching and not shape.narrowed:
        # What the page of best matches is drawn from: the search index alone (it holds one
        # row per case, kept in the case's own transaction), without reading every case.
        return f"SELECT count(*) FROM ({search.MATCHES}) AS matches"  # noqa: S608 - ours
    # count(*), not count(id): the same number (the id is never NULL), from the smallest index.
    return f"SELECT count(*) {_from_where(shape)}"


def _run(session: Session, sql: str, values: tuple[Any, ...]) -> CursorResult[Any]:
    """Execute hand-made SQL on the session's connection, after flushing what the session holds
    (as the ORM's own queries would), so a unit of work lists what it has just written."""
    session.flush()
    return session.connection().exec_driver_sql(sql, values)


def page_of_ids(
    session: Session,
    filters: CaseFilter = CaseFilter(),
    *,
    sort: str = "",
    descending: bool | None = None,
    limit: int = 100,
    offset: int = 0,
) -> list[str]:
    """The ids of one page of the case list, in order. Kept apart from the row details so that
    SQLite works out parties, due dates and Victims' Code only for the rows shown, not for every
    case (or every search match) before sorting."""
    searching = bool(filters.search.strip())
    sort = sort or ("relevance" if searching else "updated_at")
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}")
    shaped = _shape_and_values(filters)
    if shaped is None:
        return []
    shape, values = shaped
    newest_first = sort == "updated_at" if descending is None else descending
    sql = _page_sql(shape, sort, newest_first)
    return [case_id for (case_id,) in _run(session, sql, (*values, limit, offset))]


def rows_for(session: Session, ids: list[str], *, today: date) -> list[CaseRow]:
    """The case list's rows for these cases, in the order given."""
    if not ids:
        return []
    rows: dict[str, CaseRow] = {}
    for values in _run(session, _ROWS, (json.dumps(ids),)):
        row = _case_row(values, today)
        rows[row.id] = row
    return [rows[case_id] for case_id in ids if case_id in rows]


def _case_row(values: Any, today: date) -> CaseRow:
    """One row of the list from the columns of ``_ROWS``, as SQLite returns them (text)."""
    (case_id, reference, case_type, stage, risk_level, flags, received, updated, parties,
     next_due, harmed_missing, latest_given) = values  # fmt: skip
    received_on = date.fromisoformat(received)
    deadline = _victims_code_deadline(received_on)
    given = date.fromisoformat(latest_given) if latest_given else None
    breach = bool(harmed_missing and today > deadline) or bool(given and given > deadline)
    vc_due = deadline if harmed_missing else None
    due = date.fromisoformat(next_due) if next_due else None
    next_dates = [d for d in (due, vc_due) if d is not None]
    is_open = stage != Stage.CLOSED.value
    return CaseRow(
        id=case_id,
        reference=reference,
        case_type=_CASE_TYPES[case_type],
        stage=_STAGES[stage],
        parties=parties or "",
        next_due=min(next_dates) if next_dates and is_open else None,
        risk_level=_RISK_LEVELS[risk_level] if risk_level else None,
        flags=tuple(json.loads(flags)) if flags != "[]" else (),  # most cases have none
        received_on=received_on,
        updated_at=datetime.fromisoformat(updated).replace(tzinfo=UTC),
        victims_code_breach=breach and is_open,
    )


@lru_cache(maxsize=2048)
def _victims_code_deadline(received_on: date) -> date:
    """The day by which the harmed must have had RJ information (a page shares few dates)."""
    return add_working_days(received_on, VICTIMS_CODE_WORKING_DAYS)


def list_cases(
    session: Session,
    filters: CaseFilter = CaseFilter(),
    *,
    sort: str = "",
    descending: bool | None = None,
    limit: int = 100,
    offset: int = 0,
    today: date,
) -> list[CaseRow]:
    """One page of the case list. Without a sort, search results come best match first and
    everything else most recently changed first."""
    ids = page_of_ids(
        session, filters, sort=sort, descending=descending, limit=limit, offset=offset
    )
    return rows_for(session, ids, today=today)


def count_cases(session: Session, filters: CaseFilter = CaseFilter()) -> int:
    """How many cases match ``filters``."""
    shaped = _shape_and_values(filters)
    if shaped is None:
        return 0
    shape, values = shaped
    return int(_run(session, _count_sql(shape), tuple(values)).scalar() or 0)
