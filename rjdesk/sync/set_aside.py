"""Records from the hub this laptop could not apply, set aside (docs/sync-protocol.md, "Set
aside on the laptop").

A hub bundle's record that fails the record schema, or that the case file refuses when it is
written (it refers to a record this laptop does not have, or clashes with one it has), never
blocks the rest of the update: it is kept in the vault with its reason, shown on the Sync page
and by ``rjdesk sync``, and reported to the hub (its id, table and reason) in the next bundle.
A later version of the row that applies takes it off the list.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from rjdesk.domain.models import Case
from rjdesk.domain.sync_models import SetAsideRecord
from rjdesk.sync.records import Record

_CHUNK = 500


@dataclass(frozen=True)
class SetAside:
    """A set-aside record as the Sync page and ``rjdesk sync`` list it."""

    row_id: str
    table: str
    case_reference: str
    reason: str
    set_aside_at: datetime

    def line(self) -> str:
        """One line for a person: which record, of which case, and why."""
        of_case = f" of case {self.case_reference}" if self.case_reference else ""
        what = self.table.replace("_", " ")
        return f"A {what}{of_case} from the hub was set aside: {self.reason}"


def reason_of(error: IntegrityError) -> str:
    """The case file's refusal of a record, as the end of a sentence (no values: only the
    kind of constraint, which names columns at most)."""
    text = str(error.orig)
    if "FOREIGN KEY" in text:
        return "it refers to a record this laptop does not have"
    if "UNIQUE" in text:
        columns = text.rsplit(":", maxsplit=1)[-1].strip()
        return f"it clashes with a record this laptop has ({columns})"
    return "the case file refused it"


def keep(
    session: Session, items: Sequence[tuple[Record, str]], hub_sequence: int, now: datetime
) -> None:
    # A row set aside once and sent again: the newest version and reason replace the old.
    """Keep these records with their reasons (a row set aside before is replaced)."""
    for record, reason in items:
        known = session.get(SetAsideRecord, record.id[:36])
        entry = known or SetAsideRecord(row_id=record.id[:36])
        entry.table_name = record.table[:40]
        entry.case_id = record.case_id[:36] if isinstance(record.case_id, str) else None
        entry.case_reference = _reference(session, entry.case_id)
        entry.reason = reason[:1000]
        entry.record = record.to_json()
        entry.hub_sequence = hub_sequence
        entry.set_aside_at = now
        entry.reported_in = None
        if known is None:
            session.add(entry)


def applied(session: Session, row_ids: Iterable[str]) -> None:
    """These rows were applied from a later update: they are no longer set aside."""
    ids = list(row_ids)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        session.execute(delete(SetAsideRecord).where(SetAsideRecord.row_id.in_(chunk)))


def listed(session: Session) -> list[SetAside]:
    """Every set-aside record, newest first."""
    query = select(SetAsideRecord).order_by(
        SetAsideRecord.set_aside_at.desc(), SetAsideRecord.row_id
    )
    return [
        SetAside(s.row_id, s.table_name, s.case_reference, s.reason, s.set_aside_at)
        for s in session.scalars(query)
    ]


def to_report(session: Session, bundle_id: str) -> list[dict[str, str]]:
    """The set-aside records not yet reported to the hub, as the bundle's changes document
    carries them (``set_aside``), now marked as reported in ``bundle_id``."""
    query = select(SetAsideRecord).where(SetAsideRecord.reported_in.is_(None))
    found = list(session.scalars(query.order_by(SetAsideRecord.row_id)))
    if found:
        session.execute(
            update(SetAsideRecord)
            .where(SetAsideRecord.row_id.in_([s.row_id for s in found]))
            .values(reported_in=bundle_id)
            .execution_options(synchronize_session=False)
        )
    return [{"id": s.row_id, "table": s.table_name, "reason": s.reason} for s in found]


def unreported(session: Session) -> int:
    query = select(SetAsideRecord.row_id).where(SetAsideRecord.reported_in.is_(None))
    return len(session.scalars(query).all())


def _reference(session: Session, case_id: str | None) -> str:
    if case_id is None:
        return ""
    reference = session.scalar(select(Case.reference).where(Case.id == case_id))
    return str(reference or "")[:32]
