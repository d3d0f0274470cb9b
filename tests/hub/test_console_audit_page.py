"""The Audit page over the console's real app and a real hub: the log newest first, filtered by
person, action, case, laptop and date, paged; the chain's state; exports of the filtered range
as CSV (formula cells escaped) and JSON Lines that check against the chain; refused to a
coordinator; viewing and exporting recorded."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from rjdesk_hub import Hub
from rjdesk_hub.console import ledger, ledger_query
from rjdesk_hub.console.audit_web import ACTION_WORDS
from rjdesk_hub.console.ledger import Action as LoggedAction
from rjdesk_hub.console.ledger_query import ExportFormat
from rjdesk_hub.models import ConsoleAuditEvent
from tests.hub.console_fixtures import client, clock, hub  # noqa: F401 - fixtures
from tests.hub.console_signin import (
    Clock,
    Person,
    accounts_of,
    set_up_person,
    sign_in,
)


@pytest.fixture
def auditor(client: TestClient, clock: Clock) -> Person:
    return set_up_person(accounts_of(client), clock, "ines.auditor", "auditor")


def _record(hub: Hub, name: str, action: ledger.Action, **which: str) -> None:
    account_id = "id-" + "".join(c for c in name if c.isalnum() or c == ".")
    actor = ledger.Actor(account_id=account_id, account_name=name, address="10.0.0.7")
    with hub.db.transaction() as tx:
        ledger.record(tx.session, actor, action, at=tx.now, **which)


def _signed_in(client: TestClient, who: Person, clock: Clock) -> None:
    assert sign_in(client, who, clock).status_code == 303


def _events(hub: Hub, action: str) -> list[ConsoleAuditEvent]:
    with hub.db.reader() as session:
        return list(
            session.scalars(select(ConsoleAuditEvent).where(ConsoleAuditEvent.action == action))
        )


def test_the_log_is_listed_newest_first_in_words_and_viewing_it_is_recorded(
    hub: Hub, client: TestClient, clock: Clock, auditor: Person
) -> None:
    _record(hub, "sam.coordinator", ledger.Action.ASSIGN, case_id="c1", case_reference="RJ-1")
    clock.advance(minutes=1)
    _signed_in(client, auditor, clock)
    answer = client.get("/audit")
    assert answer.status_code == 200
    assert "<title>Audit log – RJ hub</title>" in answer.text
    table = answer.text[answer.text.index('id="events"') :]
    # Newest first: the auditor's sign-in, then the assignment.
    assert table.index("Signed in") < table.index("Assigned a case")
    assert "Case RJ-1" in table and "10.0.0.7" in table and "sam.coordinator" in table
    assert "The log is whole" in answer.text
    assert [event.account_name for event in _events(hub, "view_audit")] == ["ines.auditor"]


def test_the_filters_pick_person_action_case_laptop_and_days(
    hub: Hub, client: TestClient, clock: Clock, auditor: Person
) -> None:
    _record(hub, "sam.coordinator", ledger.Action.ASSIGN, case_id="c1", case_reference="RJ-1")
    _record(hub, "kim.coordinator", ledger.Action.VIEW_CASE, case_id="c2", case_reference="RJ-2")
    _record(hub, "kim.coordinator", ledger.Action.LAPTOP_LOST, device_id="dev-9")
    clock.advance(days=2)
    _signed_in(client, auditor, clock)

    def listed(**params: str) -> str:
        answer = client.get("/audit", params=params)
        assert answer.status_code == 200, answer.text
        return answer.text[answer.text.index('id="results-heading"') :]

    by_case = listed(case="RJ-2")
    assert "1 event" in by_case and "Viewed a case" in by_case and "RJ-1" not in by_case
    assert "Reported a laptop lost" in listed(laptop="dev-9")
    assert "1 event" in listed(action="assign")
    assert "1 event" in listed(person="id-sam.coordinator")
    day = clock.now.date()
    recent = listed(**{"from": day.isoformat(), "to": day.isoformat()})
    assert "Assigned a case" not in recent and "Signed in" in recent
    before = listed(to=(day - timedelta(days=1)).isoformat())
    assert "Assigned a case" in before and "Viewed the audit log" not in before
    assert "No event matches" in listed(case="RJ-404")
    # What the viewer typed is never recorded: only which filters were used.
    details = [event.detail for event in _events(hub, "view_audit")]
    assert "fields=case results=1 page=1" in " ".join(details) or any(
        "fields=case" in detail for detail in details
    )
    assert all("RJ-2" not in detail and "dev-9" not in detail for detail in details)


def test_a_filter_that_cannot_be_read_is_answered_beside_its_field(
    hub: Hub, client: TestClient, clock: Clock, auditor: Person
) -> None:
    _signed_in(client, auditor, clock)
    answer = client.get("/audit", params={"from": "yesterday", "action": "<script>"})
    assert answer.status_code == 400
    assert "<title>Error: Audit log – RJ hub</title>" in answer.text
    assert "There is a problem" in answer.text
    assert 'href="#filter-from"' in answer.text and 'href="#filter-action"' in answer.text
    assert (
        "<script>"
        not in answer.text.split("</header>", 1)[1]
        .replace('<script type="module"', "")
        .split("<footer")[0]
    )


def test_the_log_is_paged(hub: Hub, client: TestClient, clock: Clock, auditor: Person) -> None:
    for number in range(60):
        _record(hub, "sam.coordinator", ledger.Action.SEARCH, case_id=f"c{number}")
    _signed_in(client, auditor, clock)
    first = client.get("/audit", params={"action": "search"})
    assert "60 events, page 1 of 2" in first.text
    assert "govuk-pagination" in first.text and "page=2" in first.text
    second = client.get("/audit", params={"action": "search", "page": "2"})
    assert "page 2 of 2" in second.text and second.text.count('class="govuk-table__row"') == 11
    beyond = client.get("/audit", params={"action": "search", "page": "99"})
    assert "page 2 of 2" in beyond.text


def test_the_export_holds_the_filtered_events_escapes_formulas_and_is_recorded(
    hub: Hub, client: TestClient, clock: Clock, auditor: Person
) -> None:
    _record(hub, "=HYPERLINK(1)", ledger.Action.ASSIGN, case_id="c1", case_reference="RJ-1")
    _record(hub, "sam.coordinator", ledger.Action.VIEW_CASE, case_id="c2", case_reference="RJ-2")
    _signed_in(client, auditor, clock)
    answer = client.get("/audit/export", params={"format": "csv", "action": "assign"})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in answer.headers["content-disposition"]
    lines = answer.text.splitlines()
    assert len(lines) == 2 and "'=HYPERLINK(1)" in lines[1] and "RJ-2" not in answer.text
    [entry] = ledger_query.read_export(answer.text, ExportFormat.CSV)
    assert entry.account_name == "=HYPERLINK(1)"
    assert list(ledger.ChainWalk(prev_hash=None).walk([entry])) == []
    jsonl = client.get("/audit/export", params={"format": "jsonl"})
    docs = [json.loads(line) for line in jsonl.text.splitlines()]
    actions = [doc["action"] for doc in docs]
    assert actions.index("assign") < actions.index("view_case")  # oldest first
    assert list(ledger.ChainWalk().walk(ledger_query.read_export(jsonl.text, "jsonl"))) == []
    exports = _events(hub, "export_audit")
    assert [(e.account_name, e.detail) for e in exports] == [
        ("ines.auditor", "events=1 fields=action format=csv"),
        ("ines.auditor", f"events={len(docs)} format=jsonl"),
    ]


def test_a_changed_event_shows_on_the_page(
    hub: Hub, client: TestClient, clock: Clock, auditor: Person
) -> None:
    _record(hub, "sam.coordinator", ledger.Action.ASSIGN, case_id="c1", case_reference="RJ-1")
    with hub.db.transaction() as tx:
        # The triggers refuse UPDATE; someone with the database drops them first.
        tx.session.connection().exec_driver_sql(
            "DROP TRIGGER IF EXISTS hub_console_audit_event_no_update"
        )
        names = tx.session.connection().exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='trigger'"
        )
        for (name,) in list(names):
            tx.session.connection().exec_driver_sql(f'DROP TRIGGER "{name}"')
        tx.session.connection().exec_driver_sql(
            "UPDATE hub_console_audit_event SET account_name='someone' WHERE id=1"
        )
    _signed_in(client, auditor, clock)
    answer = client.get("/audit")
    assert "has been changed since it was written" in answer.text
    assert "console audit event #1 was changed after it was written" in answer.text


def test_a_coordinator_is_refused_the_page_and_the_export(
    hub: Hub, client: TestClient, clock: Clock
) -> None:
    sam = set_up_person(accounts_of(client), clock, "sam.coordinator", "coordinator")
    _signed_in(client, sam, clock)
    for path in ("/audit", "/audit/export?format=csv"):
        answer = client.get(path)
        assert answer.status_code == 403
        assert "coordinators may not read the audit log" in answer.text
        assert "Signed in" not in answer.text
    assert _events(hub, "view_audit") == [] and _events(hub, "export_audit") == []


def test_a_stranger_is_sent_to_sign_in(client: TestClient) -> None:
    for path in ("/audit", "/audit/export"):
        answer = client.get(path)
        assert answer.status_code == 303 and answer.headers["location"] == "/sign-in"


def test_every_action_the_log_can_hold_has_words_on_the_page() -> None:

    assert set(ACTION_WORDS) == set(LoggedAction), "an action without words shows as its code name"
