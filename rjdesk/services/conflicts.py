"""Conflicts the hub found, as the facilitator sees and settles them (DESIGN §7).

Two facilitators changed the same thing offline, one deleted what the other changed, or the
merged case breaks a rule of the RJ process. The hub keeps its value and reports both; here a
facilitator chooses. The choice is an ordinary change of the row (queued like any other) plus a
resolution that goes with the next bundle; the hub closes the conflict and every laptop on the
case gets the result. Nothing is overwritten without a person choosing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from rjdesk.domain.base import Base
from rjdesk.domain.sync_models import SyncConflict
from rjdesk.store.unit import UnitOfWork
from rjdesk.sync import records
from rjdesk_protocol.errors import NotFound, RuleViolation, ValidationError

# What each kind of conflict can be settled with.
CHOICES = {
    "field": ("hub", "incoming"),
    "delete": ("keep", "delete"),
    "rule": ("acknowledged",),
}


@dataclass(frozen=True)
class FieldValues:
    name: str
    at_hub: Any
    incoming: Any


@dataclass(frozen=True)
class ConflictView:
    id: str
    case_id: str | None
    case_reference: str
    kind: str
    table_name: str
    row_id: str
    from_name: str
    message: str
    fields: tuple[FieldValues, ...]
    status: str
    raised_at: datetime | None = None  # when the hub raised it (UTC)


def _view(conflict: SyncConflict) -> ConflictView:
    detail = conflict.detail or {}
    raw_fields = detail.get("fields")
    fields: dict[str, Any] = raw_fields if isinstance(raw_fields, dict) else {}
    return ConflictView(
        id=conflict.id,
        case_id=conflict.case_id,
        case_reference=conflict.case_reference,
        kind=conflict.kind,
        table_name=conflict.table_name,
        row_id=conflict.row_id,
        from_name=conflict.from_name,
        message=str(detail.get("message", "")),
        fields=tuple(
            FieldValues(name, values.get("hub"), values.get("incoming"))
            for name, values in sorted(fields.items())
            if isinstance(values, dict)
        ),
        status=conflict.status,
        raised_at=conflict.raised_at,
    )


def open_conflicts(session: Session) -> list[ConflictView]:
    """Conflicts waiting for a choice here, oldest first."""
    query = select(SyncConflict).where(SyncConflict.status == "open")
    return [_view(c) for c in session.scalars(query.order_by(SyncConflict.raised_at))]


def _model(table_name: str) -> type[Any]:
    for mapper in Base.registry.mappers:
        if getattr(mapper.local_table, "name", None) == table_name:
            return mapper.class_
    raise NotFound(f"this rjdesk does not know records of {table_name}")


def choose(uow: UnitOfWork, conflict_id: str, choice: str, note: str = "") -> None:
    """Settle a conflict here: for a field conflict, which value stands ("hub" keeps the value
    the hub kept, "incoming" takes the other laptop's); for a deletion, "keep" or "delete";
    for a broken rule, "acknowledged" once it has been dealt with."""
    session = uow.session
    conflict = session.get(SyncConflict, conflict_id)
    if conflict is None:
        raise NotFound("that conflict is not on this laptop")
    if conflict.status != "open":
        raise RuleViolation("that conflict has been settled already")
    allowed = CHOICES.get(conflict.kind, ())
    if choice not in allowed:
        raise ValidationError(f"must be one of: {', '.join(allowed)}", field="choice")
    view = _view(conflict)
    if conflict.kind == "field":
        row = _row(session, conflict)
        if row is not None:
            columns = {c.name: c for c in records.field_columns(conflict.table_name)}
            for value in view.fields:
                if value.name in columns:
                    chosen = value.incoming if choice == "incoming" else value.at_hub
                    setattr(row, value.name, records.decode_value(columns[value.name], chosen, {}))
    elif conflict.kind == "delete" and choice == "delete":
        row = _row(session, conflict)
        if row is not None:
            session.delete(row)
    conflict.status, conflict.chosen_at = "chosen", uow.now
    conflict.choice = {"outcome": choice, "note": note.strip()[:1000]}
    uow.audit(
        "resolve_conflict",
        entity="conflict",
        entity_id=conflict.id,
        case_reference=conflict.case_reference,
        detail=f"{conflict.kind}: {choice}",
    )


def _row(session: Session, conflict: SyncConflict) -> Any:
    model = _model(conflict.table_name)
    if conflict.table_name == "stage_change":
        return session.scalars(select(model).where(model.uid == conflict.row_id)).first()
    return session.get(model, conflict.row_id)
