"""Triage at the console (issue 15): the queue of new referrals with their age and Victims'
Code clock, one referral opened (audited), declined with a reason from a fixed list, a phone
referral typed at the hub, and a referral accepted by joining a case the hub already holds.

Each function takes the ``Hub`` and does its work in one transaction of the hub's database,
recording the person's action in the console's audit log (``ledger``) in the same transaction.
What a referrer typed is case content: it is returned to the page, never logged or recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rjdesk_hub import models as m
from rjdesk_hub.console import ledger
from rjdesk_hub.console.case_display import stamp, words
from rjdesk_hub.referrals import joining, made, store
from rjdesk_hub.referrals.models import Partner, Referral
from rjdesk_hub.service import Hub
from rjdesk_hub.store import HubStore
from rjdesk_protocol.calendar import LONDON
from rjdesk_protocol.victims_code import VictimsCodeState, VictimsCodeStatus, victims_code_status

# Why a referral was declined: its own list (not the case closure reasons), kept for the figures.
DECLINE_REASONS: dict[str, str] = {
    "not_suitable": "Not suitable for restorative justice",
    "referred_elsewhere": "Referred elsewhere",
    "person_declined": "The person declined",
    "no_safe_contact": "No safe way to make contact",
    "duplicate": "A duplicate of another referral",
}
CHANNEL_WORDS = {
    store.PUBLIC: "Online form",
    store.PARTNER: "Partner's link",
    store.PHONE: "Phone call at the hub",
}
# A due clock turns to "due soon" this many working days before its deadline (as the overview).
DUE_SOON_DAYS = 2


class ReferralNotFound(LookupError):
    """No referral has that id (the page answers 404)."""


class TriageRefused(ValueError):
    """A triage change that cannot be made, with the one sentence to show and the form field
    it is about ("" for the page as a whole)."""

    def __init__(self, sentence: str, field: str = "") -> None:
        super().__init__(sentence)
        self.field = field


@dataclass(frozen=True)
class Clock:
    """Where a referral stands against the Victims' Code (5 working days from its receipt)."""

    status: VictimsCodeStatus

    @property
    def missed(self) -> bool:
        return self.status.state is VictimsCodeState.MISSING

    @property
    def due_soon(self) -> bool:
        return not self.missed and self.status.working_days_left <= DUE_SOON_DAYS

    @property
    def tag(self) -> str:
        """The GOV.UK tag's words: Missed, Due soon, or On time."""
        return "Missed" if self.missed else "Due soon" if self.due_soon else "On time"

    @property
    def tag_class(self) -> str:
        if self.missed:
            return "govuk-tag--red"
        return "govuk-tag--orange" if self.due_soon else "govuk-tag--green"

    @property
    def words(self) -> str:
        return self.status.describe()


@dataclass(frozen=True)
class Waiting:
    """One referral of the queue as the page lists it (nothing the referrer typed)."""

    id: str
    reference: str
    received: str  # "12 Jan 2027, 09:00" (UK time)
    age: str  # "Today", "1 day", "3 days"
    came_by: str  # "Online form", "Partner's link: Northshire Police", "Phone call at the hub"
    problem: str
    clock: Clock


@dataclass(frozen=True)
class Opened:
    """One referral opened at the console: its plain facts and what the referrer typed."""

    id: str
    reference: str
    status: str
    received_at: datetime
    received: str
    came_by: str
    channel: str
    partner: str
    partner_kind: str
    problem: str  # the CaseType value the referrer chose ("" if none)
    clock: Clock | None  # None once decided
    fields: dict[str, Any]  # case content: for the page only
    decline_reason: str
    case_id: str


def aware(at: datetime) -> datetime:
    """A time the database gave back (SQLite drops the zone: it is UTC) as an aware one."""
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def london_day(at: datetime) -> date:
    return aware(at).astimezone(LONDON).date()


def clock_of(received_at: datetime, now: datetime) -> Clock:
    """The Victims' Code clock of a referral: it starts on the day it was received."""
    return Clock(victims_code_status(london_day(received_at), None, london_day(now)))


def age_of(received_at: datetime, now: datetime) -> str:
    days = (london_day(now) - london_day(received_at)).days
    if days <= 0:
        return "Today"
    return "1 day" if days == 1 else f"{days} days"


def came_by(channel: str, partner: str) -> str:
    words_ = CHANNEL_WORDS.get(channel, words(channel))
    return f"{words_}: {partner}" if channel == store.PARTNER and partner else words_


def queue(hub: Hub) -> list[Waiting]:
    """The new referrals, oldest first, as they stand now."""
    with hub.db.reader() as session:
        waiting = store.queue(session)
    now = hub.clock()
    return [
        Waiting(
            id=item.id,
            reference=item.reference,
            received=stamp(aware(item.received_at)),
            age=age_of(item.received_at, now),
            came_by=came_by(item.channel, item.partner),
            problem=words(item.problem) or "Not said",
            clock=clock_of(item.received_at, now),
        )
        for item in waiting
    ]


def waiting_count(hub: Hub) -> int:
    """How many referrals wait for triage (the overview's figure)."""
    with hub.db.reader() as session:
        query = select(func.count()).select_from(Referral).where(Referral.status == store.NEW)
        return int(session.scalar(query) or 0)


def _opened(hub: Hub, referral: Referral, partner: Partner | None, now: datetime) -> Opened:
    return Opened(
        id=referral.id,
        reference=referral.reference,
        status=referral.status,
        received_at=aware(referral.received_at),
        received=stamp(aware(referral.received_at)),
        came_by=came_by(referral.channel, partner.organisation if partner else ""),
        channel=referral.channel,
        partner=partner.organisation if partner else "",
        partner_kind=partner.kind if partner else "",
        problem=referral.problem,
        clock=clock_of(referral.received_at, now) if referral.status == store.NEW else None,
        fields=store.fields_of(store.sealer(hub), referral),
        decline_reason=DECLINE_REASONS.get(referral.decline_reason or "", ""),
        case_id=referral.case_id or "",
    )


def open_referral(hub: Hub, referral_id: str, actor: ledger.Actor) -> Opened:
    """One referral with what its referrer typed; opening it is recorded (VIEW_REFERRAL)."""
    with hub.db.transaction() as tx:
        referral = tx.session.get(Referral, referral_id) if len(referral_id) <= 36 else None
        if referral is None:
            raise ReferralNotFound(referral_id)
        partner = tx.session.get(Partner, referral.partner_id) if referral.partner_id else None
        opened = _opened(hub, referral, partner, tx.now)
        ledger.record(
            tx.session, actor, ledger.Action.VIEW_REFERRAL, at=tx.now,
            case_reference=referral.reference, detail={"referral_id": referral.id},
        )  # fmt: skip
        return opened


def peek(hub: Hub, referral_id: str) -> Opened:
    """A referral's facts and fields for a page that follows its opening (the accept and
    decline forms, a refused form shown again): not recorded again."""
    with hub.db.reader() as session:
        referral = session.get(Referral, referral_id) if len(referral_id) <= 36 else None
        if referral is None:
            raise ReferralNotFound(referral_id)
        partner = session.get(Partner, referral.partner_id) if referral.partner_id else None
        return _opened(hub, referral, partner, hub.clock())


def _new_referral(session: Session, referral_id: str) -> Referral:
    referral = session.get(Referral, referral_id) if len(referral_id) <= 36 else None
    if referral is None:
        raise ReferralNotFound(referral_id)
    if referral.status != store.NEW:
        done = "accepted" if referral.status == store.ACCEPTED else "declined"
        raise TriageRefused(f"{referral.reference} was {done} already: there is nothing to do.")
    return referral


def decline(hub: Hub, referral_id: str, reason: str, actor: ledger.Actor) -> str:
    """Decline a new referral for ``reason`` (a key of ``DECLINE_REASONS``): what the referrer
    typed is deleted, the figures' facts stay; recorded (REFERRAL_DECLINED). Its reference."""
    if reason not in DECLINE_REASONS:
        raise TriageRefused("Choose why the referral is declined.", "reason")
    with hub.db.transaction() as tx:
        referral = _new_referral(tx.session, referral_id)
        store.decline(tx.session, referral, reason=reason, by=actor.account_id, at=tx.now)
        ledger.record(
            tx.session, actor, ledger.Action.REFERRAL_DECLINED, at=tx.now,
            case_reference=referral.reference,
            detail={"referral_id": referral.id, "reason": reason, "channel": referral.channel},
        )  # fmt: skip
        return referral.reference


def type_phone_referral(
    hub: Hub, fields: dict[str, Any], problem: str, actor: ledger.Actor
) -> store.Received:
    """Keep a referral taken by phone at the hub (already checked: ``triage_form``), sealed,
    in the triage queue; recorded (REFERRAL_TYPED, with how many people it names)."""
    with hub.db.transaction() as tx:
        received = store.receive(
            tx.session, store.sealer(hub), at=tx.now, channel=store.PHONE, fields=fields,
            problem=problem,
        )  # fmt: skip
        ledger.record(
            tx.session, actor, ledger.Action.REFERRAL_TYPED, at=tx.now,
            case_reference=received.reference,
            detail={"referral_id": received.id, "people": len(fields.get("people") or [])},
        )  # fmt: skip
        return received


@dataclass(frozen=True)
class Joined:
    """A referral that joined a case: the two references and who receives its details (the
    names of the facilitators holding the case; none while it is unassigned)."""

    reference: str
    case_reference: str
    holders: list[str]


def join_case(hub: Hub, referral_id: str, case_id: str, actor: ledger.Actor) -> Joined:
    """Accept a new referral as part of a case the hub holds already (the revolving-door match
    found it), in one transaction: its details are added to the case as the hub's own contact
    note (``referrals.joining``), which reaches every laptop holding the case at its next sync;
    the referral is accepted (its sealed record kept) and REFERRAL_ACCEPTED recorded
    (``joined``). A closed or unknown case is refused and nothing is written."""
    with hub.db.transaction() as tx:
        referral = _new_referral(tx.session, referral_id)
        entry = tx.session.get(m.CaseIndex, case_id) if len(case_id) <= 36 else None
        case = tx.session.get(m.Case, case_id) if entry is not None else None
        if entry is None or case is None:
            raise TriageRefused("Choose a case the hub holds, or a new case.", "join")
        if case.closed:
            raise TriageRefused(
                f"{entry.reference} is closed, so the referral cannot join it: accept it as a "
                "new case instead.",
                "join",
            )
        typed = store.fields_of(store.sealer(hub), referral)
        hub_store = HubStore(tx, hub._at_rest)  # the hub's own sealing, as hub_cases uses it
        try:
            joining.add_note(hub_store, referral, typed, case_id=case_id, author=actor.account_name)
        except made.CaseRefused as refused:
            raise TriageRefused(str(refused), "join") from None
        store.accept(tx.session, referral, case_id=case_id, by=actor.account_id, at=tx.now)
        ledger.record(
            tx.session, actor, ledger.Action.REFERRAL_ACCEPTED, at=tx.now,
            case_id=case_id, case_reference=entry.reference,
            detail={"referral_id": referral.id, "joined": True, "note": True},
        )  # fmt: skip
        return Joined(referral.reference, entry.reference, joining.holders(tx.session, case_id))
