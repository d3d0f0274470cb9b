"""The declared record schema: it covers exactly the vault's synced columns, and check_record
refuses each kind of bad value with a sentence naming the field."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import JSON, Boolean, Date, Integer, LargeBinary, String, Text
from sqlalchemy import Enum as SqlEnum

from rjdesk.domain.base import Base, UTCDateTime
from rjdesk.services import importer
from rjdesk.store.vault import Vault
from rjdesk.sync import records
from rjdesk.sync.records import Record
from rjdesk_protocol import schema
from tests.conftest import NEIGHBOUR_DISPUTE
from tests.laptops import case_records

_KINDS: dict[type, set[str]] = {
    SqlEnum: {schema.ENUM},
    UTCDateTime: {schema.TIME},
    Date: {schema.DATE},
    Boolean: {schema.BOOL},
    Integer: {schema.INT},
    LargeBinary: {schema.BLOB},
    JSON: {schema.LINES},
    Text: {schema.TEXT},
    String: {schema.LINE, schema.REF},
}


def _kinds_of(column: Any) -> set[str]:
    for sql_type, kinds in _KINDS.items():
        if isinstance(column.type, sql_type):
            return kinds
    raise AssertionError(f"{column} has a type the test does not know")


def test_the_schema_covers_exactly_the_vaults_synced_columns() -> None:
    assert schema.TABLE_NAMES == records.SYNCED_TABLES
    for table in schema.TABLES:
        columns = {c.name: c for c in records.field_columns(table.name)}
        declared = set(table.fields) - {"present"}
        assert declared == set(columns), table.name
        for name, column in columns.items():
            spec = table.fields[name]
            assert spec.kind in _kinds_of(column), f"{table.name}.{name}"
            assert spec.required == (not column.nullable), f"{table.name}.{name} required"
            if isinstance(column.type, SqlEnum):
                assert set(spec.values) == set(column.type.enums), f"{table.name}.{name}"
            elif isinstance(column.type, String) and not isinstance(column.type, Text):
                assert spec.max_length in (0, column.type.length), f"{table.name}.{name}"
            keys = [key.column.table.name for key in column.foreign_keys]
            assert [spec.refers_to] == keys if keys else spec.refers_to == "", f"{name}"
    assert schema.BY_NAME["contact"].fields["present"].refers_to == "participant"
    assert set(Base.metadata.tables["contact_present"].c.keys()) == {"contact_id", "participant_id"}


def test_the_order_puts_every_table_after_those_it_refers_to() -> None:
    for position, table in enumerate(schema.TABLES):
        for spec in schema.references(table.name).values():
            if spec.refers_to != table.name:
                assert schema.TABLE_NAMES.index(spec.refers_to) < position, table.name


def test_every_record_of_a_real_case_passes_the_schema(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case_id = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).id
    found, _blobs = case_records(vault, case_id, version=0)
    assert len(found) > 10
    for record in found:
        assert schema.check_record(record) is None, record.table


def _contact(**changes: Any) -> Record:
    fields: dict[str, Any] = {
        "created_at": "2026-10-14T10:00:00.000000Z",
        "updated_at": "2026-10-14T10:00:00.000000Z",
        "case_id": "c1",
        "kind": "phone",
        "at": "2026-10-14T10:00:00.000000Z",
        "location": "Office",
        "notes": "Spoke to Sam.\nAgreed to meet.",
        "next_steps": "",
        "author": "Ann",
        "present": ["p1"],
    }
    case = changes.pop("case", "c1")
    fields.update(changes)
    return Record("contact", "k1", "put", 0, case, {k: v for k, v in fields.items() if v != ...})


def test_a_good_record_passes() -> None:
    assert schema.check_record(_contact()) is None
    assert schema.check_record(_contact(notes="x" * schema.NOTE)) is None
    assert schema.check_record(Record("contact", "k1", "del", 3, "c1", {})) is None


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"notes": {"text": "hello"}}, "notes is not text"),
        ({"notes": "x" * (schema.NOTE + 1)}, "notes is longer than 100,000 characters"),
        ({"author": "Ann\x1b[31m"}, "author holds a control character"),
        ({"author": "Ann\nBob"}, "author holds a control character"),
        ({"location": "\u202eeciffo"}, "location holds a bidirectional override"),
        ({"notes": "bad \ud800 half"}, "notes holds a broken character"),
        ({"author": ...}, "has no author, which it must have"),
        ({"author": None}, "has no author, which it must have"),
        ({"kind": "carrier_pigeon"}, "kind is not one of its known values"),
        ({"at": "2026-10-14T10:00:00"}, "at is not a UTC time"),
        ({"at": "2026-02-30T10:00:00Z"}, "at is not a UTC time"),
        ({"present": "p1"}, "present is not a list"),
        ({"present": [{"id": "p1"}]}, "present lists something not a record id"),
        ({"shoe": 1}, "newer rjdesk"),
        ({"case": "c2"}, "says it is of case c2 but its case_id is c1"),
        ({"case": None}, "names no case"),
    ],
)
def test_a_bad_record_is_refused_with_a_sentence_naming_the_field(
    changes: dict[str, Any], reason: str
) -> None:
    found = schema.check_record(_contact(**changes))
    assert found is not None and reason in found
    assert "\n" not in found and "\x1b" not in found
    assert found.startswith("contact k1")


def test_values_of_other_kinds_are_checked() -> None:
    def person(**fields: Any) -> str | None:
        return schema.check_record(Record("person", "p", "put", 0, None, fields))

    good = {
        "created_at": "2026-10-14T10:00:00Z",
        "updated_at": "2026-10-14T10:00:00Z",
        "name": "Sam",
        "interpreter": False,
        "access_needs": "",
        "name_key": "sam",
    }
    assert person(**good) is None
    assert "interpreter is not true or false" in str(person(**{**good, "interpreter": "no"}))
    assert "not a date" in str(person(**{**good, "date_of_birth": "1990-13-01"}))
    signature = {"image": {"$blob": "ab"}}
    found = schema.check_record(Record("signature", "s", "put", 0, "c", signature))
    assert found is not None
    action = Record("agreement_action", "a", "put", 0, "c", {"position": -1})
    assert "has no" in str(schema.check_record(action))
    case = Record("case_file", "c1", "put", 0, "c2", {})
    assert "a case of its own" in str(schema.check_record(case))
    assert json.dumps(schema.PROTOCOL_VERSION) == "4"


def test_protocol_of_reads_old_and_new_manifests() -> None:
    assert schema.protocol_of("0004") == 1
    assert schema.protocol_of("2") == 2
    assert schema.protocol_of("3") == 3
    assert schema.protocol_of("0") is None
    assert schema.protocol_of("v2") is None
