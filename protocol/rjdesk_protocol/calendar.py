"""Bank holidays and working days in England and Wales.

Deadlines in the Victims' Code are counted in working days, so the calendar has to know
every bank holiday, including the one-off changes made by royal proclamation. The regular
rules are computed; the one-offs since 1995 are listed in ``_PROCLAMATIONS``.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from typing import NamedTuple
from zoneinfo import ZoneInfo

# Times are stored in UTC and shown, and counted in days, in England and Wales (DESIGN §5).
LONDON = ZoneInfo("Europe/London")
FIRST_YEAR = 1995
LAST_YEAR = 2100

_SATURDAY = 5
_SUNDAY = 6


class _Change(NamedTuple):
    """A one-off change by proclamation: ``removed`` (if any) gives way to ``added``."""

    removed: date | None
    added: date


# Before 1995 the proclamations are not recorded here, which is why the range starts there.
_PROCLAMATIONS: dict[int, tuple[_Change, ...]] = {
    1995: (_Change(date(1995, 5, 1), date(1995, 5, 8)),),  # VE Day 50th anniversary
    1999: (_Change(None, date(1999, 12, 31)),),  # millennium
    2002: (  # Golden Jubilee
        _Change(date(2002, 5, 27), date(2002, 6, 4)),
        _Change(None, date(2002, 6, 3)),
    ),
    2011: (_Change(None, date(2011, 4, 29)),),  # royal wedding
    2012: (  # Diamond Jubilee
        _Change(date(2012, 5, 28), date(2012, 6, 4)),
        _Change(None, date(2012, 6, 5)),
    ),
    2020: (_Change(date(2020, 5, 4), date(2020, 5, 8)),),  # VE Day 75th anniversary
    2022: (
        # Platinum Jubilee
        _Change(date(2022, 5, 30), date(2022, 6, 2)),
        _Change(None, date(2022, 6, 3)),
        _Change(None, date(2022, 9, 19)),  # State Funeral of Queen Elizabeth II
    ),
    2023: (_Change(None, date(2023, 5, 8)),),  # Coronation of King Charles III
}


def easter_sunday(year: int) -> date:
    """Return Easter Sunday of ``year`` in the Gregorian calendar (anonymous algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _first_monday(year: int, month: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(7 - first.weekday()) % 7)


def _last_monday(year: int, month: int) -> date:
    next_month = date(year + month // 12, month % 12 + 1, 1)
    last = next_month - timedelta(days=1)
    return last - timedelta(days=last.weekday())


def _new_year(year: int) -> date:
    day = date(year, 1, 1)
    if day.weekday() >= _SATURDAY:
        # Substitute day is the next Monday.
        return day + timedelta(days=7 - day.weekday())
    return day


def _christmas(year: int) -> tuple[date, date]:
    christmas = date(year, 12, 25)
    weekday = christmas.weekday()
    if weekday == _SATURDAY:
        return date(year, 12, 27), date(year, 12, 28)
    if weekday == _SUNDAY:
        return date(year, 12, 26), date(year, 12, 27)
    if weekday == _SATURDAY - 1:
        # Christmas on Friday puts Boxing Day on Saturday, substituted by Monday.
        return christmas, date(year, 12, 28)
    return christmas, date(year, 12, 26)


def _check_year(year: int) -> None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValueError(
            f"bank holidays are only known for {FIRST_YEAR} to {LAST_YEAR}, not {year}"
        )


# Bounded by the supported range, so every year fits and the cache can never grow further.
@lru_cache(maxsize=LAST_YEAR - FIRST_YEAR + 1)
def bank_holidays(year: int) -> frozenset[date]:
    """Return the bank holidays of England and Wales in ``year`` (1995 to 2100).

    Raises ``ValueError`` for other years, rather than silently guessing.
    """
    _check_year(year)
    easter = easter_sunday(year)
    days = {
        _new_year(year),
        easter - timedelta(days=2),
        easter + timedelta(days=1),
        _first_monday(year, 5),
        _last_monday(year, 5),
        _last_monday(year, 8),
        *_christmas(year),
    }
    for change in _PROCLAMATIONS.get(year, ()):
        if change.removed is not None:
            days.remove(change.removed)
        days.add(change.added)
    return frozenset(days)


def is_working_day(day: date) -> bool:
    """Return whether ``day`` is a working day: Monday to Friday and not a bank holiday."""
    return day.weekday() < _SATURDAY and day not in bank_holidays(day.year)


def add_working_days(start: date, days: int) -> date:
    """Return the date ``days`` working days after ``start``.

    ``start`` itself never counts, so the result of a positive count is always a working
    day; ``days == 0`` returns ``start`` unchanged.
    """
    if days < 0:
        raise ValueError(f"cannot add a negative number of working days ({days})")
    current = start
    remaining = days
    while remaining:
        current += timedelta(days=1)
        if is_working_day(current):
            remaining -= 1
    return current


def _weekdays_after(start: date, end: date) -> int:
    """Count Monday-to-Friday days ``d`` with ``start < d <= end`` (``end >= start``)."""
    span = (end - start).days
    weeks, extra = divmod(span, 7)
    count = weeks * 5
    weekday = start.weekday()
    for _ in range(extra):
        weekday = (weekday + 1) % 7
        if weekday < _SATURDAY:
            count += 1
    return count


def working_days_between(start: date, end: date) -> int:
    """Return the number of working days ``d`` with ``start < d <= end``.

    Zero when ``end`` is on or before ``start``. It is the inverse of
    ``add_working_days``: ``working_days_between(s, add_working_days(s, n)) == n``.
    """
    if end <= start:
        return 0
    # Arithmetic rather than a day-by-day walk, so long spans (years of case history) stay cheap.
    holidays_on_weekdays = sum(
        1
        for year in range(start.year, end.year + 1)
        for holiday in bank_holidays(year)
        if start < holiday <= end and holiday.weekday() < _SATURDAY
    )
    return _weekdays_after(start, end) - holidays_on_weekdays
