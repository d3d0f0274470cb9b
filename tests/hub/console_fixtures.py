"""The fixtures most console tests share: the hub's clock (``console_signin.Clock``), a hub on
it (SQLite in the test's folder) and a TestClient over its console app, HTTPS and not
following redirects. A test module takes them with
``from tests.hub.console_fixtures import client, clock, hub  # noqa: F401 - fixtures``."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from rjdesk_hub import Hub
from tests.hub.console_signin import Clock, console_app


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def hub(tmp_path: Path, clock: Clock) -> Iterator[Hub]:
    made = Hub.init(
        tmp_path / "hub", name="North RJ hub", url="https://hub.example.org", clock=clock
    )
    yield made
    made.close()


@pytest.fixture
def client(hub: Hub) -> Iterator[TestClient]:
    console, _app = console_app(hub)
    with TestClient(console, base_url="https://testserver", follow_redirects=False) as made:
        yield made
