"""Records: synced rows as JSON, the unit of every bundle (docs/sync-protocol.md, Records).

A record is one row of a synced table: its table, id, ``put`` or ``del``, the hub version it is
based on (or is at), the case it belongs to, and its fields as JSON values. Binary values travel
beside the record as blobs named by their SHA-256. Which fields a table's records carry, and
what they may hold, is the declared schema's (``rjdesk_protocol.schema``). The laptop reads and
writes its rows as records in ``rjdesk.sync.records``; the hub keeps them as they came.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rjdesk_protocol import schema
from rjdesk_protocol.errors import InvalidBundle

# In the order they are applied: every table after the tables it refers to (the declared
# schema's order).
SYNCED_TABLES: tuple[str, ...] = schema.TABLE_NAMES
TABLE_ORDER = {name: position for position, name in enumerate(SYNCED_TABLES)}
# Contemporaneous records: never changed once written, so merging them is a union.
APPEND_ONLY = frozenset(t.name for t in schema.TABLES if t.append_only)
# Stamped on every save: they say when, not what, so merges do not compare them.
META_FIELDS = frozenset({"created_at", "updated_at"})
# A contact's participants present, carried in the contact's record.
PRESENT = "present"
OPS = ("put", "del")

JSONValue = Any


def check_table(name: str) -> None:
    """InvalidBundle unless ``name`` is a table that syncs."""
    if name not in TABLE_ORDER:
        raise InvalidBundle(f"a record names a table that does not sync ({name[:40]})")


@dataclass(frozen=True)
class Record:
    table: str
    id: str
    op: str
    version: int
    case_id: str | None
    fields: dict[str, JSONValue] = field(default_factory=dict)

    def to_json(self) -> dict[str, JSONValue]:
        return {
            "t": self.table,
            "id": self.id,
            "op": self.op,
            "v": self.version,
            "case": self.case_id,
            "f": self.fields,
        }

    @classmethod
    def from_json(cls, data: object) -> Record:
        """A record as received, checked for shape: its fields are checked against the declared
        schema by ``schema.check_record``, and their meaning by the merge."""
        if not isinstance(data, dict):
            raise InvalidBundle("a record is not a JSON object")
        name, row_id, op = data.get("t"), data.get("id"), data.get("op")
        version, case_id, fields = data.get("v"), data.get("case"), data.get("f", {})
        if not isinstance(name, str):
            raise InvalidBundle("a record has no table")
        check_table(name)
        if not isinstance(row_id, str) or not 1 <= len(row_id) <= 36:
            raise InvalidBundle(f"a {name} record has no valid id")
        if op not in OPS:
            raise InvalidBundle(f"record {row_id} has an unknown operation")
        if not isinstance(version, int) or isinstance(version, bool) or version < 0:
            raise InvalidBundle(f"record {row_id} has no valid version")
        if case_id is not None and (not isinstance(case_id, str) or len(case_id) > 36):
            raise InvalidBundle(f"record {row_id} names no valid case")
        if not isinstance(fields, dict):
            raise InvalidBundle(f"record {row_id} has no fields")
        return cls(name, row_id, str(op), version, case_id, dict(fields))


def present_of(record: Record) -> list[str] | None:
    """The participant ids a contact record lists as present (None when it lists none)."""
    present = record.fields.get(PRESENT)
    if present is None:
        return None
    if not isinstance(present, list) or not all(isinstance(p, str) for p in present):
        raise InvalidBundle(f"contact {record.id} lists who was present in a malformed way")
    return list(present)
