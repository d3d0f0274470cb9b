"""The hub's server under load it did not ask for (docs/deploying.md, "Limits of the server"):
slow clients from other processes, a client that disconnects mid-upload. A real uvicorn on
127.0.0.1; the slow clients come from 127.0.0.2 and 127.0.0.3 (all of 127/8 is loopback)."""

from __future__ import annotations

import hashlib
import logging
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from rjdesk_hub.limits import ConnectionLimits
from rjdesk_hub.server import raise_open_file_limit
from rjdesk_protocol.wire import auth_headers
from tests.hub.conftest import LaptopFactory
from tests.hub.server import running_hub, signed

# Opens N connections from SOURCE to PORT, each sending the start of a request's headers and
# never the end; prints "ready" once all are open, then after WAIT seconds how many the hub
# has closed.
SLOW_CLIENT = r"""
import resource, selectors, socket, sys, time
source, port, count, wait = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
socks = []
for _ in range(count):
    s = socket.socket()
    s.bind((source, 0))
    s.connect(("127.0.0.1", port))
    s.sendall(b"GET /v1/hub HTTP/1.1\r\nHost: hub\r\nX-Slow: ")
    socks.append(s)
print("ready", flush=True)
deadline = time.monotonic() + wait
closed = 0
poller = selectors.DefaultSelector()
for s in socks:
    poller.register(s, selectors.EVENT_READ)
while time.monotonic() < deadline and closed < count:
    for key, _ in poller.select(0.2):
        try:
            gone = key.fileobj.recv(1024) == b""
        except OSError:
            gone = True
        if gone:
            poller.unregister(key.fileobj)
            closed += 1
print(closed, flush=True)
"""

PER_PROCESS = 1500


def test_slow_clients_do_not_keep_an_enrolled_laptop_waiting(
    tmp_path: Path, laptop: LaptopFactory
) -> None:
    raise_open_file_limit()
    limits = ConnectionLimits(header_timeout=5.0, per_address=1000)
    with running_hub(tmp_path / "hub", limits=limits) as (hub, url):
        alex = laptop("Alex Morgan")
        alex.enroll(hub)
        port = int(url.rsplit(":", 1)[1])
        started = time.monotonic()
        crowd = [
            subprocess.Popen(
                [sys.executable, "-c", SLOW_CLIENT, source, str(port), str(PER_PROCESS), "15"],
                stdout=subprocess.PIPE,
                text=True,
            )
            for source in ("127.0.0.2", "127.0.0.3")
        ]
        try:
            for process in crowd:
                assert process.stdout is not None
                assert process.stdout.readline().strip() == "ready"
            # 3000 connections made, 2000 of them hanging on (1000 per address, once the hub
            # has accepted them): a laptop is answered at once.
            deadline = time.monotonic() + 4
            while time.monotonic() < deadline and sum(limits.held.values()) < 1900:
                time.sleep(0.05)
            assert sum(limits.held.values()) >= 1900
            with httpx.Client(base_url=url, timeout=5) as client:
                asked = time.monotonic()
                answer = signed(client, alex.signing_key, alex.device_id, "GET", "/v1/device")
                assert answer.status_code == 200
                assert time.monotonic() - asked < 2.0
            # Every slow connection is dropped: at once past the cap, the rest at the timeout.
            for process in crowd:
                out, _ = process.communicate(timeout=30)
                assert int(out.strip()) == PER_PROCESS
        finally:
            for process in crowd:
                process.kill()
                process.wait()
        assert limits.dropped_over_cap == 2 * (PER_PROCESS - 1000)
        assert limits.dropped_slow >= 2 * 1000 - 10
        assert time.monotonic() - started < 30


def test_a_disconnect_mid_upload_logs_one_line(
    tmp_path: Path, laptop: LaptopFactory, caplog: pytest.LogCaptureFixture
) -> None:
    with running_hub(tmp_path / "hub") as (hub, url):
        alex = laptop("Alex Morgan")
        alex.enroll(hub)
        body = b"x" * 100_000
        sha = hashlib.sha256(body).hexdigest()
        path = f"/v1/uploads/{sha}"
        headers = auth_headers(alex.signing_key, alex.device_id, "PUT", path, body)
        head = f"PUT {path} HTTP/1.1\r\nHost: hub\r\nUpload-Offset: 0\r\n"
        head += f"Content-Length: {len(body)}\r\n"
        head += "".join(f"{name}: {value}\r\n" for name, value in headers.items()) + "\r\n"
        host, port = url.removeprefix("http://").split(":")
        with caplog.at_level(logging.DEBUG):
            with socket.create_connection((host, int(port))) as sock:
                sock.sendall(head.encode() + body[:5000])
                time.sleep(0.3)
            deadline = time.monotonic() + 5
            while time.monotonic() < deadline and not caplog.records:
                time.sleep(0.05)
            time.sleep(0.3)
        lines = [r for r in caplog.records if r.name.startswith(("rjdesk", "uvicorn", "asyncio"))]
        assert [r.getMessage() for r in lines] == [f"PUT {path} 499"]
        assert not [r for r in lines if r.exc_info]
        assert hub.uploads_dir.exists() is False or not list(hub.uploads_dir.rglob("*.part"))


def test_behind_the_proxy_requests_are_capped_by_the_forwarded_address_only(
    tmp_path: Path,
) -> None:
    """From the configured proxy, the cap counts requests in progress per address named by the
    last X-Forwarded-For entry; from anywhere else X-Forwarded-For is not believed."""
    limits = ConnectionLimits(per_address=2, trusted_proxy="127.0.0.1")
    with running_hub(tmp_path / "hub", limits=limits) as (_hub, url):
        port = int(url.rsplit(":", 1)[1])

        def hanging_upload(forwarded: str) -> socket.socket:
            """A request whose headers are complete and whose body never comes: in progress."""
            sock = socket.create_connection(("127.0.0.1", port))
            sock.sendall(
                f"PUT /v1/uploads/{'0' * 64} HTTP/1.1\r\nHost: hub\r\nUpload-Offset: 0\r\n"
                f"Content-Length: 1000\r\nX-Forwarded-For: 198.51.100.9, {forwarded}\r\n\r\n"
                "x".encode()
            )
            return sock

        def status(source: str, forwarded: str) -> int:
            with socket.socket() as sock:
                sock.bind((source, 0))
                sock.settimeout(5)
                sock.connect(("127.0.0.1", port))
                sock.sendall(
                    f"GET /v1/hub HTTP/1.1\r\nHost: hub\r\nX-Forwarded-For: {forwarded}\r\n"
                    "Connection: close\r\n\r\n".encode()
                )
                return int(sock.recv(1024).split(b" ", 2)[1])

        held = [hanging_upload("203.0.113.5"), hanging_upload("203.0.113.5")]
        try:
            time.sleep(0.5)  # both are in the app, waiting for their bodies
            assert status("127.0.0.1", "203.0.113.5") == 429
            assert status("127.0.0.1", "203.0.113.6") == 200
            # Not from the proxy: the header is the client's own word, and not believed.
            assert status("127.0.0.2", "203.0.113.5") == 200
        finally:
            for sock in held:
                sock.close()
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and status("127.0.0.1", "203.0.113.5") != 200:
            time.sleep(0.1)
        assert status("127.0.0.1", "203.0.113.5") == 200
