"""The period a return or a billing statement covers: a quarter of the financial year
("2026-27Q3"), the whole year ("2026-27") or two days ("2026-04-01..2026-09-30", or with a
colon, "2026-04-01:2026-09-30"), as people type them (docs/returns.md); and the quarters the
console's period pickers offer.

The financial year runs from 1 April to 31 March; Q1 is April to June, so 2026-27 Q3 is
1 October to 31 December 2026 and Q4 is January to March 2027.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from rjdesk_hub.returns.result import Period
from rjdesk_protocol.errors import UsageError

_YEAR = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-(\d{2})\s*[Qq]([0-9])$")
_RANGE = re.compile(r"^([^\s:.]+)\s*(?:\.\.|:)\s*(\S+)$")
# The quarters' first months, Q1 to Q4.
_QUARTER_STARTS = ((0, 4), (0, 7), (0, 10), (1, 1))
_EXAMPLES = (
    "a financial-year quarter such as 2026-27Q3, a year such as 2026-27, or two days such as "
    "2026-04-01..2026-09-30"
)


class PeriodError(UsageError):
    """A period that is not one of the three forms, or not a real span of days."""


def financial_year(first_year: int) -> Period:
    """The financial year that begins on 1 April of ``first_year``."""
    label = f"{first_year}-{(first_year + 1) % 100:02d}"
    return Period(date(first_year, 4, 1), date(first_year + 1, 3, 31), label)


def quarter(first_year: int, number: int) -> Period:
    """Quarter ``number`` (1 to 4) of the financial year beginning in April ``first_year``."""
    if not 1 <= number <= 4:
        raise PeriodError(f"a financial year has quarters 1 to 4, not {number}")
    offset, month = _QUARTER_STARTS[number - 1]
    start = date(first_year + offset, month, 1)
    after = date(start.year + 1, 1, 1) if month == 10 else date(start.year, month + 3, 1)
    label = f"{first_year}-{(first_year + 1) % 100:02d} Q{number}"
    return Period(start, after - timedelta(days=1), label)


def quarter_of(day: date) -> Period:
    """The financial-year quarter ``day`` falls in."""
    first_year = day.year if day.month >= 4 else day.year - 1
    return quarter(first_year, (day.month - 4) % 12 // 3 + 1)


def recent_quarters(today: date, count: int = 8) -> list[Period]:
    """The quarter ``today`` is in and the ``count - 1`` before it, newest first."""
    found = [quarter_of(today)]
    while len(found) < count:
        found.append(quarter_of(found[-1].start - timedelta(days=1)))
    return found


def picker_value(period: Period) -> str:
    """What a period picker sends for a quarter: its label as typed, "2026-27Q3"."""
    return period.label.replace(" ", "")


def date_range(start: date, end: date) -> Period:
    """The days from ``start`` to ``end``, both included."""
    if end < start:
        raise PeriodError(
            f"the period ends on {end.isoformat()}, before it starts on {start.isoformat()}"
        )
    return Period(start, end, f"{day_words(start)} to {day_words(end)}")


def parse_period(text: str) -> Period:
    """The period ``text`` names: "2026-27Q3" (or "2026-27 Q3"), "2026-27" or
    "2026-04-01..2026-09-30". Raises ``PeriodError`` with one sentence saying what is wrong."""
    typed = text.strip()
    if found := _QUARTER.match(typed):
        first = _first_year(found.group(1), found.group(2), typed)
        return quarter(first, int(found.group(3)))
    if found := _YEAR.match(typed):
        return financial_year(_first_year(found.group(1), found.group(2), typed))
    if found := _RANGE.match(typed):
        return date_range(_day(found.group(1)), _day(found.group(2)))
    raise PeriodError(f"'{typed[:40]}' is not a period: write it as {_EXAMPLES}")


def _first_year(first: str, second: str, typed: str) -> int:
    year = int(first)
    if (year + 1) % 100 != int(second):
        raise PeriodError(
            f"'{typed}' is not a financial year: the year after {year} ends in "
            f"{(year + 1) % 100:02d}, as in {year}-{(year + 1) % 100:02d}"
        )
    return year


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise PeriodError(
            f"'{text[:20]}' is not a day: write days as year-month-day, e.g. 2026-04-01"
        ) from None


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def day_words(day: date) -> str:
    """``1 Oct 2026`` (not strftime's "%b": the words must not depend on the server's locale)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
