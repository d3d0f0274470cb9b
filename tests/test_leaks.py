"""Nothing leaks: a lost laptop's files, temp folder and logs hold no case text and no key.

A unique canary string goes into a case (as a name, in the referral, in notes) and is then
imported, edited, searched, shown, verified and carried through a passphrase change. Afterwards
no file in the data directory — the encrypted database and its WAL included — and no file in the
temp folder holds it in UTF-8 or UTF-16; and the debug log with SQL echo on holds neither the
canary nor the data key.
"""

from __future__ import annotations

import json
import tempfile
import time
from datetime import date
from pathlib import Path

import pytest

from rjdesk.services import cases, contacts
from rjdesk.services.cases import load_case
from rjdesk.store.keys import KeyFile
from rjdesk.store.vault import Vault, _clock_at_noon
from rjdesk_protocol.enums import ContactKind
from tests.canary import files_holding, forms
from tests.conftest import NEIGHBOUR_DISPUTE, PASSPHRASE, TODAY, CliRunner
from tests.services.builders import at

CANARY = "Qzxcanary Żwirkowska-7731"
# The system's temp folder, read before any test points TMPDIR elsewhere.
SYSTEM_TEMP = Path(tempfile.gettempdir())


@pytest.fixture
def watched_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A temp folder that this test process and its children use instead of the system's."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _canary_case() -> bytes:
    document = json.loads(NEIGHBOUR_DISPUTE.read_text("utf-8"))
    document["participants"][1]["person"]["name"] = CANARY
    document["referral"]["summary"] += f" Reported by {CANARY}."
    document["contacts"][1]["notes"] += f" Spoke to {CANARY}."
    return json.dumps(document, ensure_ascii=False).encode()


def test_a_canary_in_a_case_appears_in_no_plain_file(
    cli: CliRunner, data_dir: Path, tmp_path: Path, watched_temp: Path
) -> None:
    started = time.time() - 1
    case_file = tmp_path / "incoming" / "case.json"
    case_file.parent.mkdir()
    case_file.write_bytes(_canary_case())

    assert cli("init", "--name", "Alex Morgan").code == 0
    reference = cli("case", "import", str(case_file)).stdout.strip()
    case_file.unlink()  # the facilitator's own plain file is theirs; rjdesk's are what we check

    vault = Vault(data_dir, clock=_clock_at_noon(TODAY))
    vault.unlock(PASSPHRASE)
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, reference)
        note = contacts.record_contact(
            uow,
            case,
            kind=ContactKind.FOLLOW_UP,
            at=at(date(2026, 11, 19), 10),
            present=case.participants[:2],
            notes=f"Checked in with {CANARY} about the gate.",
        )
        contacts.add_addendum(uow, note, f"{CANARY} called back later.")
        cases.update_referral(uow, case, location=f"Outside the home of {CANARY}")
    vault.lock()

    search = cli("case", "list", "--search", "qzxcanary zwirk")
    assert reference in search.stdout, search.stderr
    assert CANARY in cli("case", "show", reference).stdout
    assert cli("verify").code == 0
    new = cli("passwd", env={"RJDESK_NEW_PASSPHRASE": "another long passphrase"})
    assert new.code == 0, new.stderr

    needles = forms(CANARY) + forms("qzxcanary")  # the folded form kept by the search index
    assert files_holding(data_dir, needles) == []
    assert files_holding(watched_temp, needles) == []
    assert files_holding(Path(tempfile.gettempdir()), needles, since=started) == []
    assert files_holding(SYSTEM_TEMP, needles, since=started) == [], (
        "a plain file in the system temp"
    )


def test_debug_logging_and_sql_echo_carry_no_case_text_and_no_key(
    cli: CliRunner, data_dir: Path, tmp_path: Path
) -> None:
    case_file = tmp_path / "case.json"
    case_file.write_bytes(_canary_case())
    loud = {"RJDESK_SQL_ECHO": "1"}
    assert cli("--debug", "init", "--name", "Alex Morgan", env=loud).code == 0
    logs = []
    for args in (
        ("case", "import", str(case_file)),
        ("case", "list", "--search", "qzxcanary"),
        ("case", "list", "--json"),
        ("verify",),
    ):
        result = cli("--debug", *args, env=loud)
        assert result.code == 0, result.stderr
        logs.append(result.stderr)
    reference = json.loads(cli("case", "list", "--json").stdout)[0]["reference"]
    logs.append(cli("--debug", "case", "show", reference, env=loud).stderr)
    log = "\n".join(logs)
    assert "SELECT" in log and "INSERT" in log, "SQL echo was on: the test must see statements"
    # Opening a case runs prepared statements on the driver: they are echoed too.
    assert "[prepared; parameters hidden]" in log
    data_key = KeyFile.read(data_dir / "vault.key").unwrap_with_passphrase(PASSPHRASE)
    for secret in (CANARY, "qzxcanary", data_key.hex(), data_key.hex().upper(), PASSPHRASE):
        assert secret not in log
