"""My work: the facilitator's own figures from this vault (issue 16) — open cases by stage,
and for a financial-year quarter (Q1 is April to June) the Victims' Code deadlines met and
missed, the agreed actions done, not done and still pending, and the cases closed by reason.
Cases that have left this laptop still count, through counts that say nothing of whose."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rjdesk.domain import work
from rjdesk.domain.labels import CLOSURE_REASONS, stage_label
from rjdesk.services import mywork as services_mywork
from rjdesk.store.vault import Vault
from rjdesk_protocol.errors import ValidationError

__all__ = ["QUARTERS_TO_CHOOSE", "Figure", "MyWorkView", "QuarterChoice", "my_work", "quarters"]

# The quarter containing today and the seven before it: two financial years to compare.
QUARTERS_TO_CHOOSE = 8

_CATEGORY_LABELS = {
    work.MET: "Met",
    work.MISSED: "Missed",
    work.DUE: "Still due",
    work.DONE: "Done",
    work.NOT_DONE: "Not done",
    work.PENDING: "Still pending",
    **{reason.value: label for reason, label in CLOSURE_REASONS.items()},
}


@dataclass(frozen=True)
class Figure:
    """One bar of a chart and one row of its table."""

    label: str
    count: int


@dataclass(frozen=True)
class QuarterChoice:
    key: str  # 2026-27Q3
    label: str  # Q3 2026-27 (October to December 2026)


@dataclass(frozen=True)
class MyWorkView:
    quarter: QuarterChoice
    current: bool  # the quarter containing today
    open_by_stage: tuple[Figure, ...]
    victims_code: tuple[Figure, ...]  # met, missed, still due
    actions: tuple[Figure, ...]  # done, not done, still pending
    closed: tuple[Figure, ...]  # by closure reason
    # How many of the quarter's counts came from cases no longer on this laptop.
    from_cases_gone: int

    @property
    def open_cases(self) -> int:
        return sum(figure.count for figure in self.open_by_stage)


def quarters(today: date, count: int = QUARTERS_TO_CHOOSE) -> tuple[QuarterChoice, ...]:
    """The quarter containing ``today`` first, then the ``count - 1`` before it."""
    found, quarter = [], work.Quarter.of(today)
    for _ in range(count):
        found.append(QuarterChoice(quarter.key, quarter.label()))
        quarter = quarter.previous()
    return tuple(found)


def my_work(vault: Vault, today: date, quarter: str | None = None) -> MyWorkView:
    """The figures for ``quarter`` (``2026-27Q3``; by default the one containing ``today``).
    A quarter after today's is refused: nothing has happened in it yet."""
    current = work.Quarter.of(today)
    try:
        chosen = current if quarter is None else work.Quarter.parse(quarter)
    except ValueError:
        raise ValidationError(
            f"{quarter!r} is not a quarter: write it like {current.key}.", field="quarter"
        ) from None
    if chosen > current:
        raise ValidationError(
            f"{chosen.label()} has not started yet: choose {current.key} or an earlier quarter.",
            field="quarter",
        )
    with vault.reader() as session:
        found = services_mywork.my_work(session, chosen, today)

    def figures(name: str) -> tuple[Figure, ...]:
        return tuple(Figure(_CATEGORY_LABELS[c], n) for c, n in found.counts[name])

    return MyWorkView(
        quarter=QuarterChoice(chosen.key, chosen.label()),
        current=chosen == current,
        open_by_stage=tuple(Figure(stage_label(s), n) for s, n in found.open_by_stage),
        victims_code=figures(work.VICTIMS_CODE),
        actions=figures(work.ACTIONS),
        closed=figures(work.CLOSED),
        from_cases_gone=found.from_cases_gone,
    )
