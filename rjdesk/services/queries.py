"""The case list: one page of rows for the GUI's table and ``rjdesk case list`` (same query)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select, text
from sqlalchemy.orm import Session, aliased

from rjdesk.domain.calendar import add_working_days
from rjdesk.domain.enums import ActionStatus, AgreementStatus, CaseType, Flag, RiskLevel, Stage
from rjdesk.domain.models import Agreement, AgreementAction, Case, Participant, Person
from rjdesk.domain.victims_code import VICTIMS_CODE_WORKING_DAYS
from rjdesk.store import search

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
    parties = _parties().label("parties")
    next_due = _next_due().label("next_due")
    harmed_missing, latest_given = _victims_code_columns()
    query = select(Case, parties, next_due, harmed_missing, latest_given)
    query, rank = _filtered(query, filters)
    sort = sort or ("relevance" if rank is not None else "updated_at")
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}")
    order: Any
    if sort == "relevance":
        order = rank if rank is not None else Case.updated_at.desc()
        query = query.order_by(order, Case.updated_at.desc())
    else:
        column = {"parties": parties, "next_due": next_due}.get(sort) or getattr(Case, sort)
        newest_first = sort == "updated_at" if descending is None else descending
        query = query.order_by(column.desc() if newest_first else column.asc(), Case.reference)
    query = query.limit(limit).offset(offset)
    rows = []
    for case, party_names, due, missing, given in session.execute(query):
        deadline = add_working_days(case.received_on, VICTIMS_CODE_WORKING_DAYS)
        breach = bool(missing and today > deadline) or bool(given and given > deadline)
        vc_due = deadline if missing else None
        next_dates = [d for d in (due, vc_due) if d is not None]
        rows.append(
            CaseRow(
                id=case.id,
                reference=case.reference,
                case_type=case.case_type,
                stage=case.stage,
                parties=party_names or "",
                next_due=min(next_dates) if next_dates and case.stage != Stage.CLOSED else None,
                risk_level=case.risk_level,
                flags=tuple(case.flags),
                received_on=case.received_on,
                updated_at=case.updated_at,
                victims_code_breach=breach and case.stage != Stage.CLOSED,
            )
        )
    return rows


def count_cases(session: Session, filters: CaseFilter = CaseFilter()) -> int:
    query, _ = _filtered(select(func.count(Case.id)), filters)
    return int(session.scalar(query) or 0)
