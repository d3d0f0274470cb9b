"""End-to-end sync fixtures: a real hub on 127.0.0.1 (SQLite, and PostgreSQL when the test
database is there) and real laptops, each its own vault, syncing through the real engine."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from rjdesk.store.vault import Vault
from rjdesk.sync import outgoing
from rjdesk.sync.client import HubClient
from rjdesk_hub import Hub
from tests.hub.conftest import postgres_url
from tests.hub.server import running_hub
from tests.laptops import make_laptop


@pytest.fixture(params=["sqlite", "postgresql"])
def hub_db(request: pytest.FixtureRequest) -> str | None:
    return None if request.param == "sqlite" else postgres_url()


@pytest.fixture
def live_hub(tmp_path: Path) -> Iterator[tuple[Hub, str]]:
    """A real hub on SQLite, served on 127.0.0.1."""
    with running_hub(tmp_path / "hub") as served:
        yield served


@pytest.fixture
def live_hub_any_db(tmp_path: Path, hub_db: str | None) -> Iterator[tuple[Hub, str]]:
    """A real hub on SQLite, then on PostgreSQL."""
    with running_hub(tmp_path / "hub", db_url=hub_db) as served:
        yield served


Laptops = Callable[..., Vault]


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[Laptops]:
    made: list[Vault] = []

    def make(name: str, hub: Hub, facilitator: str | None = None, **enroll: Any) -> Vault:
        vault = make_laptop(tmp_path / f"laptop-{len(made)}", name, hub, facilitator, **enroll)
        made.append(vault)
        return vault

    yield make
    for vault in made:
        vault.lock()


def patient_client(vault: Vault, url: str | None = None) -> HubClient:
    """A client that retries quickly and long: for links that drop on purpose."""
    with vault.reader() as session:
        link = outgoing.hub_link(session)
        key = outgoing.signing_key(session)
    return HubClient(url or link.url, link.device_id, key, attempts=60, backoff=0.005,
                     max_backoff=0.05)  # fmt: skip
