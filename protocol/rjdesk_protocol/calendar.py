"""Bank holidays and working days in England and Wales.

Deadlines in the Victims' Code are counted in working days, so the calendar has to know every
bank holiday, including the one-off days made by royal proclamation (jubilees, a coronation, a
state funeral). Those come from the well-kept ``holidays`` library, its United Kingdom calendar
for England (which Wales shares), so a future one-off arrives with a library update rather than
an edit here.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

# Imported by name rather than through ``holidays.country_holidays("GB")``, whose registry loads
# the country's module on first use: a plain import is found by PyInstaller's analysis and does
# its loading once, at start-up, rather than on whichever worker thread first counts a deadline.
from holidays.countries.united_kingdom import UnitedKingdom

# Times are stored in UTC and shown, and counted in days, in England and Wales (DESIGN §5).
LONDON = ZoneInfo("Europe/London")
# The years a deadline is counted in. Outside them bank_holidays refuses rather than guesses: the
# library knows earlier years too, but nothing rjdesk keeps is dated before 1995.
FIRST_YEAR = 1995
LAST_YEAR = 2100

_SATURDAY = 5
# The calendar for England; Wales has the same bank holidays.
_ENGLAND = "ENG"


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
    calendar = UnitedKingdom(subdiv=_ENGLAND, years=year)
    # The library lists a holiday on its own date as well as on the weekday standing in for it
    # (Christmas on a Saturday, and "Christmas Day (observed)" on the Monday); only the weekday
    # is a day off, which is what gov.uk lists.
    return frozenset(day for day in calendar if day.weekday() < _SATURDAY)


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
