"""Every action of a person at the hub reaches the console's audit log (issue 14, "Build" 2):
signing in and out, failures and lock-outs, sessions that ran out, a POST refused for want of a
permission, the ``rjdesk-hub user`` commands and the coordinator's commands. Through the real
app, the real command line and a real database; the chain is verified after each."""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from rjdesk_hub import Hub
from rjdesk_hub.cli import main
from rjdesk_hub.console import ledger
from rjdesk_hub.console.accounts import Accounts
from rjdesk_hub.console.accounts_web import SESSION_COOKIE
from rjdesk_hub.console.ledger import AuditEntry
from rjdesk_hub.models import ConsoleAuditEvent
from tests.hub.conftest import LaptopFactory
from tests.hub.console_signin import (
    Clock,
    Person,
    accounts_of,
    console_app,
    post_code,
    post_password,
    set_up_person,
    with_assign_probe,
)
from tests.laptops import new_case

PEER = "198.51.100.7"
PROXY = "10.0.0.1"
CANARY = "zebracanary.quokka"

MakeClient = Callable[[str], TestClient]


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def hub(tmp_path: Path, clock: Clock) -> Iterator[Hub]:
    made = Hub.init(tmp_path / "hub", name="Test hub", url="https://hub.example.org", clock=clock)
    made.settings = dataclasses.replace(made.settings, trusted_proxy=PROXY)
    yield made
    made.close()


@pytest.fixture
def clients(hub: Hub) -> Iterator[MakeClient]:
    """Clients over one app, each connecting from the address given."""
    console, app = console_app(hub)
    with_assign_probe(app)
    made: list[TestClient] = []

    def make(address: str) -> TestClient:
        client = TestClient(
            console, base_url="https://testserver", follow_redirects=False, client=(address, 40000)
        )
        client.__enter__()
        made.append(client)
        return client

    yield make
    for client in made:
        client.__exit__(None, None, None)


@pytest.fixture
def client(clients: MakeClient) -> TestClient:
    return clients(PEER)


@pytest.fixture
def accounts(client: TestClient) -> Accounts:
    found = accounts_of(client)
    return found


@pytest.fixture
def sam(accounts: Accounts, clock: Clock) -> Person:
    return set_up_person(accounts, clock, "sam.coordinator", "coordinator")


def events(hub: Hub) -> list[AuditEntry]:
    """Every event, oldest first, once the chain is checked whole."""
    with hub.db.reader() as session:
        assert list(ledger.verify(session)) == []
        query = select(ConsoleAuditEvent).order_by(ConsoleAuditEvent.id)
        rows = session.scalars(query)
        return [AuditEntry.of(row) for row in rows]


def since(hub: Hub, count: int) -> list[AuditEntry]:
    return events(hub)[count:]


def account_id(accounts: Accounts, name: str) -> str:
    with accounts.db.reader() as session:
        user = Accounts._user(session, name)
        assert user is not None
        return user.id


def csrf_of_session(client: TestClient) -> str:
    """The CSRF token of the signed-in session (as a console page would carry it)."""
    accounts = accounts_of(client)
    view = accounts.session(client.cookies.get(SESSION_COOKIE), touch=False)
    assert view is not None
    return view.csrf_token


def test_signing_in_and_out_is_recorded_with_the_account_and_address(
    hub: Hub, client: TestClient, accounts: Accounts, sam: Person, clock: Clock
) -> None:
    before = len(events(hub))
    assert post_password(client, sam.name, sam.password).status_code == 303
    assert post_code(client, sam.code(clock)).status_code == 303
    client.post("/sign-out", data={"csrf_token": csrf_of_session(client)})
    found = since(hub, before)
    sam_id = account_id(accounts, sam.name)
    assert [(e.action, e.outcome, e.account_id, e.account_name, e.address) for e in found] == [
        ("sign_in", "ok", sam_id, sam.name, PEER),
        ("sign_out", "ok", sam_id, sam.name, PEER),
    ]
    assert found[0].detail == "factor=totp"


def test_a_recovery_code_sign_in_records_how_many_are_left(
    hub: Hub, client: TestClient, sam: Person
) -> None:
    before = len(events(hub))
    post_password(client, sam.name, sam.password)
    assert post_code(client, sam.recovery_codes[0]).status_code == 303
    (signed,) = since(hub, before)
    left = len(sam.recovery_codes) - 1
    assert signed.action == "sign_in"
    assert signed.detail == f"factor=recovery-code recovery_codes_left={left}"


def test_the_first_sign_in_and_the_account_commands_are_recorded(
    hub: Hub, accounts: Accounts, clock: Clock
) -> None:
    person = set_up_person(accounts, clock, "ria.auditor", "auditor")
    accounts.reset(person.name)
    accounts.disable(person.name)
    ria = account_id(accounts, person.name)
    shown = [(e.action, e.account_name, e.address, e.detail) for e in events(hub)]
    by_command_line = "rjdesk-hub command line"
    assert shown == [
        ("account_added", by_command_line, "", f"account_id={ria} role=auditor"),
        ("sign_in", person.name, "", "factor=totp first=yes"),
        ("sign_out", person.name, "", ""),
        ("account_reset", by_command_line, "", f"account_id={ria} role=auditor"),
        ("account_disabled", by_command_line, "", f"account_id={ria} role=auditor"),
    ]


def test_wrong_passwords_and_codes_are_recorded_under_the_account_then_the_lock_out(
    hub: Hub, client: TestClient, accounts: Accounts, sam: Person
) -> None:
    before = len(events(hub))
    assert post_password(client, sam.name, "not the password").status_code == 400
    post_password(client, sam.name, sam.password)
    assert post_code(client, "000000").status_code == 400
    for _ in range(3):
        post_code(client, "000000")
    assert post_password(client, sam.name, sam.password).status_code == 429
    found = since(hub, before)
    sam_id = account_id(accounts, sam.name)
    assert {(e.account_id, e.account_name, e.address, e.outcome) for e in found} == {
        (sam_id, sam.name, PEER, "refused")
    }
    assert [(e.action, e.detail) for e in found] == [
        ("sign_in_failed", "reason=wrong-password step=password"),
        *[("sign_in_failed", "reason=wrong-code step=code")] * 4,
        ("locked_out", "failures=5 minutes=15"),
        ("sign_in_failed", "reason=locked step=password"),
    ]


def test_a_failed_sign_in_under_an_unknown_name_records_no_name_anywhere(
    hub: Hub, client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    for _ in range(6):
        post_password(client, CANARY, f"{CANARY} password")
    found = events(hub)
    assert [(e.action, e.account_id, e.account_name, e.address) for e in found] == [
        *[("sign_in_failed", "", "", PEER)] * 5,
        ("locked_out", "", "", PEER),
        ("sign_in_failed", "", "", PEER),
    ]
    assert all(CANARY not in str(dataclasses.astuple(e)) for e in found)
    assert CANARY not in caplog.text
    hub.db.dispose()
    for path in hub.data_dir.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert CANARY.encode() not in data, path
            assert CANARY.encode("utf-16-le") not in data, path


def test_a_request_on_a_session_that_ran_out_records_it_once(
    hub: Hub, client: TestClient, accounts: Accounts, sam: Person, clock: Clock
) -> None:
    post_password(client, sam.name, sam.password)
    post_code(client, sam.code(clock))
    before = len(events(hub))
    clock.advance(minutes=16)
    assert client.get("/session").status_code == 401
    assert client.get("/session").status_code == 401
    (expired,) = since(hub, before)
    assert (expired.action, expired.account_id, expired.address, expired.detail) == (
        "session_expired",
        account_id(accounts, sam.name),
        PEER,
        "limit=idle",
    )


def test_a_session_ended_unseen_is_recorded_when_it_is_cleared(
    hub: Hub, clients: MakeClient, accounts: Accounts, sam: Person, clock: Clock
) -> None:
    first = clients(PEER)
    post_password(first, sam.name, sam.password)
    post_code(first, sam.code(clock))
    before = len(events(hub))
    clock.advance(minutes=16)
    post_password(clients("192.0.2.44"), "someone.else", "a password")  # clears old sessions
    found = since(hub, before)
    assert [(e.action, e.account_name, e.address) for e in found][:1] == [
        ("session_expired", sam.name, "")
    ]
    assert first.get("/session").status_code == 401
    assert len(since(hub, before)) == len(found)  # not recorded a second time


def test_an_auditor_posting_an_assignment_is_recorded_as_refused(
    hub: Hub, client: TestClient, accounts: Accounts, clock: Clock
) -> None:
    ria = set_up_person(accounts, clock, "ria.auditor", "auditor")
    post_password(client, ria.name, ria.password)
    post_code(client, ria.code(clock))
    before = len(events(hub))
    answer = client.post("/probe/assign", data={"csrf_token": csrf_of_session(client)})
    assert answer.status_code == 403
    (refused,) = since(hub, before)
    assert (refused.action, refused.outcome, refused.account_name, refused.address) == (
        "assign",
        "refused",
        ria.name,
        PEER,
    )
    assert refused.detail == "needs=assign"


@pytest.mark.parametrize(
    ("peer", "header", "recorded"),
    [
        (PEER, "203.0.113.9", PEER),  # anyone may send the header: not believed
        (PROXY, "203.0.113.9", "203.0.113.9"),  # the proxy's own entry is
        (PROXY, "203.0.113.9, 192.0.2.1", "192.0.2.1"),  # only its last one
        (PROXY, "not an address", PROXY),
    ],
)
def test_x_forwarded_for_is_believed_only_from_the_trusted_proxy(
    hub: Hub, clients: MakeClient, peer: str, header: str, recorded: str
) -> None:
    client = clients(peer)
    page = client.get("/sign-in")
    client.post(
        "/sign-in",
        data={"name": "nobody", "password": "x", "csrf_token": csrf_of_page(page.text)},
        headers={"X-Forwarded-For": header},
    )
    (failed,) = events(hub)
    assert failed.address == recorded


def csrf_of_page(html: str) -> str:
    start = html.index('name="csrf_token" value="') + len('name="csrf_token" value="')
    return html[start : html.index('"', start)]


def test_the_coordinators_commands_are_recorded_by_the_command_line(
    tmp_path: Path, laptop: LaptopFactory, capsys: pytest.CaptureFixture[str]
) -> None:
    hub_dir = tmp_path / "cli-hub"

    def run(*args: str) -> None:
        code = main(["--data-dir", str(hub_dir), *args])
        assert code == 0, capsys.readouterr().err
        capsys.readouterr()

    run("init")
    alex, sam = laptop("Alex Morgan"), laptop("Sam Patel")
    for device in (alex, sam):
        request = tmp_path / f"{device.device_code}.json"
        request.write_text(json.dumps(device.enrollment_request()))
        answer = tmp_path / f"{device.device_code}-config.json"
        run("enroll", str(request), "-o", str(answer))
        device.config = json.loads(answer.read_text())
    ids = new_case(alex)
    found, blobs = alex.changes()
    bundle = tmp_path / "bundle.rjb"
    bundle.write_bytes(alex.seal(found, blobs))
    run("import", str(bundle))
    run("assign", ids.reference, sam.device_code)
    run("unassign", ids.reference, "Sam Patel")
    run("audit-reset", alex.device_code)
    run("revoke", alex.device_code)
    assert main(["--data-dir", str(hub_dir), "revoke", alex.device_code]) == 1  # not recorded

    with Hub.open(hub_dir) as hub:
        shown = [
            (e.action, e.account_name, e.address, e.case_id, e.case_reference, e.device_id)
            for e in events(hub)
        ]
    line = "rjdesk-hub command line"
    assert shown == [
        ("laptop_enrolled", line, "", "", "", alex.device_id),
        ("laptop_enrolled", line, "", "", "", sam.device_id),
        ("assign", line, "", ids.case_id, ids.reference, ""),
        ("unassign", line, "", ids.case_id, ids.reference, ""),
        ("laptop_audit_reset", line, "", "", "", alex.device_id),
        ("laptop_revoked", line, "", "", "", alex.device_id),
    ]
