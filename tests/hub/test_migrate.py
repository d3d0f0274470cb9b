"""The hub's schema versions (Alembic): a new database is made by the migrations and matches the
models exactly; a database rjdesk 0.1.0 made with ``create_all`` is taken over as the first
version, its data kept; a newer one is refused. On SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, select, text

from rjdesk_hub import migrate
from rjdesk_hub.config import normalise_db_url
from rjdesk_hub.db import create_hub_engine, drop_hub_tables
from rjdesk_hub.errors import HubDamaged
from rjdesk_hub.models import Counter, HubBase


@pytest.fixture
def url(tmp_path: Path, db_url: str | None) -> Iterator[str]:
    """An empty database: a new SQLite file, or the test PostgreSQL with no hub tables (and
    none left behind for the next test)."""
    if db_url is None:
        yield f"sqlite:///{tmp_path / 'hub.db'}"
        return
    found = normalise_db_url(db_url)
    engine = create_engine(found)
    drop_hub_tables(engine)
    try:
        yield found
    finally:
        drop_hub_tables(engine)
        engine.dispose()


def test_the_migrations_make_exactly_the_models_tables(url: str) -> None:
    engine = create_hub_engine(url)
    try:
        assert migrate.current_revision(engine) == migrate.head_revision()
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            assert compare_metadata(context, HubBase.metadata) == []
    finally:
        engine.dispose()


def test_a_database_made_before_migrations_is_taken_over_with_its_data(url: str) -> None:
    # As rjdesk 0.1.0 made it: the first version's tables (not today's models), no version.
    engine = create_engine(url)
    with engine.begin() as connection:
        command.upgrade(migrate._config(connection), migrate.BEFORE_MIGRATIONS)
        connection.execute(text("DROP TABLE alembic_version"))
        connection.execute(text("INSERT INTO hub_counter (id, value) VALUES (1, 41)"))
    engine.dispose()

    engine = create_hub_engine(url)
    try:
        assert migrate.current_revision(engine) == migrate.head_revision()
        with engine.connect() as connection:
            assert connection.scalar(select(Counter.value)) == 41
    finally:
        engine.dispose()


def test_a_database_from_a_newer_rjdesk_is_refused_untouched(url: str) -> None:
    create_hub_engine(url).dispose()
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'h9999'"))
    engine.dispose()
    with pytest.raises(HubDamaged, match="newer rjdesk"):
        create_hub_engine(url)
    engine = create_engine(url)
    with engine.connect() as connection:
        assert connection.scalar(text("SELECT version_num FROM alembic_version")) == "h9999"
    engine.dispose()
