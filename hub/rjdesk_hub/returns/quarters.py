"""Periods as people name them: a quarter of the financial year ("2026-27Q3": Q1 is April to
June, so Q3 is October to December 2026 and Q4 January to March 2027) or a range of days
("2026-04-01:2026-09-30"). Used by billing and the console's period picker."""

from __future__ import annotations

import re
from datetime import date, timedelta

from rjdesk_hub.returns.result import Period
from rjdesk_protocol.errors import UsageError

_QUARTER = re.compile(r"(\d{4})-(\d{2})\s*Q([1-4])", re.IGNORECASE)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
PERIOD_HELP = (
    "the period must be a financial-year quarter such as 2026-27Q3, or two dates such as "
    "2026-04-01:2026-09-30"
)


def quarter(year: int, number: int) -> Period:
    """Quarter ``number`` (1 to 4) of the financial year that starts in April of ``year``."""
    first_month = 4 + 3 * (number - 1)
    start_year = year + (first_month - 1) // 12
    start = date(start_year, (first_month - 1) % 12 + 1, 1)
    after = date(start.year + (start.month + 2) // 12, (start.month + 2) % 12 + 1, 1)
    return Period(start, after - timedelta(days=1), f"{year}-{(year + 1) % 100:02d} Q{number}")


def quarter_of(day: date) -> Period:
    """The financial-year quarter ``day`` falls in."""
    year = day.year if day.month >= 4 else day.year - 1
    return quarter(year, (day.month - 4) % 12 // 3 + 1)


def day_words(day: date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def date_range(start: date, end: date) -> Period:
    """The days from ``start`` to ``end``, both included (UsageError if ``end`` is first)."""
    if end < start:
        raise UsageError("the period's last day must be the same as or after its first day")
    return Period(start, end, f"{day_words(start)} to {day_words(end)}")


def parse_period(text: str) -> Period:
    """``2026-27Q3`` or ``2026-04-01:2026-09-30``; else UsageError in one sentence."""
    text = text.strip()
    found = _QUARTER.fullmatch(text)
    if found:
        year, next_year = int(found.group(1)), int(found.group(2))
        if (year + 1) % 100 != next_year:
            raise UsageError(
                f"a financial year runs from one year into the next, as {year}-"
                f"{(year + 1) % 100:02d}"
            )
        return quarter(year, int(found.group(3)))
    first, sep, last = text.partition(":")
    if sep:
        try:
            return date_range(date.fromisoformat(first.strip()), date.fromisoformat(last.strip()))
        except ValueError:
            pass
    raise UsageError(PERIOD_HELP)


def recent_quarters(today: date, count: int = 8) -> list[Period]:
    """The quarter ``today`` is in and the ``count - 1`` before it, newest first."""
    found = [quarter_of(today)]
    while len(found) < count:
        found.append(quarter_of(found[-1].start - timedelta(days=1)))
    return found
