"""Contacts: contemporaneous records of every call, visit, meeting and conference."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from rjdesk.domain import rules
from rjdesk.domain.models import Case, Contact, ContactAddendum, Participant
from rjdesk.services.cases import ensure_open, move_stage
from rjdesk.store import contents
from rjdesk.store.unit import UnitOfWork
from rjdesk_protocol.calendar import LONDON
from rjdesk_protocol.enums import ContactKind, Stage
from rjdesk_protocol.errors import RuleViolation, ValidationError

# A laptop clock a little ahead of the phone's should not refuse a note typed straight after.
_CLOCK_SKEW = timedelta(minutes=10)


def record_contact(
    uow: UnitOfWork,
    case: Case,
    *,
    kind: ContactKind,
    at: datetime,
    present: Sequence[Participant],
    notes: str,
    next_steps: str = "",
    location: str = "",
    author: str | None = None,
) -> Contact:
    """Save a contact. Once saved it is never edited (an addendum adds to it).

    A conference or shuttle contact needs a completed risk assessment and the consent of every
    participant present as of that day; recording one moves the case on to the agreement stage.
    """
    ensure_open(case)
    kind = ContactKind(kind)
    if at.tzinfo is None:
        raise ValidationError("needs a time zone", field="at")
    if at > uow.now + _CLOCK_SKEW:
        raise ValidationError("is in the future", field="at")
    if at.astimezone(LONDON).date() < case.received_on:
        raise ValidationError("is before the referral was received", field="at")
    strangers = [p for p in present if p.case is not case]
    if strangers:
        raise RuleViolation(f"{rules.names(strangers)} is not part of {case.reference}")
    if not notes.strip():
        raise ValidationError("write what happened", field="notes")
    blockers = rules.intervention_blockers(case, kind, present, at.astimezone(LONDON).date())
    if blockers:
        raise RuleViolation(f"cannot record the {kind.replace('_', ' ')}: " + "; ".join(blockers))
    contact = Contact(
        kind=kind,
        at=at,
        location=location.strip(),
        notes=notes.strip(),
        next_steps=next_steps.strip(),
        author=(author or uow.actor.name).strip(),
        present=list(dict.fromkeys(present)),
        addenda=[],
    )
    case.contacts.append(contact)
    uow.audit(
        "record_contact",
        entity="contact",
        entity_id=contact.id,
        case_reference=case.reference,
        detail=f"kind: {kind}; {contents.content_detail(contents.contact_hash(contact))}",
    )
    if kind.is_intervention and case.stage.order < Stage.AGREEMENT.order:
        move_stage(uow, case, Stage.AGREEMENT, f"{kind.replace('_', ' ')} recorded")
    return contact


def add_addendum(uow: UnitOfWork, contact: Contact, text: str) -> ContactAddendum:
    """Add to a saved note; the original text, its author and time stay as they were."""
    if not text.strip():
        raise ValidationError("write the addendum", field="text")
    addendum = ContactAddendum(written_at=uow.now, author=uow.actor.name, text=text.strip())
    contact.addenda.append(addendum)
    digest = contents.content_detail(contents.addendum_hash(addendum))
    uow.audit(
        "add_addendum",
        entity="contact",
        entity_id=contact.id,
        case_reference=contact.case.reference,
        detail=f"addendum {addendum.id}; {digest}",
    )
    return addendum
