"""Cases: create from a referral, load, change stage, close (DESIGN §2)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, immediateload, joinedload, selectinload

from rjdesk.domain import rules
from rjdesk.domain.models import (
    Agreement,
    AgreementAction,
    Case,
    Consent,
    Contact,
    Participant,
    Signature,
    StageChange,
)
from rjdesk.store.references import next_reference
from rjdesk.store.unit import UnitOfWork
from rjdesk_protocol.enums import (
    CaseType,
    Channel,
    ClosureReason,
    Flag,
    Origin,
    ReferralSource,
    Stage,
)
from rjdesk_protocol.errors import NotFound, RuleViolation, ValidationError

# Case types that are themselves a flag, so filters by flag find them whichever was used.
_TYPE_FLAGS = {CaseType.HATE_CRIME: Flag.HATE_CRIME, CaseType.NOISE_NUISANCE: Flag.NOISE_NUISANCE}


@dataclass
class Referral:
    """What a referral gives: the fields of the phone call, the police form or the email."""

    case_type: CaseType
    received_on: date
    source: ReferralSource
    channel: Channel
    summary: str = ""
    referrer_name: str | None = None
    referrer_organisation: str | None = None
    referrer_phone: str | None = None
    referrer_email: str | None = None
    crime_reference: str | None = None
    incident_date: date | None = None
    location: str | None = None
    flags: Sequence[Flag] = field(default_factory=tuple)


# Everything a case screen, a rule check or an export needs, in a fixed number of queries.
# The many-to-one links between people (who supports whom, who owns an action, who signed) are
# resolved from the participants already loaded, without SQL, so that a loaded case can be used
# after its session has closed (the desktop window shows it from another thread).
CASE_LOAD_OPTIONS = (
    selectinload(Case.participants).options(
        joinedload(Participant.person),
        immediateload(Participant.supports),
        selectinload(Participant.consents).joinedload(Consent.given_by),
    ),
    selectinload(Case.risk_assessments),
    selectinload(Case.contacts).options(
        selectinload(Contact.present), selectinload(Contact.addenda)
    ),
    selectinload(Case.agreements).options(
        selectinload(Agreement.actions).immediateload(AgreementAction.owner),
        selectinload(Agreement.signatures).immediateload(Signature.participant),
    ),
    selectinload(Case.safeguarding),
    selectinload(Case.stage_changes),
    selectinload(Case.documents),
)


def load_case(session: Session, ref_or_id: str) -> Case:
    """A case with everything in it, by reference (``RJ-26-K7QXM-0042``, any case) or id."""
    wanted = ref_or_id.strip()
    query = (
        select(Case)
        .where(or_(Case.reference == wanted.upper(), Case.id == wanted))
        .options(*CASE_LOAD_OPTIONS)
    )
    case = session.scalars(query).one_or_none()
    if case is None:
        raise NotFound(f"no case {wanted} in this vault")
    return case


def participant_of(case: Case, participant_id: str) -> Participant:
    """The participant with this id in ``case``; someone removed meanwhile (by another tab,
    or a sync) is refused with a sentence rather than a lookup error."""
    found = next((p for p in case.participants if p.id == participant_id), None)
    if found is None:
        raise NotFound(f"that person is no longer part of {case.reference}")
    return found


def _not_future(value: date | None, today: date, name: str) -> None:
    if value is not None and value > today:
        raise ValidationError("is in the future", field=name)


def create_case(uow: UnitOfWork, referral: Referral, *, reference: str | None = None) -> Case:
    """Open a case from a referral; it starts at the referral stage with a new reference."""
    today = uow.today
    _not_future(referral.received_on, today, "received_on")
    _not_future(referral.incident_date, today, "incident_date")
    if referral.incident_date and referral.incident_date > referral.received_on:
        raise ValidationError("is after the referral was received", field="incident_date")
    flags = [Flag(flag) for flag in referral.flags]
    type_flag = _TYPE_FLAGS.get(referral.case_type)
    if type_flag and type_flag not in flags:
        flags.append(type_flag)
    case = Case(
        reference=reference or next_reference(uow.session, uow.today.year),
        case_type=referral.case_type,
        stage=Stage.REFERRAL,
        received_on=referral.received_on,
        source=referral.source,
        channel=referral.channel,
        summary=referral.summary.strip(),
        referrer_name=_clean(referral.referrer_name),
        referrer_organisation=_clean(referral.referrer_organisation),
        referrer_phone=_clean(referral.referrer_phone),
        referrer_email=_clean(referral.referrer_email),
        crime_reference=_clean(referral.crime_reference),
        incident_date=referral.incident_date,
        location=_clean(referral.location),
        flags=sorted({flag.value for flag in flags}),
        facilitators=[uow.actor.name],
        origin=Origin.FACILITATOR,  # the facilitator's own referral (the hub's cases say theirs)
        # A new case has nothing yet: say so, rather than let each list be queried later.
        participants=[],
        risk_assessments=[],
        contacts=[],
        agreements=[],
        safeguarding=[],
        stage_changes=[],
        documents=[],
    )
    uow.session.add(case)
    case.stage_changes.append(
        StageChange(to_stage=Stage.REFERRAL, changed_at=uow.now, changed_by=uow.actor.name)
    )
    uow.audit("create_case", entity="case", entity_id=case.id, case_reference=case.reference)
    return case


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


REFERRAL_FIELDS = frozenset(
    {
        "summary",
        "referrer_name",
        "referrer_organisation",
        "referrer_phone",
        "referrer_email",
        "crime_reference",
        "incident_date",
        "location",
        "source",
        "channel",
        "received_on",
        "case_type",
    }
)


def update_referral(uow: UnitOfWork, case: Case, **changes: object) -> None:
    """Correct or complete the referral details (not a contemporaneous record)."""
    unknown = set(changes) - REFERRAL_FIELDS
    if unknown:
        raise ValidationError(f"cannot be changed here: {', '.join(sorted(unknown))}")
    _ensure_open(case)
    for name, value in changes.items():
        setattr(case, name, value.strip() if isinstance(value, str) else value)
    _not_future(case.received_on, uow.today, "received_on")
    uow.audit(
        "update_case",
        entity="case",
        entity_id=case.id,
        case_reference=case.reference,
        detail="fields: " + ", ".join(sorted(changes)),
    )


def set_flags(uow: UnitOfWork, case: Case, flags: Sequence[Flag]) -> None:
    case.flags = sorted({Flag(flag).value for flag in flags})
    uow.audit(
        "set_flags",
        entity="case",
        entity_id=case.id,
        case_reference=case.reference,
        detail="flags: " + ", ".join(case.flags),
    )


def add_flag(case: Case, flag: Flag) -> None:
    if flag.value not in case.flags:
        case.flags = sorted({*case.flags, flag.value})


def _ensure_open(case: Case) -> None:
    if case.stage == Stage.CLOSED:
        raise RuleViolation(f"{case.reference} is closed")


def move_stage(uow: UnitOfWork, case: Case, target: Stage, note: str = "") -> None:
    """Record a stage change (the caller has checked the rules)."""
    if case.stage == target:
        return
    case.stage_changes.append(
        StageChange(
            from_stage=case.stage,
            to_stage=target,
            changed_at=uow.now,
            changed_by=uow.actor.name,
            note=note,
        )
    )
    previous, case.stage = case.stage, target
    uow.audit(
        "change_stage",
        entity="case",
        entity_id=case.id,
        case_reference=case.reference,
        detail=f"{previous} -> {target}",
    )


def change_stage(uow: UnitOfWork, case: Case, target: Stage, note: str = "") -> None:
    """Move the case; refused with every reason when the rules of DESIGN §2 are not met."""
    blockers = rules.stage_change_blockers(case, Stage(target), uow.today)
    if blockers:
        raise RuleViolation(f"cannot move {case.reference} to {target}: " + "; ".join(blockers))
    move_stage(uow, case, Stage(target), note)


def close_case(
    uow: UnitOfWork,
    case: Case,
    reason: ClosureReason,
    *,
    closed_on: date | None = None,
    note: str = "",
) -> None:
    """Close the case: completed after the work, or early (declined, unsuitable, ...)."""
    _ensure_open(case)
    closed_on = closed_on or uow.today
    _not_future(closed_on, uow.today, "closed_on")
    if closed_on < case.received_on:
        raise ValidationError("is before the referral was received", field="closed_on")
    if reason == ClosureReason.COMPLETED and not any(
        contact.kind.is_intervention for contact in case.contacts
    ):
        raise RuleViolation(
            "a case is completed only after a conference or shuttle work; "
            "close it as declined, unsuitable, withdrawn or no contact instead"
        )
    case.closure_reason = ClosureReason(reason)
    case.closed_on = closed_on
    move_stage(uow, case, Stage.CLOSED, note or f"closed: {reason}")


# A reopening's reason is kept in the stage history (a stage change's note): one line, bounded.
REASON_LIMIT = 500


def stage_before_closing(case: Case) -> Stage:
    """The stage the case had when it was last closed. A case that arrived closed (an import,
    with no move into ``closed`` in its history) goes back to the furthest stage its contents
    prove."""
    closings = [c for c in case.stage_changes if c.to_stage == Stage.CLOSED and c.from_stage]
    # A stable sort over the history in the order recorded: of two at the same moment, the
    # later recorded is the last.
    if closings:
        last = sorted(closings, key=lambda change: change.changed_at)[-1]
        if last.from_stage is not None and last.from_stage != Stage.CLOSED:
            return Stage(last.from_stage)
    reason, case.closure_reason = case.closure_reason, None
    try:
        implied = rules.implied_stage(case)
    finally:
        case.closure_reason = reason
    return implied


def reopen_case(uow: UnitOfWork, case: Case, reason: str) -> Stage:
    """Reopen a closed case (DESIGN §2): it returns to the stage it had before closing, with
    the reason in its stage history; its signed agreements stay as they were. Answers the
    stage it is back at."""
    if case.stage != Stage.CLOSED:
        raise RuleViolation(f"{case.reference} is not closed")
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError("say why the case is reopened", field="reason")
    if len(reason) > REASON_LIMIT:
        raise ValidationError(f"is longer than {REASON_LIMIT} characters", field="reason")
    target = stage_before_closing(case)
    case.closure_reason = None
    case.closed_on = None
    move_stage(uow, case, target, f"reopened: {reason}")
    uow.audit(
        "reopen_case",
        entity="case",
        entity_id=case.id,
        case_reference=case.reference,
        detail=f"{Stage.CLOSED} -> {target}",
    )
    return target


def ensure_open(case: Case) -> None:
    """Refuse work on a closed case."""
    _ensure_open(case)
