"""What every output of a return says the same way: its heading line, the suppression rule in
words, what a table's first column holds, and the dates as people read them."""

from __future__ import annotations

from datetime import UTC, date, datetime

from rjdesk_hub.returns.result import (
    CONCEALED,
    SUPPRESSED,
    Cell,
    Period,
    ReturnResult,
    Table,
    printed,
)

# The two marks' meanings, in the suppression rule's words: every output prints them.
MARK_WORDS = (
    f"{SUPPRESSED}: fewer than 5. {CONCEALED}: hidden so that a small number elsewhere cannot "
    "be worked out by subtraction."
)
SUPPRESSION_RULE = (
    f'A count under 5 is shown as "{SUPPRESSED}", and so is a rate, median or percentile '
    "worked out from fewer than 5. Where a hidden figure could be worked out by subtracting "
    "from a total, further figures are hidden too (secondary suppression), so no hidden "
    f"figure can be recovered from this return. {MARK_WORDS}"
)
EACH_CASE_ONCE = "Each case counts once, however many laptops worked it."

_MEASURES = {
    "count": "Number of {unit}",
    "sum": "Number of {unit}",
    "rate": "Rate (%)",
    "median": "Median ({unit})",
    "p90": "90th percentile ({unit})",
}


def day(value: date) -> str:
    """``1 Oct 2026``: the day as people write it, with no leading zero."""
    return f"{value.day} {value:%b %Y}"


def period_text(period: Period) -> str:
    """``2026-27 Q3 (1 Oct 2026 to 31 Dec 2026)``; a date range's label says its days already."""
    span = f"{day(period.start)} to {day(period.end)}"
    return period.label if period.label == span else f"{period.label} ({span})"


def computed_text(computed_at: datetime) -> str:
    """``8 Dec 2026 03:40 UTC``."""
    moment = computed_at.astimezone(UTC) if computed_at.tzinfo else computed_at
    return f"{day(moment.date())} {moment:%H:%M} UTC"


def definition_text(result: ReturnResult) -> str:
    return f"{result.definition_id} version {result.definition_version}"


def heading_line(result: ReturnResult) -> str:
    """One line naming the return: title, definition and version, period, when computed."""
    return (
        f"{result.title}: definition {definition_text(result)}; period "
        f"{period_text(result.period)}; computed {computed_text(result.computed_at)}"
    )


def measure_label(table: Table) -> str:
    """What a table's figures are, for the corner above its row labels: "Number of cases"."""
    return _MEASURES.get(table.measure, "{unit}").format(unit=table.unit)


def shown(cell: Cell) -> str:
    """The one text an output may print for ``cell`` (``result.printed``): its mark, "<5" or
    "[c]", whenever it is suppressed, whatever else a badly made cell might carry."""
    return printed(cell)
