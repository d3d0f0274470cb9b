"""Helpers for the console's sign-in tests: a hub with a clock the test moves, a client over the
real app, and a person who has set up their account."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import httpx
import pyotp
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient

from rjdesk_hub import Hub
from rjdesk_hub.console.accounts import Accounts
from rjdesk_hub.console.accounts_web import console_router, permission
from rjdesk_hub.console.headers import ConsoleGuard
from rjdesk_hub.console.permissions import Action
from rjdesk_hub.console.sessions import SessionView
from rjdesk_hub.console.web import create_console_app

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
PASSWORD = "correct horse battery staple"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2027, 1, 12, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@dataclass
class Person:
    name: str
    password: str
    secret: str
    recovery_codes: list[str]

    def code(self, clock: Clock) -> str:
        return pyotp.TOTP(self.secret).at(clock.now)


def console_app(hub: Hub) -> tuple[ConsoleGuard, FastAPI]:
    """The console's app over ``hub`` as ``rjdesk-hub serve`` serves it (the guard), and the
    FastAPI app inside it (for a test to add probe routes to)."""
    guard = create_console_app(hub)
    assert isinstance(guard.app, FastAPI)
    return guard, guard.app


def with_assign_probe(app: FastAPI) -> None:
    """Add ``POST /probe/assign``: a route that needs the assign permission (and, as every
    console POST, the session's CSRF token) and answers who assigned."""
    probe = console_router()

    @probe.post("/probe/assign")
    async def assign(view: SessionView = Depends(permission(Action.ASSIGN))) -> dict[str, str]:  # noqa: B008
        return {"assigned_by": view.name}

    app.include_router(probe)


def accounts_of(client: TestClient) -> Accounts:
    """The accounts of the console a client talks to."""
    guard = client.app
    assert isinstance(guard, ConsoleGuard) and isinstance(guard.app, FastAPI)
    found: Accounts = guard.app.state.console_accounts
    return found


def set_up_person(accounts: Accounts, clock: Clock, name: str, role: str) -> Person:
    """An account that has made its first sign-in (own password, authenticator confirmed);
    the clock is then moved on one TOTP step, so the next code is a new one."""
    made = accounts.add(name, role)
    step = accounts.sign_in(name, made.password)
    code = pyotp.TOTP(made.totp.secret).at(clock.now)
    signed, codes = accounts.set_up(step.token, PASSWORD, PASSWORD, code)
    accounts.sign_out(signed.token)
    clock.advance(seconds=30)
    return Person(made.name, PASSWORD, made.totp.secret, codes)


def csrf_of(response: httpx.Response) -> str:
    found = CSRF.search(response.text)
    assert found, "the page has no CSRF field"
    return found.group(1)


def post_password(client: TestClient, name: str, password: str) -> httpx.Response:
    page = client.get("/sign-in")
    return client.post(
        "/sign-in",
        data={"name": name, "password": password, "csrf_token": csrf_of(page)},
    )


def post_code(client: TestClient, code: str) -> httpx.Response:
    page = client.get("/sign-in/code")
    return client.post("/sign-in/code", data={"code": code, "csrf_token": csrf_of(page)})


def sign_in(client: TestClient, person: Person, clock: Clock) -> httpx.Response:
    answer = post_password(client, person.name, person.password)
    assert answer.status_code == 303, answer.text
    assert answer.headers["location"] == "/sign-in/code"
    return post_code(client, person.code(clock))
