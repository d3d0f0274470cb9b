"""``rjdesk-hub audit verify|export`` from the server's shell, and the client address the
console's audit log records behind the reverse proxy."""

from __future__ import annotations

import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text

from rjdesk_hub import Hub
from rjdesk_hub.cli import main
from rjdesk_hub.console import ledger
from rjdesk_hub.console.ledger import Action, Actor, client_address, scope_address
from rjdesk_hub.console.ledger_query import ExportFormat, query, read_export

SAM = Actor("acct-sam", "Sam Patel", "192.0.2.10")
DAY_ONE = datetime(2026, 12, 14, 9, 0, tzinfo=UTC)
DAY_TWO = datetime(2026, 12, 15, 9, 0, tzinfo=UTC)

Run = tuple[int, str, str]


@pytest.fixture
def recorded(hub_dir: Path) -> Path:
    with Hub.init(hub_dir, name="Test hub") as hub:
        for at, action in ((DAY_ONE, Action.SIGN_IN), (DAY_TWO, Action.SIGN_OUT)):
            with hub.db.transaction() as tx:
                ledger.record(tx.session, SAM, action, at=at)
    return hub_dir


def _run(capsys: pytest.CaptureFixture[str], hub_dir: Path, *args: str) -> Run:
    code = main(["--data-dir", str(hub_dir), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_verify_says_the_log_is_whole_and_names_a_change(
    recorded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = _run(capsys, recorded, "audit", "verify")
    assert (code, err) == (0, "") and "is whole: 2 event(s)" in out

    with Hub.open(recorded) as hub, hub.db.engine.begin() as db:
        db.execute(text("DROP TRIGGER hub_console_audit_event_no_update"))
        db.execute(text("UPDATE hub_console_audit_event SET action = 'sign_in' WHERE id = 2"))
    code, out, err = _run(capsys, recorded, "audit", "verify")
    assert code == 1
    assert out == "console audit event #2 was changed after it was written\n"
    assert err.count("\n") == 1 and err.startswith(
        "rjdesk-hub: the console's audit log was changed"
    )


def test_export_writes_the_range_owner_only_and_is_itself_recorded(
    recorded: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    output = tmp_path / "audit.jsonl"
    code, out, err = _run(
        capsys,
        recorded,
        "audit",
        "export",
        "--from",
        "2026-12-15",
        "--to",
        "2026-12-15",
        "--format",
        "jsonl",
        "-o",
        str(output),
    )
    assert (code, err) == (0, "") and "Wrote 1 console audit event(s)" in out
    assert stat.S_IMODE(output.stat().st_mode) == 0o600
    [entry] = read_export(output.read_text(), ExportFormat.JSONL)
    assert (entry.id, entry.action, entry.account_name) == (2, "sign_out", "Sam Patel")

    code, out, _ = _run(capsys, recorded, "audit", "export")  # all of it, CSV, to stdout
    assert code == 0
    exported = read_export(out, ExportFormat.CSV)
    assert [e.action for e in exported] == ["sign_in", "sign_out", "export_audit"]
    assert exported[2].account_name == "rjdesk-hub command line"
    assert exported[2].detail.startswith("format=jsonl from=2026-12-15T00:00:00+00:00")
    assert list(ledger.ChainWalk().walk(exported)) == []


def test_export_refuses_a_bad_range_in_one_line(
    recorded: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = _run(capsys, recorded, "audit", "export", "--from", "14/12/2026")
    assert code == 2 and err.count("\n") == 1 and "is not a date (YYYY-MM-DD)" in err
    code, _, err = _run(
        capsys, recorded, "audit", "export", "--from", "2026-12-15", "--to", "2026-12-14"
    )
    assert code == 2 and "--to must be after --from" in err


def test_forwarded_for_is_believed_only_from_the_configured_proxy() -> None:
    proxy = "10.0.0.2"
    # From the proxy: the last entry, the one it appended (earlier ones are the client's word).
    assert client_address(proxy, "203.0.113.9", proxy) == "203.0.113.9"
    assert client_address(proxy, "6.6.6.6, 203.0.113.9", proxy) == "203.0.113.9"
    assert client_address("::ffff:10.0.0.2", "2001:db8::1", proxy) == "2001:db8::1"
    # From anyone else, or with no proxy configured, the header is the client's word: ignored.
    assert client_address("198.51.100.7", "203.0.113.9", proxy) == "198.51.100.7"
    assert client_address("198.51.100.7", "203.0.113.9", "") == "198.51.100.7"
    # A last entry that is not an address is not recorded: the proxy's address is.
    assert client_address(proxy, "203.0.113.9, <script>", proxy) == proxy
    assert client_address(proxy, "", proxy) == proxy
    assert client_address("not-an-ip", "", proxy) == ""
    # As a page gets it: the request's scope, its headers as the proxy sent them.
    scope = {"client": (proxy, 41000), "headers": [(b"x-forwarded-for", b"1.1.1.1, 203.0.113.9")]}
    assert scope_address(scope, proxy) == "203.0.113.9"
    assert scope_address({**scope, "client": ("198.51.100.7", 1)}, proxy) == "198.51.100.7"


def test_an_address_from_the_proxy_is_recorded_as_the_client(hub: Hub) -> None:
    address = client_address("10.0.0.2", "203.0.113.9", "10.0.0.2")
    with hub.db.transaction() as tx:
        ledger.record(tx.session, Actor("a", "Sam", address), Action.SIGN_IN, at=tx.now)
    with hub.db.reader() as session:
        assert query(session).entries[0].address == "203.0.113.9"
