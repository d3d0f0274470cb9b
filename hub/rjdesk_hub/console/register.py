"""The case register's queries, over the case index alone (``rjdesk_hub.console.index``).

Searching, filtering, sorting and counting read only plain facts and keyed hashes; nothing is
decrypted but the facts records of the page's rows (at most ``MAX_PAGE_SIZE``). A search by
words, date of birth, phone or postcode is match-first: the cases each criterion's digest (or
the reference) answers are found and intersected before the plain facts filter them, and the
page and its count are read in one statement (``bench/hub_console_bench.py``'s floor has the
same form; ``tests/hub/test_register_query.py`` keeps the query before and checks both agree).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, case, func, intersect, select, union
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.elements import ColumnElement

from rjdesk_hub import models as m
from rjdesk_hub.console import index
from rjdesk_hub.crypto import AtRest, facts_aad
from rjdesk_protocol.enums import Stage
from rjdesk_protocol.errors import UsageError
from rjdesk_protocol.text import phone_key, postcode_key, search_terms

MAX_PAGE_SIZE = 200
UNASSIGNED = "none"  # RegisterQuery.facilitator_id for the cases no facilitator is assigned to
MAX_WORDS = 8  # search words looked up (each is one indexed subquery)
_STAGE_ORDER = case(
    {stage.value: stage.order for stage in Stage}, value=m.CaseIndex.stage, else_=len(Stage)
)
SORTS: dict[str, ColumnElement[Any] | InstrumentedAttribute[Any]] = {
    "reference": m.CaseIndex.reference,
    "received": m.CaseIndex.received_on,
    "updated": m.CaseIndex.updated_at,
    "stage": _STAGE_ORDER,
}


@dataclass(frozen=True)
class RegisterQuery:
    """What a coordinator asked the register for. Empty criteria do not filter."""

    text: str = ""  # words of a reference or of names: every word must match
    date_of_birth: date | None = None
    phone: str = ""
    postcode: str = ""
    case_types: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    facilitator_id: str = ""  # UNASSIGNED: the cases no facilitator is assigned to
    received_from: date | None = None
    received_to: date | None = None
    closed: bool | None = None  # None: open and closed cases alike
    sort: str = "received"
    descending: bool = True
    page: int = 1
    page_size: int = 25


@dataclass(frozen=True)
class RegisterRow:
    """One case as the register lists it (``facts`` is case data: never to be logged)."""

    case_id: str
    reference: str
    case_type: str
    stage: str
    source: str
    received_on: date | None
    updated_at: datetime
    closed: bool
    facilitators: tuple[str, ...]  # names of who holds it, sorted
    facts: dict[str, Any]


@dataclass(frozen=True)
class RegisterPage:
    rows: list[RegisterRow]
    total: int  # cases matching, over every page
    page: int
    page_size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


def _check(query: RegisterQuery) -> None:
    if query.sort not in SORTS:
        raise UsageError(f"the register sorts by {', '.join(SORTS)}, not by {query.sort!r}")
    if query.page < 1:
        raise UsageError("the page number starts at 1")
    if not 1 <= query.page_size <= MAX_PAGE_SIZE:
        raise UsageError(f"a page holds 1 to {MAX_PAGE_SIZE} cases")
    if query.received_from and query.received_to and query.received_from > query.received_to:
        raise UsageError("the received-from date is after the received-to date")


def _holders_of(at_rest: AtRest, term: str) -> Select[str]:
    """The cases holding a term's digest (the term table's primary key: each case once)."""
    return select(m.CaseIndexTerm.case_id).where(
        m.CaseIndexTerm.digest == at_rest.index_digest(term)
    )


def _matches(at_rest: AtRest, query: RegisterQuery) -> list[Select[str]]:
    """One set of case ids per criterion the term digests answer: each search word a name's
    prefix (folded) or part of the reference, the date of birth, the phone, the postcode."""
    matches: list[Select[str]] = []
    for word in list(dict.fromkeys(search_terms(query.text)))[:MAX_WORDS]:
        by_name = _holders_of(at_rest, index.name_term(word[: index.NAME_PREFIX_MAX]))
        by_reference = select(m.CaseIndex.case_id).where(
            func.lower(m.CaseIndex.reference).contains(word, autoescape=True)
        )
        # Wrapped as a subquery: SQLite gives UNION and INTERSECT the same precedence.
        either = union(by_name, by_reference).subquery()
        matches.append(select(either.c.case_id))
    if query.date_of_birth is not None:
        day = query.date_of_birth.isoformat()
        matches.append(_holders_of(at_rest, index.date_of_birth_term(day)))
    if query.phone.strip():
        # A number too short to be one matches nothing rather than everything.
        matches.append(_holders_of(at_rest, index.phone_term(phone_key(query.phone) or "-")))
    if query.postcode.strip():
        key = postcode_key(query.postcode) or "-"
        matches.append(_holders_of(at_rest, index.postcode_term(key)))
    return matches


def _facts_filters(query: RegisterQuery) -> list[ColumnElement[bool]]:
    """The criteria the plain facts answer."""
    conditions: list[ColumnElement[bool]] = []
    if query.case_types:
        conditions.append(m.CaseIndex.case_type.in_(query.case_types))
    if query.stages:
        conditions.append(m.CaseIndex.stage.in_(query.stages))
    if query.sources:
        conditions.append(m.CaseIndex.source.in_(query.sources))
    if query.facilitator_id == UNASSIGNED:
        assigned = select(m.Visibility.case_id).where(m.Visibility.how == "assigned")
        conditions.append(m.CaseIndex.case_id.not_in(assigned))
    elif query.facilitator_id:
        held = select(m.CaseIndexFacilitator.case_id).where(
            m.CaseIndexFacilitator.facilitator_id == query.facilitator_id
        )
        conditions.append(m.CaseIndex.case_id.in_(held))
    if query.received_from is not None:
        conditions.append(m.CaseIndex.received_on >= query.received_from)
    if query.received_to is not None:
        conditions.append(m.CaseIndex.received_on <= query.received_to)
    if query.closed is not None:
        conditions.append(m.CaseIndex.closed.is_(query.closed))
    return conditions


def _filtered(at_rest: AtRest, query: RegisterQuery) -> tuple[Select[str], bool]:
    """The ids of the matching cases, and whether the term digests answered any criterion.

    Match-first: the cases the digests (and the reference) answer are found first, intersected
    across criteria, and only they are filtered on the plain facts; with no such criterion, the
    plain facts alone."""
    found = select(m.CaseIndex.case_id)
    matches = _matches(at_rest, query)
    if matches:
        hits = (matches[0] if len(matches) == 1 else intersect(*matches)).cte("hits")
        found = found.join(hits, hits.c.case_id == m.CaseIndex.case_id)
    return found.where(*_facts_filters(query)), bool(matches)


def _order(query: RegisterQuery) -> list[ColumnElement[Any] | InstrumentedAttribute[Any]]:
    key = SORTS[query.sort]
    return [
        key.desc() if query.descending else key.asc(),
        m.CaseIndex.reference.desc() if query.descending else m.CaseIndex.reference.asc(),
        m.CaseIndex.case_id,
    ]


def _page(session: Session, at_rest: AtRest, query: RegisterQuery) -> tuple[list[m.CaseIndex], int]:
    """The page's entries, in order, and how many cases match in all.

    A search by terms reads the page and the count in one statement: the page's ids with a
    window count over the matching cases (only their ids and sort keys read), joined to their
    entries. With the plain facts alone, a window count would read every case before the first
    row, so the count is asked on its own (it reads an index) and the page walks the sort's
    index. A page past the last one has no row to carry a window count: it is counted apart."""
    filtered, by_terms = _filtered(at_rest, query)
    page = (
        filtered.order_by(*_order(query))
        .offset((query.page - 1) * query.page_size)
        .limit(query.page_size)
    )
    if not by_terms:
        total = session.scalar(select(func.count()).select_from(filtered.subquery())) or 0
        entries = list(session.scalars(page.with_only_columns(m.CaseIndex))) if total else []
        return entries, int(total)
    ids = page.add_columns(func.count().over().label("total")).subquery("page")
    found = session.execute(
        select(m.CaseIndex, ids.c.total)
        .join(ids, ids.c.case_id == m.CaseIndex.case_id)
        .order_by(*_order(query))
    ).all()
    if found:
        return [entry for entry, _ in found], int(found[0][1])
    if query.page == 1:
        return [], 0
    total = session.scalar(select(func.count()).select_from(filtered.subquery())) or 0
    return [], int(total)


def search(session: Session, at_rest: AtRest, query: RegisterQuery) -> RegisterPage:
    """One page of the register and how many cases match in all, with the page's holders'
    names and their facts records opened."""
    _check(query)
    entries, total = _page(session, at_rest, query)
    holders = _holders(session, [entry.case_id for entry in entries])
    rows = [
        RegisterRow(
            case_id=entry.case_id,
            reference=entry.reference,
            case_type=entry.case_type,
            stage=entry.stage,
            source=entry.source,
            received_on=entry.received_on,
            updated_at=entry.updated_at,
            closed=entry.closed,
            facilitators=tuple(sorted(holders.get(entry.case_id, []))),
            facts=_open_facts(at_rest, entry),
        )
        for entry in entries
    ]
    return RegisterPage(rows, total, query.page, query.page_size)


def facts_of(session: Session, at_rest: AtRest, case_id: str) -> dict[str, Any] | None:
    """A case's facts record, or None when the index has no entry for it."""
    entry = session.get(m.CaseIndex, case_id)
    return None if entry is None else _open_facts(at_rest, entry)


def _open_facts(at_rest: AtRest, entry: m.CaseIndex) -> dict[str, Any]:
    facts = at_rest.open_json(entry.facts, facts_aad(entry.case_id))
    return facts if isinstance(facts, dict) else {}


def _holders(session: Session, case_ids: list[str]) -> dict[str, list[str]]:
    if not case_ids:
        return {}
    query = (
        select(m.CaseIndexFacilitator.case_id, m.Facilitator.name)
        .join(m.Facilitator, m.Facilitator.id == m.CaseIndexFacilitator.facilitator_id)
        .where(m.CaseIndexFacilitator.case_id.in_(case_ids))
    )
    found: dict[str, list[str]] = {}
    for case_id, name in session.execute(query):
        found.setdefault(case_id, []).append(name)
    return found
