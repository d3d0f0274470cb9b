"""Merging a device's records into the hub's state (docs/sync-protocol.md, "Merging at the hub").

For each record, in table order:

- a new row is stored as version 1; a deletion of a row the hub never had changes nothing;
- the same content as the hub's (``created_at``/``updated_at`` aside) changes nothing;
- a base version equal to the hub's, or older but with every version since made by this same
  device (its own later change), is applied as the next version;
- otherwise a three-way merge by field against the stored base version: fields only the laptop
  changed are applied, fields both sides changed to different values keep the hub's value and
  raise a ``field`` conflict holding both; nothing is overwritten silently;
- a deletion of a row changed elsewhere, or a change to a row deleted elsewhere, raises a
  ``delete`` conflict and the hub's row stays as it is.

Contacts, addenda and stage changes are append-only: a new one always has a new id, so they
merge as a union through the "new row" rule.

A record that raised a conflict is listed in the receipt's ``conflicts`` and not in ``applied``:
the laptop keeps its old base version, so its next change of that row is merged again rather
than taken as based on the hub's version; the hub's version reaches it through its inbox.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rjdesk_hub import models as m
from rjdesk_hub.authority import Authority, Judgement, authority_detail
from rjdesk_hub.store import HubStore
from rjdesk_protocol.keys import bundle_refused
from rjdesk_protocol.records import META_FIELDS, Record

_LABELS = {"case_file": "case", "contact_addendum": "addendum", "stage_change": "stage change"}


def label(table: str) -> str:
    """A table as a person would name the row: ``case_file`` → "case"."""
    return _LABELS.get(table, table.replace("_", " "))


def _content(fields: dict[str, Any]) -> dict[str, Any]:
    return {name: value for name, value in fields.items() if name not in META_FIELDS}


@dataclass
class MergeResult:
    """What merging one bundle's records did."""

    applied: dict[str, int] = field(default_factory=dict)
    conflicts: list[str] = field(default_factory=list)
    cases: set[str] = field(default_factory=set)  # cases whose rows the bundle carried
    new_cases: set[str] = field(default_factory=set)  # of those, the ones new to the hub
    people: set[str] = field(default_factory=set)  # person rows it carried
    # Records not taken (the receipt's "refused"): {"id", "table", "case", "reason"}.
    refused: list[dict[str, Any]] = field(default_factory=list)


class Merger:
    """Merges the records of one accepted bundle, from one device."""

    def __init__(self, store: HubStore, device: m.Device, bundle_id: str, sender_name: str) -> None:
        self.store = store
        self.device = device
        self.bundle_id = bundle_id
        self.sender_name = sender_name
        self.result = MergeResult()
        self.authority = Authority(store, device)

    def merge(self, record: Record) -> None:
        existing = self.store.record(record.id)
        if existing is not None and existing.table_name != record.table:
            raise bundle_refused(
                f"record {record.id} is a {existing.table_name} at the hub, not a {record.table}"
            )
        case_id = self._case_of(record, existing)
        judgement = self.authority.judge(record, existing, case_id)
        if judgement is not None:
            self._not_written(record, existing, case_id, judgement)
            return
        if (
            existing is not None
            and record.version > existing.hub_version
            and not self.authority.restored_since_last_receipt()
        ):
            reason = (
                f"its base version {record.version} is ahead of the hub's {existing.hub_version}"
            )
            self._refuse(record, case_id, reason)
            return
        if case_id is not None:
            if case_id not in self.result.cases and not self.store.case_exists(case_id):
                self.result.new_cases.add(case_id)
            self.store.ensure_case(case_id)
            self.result.cases.add(case_id)
        if record.table == "person":
            self.result.people.add(record.id)
        if existing is None:
            if record.op == "put":
                self._write(record, case_id, dict(record.fields), deleted=False, how="apply")
            return  # a deletion of a row the hub never had: nothing to do, nothing to confirm
        current = self.store.fields_of(existing)
        if record.op == "del":
            self._delete(record, existing, current)
        elif existing.deleted:
            self._put_on_deleted(record, existing, current)
        else:
            self._put(record, existing, current)

    # -- the cases of the merge --------------------------------------------------------------

    def _delete(self, record: Record, existing: m.Record, current: dict[str, Any]) -> None:
        if existing.deleted:
            self.result.applied[record.id] = existing.hub_version
        elif self._own_line(existing, record.version):
            self._write(record, existing.case_id, current, deleted=True, how="apply")
        else:
            self._conflict(
                record,
                existing,
                "delete",
                {
                    "message": f"{self.sender_name}'s laptop deleted this {label(record.table)}, "
                    "but it had been changed on another laptop since; the hub kept it.",
                },
            )

    def _put_on_deleted(self, record: Record, existing: m.Record, current: dict[str, Any]) -> None:
        if self._own_line(existing, record.version):
            merged = {**current, **record.fields}
            self._write(record, existing.case_id, merged, deleted=False, how="apply")
            return
        changed = {
            name: {"hub": current.get(name), "incoming": value}
            for name, value in _content(record.fields).items()
            if current.get(name) != value
        }
        self._conflict(
            record,
            existing,
            "delete",
            {
                "message": f"{self.sender_name}'s laptop changed this {label(record.table)}, "
                "but it had been deleted on another laptop; the hub kept it deleted.",
                "fields": changed,
            },
        )

    def _put(self, record: Record, existing: m.Record, current: dict[str, Any]) -> None:
        incoming = record.fields
        if _content({**current, **incoming}) == _content(current):
            self.result.applied[record.id] = existing.hub_version
            return
        if self._own_line(existing, record.version):
            merged = {**current, **incoming}
            self._write(record, existing.case_id, merged, deleted=False, how="apply")
            return
        base: dict[str, Any] = {}
        if record.version > 0:
            base = self.store.version_fields(record.id, record.version) or {}
        result, clashes, changed = dict(current), {}, False
        for name, value in _content(incoming).items():
            hub_value, base_value = current.get(name), base.get(name)
            if value in (hub_value, base_value):
                continue  # the same on both sides, or not changed by the laptop
            if hub_value == base_value:
                result[name], changed = value, True  # changed by the laptop only
            else:
                clashes[name] = {"hub": hub_value, "incoming": value}
        version = existing.hub_version
        if changed:
            stamps = (current.get("updated_at"), incoming.get("updated_at"))
            newest = max(str(stamp or "") for stamp in stamps)
            if newest:
                result["updated_at"] = newest
            version = self._write(
                record, existing.case_id, result, deleted=False, how="merge", report=False
            ).hub_version
        if clashes:
            self._conflict(record, existing, "field", {"fields": clashes})
        else:
            self.result.applied[record.id] = version

    # -- records the sender may not write ----------------------------------------------------

    def _not_written(
        self, record: Record, existing: m.Record | None, case_id: str | None, judged: Judgement
    ) -> None:
        if judged.kind == "refused" or (existing is None and record.op == "del"):
            self._refuse(record, case_id, judged.reason)
            return
        current = self.store.fields_of(existing) if existing is not None else {}
        conflict_case = case_id if case_id is not None else self._case_of_person(record.id)
        self.store.raise_conflict(
            case_id=conflict_case,
            row_id=record.id,
            table=record.table,
            kind="authority",
            detail=authority_detail(self.sender_name, record, current),
            from_device=self.device.id,
        )
        if record.id not in self.result.conflicts:
            self.result.conflicts.append(record.id)

    def _refuse(self, record: Record, case_id: str | None, reason: str) -> None:
        self.result.refused.append(
            {
                "id": record.id,
                "table": record.table,
                "case": self.authority.reference(case_id),
                "reason": reason,
            }
        )

    # -- helpers -----------------------------------------------------------------------------

    def _own_line(self, existing: m.Record, base: int) -> bool:
        """Whether the laptop's change may simply be applied: it is based on the hub's version,
        or every version since its base is this device's own. A base newer than the hub's is
        refused before this, except after a recorded restore of the hub: then it is merged
        field by field against nothing (the hub lost that base), so a differing value is a
        conflict, never a silent overwrite."""
        if base > existing.hub_version:
            return False
        if base == existing.hub_version:
            return True
        return self.store.devices_since(existing.row_id, base) == {self.device.id}

    def _case_of(self, record: Record, existing: m.Record | None) -> str | None:
        """The case of a row: the hub's own idea once it has the row; a person has none."""
        if existing is not None:
            return existing.case_id
        if record.table == "person":
            return None
        if record.table == "case_file":
            return record.id
        case_id = record.case_id or record.fields.get("case_id")
        if not isinstance(case_id, str) or not case_id:
            raise bundle_refused(f"record {record.id} names no case")
        return case_id

    def _case_of_person(self, person_id: str) -> str | None:
        """The case a conflict on a person travels with: one of the person's cases that this
        facilitator works, else any of them (a person row names no case of its own)."""
        cases = sorted(self.store.cases_of_people([person_id]))
        visible = [c for c in cases if self.store.visible_to(c, self.device.facilitator_id)]
        chosen = visible or cases
        return chosen[0] if chosen else None

    def _write(
        self,
        record: Record,
        case_id: str | None,
        fields: dict[str, Any],
        *,
        deleted: bool,
        how: str,
        report: bool = True,
    ) -> m.Record:
        written = self.store.write(
            row_id=record.id,
            table=record.table,
            case_id=case_id,
            fields=fields,
            deleted=deleted,
            device_id=self.device.id,
            bundle_id=self.bundle_id,
            how=how,
        )
        if report:
            self.result.applied[record.id] = written.hub_version
        return written

    def _conflict(
        self, record: Record, existing: m.Record, kind: str, detail: dict[str, Any]
    ) -> None:
        self.store.raise_conflict(
            case_id=existing.case_id or self._case_of_person(record.id),
            row_id=record.id,
            table=record.table,
            kind=kind,
            detail=detail,
            from_device=self.device.id,
        )
        if record.id not in self.result.conflicts:
            self.result.conflicts.append(record.id)
