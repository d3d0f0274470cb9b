"""The case list: one page of rows for the GUI's table and ``rjdesk case list`` (same query)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select, text
from sqlalchemy.orm import Session, aliased

from rjdesk.domain.models import Agreement, AgreementAction, Case, Participant, Person
from rjdesk.store import search
from rjdesk_protocol.calendar import add_working_days
from rjdesk_protocol.enums import ActionStatus, AgreementStatus, CaseType, Flag, RiskLevel, Stage
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


def _parties() -> Any:
    pa, pe = aliased(Participant), aliased(Person)
    return (
        select(func.group_concat(pe.name, ", "))
        .select_from(pa)
        .join(pe, pe.id == pa.person_id)
        .where(pa.case_id == Case.id, pa.role.in_(PARTY_ROLES))
        .scalar_subquery()
    )


def _next_due() -> Any:
    """The earliest pending action or review date of the agreement in force."""
    ag, ac = aliased(Agreement), aliased(AgreementAction)
    action_due = (
        select(func.min(ac.due_on))
        .join(ag, ag.id == ac.agreement_id)
        .where(
            ag.case_id == Case.id,
            ag.status == AgreementStatus.SIGNED.value,
            ac.status == ActionStatus.PENDING.value,
        )
        .scalar_subquery()
    )
    review_due = (
        select(func.min(ag.review_on))
        .where(ag.case_id == Case.id, ag.status == AgreementStatus.SIGNED.value)
        .scalar_subquery()
    )
    # SQLite's two-argument min() is NULL if either is; coalesce keeps the one that exists.
    return func.min(func.coalesce(action_due, review_due), func.coalesce(review_due, action_due))


def _victims_code_columns() -> tuple[Any, Any]:
    """How many harmed people still lack RJ information, and the latest date it was given."""
    missing, given = aliased(Participant), aliased(Participant)
    harmed_missing = (
        select(func.count())
        .select_from(missing)
        .where(
            missing.case_id == Case.id,
            missing.role.in_(HARMED_ROLES),
            missing.rj_information_given_on.is_(None),
        )
        .scalar_subquery()
    )
    latest_given = (
        select(func.max(given.rj_information_given_on))
        .where(given.case_id == Case.id, given.role.in_(HARMED_ROLES))
        .scalar_subquery()
    )
    return harmed_missing, latest_given


def _filtered(query: Select[Any], filters: CaseFilter) -> tuple[Select[Any], Any]:
    rank = None
    matches = search.matching_cases(filters.search) if filters.search.strip() else None
    if filters.search.strip() and matches is None:
        return query.where(Case.id.is_(None)), None  # only punctuation: nothing can match
    if matches is not None:
        query = query.join(matches, matches.c.case_id == Case.id)
        rank = matches.c.rank
    if filters.stage is not None:
        query = query.where(Case.stage == Stage(filters.stage))
    elif not filters.include_closed:
        query = query.where(Case.stage != Stage.CLOSED)
    if filters.case_type is not None:
        query = query.where(Case.case_type == CaseType(filters.case_type))
    if filters.flag is not None:
        flag_clause: ColumnElement[bool] = text(
            "EXISTS (SELECT 1 FROM json_each(case_file.flags) WHERE json_each.value = :flag)"
        ).bindparams(flag=Flag(filters.flag).value)  # type: ignore[assignment]
        query = query.where(flag_clause)
    return query, rank


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
    narrowed = filters.stage or filters.case_type or filters.flag or not filters.include_closed
    if sort == "relevance" and searching and not narrowed:
        # Best match first from the search index alone: no need to read every matching case.
        matches = search.matching_cases(filters.search)
        if matches is None:
            return []
        ranked = select(matches.c.case_id).order_by(matches.c.rank)
        return list(session.scalars(ranked.limit(limit).offset(offset)))
    query, rank = _filtered(select(Case.id), filters)
    if sort == "relevance":
        query = query.order_by(
            rank if rank is not None else Case.updated_at.desc(), Case.updated_at.desc()
        )
    else:
        column = {"parties": _parties(), "next_due": _next_due()}.get(sort)
        if column is None:
            column = getattr(Case, sort)
        newest_first = sort == "updated_at" if descending is None else descending
        # The id breaks ties in the same direction, so the updated_at index serves the order.
        query = query.order_by(
            *((column.desc(), Case.id.desc()) if newest_first else (column.asc(), Case.id.asc()))
        )
    return list(session.scalars(query.limit(limit).offset(offset)))


def rows_for(session: Session, ids: list[str], *, today: date) -> list[CaseRow]:
    """The case list's rows for these cases, in the order given."""
    if not ids:
        return []
    harmed_missing, latest_given = _victims_code_columns()
    # Plain columns, not ORM objects: a list row needs no identity map or change tracking.
    query = select(
        Case.id,
        Case.reference,
        Case.case_type,
        Case.stage,
        Case.risk_level,
        Case.flags,
        Case.received_on,
        Case.updated_at,
        _parties().label("parties"),
        _next_due().label("next_due"),
        harmed_missing.label("harmed_missing"),
        latest_given.label("latest_given"),
    ).where(Case.id.in_(ids))
    rows: dict[str, CaseRow] = {}
    for row in session.execute(query):
        deadline = add_working_days(row.received_on, VICTIMS_CODE_WORKING_DAYS)
        given = row.latest_given
        breach = bool(row.harmed_missing and today > deadline) or bool(given and given > deadline)
        vc_due = deadline if row.harmed_missing else None
        next_dates = [d for d in (row.next_due, vc_due) if d is not None]
        is_open = row.stage != Stage.CLOSED
        rows[row.id] = CaseRow(
            id=row.id,
            reference=row.reference,
            case_type=row.case_type,
            stage=row.stage,
            parties=row.parties or "",
            next_due=min(next_dates) if next_dates and is_open else None,
            risk_level=row.risk_level,
            flags=tuple(row.flags),
            received_on=row.received_on,
            updated_at=row.updated_at,
            victims_code_breach=breach and is_open,
        )
    return [rows[case_id] for case_id in ids if case_id in rows]


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
    query, _ = _filtered(select(func.count(Case.id)), filters)
    return int(session.scalar(query) or 0)
