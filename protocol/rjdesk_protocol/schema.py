"""The declared record schema: what every synced record may hold (docs/sync-protocol.md, "The
record schema").

Plain data, versioned by PROTOCOL_VERSION, shared by the laptop and the hub: for every synced
table, each field's type and limits, whether a ``put`` must carry it, the records it refers to,
and how the record's case is found. It is not read off the laptop's tables (a test keeps the
two in step), so the hub can check a record without the laptop's schema. ``check_record`` is the
per-record check both sides run before anything is applied; the checks that need other records
(does the participant exist, is it of the same case) are the caller's, using ``REFERENCES``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from rjdesk_protocol import enums
from rjdesk_protocol.characters import (
    BIDI_CONTROLS,
    CONTROLS,
    CONTROLS_BUT_LINE_BREAKS,
    SURROGATES,
)

# The version of this schema that bundles carry (manifest ``schema_version``). Version 1 is what
# bundles carried before there was a declared schema: the laptop's migration head ("0004").
# Version 3 adds a case's ``origin`` (issue 15). Version 4 adds what the funders' returns need
# (issue 16): a case's first contact, intervention type, who started it and its stage in the
# justice system, and the tables ``feedback`` and ``equality``.
PROTOCOL_VERSION = 4
# The oldest version this side still accepts (one release back).
OLDEST_PROTOCOL = 1
_MIGRATION_HEAD = re.compile(r"0\d{3}")
_PROTOCOL_NUMBER = re.compile(r"[1-9]\d{0,5}")

# Kinds of field.
LINE = "line"  # one line of text: no control characters
TEXT = "text"  # several lines: tab, line feed and carriage return allowed
ENUM = "enum"
DATE = "date"  # YYYY-MM-DD
TIME = "time"  # a UTC time, YYYY-MM-DDTHH:MM:SS[.ffffff]Z
BOOL = "bool"
INT = "int"
BLOB = "blob"  # {"$blob": "<sha256 hex>"}, the bytes travelling beside the record
REF = "ref"  # the id of another record
IDS = "ids"  # a list of record ids
LINES = "lines"  # a list of one-line texts (flags, names)

ID_LENGTH = 36
NAME = 200  # names, authors, titles: the vault's String(200)
NOTE = 100_000  # a contact note, a summary, an action: multi-line text
ADDRESS = 2_000
MAX_LIST = 200  # items in a list field
MAX_INT = 2**53  # exactly representable in every JSON reader


@dataclass(frozen=True)
class Field:
    """One field of a record. ``required``: a ``put`` carries it, not null."""

    kind: str
    required: bool = True
    max_length: int = 0  # text kinds: characters; list kinds: the items' characters
    values: tuple[str, ...] = ()  # ENUM
    minimum: int = 0  # INT
    maximum: int = MAX_INT  # INT
    refers_to: str = ""  # REF and IDS: the table of the records named
    same_case: bool = False  # REF and IDS: the record named is of this record's case


def _line(length: int, *, required: bool = True) -> Field:
    return Field(LINE, required, max_length=length)


def _text(length: int = NOTE, *, required: bool = True) -> Field:
    return Field(TEXT, required, max_length=length)


def _enum(enum: type[StrEnum], *, required: bool = True) -> Field:
    return Field(ENUM, required, values=tuple(member.value for member in enum))


def _ref(table: str, *, required: bool = True, same_case: bool = True) -> Field:
    return Field(REF, required, refers_to=table, same_case=same_case)


def _int(minimum: int, maximum: int = MAX_INT) -> Field:
    return Field(INT, minimum=minimum, maximum=maximum)


_OPTIONAL_DATE = Field(DATE, required=False)
_DATE = Field(DATE)
_TIME = Field(TIME)
_STAMPS = {"created_at": _TIME, "updated_at": _TIME}
_CASE = {"case_id": _ref("case_file", same_case=True)}


@dataclass(frozen=True)
class Table:
    """A synced table. ``case_via``: the reference field whose record's case is this record's
    (``case_id`` itself for most tables); ``"id"`` for a case; ``""`` for a person, who belongs
    to the cases of the participants naming them."""

    name: str
    fields: dict[str, Field]
    case_via: str
    append_only: bool = False


# In the order records are applied: every table after the tables it refers to.
TABLES: tuple[Table, ...] = (
    Table(
        "person",
        {
            **_STAMPS,
            "name": _line(NAME),
            "date_of_birth": _OPTIONAL_DATE,
            "phone": _line(50, required=False),
            "email": _line(NAME, required=False),
            "address": _text(ADDRESS, required=False),
            "language": _line(35, required=False),
            "interpreter": Field(BOOL),
            "access_needs": _text(),
            "name_key": _line(NAME),
            "phone_key": _line(20, required=False),
            "postcode_key": _line(10, required=False),
            "address_key": _line(40, required=False),
        },
        case_via="",
    ),
    Table(
        "case_file",
        {
            **_STAMPS,
            "reference": _line(32),
            "case_type": _enum(enums.CaseType),
            "stage": _enum(enums.Stage),
            "closure_reason": _enum(enums.ClosureReason, required=False),
            "closed_on": _OPTIONAL_DATE,
            "received_on": _DATE,
            "source": _enum(enums.ReferralSource),
            "channel": _enum(enums.Channel),
            "referrer_name": _line(NAME, required=False),
            "referrer_organisation": _line(NAME, required=False),
            "referrer_phone": _line(50, required=False),
            "referrer_email": _line(NAME, required=False),
            "crime_reference": _line(50, required=False),
            "incident_date": _OPTIONAL_DATE,
            "location": _line(NAME, required=False),
            "summary": _text(),
            "risk_level": _enum(enums.RiskLevel, required=False),
            "flags": Field(LINES, max_length=NAME),
            "facilitators": Field(LINES, max_length=NAME),
            "origin": _enum(enums.Origin, required=False),  # protocol 3: absent = facilitator
            # protocol 4: what the returns need. The first contact dates correct what the
            # contacts say (absent: worked out from them); the rest is absent until known.
            "first_contact_attempted_on": _OPTIONAL_DATE,
            "first_contact_made_on": _OPTIONAL_DATE,
            "intervention_type": _enum(enums.InterventionType, required=False),
            "started_by": _enum(enums.StartedBy, required=False),
            "justice_stage": _enum(enums.JusticeStage, required=False),
        },
        case_via="id",
    ),
    Table(
        "participant",
        {
            **_STAMPS,
            **_CASE,
            "person_id": _ref("person", same_case=False),
            "key": _line(40, required=False),
            "position": _int(0),
            "role": _enum(enums.Role),
            "supports_id": _ref("participant", required=False),
            "relationship_to_supported": _line(100, required=False),
            "organisation": _line(NAME, required=False),
            "rj_information_given_on": _OPTIONAL_DATE,
        },
        case_via="case_id",
    ),
    Table(
        "consent",
        {
            **_STAMPS,
            "participant_id": _ref("participant"),
            "scope": _enum(enums.ConsentScope),
            "given_on": _DATE,
            "given_by_id": _ref("participant", required=False),
            "withdrawn_on": _OPTIONAL_DATE,
            "withdrawal_note": _text(),
        },
        case_via="participant_id",
    ),
    Table(
        "risk_assessment",
        {
            **_STAMPS,
            **_CASE,
            "assessed_on": _DATE,
            "assessed_by": _line(NAME),
            "level": _enum(enums.RiskLevel),
            "factors": Field(LINES, max_length=NAME),
            "notes": _text(),
        },
        case_via="case_id",
    ),
    Table(
        "safeguarding_concern",
        {
            **_STAMPS,
            **_CASE,
            "participant_id": _ref("participant", required=False),
            "kind": _enum(enums.SafeguardingKind),
            "raised_at": _TIME,
            "concern": _text(),
            "action_taken": _text(),
            "passed_to": _line(NAME),
            "recorded_by": _line(NAME),
        },
        case_via="case_id",
    ),
    Table(
        "contact",
        {
            **_STAMPS,
            **_CASE,
            "kind": _enum(enums.ContactKind),
            "at": _TIME,
            "location": _line(NAME),
            "notes": _text(),
            "next_steps": _text(),
            "author": _line(NAME),
            # Who was present: participants of the contact's case (the vault's contact_present).
            "present": Field(IDS, refers_to="participant", same_case=True),
        },
        case_via="case_id",
        append_only=True,
    ),
    Table(
        "contact_addendum",
        {
            **_STAMPS,
            "contact_id": _ref("contact"),
            "written_at": _TIME,
            "author": _line(NAME),
            "text": _text(),
        },
        case_via="contact_id",
        append_only=True,
    ),
    Table(
        "agreement",
        {
            **_STAMPS,
            **_CASE,
            "version": _int(1, 100_000),
            "status": _enum(enums.AgreementStatus),
            "agreed_on": _OPTIONAL_DATE,
            "summary": _text(),
            "review_on": _OPTIONAL_DATE,
            "supersedes_id": _ref("agreement", required=False),
            "signed_at": Field(TIME, required=False),
        },
        case_via="case_id",
    ),
    Table(
        "agreement_action",
        {
            **_STAMPS,
            "agreement_id": _ref("agreement"),
            "position": _int(0, 100_000),
            "owner_id": _ref("participant", required=False),
            "description": _text(),
            "due_on": _OPTIONAL_DATE,
            "status": _enum(enums.ActionStatus),
            "checked_on": _OPTIONAL_DATE,
            "check_note": _text(),
        },
        case_via="agreement_id",
    ),
    Table(
        "signature",
        {
            **_STAMPS,
            "agreement_id": _ref("agreement"),
            "participant_id": _ref("participant", required=False),
            "signer_name": _line(NAME),
            "capacity": _enum(enums.SignerCapacity),
            "method": _enum(enums.SignatureMethod),
            "signed_on": _DATE,
            "image": Field(BLOB, required=False),
        },
        case_via="agreement_id",
    ),
    Table(
        "document",
        {
            **_STAMPS,
            **_CASE,
            "agreement_id": _ref("agreement", required=False),
            "kind": _enum(enums.DocumentKind),
            "title": _line(NAME),
            "filename": _line(NAME),
            "media_type": _line(100),
            "sha256": _line(64),
            "size": _int(0),
            "version": _int(1, 100_000),
            "created_by": _line(NAME),
            "content": Field(BLOB, required=False),
        },
        case_via="case_id",
    ),
    Table(
        # A participant's feedback at one moment (protocol 4). Each answer absent: not asked;
        # "declined" is an answer.
        "feedback",
        {
            **_STAMPS,
            **_CASE,
            "participant_id": _ref("participant"),
            "moment": _enum(enums.FeedbackMoment),
            "given_on": _DATE,
            "satisfaction": _enum(enums.Satisfaction, required=False),
            "coping": _enum(enums.Answer, required=False),  # better able to cope and recover
            "feels_safer": _enum(enums.Answer, required=False),
            "would_recommend": _enum(enums.Answer, required=False),
            "comment": _text(required=False),
        },
        case_via="case_id",
    ),
    Table(
        # A participant's equality monitoring (protocol 4): special-category data, never on a
        # PDF. Each answer absent: not asked.
        "equality",
        {
            **_STAMPS,
            **_CASE,
            "participant_id": _ref("participant"),
            "age_band": _enum(enums.AgeBand, required=False),
            "sex": _enum(enums.Sex, required=False),
            "gender_same_as_sex": _enum(enums.GenderSameAsSex, required=False),
            "sexual_orientation": _enum(enums.SexualOrientation, required=False),
            "ethnicity": _enum(enums.Ethnicity, required=False),
            "disability": _enum(enums.Disability, required=False),
            "religion": _enum(enums.Religion, required=False),
        },
        case_via="case_id",
    ),
    Table(
        "stage_change",
        {
            **_CASE,
            "from_stage": _enum(enums.Stage, required=False),
            "to_stage": _enum(enums.Stage),
            "changed_at": _TIME,
            "changed_by": _line(NAME),
            "note": _text(),
        },
        case_via="case_id",
        append_only=True,
    ),
)
BY_NAME: dict[str, Table] = {table.name: table for table in TABLES}
# Fields added by a protocol after the first, by table: a record sent to a laptop of an older
# protocol leaves them out (that laptop would set the record aside for a field it does not know).
ADDED_IN: dict[int, dict[str, tuple[str, ...]]] = {
    3: {"case_file": ("origin",)},
    4: {
        "case_file": (
            "first_contact_attempted_on",
            "first_contact_made_on",
            "intervention_type",
            "started_by",
            "justice_stage",
        )
    },
}
# Tables added by a protocol after the first: a side speaking an older protocol is sent none of
# their records.
TABLES_ADDED_IN: dict[int, tuple[str, ...]] = {4: ("feedback", "equality")}
TABLE_NAMES: tuple[str, ...] = tuple(table.name for table in TABLES)
OPS = ("put", "del")

_SHA256 = re.compile(r"[0-9a-f]{64}")
_TIME_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z")
_DATE_TEXT = re.compile(r"\d{4}-\d{2}-\d{2}")
# Characters that change how text around them is shown (bidirectional overrides and isolates).
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
# One regular expression per kind of text: a note of 100,000 characters is checked in C.
_FORBIDDEN_IN_LINE = re.compile(f"[{CONTROLS}{BIDI_CONTROLS}{SURROGATES}]")
# Several lines may hold bidirectional marks: a note can mix English and Arabic.
_FORBIDDEN_IN_TEXT = re.compile(f"[{CONTROLS_BUT_LINE_BREAKS}{SURROGATES}]")


def protocol_of(schema_version: str) -> int | None:
    """The record protocol a bundle's ``schema_version`` names: a plain number since protocol 2,
    and the laptop's migration head ("0004") for protocol 1. None when it is neither."""
    if _MIGRATION_HEAD.fullmatch(schema_version):
        return 1
    if _PROTOCOL_NUMBER.fullmatch(schema_version):
        return int(schema_version)
    return None


def laptop_protocol_problem(schema_version: str) -> str | None:
    """Why the hub cannot take a laptop's bundle of this ``schema_version``, as a clause for
    "The bundle was refused: …"; None when it can."""
    protocol = protocol_of(schema_version)
    if protocol is None or protocol > PROTOCOL_VERSION:
        return (
            "this laptop's rjdesk is newer than the hub's (record protocol "
            f"{shown(schema_version)}; the hub knows {OLDEST_PROTOCOL} to {PROTOCOL_VERSION}): "
            "update the hub"
        )
    if protocol < OLDEST_PROTOCOL:
        return f"this laptop's rjdesk is too old for the hub (protocol {protocol}): update it"
    return None


def hub_protocol_known(schema_version: str) -> bool:
    """Whether a laptop can apply a hub bundle of this ``schema_version`` ("0": a hub of the
    previous release that had not heard from the laptop yet)."""
    protocol = 1 if schema_version == "0" else protocol_of(schema_version)
    return protocol is not None and protocol <= PROTOCOL_VERSION


def version_for(laptop_version: str) -> str:
    """The ``schema_version`` of the hub's bundles to a laptop that last sent this one: the
    laptop's own while the hub still writes it (records of protocols 1 and 2 are alike), else
    the hub's."""
    protocol = protocol_of(laptop_version)
    if protocol is not None and OLDEST_PROTOCOL <= protocol <= PROTOCOL_VERSION:
        return laptop_version
    return str(PROTOCOL_VERSION)


def fields_for(protocol_text: str, table: str, fields: dict[str, Any]) -> dict[str, Any]:
    """A record's fields as a side speaking ``protocol_text`` (a bundle's ``schema_version``)
    knows them: the fields of later protocols left out."""
    protocol = protocol_of(protocol_text) or PROTOCOL_VERSION
    newer = {
        name
        for version, tables in ADDED_IN.items()
        if version > protocol
        for name in tables.get(table, ())
    }
    if not newer or not newer & fields.keys():
        return fields
    return {name: value for name, value in fields.items() if name not in newer}


def table_known(protocol_text: str, table: str) -> bool:
    """Whether a side speaking ``protocol_text`` (a bundle's ``schema_version``) knows this
    table: one speaking an older protocol is sent none of the records of later tables."""
    protocol = protocol_of(protocol_text) or PROTOCOL_VERSION
    return not any(
        version > protocol and table in tables for version, tables in TABLES_ADDED_IN.items()
    )


def adds_records(old_text: str, new_text: str) -> bool:
    """Whether a side moving from protocol ``old_text`` to ``new_text`` (bundles'
    ``schema_version``) now knows fields or tables it was not sent before ("" or unknown: it
    was sent everything already)."""
    old, new = protocol_of(old_text), protocol_of(new_text)
    if old is None or new is None or new <= old:
        return False
    return any(old < version <= new for version in (*ADDED_IN, *TABLES_ADDED_IN))


def references(table: str) -> dict[str, Field]:
    """The fields of a table that name other records (REF and IDS)."""
    return {name: f for name, f in BY_NAME[table].fields.items() if f.kind in (REF, IDS)}


def check_record(record: Any) -> str | None:
    """What is wrong with one record on its own, as one sentence; None when nothing is.

    ``record`` is a ``rjdesk.sync.records.Record`` (table, id, op, case_id, fields). Checks the
    fields a ``put`` carries against the schema (known names, types, required, limits, one-line
    text without control characters) and that its case agrees with its ``case_id`` field.
    Deletions carry no fields to check."""
    table = BY_NAME.get(record.table)
    where = f"{record.table} {shown(record.id)}"
    if table is None:
        return f"{where} is of a table that does not sync"
    if record.op == "del":
        return None
    fields = record.fields
    unknown = sorted(set(fields) - set(table.fields))
    if unknown:
        return (
            f"{where} has fields this rjdesk does not know ({shown(', '.join(unknown))}): "
            "it was made by a newer rjdesk"
        )
    case_problem = _case_problem(table, record)
    if case_problem:
        return case_problem
    for name, spec in table.fields.items():
        value = fields.get(name)
        if value is None:
            if spec.required:
                return f"{where} has no {name}, which it must have"
            continue
        problem = _value_problem(spec, value)
        if problem:
            return f"{where}: {name} {problem}"
    return None


def _case_problem(table: Table, record: Any) -> str | None:
    where = f"{record.table} {shown(record.id)}"
    case = record.case_id
    if table.case_via == "":
        return None
    if table.case_via == "id":
        if case is not None and case != record.id:
            return f"{where} says it is of case {shown(case)}, but it is a case of its own"
        return None
    if record.op == "put" and table.case_via == "case_id":
        own = record.fields.get("case_id")
        if case is not None and own != case:
            return f"{where} says it is of case {shown(case)} but its case_id is {shown(own)}"
    if case is None and record.op == "put":
        return f"{where} names no case"
    return None


def _value_problem(spec: Field, value: Any) -> str | None:
    """What is wrong with a non-null value for this field, as the end of a sentence."""
    kind = spec.kind
    if kind in (LINE, TEXT):
        if not isinstance(value, str):
            return "is not text"
        return _text_problem(value, spec.max_length, one_line=kind == LINE)
    if kind == ENUM:
        if not isinstance(value, str) or value not in spec.values:
            return "is not one of its known values"
        return None
    if kind == DATE:
        return None if _is_date(value) else "is not a date (YYYY-MM-DD)"
    if kind == TIME:
        return None if _is_time(value) else "is not a UTC time (YYYY-MM-DDTHH:MM:SSZ)"
    if kind == BOOL:
        return None if isinstance(value, bool) else "is not true or false"
    if kind == INT:
        if not isinstance(value, int) or isinstance(value, bool):
            return "is not a whole number"
        if not spec.minimum <= value <= spec.maximum:
            return f"is not between {spec.minimum:,} and {spec.maximum:,}"
        return None
    if kind == BLOB:
        if not isinstance(value, dict) or set(value) != {"$blob"}:
            return "is not an attachment reference"
        digest = value["$blob"]
        return None if isinstance(digest, str) and _SHA256.fullmatch(digest) else "is malformed"
    if kind == REF:
        return None if _is_id(value) else "is not a record id"
    if kind == IDS:
        if not isinstance(value, list) or len(value) > MAX_LIST:
            return f"is not a list of at most {MAX_LIST} record ids"
        return None if all(_is_id(item) for item in value) else "lists something not a record id"
    if kind == LINES:
        if not isinstance(value, list) or len(value) > MAX_LIST:
            return f"is not a list of at most {MAX_LIST} texts"
        for item in value:
            if not isinstance(item, str):
                return "lists something that is not text"
            problem = _text_problem(item, spec.max_length, one_line=True)
            if problem:
                return f"lists a text that {problem}"
        return None
    return "has a type this rjdesk does not know"


def _text_problem(value: str, max_length: int, *, one_line: bool) -> str | None:
    """What is wrong with a text, as the end of a sentence ("is longer than …"); None if fine."""
    if len(value) > max_length:
        return f"is longer than {max_length:,} characters"
    found = (_FORBIDDEN_IN_LINE if one_line else _FORBIDDEN_IN_TEXT).search(value)
    if found is None:
        return None
    char = found.group()
    if "\ud800" <= char <= "\udfff":
        return "holds a broken character (a lone surrogate)"
    if _BIDI.fullmatch(char):
        return "holds a bidirectional override"
    return "holds a control character" + (" (it must be one line)" if one_line else "")


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and 1 <= len(value) <= ID_LENGTH and value.isprintable()


def _is_date(value: Any) -> bool:
    if not isinstance(value, str) or not _DATE_TEXT.fullmatch(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _is_time(value: Any) -> bool:
    if not isinstance(value, str) or not _TIME_TEXT.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(value.removesuffix("Z") + "+00:00")
    except ValueError:
        return False
    return True


def shown(value: Any) -> str:
    """A value from an untrusted record, safe in a one-line message."""
    text = value if isinstance(value, str) else repr(type(value).__name__)
    clean = "".join(c if c.isprintable() else "?" for c in text[:40])
    return clean + ("…" if len(text) > 40 else "")
