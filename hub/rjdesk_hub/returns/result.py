"""A computed return: tables of cells, each already suppressed or not, as every output (the
console's pages and charts, CSV, XLSX, PDF) shows it and as a kept return stores it.

The engine (``rjdesk_hub.returns.engine``) makes a ``ReturnResult``; outputs only read it. A
suppressed cell keeps no value at all, so no output can leak what was suppressed; its only mark
is ``shown``: "<5" (fewer than 5, or a 0 hidden to protect another) or "[c]" (5 or more, hidden
only so that a small number elsewhere cannot be worked out by subtraction).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

SUPPRESSED = "<5"
# The statistical-release mark for a figure of 5 or more hidden only to protect another: "<5"
# on it would be false.
CONCEALED = "[c]"
MARKS = (SUPPRESSED, CONCEALED)
FORMAT = "rjdesk.return-result/1"


@dataclass(frozen=True)
class Cell:
    """``value`` is None when suppressed (``shown`` is then "<5" or "[c]") or when there is
    nothing to show (``shown`` "–", e.g. a median of nothing). ``shown`` is the text every
    output prints: "12", "83%", "4.5"."""

    value: float | None
    shown: str
    suppressed: bool = False


def printed(cell: Cell) -> str:
    """The one text an output may print for ``cell``: a suppressed cell's mark ("<5" or "[c]",
    "<5" whatever else a badly made suppressed cell might carry), else its ``shown``."""
    if cell.suppressed:
        return cell.shown if cell.shown in MARKS else SUPPRESSED
    return cell.shown


@dataclass(frozen=True)
class Table:
    """One figure of a definition. ``rows`` and ``columns`` are the breakdowns' labels as
    people read them ("Police", "Q3"); a figure without a breakdown has one row and one column.
    ``cells[r][c]``. ``row_total``/``column_total``: whether the last row/column is a total."""

    id: str
    title: str
    measure: str  # "count", "rate", "median", "p90"
    unit: str  # "cases", "people", "contacts", "days", "%"
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[Cell, ...], ...]
    row_total: bool = False
    column_total: bool = False
    note: str = ""  # how it is counted, in one or two sentences (printed under the table)


@dataclass(frozen=True)
class Period:
    start: date  # first day
    end: date  # last day (inclusive)
    label: str  # "2026-27 Q3" or "1 Apr 2026 to 30 Sep 2026"


@dataclass(frozen=True)
class ReturnResult:
    definition_id: str
    definition_version: int
    title: str
    period: Period
    computed_at: datetime  # UTC
    tables: tuple[Table, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "definition_id": self.definition_id,
            "definition_version": self.definition_version,
            "title": self.title,
            "period": {
                "start": self.period.start.isoformat(),
                "end": self.period.end.isoformat(),
                "label": self.period.label,
            },
            "computed_at": self.computed_at.isoformat(),
            "tables": [
                {
                    "id": t.id,
                    "title": t.title,
                    "measure": t.measure,
                    "unit": t.unit,
                    "rows": list(t.rows),
                    "columns": list(t.columns),
                    "cells": [[[c.value, c.shown, c.suppressed] for c in row] for row in t.cells],
                    "row_total": t.row_total,
                    "column_total": t.column_total,
                    "note": t.note,
                }
                for t in self.tables
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ReturnResult:
        if data.get("format") != FORMAT:
            raise ValueError("this is not a kept return of this rjdesk")
        period = data["period"]
        return cls(
            definition_id=data["definition_id"],
            definition_version=int(data["definition_version"]),
            title=data["title"],
            period=Period(
                date.fromisoformat(period["start"]),
                date.fromisoformat(period["end"]),
                period["label"],
            ),
            computed_at=datetime.fromisoformat(data["computed_at"]),
            tables=tuple(
                Table(
                    id=t["id"],
                    title=t["title"],
                    measure=t["measure"],
                    unit=t["unit"],
                    rows=tuple(t["rows"]),
                    columns=tuple(t["columns"]),
                    cells=tuple(
                        tuple(
                            Cell(value, shown, bool(suppressed)) for value, shown, suppressed in row
                        )
                        for row in t["cells"]
                    ),
                    row_total=bool(t["row_total"]),
                    column_total=bool(t["column_total"]),
                    note=t.get("note", ""),
                )
                for t in data["tables"]
            ),
        )
