"""A console account for the browser tests, and signing it in through the pages as a person
would (name and password, then the code pyotp computes at the hub's clock)."""

from __future__ import annotations

from typing import Any

from rjdesk_hub import Hub
from rjdesk_hub.console.accounts import Accounts
from tests.hub.console_signin import Clock, Person, set_up_person


def coordinator(hub: Hub, clock: Clock, name: str = "sam.coordinator") -> Person:
    """A coordinator who has set up their account (own password, authenticator confirmed)."""
    return set_up_person(Accounts(hub), clock, name, "coordinator")


def auditor(hub: Hub, clock: Clock, name: str = "ines.auditor") -> Person:
    """An auditor who has set up their account: reads everything, changes nothing."""
    return set_up_person(Accounts(hub), clock, name, "auditor")


def enter_password(page: Any, url: str, person: Person, password: str | None = None) -> None:
    page.goto(f"{url}/sign-in")
    page.get_by_label("Sign-in name").fill(person.name)
    page.get_by_label("Password").fill(person.password if password is None else password)
    page.get_by_role("button", name="Continue").click()


def sign_in(page: Any, url: str, person: Person, clock: Clock) -> None:
    """Sign ``person`` in; the page ends on the overview. The hub's clock moves on one TOTP step
    afterwards, so the next sign-in has a new code (a used one is refused as a replay)."""
    enter_password(page, url, person)
    page.get_by_label("Enter the code from your authenticator app").fill(person.code(clock))
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{url}/")
    clock.advance(seconds=30)
