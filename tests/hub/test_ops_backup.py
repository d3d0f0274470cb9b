"""``rjdesk-hub backup`` and ``restore``: an encrypted backup, proved by restoring it."""

from __future__ import annotations

from pathlib import Path

import pyrage
import pytest

from rjdesk_hub import Hub, config
from rjdesk_hub.cli import main
from tests.canary import forms
from tests.hub.conftest import LaptopFactory
from tests.hub.ops_helpers import CANARY, case_with_canary
from tests.laptops import send_changes


@pytest.fixture
def operator_key(tmp_path: Path) -> tuple[str, Path]:
    """The operator's age recipient and the file of its identity (kept off the server)."""
    identity = pyrage.x25519.Identity.generate()
    path = tmp_path / "operator-identity.txt"
    path.write_text(f"# the operator's backup key\n{identity}\n", encoding="utf-8")
    return str(identity.to_public()), path


@pytest.fixture
def hub_with_case(tmp_path: Path, laptop: LaptopFactory) -> Path:
    """A hub holding a case whose contact note holds the canary; its data folder."""
    hub_dir = tmp_path / "hub"
    with Hub.init(hub_dir) as hub:
        alex = laptop("Alex Morgan")
        alex.enroll(hub)
        case_with_canary(alex)
        send_changes(alex, hub)
    return hub_dir


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_backup_is_encrypted_and_proved_by_restoring_it(
    tmp_path: Path,
    hub_with_case: Path,
    operator_key: tuple[str, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    recipient, identity = operator_key
    backup = tmp_path / "offsite" / "hub.backup.age"
    hub = str(hub_with_case)
    make = ["--data-dir", hub, "backup", str(backup), "--recipient", recipient]
    code, out, err = _run(capsys, *make)
    assert (code, err) == (0, "")
    assert out.startswith(f"Wrote {backup}") and "encrypted to 1 recipient(s)" in out
    assert backup.stat().st_mode & 0o777 == 0o600
    data = backup.read_bytes()
    assert data.startswith(b"age-encryption.org/v1")
    assert not any(form in data for form in forms(CANARY, "Marcia Bennett", "hub_record"))
    assert not list(hub_with_case.glob(".backup-*"))  # the staging folder is gone
    code, out, err = _run(
        capsys, "--data-dir", hub, "restore", "--check", str(backup), "--identity", str(identity)
    )
    assert (code, err) == (0, "")
    assert out.startswith("OK: backup of 'RJ hub' made ") and "pass the hub's check" in out
    assert len(out.strip().splitlines()) == 1
    # Where only the keys kept apart are at hand (the server is lost): --keys.
    keys = tmp_path / "kept-apart-hub-keys.json"
    keys.write_bytes((hub_with_case / "hub-keys.json").read_bytes())
    code, out, _err = _run(
        capsys,
        "--data-dir",
        str(tmp_path / "no-hub-here"),
        "restore",
        "--check",
        str(backup),
        "--identity",
        str(identity),
        "--keys",
        str(keys),
    )
    assert code == 0 and out.startswith("OK:")


def test_a_tampered_backup_is_refused_in_one_sentence(
    tmp_path: Path,
    hub_with_case: Path,
    operator_key: tuple[str, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    recipient, identity = operator_key
    backup = tmp_path / "hub.backup.age"
    hub = str(hub_with_case)
    assert _run(capsys, "--data-dir", hub, "backup", str(backup), "--recipient", recipient)[0] == 0
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0x01
    backup.write_bytes(bytes(data))
    code, out, err = _run(
        capsys, "--data-dir", hub, "restore", "--check", str(backup), "--identity", str(identity)
    )
    assert code == 1 and out == ""
    assert err == (
        "rjdesk-hub: the backup cannot be opened: it was changed or damaged after it was made; "
        "use another backup\n"
    )
    backup.write_bytes(bytes(data[: len(data) // 3]))  # cut short
    code, _out, err = _run(
        capsys, "--data-dir", hub, "restore", "--check", str(backup), "--identity", str(identity)
    )
    assert code == 1 and "changed or damaged" in err and "Traceback" not in err
    assert not list(hub_with_case.glob(".backup-*"))


def test_a_backup_opens_only_with_its_identity(
    tmp_path: Path,
    hub_with_case: Path,
    operator_key: tuple[str, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    recipient, _identity = operator_key
    backup = tmp_path / "hub.backup.age"
    hub = str(hub_with_case)
    assert _run(capsys, "--data-dir", hub, "backup", str(backup), "--recipient", recipient)[0] == 0
    other = tmp_path / "other.txt"
    other.write_text(f"{pyrage.x25519.Identity.generate()}\n", encoding="utf-8")
    code, _out, err = _run(
        capsys, "--data-dir", hub, "restore", "--check", str(backup), "--identity", str(other)
    )
    assert code == 1 and "cannot be opened with this identity" in err


def test_a_backup_to_the_hubs_own_key_alone_or_to_no_one_is_refused(
    tmp_path: Path, hub_with_case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hub = str(hub_with_case)
    _settings, keys = config.load(hub_with_case)
    backup = tmp_path / "hub.backup.age"
    code, _out, err = _run(
        capsys, "--data-dir", hub, "backup", str(backup), "--recipient", keys.age_identity.recipient
    )
    assert code == 1 and "lost with the server" in err and not backup.exists()
    code, _out, err = _run(capsys, "--data-dir", hub, "backup", str(backup))
    assert code == 1 and "give the backup's recipient" in err
    code, _out, err = _run(capsys, "--data-dir", hub, "backup", str(backup), "--recipient", "x")
    assert code == 1 and "is not an age recipient" in err


def test_a_postgresql_hub_is_refused_in_one_sentence(
    tmp_path: Path, hub_with_case: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    recipient = str(pyrage.x25519.Identity.generate().to_public())
    code, _out, err = _run(
        capsys,
        "--data-dir",
        str(hub_with_case),
        "backup",
        str(tmp_path / "b.age"),
        "--recipient",
        recipient,
        "--db",
        "postgresql://rjdesk@127.0.0.1:1/rjdesk",
    )
    assert code == 1 and "does not back up a PostgreSQL hub yet" in err


def test_a_backup_restored_into_a_new_folder_is_the_hub_again(
    tmp_path: Path,
    hub_with_case: Path,
    operator_key: tuple[str, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    recipient, identity = operator_key
    backup = tmp_path / "hub.backup.age"
    hub = str(hub_with_case)
    assert _run(capsys, "--data-dir", hub, "backup", str(backup), "--recipient", recipient)[0] == 0
    with Hub.open(hub_with_case) as original:
        conflicts, devices = original.conflicts(), original.devices()
    target = tmp_path / "new-server"
    restore = ["restore", str(backup), "--identity", str(identity), "--into", str(target)]
    code, out, err = _run(capsys, "--data-dir", hub, *restore)
    assert (code, err) == (0, "") and "recorded the restore" in out
    assert target.stat().st_mode & 0o777 == 0o700
    with Hub.open(target) as restored:
        assert [d.id for d in restored.devices()] == [d.id for d in devices]
        assert restored.conflicts() == conflicts
        assert restored.check().set_aside == []
    code, _out, err = _run(capsys, "--data-dir", hub, *restore)
    assert code == 1 and "a hub already exists" in err
