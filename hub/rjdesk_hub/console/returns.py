"""What the Returns pages show and do, without the web (``returns_web`` serves them).

A return is computed from a definition and a period by the console's ``ReturnsSource``
(``app.state.returns_source``; by default ``EngineSource``, the shipped definitions of
``rjdesk_hub.returns.definitions`` counted by ``rjdesk_hub.returns.engine``), kept
(``returns.kept``: its figures sealed) and recorded in the audit log; a kept return is shown as
its charts and tables, downloaded in the returns' own formats, and compared with the one kept
before it for the same definition and period.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Protocol

from rjdesk_hub.console import charts, ledger, ledger_wire
from rjdesk_hub.returns import kept, periods
from rjdesk_hub.returns.outputs import common
from rjdesk_hub.returns.result import MARKS, Period, ReturnResult, Table
from rjdesk_hub.service import Hub
from rjdesk_protocol.errors import NotFound, UsageError

SUPPRESSION_RULE = (
    'A count under 5 is shown as "<5", and so is a rate, median or percentile worked out from '
    "fewer than 5; a figure that would let one be worked out by subtraction from a total is "
    f"hidden too. {common.MARK_WORDS} A hidden figure's bar is never drawn at a length."
)
DOWNLOADS = {"csv": "CSV", "xlsx": "Excel workbook (XLSX)", "pdf": "PDF report"}
MEDIA_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


@dataclass(frozen=True)
class Definition:
    """A return definition as the picker offers it."""

    id: str
    title: str
    version: int
    sha256: str  # of its file's text (``kept.definition_hash``)
    summary: str = ""


class ReturnsSource(Protocol):
    """Where the console's returns come from: the definitions it offers and their figures."""

    def definitions(self) -> Sequence[Definition]: ...

    def compute(self, definition_id: str, period: Period) -> ReturnResult: ...


class ReturnsUnavailable(UsageError):
    """The hub cannot compute returns (no definition is installed)."""


class EngineSource:
    """The shipped definitions (``returns.definition.SHIPPED``), counted by the returns engine
    over the hub's case facts (``returns.wiring``)."""

    def __init__(self, hub: Hub) -> None:
        self.hub = hub

    def definitions(self) -> Sequence[Definition]:
        from rjdesk_hub.returns import definition  # noqa: PLC0415 - loaded when asked

        offered = []
        for shipped_id in definition.SHIPPED:
            text = definition.shipped(shipped_id)
            loaded = definition.load(text)
            offered.append(
                Definition(loaded.id, loaded.title, loaded.version, kept.definition_hash(text))
            )
        return offered

    def compute(self, definition_id: str, period: Period) -> ReturnResult:
        from rjdesk_hub.returns import wiring  # noqa: PLC0415 - loaded when asked

        try:
            chosen = wiring.load_definition(definition_id)
        except UsageError as refused:
            raise ReturnsUnavailable(str(refused)) from None
        return wiring.compute(self.hub, chosen, period, self.hub.clock())


# -- choosing a definition and a period ----------------------------------------------------


@dataclass
class Choice:
    """The Returns form, read and checked: ``problems`` holds one sentence per field."""

    values: dict[str, str]
    definition: Definition | None = None
    period: Period | None = None
    problems: dict[str, str] = field(default_factory=dict)


def read_choice(form: Mapping[str, str], offered: Sequence[Definition]) -> Choice:
    """The definition and the period of a posted Returns form: a quarter (``quarter``:
    "2026-27Q3") or, when ``how`` is "range", two days (``from``, ``to``)."""
    values = {
        key: form.get(key, "").strip()[:40]
        for key in ("definition", "how", "quarter", "from", "to")
    }
    choice = Choice(values)
    by_id = {d.id: d for d in offered}
    choice.definition = by_id.get(values["definition"])
    if choice.definition is None:
        choice.problems["definition"] = "Choose the return to produce"
    if values["how"] == "range":
        start, end = _day(values["from"]), _day(values["to"])
        if start is None:
            choice.problems["from"] = "Enter the first day as a date, for example 2026-04-01"
        if end is None:
            choice.problems["to"] = "Enter the last day as a date, for example 2026-09-30"
        if start and end:
            if end < start:
                choice.problems["to"] = "The last day must be the same as or after the first day"
            else:
                choice.period = periods.date_range(start, end)
    else:
        try:
            choice.period = periods.parse_period(values["quarter"])
        except UsageError:
            choice.problems["quarter"] = "Choose a quarter of the financial year"
    return choice


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def quarter_choices(today: date) -> list[tuple[str, str]]:
    """The picker's quarters, newest first: (value, words)."""
    return [
        (periods.picker_value(p), common.period_text(p)) for p in periods.recent_quarters(today)
    ]


# -- producing and reading kept returns -------------------------------------------------------


def produce(hub: Hub, source: ReturnsSource, choice: Choice, actor: ledger.Actor) -> kept.KeptInfo:
    """Compute the chosen return, keep it, and record RETURN_PRODUCED in the same transaction:
    a return is kept only if its audit event is written too."""
    assert choice.definition is not None and choice.period is not None
    result = source.compute(choice.definition.id, choice.period)
    return kept.keep(
        hub, result, definition_sha256=choice.definition.sha256,
        produced_by=f"console: {actor.account_id}",
        then=ledger_wire.by(actor, ledger.Action.RETURN_PRODUCED),
    )  # fmt: skip


@dataclass(frozen=True)
class Figure:
    """One table of a return as its page shows it."""

    table: Table
    chart: str  # inline SVG
    table_id: str
    suppressed: bool  # whether any cell is hidden
    marks: tuple[str, ...] = ()  # the marks its hidden cells carry ("<5", "[c]"), in that order


@dataclass(frozen=True)
class Shown:
    info: kept.KeptInfo
    result: ReturnResult
    figures: list[Figure]
    previous: kept.KeptInfo | None
    changes: list[str]


def find(hub: Hub, kept_id: str) -> kept.KeptInfo:
    """The kept return ``kept_id`` (``NotFound``: none, or an id no kept return could have)."""
    if len(kept_id) > 36:
        raise NotFound("no such kept return")
    for info in kept.kept_returns(hub):
        if info.id == kept_id:
            return info
    raise NotFound("no such kept return")


def shown(hub: Hub, kept_id: str) -> Shown:
    """A kept return's figures, and what changed since the one kept before it for the same
    definition and period."""
    info = find(hub, kept_id)
    result = kept.load(hub, kept_id)
    figures = []
    for table in result.tables:
        table_id = f"table-{charts.chart_id(table).removeprefix('chart-')}"
        printed = {common.shown(cell) for row in table.cells for cell in row if cell.suppressed}
        marks = tuple(mark for mark in MARKS if mark in printed)
        chart = str(charts.inline(table, table_id=table_id))
        figures.append(Figure(table, chart, table_id, bool(marks), marks))
    earlier = [
        other
        for other in kept.kept_returns(hub, info.definition_id)
        if (other.period_start, other.period_end) == (info.period_start, info.period_end)
        and (other.produced_at, other.id) < (info.produced_at, info.id)
    ]
    previous = max(earlier, key=lambda other: (other.produced_at, other.id), default=None)
    changes: list[str] = []
    if previous is not None:
        before = kept.load(hub, previous.id)
        changes = [
            str(change)
            for change in kept.changes(
                before, result, kept_sha256=previous.definition_sha256,
                fresh_sha256=info.definition_sha256,
            )
        ]  # fmt: skip
    return Shown(info, result, figures, previous, changes)


def download(hub: Hub, kept_id: str, file_format: str, actor: ledger.Actor) -> tuple[bytes, str]:
    """A kept return as a file (``csv``, ``xlsx``, ``pdf``) and its file name; recorded as
    RETURN_DOWNLOADED."""
    from rjdesk_hub.returns import outputs  # noqa: PLC0415 - the writers load their libraries

    info = find(hub, kept_id)
    data = outputs.render(kept.load(hub, kept_id), f".{file_format}")
    with hub.db.transaction() as tx:
        ledger.record(
            tx.session, actor, ledger.Action.RETURN_DOWNLOADED, at=tx.now,
            detail={"kept_return": info.id, "format": file_format},
        )  # fmt: skip
    label = info.period_label.replace(" ", "-").replace("/", "-")
    safe = "".join(ch for ch in f"{info.definition_id}-{label}" if ch.isalnum() or ch in "-_")
    return data, f"{safe}.{file_format}"
