"""A bundle written by `rjdesk bundle export` opens with age and verifies with minisign,
following docs/bundle-format.md word for word (issue 5). Under CI a missing tool fails."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rjdesk.services import importer
from rjdesk_hub import Hub
from tests.conftest import NEIGHBOUR_DISPUTE, PASSPHRASE, TODAY
from tests.sync.conftest import Laptops

DOC = Path(__file__).resolve().parents[2] / "docs" / "bundle-format.md"
WALKTHROUGH = [
    "age -d -i hub-age.key -o bundle.tar bundle.rjb",
    "mkdir files && tar -xf bundle.tar -C files && cd files",
    "minisign -V -p ../device.pub -m manifest.json",
    "grep -oE '[0-9a-f]{64}  [^\"]+' manifest.json | sha256sum -c",
]


def _tools() -> None:
    missing = [tool for tool in ("age", "minisign", "tar", "sha256sum") if not shutil.which(tool)]
    if missing:
        message = f"not on PATH: {', '.join(missing)} (Debian: apt install age minisign)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


def test_an_exported_bundle_checks_out_with_age_and_minisign_alone(
    live_hub: tuple[Hub, str], laptops: Laptops, tmp_path: Path
) -> None:
    _tools()
    hub, _url = live_hub
    alex = laptops("Alex Morgan", hub)
    with alex.unit_of_work() as uow:
        importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes())
    device_id = alex.info().device_id
    alex.lock()
    work = tmp_path / "check"
    work.mkdir(mode=0o700)
    env = {
        **os.environ,
        "RJDESK_INSECURE_FAST_KDF": "1",
        "RJDESK_DATA_DIR": str(alex.data_dir),
        "RJDESK_PASSPHRASE": PASSPHRASE,
        "RJDESK_TODAY": TODAY.isoformat(),
    }
    export = subprocess.run(
        [sys.executable, "-m", "rjdesk", "bundle", "export", "-o", str(work / "bundle.rjb")],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert export.returncode == 0, export.stderr
    (work / "hub-age.key").write_text(hub.export_age_identity() + "\n")
    (work / "device.pub").write_text(hub.device_key(device_id))

    doc = DOC.read_text()
    assert all(step.split(" && cd")[0] in doc for step in WALKTHROUGH), "the doc says this"
    script = "set -euo pipefail\n" + "\n".join(WALKTHROUGH) + "\n"
    done = subprocess.run(
        ["bash", "-c", script], cwd=work, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr + done.stdout
    assert "Signature and comment signature verified" in done.stderr + done.stdout
    assert "changes.json: OK" in done.stdout

    # Changed after sealing: the stock tools say so too.
    changes = work / "files" / "changes.json"
    changes.write_bytes(changes.read_bytes().replace(b"Marcia", b"Marcie", 1))
    check = subprocess.run(
        ["bash", "-c", WALKTHROUGH[-1]], cwd=work / "files", capture_output=True, text=True,
        timeout=60, check=False,
    )  # fmt: skip
    assert check.returncode != 0 and "FAILED" in check.stdout
