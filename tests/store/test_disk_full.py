"""A full disk: one sentence, nothing lost, and reading goes on (issue 11, item 11).

The full disk is SQLite's own: ``PRAGMA max_page_count`` set on every connection to the size
the database has makes SQLite answer SQLITE_FULL ("database or disk is full"), exactly what a
full disk gives, on the real SQLCipher vault. It needs no mount, so it runs in CI as root or
not (a loop-mounted tmpfs would need mount privileges).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, func, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from rjdesk.app.cases import open_case
from rjdesk.cli import main
from rjdesk.domain.models import AuditEvent
from rjdesk.services import importer, queries
from rjdesk.services.cases import load_case
from rjdesk.store import audit
from rjdesk.store.integrity import verify_files
from rjdesk.store.vault import Vault
from rjdesk_protocol.errors import DISK_FULL, DiskFull, is_disk_full
from tests.conftest import HATE_CRIME, NEIGHBOUR_DISPUTE, PASSPHRASE, TODAY

_make_engine = Vault._make_engine


def _full_disk(vault: Vault, data_key: bytearray) -> Engine:
    """The vault's own engine, on a "disk" that cannot grow past the database's size now."""
    engine = _make_engine(vault, data_key)

    @event.listens_for(engine, "connect")
    def _no_room(dbapi_connection: Any, record: Any) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}").fetchall()

    return engine


@pytest.fixture
def full(vault: Vault, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Vault, str]]:
    """A vault holding a case, whose disk is then full: even one more audit event needs a page
    the disk no longer has."""
    with vault.unit_of_work() as uow:
        reference = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).reference
    vault.lock()
    monkeypatch.setattr(Vault, "_make_engine", _full_disk)
    vault.unlock(PASSPHRASE)
    for _ in range(10_000):  # fill the last page of the audit log (if it has room), directly
        try:
            with Session(vault.engine) as session:
                audit.append(
                    session, at=datetime.now(UTC), actor="filler", device_id="d", action="fill"
                )
                session.commit()
        except OperationalError as error:
            assert is_disk_full(error), error
            break
    else:
        pytest.fail("the disk never filled")
    yield vault, reference
    vault.lock()


def _events(vault: Vault) -> list[str]:
    with vault.reader() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_reading_goes_on_and_its_audit_events_are_held_in_memory(
    full: tuple[Vault, str],
) -> None:
    vault, reference = full
    before = _events(vault)
    with vault.unit_of_work() as uow:  # opening a case, as the window does
        case = load_case(uow.session, reference)
        uow.audit("view_case", entity="case", entity_id=case.id, case_reference=reference)
    assert case.reference == reference
    with vault.unit_of_work() as uow:
        assert queries.count_cases(uow.session) == 1
        uow.audit("list_cases", detail="1 shown")
    assert _events(vault) == before, "nothing could be written"
    assert [event["action"] for event in vault._held_audit] == ["view_case", "list_cases"]


def test_opening_a_case_goes_on_and_its_view_is_held_then_written_first(
    full: tuple[Vault, str],
) -> None:
    """The window's fast reading (``Vault.reading``, no session) holds its event as a unit of
    work does, and the next reading that can write appends the held one before its own."""
    vault, reference = full
    before = _events(vault)
    snapshot = open_case(vault, reference, TODAY, viewed=True)
    assert snapshot.case.reference == reference
    assert _events(vault) == before, "nothing could be written"
    assert [event["action"] for event in vault._held_audit] == ["view_case"]
    with vault.unit_of_work() as uow:
        uow.audit("list_cases", detail="1 shown")
    assert [event["action"] for event in vault._held_audit] == ["view_case", "list_cases"]


def test_a_write_on_a_full_disk_says_so_in_one_sentence_and_changes_nothing(
    full: tuple[Vault, str],
) -> None:
    vault, _ = full
    with pytest.raises(DiskFull) as refused, vault.unit_of_work() as uow:
        importer.import_case(uow, HATE_CRIME.read_bytes())
    assert str(refused.value) == DISK_FULL
    assert refused.value.__cause__ is None and refused.value.__suppress_context__
    with vault.reader() as session:
        assert queries.count_cases(session) == 1
    assert vault._held_audit == [], "a refused write's own events are not held"


def test_held_events_are_written_first_at_the_next_write_and_the_chain_stays_whole(
    full: tuple[Vault, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, reference = full
    with vault.unit_of_work() as uow:
        uow.audit("view_case", entity="case", entity_id="x", case_reference=reference)
    with pytest.raises(DiskFull), vault.unit_of_work() as uow:
        importer.import_case(uow, HATE_CRIME.read_bytes())
    assert [event["action"] for event in vault._held_audit] == ["view_case"]
    vault.lock()
    # Space was freed: the same Vault (the window's) unlocks on a disk with room.
    monkeypatch.setattr(Vault, "_make_engine", _make_engine)
    vault.unlock(PASSPHRASE)
    assert vault._held_audit == []
    assert _events(vault)[-2:] == ["view_case", "unlock"], "held, then the new one"
    report = verify_files(vault.key_path, vault.db_path, PASSPHRASE)
    assert report.ok, [check.problems for check in report.checks]
    with vault.reader() as session:
        last = session.scalar(select(func.max(AuditEvent.id)))
        assert last == session.scalar(select(func.count()).select_from(AuditEvent))


def test_the_command_line_reads_on_a_full_disk_and_refuses_a_write_in_one_sentence(
    full: tuple[Vault, str],
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    vault, reference = full
    vault.lock()
    monkeypatch.setenv("RJDESK_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("RJDESK_DATA_DIR", str(data_dir))
    capsys.readouterr()
    for command in (["case", "list"], ["case", "show", reference], ["verify"]):
        code = main(command)
        _, err = capsys.readouterr()
        assert code == 0, (command, err)
        assert err == "" or "Traceback" not in err
    assert main(["case", "import", str(HATE_CRIME)]) == 1
    _, err = capsys.readouterr()
    assert err == f"rjdesk: {DISK_FULL}\n"


def test_a_full_disk_outside_sqlite_is_the_same_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # ENOSPC from writing a file (a PDF, the key file): the CLI's one sentence too.
    import errno

    from rjdesk import cli

    def no_space(args: Any) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    args = cli.parse(["verify"])
    assert not isinstance(args, int)
    args.run = no_space
    assert cli.run(args) == 1
    assert capsys.readouterr().err == f"rjdesk: {DISK_FULL}\n"
