"""Counting a return: a definition's figures over the facts of a period, small numbers
suppressed (docs/returns.md, "Counting").

Facts are one row per case (``extract`` keeps them so however many laptops worked a case); a
person or contact is joined to its one case, so no case counts twice. A unit is in the period
when the day its figure places it by (``placed_by``) falls within it; a unit whose day is not
set is in no period.

Medians and 90th percentiles are by nearest rank: of n values in order, the p-th percentile is
the value at rank ceil(p/100 × n) (the median of 4 values is the 2nd). Days between two dates
count the days after the first up to and including the second (calendar days, or working days:
Monday to Friday but bank holidays); a second date before the first counts as 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import compress
from operator import attrgetter
from typing import Any

from rjdesk_hub.returns import collection, suppression
from rjdesk_hub.returns.definition import ADDITIVE, Condition, Definition, Figure
from rjdesk_hub.returns.facts import CaseFacts, Facts
from rjdesk_hub.returns.fields import Field
from rjdesk_hub.returns.fields import read as values
from rjdesk_hub.returns.result import CONCEALED, SUPPRESSED, Cell, Period, ReturnResult, Table
from rjdesk_protocol.calendar import is_working_day

NOTHING = "–"  # a rate or median of no units
TOTAL = "Total"
ALL = "All"

# One counted unit: its own facts row and its case's.
Unit = tuple[Any, CaseFacts]


def compute(definition: Definition, facts: Facts, period: Period, *, now: datetime) -> ReturnResult:
    """The return ``definition`` gives over ``facts`` for ``period``, computed at ``now``."""
    if now.tzinfo is None:
        raise ValueError("a return's computed_at must be an aware (UTC) time")
    with collection.paused():  # a few hundred thousand objects, none in a cycle
        units = _Units(facts, period)
        counted = [_count(figure, units) for figure in definition.figures]
    _suppress(definition, counted)
    return ReturnResult(
        definition_id=definition.id,
        definition_version=definition.version,
        title=definition.title,
        period=period,
        computed_at=now,
        tables=tuple(_table(c) for c in counted),
    )


# -- the units of a period ---------------------------------------------------------------------


class _Units:
    """The facts joined to their cases, and the units each placing day puts in the period."""

    def __init__(self, facts: Facts, period: Period) -> None:
        self.period = period
        cases: dict[str, CaseFacts] = {}
        for case in facts.cases:
            cases.setdefault(case.case_id, case)  # one row per case, whatever comes twice
        self.cases = cases
        self.facts = facts
        self._all: dict[str, list[Unit]] = {}
        self._placed: dict[tuple[str, str], list[Unit]] = {}
        self._chosen: dict[tuple[Any, ...], list[Unit]] = {}
        self._read: dict[tuple[int, str], tuple[list[Unit], list[Any]]] = {}
        self.spans: dict[tuple[Any, ...], tuple[list[Unit], list[int | None]]] = {}
        self.working = _WorkingDays()

    def all(self, counts: str) -> list[Unit]:
        """Every unit of a kind with its case, joined when a figure first counts it."""
        if counts not in self._all:
            cases = self.cases
            if counts == "cases":
                rows = list(cases.values())
                self._all[counts] = list(zip(rows, rows, strict=True))
            else:
                found: tuple[Any, ...] = (
                    self.facts.people if counts == "people" else self.facts.contacts
                )
                of: list[Any] = list(map(cases.get, map(_CASE_ID, found)))
                joined: list[Unit] = list(zip(found, of, strict=True))
                # A row whose case is not among the facts is in no return.
                self._all[counts] = joined if all(of) else [u for u in joined if u[1]]
        return self._all[counts]

    def placed(self, counts: str, placed_by: Field) -> list[Unit]:
        key = (counts, placed_by.name)
        if key not in self._placed:
            every = self.all(counts)
            start, end = self.period.start, self.period.end
            self._placed[key] = [
                u
                for u, day in zip(every, self.read(placed_by, every), strict=True)
                if day is not None and start <= day <= end
            ]
        return self._placed[key]

    def chosen(self, figure: Figure) -> list[Unit]:
        """The units a figure counts: placed in the period, meeting its ``where`` (figures
        sharing both share the list, and what is read of it)."""
        key = (figure.counts, figure.placed_by.name, _conditions_key(figure.where))
        if key not in self._chosen:
            placed = self.placed(figure.counts, figure.placed_by)
            met = _meets(figure.where, placed, self) if figure.where else None
            self._chosen[key] = placed if met is None else list(compress(placed, met))
        return self._chosen[key]

    def read(self, of: Field, units: list[Unit]) -> list[Any]:
        """``of`` of each of ``units`` (one of this object's lists), read once per list."""
        key = (id(units), of.name)
        if key not in self._read:
            self._read[key] = (units, values(of, units))  # the list kept: its id stays its own
        return self._read[key][1]


_CASE_ID = attrgetter("case_id")


class _WorkingDays:
    """Working days between two dates from a running count per day, built once per span."""

    def __init__(self) -> None:
        self.first: date | None = None
        self.counts: list[int] = []

    def between(self, start: date, end: date) -> int:
        if end <= start:
            return 0
        if (
            self.first is None
            or start < self.first
            or end > self.first + timedelta(len(self.counts) - 1)
        ):
            self._span(start, end)
        assert self.first is not None
        return self.counts[(end - self.first).days] - self.counts[(start - self.first).days]

    def _span(self, start: date, end: date) -> None:
        first = min(start, self.first or start)
        last = max(end, (self.first or end) + timedelta(max(len(self.counts) - 1, 0)))
        first, last = date(first.year, 1, 1), date(last.year, 12, 31)
        counts, running, day = [], 0, first
        while day <= last:
            running += is_working_day(day)
            counts.append(running)
            day += timedelta(1)
        self.first, self.counts = first, counts


# -- conditions ----------------------------------------------------------------------------------


def _passes(condition: Condition, units: list[Unit], read: _Units) -> list[bool]:
    """Whether each unit meets ``condition``, in order."""
    found = read.read(condition.field, units)
    kind, operator, value = condition.field.kind, condition.operator, condition.value
    if operator == "is_set":
        wanted = bool(value)
        return [(v is not None) is wanted for v in found]
    if operator == "at_least":
        least = int(value)
        return [v is not None and v >= least for v in found]
    if operator == "on_or_before":
        other = read.read(value, units)
        return [
            a is not None and b is not None and a <= b for a, b in zip(found, other, strict=True)
        ]
    accepted = {_native(kind, v) for v in ([value] if operator == "equals" else value)}
    if kind in ("word", "yes_no"):
        return [v in accepted for v in found]
    return [v is not None and str(v) in accepted for v in found]


def _native(kind: str, written: str) -> Any:
    return written == "true" if kind == "yes_no" else written


def _meets(conditions: Sequence[Condition], units: list[Unit], read: _Units) -> list[bool]:
    """Whether each unit meets every one of ``conditions``, in order."""
    met = _passes(conditions[0], units, read) if conditions else [True] * len(units)
    for condition in conditions[1:]:
        met = [a and b for a, b in zip(met, _passes(condition, units, read), strict=True)]
    return met


def _conditions_key(conditions: Sequence[Condition]) -> tuple[Any, ...]:
    return tuple(
        (c.field.name, c.operator, c.value.name if isinstance(c.value, Field) else c.value)
        for c in conditions
    )


# -- counting a figure ---------------------------------------------------------------------------


@dataclass
class _Counted:
    """A figure's raw numbers before suppression. The grid has a total row (one breakdown or
    more) and a total column (two): always computed, shown when the figure asks for totals."""

    figure: Figure
    rows: list[str]
    columns: list[str]
    amounts: list[list[float]] = field(default_factory=list)  # count or sum (additive)
    bases: list[list[int]] = field(default_factory=list)  # units under each cell
    numerators: list[list[int]] = field(default_factory=list)  # rate
    days: list[list[list[int]]] = field(default_factory=list)  # median/p90
    suppressed: set[tuple[int, int]] = field(default_factory=set)
    grid: suppression.Grid | None = None


# A breakdown's positions: each listed value's row (or column), and the row of any other value
# (None: such a unit is not counted).
_Positions = tuple[dict[Any, int], int | None]


def _labels(figure: Figure) -> tuple[list[str], list[str], list[_Positions]]:
    positions: list[_Positions] = []
    labels: list[list[str]] = []
    for breakdown in figure.by:
        words = [w for _, w in breakdown.values]
        index: dict[Any, int] = {}
        for position, (value, _) in enumerate(breakdown.values):
            index[_native(breakdown.field.kind, value)] = position
        missing: int | None = None
        if breakdown.not_recorded is not None:
            missing = len(words)
            words.append(breakdown.not_recorded)
        positions.append((index, missing))
        labels.append(words)
    rows = labels[0] if labels else [ALL]
    columns = labels[1] if len(labels) > 1 else [figure.column]
    return rows, columns, positions


def _keys(figure: Figure, chosen: list[Unit], units: _Units) -> list[Any]:
    """Each unit's value of the figure's breakdown, or its two values (a pair); None for
    every unit when the figure has no breakdown."""
    by = [units.read(b.field, chosen) for b in figure.by]
    if len(by) == 2:
        return list(zip(by[0], by[1], strict=True))
    return by[0] if by else [None] * len(chosen)


def _position(positions: list[_Positions]) -> Callable[[Any], tuple[int, int] | None]:
    """The cell of a unit's breakdown value(s) (``_keys``); None when a value is not counted."""
    if not positions:
        return lambda key: (0, 0)
    rows, no_row = positions[0]
    if len(positions) == 1:

        def row(key: Any) -> tuple[int, int] | None:
            r = rows.get(key, no_row)
            return None if r is None else (r, 0)

        return row
    columns, no_column = positions[1]

    def cell(key: tuple[Any, Any]) -> tuple[int, int] | None:
        r, c = rows.get(key[0], no_row), columns.get(key[1], no_column)
        return None if r is None or c is None else (r, c)

    return cell


def _count(figure: Figure, units: _Units) -> _Counted:
    rows, columns, positions = _labels(figure)
    counted = _Counted(figure, rows, columns)
    height, width = len(rows), len(columns)
    bases = [[0] * width for _ in range(height)]
    amounts = [[0] * width for _ in range(height)]
    numerators = [[0] * width for _ in range(height)]
    days: list[list[list[int]]] = [[[] for _ in range(width)] for _ in range(height)]
    chosen = units.chosen(figure)
    keys = _keys(figure, chosen, units)
    cell = _position(positions)
    # Units are grouped by their breakdown values first (C-level counting), then each distinct
    # value is placed in its cell once: the return's time is spent here.
    if figure.measure in ("median", "p90"):
        grouped: dict[Any, list[int]] = {}
        for key, between in zip(keys, _spans(figure, units, chosen), strict=True):
            if between is not None:  # days not known
                grouped.setdefault(key, []).append(between)
        for key, found in grouped.items():
            if (at := cell(key)) is not None:
                days[at[0]][at[1]] += found
        bases = [[len(cell) for cell in row] for row in days]
    elif figure.measure == "rate":
        met = _meets(figure.numerator, chosen, units)
        for (key, numerator), n in Counter(zip(keys, met, strict=True)).items():
            if (at := cell(key)) is not None:
                bases[at[0]][at[1]] += n
                numerators[at[0]][at[1]] += n if numerator else 0
    elif figure.measure == "sum":
        assert figure.of is not None
        sums: dict[Any, int] = {}
        sizes = Counter(keys)
        for key, amount in zip(keys, units.read(figure.of, chosen), strict=True):
            sums[key] = sums.get(key, 0) + (amount or 0)
        for key, n in sizes.items():
            if (at := cell(key)) is not None:
                bases[at[0]][at[1]] += n
                amounts[at[0]][at[1]] += sums[key]
    else:
        for key, n in Counter(keys).items():
            if (at := cell(key)) is not None:
                bases[at[0]][at[1]] += n
        amounts = bases
    two_way, one_way = len(figure.by) == 2, bool(figure.by)
    counted.bases = _with_totals(bases, two_way, one_way, 0, _add)
    counted.amounts = _with_totals(amounts, two_way, one_way, 0, _add)
    counted.numerators = _with_totals(numerators, two_way, one_way, 0, _add)
    counted.days = _with_totals(days, two_way, one_way, [], _join)
    return counted


def _add(values: Sequence[int]) -> int:
    return sum(values)


def _join(values: Sequence[list[int]]) -> list[int]:
    return [day for cell in values for day in cell]


def _with_totals(
    grid: list[list[Any]], two_way: bool, one_way: bool, empty: Any, total: Callable[[Any], Any]
) -> list[list[Any]]:
    """``grid`` with a total column (a table by two fields) and a total row (by one or two)."""
    rows = [[*row, total(row)] if two_way else list(row) for row in grid]
    if one_way:
        rows.append([total([row[c] for row in rows]) for c in range(len(rows[0]))])
    return rows


def _spans(figure: Figure, units: _Units, chosen: list[Unit]) -> list[int | None]:
    """The days of each unit between the figure's two dates; None when either is not set
    (worked out once for a median and a percentile of the same days)."""
    assert figure.day_from is not None and figure.day_to is not None
    key = (id(chosen), figure.day_from.name, figure.day_to.name, figure.days)
    if key not in units.spans:
        units.spans[key] = (chosen, _days_between(figure, units, chosen))
    return units.spans[key][1]


def _days_between(figure: Figure, units: _Units, chosen: list[Unit]) -> list[int | None]:
    assert figure.day_from is not None and figure.day_to is not None
    read = units.read
    pairs = zip(read(figure.day_from, chosen), read(figure.day_to, chosen), strict=True)
    if figure.days == "working":
        between = units.working.between
        return [None if a is None or b is None else between(a, b) for a, b in pairs]
    return [None if a is None or b is None else max((b - a).days, 0) for a, b in pairs]


def nearest_rank(values: Sequence[int], percent: int) -> int:
    """The ``percent``-th percentile of ``values`` by nearest rank (values need not be sorted)."""
    ordered = sorted(values)
    rank = max(1, -(-percent * len(ordered) // 100))
    return ordered[rank - 1]


# -- suppression across the figures ----------------------------------------------------------


def _suppress(definition: Definition, counted: list[_Counted]) -> None:
    additive = [c for c in counted if c.figure.measure in ADDITIVE]
    for c in additive:
        shown_totals = c.figure.totals or not c.figure.by
        grid = suppression.Grid(
            c.amounts,
            row_equations=len(c.figure.by) == 2,
            column_equations=bool(c.figure.by),
        )
        if not shown_totals:
            grid.hidden = {cell for cell in grid.cells() if grid.is_total(cell)}
        c.grid = grid
        c.suppressed = grid.primary() - grid.hidden
    groups = _groups(definition, additive)
    hidden = {id(c): set(c.grid.hidden) for c in additive if c.grid is not None}
    changed = True
    while changed:
        changed = False
        for group in groups:
            grand = [(c, _grand(c)) for c in group]
            if any(cell in c.suppressed for c, cell in grand):
                for c, cell in grand:
                    if cell not in hidden[id(c)] and cell not in c.suppressed:
                        c.suppressed.add(cell)
                        changed = True
            known = any(cell not in hidden[id(c)] and cell not in c.suppressed for c, cell in grand)
            for c, cell in grand:
                assert c.grid is not None
                c.grid.hidden = hidden[id(c)] - {cell} if known else set(hidden[id(c)])
        for c in additive:
            assert c.grid is not None
            secured = suppression.secure(c.grid, c.suppressed)
            if secured != c.suppressed:
                c.suppressed = secured
                changed = True


def _grand(c: _Counted) -> tuple[int, int]:
    return (len(c.amounts) - 1, len(c.amounts[0]) - 1)


def _same_total(figure: Figure) -> tuple[Any, ...] | None:
    """What makes two figures' grand totals the same number: the same units, placing, filter
    and measure, every unit counted in some row (no breakdown drops values)."""
    if any(b.not_recorded is None for b in figure.by):
        return None
    where = tuple(
        sorted(
            (c.field.name, c.operator, str(sorted(c.value) if c.operator == "in" else c.value))
            for c in figure.where
        )
    )
    of = figure.of.name if figure.of is not None else None
    return (figure.counts, figure.placed_by.name, where, figure.measure, of)


def _groups(definition: Definition, additive: list[_Counted]) -> list[list[_Counted]]:
    """Figures sharing a grand total: declared, or found by ``_same_total``; only figures
    whose totals are indeed equal are linked."""
    by_id = {c.figure.id: c for c in additive}
    found: dict[Any, list[_Counted]] = {}
    for c in additive:
        same = _same_total(c.figure)
        if same is not None:
            found.setdefault(same, []).append(c)
    listed = [g for g in found.values() if len(g) > 1]
    listed += [[by_id[i] for i in group if i in by_id] for group in definition.shared_totals]
    groups = []
    for group in listed:
        by_value: dict[float, list[_Counted]] = {}
        for c in group:
            by_value.setdefault(c.amounts[-1][-1], []).append(c)
        groups += [g for g in by_value.values() if len(g) > 1]
    return groups


# -- the tables ------------------------------------------------------------------------------


def _cell(c: _Counted, row: int, column: int) -> Cell:
    measure = c.figure.measure
    if measure in ADDITIVE:
        amount = c.amounts[row][column]
        if (row, column) in c.suppressed:
            # "<5" on a figure of 5 or more, hidden only to protect another, would be false.
            small = amount < suppression.THRESHOLD
            return Cell(None, SUPPRESSED if small else CONCEALED, True)
        return Cell(float(amount), str(int(amount)))
    base = c.bases[row][column]
    if base == 0:
        return Cell(None, NOTHING)
    if suppression.too_few(base):
        return Cell(None, SUPPRESSED, True)
    if measure == "rate":
        percent = 100 * c.numerators[row][column] / base
        return Cell(round(percent, 1), f"{int(percent + 0.5)}%")
    value = nearest_rank(c.days[row][column], 50 if measure == "median" else 90)
    return Cell(float(value), str(value))


def _table(c: _Counted) -> Table:
    figure = c.figure
    height = len(c.rows) + (1 if figure.by and figure.totals else 0)
    width = len(c.columns) + (1 if len(figure.by) == 2 and figure.totals else 0)
    rows = tuple(c.rows) + ((TOTAL,) if height > len(c.rows) else ())
    columns = tuple(c.columns) + ((TOTAL,) if width > len(c.columns) else ())
    return Table(
        id=figure.id,
        title=figure.title,
        measure=figure.measure,
        unit=figure.unit,
        rows=rows,
        columns=columns,
        cells=tuple(tuple(_cell(c, r, k) for k in range(width)) for r in range(height)),
        row_total=height > len(c.rows),
        column_total=width > len(c.columns),
        note=figure.note,
    )
