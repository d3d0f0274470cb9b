"""`rjdesk --self-test`: every check passes from source, a missing resource fails its checks
(as in a frozen build that left it out), and nothing is left behind either way."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from rjdesk import launcher
from rjdesk.documents import fonts, layout
from rjdesk.services import importer
from rjdesk.ui.toolkit import icons

CHECKS = [
    "vault created",
    "case written",
    "case read back",
    "agreement rendered",
    "main window opened, unlocked and closed",
    "vault verified",
    "temporary vault deleted",
]


def _name(line: str) -> str:
    """The check a line is about: "PASS  name (detail)" or "FAIL  name: reason"."""
    name = line[6:]
    for end in (" (", ":"):
        name = name.partition(end)[0]
    return name


@pytest.fixture
def system_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temp folder the self-test sees as the system's (empty before it runs)."""
    folder = tmp_path / "system-temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def real_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the facilitator's vault would be: the self-test must never touch it."""
    folder = tmp_path / "real-data"
    monkeypatch.setenv("RJDESK_DATA_DIR", str(folder))
    return folder


def _clear_resource_caches() -> None:
    icons.icon.cache_clear()
    importer._validator.cache_clear()
    layout._default_logo.cache_clear()


@pytest.fixture
def without_resources(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A frozen build whose bundle lacks resources/ (rjdesk.resources looks in sys._MEIPASS)."""
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "frozen-bundle"), raising=False)
    monkeypatch.setattr(fonts, "_registered", False)
    _clear_resource_caches()
    yield
    _clear_resource_caches()  # nothing read from the empty bundle outlives the test


def test_every_check_passes_and_nothing_is_left_behind(
    qtbot: QtBot,
    system_temp: Path,
    real_data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert launcher.main(["--self-test"]) == 0
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert [_name(line) for line in lines[:-1]] == CHECKS
    assert all(line.startswith("PASS  ") for line in lines[:-1]), out
    assert lines[-1].startswith("rjdesk ") and "all 7 checks passed" in lines[-1]
    assert "Traceback" not in err
    assert list(system_temp.iterdir()) == [], "the temporary vault is gone"
    assert not real_data_dir.exists()
    # The window saved its geometry in the temporary folder, not in Qt's settings of the user
    # (tests/ui/conftest.py points those at tmp_path/home).
    assert not any(p.is_file() for p in (tmp_path / "home").rglob("*"))


@pytest.mark.usefixtures("without_resources")
def test_missing_resources_fail_their_checks_without_a_traceback(
    qtbot: QtBot, system_temp: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert launcher.main(["--self-test"]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert [_name(line) for line in lines[:-1]] == CHECKS
    results = {_name(line): line for line in lines[:-1]}
    failed = [name for name, line in results.items() if line.startswith("FAIL  ")]
    assert failed == [
        "case read back",
        "agreement rendered",
        "main window opened, unlocked and closed",
    ]
    assert "schema/rjdesk.case-1.schema.json" in results["case read back"]
    assert "fonts/DejaVuSans.ttf" in results["agreement rendered"]
    assert "icons are missing" in results["main window opened, unlocked and closed"]
    assert results["vault verified"].startswith("PASS  ")
    assert results["temporary vault deleted"].startswith("PASS  ")
    assert "3 of 7 checks FAILED" in lines[-1]
    assert "Traceback" not in out + err
    assert list(system_temp.iterdir()) == []


def test_without_a_temporary_folder_every_check_fails(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    not_a_folder = tmp_path / "temp-is-a-file"
    not_a_folder.write_text("")
    monkeypatch.setattr(tempfile, "tempdir", str(not_a_folder))
    assert launcher.main(["--self-test"]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    assert all(line.startswith("FAIL  ") for line in lines[:-1])
    assert "no temporary folder to work in" in lines[0]
    assert "Traceback" not in err


def test_self_test_takes_no_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert launcher.main(["--self-test", "verify"]) == 2
    assert "--self-test takes no command" in capsys.readouterr().err


def test_the_installed_command_chooses_offscreen_itself(tmp_path: Path) -> None:
    """`rjdesk --self-test` as IT runs it: no display, no QT_QPA_PLATFORM, its own HOME."""
    home, temp = tmp_path / "home", tmp_path / "temp"
    home.mkdir()
    temp.mkdir()
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR")
        and not name.startswith(("XDG_", "RJDESK_"))
    }
    # The real KDF is what `rjdesk --self-test` uses; the suite's cheap one keeps this quick.
    env |= {"HOME": str(home), "TMPDIR": str(temp), "RJDESK_INSECURE_FAST_KDF": "1"}
    script = Path(sys.executable).with_name("rjdesk")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "rjdesk"]
    done = subprocess.run(
        [*command, "--self-test"],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert [_name(line) for line in lines[:-1]] == CHECKS
    assert all(line.startswith("PASS  ") for line in lines[:-1])
    assert "(offscreen platform)" in lines[4]
    assert "Traceback" not in done.stderr
    assert list(temp.iterdir()) == [], "nothing left in the temp folder"
    assert list(home.rglob("*")) == [], "nothing written in the home folder"
