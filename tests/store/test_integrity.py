"""`rjdesk verify` finds damage and tampering, names where, and never writes over it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlcipher3

from rjdesk.store.engine import connect_raw
from rjdesk.store.integrity import verify_files
from rjdesk.store.keys import KeyFile
from rjdesk.store.vault import Vault
from tests.conftest import HATE_CRIME, NEIGHBOUR_DISPUTE, PASSPHRASE, CliRunner

PAGE_SIZE = 4096


def _raw(vault: Vault) -> Any:
    """What an insider with the passphrase and a SQLCipher shell could do."""
    key = KeyFile.read(vault.key_path).unwrap_with_passphrase(PASSPHRASE)
    return connect_raw(vault.db_path, bytes(key))


def _with_cases(cli: CliRunner) -> None:
    assert cli("init", "--name", "Alex Morgan").code == 0
    assert cli("case", "import", str(NEIGHBOUR_DISPUTE)).code == 0
    assert cli("case", "import", str(HATE_CRIME)).code == 0


def test_a_whole_vault_verifies(cli: CliRunner) -> None:
    _with_cases(cli)
    result = cli("verify")
    assert result.code == 0, result.stderr
    assert "FAIL" not in result.stdout


def test_a_flipped_byte_in_a_page_is_reported_and_not_repaired(
    cli: CliRunner, data_dir: Path
) -> None:
    _with_cases(cli)
    db = data_dir / "cases.db"
    pages = db.stat().st_size // PAGE_SIZE
    page = pages // 2 + 1  # a page in the middle of the file (1-based, as SQLite counts)
    raw = bytearray(db.read_bytes())
    raw[(page - 1) * PAGE_SIZE + 100] ^= 0x01
    db.write_bytes(bytes(raw))
    damaged = db.read_bytes()

    result = cli("verify")

    assert result.code == 1
    assert f"page {page} of the database is damaged" in result.stdout
    assert "Traceback" not in result.stderr
    assert db.read_bytes() == damaged, "verify must never write over a damaged page"
    assert (
        not (data_dir / "cases.db-wal").exists() or (data_dir / "cases.db-wal").stat().st_size == 0
    )


def test_a_damaged_first_page_is_reported_plainly(cli: CliRunner, data_dir: Path) -> None:
    _with_cases(cli)
    db = data_dir / "cases.db"
    raw = bytearray(db.read_bytes())
    raw[40] ^= 0xFF
    db.write_bytes(bytes(raw))
    result = cli("verify")
    assert result.code == 1
    assert "page 1 (the first page, which every read needs) of the database is damaged" in (
        result.stdout
    )
    assert "Traceback" not in result.stderr


def test_the_database_refuses_to_rewrite_the_audit_log(vault: Vault) -> None:
    vault.lock()
    conn = _raw(vault)
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        conn.execute("UPDATE audit_event SET actor = 'someone else' WHERE id = 1")
    with pytest.raises(sqlcipher3.IntegrityError, match="append-only"):
        conn.execute("DELETE FROM audit_event WHERE id = 1")
    conn.close()


def _tamper(vault: Vault, *statements: str) -> None:
    """Drop the guards as a determined insider would, then change the log."""
    conn = _raw(vault)
    conn.execute("DROP TRIGGER audit_event_no_update")
    conn.execute("DROP TRIGGER audit_event_no_delete")
    for statement in statements:
        conn.execute(statement)
    conn.close()


def _chain_problems(vault: Vault) -> list[str]:
    report = verify_files(vault.key_path, vault.db_path, PASSPHRASE)
    (chain,) = [check for check in report.checks if check.name == "audit log chain"]
    return chain.problems


@pytest.fixture
def audited(vault: Vault) -> Vault:
    from rjdesk.services import importer

    for example in (NEIGHBOUR_DISPUTE, HATE_CRIME):
        with vault.unit_of_work() as uow:
            importer.import_case(uow, example.read_bytes())
    vault.lock()
    return vault


def test_an_edited_audit_event_is_named(audited: Vault) -> None:
    _tamper(audited, "UPDATE audit_event SET actor = 'Someone Else' WHERE id = 7")
    assert _chain_problems(audited) == ["audit event #7 was changed after it was written"]


def test_a_deleted_audit_event_is_named(audited: Vault) -> None:
    _tamper(audited, "DELETE FROM audit_event WHERE id = 5")
    assert _chain_problems(audited) == ["audit event #5 is missing (deleted)"]


def test_deleting_the_newest_audit_events_is_noticed(audited: Vault) -> None:
    conn = _raw(audited)
    last = conn.execute("SELECT max(id) FROM audit_event").fetchone()[0]
    conn.close()
    _tamper(audited, f"DELETE FROM audit_event WHERE id >= {last - 1}")
    assert _chain_problems(audited) == [
        f"audit events #{last - 1} to #{last} are missing (deleted)"
    ]


def test_a_rehashed_forgery_still_breaks_the_link_to_the_next_event(audited: Vault) -> None:
    # Changing an event and recomputing its own hash is not enough: the next event names it.
    from sqlalchemy import create_engine, select
    from sqlalchemy.orm import Session

    from rjdesk.domain.models import AuditEvent
    from rjdesk.store.audit import event_hash

    key = bytes(KeyFile.read(audited.key_path).unwrap_with_passphrase(PASSPHRASE))
    _tamper(audited)
    engine = create_engine("sqlite://", creator=lambda: connect_raw(audited.db_path, key))
    with Session(engine) as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.id == 6)).one()
        event.actor = "Someone Else"
        event.hash = event_hash(event.prev_hash, event)
        session.commit()
    engine.dispose()
    assert _chain_problems(audited) == ["audit event #7 does not follow the event before it"]


def test_verify_with_a_wrong_passphrase_exits_3_and_reads_nothing(cli: CliRunner) -> None:
    _with_cases(cli)
    result = cli("verify", passphrase="wrong wrong wrong")
    assert result.code == 3
    assert result.stderr.count("\n") == 1
