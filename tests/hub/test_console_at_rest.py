"""The hub's at-rest promise with the console running: a case's content appears in no file the
hub writes outside its encrypted store (docs/hub.md) — not its database's plain parts, its
logs, its metrics, its case index, its backups nor its audit export — and what a coordinator
types in a search reaches no log line and no audit entry.

The hub runs as ``rjdesk-hub serve`` in its own process, as on a server: laptops' bundles
arrive over HTTP, a coordinator signs in to the console over HTTP and opens its pages, the
metrics are scraped, and ``reindex``, ``backup``, ``restore --check`` and ``audit export`` run
beside it. Then every file is searched for the canary in every form a program could write it
in: UTF-8 and UTF-16, lower, upper and folded case, URL-encoded and base64.
"""

from __future__ import annotations

import base64
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, quote_plus, urlencode

import httpx
import pyotp
import pyrage
import pytest

from rjdesk.services import contacts
from rjdesk.services.documents import add_attachment
from rjdesk.sync.records import Record
from rjdesk_hub import Hub
from rjdesk_hub.console.accounts import Accounts
from rjdesk_hub.console.accounts_web import INSECURE_COOKIES_ENV
from rjdesk_protocol.enums import ContactKind, Role
from tests.canary import readable_files
from tests.conftest import TODAY
from tests.hub.conftest import LaptopFactory
from tests.hub.console_signin import csrf_of
from tests.hub.ops_helpers import upload
from tests.hub.server import signed
from tests.laptops import Laptop, edited
from tests.services.builders import at, person, referral

# The canary: a person's name, phone and postcode, a note's words and a document's bytes that
# nothing else in a hub could hold. The search typed is its own needle too.
NAME = "Wendeline Quorrelsby"
PHONE, PHONE_KEY = "07700 900731", "07700900731"
ADDRESS, POSTCODE = "9 Ashgrove Lane, Lerwick ZE2 9QX", "ZE2 9QX"
NOTE = "CANARY-3b8e41 Wendeline spoke of the blue heron gate"
DOCUMENT = b"CANARY-DOC-6a2f90: a letter of apology, written by hand\n"
SUMMARY = "CANARY-c7d512 a summary both laptops changed"
SEARCH = "wendel quorre"
NEEDLES_PLAIN = [
    NAME,
    *NAME.split(),
    PHONE,
    PHONE_KEY,
    "+447700900731",
    POSTCODE,
    POSTCODE.replace(" ", ""),
    "Ashgrove Lane",
    NOTE,
    DOCUMENT.decode().strip(),
    SUMMARY,
    SEARCH,
    *SEARCH.split(),
]
STOP_SECONDS = 30
# Every port a free one; the logs as JSON lines, as a server's log collector takes them.
SERVE = ("serve", "--port", "0", "--console-port", "0", "--metrics-port", "0",
         "--log-format", "json")  # fmt: skip


def _cases(text: str) -> list[str]:
    return list(dict.fromkeys([text, text.lower(), text.upper(), text.casefold()]))


def _base64_forms(data: bytes) -> list[bytes]:
    """The base64 of ``data`` at each of the three alignments it could start at inside a longer
    text, without the characters its neighbours would change (and the URL-safe alphabet)."""
    found: list[bytes] = []
    for shift in range(3):
        encoded = base64.b64encode(b"\0" * shift + data)
        head = 4 if shift else 0
        tail = len(encoded) - 4
        middle = encoded[head:tail]
        found += [middle, middle.replace(b"+", b"-").replace(b"/", b"_")]
    return found


def canary_forms() -> list[bytes]:
    """Every way the canary could be written to a file."""
    needles: set[bytes] = set()
    for plain in NEEDLES_PLAIN:
        for text in _cases(plain):
            for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
                needles.add(text.encode(encoding))
            needles.add(quote(text).encode())
            needles.add(quote_plus(text).encode())
            if len(text) >= 12:  # shorter, its base64 is a few letters anything may hold
                needles |= set(_base64_forms(text.encode()))
    needles |= set(_base64_forms(DOCUMENT))
    return sorted(needles)


def holding(blob: bytes, needles: list[bytes]) -> list[bytes]:
    return [needle for needle in needles if needle in blob]


# -- the hub's process ----------------------------------------------------------------------


@dataclass
class Served:
    api: str
    console: str
    metrics: str
    log: Path


def _command(hub_dir: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "rjdesk_hub", "--data-dir", str(hub_dir), *args]


def _environment() -> dict[str, str]:
    # Plain HTTP on 127.0.0.1: the console's cookies without Secure, as for its browser tests.
    return {**os.environ, INSECURE_COOKIES_ENV: "1"}


def _run(hub_dir: Path, *args: str) -> str:
    done = subprocess.run(
        _command(hub_dir, *args),
        capture_output=True,
        text=True,
        timeout=300,
        env=_environment(),
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def serving(tmp_path: Path) -> Iterator[tuple[Path, subprocess.Popen[str], Path]]:
    """A new hub's folder, its ``rjdesk-hub serve`` process once started (API, console and
    metrics on free ports, JSON logs into a file) and that log file."""
    hub_dir = tmp_path / "hub"
    Hub.init(hub_dir, name="At-rest hub", url="http://127.0.0.1:9").close()
    log = tmp_path / "hub.log"
    with log.open("w", encoding="utf-8") as stderr:
        process = subprocess.Popen(
            _command(hub_dir, *SERVE),
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            env=_environment(),
        )
    try:
        yield hub_dir, process, log
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def _started(process: subprocess.Popen[str], log: Path) -> Served:
    """The addresses the hub printed (API, console) and logged (metrics) once up."""
    assert process.stdout is not None
    api = re.search(r"listening on (http://\S+)", process.stdout.readline())
    console = re.search(r"listening on (http://\S+)", process.stdout.readline())
    assert api and console, "the hub did not start"
    deadline = time.monotonic() + 15
    metrics = None
    while metrics is None and time.monotonic() < deadline:
        metrics = re.search(r"metrics served at (http://[^\s\"]+)", log.read_text("utf-8"))
        time.sleep(0.05)
    assert metrics, "the hub did not log where its metrics are"
    return Served(api.group(1), console.group(1), metrics.group(1), log)


def _stop(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGINT)
    assert process.wait(timeout=STOP_SECONDS) in {0, 130}  # 130: stopped by Ctrl+C, as asked


# -- what the laptops and the coordinator do ------------------------------------------------


def _case_with_canary(device: Laptop) -> tuple[str, str]:
    """A case on ``device`` whose harmed person, a contact note and a document hold the canary;
    its id and reference."""
    with device.vault.unit_of_work() as uow:
        case = referral(uow)
        person(uow, case, NAME, Role.HARMED, phone=PHONE, address=ADDRESS)
        person(uow, case, "Dorian Pike", Role.RESPONSIBLE)
        contacts.record_contact(
            uow, case, kind=ContactKind.PHONE, at=at(TODAY, 9), present=[], notes=NOTE
        )
        add_attachment(uow, case, filename="apology.txt", content=DOCUMENT)
        return case.id, case.reference


def _send(
    client: httpx.Client, device: Laptop, found: list[Record], blobs: dict[str, bytes]
) -> None:
    sealed = device.seal(found, blobs)
    answer = upload(client, device, sealed)
    assert answer.status_code == 200, answer.text
    device.take_receipt(answer.text, sealed)


def _sign_in(console: httpx.Client, name: str, password: str, secret: str) -> None:
    """A coordinator's first sign-in over HTTP: the one-time password, then a password of
    their own and a code from their authenticator."""
    page = console.get("/sign-in")
    answer = console.post(
        "/sign-in", data={"name": name, "password": password, "csrf_token": csrf_of(page)}
    )
    assert answer.status_code == 303, answer.text
    assert answer.headers["location"] == "/sign-in/set-up"
    page = console.get("/sign-in/set-up")
    mine = "a long passphrase of my own choosing"
    answer = console.post(
        "/sign-in/set-up",
        data={
            "password": mine,
            "confirm": mine,
            "code": pyotp.TOTP(secret).now(),
            "csrf_token": csrf_of(page),
        },
    )
    assert answer.status_code == 200, answer.text
    assert console.get("/").status_code == 200  # signed in


def _visit(console: httpx.Client, paths: list[str]) -> dict[str, str]:
    """Open each page; what each showed."""
    shown = {}
    for path in paths:
        answer = console.get(path)
        assert answer.status_code == 200, (path, answer.status_code)
        shown[path] = answer.text
    return shown


def test_a_canary_in_cases_reaches_no_file_log_metric_index_backup_or_export(
    tmp_path: Path,
    laptop: LaptopFactory,
    serving: tuple[Path, subprocess.Popen[str], Path],
) -> None:
    hub_dir, process, log = serving
    began = time.time() - 1
    # Laptops enrolled and a supervisor's account made before the server starts, as the
    # server's own commands would (the hub's SQLite is one writer at a time).
    alex, sam = laptop("Alex Morgan"), laptop("Sam Patel")
    with Hub.open(hub_dir) as hub:
        alex.enroll(hub)
        sam.enroll(hub)
        # A supervisor: a coordinator who may read the audit log too, so every page opens.
        made = Accounts(hub).add("casey.supervisor", "supervisor", "Casey Supervisor")
    served = _started(process, log)
    case_id, reference = _case_with_canary(alex)
    with httpx.Client(base_url=served.api, timeout=60) as api:
        _send(api, alex, *alex.changes())
        # Sam is given the case too; both laptops change its summary: a conflict holds both.
        _run(hub_dir, "assign", reference, "Sam Patel", "--keep-referrer")
        base, _ = alex.records(case_id, {"case_file": [case_id]})
        _send(api, alex, [edited(base[0], 1, summary=f"{SUMMARY} (Alex)")], {})
        _send(api, sam, [edited(base[0], 1, summary=f"{SUMMARY} (Sam)")], {})
        inbox = signed(api, sam.signing_key, sam.device_id, "GET", "/v1/inbox?after=0")
        assert inbox.status_code == 200  # a hub bundle for Sam's laptop, with the canary
    with httpx.Client(base_url=served.console, timeout=60) as console:
        search = f"/cases?{urlencode({'q': SEARCH})}"
        # Signed out, the search is refused; a slip types the person's name as the account's
        # and a note as the password: refused, and kept nowhere.
        assert console.get(search).status_code == 303
        page = console.get("/sign-in")
        slip = {"name": NAME, "password": NOTE, "csrf_token": csrf_of(page)}
        assert console.post("/sign-in", data=slip).status_code == 400
        _sign_in(console, made.name, made.password, made.totp.secret)
        shown = _visit(
            console,
            [
                "/",
                search,
                f"/cases?{urlencode({'q': NAME})}",
                f"/cases?{urlencode({'phone': PHONE, 'postcode': POSTCODE})}",
                f"/cases/{case_id}",
                "/conflicts",
                "/laptops",
                "/audit",
            ],
        )
    metrics = httpx.get(served.metrics, timeout=30).text
    assert "rjdesk_hub_bundles_accepted" in metrics  # the hub's own metrics, not an empty page
    # The server's commands, beside the running hub.
    assert "Indexed 1 case(s)" in _run(hub_dir, "reindex")
    identity = pyrage.x25519.Identity.generate()
    identity_file = tmp_path / "operator-identity.txt"  # kept off the server's data folder
    identity_file.write_text(f"{identity}\n", encoding="utf-8")
    backup = tmp_path / "hub-backup.age"
    _run(hub_dir, "backup", str(backup), "--recipient", str(identity.to_public()))
    _run(hub_dir, "restore", str(backup), "--check", "--identity", str(identity_file))
    export = tmp_path / "audit.jsonl"
    _run(hub_dir, "audit", "export", "--format", "jsonl", "-o", str(export))
    needles = canary_forms()
    written = [(path, data) for path, data in readable_files(hub_dir)]  # the WAL included
    _stop(process)
    written += list(readable_files(hub_dir))  # and once the hub has stopped
    written += [(path, path.read_bytes()) for path in (log, backup, export)]
    # Nor anything the hub or its commands left in the system's temp folder meanwhile (this
    # test's own folder, with the laptops' vaults, aside).
    written += list(readable_files(Path(tempfile.gettempdir()), began, skip=tmp_path))
    leaks = {str(path): holding(data, needles) for path, data in written if holding(data, needles)}
    assert leaks == {}
    assert holding(metrics.encode(), needles) == []
    # Not vacuous: the files are there, and the canary did reach the hub and its console.
    assert (hub_dir / "hub.db").stat().st_size > 0 and backup.stat().st_size > 0
    assert any(event.get("event") == "request" for event in _events(log))
    # The canary did reach the console: the search found the case, its page names the person.
    assert reference in shown[search] and NAME in shown[f"/cases/{case_id}"]
    _the_search_reached_no_log_nor_audit_entry(log, export)


def _events(log: Path) -> list[dict[str, object]]:
    """The JSON events of the log (the command line's own last words are plain text)."""
    return [json.loads(line) for line in log.read_text("utf-8").splitlines() if line[:1] == "{"]


def _the_search_reached_no_log_nor_audit_entry(log: Path, export: Path) -> None:
    """The words typed in the register's search, in any form, are in no log line and no audit
    entry, though both record that a search happened."""
    typed = [form for word in [SEARCH, *SEARCH.split()] for form in _cases(word)]
    typed += [quote(word) for word in typed] + [quote_plus(word) for word in typed]
    lines = log.read_text("utf-8").splitlines() + export.read_text("utf-8").splitlines()
    assert [line for line in lines if any(word in line for word in typed)] == []
    events = _events(log)
    requests = [e for e in events if e.get("event") == "request"]
    assert all("?" not in str(e.get("route", "")) for e in requests)  # no query strings
    pages = [str(e["event"]) for e in events if e.get("logger") == "rjdesk_hub.console.access"]
    assert "GET /cases 200" in pages  # the search was logged...
    assert all("?" not in page for page in pages)  # ...without what was typed
    audit = [json.loads(line) for line in export.read_text("utf-8").splitlines()]
    assert any(entry.get("action") == "search" for entry in audit)  # and audited, likewise
    assert any(entry.get("action") == "view_case" for entry in audit)


@pytest.mark.parametrize(
    "written",
    [
        f"note: {NOTE}".encode("utf-16-le"),
        NAME.upper().encode(),
        b"q=" + quote_plus(SEARCH).encode(),
        b'{"d":"' + base64.b64encode(b"ab" + DOCUMENT + b"cd") + b'"}',
        base64.urlsafe_b64encode(b"x" + NOTE.encode()),
        f"tel {PHONE_KEY}".encode(),
        POSTCODE.replace(" ", "").lower().encode("utf-16-be"),
    ],
)
def test_the_scan_finds_the_canary_however_it_is_written(written: bytes) -> None:
    assert holding(b"\x00\x01 before " + written + b" after \xff", canary_forms())
