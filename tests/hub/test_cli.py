"""``rjdesk-hub …``: the coordinator's commands, one line per expected error."""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from rjdesk_hub.cli import main
from rjdesk_protocol.keys import PublicKey, verify_document
from tests.hub.conftest import LaptopFactory
from tests.laptops import new_case

Run = tuple[int, str, str]


@pytest.fixture
def hub_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]):  # type: ignore[no-untyped-def]
    hub_dir = tmp_path / "hub"

    def run(*args: str) -> Run:
        code = main(["--data-dir", str(hub_dir), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run


def test_a_coordinators_day_through_the_command_line(
    hub_cli,
    laptop: LaptopFactory,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    code, out, _ = hub_cli("init", "--name", "North hub", "--url", "https://hub.example.org")
    assert code == 0 and "Created the hub 'North hub'" in out and "hub-keys.json" in out
    code, _, err = hub_cli("init")
    assert code == 1 and err.count("\n") == 1 and "a hub already exists" in err

    alex, sam = laptop("Alex Morgan"), laptop("Sam Patel")
    for device in (alex, sam):
        request = tmp_path / f"{device.device_code}.json"
        request.write_text(json.dumps(device.enrollment_request()))
        answer = tmp_path / f"{device.device_code}-config.json"
        code, out, _ = hub_cli("enroll", str(request), "-o", str(answer))
        assert code == 0 and f"Enrolled device {device.device_id}" in out
        device.config = json.loads(answer.read_text())
        verify_document(device.config, PublicKey.from_minisign(device.config["hub_signing_key"]))
    code, out, _ = hub_cli("devices")
    assert code == 0 and alex.device_code in out and "Sam Patel" in out and "LAST SEQ" in out

    ids = new_case(alex)
    found, blobs = alex.changes()
    bundle = tmp_path / "from-usb.rjb"
    bundle.write_bytes(alex.seal(found, blobs))
    code, out, _ = hub_cli("import", str(bundle))
    assert code == 0 and out.strip() == (
        f"Accepted bundle {next(iter(alex.bundle_ids.values()))} (#1) from device "
        f"{alex.device_id}: 9 records at the hub, 0 in conflict."
    )
    assert hub_cli("import", str(bundle))[1] == out  # the same file again: the same answer
    damaged = tmp_path / "damaged.rjb"
    damaged.write_bytes(bundle.read_bytes()[:-5])
    code, _, err = hub_cli("import", str(damaged))
    assert (
        code == 1
        and err.startswith("rjdesk-hub: The bundle was refused: ")
        and err.count("\n") == 1
    )

    code, out, _ = hub_cli("assign", ids.reference, sam.device_code)
    assert code == 0 and out.strip() == (
        f"Assigned {ids.reference} to Sam Patel: queued for 1 laptop(s). "
        "Alex Morgan no longer holds it."
    )
    code, out, _ = hub_cli("assign", ids.reference, "alex morgan", "--keep-referrer")
    assert code == 0 and out.strip().startswith(f"Assigned {ids.reference} to Alex Morgan")
    code, out, _ = hub_cli("unassign", ids.reference, "Alex Morgan")
    assert code == 0 and out.startswith(f"Took {ids.reference} from Alex Morgan: their 1 laptop")
    code, _, err = hub_cli("unassign", ids.reference, "Alex Morgan")
    assert code == 1 and err == f"rjdesk-hub: Alex Morgan does not hold case {ids.reference}\n"
    code, _, err = hub_cli("assign", ids.reference, "Nobody Here")
    assert code == 1 and "no facilitator, device id or device code Nobody Here" in err
    assert err.count("\n") == 1
    code, out, _ = hub_cli("restored")
    assert code == 0 and out.startswith("Recorded a restore of the hub at ")
    code, out, _ = hub_cli("conflicts")
    assert (code, out.strip()) == (0, "No open conflicts.")

    code, out, err = hub_cli("keys", "export-age-identity")
    assert code == 0 and out.startswith("AGE-SECRET-KEY-1") and "SECRET" in err
    code, out, _ = hub_cli("keys", "device-key", alex.device_code)
    assert code == 0 and PublicKey.from_minisign(out).raw == alex.signing_key.public.raw

    code, out, _ = hub_cli("revoke", alex.device_code)
    assert code == 0 and f"Revoked device {alex.device_id}" in out
    code, _, err = hub_cli("revoke", alex.device_id)
    assert code == 1 and "already revoked" in err and err.count("\n") == 1
    code, out, _ = hub_cli("prune")
    assert code == 0 and out.startswith("Removed 0 bundle(s)")


def test_a_second_laptop_under_a_name_in_use_needs_the_coordinators_choice(
    hub_cli,
    laptop: LaptopFactory,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    assert hub_cli("init", "--url", "https://hub.example.org")[0] == 0
    first, second, third = laptop("Sam Smith"), laptop("Sam Smith"), laptop("Sam Smith")
    paths = {}
    for device in (first, second, third):
        paths[device] = tmp_path / f"{device.device_code}.json"
        paths[device].write_text(json.dumps(device.enrollment_request()))
    assert hub_cli("enroll", str(paths[first]), "-o", str(tmp_path / "1.json"))[0] == 0
    account = json.loads((tmp_path / "1.json").read_text())["facilitator_id"]

    code, _, err = hub_cli("enroll", str(paths[second]), "-o", str(tmp_path / "2.json"))
    assert code == 1 and err.count("\n") == 1
    assert f"a facilitator named Sam Smith already has an account (id {account})" in err
    assert "--same-facilitator ID" in err and "--new-facilitator" in err
    assert not (tmp_path / "2.json").exists()

    code, out, _ = hub_cli(
        "enroll", str(paths[second]), "-o", str(tmp_path / "2.json"), "--same-facilitator", account
    )
    assert code == 0 and f"for facilitator {account}" in out
    code, out, _ = hub_cli(
        "enroll", str(paths[third]), "-o", str(tmp_path / "3.json"), "--new-facilitator"
    )
    assert code == 0
    other = json.loads((tmp_path / "3.json").read_text())["facilitator_id"]
    assert other != account
    code, out, _ = hub_cli("devices")
    assert code == 0 and "FACILITATOR ID" in out
    assert out.count(account) == 2 and out.count(other) == 1
    code, _, err = hub_cli(
        "enroll", str(paths[third]), "-o", "x.json", "--same-facilitator", "a", "--new-facilitator"
    )
    assert code == 2 and "not allowed with" in err


def test_expected_errors_are_one_line(hub_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    code, _, err = hub_cli("devices")
    assert code == 1 and "no hub in" in err and err.count("\n") == 1
    hub_cli("init")
    not_json = tmp_path / "request.json"
    not_json.write_text("{")
    code, _, err = hub_cli("enroll", str(not_json), "-o", str(tmp_path / "out.json"))
    assert code == 1 and "not JSON" in err and err.count("\n") == 1
    code, _, err = hub_cli("enroll", str(tmp_path / "missing.json"), "-o", "x.json")
    assert code == 2 and "cannot read" in err
    code, _, err = hub_cli("assign", "RJ-26-AAAAA-0001", "nobody")
    assert code == 1 and "no case" in err
    code, _, err = hub_cli("init", "--db", "mysql://x/y")
    assert code == 2 and "postgresql://" in err
    assert "Traceback" not in err


def test_serve_prints_its_address_and_answers(tmp_path: Path) -> None:
    hub_dir = tmp_path / "hub"
    assert main(["--data-dir", str(hub_dir), "init", "--name", "Served"]) == 0
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    child = subprocess.Popen(
        [
            *(sys.executable, "-m", "rjdesk_hub", "--data-dir", str(hub_dir)),
            *("serve", "--port", "0", "--console-port", "0"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        url = re.search(r"listening on (http://\S+)", line)
        assert url, line
        answer = httpx.get(f"{url[1]}/v1/hub", timeout=10)
        assert answer.json()["hub_name"] == "Served"
        # The console, on its own port, in the same process and over the same hub.
        line = child.stdout.readline()
        console = re.search(r"console for coordinators listening on (http://\S+)", line)
        assert console and console[1] != url[1], line
        page = httpx.get(f"{console[1]}/", timeout=10, follow_redirects=True)
        # Nobody is signed in: the console answers with its sign-in page.
        assert page.status_code == 200 and page.url.path == "/sign-in", page.url
        assert "Sign in to the hub" in page.text
    finally:
        child.send_signal(signal.SIGTERM)
        _out, err = child.communicate(timeout=20)
    # uvicorn shuts down cleanly, then lets the signal end the process as it would have.
    assert child.returncode in (0, -signal.SIGTERM), err
    assert "Shutting down" in err
    assert "GET /v1/hub 200" in err and "Traceback" not in err
    assert "GET / 303" in err and "GET /sign-in 200" in err  # the console logs as the API does


def test_serve_says_in_one_line_when_the_consoles_port_is_taken(tmp_path: Path) -> None:
    hub_dir = tmp_path / "hub"
    assert main(["--data-dir", str(hub_dir), "init"]) == 0
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        # In a child: serving sets up the process's logging.
        done = subprocess.run(
            [
                *(sys.executable, "-m", "rjdesk_hub", "--data-dir", str(hub_dir)),
                *("serve", "--port", "0", "--console-port", str(port)),
            ],
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    code, err = done.returncode, done.stderr
    assert code == 1
    assert err.strip().startswith(f"rjdesk-hub: cannot listen on 127.0.0.1 port {port}")
    assert "--console-port" in err and "Traceback" not in err


def test_serve_refuses_the_same_port_for_the_api_and_the_console(hub_cli) -> None:  # type: ignore[no-untyped-def]
    code, _, err = hub_cli("serve", "--console-port", "8765")
    assert code == 2 and "--console-port must differ from --port" in err
