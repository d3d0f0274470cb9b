"""A real screen reader's view of the window (issue 13): the window runs on the xcb platform
under Xvfb with QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1, inside ``dbus-run-session`` with the AT-SPI
bus of Debian's at-spi2-core, and a reader under Debian's /usr/bin/python3 with python3-pyatspi
walks the accessibility tree as Orca does (screen_reader/reader.py).

It types a wrong passphrase and must hear the message that says so, not the label's name; then
unlocks, opens a case from Today with the keyboard, and must hear the header's reference and
stage. Without the tools it skips, except under CI (``.ci/run`` installs them), where it fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rjdesk.services import importer
from rjdesk.store.vault import Vault, _clock_at_noon
from tests.conftest import FACILITATOR, NEIGHBOUR_DISPUTE, PASSPHRASE, TODAY

HERE = Path(__file__).resolve().parent / "screen_reader"
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
READER_PYTHON = "/usr/bin/python3"
WRONG_MESSAGE = "That passphrase does not open this case file. Try again."
# Each wait of the reader (the machine is shared and may be slow); the whole check is bounded
# by a few of them.
STEP_TIMEOUT_S = 45


def _missing_tools() -> list[str]:
    """The tools the check needs that this machine lacks, each with its Debian package."""
    missing = [
        f"{tool} (Debian: {package})"
        for tool, package in (("Xvfb", "xvfb"), ("dbus-run-session", "dbus"))
        if shutil.which(tool) is None
    ]
    if not Path(BUS_LAUNCHER).exists():
        missing.append(f"{BUS_LAUNCHER} (Debian: at-spi2-core)")
    if not Path(READER_PYTHON).exists():
        missing.append(f"{READER_PYTHON} (Debian: python3)")
    else:
        probe = subprocess.run(
            [READER_PYTHON, "-c", "import pyatspi"], capture_output=True, timeout=60, check=False
        )
        if probe.returncode:
            missing.append("pyatspi for /usr/bin/python3 (Debian: python3-pyatspi)")
    return missing


def _tools_or_skip() -> None:
    missing = _missing_tools()
    if not missing:
        return
    reason = "the screen-reader check needs " + ", ".join(missing)
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}; CI must install them (.ci/run)")
    pytest.skip(reason)


def _case_file(data_dir: Path) -> str:
    """A locked case file holding the neighbour dispute (follow-up stage): its reference."""
    vault, _ = Vault.create(
        data_dir, facilitator_name=FACILITATOR, passphrase=PASSPHRASE, clock=_clock_at_noon(TODAY)
    )
    try:
        with vault.unit_of_work() as uow:
            return importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).reference
    finally:
        vault.lock()


def _read_window(tmp_path: Path, plan: dict[str, object], data_dir: Path) -> dict[str, object]:
    plan_path = tmp_path / "plan.json"
    plan_path.write_text(json.dumps(plan), encoding="utf-8")
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"DISPLAY", "QT_QPA_PLATFORM", "AT_SPI_BUS_ADDRESS", "WAYLAND_DISPLAY"}
    }
    done = subprocess.run(
        ["dbus-run-session", "--", sys.executable, str(HERE / "driver.py"), str(plan_path),
         str(data_dir)],
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=STEP_TIMEOUT_S * 6,
        check=False,
    )  # fmt: skip
    try:
        report: dict[str, object] = json.loads(done.stdout)
    except json.JSONDecodeError:
        pytest.fail(f"the screen-reader driver gave no report: {done.stderr.strip()[-2000:]}")
    return report


def test_a_screen_reader_hears_the_unlock_message_and_the_case_header(tmp_path: Path) -> None:
    _tools_or_skip()
    data_dir = tmp_path / "vault"
    reference = _case_file(data_dir)
    plan = {
        "today": TODAY.isoformat(),
        "timeout": STEP_TIMEOUT_S,
        "wrong_passphrase": "wrong horse battery staple",
        "wrong_message": WRONG_MESSAGE,
        "passphrase": PASSPHRASE,
        "reference": reference,
        "header": [reference, "Stage: Follow-up"],
    }
    started = time.monotonic()
    report = _read_window(tmp_path, plan, data_dir)
    print(f"screen-reader check: {time.monotonic() - started:.1f} s")
    window_log = str(report.get("window_log", ""))
    if "Could not load the Qt platform plugin" in window_log:
        reason = f"Qt's xcb platform does not load here: {window_log.strip()[-600:]}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI must install its libraries (.ci/run)")
        pytest.skip(reason)
    steps = report["steps"]
    assert isinstance(steps, list)
    heard = "; ".join(f"{step['step']}: heard {step['heard']}" for step in steps)
    assert report["error"] is None, (
        f"the screen reader could not go on: {report['error']} ({heard or 'nothing heard'})."
        f" The window said: {window_log.strip()[-1500:] or 'nothing'}"
    )
    for step in steps:
        assert not step["missing"], (
            f"On {step['step']}, a screen reader never heard {step['missing']}; "
            f"it heard {step['heard']}"
        )
    assert [step["step"] for step in steps] == [
        "wrong passphrase on the unlock screen",
        "the open case's header",
    ]
