"""The facilitator's own figures ("My work", issue 16): open cases by stage now, and for one
financial-year quarter the Victims' Code deadlines met and missed, the agreed actions done, not
done and still pending, and the cases closed by reason. Cases that have left this laptop count
through the tally they left behind (``rjdesk.store.work_tally``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rjdesk.domain import work
from rjdesk.domain.models import Case
from rjdesk.store import work_tally
from rjdesk_protocol.enums import Stage


@dataclass(frozen=True)
class WorkFigures:
    quarter: work.Quarter
    # Every stage but closed, in the order of the process, with 0 where none is.
    open_by_stage: tuple[tuple[Stage, int], ...]
    # Per figure (``work.VICTIMS_CODE``…), each category of ``work.CATEGORIES`` with its count.
    counts: dict[str, tuple[tuple[str, int], ...]]
    # How much of ``counts`` came from cases no longer on this laptop.
    from_cases_gone: int


def my_work(session: Session, quarter: work.Quarter, today: date) -> WorkFigures:
    by_stage = dict(
        session.execute(
            select(Case.stage, func.count()).where(Case.stage != Stage.CLOSED).group_by(Case.stage)
        ).all()
    )
    open_by_stage = tuple(
        (stage, int(by_stage.get(stage, 0))) for stage in Stage if stage != Stage.CLOSED
    )
    here = work_tally.outcomes(session, today, quarter)
    gone = work_tally.tallied(session, quarter)
    counts = {
        figure: tuple(
            (category, here[(quarter.key, figure, category)] + gone[(figure, category)])
            for category in categories
        )
        for figure, categories in work.CATEGORIES.items()
    }
    return WorkFigures(quarter, open_by_stage, counts, sum(gone.values()))
