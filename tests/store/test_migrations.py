"""Vaults written by earlier versions of rjdesk open in this one, and newer ones are refused.

Every past schema version has a real fixture vault in tests/fixtures/vaults/v<revision>/, made
by tests/fixtures/make_vault_fixture.py while that version was current.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from rjdesk.services import queries
from rjdesk.services.cases import load_case
from rjdesk.store import migrate
from rjdesk.store.engine import connect_raw
from rjdesk.store.integrity import verify_files
from rjdesk.store.keys import KeyFile
from rjdesk.store.vault import Vault
from rjdesk_protocol.errors import VaultDamaged, VaultTooNew
from tests.fixtures.make_vault_fixture import FIXTURE_PASSPHRASE

FIXTURES = Path(__file__).parent.parent / "fixtures" / "vaults"
PAST_REVISIONS = migrate.known_revisions()[:-1]


def _copy(revision: str, tmp_path: Path) -> Path:
    target = tmp_path / f"v{revision}"
    shutil.copytree(FIXTURES / f"v{revision}", target)
    return target


def _revision(data_dir: Path) -> str:
    key = KeyFile.read(data_dir / "vault.key").unwrap_with_passphrase(FIXTURE_PASSPHRASE)
    conn = connect_raw(data_dir / "cases.db", bytes(key))
    try:
        return str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    finally:
        conn.close()


def test_every_past_schema_version_has_a_fixture_vault() -> None:
    assert PAST_REVISIONS, "there is more than one schema version"
    for revision in PAST_REVISIONS:
        assert (FIXTURES / f"v{revision}" / "cases.db").exists(), f"no fixture for {revision}"


@pytest.mark.parametrize("revision", PAST_REVISIONS)
def test_an_old_vault_is_upgraded_on_unlock_and_keeps_its_cases(
    revision: str, tmp_path: Path
) -> None:
    data_dir = _copy(revision, tmp_path)
    original = (data_dir / "cases.db").read_bytes()
    vault = Vault(data_dir)
    vault.unlock(FIXTURE_PASSPHRASE)
    try:
        with vault.reader() as session:
            rows = queries.list_cases(
                session, queries.CaseFilter(search="lukasz"), today=date(2026, 11, 20)
            )
            assert [row.parties for row in rows] == ["Marcia Bennett, Łukasz Nowak"]
            case = load_case(session, rows[0].reference)
            assert len(case.contacts) == 5
            assert case.agreements[0].actions[2].description.startswith("Fit a spring closer")
    finally:
        vault.lock()
    assert _revision(data_dir) == migrate.head_revision()
    backups = list((data_dir / "backups").glob(f"cases-v{revision}-*.db"))
    assert len(backups) == 1, "the database is copied before it is upgraded"
    assert backups[0].read_bytes() == original
    report = verify_files(data_dir / "vault.key", data_dir / "cases.db", FIXTURE_PASSPHRASE)
    assert report.ok, [(c.name, c.problems) for c in report.checks]


def test_a_vault_from_a_newer_rjdesk_is_refused_untouched(vault: Vault) -> None:
    vault.lock()
    key = KeyFile.read(vault.key_path).unwrap_with_passphrase("correct horse battery staple")
    conn = connect_raw(vault.db_path, bytes(key))
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.close()
    before = vault.db_path.read_bytes()
    with pytest.raises(VaultTooNew):
        Vault(vault.data_dir).unlock("correct horse battery staple")
    assert vault.db_path.read_bytes() == before
    assert not vault.backups_dir.exists()


def test_a_failed_upgrade_step_leaves_the_vault_at_the_previous_version(tmp_path: Path) -> None:
    revision = "0001"  # its next step, 0002, creates search_doc and then case_search
    data_dir = _copy(revision, tmp_path)
    key = KeyFile.read(data_dir / "vault.key").unwrap_with_passphrase(FIXTURE_PASSPHRASE)
    conn = connect_raw(data_dir / "cases.db", bytes(key))
    # Something in the way of the next step, so that it fails half-way through.
    conn.execute("CREATE TABLE case_search (x)")
    conn.close()
    with pytest.raises(VaultDamaged, match=f"left at schema version {revision}"):
        Vault(data_dir).unlock(FIXTURE_PASSPHRASE)
    assert _revision(data_dir) == revision
    conn = connect_raw(data_dir / "cases.db", bytes(key))
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    assert "search_doc" not in tables, "the failed step's first change was rolled back"


def test_the_migrations_build_exactly_what_the_models_declare(tmp_path: Path) -> None:
    """A model changed without a migration step would only fail on someone's laptop."""
    from alembic import command
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import create_engine

    from rjdesk.domain.base import Base

    engine = create_engine(f"sqlite:///{tmp_path / 'schema.db'}")
    with engine.begin() as conn:
        command.upgrade(migrate._config(conn), "head")
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    engine.dispose()
    search_tables = {"search_doc"} | {
        f"case_search{suffix}"
        for suffix in ("", "_data", "_idx", "_content", "_docsize", "_config")
    }
    unexpected = [
        d for d in differences if not (d[0] == "remove_table" and d[1].name in search_tables)
    ]
    assert unexpected == []
