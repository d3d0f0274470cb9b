"""Units of work over the vault: one short session, one transaction, its audit events with it.

The session hooks here keep three things in step with every write, inside the same
transaction, so that no crash can leave one without the other:

- the sync columns of every changed row (``updated_at``, ``changed_by_device``);
- the search index of every case whose text changed;
- the outbox: every changed synced row queued for the hub (``rjdesk.store.outbox``);
- nothing else: audit events are recorded explicitly by the service that knows what happened,
  and appended to the log when the transaction commits.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import Engine, event, select
from sqlalchemy.orm import Session, sessionmaker

from rjdesk.domain.base import Synced
from rjdesk.domain.models import (
    Agreement,
    AgreementAction,
    Case,
    Contact,
    ContactAddendum,
    Participant,
    Person,
)
from rjdesk.store import audit, outbox, search
from rjdesk.store.engine import IMMEDIATE
from rjdesk.store.prepared import Runs
from rjdesk_protocol.calendar import LONDON

Clock = Callable[[], datetime]

_REINDEX = "rjdesk_reindex"
_CONTEXT = "rjdesk_context"
_AUDIT = "rjdesk_audit_pending"
_FLUSHED = "rjdesk_flushed"

# An audit event not yet in the session: the keyword arguments of ``audit.append``.
PendingEvent = dict[str, Any]


@dataclass(frozen=True)
class Actor:
    """Who is working: the vault's facilitator on this device."""

    name: str
    device_id: str


def make_session_factory(engine: Engine, actor: Actor, clock: Clock) -> sessionmaker[Session]:
    # Each Session copies ``info`` into its own dict, so sessions never share pending state.
    factory = sessionmaker(
        bind=engine, expire_on_commit=False, autoflush=True, info={_CONTEXT: (actor, clock)}
    )
    event.listen(factory, "before_flush", _stamp_rows)
    event.listen(factory, "after_flush", _mark_flushed)
    event.listen(factory, "after_flush", _collect_cases_to_reindex)
    event.listen(factory, "after_flush", outbox.collect)
    event.listen(factory, "persistent_to_deleted", outbox.deleted)
    event.listen(factory, "before_commit", _write_audit_events)
    event.listen(factory, "before_commit", _reindex_and_queue)
    event.listen(factory, "after_rollback", outbox.discard)
    return factory


def _stamp_rows(session: Session, flush_context: Any, instances: Any) -> None:
    actor, clock = session.info[_CONTEXT]
    now = clock()
    for obj in session.new:
        if isinstance(obj, Synced):
            obj.changed_by_device = actor.device_id
            obj.created_at = obj.created_at or now
            obj.updated_at = now
    for obj in session.dirty:
        if isinstance(obj, Synced) and session.is_modified(obj, include_collections=False):
            obj.changed_by_device = actor.device_id
            obj.updated_at = now


def _mark_flushed(session: Session, flush_context: Any) -> None:
    session.info[_FLUSHED] = True


def only_reads(session: Session) -> bool:
    """Whether the session's transaction has changed nothing but (pending) audit events."""
    changed = session.new or session.dirty or session.deleted
    return not changed and not session.info.get(_FLUSHED)


def pending_audit(session: Session) -> list[PendingEvent]:
    """The audit events the session will append when it commits, oldest first."""
    pending: list[PendingEvent] = session.info.setdefault(_AUDIT, [])
    return pending


def _write_audit_events(session: Session) -> None:
    # Appended at commit, not when recorded: a unit of work that only reads then writes
    # nothing before its commit, so a full disk fails the commit alone, and the events can be
    # held (``Vault.unit_of_work``) instead of failing the reading.
    for pending in session.info.pop(_AUDIT, []):
        audit.append(session, **pending)


def _case_ids_of(session: Session, obj: object) -> set[str]:
    if isinstance(obj, Case):
        return {obj.id}
    if isinstance(obj, Participant | Contact | Agreement):
        return {obj.case_id} if obj.case_id else set()
    # Parents are usually in the session already; a deleted orphan has only its foreign key.
    if isinstance(obj, ContactAddendum):
        contact: Contact | None = obj.contact
        if contact is not None:
            return {contact.case_id}
        return set(session.scalars(select(Contact.case_id).where(Contact.id == obj.contact_id)))
    if isinstance(obj, AgreementAction):
        agreement: Agreement | None = obj.agreement
        if agreement is not None:
            return {agreement.case_id}
        query = select(Agreement.case_id).where(Agreement.id == obj.agreement_id)
        return set(session.scalars(query))
    if isinstance(obj, Person) and obj not in session.new:
        # A new person arrives with a new participant, which names the case already.
        query = select(Participant.case_id).where(Participant.person_id == obj.id)
        return set(session.scalars(query))
    return set()


def _collect_cases_to_reindex(session: Session, flush_context: Any) -> None:
    pending: set[str] = session.info.setdefault(_REINDEX, set())
    for obj in [*session.new, *session.dirty, *session.deleted]:
        pending |= _case_ids_of(session, obj)


def _reindex_and_queue(session: Session) -> None:
    session.flush()
    pending: set[str] = session.info.pop(_REINDEX, set())
    if pending:
        search.reindex_cases(session, pending)
    _actor, clock = session.info[_CONTEXT]
    outbox.write(session, clock())


@dataclass
class UnitOfWork:
    """What a service needs to do one piece of work: the session, who, and when."""

    session: Session
    actor: Actor
    clock: Clock
    audited: list[str] = field(default_factory=list)

    @property
    def now(self) -> datetime:
        return self.clock()

    @property
    def today(self) -> date:
        """Today in England: a referral made at 00:30 BST belongs to that calendar day."""
        return self.clock().astimezone(LONDON).date()

    def audit(
        self,
        action: str,
        *,
        entity: str = "",
        entity_id: str = "",
        case_reference: str = "",
        outcome: str = "ok",
        detail: str = "",
    ) -> None:
        """Record what was done; ``detail`` carries identifiers or field names, never content.
        The event is appended to the log when the unit of work commits."""
        event = pending_event(
            self.actor, self.now, action, entity=entity, entity_id=entity_id,
            case_reference=case_reference, outcome=outcome, detail=detail,
        )  # fmt: skip
        pending_audit(self.session).append(event)
        self.audited.append(action)


@dataclass
class Reading:
    """A transaction that only reads, with prepared statements (``Vault.reading``): no session
    and no objects, for the window's most frequent reading, opening a case."""

    conn: Runs
    actor: Actor
    clock: Clock
    events: list[PendingEvent] = field(default_factory=list)

    def audit(
        self, action: str, *, entity: str = "", entity_id: str = "", case_reference: str = ""
    ) -> None:
        """Record what was read; appended to the log when the reading ends."""
        event = pending_event(
            self.actor, self.clock(), action, entity=entity, entity_id=entity_id,
            case_reference=case_reference,
        )  # fmt: skip
        self.events.append(event)


def pending_event(
    actor: Actor,
    at: datetime,
    action: str,
    *,
    entity: str = "",
    entity_id: str = "",
    case_reference: str = "",
    outcome: str = "ok",
    detail: str = "",
) -> PendingEvent:
    """An audit event to append: the keyword arguments of ``audit.append``."""
    if not entity_id and entity:
        raise ValueError("an audit event about an entity must name it")
    return {
        "at": at,
        "actor": actor.name,
        "device_id": actor.device_id,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "case_reference": case_reference,
        "outcome": outcome,
        "detail": detail,
    }


def writer_bind(engine: Engine) -> Engine:
    """The same engine, beginning its transactions IMMEDIATE (it will write)."""
    return engine.execution_options(**{IMMEDIATE: True})
