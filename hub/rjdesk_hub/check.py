"""``rjdesk-hub check``: every stored record against the current record schema (docs/hub.md,
"Checking stored records").

Records stored before the hub checked them (or under an older schema) are checked again, case
by case, with the same checks a bundle's records get (``validate.refusals``). A record that
fails is set aside for the coordinator: it is kept, but no longer delivered to laptops nor
looked at by the rules, and listed with its reason. A record set aside before that now passes
is taken off the list. Reasons name fields and ids, never their values.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import delete, select

from rjdesk_hub import models as m
from rjdesk_hub.store import HubStore
from rjdesk_hub.validate import refusals
from rjdesk_protocol.records import TABLE_ORDER, Record

_CHUNK = 500


@dataclass(frozen=True)
class SetAsideInfo:
    row_id: str
    table: str
    case_reference: str
    reason: str


@dataclass(frozen=True)
class CheckResult:
    checked: int
    set_aside: list[SetAsideInfo]


def check_stored(store: HubStore) -> CheckResult:
    """Check every live record; replace the set-aside list with what fails now."""
    session = store.session
    failing: dict[str, tuple[Record, str]] = {}
    checked = 0
    for batch in _batches(store):
        checked += len(batch)
        # A record naming one set aside (in this case or an earlier one) is set aside too.
        found = refusals(store, batch, {}, stored=True, absent=frozenset(failing))
        failing.update({r.id: (r, found[r.id]) for r in batch if r.id in found})
    session.execute(delete(m.SetAside))
    for row_id, (record, reason) in failing.items():
        session.add(
            m.SetAside(
                row_id=row_id,
                table_name=record.table,
                case_id=record.case_id,
                reason=reason,
                set_aside_at=store.tx.now,
            )
        )
    references = dict(session.execute(select(m.Case.case_id, m.Case.reference)).all())
    listed = [
        SetAsideInfo(row_id, record.table, references.get(record.case_id or "", ""), reason)
        for row_id, (record, reason) in sorted(failing.items())
    ]
    return CheckResult(checked, listed)


def _batches(store: HubStore) -> Iterator[list[Record]]:
    """The live records as a bundle would carry them, a case (with its people) at a time, then
    the people of no case; each in table order."""
    session = store.session
    cases = list(session.scalars(select(m.Case.case_id).order_by(m.Case.case_id)))
    seen: set[str] = set()
    for case_id in cases:
        rows = store.case_records([case_id], include_set_aside=True)
        batch = [_as_record(store, row) for row in rows if row.row_id not in seen]
        seen |= {row.row_id for row in rows}
        yield _ordered(batch)
    query = select(m.Record).where(m.Record.case_id.is_(None), m.Record.deleted.is_(False))
    rest = [row for row in session.scalars(query) if row.row_id not in seen]
    for start in range(0, len(rest), _CHUNK):
        yield _ordered([_as_record(store, row) for row in rest[start : start + _CHUNK]])


def _as_record(store: HubStore, row: m.Record) -> Record:
    fields = store.fields_of(row)
    return Record(row.table_name, row.row_id, "put", row.hub_version, row.case_id, fields)


def _ordered(batch: list[Record]) -> list[Record]:
    return sorted(batch, key=lambda r: TABLE_ORDER.get(r.table, 99))
