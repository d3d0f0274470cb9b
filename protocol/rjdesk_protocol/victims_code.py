"""The Victims' Code deadline for giving a harmed person information about restorative justice.

As this service applies the Victims' Code for England and Wales, each harmed person must be
given information about restorative justice within five working days of the referral being
received. The referral day itself does not count.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from rjdesk_protocol.calendar import add_working_days, working_days_between

VICTIMS_CODE_WORKING_DAYS = 5

# Spelled out rather than using strftime("%b"), which follows the machine's locale.
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class VictimsCodeState(StrEnum):
    MET = "met"
    LATE = "late"
    PENDING = "pending"
    MISSING = "missing"


def format_day(day: date) -> str:
    """Format a date the way facilitators write it, e.g. ``17 Nov 2026``."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _working_days(count: int) -> str:
    return f"{count} working day" if count == 1 else f"{count} working days"


@dataclass(frozen=True)
class VictimsCodeStatus:
    """Where one harmed person's RJ information stands against the Victims' Code deadline.

    ``working_days`` is the number taken (received to given) once the information is given,
    and the number elapsed so far (received to today) while it is not.
    """

    state: VictimsCodeState
    received_on: date
    deadline: date
    given_on: date | None
    working_days: int

    @property
    def breach(self) -> bool:
        """Whether the Victims' Code was breached: information late or still missing."""
        return self.state in (VictimsCodeState.LATE, VictimsCodeState.MISSING)

    @property
    def working_days_left(self) -> int:
        """Working days still available before the deadline passes (0 on the day itself)."""
        if self.given_on is not None:
            return 0
        return max(0, VICTIMS_CODE_WORKING_DAYS - self.working_days)

    def describe(self) -> str:
        """One plain-English line for the facilitator. It carries no names or case details."""
        deadline = format_day(self.deadline)
        taken = _working_days(self.working_days)
        if self.state is VictimsCodeState.MET:
            if self.working_days == 0:
                return f"RJ information given the same working day (deadline {deadline})"
            return f"RJ information given after {taken} (deadline {deadline})"
        if self.state is VictimsCodeState.LATE:
            return f"Late: RJ information given after {taken}; the deadline was {deadline}"
        if self.state is VictimsCodeState.MISSING:
            return f"Overdue: RJ information not given; the deadline was {deadline}"
        left = self.working_days_left
        if left == 0:
            return f"Due by {deadline} (today is the last day)"
        return f"Due by {deadline} ({_working_days(left)} left)"


def victims_code_status(received_on: date, given_on: date | None, today: date) -> VictimsCodeStatus:
    """Assess the RJ information deadline for a referral received on ``received_on``.

    ``today`` is passed in, never read from the clock, so that the answer is reproducible.
    Information given before the referral date counts as met after 0 working days.
    """
    deadline = add_working_days(received_on, VICTIMS_CODE_WORKING_DAYS)
    if given_on is not None:
        state = VictimsCodeState.MET if given_on <= deadline else VictimsCodeState.LATE
        taken = working_days_between(received_on, given_on)
        return VictimsCodeStatus(state, received_on, deadline, given_on, taken)
    state = VictimsCodeState.PENDING if today <= deadline else VictimsCodeState.MISSING
    elapsed = working_days_between(received_on, today)
    return VictimsCodeStatus(state, received_on, deadline, None, elapsed)
