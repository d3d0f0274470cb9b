"""Reading the console's audit log: pages of it for the Audit page, filtered by person, action,
case, laptop and time; and exports of a time range as CSV or JSON Lines, which read back into
the same entries and can be checked against the chain (``ledger.ChainWalk``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session

from rjdesk_hub.console.ledger import FIELDS, AuditEntry
from rjdesk_hub.models import ConsoleAuditEvent as Event
from rjdesk_protocol.errors import UsageError

MAX_PER_PAGE = 200
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection): such a
# cell is written with a leading apostrophe, which reading removes again. So is a cell that
# starts with an apostrophe, so that reading is unambiguous.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "'")


class ExportFormat(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"


@dataclass(frozen=True)
class AuditFilter:
    """Which events: each given criterion must hold. ``case`` is a case's id or reference;
    ``start`` is inclusive and ``end`` exclusive (aware datetimes)."""

    account_id: str | None = None
    action: str | None = None
    case: str | None = None
    device_id: str | None = None
    start: datetime | None = None
    end: datetime | None = None

    def apply(self, query: Select[Any]) -> Select[Any]:
        if self.account_id:
            query = query.where(Event.account_id == self.account_id)
        if self.action:
            query = query.where(Event.action == self.action)
        if self.case:
            query = query.where(or_(Event.case_id == self.case, Event.case_reference == self.case))
        if self.device_id:
            query = query.where(Event.device_id == self.device_id)
        if self.start is not None:
            query = query.where(Event.at >= self.start)
        if self.end is not None:
            query = query.where(Event.at < self.end)
        return query


@dataclass(frozen=True)
class AuditPage:
    """One page of events, newest first, and how many match in all."""

    entries: tuple[AuditEntry, ...]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def query(
    session: Session, where: AuditFilter = AuditFilter(), *, page: int = 1, per_page: int = 50
) -> AuditPage:
    """Page ``page`` (from 1) of the events ``where`` picks, newest first."""
    if page < 1 or not 1 <= per_page <= MAX_PER_PAGE:
        raise UsageError(f"a page is numbered from 1 and holds 1 to {MAX_PER_PAGE} events")
    total = session.scalar(where.apply(select(func.count()).select_from(Event))) or 0
    rows = session.scalars(
        where.apply(select(Event))
        .order_by(Event.id.desc())
        .offset((page - 1) * per_page)
        .limit(per_page)
    )
    return AuditPage(tuple(AuditEntry.of(row) for row in rows), total, page, per_page)


def entries(session: Session, where: AuditFilter = AuditFilter()) -> Iterator[AuditEntry]:
    """Every event ``where`` picks, oldest first, read a few thousand at a time."""
    rows = session.scalars(
        where.apply(select(Event)).order_by(Event.id).execution_options(yield_per=2000)
    )
    for row in rows:
        yield AuditEntry.of(row)


def export(session: Session, where: AuditFilter, fmt: ExportFormat) -> Iterator[str]:
    """The events ``where`` picks, oldest first, as lines of ``fmt`` (CSV has a header line).
    Each line ends with a newline; join them, or stream them to the auditor's browser."""
    return export_entries(entries(session, where), fmt)


def export_entries(found: Iterable[AuditEntry], fmt: ExportFormat) -> Iterator[str]:
    fmt = ExportFormat(fmt)
    if fmt is ExportFormat.JSONL:
        for entry in found:
            yield json.dumps(_plain(entry), ensure_ascii=False, separators=(",", ":")) + "\n"
        return
    yield _csv_line(list(FIELDS))
    for entry in found:
        yield _csv_line([_cell(value) for value in _plain(entry).values()])


def _plain(entry: AuditEntry) -> dict[str, Any]:
    return {
        name: entry.at.isoformat(timespec="milliseconds") if name == "at" else getattr(entry, name)
        for name in FIELDS
    }


def _cell(value: Any) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv_line(cells: list[str]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(cells)
    return out.getvalue()


def read_export(text: str, fmt: ExportFormat) -> list[AuditEntry]:
    """The entries of an export made by ``export``; ``UsageError`` if it is not one."""
    fmt = ExportFormat(fmt)
    try:
        if fmt is ExportFormat.JSONL:
            docs = [json.loads(line) for line in text.splitlines() if line.strip()]
        else:
            reader = csv.reader(io.StringIO(text))
            header = next(reader, None)
            if header is None or tuple(header) != FIELDS:
                raise UsageError("the file is not a console audit export (its header differs)")
            docs = [
                dict(zip(FIELDS, [c[1:] if c.startswith("'") else c for c in row], strict=True))
                for row in reader
            ]
        return [_entry(doc) for doc in docs]
    except (ValueError, TypeError, KeyError):
        raise UsageError(f"the file is not a console audit export in {fmt.value}") from None


def _entry(doc: dict[str, Any]) -> AuditEntry:
    if not isinstance(doc, dict) or set(doc) != set(FIELDS):
        raise ValueError("not an audit entry")
    values: dict[str, Any] = {name: str(doc[name]) for name in FIELDS}
    values["id"] = int(values["id"])
    values["at"] = datetime.fromisoformat(values["at"])
    if values["at"].tzinfo is None:
        raise ValueError("a time without its zone")
    return AuditEntry(**values)
