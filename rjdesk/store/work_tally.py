"""The rows "My work" counts, and the tally that keeps what a case counted once it has left
this laptop (issue 16).

The same selections serve the page (many cases, one quarter) and the tally (one case, every
quarter); the rules that classify each row are ``rjdesk.domain.work``'s. The tally holds counts
by quarter, figure and category only: nothing in it says which case they came from.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from rjdesk.domain import work
from rjdesk.domain.models import Agreement, AgreementAction, Case, Participant
from rjdesk.domain.work_models import WorkTally
from rjdesk_protocol.calendar import add_working_days
from rjdesk_protocol.enums import AgreementStatus, Role, Stage
from rjdesk_protocol.victims_code import VICTIMS_CODE_WORKING_DAYS

Outcome = tuple[str, str, str]  # quarter key, figure, category


def victims_code_rows(quarter: work.Quarter | None = None) -> Select[*tuple[Any, ...]]:
    """(case id, received on, RJ information given on) of each harmed person; with ``quarter``,
    only those whose deadline falls in it (a filter on the referral date, so it runs in SQL)."""
    query: Select[*tuple[Any, ...]] = (
        select(Case.id, Case.received_on, Participant.rj_information_given_on)
        .join(Participant, Participant.case_id == Case.id)
        .where(Participant.role.in_([Role.HARMED, Role.BOTH]))
    )
    if quarter is not None:
        first, last = received_for_deadlines(quarter.start, quarter.end)
        query = query.where(Case.received_on >= first, Case.received_on <= last)
    return query


def received_for_deadlines(first: date, last: date) -> tuple[date, date]:
    """The referral dates whose Victims' Code deadline falls from ``first`` to ``last``: the
    deadline never goes back as the referral date goes on, so they are one range of days."""
    # Five working days can span three weekends' worth of days with the bank holidays of
    # Christmas and Easter: start well before, and step on to the first that reaches ``first``.
    earliest = first - timedelta(days=3 * VICTIMS_CODE_WORKING_DAYS)
    while add_working_days(earliest, VICTIMS_CODE_WORKING_DAYS) < first:
        earliest += timedelta(days=1)
    latest = last
    while add_working_days(latest, VICTIMS_CODE_WORKING_DAYS) > last:
        latest -= timedelta(days=1)
    return earliest, latest


def action_rows(quarter: work.Quarter | None = None) -> Select[*tuple[Any, ...]]:
    """(case id, status, due on, checked on) of each action of an agreement in force (signed
    and not superseded: a new version carries its actions over). With ``quarter``, only those
    checked or due in it."""
    query: Select[*tuple[Any, ...]] = (
        select(Case.id, AgreementAction.status, AgreementAction.due_on, AgreementAction.checked_on)
        .join(Agreement, Agreement.case_id == Case.id)
        .join(AgreementAction, AgreementAction.agreement_id == Agreement.id)
        .where(Agreement.status == AgreementStatus.SIGNED)
    )
    if quarter is not None:
        start, end = quarter.start, quarter.end
        # More than the quarter's (a pending action checked in it but due later): the rule
        # that places each one (``work.action_outcome``) settles it.
        checked = AgreementAction.checked_on.between(start, end)
        query = query.where(checked | AgreementAction.due_on.between(start, end))
    return query


def closed_rows(quarter: work.Quarter | None = None) -> Select[*tuple[Any, ...]]:
    """(case id, closed on, closure reason) of each closed case; with ``quarter``, those closed
    in it."""
    query: Select[*tuple[Any, ...]] = select(Case.id, Case.closed_on, Case.closure_reason).where(
        Case.stage == Stage.CLOSED
    )
    if quarter is not None:
        query = query.where(Case.closed_on.between(quarter.start, quarter.end))
    return query


def outcomes(
    session: Session, today: date, quarter: work.Quarter | None = None, case_id: str | None = None
) -> Counter[Outcome]:
    """How many of each figure's category fell in each quarter (only ``quarter`` if given), on
    the cases of this vault (only ``case_id`` if given)."""
    counted: Counter[Outcome] = Counter()

    def only_case(query: Select[*tuple[Any, ...]]) -> Select[*tuple[Any, ...]]:
        return query if case_id is None else query.where(Case.id == case_id)

    def add(figure: str, found: Iterable[tuple[date, str] | None]) -> None:
        for item in found:
            if item is not None and (quarter is None or item[0] in quarter):
                counted[(work.Quarter.of(item[0]).key, figure, item[1])] += 1

    rows = session.execute(only_case(victims_code_rows(quarter)))
    add(work.VICTIMS_CODE, (work.victims_code_outcome(r, g, today) for _, r, g in rows))
    rows = session.execute(only_case(action_rows(quarter)))
    add(work.ACTIONS, (work.action_outcome(s, d, c) for _, s, d, c in rows))
    rows = session.execute(only_case(closed_rows(quarter)))
    add(work.CLOSED, (work.closure_outcome(on, reason) for _, on, reason in rows))
    return counted


def tally_leaving(session: Session, case_id: str, today: date) -> int:
    """Keep what the case counted, before it leaves this laptop: its settled outcomes, added to
    the tally by quarter, figure and category. Returns how many were added."""
    added = 0
    for (quarter, figure, category), count in sorted(
        outcomes(session, today, None, case_id).items()
    ):
        if category not in work.SETTLED[figure]:
            continue
        row = session.get(WorkTally, (quarter, figure, category))
        if row is None:
            session.add(WorkTally(quarter=quarter, figure=figure, category=category, count=count))
        else:
            row.count += count
        added += count
    session.flush()
    return added


def tallied(session: Session, quarter: work.Quarter) -> Counter[tuple[str, str]]:
    """What cases that left this laptop counted in ``quarter``, by figure and category."""
    query = select(WorkTally.figure, WorkTally.category, WorkTally.count).where(
        WorkTally.quarter == quarter.key
    )
    return Counter(
        {(figure, category): count for figure, category, count in session.execute(query)}
    )
