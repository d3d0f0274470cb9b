"""What leaves the laptop: bundles built from the outbox, and what the hub's answers do to them
(docs/sync-protocol.md, "The laptop's outbox").

A bundle is built inside a unit of work: its changes are read as the rows are now, sealed, and
the sealed bytes are stored with the changes linked to them, all in one transaction. Sending
then always sends those bytes, so a retry after any failure is the same bundle. A bundle is
marked sent only with a verified receipt, in the transaction that records the hub versions the
receipt gives.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from rjdesk.domain.base import new_id
from rjdesk.domain.models import Case, VaultInfo
from rjdesk.domain.sync_models import (
    OutboxBundle,
    OutboxChange,
    SyncConflict,
    SyncRefused,
    SyncRow,
    SyncState,
)
from rjdesk.store.unit import UnitOfWork
from rjdesk.sync import anchor, records, set_aside
from rjdesk.sync.records import Record
from rjdesk_protocol import schema
from rjdesk_protocol.address import check_hub_url
from rjdesk_protocol.bundle import seal
from rjdesk_protocol.errors import NotEnrolled, SyncError
from rjdesk_protocol.keys import AgeIdentity, PublicKey, SigningKey

# One bundle carries at most this many changed rows; a larger outbox goes in several bundles,
# one after the other, so no single upload grows without bound.
MAX_CHANGES_PER_BUNDLE = 20_000
# Where a conflict's choice notes the bundle carrying it (kept out of what is sent).
BUNDLE_KEY = "_bundle"


@dataclass(frozen=True)
class HubLink:
    """The hub this laptop is enrolled with, from its imported configuration."""

    url: str
    name: str
    hub_key_id: str
    hub_key: PublicKey
    hub_age_recipient: str
    device_id: str
    facilitator_id: str

    @classmethod
    def from_config(cls, config: dict[str, Any]) -> HubLink:
        return cls(
            url=check_hub_url(str(config["hub_url"])),
            name=str(config.get("hub_name", "")),
            hub_key_id=str(config["hub_key_id"]),
            hub_key=PublicKey.from_minisign(str(config["hub_signing_key"])),
            hub_age_recipient=str(config["hub_age_recipient"]),
            device_id=str(config["device_id"]),
            facilitator_id=str(config.get("facilitator_id", "")),
        )


def sync_state(session: Session) -> SyncState:
    state = session.get(SyncState, 1)
    if state is None:  # the migration makes it; a damaged vault may not have it
        raise SyncError("this vault has no sync settings; restore it from a backup")
    return state


def hub_link(session: Session) -> HubLink:
    """The hub this laptop syncs with, or NotEnrolled."""
    config = sync_state(session).hub_config
    if not config:
        raise NotEnrolled(
            "this laptop is not enrolled with a hub yet: ask your hub coordinator to enrol it "
            "(Sync page, or rjdesk enroll-request)"
        )
    return HubLink.from_config(config)


def signing_key(session: Session) -> SigningKey:
    info = session.scalars(select(VaultInfo)).one()
    return SigningKey.from_raw(info.signing_key)


def age_identity(session: Session) -> AgeIdentity:
    """This laptop's age identity, made the first time it is needed."""
    state = sync_state(session)
    if not state.age_identity:
        state.age_identity = AgeIdentity.generate().text()
    return AgeIdentity.from_text(state.age_identity)


def pending_bundles(session: Session) -> list[OutboxBundle]:
    """Bundles sealed and not yet confirmed by the hub, oldest first."""
    query = select(OutboxBundle).where(OutboxBundle.state == "pending")
    return list(session.scalars(query.order_by(OutboxBundle.sequence)))


def pending_change_count(session: Session) -> int:
    query = select(func.count()).select_from(OutboxChange).where(OutboxChange.bundle_id.is_(None))
    return int(session.scalar(query) or 0)


def build_bundle(
    uow: UnitOfWork,
    *,
    kind: str = "sync",
    case_ids: Sequence[str] = (),
    limit: int = MAX_CHANGES_PER_BUNDLE,
) -> OutboxBundle | None:
    """Seal the next bundle from the pending changes (and, for an export, every row of
    ``case_ids``). None when there is nothing to send."""
    session = uow.session
    link = hub_link(session)
    # Plain rows, not ORM objects: a first sync may carry tens of thousands of changes.
    changes = session.execute(
        select(
            OutboxChange.id,
            OutboxChange.table_name,
            OutboxChange.row_id,
            OutboxChange.case_id,
            OutboxChange.op,
        )
        .where(OutboxChange.bundle_id.is_(None))
        .order_by(OutboxChange.id)
        .limit(limit)
    ).all()
    wanted: dict[str, dict[str, str | None]] = defaultdict(dict)  # table -> row id -> case id
    deleted: dict[str, tuple[str, str | None]] = {}
    for _change_id, table_name, row_id, case_id, op in changes:
        if op == "del":
            deleted[row_id] = (table_name, case_id)
        else:
            wanted[table_name][row_id] = case_id
    for case_id in case_ids:  # an export: every row of these cases, whether changed or not
        for name, row_ids in records.case_rows(session, [case_id]).items():
            for row_id in row_ids:
                if row_id not in deleted:
                    wanted[name].setdefault(row_id, None if name == "person" else case_id)
    resolutions = _resolutions(session)
    if not changes and not case_ids and not resolutions and not set_aside.unreported(session):
        return None

    last_change = changes[-1].id if changes else 0
    if case_ids:  # an export: rows by id
        versions = _versions(session, [*deleted, *(r for rows in wanted.values() for r in rows)])
    else:  # the common case: the pending changes' versions in one query
        versions = dict(
            session.execute(
                select(SyncRow.row_id, SyncRow.hub_version)
                .join(OutboxChange, OutboxChange.row_id == SyncRow.row_id)
                .where(OutboxChange.bundle_id.is_(None), OutboxChange.id <= last_change)
            ).all()
        )
    blobs: dict[str, bytes] = {}
    out: list[Record] = []
    for name in records.SYNCED_TABLES:
        rows = wanted.get(name, {})
        if not rows:
            continue
        # Rows that are only pending changes are read with one SELECT per table (a first sync
        # sends every row the laptop holds); an export adds whole cases by id.
        ids: Any = rows
        if not case_ids:
            ids = select(OutboxChange.row_id).where(
                OutboxChange.bundle_id.is_(None),
                OutboxChange.id <= last_change,
                OutboxChange.table_name == name,
                OutboxChange.op == "put",
            )
        found = records.read_records(
            session, name, ids, versions=versions, case_ids=rows, blobs=blobs
        )
        out += [_with_case(record, session) for record in found]
        missing = set(rows) - {record.id for record in found}
        for row_id in missing:  # changed, then deleted before it was sent
            deleted.setdefault(row_id, (name, rows[row_id]))
    for row_id, (table_name, gone_from) in deleted.items():
        if versions.get(row_id):  # the hub never had it: nothing to delete there
            out.append(Record(table_name, row_id, "del", versions[row_id], gone_from, {}))
    out.sort(key=lambda r: records.TABLE_ORDER[r.table])

    state = sync_state(session)
    sequence = state.next_sequence
    bundle_id = new_id()
    # Hub records this laptop set aside, for the hub's count (docs/sync-protocol.md).
    aside = set_aside.to_report(session, bundle_id)
    changes_json = json.dumps(
        {
            "records": [r.to_json() for r in out],
            "resolutions": resolutions,
            **({"set_aside": aside} if aside else {}),
        },
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()
    manifest, sealed = seal(
        kind="device",
        sender=link.device_id,
        recipient=link.hub_key_id,
        sequence=sequence,
        schema_version=str(schema.PROTOCOL_VERSION),
        hub_key_id=link.hub_key_id,
        changes=changes_json,
        blobs=blobs,
        signing_key=signing_key(session),
        age_recipient=link.hub_age_recipient,
        created_at=uow.now,
        bundle_id=bundle_id,
        # The log as it is before this bundle's own seal_bundle event (written below).
        audit_head=anchor.bundle_head(session),
    )
    state.next_sequence = sequence + 1
    bundle = OutboxBundle(
        bundle_id=manifest.bundle_id,
        sequence=sequence,
        kind=kind,
        state="pending",
        created_at=uow.now,
        sha256=hashlib.sha256(sealed).hexdigest(),
        size=len(sealed),
        content=sealed,
        changes=len(out),
        cases=len({r.case_id for r in out if r.case_id}),
    )
    session.add(bundle)
    session.flush()
    _carry_resolutions(session, bundle.bundle_id)
    if changes:
        # The changes taken are the pending ones up to the last id read (ids only grow, and
        # the unit of work holds the write lock), so one range UPDATE links them all.
        session.execute(
            update(OutboxChange)
            .where(OutboxChange.bundle_id.is_(None), OutboxChange.id <= changes[-1].id)
            .values(bundle_id=bundle.bundle_id)
            .execution_options(synchronize_session=False)
        )
    uow.audit(
        "seal_bundle",
        entity="bundle",
        entity_id=bundle.bundle_id,
        detail=f"{kind} #{sequence}: {len(out)} records, {bundle.cases} cases, {len(sealed)} bytes",
    )
    return bundle


def _with_case(record: Record, session: Session) -> Record:
    """A person's record names no case (people can be in several): the hub finds them by the
    participants that refer to them. Every other record names its case."""
    if record.case_id or record.table == "person":
        return record
    case_id = record.fields.get("case_id")
    if record.table == "case_file":
        case_id = record.id
    return Record(record.table, record.id, record.op, record.version, case_id, record.fields)


def _versions(session: Session, row_ids: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for start in range(0, len(row_ids), 500):
        chunk = row_ids[start : start + 500]
        query = select(SyncRow.row_id, SyncRow.hub_version).where(SyncRow.row_id.in_(chunk))
        found.update({row_id: version for row_id, version in session.execute(query)})
    return found


def _chosen(session: Session) -> list[SyncConflict]:
    return list(session.scalars(select(SyncConflict).where(SyncConflict.status == "chosen")))


def _resolutions(session: Session) -> list[dict[str, Any]]:
    """Choices made here on conflicts and not yet carried by a bundle."""
    return [
        {"conflict": c.id, **{k: v for k, v in (c.choice or {}).items() if k != BUNDLE_KEY}}
        for c in _chosen(session)
    ]


def _carry_resolutions(session: Session, bundle_id: str) -> None:
    """The chosen resolutions now travel in ``bundle_id``: "sending" until its receipt."""
    for conflict in _chosen(session):
        conflict.status = "sending"
        conflict.choice = {**(conflict.choice or {}), BUNDLE_KEY: bundle_id}


def _resolutions_of(session: Session, bundle_ids: Sequence[str], status: str) -> None:
    """Move the resolutions carried by these bundles on (sent) or back (chosen again)."""
    sending = session.scalars(select(SyncConflict).where(SyncConflict.status == "sending"))
    for conflict in sending:
        if (conflict.choice or {}).get(BUNDLE_KEY) in bundle_ids:
            conflict.status = status


def mark_sent(
    uow: UnitOfWork,
    bundle: OutboxBundle,
    receipt: dict[str, Any],
    signed: dict[str, Any] | None = None,
) -> None:
    """The hub confirmed the bundle (its receipt verified): record the hub versions it gives
    and drop the changes it carried. ``signed``: the receipt with its signature, kept so that
    the audit head it gives stays provable (docs/audit.md)."""
    session = uow.session
    bundle.state, bundle.sent_at, bundle.receipt = "sent", uow.now, signed or receipt
    applied: dict[str, int] = receipt.get("applied", {})
    tables = dict(
        session.execute(
            select(OutboxChange.row_id, OutboxChange.table_name).where(
                OutboxChange.bundle_id == bundle.bundle_id
            )
        ).all()
    )
    known = _versions(session, list(applied))
    for row_id, version in applied.items():
        if row_id in known:
            session.execute(
                update(SyncRow).where(SyncRow.row_id == row_id).values(hub_version=version)
            )
        else:
            session.add(
                SyncRow(row_id=row_id, table_name=tables.get(row_id, ""), hub_version=version)
            )
    session.execute(delete(OutboxChange).where(OutboxChange.bundle_id == bundle.bundle_id))
    _resolutions_of(session, [bundle.bundle_id], "sent")
    uow.audit(
        "bundle_sent",
        entity="bundle",
        entity_id=bundle.bundle_id,
        detail=f"#{bundle.sequence}: {len(applied)} applied, "
        f"{len(receipt.get('conflicts', []))} in conflict",
    )


def requeue(session: Session, bundle_ids: Sequence[str]) -> None:
    """Put the changes of bundles the hub did not take back in the queue (a row changed again
    since keeps only its newer pending change)."""
    if not bundle_ids:
        return
    carried = session.execute(
        select(OutboxChange.id, OutboxChange.row_id).where(OutboxChange.bundle_id.in_(bundle_ids))
    ).all()
    newer = set(
        session.scalars(
            select(OutboxChange.row_id).where(
                OutboxChange.bundle_id.is_(None),
                OutboxChange.row_id.in_([row_id for _id, row_id in carried]),
            )
        )
    )
    stale = [change_id for change_id, row_id in carried if row_id in newer]
    if stale:
        session.execute(delete(OutboxChange).where(OutboxChange.id.in_(stale)))
    session.execute(
        update(OutboxChange).where(OutboxChange.bundle_id.in_(bundle_ids)).values(bundle_id=None)
    )
    _resolutions_of(session, bundle_ids, "chosen")


def last_confirmed_sequence(session: Session) -> int:
    """The sequence of the newest bundle the hub confirmed with a receipt (0 before any)."""
    found = session.scalar(
        select(func.max(OutboxBundle.sequence)).where(OutboxBundle.state == "sent")
    )
    return int(found or 0)


def queue_case_again(uow: UnitOfWork, case_id: str) -> int:
    """Queue every row of one case to go to the hub again: a case this laptop renumbered because
    the hub has another case of its reference, whose rows the hub refused (a second case with
    another case's reference is refused). Its refusals are no longer shown. How many queued."""
    session = uow.session
    rows = records.case_rows(session, [case_id])
    ids = [row_id for row_ids in rows.values() for row_id in row_ids]
    pending: set[str] = set()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        pending |= set(
            session.scalars(
                select(OutboxChange.row_id).where(
                    OutboxChange.bundle_id.is_(None), OutboxChange.row_id.in_(chunk)
                )
            )
        )
        session.execute(delete(SyncRefused).where(SyncRefused.row_id.in_(chunk)))
    return _queue_rows(uow, case_id, rows, pending)


def _queue_rows(
    uow: UnitOfWork, case_id: str, rows: dict[str, list[str]], pending: set[str]
) -> int:
    """Queue these rows of a case as puts, but those already pending (``pending`` grows)."""
    queued = 0
    for name, row_ids in rows.items():
        for row_id in row_ids:
            if row_id in pending:
                continue
            pending.add(row_id)
            uow.session.add(
                OutboxChange(
                    table_name=name,
                    row_id=row_id,
                    case_id=None if name == "person" else case_id,
                    op="put",
                    queued_at=uow.now,
                )
            )
            queued += 1
    return queued


def send_everything_again(uow: UnitOfWork, hub_sequence: int) -> int:
    """The hub has less of this laptop's work than it confirmed (``hub_sequence``: the last it
    holds; the hub was restored from an older copy). Queue every row of every case here, so
    the hub gets it all again and merges it (a base version newer than its own counts as its
    own). Returns how many rows were queued."""
    session = uow.session
    pending = set(
        session.scalars(select(OutboxChange.row_id).where(OutboxChange.bundle_id.is_(None)))
    )
    queued = 0
    for case_id in list(session.scalars(select(Case.id).order_by(Case.id))):
        queued += _queue_rows(uow, case_id, records.case_rows(session, [case_id]), pending)
    uow.audit(
        "hub_behind_found",
        entity="bundle",
        entity_id=str(hub_sequence),
        detail=f"the hub had sequence {hub_sequence}; {queued} rows queued again",
    )
    return queued


def continue_after(uow: UnitOfWork, hub_sequence: int) -> None:
    """The hub has bundles of this laptop up to ``hub_sequence`` that this vault never made: it
    was restored from an older copy. Number the next bundle after the hub's."""
    state = sync_state(uow.session)
    state.next_sequence = max(state.next_sequence, hub_sequence + 1)
    uow.audit(
        "restored_vault_found",
        entity="bundle",
        entity_id=str(hub_sequence),
        detail=f"the hub had sequence {hub_sequence}; sending from {state.next_sequence}",
    )


def mark_refused(uow: UnitOfWork, bundle: OutboxBundle, reason: str) -> None:
    """The hub refused the bundle: keep why, and queue its changes again (nothing is lost)."""
    bundle.state, bundle.refusal = "refused", reason[:1000]
    requeue(uow.session, [bundle.bundle_id])
    uow.audit(
        "bundle_refused",
        entity="bundle",
        entity_id=bundle.bundle_id,
        outcome="refused",
        detail=f"#{bundle.sequence}",
    )


def fold_pending(uow: UnitOfWork) -> int:
    """Before an export: bundles not yet confirmed are superseded and their changes queued
    again, so the exported file carries everything the hub has not confirmed."""
    pending = pending_bundles(uow.session)
    for bundle in pending:
        bundle.state = "superseded"
    uow.session.flush()
    requeue(uow.session, [b.bundle_id for b in pending])
    return len(pending)
