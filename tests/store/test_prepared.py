"""Prepared statements (``rjdesk.store.prepared``) give what SQLAlchemy's Core execution gives,
and audit events appended without a session (``audit.append_all``) chain exactly as those of a
unit of work. Real vaults."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import bindparam, select

from rjdesk.domain.models import AuditEvent, Case, Consent, Participant
from rjdesk.services import importer
from rjdesk.store import audit
from rjdesk.store.audit import verify_chain
from rjdesk.store.prepared import Driver, Prepared
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import Stage
from tests.conftest import HATE_CRIME, NEIGHBOUR_DISPUTE

CASES = select(
    Case.__table__.c.id, Case.__table__.c.stage, Case.__table__.c.received_on,
    Case.__table__.c.flags, Case.__table__.c.created_at,
).order_by(Case.__table__.c.reference)  # fmt: skip
CONSENTS_OF = (
    select(Consent.__table__.c.participant_id, Consent.__table__.c.scope)
    .where(Consent.__table__.c.participant_id.in_(bindparam("ids", expanding=True)))
    .order_by(Consent.__table__.c.given_on, Consent.__table__.c.id)
)
RECEIVED_SINCE = select(Case.__table__.c.reference).where(
    Case.__table__.c.received_on >= bindparam("since"), Case.__table__.c.summary != ""
)


@pytest.fixture
def two_cases(vault: Vault) -> Vault:
    with vault.unit_of_work() as uow:
        importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes())
        importer.import_case(uow, HATE_CRIME.read_bytes())
    return vault


def test_prepared_rows_equal_core_rows_with_the_same_types(two_cases: Vault) -> None:
    with two_cases.reader() as session:
        conn = session.connection()
        core = conn.execute(CASES).all()
        prepared = Prepared(CASES).rows(conn)
        assert [tuple(row) for row in prepared] == [tuple(row) for row in core]
        assert [row._asdict() for row in prepared] == [row._asdict() for row in core]
        first = prepared[0]
        assert isinstance(first.received_on, date)
        assert first.created_at.tzinfo is not None  # the vault's UTC datetimes, as the ORM's
        assert first.stage == core[0].stage and type(first.stage) is type(core[0].stage)


def test_list_parameters_and_the_statements_own_values(two_cases: Vault) -> None:
    with two_cases.reader() as session:
        conn = session.connection()
        ids = list(session.scalars(select(Participant.id)))
        query = Prepared(CONSENTS_OF)
        assert query.rows(conn, ids=ids) == [
            tuple(row) for row in conn.execute(CONSENTS_OF, {"ids": ids})
        ]
        assert len(query.rows(conn, ids=ids[:1])) <= len(query.rows(conn, ids=ids))
        assert query.rows(conn, ids=[]) == []
        since = Prepared(RECEIVED_SINCE)  # a date bound as the Date type binds it
        assert len(since.rows(conn, since=date(2000, 1, 1))) == 2
        assert since.rows(conn, since=date(2100, 1, 1)) == []
        with pytest.raises(KeyError, match="since"):
            since.rows(conn)


def test_audit_events_appended_without_a_session_chain_as_a_unit_of_works(vault: Vault) -> None:
    at = datetime(2026, 11, 20, 12, 0, 0, 123456, tzinfo=UTC)
    with vault.unit_of_work() as uow:
        uow.audit("list_cases", detail="3 shown")
    with vault.engine.begin() as conn:
        written = audit.append_all(conn, [
            {"at": at, "actor": "Alex Morgan", "device_id": "d", "action": "view_case",
             "entity": "case", "entity_id": "c1", "case_reference": "RJ-1"},
            {"at": at, "actor": "Alex Morgan", "device_id": "d", "action": "view_case",
             "entity": "case", "entity_id": "c2", "case_reference": "RJ-2"},
        ])  # fmt: skip
        assert written == 2
        assert audit.append_all(conn, []) == 0
    with vault.unit_of_work() as uow:
        uow.audit("list_cases", detail="3 shown")
    with vault.reader() as session:
        assert list(verify_chain(session)) == []
        events = list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
    assert [e.action for e in events[-4:]] == ["list_cases", "view_case", "view_case", "list_cases"]
    viewed = events[-3]
    assert viewed.at == at.replace(microsecond=123000)  # kept to the millisecond, as ever
    assert viewed.hash == audit.event_hash(viewed.prev_hash, viewed)
    with pytest.raises(ValueError, match="must name it"), vault.engine.begin() as conn:
        audit.append_all(conn, [{"at": at, "actor": "A", "device_id": "d", "action": "x",
                                 "entity": "case"}])  # fmt: skip


def test_a_value_an_enum_does_not_have_is_refused_as_by_sqlalchemy(
    two_cases: Vault,
) -> None:
    with two_cases.engine.connect() as conn, conn.begin() as transaction:
        conn.exec_driver_sql("UPDATE case_file SET stage = 'limbo'")
        with pytest.raises(LookupError) as core:
            conn.execute(CASES).all()
        with pytest.raises(LookupError) as prepared:
            Prepared(CASES).rows(conn)
        assert str(prepared.value) == str(core.value)
        assert "'limbo' is not among the defined enum values" in str(prepared.value)
        transaction.rollback()


@dataclass(frozen=True)
class _CaseLine:
    id: str
    stage: Stage
    received_on: date
    flags: list[str]
    created_at: datetime
    seen: bool = False


def test_rows_made_as_a_view_hold_what_the_named_rows_hold(two_cases: Vault) -> None:
    with two_cases.reader() as session:
        conn = session.connection()
        named = Prepared(CASES).rows(conn)
        made = Prepared(CASES, row=_CaseLine).rows(conn)
    assert [type(line) for line in made] == [_CaseLine] * 2
    assert [dataclasses.astuple(line)[:-1] for line in made] == [tuple(row) for row in named]
    with pytest.raises(TypeError, match="first fields must be the columns"):
        Prepared(CASES.add_columns(Case.__table__.c.reference), row=_CaseLine)


def test_a_reading_commits_its_event_and_one_that_fails_writes_nothing(two_cases: Vault) -> None:
    """``Vault.reading`` begins and ends its transaction on the pooled driver connection: its
    audit event is committed and chained, a reading that raises writes nothing and leaves no
    transaction open on the connection the pool hands out next."""
    with two_cases.reading() as reading:
        assert isinstance(reading.conn, Driver)
        assert len(Prepared(CASES).rows(reading.conn)) == 2
        reading.audit("view_case", entity="case", entity_id="c1", case_reference="RJ-1")
    with pytest.raises(RuntimeError), two_cases.reading() as reading:
        reading.audit("view_case", entity="case", entity_id="c2", case_reference="RJ-2")
        raise RuntimeError("the window closed")
    pooled = two_cases.engine.raw_connection()  # the connection the reading gave back
    try:
        assert pooled.driver_connection is not None
        assert not pooled.driver_connection.in_transaction
    finally:
        pooled.close()
    with two_cases.unit_of_work() as uow:  # the pool's connection is free to write
        uow.audit("list_cases", detail="2 shown")
    with two_cases.reading() as reading:
        reading.audit("view_case", entity="case", entity_id="c1", case_reference="RJ-1")
    with two_cases.reader() as session:
        assert list(verify_chain(session)) == []
        events = list(session.scalars(select(AuditEvent).order_by(AuditEvent.id)))
    assert [(e.action, e.entity_id) for e in events[-3:]] == [
        ("view_case", "c1"), ("list_cases", ""), ("view_case", "c1")
    ]  # fmt: skip
