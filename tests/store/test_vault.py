"""The vault keeps a lost laptop's cases unreadable and survives a forgotten passphrase."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import time
from pathlib import Path

import pytest

from rjdesk.store import keys
from rjdesk.store.vault import Vault
from rjdesk_protocol.errors import VaultDamaged, VaultExists, VaultLocked, WrongPassphrase
from tests.conftest import FACILITATOR, PASSPHRASE

NEW_PASSPHRASE = "a different passphrase entirely"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_the_database_file_is_not_a_readable_sqlite_file(vault: Vault) -> None:
    vault.lock()
    header = vault.db_path.read_bytes()[:16]
    assert not header.startswith(b"SQLite format 3")
    plain = sqlite3.connect(vault.db_path)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT name FROM sqlite_master").fetchall()
    plain.close()


def test_the_key_file_holds_no_plain_key_and_only_its_owner_can_read_it(vault: Vault) -> None:
    document = json.loads(vault.key_path.read_text())
    assert set(document["slots"]) == {"passphrase", "recovery"}
    assert FACILITATOR not in vault.key_path.read_text()
    if os.name == "posix":
        assert stat.S_IMODE(vault.key_path.stat().st_mode) == 0o600
        assert stat.S_IMODE(vault.data_dir.stat().st_mode) == 0o700
        for name in ("cases.db", "cases.db-wal", "cases.db-shm"):
            assert stat.S_IMODE((vault.data_dir / name).stat().st_mode) == 0o600, name


def test_a_wrong_passphrase_is_refused_and_changes_no_file(vault: Vault) -> None:
    vault.lock()
    before = _snapshot(vault.data_dir)
    again = Vault(vault.data_dir)
    with pytest.raises(WrongPassphrase):
        again.unlock("not the passphrase at all")
    assert not again.is_unlocked
    assert _snapshot(vault.data_dir) == before


def test_the_right_passphrase_opens_the_vault_after_a_wrong_one(vault: Vault) -> None:
    vault.lock()
    with pytest.raises(WrongPassphrase):
        vault.unlock("nope nope nope")
    vault.unlock(PASSPHRASE, failed_attempts=1)
    with vault.reader() as session:
        from rjdesk.domain.models import AuditEvent

        actions = [e.action for e in session.query(AuditEvent).order_by(AuditEvent.id)]
    assert actions[-2:] == ["unlock_failed", "unlock"]


def test_locking_closes_every_connection_and_refuses_work(vault: Vault) -> None:
    with vault.reader() as session:
        session.execute(__import__("sqlalchemy").text("SELECT 1"))
    vault.lock()
    assert not vault.is_unlocked
    with pytest.raises(VaultLocked), vault.unit_of_work():
        pass
    if Path("/proc/self/fd").exists():
        open_files = {os.path.realpath(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd")}
        assert not any(path.startswith(str(vault.db_path)) for path in open_files)


def test_changing_the_passphrase_rewraps_only_the_key(vault: Vault) -> None:
    vault.lock()
    db_before = vault.db_path.read_bytes()
    Vault(vault.data_dir).change_passphrase(PASSPHRASE, NEW_PASSPHRASE)
    assert vault.db_path.read_bytes() == db_before
    with pytest.raises(WrongPassphrase):
        Vault(vault.data_dir).unlock(PASSPHRASE)
    reopened = Vault(vault.data_dir)
    reopened.unlock(NEW_PASSPHRASE)
    reopened.lock()


def test_a_forgotten_passphrase_is_reset_with_the_recovery_key(data_dir: Path) -> None:
    vault, recovery_key = Vault.create(
        data_dir, facilitator_name=FACILITATOR, passphrase=PASSPHRASE
    )
    vault.lock()
    # Typed by hand from the paper in the hub's safe: lower case, spaces instead of dashes.
    typed = recovery_key.lower().replace("-", " ")
    Vault(data_dir).reset_passphrase(typed, NEW_PASSPHRASE)
    with pytest.raises(WrongPassphrase):
        Vault(data_dir).unlock(PASSPHRASE)
    reopened = Vault(data_dir)
    reopened.unlock(NEW_PASSPHRASE)
    reopened.lock()


def test_a_wrong_recovery_key_changes_nothing(vault: Vault) -> None:
    vault.lock()
    before = _snapshot(vault.data_dir)
    other_key, _ = keys.new_recovery_key()
    with pytest.raises(WrongPassphrase):
        Vault(vault.data_dir).reset_passphrase(other_key, NEW_PASSPHRASE)
    assert _snapshot(vault.data_dir) == before


def test_a_key_file_with_tampered_parameters_does_not_open(vault: Vault) -> None:
    vault.lock()
    document = json.loads(vault.key_path.read_text())
    document["slots"]["passphrase"]["kdf"]["iterations"] += 1
    vault.key_path.write_text(json.dumps(document))
    with pytest.raises(WrongPassphrase):
        Vault(vault.data_dir).unlock(PASSPHRASE)


@pytest.mark.parametrize(
    "damage",
    [b"", b"{not json", b'{"format": "something else"}', b'{"format": "rjdesk.vault-key/1"}'],
)
def test_a_damaged_key_file_is_reported_not_opened(vault: Vault, damage: bytes) -> None:
    vault.lock()
    vault.key_path.write_bytes(damage)
    with pytest.raises(VaultDamaged):
        Vault(vault.data_dir).unlock(PASSPHRASE)


def test_a_vault_is_never_created_over_another(vault: Vault) -> None:
    with pytest.raises(VaultExists):
        Vault.create(vault.data_dir, facilitator_name="Someone Else", passphrase=PASSPHRASE)


def test_an_interrupted_init_leaves_nothing_that_looks_like_a_vault(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "cases.db").write_bytes(b"half-built database from a killed init")
    assert not Vault.exists(data_dir)
    vault, _ = Vault.create(data_dir, facilitator_name=FACILITATOR, passphrase=PASSPHRASE)
    vault.lock()
    Vault(data_dir).unlock(PASSPHRASE)


def test_short_passphrases_are_refused() -> None:
    from rjdesk_protocol.errors import ValidationError

    with pytest.raises(ValidationError):
        keys.check_new_passphrase("short")


def test_the_real_key_derivation_is_memory_hard_and_slow(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The one test without the test setting: the defaults a facilitator's vault gets."""
    monkeypatch.delenv(keys.FAST_KDF_ENV)
    vault, _ = Vault.create(data_dir, facilitator_name=FACILITATOR, passphrase=PASSPHRASE)
    vault.lock()
    kdf = json.loads(vault.key_path.read_text())["slots"]["passphrase"]["kdf"]
    assert kdf["name"] == "argon2id"
    assert kdf["memory_kib"] >= 64 * 1024
    assert kdf["iterations"] >= 2
    started = time.perf_counter()
    Vault(data_dir).unlock(PASSPHRASE)
    # Calibrated to about 0.7 s; a floor well below that proves it is not the test setting.
    assert time.perf_counter() - started > 0.2


def test_calibration_on_a_busy_machine_does_not_pick_the_most_passes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A noisy machine times one pass and three passes almost alike: the slope would say a pass
    is nearly free and the vault would get 64 passes (an unlock of many seconds)."""
    monkeypatch.delenv(keys.FAST_KDF_ENV)
    timings = {1: [0.30, 0.29], 3: [0.31]}  # the first is the memory probe

    def noisy(params: keys.KdfParams, _salt: bytes) -> float:
        return timings[params.iterations].pop(0)

    monkeypatch.setattr(keys, "_timed", noisy)
    params = keys.calibrate_kdf(target_seconds=0.7)
    assert params.memory_kib == keys.START_MEMORY_KIB
    # A pass costs at least a quarter of a one-pass run: at most 0.7 / (0.29 / 4) passes.
    assert 2 <= params.iterations <= 9


def test_calibration_fills_the_time_budget_on_a_steady_machine(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(keys.FAST_KDF_ENV)
    timings = {1: [0.25, 0.25], 3: [0.49]}  # 0.12 s a pass, 0.13 s to fill the memory

    def steady(params: keys.KdfParams, _salt: bytes) -> float:
        return timings[params.iterations].pop(0)

    monkeypatch.setattr(keys, "_timed", steady)
    assert keys.calibrate_kdf(target_seconds=0.7).iterations == 4


def test_recovery_keys_forgive_typing_slips_but_not_wrong_lengths() -> None:
    from rjdesk_protocol.errors import ValidationError

    text, secret = keys.new_recovery_key()
    assert keys.parse_recovery_key(text.replace("0", "O").replace("1", "l")) == secret
    with pytest.raises(ValidationError):
        keys.parse_recovery_key(text[:-2])
