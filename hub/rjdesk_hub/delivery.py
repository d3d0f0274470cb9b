"""Hub → laptop: the next hub bundle of a device (docs/sync-protocol.md, "Hub → laptop").

A device asks with ``after=K``, the last hub bundle it applied. If K is the bundle the hub last
issued to it, that bundle is confirmed: the device's cursor moves to where the bundle reached,
and the whole cases it carried are now held by the device. Then the next bundle is built from
the confirmed state, so a bundle that was lost or not applied is simply built again:

- every row of each case waiting for a whole-case delivery (assigned, or a replacement laptop),
  with the case's open conflicts;
- every row of the cases the device holds changed since its cursor, except rows whose current
  version this same device made by a plain apply (its receipt told it the version), with the
  conflicts of those cases raised or resolved since the cursor;
- and every row those rows refer to (the laptop refuses a bundle that would leave a row
  pointing at nothing), so a bundle cut short by the caps is still whole.

One bundle carries about ``MAX_RECORDS`` rows or ``MAX_BLOB_BYTES`` of blobs; the laptop asks
again for the rest. Sequence numbers go up by one per bundle the device confirms.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, exists, select

from rjdesk_hub import authority
from rjdesk_hub import models as m
from rjdesk_hub.config import HubKeys
from rjdesk_hub.console.laptop_models import is_retired
from rjdesk_hub.db import Tx
from rjdesk_hub.ingest import utc_text
from rjdesk_hub.store import HubStore, live_device
from rjdesk_protocol import records, schema
from rjdesk_protocol.bundle import seal

MAX_RECORDS = 2_000
MAX_BLOB_BYTES = 32 * 2**20
_CHUNK = 500
# The fields of each synced table that name another synced row (the declared schema's).
_REFERENCES = {
    name: sorted(
        field_name
        for field_name, spec in schema.references(name).items()
        if spec.kind == schema.REF and spec.refers_to in records.TABLE_ORDER
    )
    for name in records.SYNCED_TABLES
}


@dataclass
class _Outgoing:
    records: dict[str, m.Record] = field(default_factory=dict)
    fields: dict[str, dict[str, Any]] = field(default_factory=dict)
    blobs: set[str] = field(default_factory=set)
    blob_bytes: int = 0
    conflicts: dict[str, m.Conflict] = field(default_factory=dict)
    cases: list[str] = field(default_factory=list)
    deliveries: list[int] = field(default_factory=list)
    withdrawn: list[m.Withdrawal] = field(default_factory=list)

    def full(self) -> bool:
        return len(self.records) >= MAX_RECORDS or self.blob_bytes >= MAX_BLOB_BYTES


class InboxBuilder:
    """Builds one device's next hub bundle inside the caller's transaction."""

    def __init__(self, tx: Tx, store: HubStore, keys: HubKeys) -> None:
        self.tx = tx
        self.store = store
        self.session = tx.session
        self.keys = keys

    def next_bundle(self, device_id: str, after: int) -> tuple[int, bytes] | None:
        device = live_device(self.session, device_id)
        self._confirm(device, max(after, 0))
        if is_retired(self.session, device.id):
            return None  # replaced: it may still send its last bundle, but is sent nothing new
        top = self.tx.lock()
        out = _Outgoing(withdrawn=authority.waiting_withdrawals(self.session, device.id))
        self._add_deliveries(device, out)
        cut = self._add_changes(device, out, top)
        self._add_references(out)
        self._add_conflicts(device, out, cut)
        if not out.records and not out.conflicts and not out.cases and not out.withdrawn:
            # Nothing for this laptop (at most its own changes): no bundle to confirm.
            device.inbox_cursor = max(device.inbox_cursor, cut)
            return None
        return self._seal(device, after, out, cut, top)

    # -- confirmation ------------------------------------------------------------------------

    def _confirm(self, device: m.Device, after: int) -> None:
        if after == device.inbox_sequence:
            return  # anything issued since was not applied: it is built again
        issued = self.session.get(m.Issued, (device.id, after)) if after else None
        if after > device.inbox_sequence:
            if issued is None:
                return  # never issued here (a hub restored from a backup): build past it
            device.inbox_sequence, device.inbox_cursor = after, issued.cursor
            authority.confirm_withdrawals(self.session, device.id, after)
            if issued.deliveries:
                self.session.execute(delete(m.Delivery).where(m.Delivery.id.in_(issued.deliveries)))
            for case_id in issued.cases:
                # A case taken from its facilitator since it was issued stays untaken.
                if self.store.visible_to(case_id, device.facilitator_id):
                    self.store.hold(device.id, case_id, issued.top)
            return
        # The laptop is behind what it confirmed (restored from a backup): go back to where it
        # is, and send it whole every case it should hold (what it sent since that copy too).
        device.inbox_sequence = after
        device.inbox_cursor = issued.cursor if issued is not None else 0
        self.store.resend_everything(device)

    # -- what goes in ------------------------------------------------------------------------

    def _add(self, out: _Outgoing, record: m.Record) -> None:
        if record.row_id in out.records or record.row_id in self.store.set_aside_ids():
            return  # already in, or set aside by ``rjdesk-hub check``: not sent
        out.records[record.row_id] = record
        fields = {} if record.deleted else self.store.fields_of(record)
        out.fields[record.row_id] = fields
        for value in fields.values():
            if isinstance(value, dict) and isinstance(value.get("$blob"), str):
                sha = value["$blob"]
                if sha not in out.blobs:
                    out.blobs.add(sha)
                    out.blob_bytes += self.store.blob_size(sha)

    def _add_deliveries(self, device: m.Device, out: _Outgoing) -> None:
        waiting = self.session.scalars(
            select(m.Delivery).where(m.Delivery.device_id == device.id).order_by(m.Delivery.id)
        )
        for delivery in waiting:
            if out.full():
                break
            out.deliveries.append(delivery.id)
            if delivery.case_id in out.cases:
                continue
            out.cases.append(delivery.case_id)
            for record in self.store.case_records([delivery.case_id]):
                self._add(out, record)
            open_conflicts = select(m.Conflict).where(
                m.Conflict.case_id == delivery.case_id, m.Conflict.resolved_at.is_(None)
            )
            for conflict in self.session.scalars(open_conflicts):
                out.conflicts[conflict.id] = conflict

    def _add_changes(self, device: m.Device, out: _Outgoing, top: int) -> int:
        """Add the changes since the device's cursor; return how far they reach (the cut)."""
        cursor = device.inbox_cursor
        room = MAX_RECORDS - len(out.records)
        if room <= 0 or out.blob_bytes >= MAX_BLOB_BYTES:
            return cursor
        # A row of a case the device holds, newer than the state it was delivered in; a person
        # of such a case likewise.
        of_case = exists().where(
            m.DeviceCase.device_id == device.id,
            m.DeviceCase.case_id == m.Record.case_id,
            m.Record.hub_seq > m.DeviceCase.since_seq,
        )
        of_person = exists().where(
            m.CasePerson.person_id == m.Record.row_id,
            m.DeviceCase.device_id == device.id,
            m.DeviceCase.case_id == m.CasePerson.case_id,
            m.Record.hub_seq > m.DeviceCase.since_seq,
        )
        query = (
            select(m.Record)
            .where(m.Record.hub_seq > cursor, m.Record.hub_seq <= top)
            .where(of_case | (m.Record.case_id.is_(None) & of_person))
            .where(~((m.Record.device_id == device.id) & (m.Record.how == "apply")))
            .order_by(m.Record.hub_seq)
            .limit(room + 1)
        )
        last = cursor
        for taken, record in enumerate(self.session.scalars(query)):
            if taken >= room or (taken and out.blob_bytes >= MAX_BLOB_BYTES):
                return last  # cut here: the rest comes in the next bundle
            self._add(out, record)
            last = record.hub_seq
        return top

    def _add_references(self, out: _Outgoing) -> None:
        """Add every live row that an outgoing row refers to and the bundle lacks."""
        pending = list(out.records.values())
        while pending:
            wanted: set[str] = set()
            for record in pending:
                fields = out.fields[record.row_id]
                names = _REFERENCES.get(record.table_name, [])
                values = [fields.get(name) for name in names]
                if record.table_name == "contact":
                    values += list(fields.get(records.PRESENT) or [])
                wanted |= {v for v in values if isinstance(v, str) and v not in out.records}
            pending = []
            ids = sorted(wanted)
            for start in range(0, len(ids), _CHUNK):
                query = select(m.Record).where(
                    m.Record.row_id.in_(ids[start : start + _CHUNK]), m.Record.deleted.is_(False)
                )
                for record in self.session.scalars(query):
                    self._add(out, record)
                    pending.append(record)

    def _add_conflicts(self, device: m.Device, out: _Outgoing, cut: int) -> None:
        of_case = exists().where(
            m.DeviceCase.device_id == device.id,
            m.DeviceCase.case_id == m.Conflict.case_id,
            m.Conflict.hub_seq > m.DeviceCase.since_seq,
        )
        query = select(m.Conflict).where(
            m.Conflict.hub_seq > device.inbox_cursor, m.Conflict.hub_seq <= cut, of_case
        )
        for conflict in self.session.scalars(query):
            out.conflicts[conflict.id] = conflict

    # -- the bundle --------------------------------------------------------------------------

    def _seal(
        self, device: m.Device, after: int, out: _Outgoing, cut: int, top: int
    ) -> tuple[int, bytes]:
        version = schema.version_for(device.schema_version)
        # A laptop of an older protocol is sent no record of a table it does not know.
        ordered = sorted(
            (r for r in out.records.values() if schema.table_known(version, r.table_name)),
            key=lambda r: (records.TABLE_ORDER.get(r.table_name, 99), r.hub_seq),
        )
        changes = {
            "records": [self._record_json(r, out, version) for r in ordered],
            "conflicts": [
                self._conflict_json(c)
                for c in sorted(out.conflicts.values(), key=lambda c: c.hub_seq)
            ],
            "cases": [{"id": c, "reference": self._reference(c)} for c in out.cases],
            "cursor": cut,
        }
        if out.withdrawn:  # cases taken from this laptop's facilitator (absent: none)
            changes["withdrawn"] = list(dict.fromkeys(w.case_id for w in out.withdrawn))
        blobs: dict[str, bytes] = {}
        for sha in sorted(out.blobs):
            data = self.store.blob(sha)
            if data is not None:
                blobs[sha] = data
        sequence = max(device.inbox_sequence, after) + 1
        for withdrawal in out.withdrawn:
            withdrawal.issued = sequence
        hub_key_id = self.keys.signing_key.public.key_id_hex
        manifest, sealed = seal(
            kind="hub",
            sender=hub_key_id,
            recipient=device.id,
            sequence=sequence,
            schema_version=version,
            hub_key_id=hub_key_id,
            changes=json.dumps(changes, ensure_ascii=False, separators=(",", ":")).encode(),
            blobs=blobs,
            signing_key=self.keys.signing_key,
            age_recipient=device.age_recipient,
            created_at=self.tx.now,
        )
        self.session.merge(
            m.Issued(
                device_id=device.id,
                sequence=sequence,
                cursor=cut,
                top=top,
                deliveries=out.deliveries,
                cases=out.cases,
                bundle_id=manifest.bundle_id,
                issued_at=self.tx.now,
            )
        )
        return sequence, sealed

    def _record_json(self, record: m.Record, out: _Outgoing, version: str) -> dict[str, Any]:
        return {
            "t": record.table_name,
            "id": record.row_id,
            "op": "del" if record.deleted else "put",
            "v": record.hub_version,
            "case": record.case_id,
            # A laptop of an older protocol is sent only the fields it knows.
            "f": schema.fields_for(version, record.table_name, out.fields[record.row_id]),
        }

    def _reference(self, case_id: str | None) -> str:
        case = self.session.get(m.Case, case_id) if case_id else None
        return case.reference if case is not None else ""

    def _conflict_json(self, conflict: m.Conflict) -> dict[str, Any]:
        device = self.session.get(m.Device, conflict.from_device)
        person = self.session.get(m.Facilitator, device.facilitator_id) if device else None
        resolved = conflict.resolved_at is not None
        return {
            "id": conflict.id,
            "case": conflict.case_id,
            "reference": self._reference(conflict.case_id),
            "kind": conflict.kind,
            "table": conflict.table_name,
            "row": conflict.row_id,
            "detail": self.store.conflict_detail(conflict),
            "from_device": conflict.from_device,
            "from_name": person.name if person is not None else "",
            "raised_at": utc_text(conflict.raised_at),
            "status": "resolved" if resolved else "open",
            "resolved_at": utc_text(conflict.resolved_at) if conflict.resolved_at else None,
            "outcome": conflict.outcome if resolved else None,
        }
