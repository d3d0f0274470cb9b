"""Signing in to the hub's console, through the real app and a real database: name and password,
then a TOTP or recovery code; refused codes, replays and lock-out; sessions that end when idle
and after 8 hours; CSRF on every POST; nothing secret in the logs or the database."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pyotp
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from rjdesk_hub import Hub
from rjdesk_hub.console import accounts as acc
from rjdesk_hub.console.accounts import Accounts
from rjdesk_hub.console.accounts_web import SESSION_COOKIE
from rjdesk_hub.console.credentials import password_hasher
from rjdesk_hub.models import ConsoleUser
from tests.hub.console_signin import (
    PASSWORD,
    Clock,
    Person,
    accounts_of,
    console_app,
    csrf_of,
    post_code,
    post_password,
    set_up_person,
    sign_in,
    with_assign_probe,
)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def hub(tmp_path: Path, clock: Clock) -> Iterator[Hub]:
    made = Hub.init(tmp_path / "hub", name="Test hub", url="https://hub.example.org", clock=clock)
    yield made
    made.close()


@pytest.fixture
def client(hub: Hub) -> Iterator[TestClient]:
    console, app = console_app(hub)
    with_assign_probe(app)
    # https: the cookies are Secure, so a client sends them only there.
    with TestClient(console, base_url="https://testserver", follow_redirects=False) as made:
        yield made


@pytest.fixture
def accounts(client: TestClient) -> Accounts:
    found = accounts_of(client)
    return found


@pytest.fixture
def sam(accounts: Accounts, clock: Clock) -> Person:
    return set_up_person(accounts, clock, "sam.coordinator", "coordinator")


def time_left(client: TestClient) -> dict[str, int]:
    answer = client.get("/session")
    body: dict[str, int] = answer.json()
    return body


def test_the_right_password_and_code_sign_in_with_a_new_session_token(
    client: TestClient, sam: Person, clock: Clock
) -> None:
    answer = post_password(client, sam.name, sam.password)
    half_way = client.cookies.get(SESSION_COOKIE)
    assert half_way
    assert time_left(client)["signed_in"] is False  # not signed in until the code
    answer = post_code(client, sam.code(clock))
    assert answer.status_code == 303
    assert answer.headers["location"] == "/"
    signed = client.cookies.get(SESSION_COOKIE)
    assert signed and signed != half_way  # no fixation: a new token at sign-in
    assert time_left(client) == {
        "signed_in": True,
        "seconds_left": 15 * 60,
        "idle_seconds_left": 15 * 60,
        "absolute_seconds_left": 8 * 60 * 60,
        "warn_before_seconds": 120,
    }


def test_the_session_cookie_is_secure_httponly_and_strict_on_the_consoles_own_origin(
    client: TestClient, sam: Person, clock: Clock
) -> None:
    answer = post_password(client, sam.name, sam.password)
    cookie = answer.headers["set-cookie"]
    # Path=/: the console has its own port (its own origin), so no other app receives it.
    for part in ("Secure", "HttpOnly", "SameSite=strict", "Path=/;"):
        assert part.lower() in cookie.lower(), cookie
    assert "expires" not in cookie.lower()  # gone when the browser closes


def test_a_pasted_code_with_spaces_is_accepted(
    client: TestClient, sam: Person, clock: Clock
) -> None:
    code = sam.code(clock)
    post_password(client, sam.name, sam.password)
    assert post_code(client, f" {code[:3]} {code[3:]} ").status_code == 303


def test_a_code_one_step_old_is_accepted_but_two_steps_old_is_not(
    client: TestClient, sam: Person, clock: Clock
) -> None:
    old = sam.code(clock)
    clock.advance(seconds=60)
    post_password(client, sam.name, sam.password)
    assert post_code(client, old).status_code == 400
    clock.advance(seconds=30)
    post_password(client, sam.name, sam.password)
    one_step_old = pyotp.TOTP(sam.secret).at(clock.now - timedelta(seconds=30))
    assert post_code(client, one_step_old).status_code == 303


def test_a_wrong_code_is_refused_with_one_sentence(client: TestClient, sam: Person) -> None:
    post_password(client, sam.name, sam.password)
    answer = post_code(client, "000000" if sam.secret else "")
    assert answer.status_code == 400
    assert acc.WRONG_CODE in answer.text.replace("&#39;", "'")
    assert "Traceback" not in answer.text
    assert time_left(client)["signed_in"] is False


def test_a_code_used_once_cannot_be_replayed(client: TestClient, sam: Person, clock: Clock) -> None:
    code = sam.code(clock)
    assert sign_in(client, sam, clock).status_code == 303
    client.post("/sign-out", data={"csrf_token": _session_csrf(client)})
    post_password(client, sam.name, sam.password)
    answer = post_code(client, code)
    assert answer.status_code == 400
    assert "used already" in answer.text


def test_a_recovery_code_signs_in_once(client: TestClient, sam: Person) -> None:
    code = sam.recovery_codes[0]
    post_password(client, sam.name, sam.password)
    assert post_code(client, code.upper()).status_code == 303
    client.post("/sign-out", data={"csrf_token": _session_csrf(client)})
    post_password(client, sam.name, sam.password)
    assert post_code(client, code).status_code == 400


def test_five_failures_lock_a_name_for_15_minutes_alike_whether_it_exists_or_not(
    client: TestClient, sam: Person, clock: Clock
) -> None:
    answers = {}
    for name in (sam.name, "nobody.here"):
        for _ in range(4):
            wrong = post_password(client, name, "not the password at all")
            assert wrong.status_code == 400
            assert acc.NOT_RECOGNISED in wrong.text
        answers[name] = post_password(client, name, "not the password at all")
    assert answers[sam.name].status_code == answers["nobody.here"].status_code == 429
    assert acc.LOCKED in answers[sam.name].text
    assert acc.LOCKED in answers["nobody.here"].text
    # Locked: even the right password is refused, with the same sentence.
    assert acc.LOCKED in post_password(client, sam.name, sam.password).text
    clock.advance(minutes=15, seconds=1)
    assert post_password(client, sam.name, sam.password).status_code == 303


def test_five_wrong_codes_lock_the_name_and_end_the_half_way_session(
    client: TestClient, sam: Person, clock: Clock
) -> None:
    post_password(client, sam.name, sam.password)
    for _ in range(4):
        assert post_code(client, "123456").status_code == 400
    answer = post_code(client, "123456")
    assert acc.LOCKED in answer.text
    assert client.get("/sign-in/code").status_code == 303  # back to the start
    assert acc.LOCKED in post_password(client, sam.name, sam.password).text


def test_a_session_ends_after_15_minutes_idle(
    client: TestClient, sam: Person, clock: Clock
) -> None:
    sign_in(client, sam, clock)
    clock.advance(minutes=14)
    assert time_left(client)["idle_seconds_left"] == 60  # asking does not keep it alive
    clock.advance(minutes=1)
    assert time_left(client)["signed_in"] is False
    answer = client.post("/probe/assign", data={"csrf_token": "x"})
    assert answer.status_code == 303
    assert answer.headers["location"] == "/sign-in?ended=idle"
    assert "without activity" in client.get(answer.headers["location"]).text


def test_stay_signed_in_restarts_the_idle_clock_but_not_the_8_hours(
    client: TestClient, sam: Person, clock: Clock
) -> None:
    sign_in(client, sam, clock)
    csrf = _session_csrf(client)
    for _ in range(33):  # 33 × 14 minutes = 7 h 42 min
        clock.advance(minutes=14)
        stayed = client.post(
            "/session/stay",
            data={"csrf_token": csrf, "next": "/cases"},
        )
        assert stayed.status_code == 303
        assert stayed.headers["location"] == "/cases"
    assert time_left(client)["absolute_seconds_left"] == 18 * 60
    answer = client.post(
        "/session/stay", data={"csrf_token": csrf}, headers={"accept": "application/json"}
    )
    assert answer.json()["idle_seconds_left"] == 15 * 60
    clock.advance(minutes=14)
    client.post("/session/stay", data={"csrf_token": csrf})
    clock.advance(minutes=5)  # 8 hours and 1 minute after signing in
    assert time_left(client)["signed_in"] is False


def test_stay_signed_in_goes_back_only_inside_the_console(
    client: TestClient, sam: Person, clock: Clock
) -> None:
    sign_in(client, sam, clock)
    csrf = _session_csrf(client)
    for elsewhere in ("https://evil.example/", "//evil.example/", "/\\evil"):
        stayed = client.post("/session/stay", data={"csrf_token": csrf, "next": elsewhere})
        assert stayed.headers["location"] == "/"


def test_sign_out_ends_the_session_at_the_hub(
    client: TestClient, sam: Person, clock: Clock
) -> None:
    sign_in(client, sam, clock)
    token = client.cookies.get(SESSION_COOKIE)
    answer = client.post("/sign-out", data={"csrf_token": _session_csrf(client)})
    assert answer.headers["location"] == "/sign-in?ended=out"
    # The old token, sent again by hand, opens nothing.
    client.cookies.set(SESSION_COOKIE, token or "", domain="testserver", path="/")
    assert time_left(client)["signed_in"] is False


def test_a_post_without_its_csrf_token_or_with_another_is_refused(
    client: TestClient, sam: Person, clock: Clock
) -> None:
    sign_in(client, sam, clock)
    for data in ({}, {"csrf_token": "0" * 64}, {"csrf_token": ""}):
        answer = client.post("/probe/assign", data=data)
        assert answer.status_code == 403
        assert "This form was not sent from this console page" in answer.text
    right = client.post("/probe/assign", data={"csrf_token": _session_csrf(client)})
    assert right.json() == {"assigned_by": sam.name}


def test_the_sign_in_form_itself_needs_its_csrf_token(client: TestClient, sam: Person) -> None:
    client.get("/sign-in")
    answer = client.post("/sign-in", data={"name": sam.name, "password": sam.password})
    assert answer.status_code == 403
    assert SESSION_COOKIE not in client.cookies


def test_an_auditor_is_refused_a_coordinators_post(
    client: TestClient, accounts: Accounts, clock: Clock
) -> None:
    ada = set_up_person(accounts, clock, "ada.auditor", "auditor")
    sign_in(client, ada, clock)
    answer = client.post("/probe/assign", data={"csrf_token": _session_csrf(client)})
    assert answer.status_code == 403
    assert "auditors may not assign cases" in answer.text


def test_a_disabled_account_cannot_sign_in_and_its_sessions_end(
    client: TestClient, accounts: Accounts, sam: Person, clock: Clock
) -> None:
    sign_in(client, sam, clock)
    accounts.disable(sam.name)
    assert time_left(client)["signed_in"] is False
    clock.advance(seconds=30)
    assert acc.DISABLED in post_password(client, sam.name, sam.password).text


def test_a_first_sign_in_sets_the_password_and_confirms_the_authenticator(
    client: TestClient, accounts: Accounts, clock: Clock
) -> None:
    made = accounts.add("new.person", "supervisor")
    answer = post_password(client, "New.Person", made.password)
    assert answer.headers["location"] == "/sign-in/set-up"
    page = client.get("/sign-in/set-up")
    code = pyotp.TOTP(made.totp.secret).at(clock.now)
    short = client.post(
        "/sign-in/set-up",
        data={"password": "short", "confirm": "short", "code": code, "csrf_token": csrf_of(page)},
    )
    assert "at least 12 characters" in short.text
    done = client.post(
        "/sign-in/set-up",
        data={"password": PASSWORD, "confirm": PASSWORD, "code": code, "csrf_token": csrf_of(page)},
    )
    assert done.status_code == 200
    assert done.text.count("<code>") == 10  # the recovery codes, shown once
    assert time_left(client)["signed_in"] is True
    # The one-time password is spent: the new one is the password now.
    clock.advance(seconds=30)
    assert post_password(client, "new.person", made.password).status_code == 400
    assert post_password(client, "new.person", PASSWORD).headers["location"].endswith("/code")


def test_a_one_time_password_expires_after_3_days(
    client: TestClient, accounts: Accounts, clock: Clock
) -> None:
    made = accounts.add("late.person", "coordinator")
    clock.advance(days=3, seconds=1)
    assert "has expired" in post_password(client, "late.person", made.password).text


def test_a_reset_replaces_password_authenticator_and_recovery_codes(
    client: TestClient, accounts: Accounts, sam: Person, clock: Clock
) -> None:
    sign_in(client, sam, clock)
    again = accounts.reset(sam.name)
    assert time_left(client)["signed_in"] is False  # its sessions ended
    clock.advance(seconds=30)
    assert post_password(client, sam.name, sam.password).status_code == 400
    assert post_password(client, sam.name, again.password).headers["location"].endswith("/set-up")


def test_a_password_hash_made_with_old_parameters_is_replaced_at_sign_in(
    hub: Hub, clock: Clock
) -> None:
    weak = Accounts(hub, hasher=password_hasher(time_cost=1, memory_kib=8 * 1024, parallelism=1))
    person = set_up_person(weak, clock, "old.hash", "auditor")
    strong = Accounts(hub)
    strong.sign_in(person.name, person.password)
    with hub.db.reader() as session:
        stored = session.scalars(select(ConsoleUser)).one().password_hash
    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")


def test_no_token_password_secret_or_code_reaches_the_logs_or_the_database_in_plain(
    client: TestClient, accounts: Accounts, hub: Hub, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    made = accounts.add("quiet.person", "coordinator")
    post_password(client, "quiet.person", made.password)
    page = client.get("/sign-in/set-up")
    code = pyotp.TOTP(made.totp.secret).at(clock.now)
    done = client.post(
        "/sign-in/set-up",
        data={"password": PASSWORD, "confirm": PASSWORD, "code": code, "csrf_token": csrf_of(page)},
    )
    token = client.cookies.get(SESSION_COOKIE)
    assert token
    secrets_seen = [token, PASSWORD, made.password, made.totp.secret, code, csrf_of(page)]
    secrets_seen += [c for c in done.text.split("<code>")[1:] if c]
    secrets_seen = [s.split("</code>")[0] for s in secrets_seen]
    for secret in secrets_seen:
        assert secret not in caplog.text
    hub.close()
    stored = b"".join(p.read_bytes() for p in hub.data_dir.glob("hub.db*"))
    for secret in secrets_seen:
        assert secret.encode() not in stored


def _session_csrf(client: TestClient) -> str:
    """The CSRF token of the signed-in session (as a console page would carry it)."""
    token = client.cookies.get(SESSION_COOKIE)
    accounts = accounts_of(client)
    view = accounts.session(token, touch=False)
    assert view is not None
    return view.csrf_token


def test_failures_a_day_apart_are_not_in_a_row_and_a_typed_name_is_not_stored(
    client: TestClient, sam: Person, hub: Hub, clock: Clock
) -> None:
    for _ in range(4):
        post_password(client, "typed.name.never.stored", "wrong")
    clock.advance(days=1, seconds=1)
    for _ in range(4):
        assert post_password(client, "typed.name.never.stored", "wrong").status_code == 400
    hub.close()
    stored = b"".join(p.read_bytes() for p in hub.data_dir.glob("hub.db*"))
    assert b"typed.name.never.stored" not in stored
