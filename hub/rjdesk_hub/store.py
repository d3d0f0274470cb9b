"""Reading and writing the hub's records, blobs, cases and conflicts inside one transaction.

Everything that seals or opens case data at rest goes through here, so the associated data of
each ciphertext (row and version, blob hash, conflict id) is chosen in one place.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import event, func, insert, select, text, update
from sqlalchemy.orm import Session

from rjdesk_hub import models as m
from rjdesk_hub.console import index as case_index
from rjdesk_hub.console.laptop_models import not_retired
from rjdesk_hub.crypto import AtRest, blob_aad, conflict_aad, record_aad
from rjdesk_hub.db import Tx
from rjdesk_hub.errors import HubDamaged, UnknownDevice
from rjdesk_hub.returns import keep as return_facts
from rjdesk_protocol.bundle import Blob

CLOSED_STAGE = "closed"
_CHUNK = 500
_PIECE = 2**20  # bytes written at a time into a kept bundle's blob (SQLite)


def _by_seq(record: m.Record) -> int:
    return record.hub_seq


def live_device(session: Session, device_id: str) -> m.Device:
    """An enrolled, unrevoked device by id; UnknownDevice otherwise (revoked between a request's
    authentication and its work, say)."""
    device = session.get(m.Device, device_id)
    if device is None or device.revoked_at is not None:
        raise UnknownDevice(f"device {device_id[:64]} is not enrolled here, or was revoked")
    return device


def device_named(session: Session, device: str) -> m.Device | None:
    """A device (revoked or not) by its id or its five-character code."""
    wanted = device.strip()
    found = session.get(m.Device, wanted)
    if found is None:
        query = select(m.Device).where(m.Device.device_code == wanted.upper())
        found = session.scalars(query).first()
    return found


class HubStore:
    """The hub's data as seen by one transaction."""

    def __init__(self, tx: Tx, at_rest: AtRest) -> None:
        self.tx = tx
        self.session = tx.session
        self.at_rest = at_rest
        # What this transaction already knows, so a bundle of thousands of rows is not read
        # (or decrypted) one query at a time: row id -> record (None: the hub has no such row).
        self._records: dict[str, m.Record | None] = {}
        self._fields: dict[tuple[str, int], dict[str, Any]] = {}
        self._links: set[tuple[str, str]] = set()
        self._cases: dict[str, m.Case | None] = {}
        self._set_aside: frozenset[str] | None = None
        # Cases (and people, whose cases are found at the end) this transaction changed: their
        # index entries are brought up to date just before it commits, in it.
        self._touched_cases: set[str] = set()
        self._touched_people: set[str] = set()
        self._touched_times: set[str] = set()  # cases changed only in rows the index ignores
        event.listen(self.session, "before_commit", self._keep_index)

    # -- records ---------------------------------------------------------------------------

    def prefetch(self, row_ids: Iterable[str]) -> None:
        """Read these rows in a few queries, ahead of ``record`` asking for each."""
        wanted = [row_id for row_id in dict.fromkeys(row_ids) if row_id not in self._records]
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            found = {
                r.row_id: r
                for r in self.session.scalars(select(m.Record).where(m.Record.row_id.in_(chunk)))
            }
            for row_id in chunk:
                self._records[row_id] = found.get(row_id)

    def record(self, row_id: str) -> m.Record | None:
        if row_id not in self._records:
            self._records[row_id] = self.session.get(m.Record, row_id)
        return self._records[row_id]

    def fields_of(self, record: m.Record) -> dict[str, Any]:
        """The current fields of a row (of the version before, for a deleted row)."""
        known = self._fields.get((record.row_id, record.hub_version))
        if known is not None:
            return known
        fields = self._open_fields(record.payload, record.row_id, record.hub_version)
        self._fields[(record.row_id, record.hub_version)] = fields
        return fields

    def version_fields(self, row_id: str, version: int) -> dict[str, Any] | None:
        found = self.session.get(m.RecordVersion, (row_id, version))
        if found is None:
            return None
        return self._open_fields(found.payload, row_id, version)

    def _open_fields(self, sealed: bytes, row_id: str, version: int) -> dict[str, Any]:
        fields = self.at_rest.open_json(sealed, record_aad(row_id, version))
        if not isinstance(fields, dict):
            raise HubDamaged(f"record {row_id} at the hub is malformed")
        return fields

    def devices_since(self, row_id: str, base: int) -> set[str]:
        """The devices that made the versions of a row after ``base``."""
        query = select(m.RecordVersion.device_id).where(
            m.RecordVersion.row_id == row_id, m.RecordVersion.hub_version > base
        )
        return set(self.session.scalars(query))

    def write(
        self,
        *,
        row_id: str,
        table: str,
        case_id: str | None,
        fields: dict[str, Any],
        deleted: bool,
        device_id: str,
        bundle_id: str | None,
        how: str,
    ) -> m.Record:
        """Make the next version of a row (version 1 of a new one) with a new ``hub_seq``."""
        current = self.record(row_id)
        version = 1 if current is None else current.hub_version + 1
        # The same ciphertext serves the row and its version: one message, sealed once.
        sealed = self.at_rest.seal_json(fields, record_aad(row_id, version))
        seq = self.tx.next_seq()
        if current is None:
            current = m.Record(row_id=row_id, table_name=table, case_id=case_id)
            self.session.add(current)
            self._records[row_id] = current
        self._fields[(row_id, version)] = fields
        current.hub_version, current.hub_seq, current.deleted = version, seq, deleted
        current.payload, current.device_id, current.how = sealed, device_id, how
        current.changed_at = self.tx.now
        self.session.add(
            m.RecordVersion(
                row_id=row_id,
                hub_version=version,
                deleted=deleted,
                payload=sealed,
                device_id=device_id,
                bundle_id=bundle_id,
                at=self.tx.now,
            )
        )
        if case_id and table not in case_index.INDEXED_TABLES:
            self._touched_times.add(case_id)
        elif case_id:
            self.touch(case_id)
        elif table == "person":
            self._touched_people.add(row_id)
        if table == "participant" and case_id and not deleted:
            self.link_person(case_id, fields.get("person_id"))
        if table == "case_file" and not deleted:
            case = self.ensure_case(row_id)
            case.reference = str(fields.get("reference") or case.reference)[:32]
            case.closed = fields.get("stage") == CLOSED_STAGE
        return current

    def touch(self, case_id: str) -> None:
        """Note that a case changed (its rows, or who holds it): its index entry follows."""
        self._touched_cases.add(case_id)

    def _keep_index(self, session: Session) -> None:
        touched = self._touched_cases | self.cases_of_people(self._touched_people)
        times = self._touched_times - touched
        self._touched_cases, self._touched_people, self._touched_times = set(), set(), set()
        if touched:
            case_index.refresh(session, self.at_rest, touched, self.index_rows)
        if times:
            case_index.touch_times(session, times, self.tx.now)
        if touched | times:  # a contact, a stage change, feedback… changes the return facts
            return_facts.refresh(self, touched | times)

    def index_rows(self, case_ids: Sequence[str]) -> dict[str, case_index.CaseRows]:
        """What the index entries of these cases are made of (``case_index.CaseRows``), read
        a chunk of cases at a time: the live rows of the indexed tables, their people's found
        by id, opened; of the other rows only the time of the latest change (set-aside rows
        left out, as ``case_records`` leaves them)."""
        wanted = list(dict.fromkeys(case_ids))
        hidden = self.set_aside_ids()
        rows: dict[str, list[m.Record]] = {case_id: [] for case_id in wanted}
        others: dict[str, datetime] = {}
        live = m.Record.deleted.is_(False)
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            indexed = select(m.Record).where(
                m.Record.case_id.in_(chunk),
                m.Record.table_name.in_(case_index.INDEXED_TABLES),
                live,
            )
            for record in self.session.scalars(indexed):
                rows[str(record.case_id)].append(record)
            links = list(
                self.session.execute(
                    select(m.CasePerson.case_id, m.CasePerson.person_id).where(
                        m.CasePerson.case_id.in_(chunk)
                    )
                )
            )
            people = self._people([person_id for _, person_id in links])
            for case_id, person_id in links:
                if person_id in people:
                    rows[case_id].append(people[person_id])
            latest = (
                select(m.Record.case_id, func.max(m.Record.changed_at))
                .where(
                    m.Record.case_id.in_(chunk),
                    m.Record.table_name.not_in(case_index.INDEXED_TABLES),
                    live,
                )
                .group_by(m.Record.case_id)
            )
            if hidden:
                latest = latest.where(m.Record.row_id.not_in(hidden))
            others |= {str(case_id): at for case_id, at in self.session.execute(latest)}
        return {
            case_id: case_index.CaseRows(
                [
                    (record, self.fields_of(record))
                    for record in sorted({r.row_id: r for r in found}.values(), key=_by_seq)
                    if record.row_id not in hidden
                ],
                others.get(case_id),
            )
            for case_id, found in rows.items()
        }

    def _people(self, person_ids: Iterable[str], *, live_only: bool = True) -> dict[str, m.Record]:
        """The person rows of these ids (live ones only, unless asked), by id; a person's row
        has no case."""
        ids = list(dict.fromkeys(person_ids))
        found: dict[str, m.Record] = {}
        for start in range(0, len(ids), _CHUNK):
            query = select(m.Record).where(
                m.Record.row_id.in_(ids[start : start + _CHUNK]), m.Record.case_id.is_(None)
            )
            if live_only:
                query = query.where(m.Record.deleted.is_(False))
            found |= {record.row_id: record for record in self.session.scalars(query)}
        return found

    def link_person(self, case_id: str, person_id: object) -> None:
        if not isinstance(person_id, str) or not person_id or (case_id, person_id) in self._links:
            return
        self._links.add((case_id, person_id))
        # No autoflush: a link added earlier in this transaction is in ``_links`` already.
        with self.session.no_autoflush:
            known = self.session.get(m.CasePerson, (case_id, person_id))
        if known is None:
            self.session.add(m.CasePerson(case_id=case_id, person_id=person_id))

    def case_records(
        self, case_ids: Iterable[str], *, live_only: bool = True, include_set_aside: bool = False
    ) -> list[m.Record]:
        """Every row of these cases, their people included (but not the rows ``rjdesk hub
        check`` set aside, unless asked: they are neither delivered nor checked by the rules)."""
        wanted = list(dict.fromkeys(case_ids))
        found: dict[str, m.Record] = {}
        for start in range(0, len(wanted), _CHUNK):
            chunk = wanted[start : start + _CHUNK]
            # The case's rows, then its people's by id: one query with an OR of the two made
            # SQLite read every person row of the hub (case_id IS NULL) for each case.
            query = select(m.Record).where(m.Record.case_id.in_(chunk))
            if live_only:
                query = query.where(m.Record.deleted.is_(False))
            for record in self.session.scalars(query):
                found[record.row_id] = record
            people = self.session.scalars(
                select(m.CasePerson.person_id).where(m.CasePerson.case_id.in_(chunk))
            )
            found |= self._people(people, live_only=live_only)
        if not include_set_aside:
            return [r for r in found.values() if r.row_id not in self.set_aside_ids()]
        return list(found.values())

    def set_aside_ids(self) -> frozenset[str]:
        """The rows ``rjdesk-hub check`` set aside (few: read once per transaction)."""
        if self._set_aside is None:
            self._set_aside = frozenset(self.session.scalars(select(m.SetAside.row_id)))
        return self._set_aside

    def cases_of_people(self, person_ids: Iterable[str]) -> set[str]:
        ids = list(person_ids)
        found: set[str] = set()
        for start in range(0, len(ids), _CHUNK):
            query = select(m.CasePerson.case_id).where(
                m.CasePerson.person_id.in_(ids[start : start + _CHUNK])
            )
            found |= set(self.session.scalars(query))
        return found

    # -- blobs -----------------------------------------------------------------------------

    def put_blob(self, sha256: str, data: Blob) -> None:
        """Seal and store a blob now, in this transaction (one INSERT, not an object the
        session keeps until commit): a bundle's attachments are sealed one at a time, so the
        hub never holds all of them sealed at once."""
        if self.session.get(m.Blob, sha256) is None:
            sealed = self.at_rest.seal(data, blob_aad(sha256))
            self.session.execute(insert(m.Blob).values(sha256=sha256, size=len(data), data=sealed))

    def keep_bundle(self, bundle_id: str, data: bytes) -> None:
        """Keep a bundle's bytes as they arrived (age ciphertext) on its row. On SQLite they are
        written in pieces into a blob of their size (SQLite would otherwise copy a bound value
        twice, into the statement and into the row, while the hub still holds the bundle
        opened): ingesting stays within twice the bundle's size."""
        connection = self.session.connection()
        if connection.dialect.name != "sqlite":
            self.session.execute(
                update(m.Bundle).where(m.Bundle.bundle_id == bundle_id).values(ciphertext=data)
            )
            return
        table = m.Bundle.__tablename__
        connection.execute(
            text(f"UPDATE {table} SET ciphertext = zeroblob(:size) WHERE bundle_id = :id"),  # noqa: S608
            {"size": len(data), "id": bundle_id},
        )
        rowid = connection.execute(
            text(f"SELECT rowid FROM {table} WHERE bundle_id = :id"),  # noqa: S608 - our table
            {"id": bundle_id},
        ).scalar_one()
        raw = connection.connection.driver_connection
        assert raw is not None
        with raw.blobopen(table, "ciphertext", rowid) as blob:
            view = memoryview(data)
            for start in range(0, len(view), _PIECE):
                blob.write(view[start : start + _PIECE])

    def blob(self, sha256: str) -> bytes | None:
        found = self.session.get(m.Blob, sha256)
        if found is None:
            return None
        return self.at_rest.open(found.data, blob_aad(sha256))

    def blob_size(self, sha256: str) -> int:
        size = self.session.scalar(select(m.Blob.size).where(m.Blob.sha256 == sha256))
        return int(size or 0)

    # -- cases and who sees them -----------------------------------------------------------

    def _case(self, case_id: str) -> m.Case | None:
        if case_id not in self._cases:
            self._cases[case_id] = self.session.get(m.Case, case_id)
        return self._cases[case_id]

    def case_exists(self, case_id: str) -> bool:
        return self._case(case_id) is not None

    def ensure_case(self, case_id: str) -> m.Case:
        case = self._case(case_id)
        if case is None:
            case = m.Case(case_id=case_id, reference="", closed=False, first_seq=self.tx.lock())
            self.session.add(case)
            self._cases[case_id] = case
        return case

    def grant(self, case_id: str, facilitator_id: str, how: str) -> bool:
        """Make a case visible to a facilitator; True if it was not visible before."""
        if self.session.get(m.Visibility, (case_id, facilitator_id)) is not None:
            return False
        self.touch(case_id)
        self.session.add(
            m.Visibility(
                case_id=case_id,
                facilitator_id=facilitator_id,
                how=how,
                granted_at=self.tx.now,
                granted_seq=self.tx.lock(),
            )
        )
        return True

    def visible_to(self, case_id: str, facilitator_id: str) -> bool:
        return self.session.get(m.Visibility, (case_id, facilitator_id)) is not None

    def hold(self, device_id: str, case_id: str, since_seq: int = 0) -> None:
        """Note that a device holds a case (from now on it is sent the case's changes), as it
        was at ``since_seq`` when it was delivered whole."""
        held = self.session.get(m.DeviceCase, (device_id, case_id))
        if held is None:
            self.session.add(
                m.DeviceCase(device_id=device_id, case_id=case_id, since_seq=since_seq)
            )
        elif since_seq > held.since_seq:
            held.since_seq = since_seq

    def holds(self, device_id: str, case_id: str) -> bool:
        return self.session.get(m.DeviceCase, (device_id, case_id)) is not None

    def open_cases_of(self, facilitator_id: str) -> list[str]:
        """The open cases a facilitator works (visible to them), by reference."""
        query = (
            select(m.Case.case_id)
            .join(m.Visibility, m.Visibility.case_id == m.Case.case_id)
            .where(m.Visibility.facilitator_id == facilitator_id, m.Case.closed.is_(False))
            .order_by(m.Case.reference, m.Case.case_id)
        )
        return list(self.session.scalars(query))

    def resend_everything(self, device: m.Device) -> int:
        """Queue whole every case the device holds and every open case of its facilitator: a
        laptop restored from an older copy of its vault lacks whatever came after that copy,
        including what it sent itself (which the hub never sends back as a change)."""
        held = self.session.scalars(
            select(m.DeviceCase.case_id).where(m.DeviceCase.device_id == device.id)
        )
        cases = dict.fromkeys([*held, *self.open_cases_of(device.facilitator_id)])
        return sum(self.queue_delivery(device.id, case_id) for case_id in cases)

    def queue_delivery(self, device_id: str, case_id: str) -> bool:
        """Queue a whole case for a device, unless one is already waiting; True if queued."""
        waiting = self.session.scalar(
            select(m.Delivery.id).where(
                m.Delivery.device_id == device_id, m.Delivery.case_id == case_id
            )
        )
        if waiting is not None:
            return False
        self.session.add(m.Delivery(device_id=device_id, case_id=case_id, queued_at=self.tx.now))
        return True

    def facilitator_devices(self, facilitator_id: str, *, live_only: bool = True) -> list[m.Device]:
        """A facilitator's laptops; ``live_only``: those sent their cases (not revoked, and not
        retired: a retired laptop keeps what it holds, but nothing new is queued for it)."""
        query = select(m.Device).where(m.Device.facilitator_id == facilitator_id)
        if live_only:
            query = query.where(m.Device.revoked_at.is_(None), not_retired(m.Device.id))
        return list(self.session.scalars(query.order_by(m.Device.enrolled_at)))

    # -- conflicts -------------------------------------------------------------------------

    def raise_conflict(
        self,
        *,
        case_id: str | None,
        row_id: str,
        table: str,
        kind: str,
        detail: dict[str, Any],
        from_device: str,
    ) -> m.Conflict:
        conflict_id = str(uuid.uuid4())
        conflict = m.Conflict(
            id=conflict_id,
            case_id=case_id,
            row_id=row_id,
            table_name=table,
            kind=kind,
            detail=self.at_rest.seal_json(detail, conflict_aad(conflict_id)),
            from_device=from_device,
            raised_at=self.tx.now,
            hub_seq=self.tx.next_seq(),
        )
        self.session.add(conflict)
        self.session.flush()
        return conflict

    def conflict_detail(self, conflict: m.Conflict) -> dict[str, Any]:
        detail = self.at_rest.open_json(conflict.detail, conflict_aad(conflict.id))
        return detail if isinstance(detail, dict) else {}

    def resolve(self, conflict_id: str, device_id: str, outcome: str) -> bool:
        """Close an open conflict; False when there is none of that id or it is closed."""
        conflict = self.session.get(m.Conflict, conflict_id)
        if conflict is None or conflict.resolved_at is not None:
            return False
        conflict.resolved_at, conflict.resolved_by = self.tx.now, device_id
        conflict.outcome = outcome[:40]
        conflict.hub_seq = self.tx.next_seq()
        self.session.flush()
        return True
