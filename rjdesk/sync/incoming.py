"""What arrives from the hub: a hub bundle applied to the vault in one transaction
(docs/sync-protocol.md, "Hub → laptop").

The records are written as they are at the hub, without being queued back to it, except rows
this laptop has changed and the hub has not confirmed yet: those keep the laptop's version,
and the hub merges when it receives them. Conflicts the hub reports are kept for a person to
decide. Each record is checked against the record schema and written in its own savepoint; one
that fails either (it refers to a record this laptop does not have, say) is tried again after
the rest, then set aside with its reason (rjdesk.sync.set_aside): it never blocks the others.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from rjdesk.domain.base import Base
from rjdesk.domain.models import Case
from rjdesk.domain.sync_models import OutboxBundle, OutboxChange, SyncConflict, SyncRow
from rjdesk.store import search
from rjdesk.store.outbox import APPLYING_HUB_RECORDS
from rjdesk.store.references import next_reference
from rjdesk.store.unit import UnitOfWork
from rjdesk.sync import authority, outgoing, records, set_aside
from rjdesk.sync.records import Record
from rjdesk_protocol import schema
from rjdesk_protocol.bundle import Blob, OpenedBundle
from rjdesk_protocol.errors import InvalidBundle, SyncError

HUB_DEVICE = "hub"


@dataclass
class Applied:
    """What one hub bundle did to this laptop."""

    records: int = 0
    kept_local: int = 0
    cases: set[str] = field(default_factory=set)
    new_conflicts: int = 0
    resolved_conflicts: int = 0
    refused_rows: list[str] = field(default_factory=list)
    # Records it could not apply, kept aside with their reason (rjdesk.sync.set_aside).
    set_aside: int = 0
    applied_ids: list[str] = field(default_factory=list)
    # Cases of this laptop given a new reference, the hub's case having it: (old, new).
    renumbered: list[tuple[str, str]] = field(default_factory=list)


def apply_hub_bundle(uow: UnitOfWork, opened: OpenedBundle) -> Applied:
    """Write what the hub sent. The caller has checked the bundle's signature and recipient."""
    session = uow.session
    if not schema.hub_protocol_known(opened.manifest.schema_version):
        raise SyncError("the hub runs a newer rjdesk: update this laptop")
    try:
        data = json.loads(opened.changes)
    except ValueError:
        raise InvalidBundle("its changes are not valid JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("records", []), list):
        raise InvalidBundle("its changes are malformed")
    incoming = [Record.from_json(item) for item in data.get("records", [])]
    incoming.sort(key=lambda r: records.TABLE_ORDER[r.table])
    result = Applied()
    _renumber_clashes(uow, incoming, result)
    session.info[APPLYING_HUB_RECORDS] = True
    try:
        session.flush()
        unconfirmed = _unconfirmed_rows(session, [r.id for r in incoming])
        signed_later: list[tuple[str, dict[str, Any]]] = []
        aside: list[tuple[Record, str]] = []
        retry: list[tuple[Record, str]] = []
        for record in incoming:
            if record.id in unconfirmed:
                result.kept_local += 1
                continue
            problem = schema.check_record(record)
            if problem is not None:
                aside.append((record, problem))
                continue
            failure = _try_apply(session, record, opened.blobs, result, signed_later)
            if failure is not None:
                retry.append((record, failure))
        aside += _retry(session, retry, opened.blobs, result, signed_later)
        _sign(session, signed_later, result)
        _take_conflicts(session, data.get("conflicts", []), result)
        authority.note_withdrawn(session, data, uow.now)
        set_aside.applied(session, result.applied_ids)
        set_aside.keep(session, aside, opened.manifest.sequence, uow.now)
        result.set_aside = len(aside)
        if result.cases:
            search.reindex_cases(session, result.cases)
    finally:
        session.info.pop(APPLYING_HUB_RECORDS, None)
    uow.audit(
        "sync_received",
        entity="bundle",
        entity_id=opened.manifest.bundle_id,
        detail=f"hub #{opened.manifest.sequence}: {result.records} records, "
        f"{len(result.cases)} cases, {result.kept_local} kept local, "
        f"{result.new_conflicts} new conflicts, {result.set_aside} set aside",
    )
    return result


def _try_apply(
    session: Session,
    record: Record,
    blobs: Mapping[str, Blob],
    result: Applied,
    signed_later: list[tuple[str, dict[str, Any]]],
) -> str | None:
    """Write one record in a savepoint; the reason it could not be written, or None."""
    held = len(signed_later)
    to_write = record
    if record.table == "agreement" and record.op == "put":
        to_write = _as_draft_for_now(session, record, signed_later)
    try:
        with session.begin_nested():
            changed = _apply(session, to_write, blobs, result)
    except IntegrityError as exc:
        del signed_later[held:]
        return set_aside.reason_of(exc)
    except InvalidBundle as exc:
        del signed_later[held:]
        return str(exc)
    if changed:
        result.records += 1
        if record.case_id:
            result.cases.add(record.case_id)
    result.applied_ids.append(record.id)
    _remember_version(session, record)
    return None


def _retry(
    session: Session,
    failed: list[tuple[Record, str]],
    blobs: Mapping[str, Blob],
    result: Applied,
    signed_later: list[tuple[str, dict[str, Any]]],
) -> list[tuple[Record, str]]:
    """Records that failed may name records later in the update (a supporter's participant, a
    person deleted once its participants are): try them again while any goes in. What is left
    is set aside."""
    while failed:
        still = [
            (record, failure)
            for record, _reason in failed
            if (failure := _try_apply(session, record, blobs, result, signed_later)) is not None
        ]
        if len(still) == len(failed):
            break
        failed = still
    return failed


def _renumber_clashes(uow: UnitOfWork, incoming: list[Record], result: Applied) -> None:
    """A case of the hub's with a reference one of this laptop's other cases has: the laptop
    numbered that case from an older copy of its vault (restored from a backup), so the
    laptop's case takes a new reference, as a change of its own that goes to the hub."""
    session = uow.session
    for record in incoming:
        reference = record.fields.get("reference") if record.table == "case_file" else None
        if record.op != "put" or not isinstance(reference, str):
            continue
        mine = session.scalars(
            select(Case).where(Case.reference == reference, Case.id != record.id)
        ).first()
        if mine is None:
            continue
        mine.reference = next_reference(session, uow.today.year)
        session.flush()
        # The hub refuses a second case of a reference it has: under its new one, all of it
        # goes again.
        outgoing.queue_case_again(uow, mine.id)
        result.renumbered.append((reference, mine.reference))
        uow.audit(
            "case_renumbered",
            entity="case",
            entity_id=mine.id,
            case_reference=mine.reference,
            detail=f"was {reference}, which the hub's case {record.id} has",
        )


def _unconfirmed_rows(session: Session, row_ids: list[str]) -> set[str]:
    """Rows changed here that the hub has not confirmed: queued, or in a pending bundle."""
    found: set[str] = set()
    pending = select(OutboxBundle.bundle_id).where(OutboxBundle.state == "pending")
    for start in range(0, len(row_ids), 500):
        chunk = row_ids[start : start + 500]
        query = select(OutboxChange.row_id).where(
            OutboxChange.row_id.in_(chunk),
            (OutboxChange.bundle_id.is_(None)) | (OutboxChange.bundle_id.in_(pending)),
        )
        found |= set(session.scalars(query))
    return found


def _apply(session: Session, record: Record, blobs: Mapping[str, Blob], result: Applied) -> bool:
    """Write one record; True when the vault changed."""
    source = records.table(record.table)
    key = source.c[records.id_column(record.table)]
    if record.op == "del":
        exists = session.scalar(select(key).where(key == record.id)) is not None
        session.execute(delete(source).where(key == record.id))
        return exists
    values = records.decode_fields(record, blobs)
    current = session.execute(select(source).where(key == record.id)).mappings().first()
    if current is None:
        row = {**values, key.name: record.id}
        if "row_version" in source.c:  # a synced model's own columns (stage changes have none)
            row |= {"row_version": 1, "changed_by_device": HUB_DEVICE}
        session.execute(insert(source).values(row))
        _set_present(session, record)
        return True
    if record.table in records.APPEND_ONLY:
        return False  # contemporaneous records never change once written
    changed = {name: value for name, value in values.items() if current[name] != value}
    if not changed:
        return False
    statement = (
        update(source)
        .where(key == record.id)
        .values(
            **changed,
            row_version=source.c.row_version + 1,
            changed_by_device=HUB_DEVICE,
        )
    )
    try:
        # A guard in the database (a signed agreement is frozen, ...) may refuse the change:
        # keep this laptop's row and say so, rather than lose the whole update.
        with session.begin_nested():
            session.execute(statement)
    except IntegrityError:
        result.refused_rows.append(record.id)
        return False
    return True


def _as_draft_for_now(
    session: Session, record: Record, signed_later: list[tuple[str, dict[str, Any]]]
) -> Record:
    """The database refuses actions and signatures added to a signed agreement, so an agreement
    signed elsewhere is written as it stands here (a draft, when new) and signed once its
    actions and signatures are in (``_sign``)."""
    status = record.fields.get("status")
    if status in (None, "draft"):
        return record
    agreement = records.table("agreement")
    local = session.execute(
        select(agreement.c.status, agreement.c.signed_at).where(agreement.c.id == record.id)
    ).first()
    final = {name: record.fields.get(name) for name in ("status", "signed_at")}
    signed_later.append((record.id, final))
    held = {
        "status": local.status if local else "draft",
        "signed_at": records.encode_value(agreement.c.signed_at, local.signed_at, {})
        if local
        else None,
    }
    return Record(
        record.table, record.id, record.op, record.version, record.case_id,
        {**record.fields, **held},
    )  # fmt: skip


def _sign(
    session: Session, signed_later: list[tuple[str, dict[str, Any]]], result: Applied
) -> None:
    agreement = records.table("agreement")
    columns = {"status": agreement.c.status, "signed_at": agreement.c.signed_at}
    for agreement_id, final in signed_later:
        values = {name: records.decode_value(columns[name], final[name], {}) for name in final}
        current = session.execute(
            select(agreement.c.status, agreement.c.signed_at).where(agreement.c.id == agreement_id)
        ).first()
        if current is None or (current.status, current.signed_at) == (
            values["status"],
            values["signed_at"],
        ):
            continue
        statement = update(agreement).where(agreement.c.id == agreement_id).values(**values)
        try:
            with session.begin_nested():
                session.execute(statement)
        except IntegrityError:  # e.g. superseded here already: keep what the vault has
            result.refused_rows.append(agreement_id)


def _set_present(session: Session, record: Record) -> None:
    present = records.present_of(record)
    if record.table != "contact" or not present:
        return
    link: Table = Base.metadata.tables["contact_present"]
    session.execute(insert(link), [{"contact_id": record.id, "participant_id": p} for p in present])


def _remember_version(session: Session, record: Record) -> None:
    """The hub version of this row: the base of this laptop's next change to it."""
    if record.op == "del":
        session.execute(delete(SyncRow).where(SyncRow.row_id == record.id))
        return
    known = session.get(SyncRow, record.id)
    if known is None:
        session.add(SyncRow(row_id=record.id, table_name=record.table, hub_version=record.version))
    else:
        known.hub_version = record.version


def _take_conflicts(session: Session, conflicts: Any, result: Applied) -> None:
    if not isinstance(conflicts, list):
        raise InvalidBundle("its conflicts are malformed")
    for item in conflicts:
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            raise InvalidBundle("a conflict in it is malformed")
        known = session.get(SyncConflict, item["id"])
        resolved = item.get("status") == "resolved"
        if known is not None:
            if resolved and known.status != "resolved":
                known.status = "resolved"
                result.resolved_conflicts += 1
            continue
        session.add(
            SyncConflict(
                id=item["id"],
                case_id=item.get("case"),
                case_reference=str(item.get("reference", ""))[:32],
                kind=str(item.get("kind", "field"))[:10],
                table_name=str(item.get("table", ""))[:40],
                row_id=str(item.get("row", ""))[:36],
                detail=item.get("detail") if isinstance(item.get("detail"), dict) else {},
                from_device=str(item.get("from_device", ""))[:36],
                from_name=str(item.get("from_name", ""))[:200],
                raised_at=_when(item.get("raised_at")),
                status="resolved" if resolved else "open",
            )
        )
        if not resolved:
            result.new_conflicts += 1


def _when(value: object) -> datetime:
    try:
        parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return datetime.now(UTC)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
