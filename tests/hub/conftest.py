"""Hub fixtures: a hub on SQLite, and on PostgreSQL when ``RJDESK_TEST_PG_URL`` names a
throw-away database (CI must set it: there the PostgreSQL runs fail rather than skip)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

from rjdesk_hub import Hub, migrate
from rjdesk_hub.config import normalise_db_url
from rjdesk_hub.db import drop_hub_tables, has_hub_tables
from rjdesk_hub.models import hub_tables
from tests.conftest import FACILITATOR
from tests.laptops import Laptop, make_template

PG_ENV = "RJDESK_TEST_PG_URL"


def postgres_url() -> str:
    """The test PostgreSQL, emptied of hub tables; skip (fail on CI) when there is none."""
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail(
                f"{PG_ENV} is not set: CI must run the hub tests on PostgreSQL too "
                "(start one with tests/hub/start-postgres.sh)"
            )
        pytest.skip(f"set {PG_ENV} to a throw-away PostgreSQL database to run these")
    engine = create_engine(normalise_db_url(url))
    try:
        if migrate.current_revision(engine) != migrate.head_revision():
            drop_hub_tables(engine)  # another layout (an older rjdesk, a test): start afresh
        if has_hub_tables(engine):
            # Emptied rather than dropped: making the tables again is most of a test's time.
            names = ", ".join(table.name for table in hub_tables())
            with engine.begin() as connection:
                connection.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    except SQLAlchemyError:
        drop_hub_tables(engine)  # an older layout: start afresh
    finally:
        engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest) -> str | None:
    """None (the hub's own SQLite file) or the test PostgreSQL's URL."""
    return None if request.param == "sqlite" else postgres_url()


@pytest.fixture
def hub_dir(tmp_path: Path) -> Path:
    return tmp_path / "hub"


@pytest.fixture
def hub(hub_dir: Path, db_url: str | None) -> Iterator[Hub]:
    created = Hub.init(hub_dir, name="Test hub", url="https://hub.example.org", db_url=db_url)
    yield created
    created.close()


LaptopFactory = Callable[..., Laptop]


@pytest.fixture(scope="session")
def vault_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with pytest.MonkeyPatch.context() as patch:  # the autouse fast-KDF fixture is per test
        patch.setenv("RJDESK_INSECURE_FAST_KDF", "1")
        return make_template(tmp_path_factory.mktemp("template") / "vault")


@pytest.fixture
def laptop(tmp_path: Path, vault_template: Path) -> Iterator[LaptopFactory]:
    """Make laptops: ``laptop("Alex Morgan")``, each with its own vault, device id and key."""
    made: list[Laptop] = []

    def make(name: str = FACILITATOR) -> Laptop:
        device = Laptop(tmp_path / f"laptop-{len(made)}", name, template=vault_template)
        made.append(device)
        return device

    yield make
    for device in made:
        device.close()
