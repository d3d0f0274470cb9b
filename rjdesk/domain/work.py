"""What a facilitator's own figures count ("My work", issue 16): the financial-year quarter a
piece of work falls in, and how each piece is counted.

The rules are plain functions of plain values, so that the page (which reads many cases at
once) and the tally kept when a case leaves the laptop (``rjdesk.store.work_tally``) count the
very same way: there is no second copy of any rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rjdesk_protocol.enums import ActionStatus, ClosureReason
from rjdesk_protocol.victims_code import VictimsCodeState, victims_code_status

# The figures, and their categories in the order the page shows them.
VICTIMS_CODE = "victims_code"
ACTIONS = "actions"
CLOSED = "closed"

MET, MISSED, DUE = "met", "missed", "due"
DONE, NOT_DONE, PENDING = ActionStatus.DONE.value, ActionStatus.NOT_DONE.value, "pending"

CATEGORIES: dict[str, tuple[str, ...]] = {
    VICTIMS_CODE: (MET, MISSED, DUE),
    ACTIONS: (DONE, NOT_DONE, PENDING),
    CLOSED: tuple(reason.value for reason in ClosureReason),
}
# What a case that leaves the laptop adds to the tally: outcomes that are settled. A deadline
# still to come or an action still pending may yet turn out either way; this laptop will not
# know, so neither is kept.
SETTLED: dict[str, tuple[str, ...]] = {
    VICTIMS_CODE: (MET, MISSED),
    ACTIONS: (DONE, NOT_DONE),
    CLOSED: CATEGORIES[CLOSED],
}

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass(frozen=True, order=True)
class Quarter:
    """A quarter of the financial year that starts on 1 April of ``first_year``: Q1 is April to
    June, Q4 January to March of the next calendar year."""

    first_year: int
    number: int

    def __post_init__(self) -> None:
        if not 1 <= self.number <= 4:
            raise ValueError(f"a financial year has quarters 1 to 4, not {self.number}")

    @classmethod
    def of(cls, day: date) -> Quarter:
        """The quarter ``day`` falls in."""
        first_year = day.year if day.month >= 4 else day.year - 1
        return cls(first_year, (day.month - 4) % 12 // 3 + 1)

    @classmethod
    def parse(cls, key: str) -> Quarter:
        """The quarter named like ``2026-27Q3`` (the hub's period names)."""
        years, _, number = key.partition("Q")
        first, _, second = years.partition("-")
        if not (first.isdigit() and second.isdigit() and number.isdigit() and len(first) == 4):
            raise ValueError(f"{key!r} is not a quarter like 2026-27Q3")
        quarter = cls(int(first), int(number))
        if int(second) != (quarter.first_year + 1) % 100:
            raise ValueError(f"{key!r} is not a quarter like 2026-27Q3")
        return quarter

    @property
    def key(self) -> str:
        return f"{self.first_year}-{(self.first_year + 1) % 100:02d}Q{self.number}"

    @property
    def start(self) -> date:
        month = 3 * self.number + 1
        return date(self.first_year + month // 13, (month - 1) % 12 + 1, 1)

    @property
    def end(self) -> date:
        following = self.next().start
        return date.fromordinal(following.toordinal() - 1)

    def next(self) -> Quarter:
        if self.number == 4:
            return Quarter(self.first_year + 1, 1)
        return Quarter(self.first_year, self.number + 1)

    def previous(self) -> Quarter:
        if self.number == 1:
            return Quarter(self.first_year - 1, 4)
        return Quarter(self.first_year, self.number - 1)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end

    def label(self) -> str:
        """``Q3 2026-27 (October to December 2026)``."""
        start, end = self.start, self.end
        months = f"{_MONTHS[start.month - 1]} to {_MONTHS[end.month - 1]} {end.year}"
        return f"Q{self.number} {self.first_year}-{(self.first_year + 1) % 100:02d} ({months})"


def victims_code_outcome(received_on: date, given_on: date | None, today: date) -> tuple[date, str]:
    """A harmed person's Victims' Code deadline (which places it in a quarter) and whether it
    was met, missed (information given late, or not given by the deadline) or is still due."""
    status = victims_code_status(received_on, given_on, today)
    if status.state is VictimsCodeState.MET:
        return status.deadline, MET
    if status.state is VictimsCodeState.PENDING:
        return status.deadline, DUE
    return status.deadline, MISSED


def action_outcome(
    status: ActionStatus, due_on: date | None, checked_on: date | None
) -> tuple[date, str] | None:
    """An agreed action's outcome and the day that places it: done or not done on the day it
    was checked (its due date when no check date was written), still pending on its due date.
    An ongoing action (no due date) still pending falls in no quarter: None."""
    if status is ActionStatus.PENDING:
        return (due_on, PENDING) if due_on is not None else None
    day = checked_on or due_on
    return (day, status.value) if day is not None else None


def closure_outcome(
    closed_on: date | None, reason: ClosureReason | None
) -> tuple[date, str] | None:
    """A closed case, on the day it closed, by its reason (None if it is not closed)."""
    if closed_on is None or reason is None:
        return None
    return closed_on, reason.value
