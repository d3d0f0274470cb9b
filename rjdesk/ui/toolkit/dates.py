"""Dates in the window: one style to show them, one way to read a typed one.

Shown as UK public services write them for people ("7 Dec 2026"; with a time "7 Dec 2026,
14:30"); typed and shown for editing as dd/mm/yyyy. Month and day names are spelled out here
rather than taken from strftime, which follows the machine's locale.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from PySide6.QtCore import QDate

from rjdesk_protocol.calendar import LONDON

ENTRY_FORMAT = "dd/MM/yyyy"  # Qt's spelling of dd/mm/yyyy
ENTRY_HINT = "dd/mm/yyyy"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def day_text(value: date | None) -> str:
    """A day as the window shows it everywhere: 7 Dec 2026 ("" for none)."""
    if value is None:
        return ""
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def weekday_text(value: date) -> str:
    """A day with its weekday, where the weekday matters (what is due): Mon 7 Dec 2026."""
    return f"{WEEKDAYS[value.weekday()]} {day_text(value)}"


def moment_text(value: datetime) -> str:
    """A moment in London time: 7 Dec 2026, 14:30."""
    local = value.astimezone(LONDON) if value.tzinfo is not None else value
    return f"{day_text(local.date())}, {local:%H:%M}"


def entry_text(value: date) -> str:
    """A day as typed into a date field: 07/12/2026."""
    return f"{value.day:02d}/{value.month:02d}/{value.year:04d}"


class DateTypingError(ValueError):
    """A typed date that is not a date; the message is the sentence to show."""


_NUMERIC = re.compile(r"(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d+)")
_WORDS = re.compile(r"(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d+)")


def parse_typed(text: str) -> date:
    """The day a person typed: 07/12/2026, 7/12/2026, 07-12-2026, 07122026 or 7 Dec 2026.

    Raises DateTypingError with one sentence to show when it is not a real day; nothing is
    guessed (no two-digit years, no day moved to fit the month)."""
    typed = text.strip()
    if not typed:
        raise DateTypingError(f"Type a date as {ENTRY_HINT}, for example 07/12/2026.")
    if typed.isdigit() and len(typed) == 8:
        day, month, year = int(typed[:2]), int(typed[2:4]), typed[4:]
    elif (found := _NUMERIC.fullmatch(typed)) is not None:
        day, month, year = int(found[1]), int(found[2]), found[3]
    elif (found := _WORDS.fullmatch(typed)) is not None:
        day, year = int(found[1]), found[3]
        name = found[2].lower()
        months = [i for i, m in enumerate(MONTH_NAMES, 1) if m.lower().startswith(name[:3])]
        if len(name) < 3 or not months or not MONTH_NAMES[months[0] - 1].lower().startswith(name):
            raise DateTypingError(
                f"“{typed}” is not a month we know: type the date as {ENTRY_HINT}."
            )
        month = months[0]
    else:
        raise DateTypingError(
            f"“{typed}” is not a date: type it as {ENTRY_HINT}, for example 07/12/2026."
        )
    if len(year) != 4:
        raise DateTypingError("Type the year in full (four digits), for example 07/12/2026.")
    if not 1 <= month <= 12:
        raise DateTypingError(f"There is no month {month}: type the date as {ENTRY_HINT}.")
    try:
        return date(int(year), month, day)
    except ValueError:
        raise DateTypingError(
            f"There is no {day} {MONTH_NAMES[month - 1]} {year}: check the day."
        ) from None
