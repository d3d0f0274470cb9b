"""The console's audit log: every action of a person at the hub is recorded, hash-chained, and
cannot be changed or cut without ``verify`` naming it; on SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from rjdesk_hub import Hub
from rjdesk_hub.console import ledger
from rjdesk_hub.console.ledger import Action, Actor, Outcome
from rjdesk_hub.console.ledger_query import (
    AuditFilter,
    ExportFormat,
    export,
    query,
    read_export,
)
from rjdesk_protocol.errors import UsageError

SAM = Actor("acct-sam", "Sam Patel", "192.0.2.10")
AUDREY = Actor("acct-audrey", "Audrey Okafor", "2001:db8::7")
EVENTS = "hub_console_audit_event"
HEAD = "hub_console_audit_head"
T0 = datetime(2026, 12, 14, 9, 30, 0, 123456, tzinfo=UTC)
CANARY = "Zoë CANARY-7F3A Quill, 14 Mill Lane"


def _record(hub: Hub, actor: Actor, action: Action, **fields: object) -> ledger.AuditEntry:
    with hub.db.transaction() as tx:
        return ledger.record(tx.session, actor, action, at=fields.pop("at", tx.now), **fields)  # type: ignore[arg-type]


def _a_morning(hub: Hub) -> None:
    """Sam signs in, finds a case, opens it, assigns it; Audrey fails to sign in, then exports."""
    _record(hub, SAM, Action.SIGN_IN, at=T0)
    _record(
        hub,
        SAM,
        Action.SEARCH,
        at=T0 + timedelta(minutes=1),
        detail=ledger.search_detail({"name": CANARY, "stage": ""}, results=1),
    )
    _record(
        hub,
        SAM,
        Action.VIEW_CASE,
        at=T0 + timedelta(minutes=2),
        case_id="c-1",
        case_reference="RJ-26-K7QXM-0042",
    )
    _record(
        hub,
        SAM,
        Action.ASSIGN,
        at=T0 + timedelta(minutes=3),
        case_id="c-1",
        case_reference="RJ-26-K7QXM-0042",
        detail={"facilitator": "f-2"},
    )
    _record(
        hub,
        Actor("", "", "198.51.100.4"),
        Action.SIGN_IN_FAILED,
        at=T0 + timedelta(days=1),
        outcome=Outcome.REFUSED,
        detail={"reason": "password"},
    )
    _record(
        hub,
        AUDREY,
        Action.LAPTOP_LOST,
        at=T0 + timedelta(days=1, hours=2),
        device_id="dev-abc",
        detail={"cases": 3},
    )


def _problems(hub: Hub) -> list[str]:
    with hub.db.reader() as session:
        return [problem.message for problem in ledger.verify(session)]


@contextmanager
def _insider(hub: Hub) -> Iterator[Connection]:
    """Someone with the database (not the hub's code) and the rights to lift its guards."""
    postgres = hub.db.engine.dialect.name == "postgresql"
    with hub.db.engine.begin() as connection:
        if postgres:
            connection.execute(text(f"ALTER TABLE {EVENTS} DISABLE TRIGGER USER"))
            connection.execute(text(f"ALTER TABLE {HEAD} DISABLE TRIGGER USER"))
        else:
            for name in ("event_no_update", "event_no_delete", "head_no_delete", "head_forward"):
                connection.execute(text(f"DROP TRIGGER IF EXISTS hub_console_audit_{name}"))
        yield connection
        if postgres:  # the next test's database keeps its guards
            connection.execute(text(f"ALTER TABLE {EVENTS} ENABLE TRIGGER USER"))
            connection.execute(text(f"ALTER TABLE {HEAD} ENABLE TRIGGER USER"))


def test_recorded_actions_form_one_chain_that_verifies(hub: Hub) -> None:
    assert _problems(hub) == []
    _a_morning(hub)
    assert _problems(hub) == []
    with hub.db.reader() as session:
        assert ledger.count(session) == 6
        shown = query(session).entries
    assert [e.action for e in shown][::-1] == [
        "sign_in",
        "search",
        "view_case",
        "assign",
        "sign_in_failed",
        "laptop_lost",
    ]
    assign = shown[2]
    assert (assign.account_id, assign.account_name, assign.address) == (
        "acct-sam",
        "Sam Patel",
        "192.0.2.10",
    )
    assert assign.case_reference == "RJ-26-K7QXM-0042" and assign.detail == "facilitator=f-2"
    # Kept in UTC to the millisecond, on every database alike.
    assert shown[-1].at == T0.replace(microsecond=123000)
    assert shown[0].address == "2001:db8::7" and shown[1].outcome == "refused"


def test_an_event_recorded_with_an_action_that_fails_is_rolled_back_with_it(hub: Hub) -> None:
    with pytest.raises(RuntimeError), hub.db.transaction() as tx:
        ledger.record(tx.session, SAM, Action.ASSIGN, at=tx.now, case_id="c-1")
        raise RuntimeError("the assignment failed")
    _record(hub, SAM, Action.SIGN_OUT)
    with hub.db.reader() as session:
        assert [e.id for e in query(session).entries] == [1]
    assert _problems(hub) == []


def test_a_changed_event_is_named(hub: Hub) -> None:
    _a_morning(hub)
    with _insider(hub) as db:
        db.execute(text(f"UPDATE {EVENTS} SET account_name = 'Someone Else' WHERE id = 4"))
    assert _problems(hub) == ["console audit event #4 was changed after it was written"]


def test_a_changed_event_rehashed_breaks_the_link_of_the_next(hub: Hub) -> None:
    _a_morning(hub)
    with hub.db.reader() as session:
        fourth = query(session, AuditFilter(action="assign")).entries[0]
    forged = ledger.AuditEntry(**{**fourth.__dict__, "account_name": "Someone Else"})
    new_hash = ledger.event_hash(forged.prev_hash, forged)
    with _insider(hub) as db:
        db.execute(
            text(f"UPDATE {EVENTS} SET account_name = 'Someone Else', hash = :h WHERE id = 4"),
            {"h": new_hash},
        )
    assert _problems(hub) == ["console audit event #5 does not follow the event before it"]


def test_a_deleted_event_is_named(hub: Hub) -> None:
    _a_morning(hub)
    with _insider(hub) as db:
        db.execute(text(f"DELETE FROM {EVENTS} WHERE id IN (2, 3)"))
    assert _problems(hub) == ["console audit events #2 to #3 are missing (deleted)"]


def test_the_newest_events_deleted_disagree_with_the_head(hub: Hub) -> None:
    _a_morning(hub)
    with _insider(hub) as db:
        db.execute(text(f"DELETE FROM {EVENTS} WHERE id >= 5"))
    assert _problems(hub) == ["console audit events #5 to #6 are missing (deleted)"]
    with _insider(hub) as db:
        db.execute(text(f"DELETE FROM {HEAD}"))
    assert _problems(hub) == ["the console audit log's head record is missing"]


def test_the_first_event_deleted_is_named(hub: Hub) -> None:
    _a_morning(hub)
    with _insider(hub) as db:
        db.execute(text(f"DELETE FROM {EVENTS} WHERE id = 1"))
    assert _problems(hub) == ["console audit event #1 is missing (deleted)"]


@pytest.mark.parametrize(
    "statement",
    [
        f"UPDATE {EVENTS} SET detail = '' WHERE id = 2",
        f"UPDATE {EVENTS} SET hash = hash",
        f"DELETE FROM {EVENTS} WHERE id = 6",
        f"DELETE FROM {EVENTS}",
        f"DELETE FROM {HEAD}",
        f"UPDATE {HEAD} SET last_event_id = 4",
        f"UPDATE {HEAD} SET last_hash = 'x'",
    ],
)
def test_the_database_refuses_to_change_or_delete_the_log(hub: Hub, statement: str) -> None:
    _a_morning(hub)
    with (
        pytest.raises(DBAPIError, match=r"append-only|only moves forward"),
        hub.db.engine.begin() as db,
    ):
        db.execute(text(statement))
    assert _problems(hub) == []
    with hub.db.reader() as session:
        assert ledger.count(session) == 6


def test_concurrent_appends_from_two_threads_keep_one_chain(hub: Hub) -> None:
    # Plain sessions, not the hub's counter-locked transactions: the log's own lock must do.
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def work(actor: Actor) -> None:
        try:
            start.wait()
            for _ in range(20):
                with Session(hub.db.engine) as session, session.begin():
                    ledger.record(
                        session, actor, Action.VIEW_CASE, at=datetime.now(UTC), case_id="c-1"
                    )
        except BaseException as exc:  # reported below, in the test's own thread
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(actor,)) for actor in (SAM, AUDREY)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert _problems(hub) == []
    with hub.db.reader() as session:
        found = query(session, per_page=50).entries
    assert sorted(e.id for e in found) == list(range(1, 41))
    assert {e.account_name for e in found} == {"Sam Patel", "Audrey Okafor"}


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_an_export_reads_back_as_the_same_chain(hub: Hub, fmt: ExportFormat) -> None:
    _a_morning(hub)
    # Names a spreadsheet would run as a formula, and letters beyond ASCII, come back as typed.
    _record(hub, Actor("acct-x", '=HYPERLINK("x")', ""), Action.SIGN_OUT)
    _record(hub, Actor("acct-y", '\'Siân Ó Dálaigh, "Bea"', "10.0.0.1"), Action.SIGN_OUT)
    with hub.db.reader() as session:
        written = "".join(export(session, AuditFilter(), fmt))
        stored = list(reversed(query(session).entries))
    if fmt is ExportFormat.CSV:
        assert "'=HYPERLINK" in written and ",=" not in written
    read = read_export(written, fmt)
    assert read == stored
    walk = ledger.ChainWalk()
    assert list(walk.walk(read)) == [] and walk.last == stored[-1]

    # A range from the middle verifies on its own; an edited line in it does not.
    with hub.db.reader() as session:
        day_two = "".join(
            export(
                session,
                AuditFilter(
                    start=datetime(2026, 12, 15, tzinfo=UTC), end=datetime(2026, 12, 16, tzinfo=UTC)
                ),
                fmt,
            )
        )
    assert [e.id for e in read_export(day_two, fmt)] == [5, 6]
    assert list(ledger.ChainWalk(prev_hash=None).walk(read_export(day_two, fmt))) == []
    edited = day_two.replace("dev-abc", "dev-xyz")
    assert [p.message for p in ledger.ChainWalk(None).walk(read_export(edited, fmt))] == [
        "console audit event #6 was changed after it was written"
    ]


def test_a_file_that_is_not_an_export_is_refused_in_one_sentence() -> None:
    with pytest.raises(UsageError, match="not a console audit export"):
        read_export("id,at\n1,2\n", ExportFormat.CSV)
    with pytest.raises(UsageError, match="not a console audit export in jsonl"):
        read_export('{"id": 1}\n', ExportFormat.JSONL)


def test_the_log_is_queried_by_person_action_case_laptop_and_time_in_pages(hub: Hub) -> None:
    _a_morning(hub)
    with hub.db.reader() as session:

        def ids(where: AuditFilter, **paging: int) -> list[int]:
            return [e.id for e in query(session, where, **paging).entries]

        assert ids(AuditFilter(account_id="acct-sam")) == [4, 3, 2, 1]
        assert ids(AuditFilter(action="sign_in_failed")) == [5]
        assert ids(AuditFilter(case="RJ-26-K7QXM-0042")) == [4, 3]
        assert ids(AuditFilter(case="c-1", action="assign")) == [4]
        assert ids(AuditFilter(device_id="dev-abc")) == [6]
        second = T0.replace(microsecond=0)
        assert ids(
            AuditFilter(start=second + timedelta(minutes=2), end=second + timedelta(days=1))
        ) == [4, 3]
        page = query(session, AuditFilter(), page=2, per_page=4)
        assert [e.id for e in page.entries] == [2, 1] and (page.total, page.pages) == (6, 2)
        assert query(session, AuditFilter(account_id="nobody")).pages == 1
        with pytest.raises(UsageError):
            query(session, page=0)


def test_no_case_content_reaches_the_log(hub: Hub) -> None:
    # A search for a name records which fields were filled and how many cases it found.
    _a_morning(hub)
    with hub.db.reader() as session:
        search = query(session, AuditFilter(action="search")).entries[0]
        exported = "".join(export(session, AuditFilter(), ExportFormat.JSONL))
    assert search.detail == "fields=name results=1"
    assert "CANARY" not in exported
    # Text typed into a form, put in a detail by mistake, is refused before anything is written,
    # and the refusal does not repeat it.
    for bad in (CANARY, "CANARY-7F3A Quill", "<script>", "a" * 65, ["ok", "two words"]):
        with pytest.raises(ValueError, match="ids or field names only") as refused:
            _record(hub, SAM, Action.VIEW_CASE, detail={"note": bad})  # type: ignore[dict-item]
        assert "CANARY" not in str(refused.value)
    with pytest.raises(ValueError, match="field name"):
        _record(hub, SAM, Action.VIEW_CASE, detail={CANARY: 1})
    with pytest.raises(ValueError, match="case reference must be an id"):
        _record(hub, SAM, Action.VIEW_CASE, case_reference=CANARY)
    with hub.db.reader() as session:
        assert ledger.count(session) == 6
    if hub.db.engine.dialect.name == "sqlite":
        hub.db.dispose()  # checkpointed: every byte is in the files now
        for path in hub.data_dir.rglob("*"):
            if path.is_file():
                assert b"CANARY" not in path.read_bytes(), path


def test_only_the_fixed_actions_and_outcomes_are_recorded(hub: Hub) -> None:
    with pytest.raises(ValueError):
        _record(hub, SAM, "drop_tables")  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        _record(hub, SAM, Action.SIGN_IN, outcome="maybe")
    with pytest.raises(ValueError, match="one line"):
        _record(hub, Actor("a", "Sam\nPatel", ""), Action.SIGN_IN)
    with pytest.raises(ValueError, match="IP address"):
        _record(hub, Actor("a", "Sam", "not-an-ip"), Action.SIGN_IN)
    with pytest.raises(ValueError, match="time zone"), hub.db.transaction() as tx:
        ledger.record(tx.session, SAM, Action.SIGN_IN, at=datetime(2026, 12, 14))
