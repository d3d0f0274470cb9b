"""The console's role matrix, walked whole: every role against every action, as a function and
as a POST through the real app (a refusal is a 403 with one sentence)."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import Depends
from fastapi.testclient import TestClient

from rjdesk_hub import Hub
from rjdesk_hub.console.accounts import Accounts
from rjdesk_hub.console.accounts_web import SESSION_COOKIE, console_router, permission
from rjdesk_hub.console.permissions import (
    MATRIX,
    READ_ONLY,
    Action,
    Forbidden,
    Role,
    allows,
    require,
)
from rjdesk_hub.console.sessions import SessionView
from tests.hub.console_signin import Clock, console_app, set_up_person, sign_in

A = Action
# Written out again here, from the issue, so that a change to the matrix is a change to this too.
EXPECTED = {
    Role.ADMIN: {A.MANAGE_ACCOUNTS, A.READ_AUDIT},
    Role.COORDINATOR: {
        A.READ_CASES,
        A.TRIAGE,
        A.ASSIGN,
        A.ENROL_LAPTOPS,
        A.REVOKE_LAPTOPS,
        A.SETTLE_CONFLICTS,
        A.READ_RETURNS,
        A.PRODUCE_RETURNS,
    },
    Role.SUPERVISOR: {
        A.READ_CASES,
        A.READ_AUDIT,
        A.TRIAGE,
        A.ASSIGN,
        A.ENROL_LAPTOPS,
        A.REVOKE_LAPTOPS,
        A.SETTLE_CONFLICTS,
        A.SUBJECT_ACCESS,
        A.ERASURE,
        A.LEGAL_HOLDS,
        A.DECIDE_BREACHES,  # the data protection officer's decision on a lost laptop
        A.READ_RETURNS,
        A.PRODUCE_RETURNS,
    },
    Role.AUDITOR: {A.READ_CASES, A.READ_AUDIT, A.READ_RETURNS},
}


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("action", list(Action))
def test_the_matrix_says_who_may_do_what(role: Role, action: Action) -> None:
    expected = action in EXPECTED[role]
    assert allows(role, action) is expected
    if expected:
        require(role, action)
    else:
        with pytest.raises(Forbidden, match=f"{role.value}s may not {action.value}") as refused:
            require(role, action)
        assert str(refused.value).count(".") == 1  # one sentence


def test_an_auditor_changes_nothing_and_an_unknown_role_does_nothing() -> None:
    assert MATRIX[Role.AUDITOR] <= READ_ONLY
    assert MATRIX[Role.SUPERVISOR] > MATRIX[Role.COORDINATOR]
    assert not any(allows("owner", action) for action in Action)


@pytest.fixture
def walked(tmp_path: Path) -> Iterator[tuple[TestClient, Accounts, Clock]]:
    clock = Clock()
    hub = Hub.init(tmp_path / "hub", clock=clock)
    console, app = console_app(hub)
    probes = console_router()
    for action in Action:

        def probe(view: SessionView = Depends(permission(action))) -> dict[str, str]:  # noqa: B008
            return {"done_by": view.name}

        probes.add_api_route(f"/probe/{action.name.lower()}", probe, methods=["POST"])
    app.include_router(probes)
    with TestClient(console, base_url="https://testserver", follow_redirects=False) as client:
        yield client, app.state.console_accounts, clock
    hub.close()


def test_every_role_is_answered_by_the_matrix_at_every_route(
    walked: tuple[TestClient, Accounts, Clock],
) -> None:
    client, accounts, clock = walked
    for role in Role:
        person = set_up_person(accounts, clock, f"someone.{role.value}", role.value)
        client.cookies.clear()
        assert sign_in(client, person, clock).status_code == 303
        view = accounts.session(client.cookies.get(SESSION_COOKIE), touch=False)
        assert view is not None
        for action in Action:
            answer = client.post(
                f"/probe/{action.name.lower()}", data={"csrf_token": view.csrf_token}
            )
            if action in EXPECTED[role]:
                assert answer.status_code == 200, (role, action)
            else:
                assert answer.status_code == 403, (role, action)
                assert f"{role.value}s may not {action.value}" in html.unescape(answer.text)
                assert "Traceback" not in answer.text
