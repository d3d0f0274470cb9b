"""Records: synced rows as JSON, the unit of every bundle (docs/sync-protocol.md, Records).

A record is one row of a synced table: its table, id, ``put`` or ``del``, the hub version it is
based on (or is at), the case it belongs to, and its fields as JSON values. Binary values travel
beside the record as blobs named by their SHA-256. The record itself, and what it may hold,
is the protocol's (``rjdesk_protocol.records`` and ``.schema``, re-exported here); this module
reads the laptop's rows as records and writes records back as the columns hold them.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Connection,
    Date,
    Integer,
    LargeBinary,
    Select,
    String,
    Table,
    select,
    type_coerce,
)
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.orm import Session

from rjdesk.domain import models  # noqa: F401 - registers the synced tables in the metadata
from rjdesk.domain.base import Base
from rjdesk_protocol.bundle import Blob
from rjdesk_protocol.errors import InvalidBundle
from rjdesk_protocol.records import (
    APPEND_ONLY,
    META_FIELDS,
    OPS,
    PRESENT,
    SYNCED_TABLES,
    TABLE_ORDER,
    JSONValue,
    Record,
    check_table,
    present_of,
)
from rjdesk_protocol.storage import UTCDateTime

# This laptop's own bookkeeping: never sent.
LOCAL_COLUMNS = frozenset({"row_version", "changed_by_device"})
_CHUNK = 500


def table(name: str) -> Table:
    check_table(name)
    return Base.metadata.tables[name]


def id_column(name: str) -> str:
    """The column that identifies a row everywhere: ``uid`` for stage changes (their integer id
    is the vault's own), ``id`` for the rest."""
    return "uid" if name == "stage_change" else "id"


@functools.cache
def field_columns(name: str) -> tuple[Column[Any], ...]:
    """The columns a record of this table carries (its identity column excluded)."""
    skip = LOCAL_COLUMNS | {id_column(name)} | ({"id"} if name == "stage_change" else set())
    return tuple(c for c in table(name).columns if c.name not in skip)


# -- values ------------------------------------------------------------------------------------


def encode_value(column: Column[Any], value: Any, blobs: MutableMapping[str, bytes]) -> JSONValue:
    """A column's Python value as JSON; binary values go to ``blobs``."""
    if value is None:
        return None
    if isinstance(value, bytes | bytearray | memoryview):
        data = bytes(value)
        digest = hashlib.sha256(data).hexdigest()
        blobs[digest] = data
        return {"$blob": digest}
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        # Always with microseconds: the hub compares records as JSON, so one instant must
        # always be written the same way (and the same way as ``_stored_time`` writes it).
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def decode_value(column: Column[Any], value: JSONValue, blobs: Mapping[str, Blob]) -> Any:
    """A JSON value back to what the column holds; anything malformed refuses the bundle."""
    if value is None:
        return None
    kind = column.type
    where = f"{column.table.name}.{column.name}"
    try:
        if isinstance(kind, LargeBinary):
            digest = value["$blob"]
            if digest not in blobs:
                raise InvalidBundle(f"{where} names an attachment the bundle does not carry")
            return blobs[digest]
        if isinstance(kind, UTCDateTime):
            parsed = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
            if parsed.tzinfo is None:
                raise ValueError("no time zone")
            return parsed.astimezone(UTC)
        if isinstance(kind, Date):
            return date.fromisoformat(value)
        if isinstance(kind, SqlEnum):
            if value not in kind.enums:
                raise ValueError("not one of the known values")
            enum_class = kind.enum_class
            return enum_class(value) if enum_class is not None else value
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise ValueError("not true or false")
            return value
        if isinstance(kind, Integer):
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValueError("not a whole number")
            return value
    except InvalidBundle:
        raise
    except (TypeError, ValueError, KeyError) as exc:
        raise InvalidBundle(f"{where} has a malformed value ({exc})") from None
    return value


def _as_text(value: Any) -> JSONValue:
    return value


def _date_text(value: Any) -> JSONValue:
    return None if value is None else value.isoformat()


def _enum_text(value: Any) -> JSONValue:
    return None if value is None else value.value


_TEXT_TYPES = (String, Integer, Boolean, JSON)


@functools.cache
def _encoders(name: str) -> tuple[tuple[str, Any], ...]:
    """Per column of the table, the quickest way to JSON: a first sync encodes every value of
    tens of thousands of rows, so the type is looked at once per table, not once per value."""
    encoders: list[tuple[str, Any]] = []
    for column in field_columns(name):
        kind = column.type
        if isinstance(kind, SqlEnum):
            encoder: Any = _enum_text
        elif isinstance(kind, Date):
            encoder = _date_text
        elif isinstance(kind, _TEXT_TYPES):
            encoder = _as_text
        else:  # times and binaries: the general path
            encoder = None
        encoders.append((column.name, encoder or column))
    return tuple(encoders)


def _stored_time(value: Any) -> JSONValue:
    """A time as SQLite stores it (naive UTC, ``YYYY-MM-DD HH:MM:SS.ffffff``) straight to the
    record's form, without making a datetime on the way."""
    if value is None:
        return None
    text = str(value).replace(" ", "T")
    return f"{text}Z" if "." in text else f"{text}.000000Z"


@functools.cache
def _raw_reading(name: str) -> tuple[tuple[Any, ...], tuple[tuple[str, Any], ...]]:
    """How read_records selects a table: enum, date and time columns as the text SQLite holds
    (already the record's form, or nearly), the rest through their types."""
    columns: list[Any] = []
    encoders: list[tuple[str, Any]] = []
    for (column_name, encoder), column in zip(_encoders(name), field_columns(name), strict=True):
        kind = column.type
        if isinstance(kind, SqlEnum | Date):
            columns.append(type_coerce(column, String).label(column_name))
            encoders.append((column_name, _as_text))
        elif isinstance(kind, UTCDateTime):
            columns.append(type_coerce(column, String).label(column_name))
            encoders.append((column_name, _stored_time))
        else:
            columns.append(column)
            encoders.append((column_name, encoder))
    return tuple(columns), tuple(encoders)


def encode_row(
    name: str, row: Mapping[Any, Any], blobs: MutableMapping[str, bytes]
) -> dict[str, JSONValue]:
    """A row (a mapping by column name) as a record's fields."""
    return _encode_values(name, [row[column.name] for column in field_columns(name)], blobs)


def _encode_values(
    name: str,
    values: Sequence[Any],
    blobs: MutableMapping[str, bytes],
    encoders: Sequence[tuple[str, Any]] | None = None,
) -> dict[str, JSONValue]:
    """The values of ``field_columns(name)``, in that order, as a record's fields."""
    fields: dict[str, JSONValue] = {}
    for (column_name, encoder), value in zip(encoders or _encoders(name), values, strict=True):
        if isinstance(encoder, Column):
            fields[column_name] = encode_value(encoder, value, blobs)
        else:
            fields[column_name] = encoder(value)
    return fields


def decode_fields(record: Record, blobs: Mapping[str, Blob]) -> dict[str, Any]:
    """The record's fields as column values (a contact's ``present`` is left out: see
    ``present_of``). Missing fields are left out too: the row keeps what it had."""
    columns = {c.name: c for c in field_columns(record.table)}
    return {
        name: decode_value(columns[name], value, blobs)
        for name, value in record.fields.items()
        if name in columns
    }


# -- reading rows ----------------------------------------------------------------------------


def read_records(
    db: Session | Connection,
    name: str,
    row_ids: Iterable[str] | Select[Any],
    *,
    versions: Mapping[str, int],
    case_ids: Mapping[str, str | None],
    blobs: MutableMapping[str, bytes],
) -> list[Record]:
    """The rows of one table as ``put`` records: ``row_ids`` is a list (read 500 at a time) or
    a SELECT of ids (read in one query). Rows that no longer exist are simply absent from the
    answer (the caller sends them as deletions)."""
    source = table(name)
    key = source.c[id_column(name)]
    if isinstance(row_ids, Select):
        batches: list[Any] = [row_ids]
    else:
        wanted = list(dict.fromkeys(row_ids))
        batches = [wanted[start : start + _CHUNK] for start in range(0, len(wanted), _CHUNK)]
    records: list[Record] = []
    # The id first, then the record's columns in order: plain tuples, no per-row mapping.
    columns, encoders = _raw_reading(name)
    connection = db.connection() if isinstance(db, Session) else db
    for batch in batches:
        rows = connection.execute(select(key, *columns).where(key.in_(batch))).all()
        present = _present(connection, batch) if name == "contact" else {}
        for row in rows:
            row_id = row[0]
            fields = _encode_values(name, row[1:], blobs, encoders)
            if name == "contact":
                fields[PRESENT] = present.get(row_id, [])
            records.append(
                Record(name, row_id, "put", versions.get(row_id, 0), case_ids.get(row_id), fields)
            )
    return records


def _present(db: Session | Connection, contact_ids: Any) -> dict[str, list[str]]:
    link = Base.metadata.tables["contact_present"]
    found: dict[str, list[str]] = {}
    query = (
        select(link.c.contact_id, link.c.participant_id)
        .where(link.c.contact_id.in_(contact_ids))
        .order_by(link.c.contact_id, link.c.participant_id)
    )
    for contact_id, participant_id in db.execute(query):
        found.setdefault(contact_id, []).append(participant_id)
    return found


def case_rows(db: Session | Connection, case_ids: Iterable[str]) -> dict[str, list[str]]:
    """Every synced row of these cases, by table: what a whole-case export or delivery sends.
    People are the people of the cases' participants."""
    ids = list(case_ids)
    found: dict[str, list[str]] = {name: [] for name in SYNCED_TABLES}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        for name, query in _case_queries(chunk):
            found[name] += [row_id for (row_id,) in db.execute(query)]
    return found


def _case_queries(case_ids: list[str]) -> list[tuple[str, Any]]:
    t = Base.metadata.tables
    participant, contact, agreement = t["participant"], t["contact"], t["agreement"]
    by_case = {
        name: select(t[name].c[id_column(name)]).where(t[name].c.case_id.in_(case_ids))
        for name in (
            "participant",
            "risk_assessment",
            "safeguarding_concern",
            "contact",
            "agreement",
            "document",
            "stage_change",
            "feedback",
            "equality",
        )
    }
    return [
        (
            "person",
            select(participant.c.person_id).where(participant.c.case_id.in_(case_ids)).distinct(),
        ),
        ("case_file", select(t["case_file"].c.id).where(t["case_file"].c.id.in_(case_ids))),
        *by_case.items(),
        (
            "consent",
            select(t["consent"].c.id).where(
                t["consent"].c.participant_id.in_(
                    select(participant.c.id).where(participant.c.case_id.in_(case_ids))
                )
            ),
        ),
        (
            "contact_addendum",
            select(t["contact_addendum"].c.id).where(
                t["contact_addendum"].c.contact_id.in_(
                    select(contact.c.id).where(contact.c.case_id.in_(case_ids))
                )
            ),
        ),
        *[
            (
                name,
                select(t[name].c.id).where(
                    t[name].c.agreement_id.in_(
                        select(agreement.c.id).where(agreement.c.case_id.in_(case_ids))
                    )
                ),
            )
            for name in ("agreement_action", "signature")
        ],
    ]


# The protocol's record, re-exported: the laptop's sync code reaches records through this module.
__all__ = [
    "APPEND_ONLY",
    "META_FIELDS",
    "OPS",
    "PRESENT",
    "SYNCED_TABLES",
    "TABLE_ORDER",
    "JSONValue",
    "Record",
    "present_of",
]
