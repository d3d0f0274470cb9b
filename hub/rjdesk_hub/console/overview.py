"""The console's overview: what a coordinator has to act on across the team, counted from the
case index's plain facts and dates (``index``, ``overview_models``) and the hub's bookkeeping,
without opening any case (docs/hub.md, "The console's overview").

Every figure is a handful of indexed queries: the page stays fast over 20,000 cases. Its cases
are named by reference only (the register finds a case by its reference), never by a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import Select, and_, exists, func, select
from sqlalchemy.orm import Session

from rjdesk_hub import models as m
from rjdesk_hub.console.overview_models import CaseIndexDates
from rjdesk_hub.referrals.models import Referral
from rjdesk_protocol.calendar import LONDON, add_working_days

# A harmed person's information is "due" from today to this many working days ahead (as on the
# laptop's Today page, ``rjdesk.services.today``).
VICTIMS_CODE_WARNING_DAYS = 2
UNSEEN_AFTER = timedelta(days=7)
SHOWN = 10  # references listed under a figure; the register holds the rest

REGISTER = "/cases"
CONFLICTS = "/conflicts"
LAPTOPS = "/laptops"
REFERRALS = "/referrals"


def register_link(**criteria: str) -> str:
    """The case register filtered so (its query parameters: q, type, stage, source,
    facilitator — ``none`` for the unassigned —, from, to, status); open cases unless
    ``status`` says."""
    params = {"status": "open", **criteria}
    return f"{REGISTER}?{urlencode({k: v for k, v in params.items() if v})}"


def case_link(case_id: str) -> str:
    """The page of one case."""
    return f"{REGISTER}/{case_id}"


@dataclass(frozen=True)
class Figure:
    """One count of the overview, the list behind it, and the first few cases it counts."""

    key: str
    count: int
    href: str
    references: tuple[tuple[str, str], ...] = ()  # (reference, case id) of the first few

    @property
    def reference_names(self) -> tuple[str, ...]:
        return tuple(reference for reference, _ in self.references)


@dataclass(frozen=True)
class Unseen:
    """An enrolled laptop that has not been in touch for a week (or ever, since enrolment)."""

    device_code: str
    facilitator: str
    last_seen: datetime | None


@dataclass(frozen=True)
class Workload:
    facilitator_id: str
    name: str
    open_cases: int
    href: str


@dataclass(frozen=True)
class Overview:
    today: date
    figures: dict[str, Figure]
    unseen: tuple[Unseen, ...]
    workload: tuple[Workload, ...]

    @property
    def anything(self) -> bool:
        """Whether any figure asks for action (the page says so when none does)."""
        return any(figure.count for figure in self.figures.values())


def london_day(at: datetime) -> date:
    """The working day it is in England and Wales at ``at``."""
    return at.astimezone(LONDON).date()


def build(session: Session, now: datetime) -> Overview:
    """The overview as it stands at ``now``."""
    today = london_day(now)
    soon = add_working_days(today, VICTIMS_CODE_WARNING_DAYS)
    victims_code = CaseIndexDates.victims_code_due_on
    action, review = CaseIndexDates.action_due_on, CaseIndexDates.review_due_on
    figures = [
        _new_referrals(session),
        _unassigned(session),
        _by_date(session, "victims_code_missed", victims_code, victims_code < today),
        _by_date(
            session,
            "victims_code_due",
            victims_code,
            and_(victims_code >= today, victims_code <= soon),
        ),
        _by_date(session, "actions_overdue", action, action < today),
        _by_date(session, "reviews_overdue", review, review < today),
        _conflicts(session),
        _set_aside(session),
    ]
    unseen = _unseen(session, now)
    figures.append(Figure("laptops_unseen", len(unseen), LAPTOPS))
    return Overview(
        today=today,
        figures={figure.key: figure for figure in figures},
        unseen=tuple(unseen[:SHOWN]),
        workload=_workload(session),
    )


Listed = tuple[tuple[str, str], ...]  # (reference, case id)


def _references(session: Session, query: Select[str, str], order: Any) -> Listed:
    rows = session.execute(query.order_by(order, m.CaseIndex.reference).limit(SHOWN))
    return tuple((str(reference), str(case_id)) for reference, case_id in rows)


def _count(session: Session, query: Select[Any]) -> int:
    return int(session.scalar(select(func.count()).select_from(query.subquery())) or 0)


def _new_referrals(session: Session) -> Figure:
    """Referrals from the forms, partners' links and phone calls waiting for triage."""
    waiting = select(Referral.id).where(Referral.status == "new")
    return Figure("referrals_new", _count(session, waiting), REFERRALS)


def _unassigned(session: Session) -> Figure:
    """Open cases no facilitator is assigned to (a case a laptop referred is held by its
    referrer until it is assigned: it is still unassigned)."""
    assigned = exists().where(
        m.Visibility.case_id == m.CaseIndex.case_id, m.Visibility.how == "assigned"
    )
    query = select(m.CaseIndex.case_id).where(m.CaseIndex.closed.is_(False), ~assigned)
    listed = select(m.CaseIndex.reference, m.CaseIndex.case_id).where(
        m.CaseIndex.closed.is_(False), ~assigned
    )
    return Figure(
        "unassigned",
        _count(session, query),
        register_link(facilitator="none"),
        _references(session, listed, m.CaseIndex.received_on),
    )


def _by_date(session: Session, key: str, column: Any, condition: Any) -> Figure:
    """Open cases whose date ``column`` (of ``CaseIndexDates``) meets ``condition``, the
    earliest first; each is found in the register by its reference."""
    query = select(CaseIndexDates.case_id).where(condition)
    listed = (
        select(m.CaseIndex.reference, m.CaseIndex.case_id)
        .join(CaseIndexDates, CaseIndexDates.case_id == m.CaseIndex.case_id)
        .where(condition)
    )
    return Figure(
        key, _count(session, query), register_link(), _references(session, listed, column)
    )


def _conflicts(session: Session) -> Figure:
    open_ = select(m.Conflict.id).where(m.Conflict.resolved_at.is_(None))
    listed = (
        select(m.CaseIndex.reference, m.CaseIndex.case_id)
        .where(
            m.CaseIndex.case_id.in_(
                select(m.Conflict.case_id).where(m.Conflict.resolved_at.is_(None))
            )
        )
        .distinct()
    )
    return Figure("conflicts", _count(session, open_), CONFLICTS, _listed(session, listed))


def _set_aside(session: Session) -> Figure:
    """Records ``rjdesk-hub check`` set aside: kept, but sent to no laptop until dealt with."""
    listed = (
        select(m.CaseIndex.reference, m.CaseIndex.case_id)
        .where(m.CaseIndex.case_id.in_(select(m.SetAside.case_id)))
        .distinct()
    )
    count = _count(session, select(m.SetAside.row_id))
    return Figure("set_aside", count, CONFLICTS, _listed(session, listed))


def _listed(session: Session, query: Select[str, str]) -> Listed:
    rows = session.execute(query.order_by(m.CaseIndex.reference).limit(SHOWN))
    return tuple((str(reference), str(case_id)) for reference, case_id in rows)


def _unseen(session: Session, now: datetime) -> list[Unseen]:
    """Enrolled, unrevoked laptops whose last contact (a bundle sent, or hub bundles asked
    for) is over a week old; a laptop never in touch counts from its enrolment."""
    sent = (
        select(m.Bundle.device_id, func.max(m.Bundle.received_at).label("at"))
        .group_by(m.Bundle.device_id)
        .subquery()
    )
    fetched = (
        select(m.Issued.device_id, func.max(m.Issued.issued_at).label("at"))
        .group_by(m.Issued.device_id)
        .subquery()
    )
    rows = session.execute(
        select(
            m.Device.device_code, m.Facilitator.name, m.Device.enrolled_at, sent.c.at, fetched.c.at
        )
        .join(m.Facilitator, m.Facilitator.id == m.Device.facilitator_id)
        .outerjoin(sent, sent.c.device_id == m.Device.id)
        .outerjoin(fetched, fetched.c.device_id == m.Device.id)
        .where(m.Device.revoked_at.is_(None))
    )
    found: list[Unseen] = []
    for code, name, enrolled_at, sent_at, fetched_at in rows:
        seen = [at for at in (sent_at, fetched_at) if at is not None]
        last = max(seen) if seen else None
        if now - (last or enrolled_at) > UNSEEN_AFTER:
            found.append(Unseen(code, name, last))
    found.sort(
        key=lambda item: (item.last_seen is not None, item.last_seen or now, item.device_code)
    )
    return found


def _workload(session: Session) -> tuple[Workload, ...]:
    """Each facilitator and how many open cases they hold (assigned, or referred by them and
    not yet assigned), most first."""
    held = (
        select(m.CaseIndexFacilitator.facilitator_id, func.count().label("cases"))
        .join(m.CaseIndex, m.CaseIndex.case_id == m.CaseIndexFacilitator.case_id)
        .where(m.CaseIndex.closed.is_(False))
        .group_by(m.CaseIndexFacilitator.facilitator_id)
        .subquery()
    )
    rows = session.execute(
        select(m.Facilitator.id, m.Facilitator.name, func.coalesce(held.c.cases, 0))
        .outerjoin(held, held.c.facilitator_id == m.Facilitator.id)
        .order_by(func.coalesce(held.c.cases, 0).desc(), m.Facilitator.name)
    )
    return tuple(
        Workload(fid, name, int(cases), register_link(facilitator=fid)) for fid, name, cases in rows
    )
