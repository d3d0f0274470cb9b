"""The hub's schema versions (Alembic): a new database is made by the migrations and matches the
models exactly; a database rjdesk 0.1.0 made with ``create_all`` is taken over as the first
version, its data kept; a newer one is refused. On SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, select, text

from rjdesk.hub import migrate
from rjdesk.hub.config import normalise_db_url
from rjdesk.hub.db import create_hub_engine, drop_hub_tables
from rjdesk.hub.errors import HubDamaged
from rjdesk.hub.models import Counter, HubBase, hub_tables

# The tables rjdesk 0.1.0 made with create_all (schema version h0001); later versions add more.
TABLES_OF_0_1_0 = frozenset(
    [
        "hub_blob",
        "hub_case",
        "hub_case_person",
        "hub_conflict",
        "hub_counter",
        "hub_facilitator",
        "hub_record",
        "hub_record_version",
        "hub_case_visibility",
        "hub_device",
        "hub_bundle",
        "hub_delivery",
        "hub_device_case",
        "hub_issued",
    ]
)


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
    engine = create_engine(url)
    old = [table for table in hub_tables() if table.name in TABLES_OF_0_1_0]
    HubBase.metadata.create_all(engine, tables=old)  # as rjdesk 0.1.0 made it
    with engine.begin() as connection:
        connection.execute(Counter.__table__.insert().values(id=1, value=41))
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
