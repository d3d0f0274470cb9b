"""The case list as rjdesk built it before its SQL was written once (issue 12): SQLAlchemy
statements made afresh on every call, kept here only as the reference that the faster list must
equal, row for row and column for column."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Float, Select, String, func, select, text
from sqlalchemy.orm import Session, aliased

from rjdesk.domain.models import Agreement, AgreementAction, Case, Participant, Person
from rjdesk.services.queries import HARMED_ROLES, PARTY_ROLES, SORT_KEYS, CaseFilter, CaseRow
from rjdesk.store.search import match_expression
from rjdesk_protocol.calendar import add_working_days
from rjdesk_protocol.enums import ActionStatus, AgreementStatus, CaseType, Flag, Stage
from rjdesk_protocol.victims_code import VICTIMS_CODE_WORKING_DAYS


def _matching_cases(query: str) -> Any:
    expression = match_expression(query)
    if expression is None:
        return None
    return (
        text(
            "SELECT d.case_id AS case_id, case_search.rank AS rank FROM case_search"
            " JOIN search_doc d ON d.id = case_search.rowid WHERE case_search MATCH :expression"
        )
        .bindparams(expression=expression)
        .columns(case_id=String, rank=Float)
        .subquery("matches")
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
    ag, ac = aliased(Agreement), aliased(AgreementAction)
    signed = AgreementStatus.SIGNED.value
    action_due = (
        select(func.min(ac.due_on))
        .join(ag, ag.id == ac.agreement_id)
        .where(ag.case_id == Case.id, ag.status == signed, ac.status == ActionStatus.PENDING.value)
        .scalar_subquery()
    )
    review_due = (
        select(func.min(ag.review_on))
        .where(ag.case_id == Case.id, ag.status == signed)
        .scalar_subquery()
    )
    return func.min(func.coalesce(action_due, review_due), func.coalesce(review_due, action_due))


def _filtered(query: Select[Any], filters: CaseFilter) -> tuple[Select[Any], Any]:
    rank = None
    matches = _matching_cases(filters.search) if filters.search.strip() else None
    if filters.search.strip() and matches is None:
        return query.where(Case.id.is_(None)), None
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
        query = query.where(
            text(
                "EXISTS (SELECT 1 FROM json_each(case_file.flags) WHERE json_each.value = :flag)"
            ).bindparams(flag=Flag(filters.flag).value)
        )
    return query, rank


def page_of_ids(
    session: Session, filters: CaseFilter, *, sort: str, descending: bool | None, limit: int,
    offset: int,
) -> list[str]:  # fmt: skip
    searching = bool(filters.search.strip())
    sort = sort or ("relevance" if searching else "updated_at")
    assert sort in SORT_KEYS
    narrowed = filters.stage or filters.case_type or filters.flag or not filters.include_closed
    if sort == "relevance" and searching and not narrowed:
        matches = _matching_cases(filters.search)
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
        query = query.order_by(
            *((column.desc(), Case.id.desc()) if newest_first else (column.asc(), Case.id.asc()))
        )
    return list(session.scalars(query.limit(limit).offset(offset)))


def rows_for(session: Session, ids: list[str], *, today: date) -> list[CaseRow]:
    if not ids:
        return []
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
    query = select(
        Case.id, Case.reference, Case.case_type, Case.stage, Case.risk_level, Case.flags,
        Case.received_on, Case.updated_at, _parties().label("parties"),
        _next_due().label("next_due"), harmed_missing.label("harmed_missing"),
        latest_given.label("latest_given"),
    ).where(Case.id.in_(ids))  # fmt: skip
    rows: dict[str, CaseRow] = {}
    for row in session.execute(query):
        deadline = add_working_days(row.received_on, VICTIMS_CODE_WORKING_DAYS)
        latest = row.latest_given
        breach = bool(row.harmed_missing and today > deadline) or bool(latest and latest > deadline)
        vc_due = deadline if row.harmed_missing else None
        next_dates = [d for d in (row.next_due, vc_due) if d is not None]
        is_open = row.stage != Stage.CLOSED
        rows[row.id] = CaseRow(
            id=row.id, reference=row.reference, case_type=row.case_type, stage=row.stage,
            parties=row.parties or "",
            next_due=min(next_dates) if next_dates and is_open else None,
            risk_level=row.risk_level, flags=tuple(row.flags), received_on=row.received_on,
            updated_at=row.updated_at, victims_code_breach=breach and is_open,
        )  # fmt: skip
    return [rows[case_id] for case_id in ids if case_id in rows]


def list_cases(
    session: Session, filters: CaseFilter, *, sort: str = "",
    descending: bool | None = None, limit: int = 100, offset: int = 0, today: date,
) -> list[CaseRow]:  # fmt: skip
    ids = page_of_ids(
        session, filters, sort=sort, descending=descending, limit=limit, offset=offset
    )
    return rows_for(session, ids, today=today)


def count_cases(session: Session, filters: CaseFilter) -> int:
    query, _ = _filtered(select(func.count(Case.id)), filters)
    return int(session.scalar(query) or 0)
