"""The case list and search: one page of plain rows at a time, with the count that matches."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rjdesk.services import queries
from rjdesk.services.queries import CaseFilter, CaseRow
from rjdesk.store.vault import Vault

__all__ = [
    "EVERY_CASE",
    "CaseFilter",
    "CasePage",
    "CaseRow",
    "count_cases",
    "list_cases",
    "page_of_cases",
]

# No search and no filter: every case, closed ones too.
EVERY_CASE = CaseFilter()


@dataclass(frozen=True)
class CasePage:
    """Rows of the case list from ``offset`` on; ``total`` is how many cases match in all
    (None when it was not asked for: a further page of the same list)."""

    offset: int
    rows: tuple[CaseRow, ...]
    total: int | None


def page_of_cases(
    vault: Vault,
    filters: CaseFilter = EVERY_CASE,
    *,
    today: date,
    sort: str = "",
    descending: bool | None = None,
    limit: int = 100,
    offset: int = 0,
    with_total: bool = False,
) -> CasePage:
    """One page of the case list, as the window scrolls through it. Without a sort, search
    results come best match first and everything else most recently changed first."""
    with vault.reader() as session:
        rows = queries.list_cases(
            session,
            filters,
            sort=sort,
            descending=descending,
            limit=limit,
            offset=offset,
            today=today,
        )
        total = queries.count_cases(session, filters) if with_total else None
    return CasePage(offset=offset, rows=tuple(rows), total=total)


def count_cases(vault: Vault, filters: CaseFilter = EVERY_CASE) -> int:
    """How many cases match ``filters`` (all of them by default)."""
    with vault.reader() as session:
        return queries.count_cases(session, filters)


def list_cases(vault: Vault, filters: CaseFilter = EVERY_CASE, *, limit: int = 0) -> CasePage:
    """The first ``limit`` cases matching (0: all), with the total, as of the vault's today;
    the listing itself goes on the record (the command line's ``case list``)."""
    with vault.unit_of_work() as uow:
        total = queries.count_cases(uow.session, filters)
        rows = queries.list_cases(
            uow.session, filters, limit=limit or max(total, 1), today=uow.today
        )
        uow.audit(
            "list_cases", detail=f"{len(rows)} shown" + (", searched" if filters.search else "")
        )
    return CasePage(offset=0, rows=tuple(rows), total=total)
