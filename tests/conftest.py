"""Shared fixtures: real vaults in temporary folders, with a fixed "today".

Every test runs with the documented test setting RJDESK_INSECURE_FAST_KDF=1 (cheap Argon2id
parameters), except the one test of the real defaults, which removes it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from rjdesk.store.vault import Vault, _clock_at_noon

EXAMPLES = Path(__file__).parent / "fixtures" / "examples"
NEIGHBOUR_DISPUTE = EXAMPLES / "neighbour-dispute.json"
HATE_CRIME = EXAMPLES / "hate-crime-early.json"
PASSPHRASE = "correct horse battery staple"
TODAY = date(2026, 11, 20)
FACILITATOR = "Alex Morgan"


@pytest.fixture(autouse=True)
def _fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RJDESK_INSECURE_FAST_KDF", "1")
    for name in ("RJDESK_PASSPHRASE", "RJDESK_DATA_DIR", "RJDESK_TODAY", "RJDESK_SQL_ECHO"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "vault"


@pytest.fixture
def vault(data_dir: Path) -> Iterator[Vault]:
    """A new, unlocked vault whose "today" is 20 November 2026."""
    created, _ = Vault.create(
        data_dir, facilitator_name=FACILITATOR, passphrase=PASSPHRASE, clock=_clock_at_noon(TODAY)
    )
    yield created
    created.lock()


@dataclass
class CliResult:
    code: int
    stdout: str
    stderr: str


CliRunner = Callable[..., CliResult]


@pytest.fixture
def cli(data_dir: Path) -> CliRunner:
    """Run the real `rjdesk` command in a child process against ``data_dir``."""

    def run(
        *args: str,
        passphrase: str | None = PASSPHRASE,
        today: date = TODAY,
        env: dict[str, str] | None = None,
        stdin: str | None = None,
    ) -> CliResult:
        child_env = {
            **os.environ,
            "RJDESK_INSECURE_FAST_KDF": "1",
            "RJDESK_DATA_DIR": str(data_dir),
            "RJDESK_TODAY": today.isoformat(),
            "PYTHONIOENCODING": "utf-8",
        }
        child_env.pop("RJDESK_PASSPHRASE", None)
        if passphrase is not None:
            child_env["RJDESK_PASSPHRASE"] = passphrase
        child_env.update(env or {})
        done = subprocess.run(
            [sys.executable, "-m", "rjdesk", *args],
            env=child_env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            input=stdin,
            timeout=120,
            check=False,
        )
        return CliResult(done.returncode, done.stdout, done.stderr)

    return run
