"""The laptop's side of the hub's authority over cases (docs/sync-protocol.md, "Who may write a
case"): changes the hub refused, and cases the hub took from this laptop's facilitator.

A refused change is kept (``sync_refused``) to be shown, and is not sent again: the receipt
that names it confirms its bundle like any other. A case the hub withdrew is noted
(``sync_withdrawn``) and taken off the laptop, with all its rows and its search entry, once
none of its changes waits to be sent or receipted; nothing is queued for the hub by that.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, exists, or_, select
from sqlalchemy.orm import Session

from rjdesk.domain.models import Case, Participant, Person
from rjdesk.domain.sync_models import (
    OutboxChange,
    SyncConflict,
    SyncRefused,
    SyncRow,
    SyncWithdrawn,
)
from rjdesk.store import search, work_tally
from rjdesk.store.outbox import APPLYING_HUB_RECORDS
from rjdesk.store.unit import UnitOfWork
from rjdesk.sync import records
from rjdesk_protocol.errors import InvalidBundle

_LABELS = {
    "case_file": "case details",
    "contact": "note",
    "contact_addendum": "addendum",
    "stage_change": "stage change",
    "risk_assessment": "risk assessment",
    "safeguarding_concern": "safeguarding concern",
    "agreement_action": "agreement action",
}


@dataclass(frozen=True)
class Refusal:
    """A change the hub refused, as a person would name it."""

    table: str
    case_reference: str
    reason: str

    def text(self) -> str:
        label = _LABELS.get(self.table, self.table.replace("_", " "))
        reason = self.reason
        if self.case_reference:
            reason = reason.replace(f"case {self.case_reference}", "this case")
            return f"{label} in {self.case_reference} — {reason}"
        return f"{label} — {reason}"


def note_refused(uow: UnitOfWork, bundle_id: str, receipt: dict[str, Any]) -> list[Refusal]:
    """Keep the changes a verified receipt refused; they are not sent again."""
    found: list[Refusal] = []
    for item in receipt.get("refused", []):
        refusal = Refusal(str(item["table"])[:40], str(item["case"] or "")[:32], item["reason"])
        uow.session.add(
            SyncRefused(
                bundle_id=bundle_id,
                table_name=refusal.table,
                row_id=str(item["id"])[:36],
                case_reference=refusal.case_reference,
                reason=str(refusal.reason)[:1000],
                refused_at=uow.now,
            )
        )
        found.append(refusal)
    if found:
        uow.audit(
            "sync_refused",
            entity="bundle",
            entity_id=bundle_id,
            outcome="refused",
            detail=f"{len(found)} change(s) refused by the hub",
        )
    return found


def refused_changes(session: Session) -> list[Refusal]:
    """Every change the hub refused, newest first."""
    query = select(SyncRefused).order_by(SyncRefused.id.desc())
    return [Refusal(r.table_name, r.case_reference, r.reason) for r in session.scalars(query)]


def note_withdrawn(session: Session, changes: dict[str, Any], now: Any) -> None:
    """Take a hub bundle's ``withdrawn`` case ids (absent: none); a case delivered whole again
    (assigned back) is no longer to be taken off."""
    withdrawn = changes.get("withdrawn", [])
    if not isinstance(withdrawn, list) or not all(isinstance(c, str) for c in withdrawn):
        raise InvalidBundle("its withdrawn cases are malformed")
    for case_id in withdrawn:
        if session.get(SyncWithdrawn, case_id) is None:
            session.add(SyncWithdrawn(case_id=case_id[:36], received_at=now))
    delivered = [c.get("id") for c in changes.get("cases", []) if isinstance(c, dict)]
    if delivered:
        session.flush()
        session.execute(delete(SyncWithdrawn).where(SyncWithdrawn.case_id.in_(delivered)))


def _waiting(session: Session, case_id: str, row_ids: Iterable[str]) -> bool:
    """Whether a change of the case waits to be sent or receipted."""
    ids = list(row_ids)
    query = select(OutboxChange.id).where(
        or_(OutboxChange.case_id == case_id, OutboxChange.row_id.in_(ids))
    )
    return session.scalars(query.limit(1)).first() is not None


def take_off_withdrawn(uow: UnitOfWork) -> list[str]:
    """Remove every withdrawn case that no pending change holds back; their references."""
    session = uow.session
    taken: list[str] = []
    for case_id in list(
        session.scalars(select(SyncWithdrawn.case_id).order_by(SyncWithdrawn.case_id))
    ):
        rows = records.case_rows(session, [case_id])
        all_rows = [row_id for ids in rows.values() for row_id in ids]
        if _waiting(session, case_id, all_rows):
            continue
        case = session.get(Case, case_id)
        reference = case.reference if case is not None else ""
        # What the case counted on "My work" stays, as counts with nothing to say whose.
        work_tally.tally_leaving(session, case_id, uow.today)
        _remove(session, case_id, rows, all_rows)
        session.execute(delete(SyncWithdrawn).where(SyncWithdrawn.case_id == case_id))
        if case is not None:
            taken.append(reference)
            uow.audit(
                "case_withdrawn",
                entity="case",
                entity_id=case_id,
                case_reference=reference,
                detail="taken off this laptop: the hub no longer assigns it here",
            )
    return taken


def _remove(
    session: Session, case_id: str, rows: dict[str, list[str]], all_rows: list[str]
) -> None:
    session.info[APPLYING_HUB_RECORDS] = True
    try:
        session.flush()
        # The case's rows go with it (ON DELETE CASCADE; the immutability triggers allow it once
        # the case is gone). Its people go too, unless another case here has them.
        session.execute(delete(Case).where(Case.id == case_id))
        people = rows.get("person", [])
        kept: set[str] = set()
        if people:
            in_another = exists().where(Participant.person_id == Person.id)
            session.execute(delete(Person).where(Person.id.in_(people), ~in_another))
            kept = set(session.scalars(select(Person.id).where(Person.id.in_(people))))
        all_rows = [row_id for row_id in all_rows if row_id not in kept]
        for start in range(0, len(all_rows), 500):
            chunk = all_rows[start : start + 500]
            session.execute(delete(SyncRow).where(SyncRow.row_id.in_(chunk)))
        session.execute(delete(SyncConflict).where(SyncConflict.case_id == case_id))
        search.reindex_cases(session, [case_id])
    finally:
        session.info.pop(APPLYING_HUB_RECORDS, None)
