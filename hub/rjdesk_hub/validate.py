"""Which records of a device bundle the hub refuses, each with its reason
(docs/sync-protocol.md, "Refused records").

Every record is checked against the declared schema (``rjdesk_protocol.schema.check_record``), then
against the hub's state and the rest of the bundle: the records it refers to exist (at the hub
or earlier in the bundle, and not refused), are of the same case where the schema says so, its
case is the one the hub already has for the row, its attachments arrive with it or are at the
hub, and a case's reference is not another case's. A refused record is left out of the merge
and named in the receipt; the rest of the bundle is accepted. A record that refers to a refused
one is refused too, so what the hub keeps is always whole.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import select

from rjdesk_hub import models as m
from rjdesk_hub.store import HubStore
from rjdesk_protocol import schema
from rjdesk_protocol.bundle import Blob
from rjdesk_protocol.records import Record

log = logging.getLogger(__name__)


def case_of(record: Record) -> str | None:
    """The case a record says it belongs to (a case is its own; a person has none)."""
    if record.table == "case_file":
        return record.id
    if record.table == "person":
        return None
    own = record.fields.get("case_id")
    return record.case_id or (own if isinstance(own, str) else None)


class _Checker:
    def __init__(self, store: HubStore, blobs: Mapping[str, Blob], absent: frozenset[str]) -> None:
        self.store = store
        self.blobs = blobs
        self.absent = absent  # rows the hub has but does not deliver (set aside)
        # Records of this bundle accepted so far: row id -> (table, case).
        self.taken: dict[str, tuple[str, str | None]] = {}
        self.references: dict[str, str] = {}  # case reference -> case id, in this bundle

    def problem(self, record: Record) -> str | None:
        found = schema.check_record(record)
        if found is not None:
            return found
        where = f"{record.table} {schema.shown(record.id)}"
        existing = self.store.record(record.id)
        if existing is not None and existing.table_name != record.table:
            return f"{where} is a {existing.table_name} at the hub"
        case = case_of(record)
        if existing is not None and existing.case_id not in (None, case) and case is not None:
            shown = schema.shown(case)
            return f"{where} says it is of case {shown}, but the hub has it in another case"
        if record.op == "del":
            return None
        return self._blob_problem(record) or self._case_reference_problem(record)

    def _blob_problem(self, record: Record) -> str | None:
        for name, spec in schema.BY_NAME[record.table].fields.items():
            value = record.fields.get(name)
            if spec.kind == schema.BLOB and isinstance(value, dict):
                digest = value["$blob"]
                if digest not in self.blobs and not self.store.blob_size(digest):
                    where = f"{record.table} {schema.shown(record.id)}"
                    return f"{where}: {name} names an attachment it lacks"
        return None

    def reference_problem(self, record: Record) -> str | None:
        """A record it names is missing, of another table, or of another case."""
        if record.op == "del":
            return None
        case = case_of(record)
        for name, spec in schema.references(record.table).items():
            value = record.fields.get(name)
            targets = value if isinstance(value, list) else [value] if value else []
            for target in targets:
                problem = self._target_problem(spec, str(target), case)
                if problem:
                    return f"{record.table} {schema.shown(record.id)}: {name} {problem}"
        return None

    def _target_problem(self, spec: schema.Field, target: str, case: str | None) -> str | None:
        label = spec.refers_to.replace("_", " ")
        if target in self.taken:
            table, target_case = self.taken[target]
        else:
            at_hub = self.store.record(target)
            if at_hub is None or at_hub.deleted or target in self.absent:
                return f"names a {label} that neither the hub nor this bundle has"
            table, target_case = at_hub.table_name, at_hub.case_id
        if table != spec.refers_to:
            return f"names a {table.replace('_', ' ')}, not a {label}"
        if spec.same_case and target_case != case:
            return f"names a {label} of another case"
        return None

    def _case_reference_problem(self, record: Record) -> str | None:
        reference = record.fields.get("reference")
        if record.table != "case_file" or not isinstance(reference, str):
            return None
        other = self.references.get(reference)
        if other is None:
            query = select(m.Case.case_id).where(
                m.Case.reference == reference, m.Case.case_id != record.id
            )
            other = self.store.session.scalars(query).first()
        if other is not None and other != record.id:
            shown = schema.shown(reference)
            return f"case {schema.shown(record.id)} has reference {shown}, which another case has"
        self.references[reference] = record.id
        return None


def refusals(
    store: HubStore,
    records: Iterable[Record],
    blobs: Mapping[str, Blob],
    *,
    stored: bool = False,
    absent: frozenset[str] | None = None,
) -> dict[str, str]:
    """Row id -> the one-sentence reason the hub refuses that record. ``records`` in table
    order (as ``ingest.parse_changes`` gives them). ``stored``: they are the hub's own rows,
    checked again (``rjdesk-hub check``), so a refused one does not stand in for itself.
    ``absent``: rows to take as missing (default: those set aside)."""
    found = list(records)
    wanted = {record.id for record in found} | {t for r in found for _n, t in _named(r)}
    store.prefetch(wanted)
    checker = _Checker(store, blobs, store.set_aside_ids() if absent is None else absent)
    refused = {r.id: p for r in found if (p := checker.problem(r)) is not None}
    # Records may name records of their own table later in the bundle (a supporter's
    # participant), so references are checked against every put of the bundle not refused.
    checker.taken = {
        r.id: (r.table, case_of(r)) for r in found if r.op == "put" and r.id not in refused
    }
    for record in found:
        if record.id not in refused:
            problem = checker.reference_problem(record)
            if problem is not None:
                refused[record.id] = problem
    _refuse_dependents(None if stored else store, found, refused)
    return refused


def _named(record: Record) -> Iterable[tuple[str, str]]:
    """(field, id) for every record this one names."""
    for name in schema.references(record.table):
        value: Any = record.fields.get(name)
        for target in value if isinstance(value, list) else [value]:
            if isinstance(target, str):
                yield name, target


def _refuse_dependents(
    store: HubStore | None, found: list[Record], refused: dict[str, str]
) -> None:
    """A record naming a refused record of the bundle (one the hub does not have either) is
    refused too, and so on."""
    by_target: dict[str, list[tuple[str, Record]]] = {}
    for record in found:
        if record.op == "put":
            for name, target in _named(record):
                by_target.setdefault(target, []).append((name, record))
    waiting = list(refused)
    while waiting:
        target = waiting.pop()
        at_hub = store.record(target) if store is not None else None
        if at_hub is not None and not at_hub.deleted:
            continue  # the hub's own copy stands in for it
        for name, record in by_target.get(target, []):
            if record.id not in refused:
                refused[record.id] = (
                    f"{record.table} {schema.shown(record.id)}: {name} names a record "
                    "that is refused"
                )
                waiting.append(record.id)


def refusal_entry(record: Record, reason: str, reference: str | None) -> dict[str, Any]:
    """A refused record as the receipt lists it."""
    return {"id": record.id, "table": record.table, "case": reference, "reason": reason}


def split(
    store: HubStore, records: list[Record], blobs: Mapping[str, Blob]
) -> tuple[list[Record], list[dict[str, Any]]]:
    """The records to merge, and the refused ones as the receipt lists them (the shared
    contract: id, table, case reference or null, reason). Only a count is logged."""
    refused = refusals(store, records, blobs)
    if not refused:
        return records, []
    references = _references(store, records)
    entries = [
        refusal_entry(record, refused[record.id], references.get(case_of(record) or ""))
        for record in records
        if record.id in refused
    ]
    log.info("refused %d record(s) of a bundle", len(entries))
    return [record for record in records if record.id not in refused], entries


def _references(store: HubStore, records: list[Record]) -> dict[str, str]:
    """Case id -> reference for the cases of these records: the hub's, else the bundle's."""
    found: dict[str, str] = {}
    for record in records:
        reference = record.fields.get("reference")
        if record.table == "case_file" and isinstance(reference, str):
            found[record.id] = schema.shown(reference)
    cases = {case_of(record) for record in records} - {None}
    for start in range(0, len(cases), 500):
        chunk = sorted(c for c in cases if c is not None)[start : start + 500]
        query = select(m.Case.case_id, m.Case.reference).where(m.Case.case_id.in_(chunk))
        for case_id, reference in store.session.execute(query):
            if reference:
                found[case_id] = reference
    return found


def log_set_aside(device_id: str, items: object) -> None:
    """A laptop reports the hub's records it could not apply: the hub logs how many (never
    which, nor why: the reasons may quote case data)."""
    if isinstance(items, list) and items:
        log.warning(
            "device %s set aside %d record(s) it could not apply", device_id[:64], len(items)
        )
