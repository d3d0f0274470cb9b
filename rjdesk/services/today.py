"""The Today page: what is due, what is late, and what was worked on last."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from rjdesk.domain.labels import SHARED_ACTION
from rjdesk.domain.models import (
    Agreement,
    AgreementAction,
    AuditEvent,
    Case,
    Participant,
    Person,
    Signature,
)
from rjdesk.services.queries import CaseRow, rows_for
from rjdesk_protocol.calendar import add_working_days
from rjdesk_protocol.enums import ActionStatus, AgreementStatus, Role, Stage
from rjdesk_protocol.victims_code import VICTIMS_CODE_WORKING_DAYS

HORIZON_DAYS = 7
VICTIMS_CODE_WARNING_DAYS = 2
# Each list shows its most urgent items first. More than this is a caseload to triage on the
# Cases page rather than a day's list; the page says how many more there are.
LIST_LIMIT = 100


@dataclass(frozen=True)
class DueItem:
    """One line of Today: what needs doing on which case, and by when."""

    case_id: str
    reference: str
    what: str
    who: str
    due_on: date
    overdue: bool


@dataclass
class TodayOverview:
    # Agreed actions and agreement reviews whose date has passed, the longest overdue first.
    overdue: list[DueItem] = field(default_factory=list)
    # Those due from today to HORIZON_DAYS ahead, the soonest first.
    due: list[DueItem] = field(default_factory=list)
    victims_code: list[DueItem] = field(default_factory=list)
    recent: list[CaseRow] = field(default_factory=list)
    # How many items each list would hold without LIST_LIMIT.
    totals: dict[str, int] = field(default_factory=dict)


def today_overview(session: Session, today: date, *, actor: str = "") -> TodayOverview:
    overview = TodayOverview()
    horizon = today + timedelta(days=HORIZON_DAYS)
    # Two lists, not one: a week's list led by actions missed months ago hides what is due now.
    overview.overdue, overview.totals["overdue"] = _due_between(session, None, today, today)
    overview.due, overview.totals["due"] = _due_between(session, today, horizon, today)

    # The deadline grows with the referral date, so "due within two working days" is "received
    # on or before" one date: the filter runs in SQL and the oldest come first.
    received_by = _latest_referral_due_by(add_working_days(today, VICTIMS_CODE_WARNING_DAYS))
    missing = (
        select(Case.id, Case.reference, Case.received_on, Person.name)
        .join(Participant, Participant.case_id == Case.id)
        .join(Person, Person.id == Participant.person_id)
        .where(
            Case.stage != Stage.CLOSED,
            Participant.role.in_([Role.HARMED, Role.BOTH]),
            Participant.rj_information_given_on.is_(None),
            Case.received_on <= received_by,
        )
        .order_by(Case.received_on)
    )
    overview.totals["victims_code"] = _count(session, missing)
    for case_id, reference, received_on, name in session.execute(missing.limit(LIST_LIMIT)):
        deadline = add_working_days(received_on, VICTIMS_CODE_WORKING_DAYS)
        overview.victims_code.append(
            DueItem(
                case_id,
                reference,
                "Give information about RJ (Victims' Code)",
                name,
                deadline,
                deadline < today,
            )
        )

    overview.recent = rows_for(session, _recently_worked_on(session, actor), today=today)
    return overview


def _due_between(
    session: Session, first: date | None, last: date, today: date
) -> tuple[list[DueItem], int]:
    """Pending actions and reviews of the agreements in force, due from ``first`` to ``last``
    (both included), or before ``last`` when ``first`` is None: the earliest LIST_LIMIT of
    them, and how many there are in all."""

    def window(column: Any) -> list[Any]:
        if first is None:
            return [column < last]
        return [column >= first, column <= last]

    in_force = (Agreement.status == AgreementStatus.SIGNED, Case.stage != Stage.CLOSED)
    owner = Person.__table__.alias("owner_person")
    owner_participant = Participant.__table__.alias("owner_participant")
    actions = (
        select(
            Case.id,
            Case.reference,
            AgreementAction.description,
            AgreementAction.due_on,
            owner.c.name,
        )
        .join(Agreement, Agreement.case_id == Case.id)
        .join(AgreementAction, AgreementAction.agreement_id == Agreement.id)
        .outerjoin(owner_participant, owner_participant.c.id == AgreementAction.owner_id)
        .outerjoin(owner, owner.c.id == owner_participant.c.person_id)
        .where(
            *in_force,
            AgreementAction.status == ActionStatus.PENDING,
            *window(AgreementAction.due_on),
        )
        .order_by(AgreementAction.due_on)
    )
    items = [
        DueItem(case_id, reference, what, who or SHARED_ACTION, due_on, due_on < today)
        for case_id, reference, what, due_on, who in session.execute(actions.limit(LIST_LIMIT))
    ]

    reviews = (
        select(Case.id, Case.reference, Agreement.id, Agreement.version, Agreement.review_on)
        .join(Agreement, Agreement.case_id == Case.id)
        .where(*in_force, *window(Agreement.review_on))
        .order_by(Agreement.review_on)
    )
    found = session.execute(reviews.limit(LIST_LIMIT)).all()
    signers = _signers(session, [agreement_id for _, _, agreement_id, _, _ in found])
    for case_id, reference, agreement_id, version, review_on in found:
        if review_on is None:
            continue  # never: the window compares it with a date
        items.append(
            DueItem(
                case_id,
                reference,
                f"Review agreement version {version}",
                # The review is with the people who signed; the facilitator's own otherwise.
                ", ".join(signers.get(agreement_id, [])) or "Facilitator",
                review_on,
                review_on < today,
            )
        )
    items.sort(key=lambda item: item.due_on)
    return items[:LIST_LIMIT], _count(session, actions) + _count(session, reviews)


def _signers(session: Session, agreement_ids: list[str]) -> dict[str, list[str]]:
    """The names of the participants who signed each agreement, in the order they signed."""
    if not agreement_ids:
        return {}
    signatures = (
        select(Signature.agreement_id, Signature.signer_name)
        .where(Signature.agreement_id.in_(agreement_ids), Signature.participant_id.is_not(None))
        .order_by(Signature.created_at, Signature.signer_name)
    )
    names: dict[str, list[str]] = {}
    for agreement_id, name in session.execute(signatures):
        if name not in names.setdefault(agreement_id, []):
            names[agreement_id].append(name)
    return names


def _count(session: Session, query: Select[*tuple[Any, ...]]) -> int:
    counted = select(func.count()).select_from(query.order_by(None).subquery())
    return int(session.scalar(counted) or 0)


def _latest_referral_due_by(limit: date) -> date:
    """The latest referral date whose Victims' Code deadline falls on or before ``limit``."""
    day = limit
    while add_working_days(day, VICTIMS_CODE_WORKING_DAYS) > limit:
        day -= timedelta(days=1)
    return day


def _recently_worked_on(session: Session, actor: str, limit: int = 10) -> list[str]:
    """The cases this facilitator last opened or changed, newest first."""
    events = (
        select(AuditEvent.case_reference)
        .where(AuditEvent.case_reference != "")
        .order_by(AuditEvent.id.desc())
        .limit(400)
    )
    if actor:
        events = events.where(AuditEvent.actor == actor)
    references = list(dict.fromkeys(session.scalars(events)))[:limit]
    if not references:
        return []
    cases = select(Case.reference, Case.id).where(Case.reference.in_(references))
    found = {reference: case_id for reference, case_id in session.execute(cases)}
    return [found[r] for r in references if r in found]
