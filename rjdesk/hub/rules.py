"""Re-checking the rules of DESIGN §2 on a merged case (docs/sync-protocol.md, "Merging").

Two laptops can each record something valid on its own that breaks a rule together: consent
withdrawn on one while the other, offline, recorded a conference after that date. The hub
materialises the case's current records as the domain's own model objects, in a throwaway
in-memory SQLite database (never a file: this is case data in plain), checks them with
``rjdesk.domain.rules``, and discards them. Each breach is a sentence naming the contact or
signature and what is wrong.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Engine, create_engine, event, insert
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from rjdesk.domain import rules
from rjdesk.domain.base import Base
from rjdesk.domain.enums import ContactKind
from rjdesk.domain.models import Case
from rjdesk.errors import InvalidBundle
from rjdesk.sync import records
from rjdesk.sync.records import Record

LONDON = ZoneInfo("Europe/London")
# What the rules look at; documents (and their content) are left out.
_TABLES = tuple(name for name in records.SYNCED_TABLES if name != "document")
_KIND_NAMES = {ContactKind.CONFERENCE: "conference", ContactKind.SHUTTLE: "shuttle work"}

_engine: Engine | None = None
# One scratch database for the process; checks take turns (ingests are serialised anyway).
_lock = threading.Lock()


@dataclass(frozen=True)
class Breach:
    """A rule the merged case breaks, at one row (a contact or a signature)."""

    table: str
    row_id: str
    message: str


class _AnyBlob(Mapping[str, bytes]):
    """Binary values are not needed to check rules: every blob reads as empty bytes."""

    def __getitem__(self, key: str) -> bytes:
        return b""

    def __contains__(self, key: object) -> bool:
        return True

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


def _scratch() -> Engine:
    global _engine  # noqa: PLW0603 - one in-memory schema, made once per process
    if _engine is None:
        engine = create_engine(
            "sqlite://", poolclass=StaticPool, connect_args={"check_same_thread": False}
        )

        # pysqlite's own transaction handling breaks savepoints; SQLAlchemy's recipe.
        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection: Any, _record: Any) -> None:
            dbapi_connection.isolation_level = None

        @event.listens_for(engine, "begin")
        def _on_begin(connection: Any) -> None:
            connection.exec_driver_sql("BEGIN")

        Base.metadata.create_all(engine)
        _engine = engine
    return _engine


def check_case(case_id: str, rows: list[tuple[str, str, dict[str, Any]]]) -> list[Breach]:
    """The breaches of one case, given its live rows as (table, row id, fields)."""
    if not any(_needs_checking(table, fields) for table, _row_id, fields in rows):
        return []  # no conference, shuttle work or signature: no rule here can be broken
    with _lock:
        engine = _scratch()
        with engine.connect() as connection:
            transaction = connection.begin()
            try:
                _insert(connection, case_id, rows)
                with Session(bind=connection) as session:
                    case = session.get(Case, case_id)
                    return _breaches(case) if case is not None else []
            finally:
                transaction.rollback()


def _needs_checking(table: str, fields: dict[str, Any]) -> bool:
    if table == "signature":
        return True
    return table == "contact" and fields.get("kind") in {kind.value for kind in _KIND_NAMES}


def _insert(connection: Any, case_id: str, rows: list[tuple[str, str, dict[str, Any]]]) -> None:
    by_table: dict[str, list[tuple[str, dict[str, Any]]]] = {name: [] for name in _TABLES}
    for table, row_id, fields in rows:
        if table in by_table:
            by_table[table].append((row_id, fields))
    blobs = _AnyBlob()
    links: list[dict[str, Any]] = []
    for name in _TABLES:
        key = records.id_column(name)
        values: list[dict[str, Any]] = []
        for row_id, fields in by_table[name]:
            record = Record(name, row_id, "put", 0, case_id, fields)
            try:
                values.append({**records.decode_fields(record, blobs), key: row_id})
                if name == "contact":
                    present = dict.fromkeys(records.present_of(record) or [])
                    links += [{"contact_id": row_id, "participant_id": p} for p in present]
            except InvalidBundle:
                continue  # a value the merged state cannot hold: the row is left out
        _insert_all(connection, records.table(name), values)
    _insert_all(connection, Base.metadata.tables["contact_present"], links)


def _insert_all(connection: Any, target: Any, values: list[dict[str, Any]]) -> None:
    """Insert rows in batches of the same columns; if a batch fails (two laptops' drafts both
    numbered version 1, say), insert its rows one by one and leave out those that fail."""
    batches: dict[frozenset[str], list[dict[str, Any]]] = {}
    for row in values:
        batches.setdefault(frozenset(row), []).append(row)
    for batch in batches.values():
        try:
            with connection.begin_nested():
                connection.execute(insert(target), batch)
        except SQLAlchemyError:
            for row in batch:
                try:
                    with connection.begin_nested():
                        connection.execute(insert(target), [row])
                except SQLAlchemyError:
                    continue


def _breaches(case: Case) -> list[Breach]:
    found: list[Breach] = []
    for contact in case.contacts:
        if not contact.kind.is_intervention:
            continue
        day = contact.at.astimezone(LONDON).date()
        what = _KIND_NAMES.get(contact.kind, contact.kind.value)
        for blocker in rules.intervention_blockers(case, contact.kind, contact.present, day):
            found.append(
                Breach(
                    "contact",
                    contact.id,
                    f"The {what} of {day:%d %b %Y} was recorded, but {_clause(blocker)}.",
                )
            )
    for agreement in case.agreements:
        for signature in agreement.signatures:
            participant = signature.participant
            if participant is None:
                continue
            for gap in rules.consent_gaps(participant, signature.signed_on):
                found.append(
                    Breach(
                        "signature",
                        signature.id,
                        f"The signature of {participant.name} on {signature.signed_on:%d %b %Y} "
                        f"was recorded, but {_clause(gap)}.",
                    )
                )
    return found


def _clause(sentence: str) -> str:
    return sentence.rstrip(". ")
