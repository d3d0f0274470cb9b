"""A real hub on 127.0.0.1 for tests: uvicorn in a background thread on a free port.

``running_hub`` is general on purpose: the end-to-end tests of the laptop's sync use it too.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from rjdesk_hub import Hub, config
from rjdesk_hub.limits import ConnectionLimits
from rjdesk_hub.server import bind, make_console_server, make_forms_server, make_server, url_of
from rjdesk_protocol.keys import SigningKey
from rjdesk_protocol.wire import auth_headers

STARTUP_SECONDS = 15


@contextmanager
def running_hub(
    data_dir: Path,
    *,
    db_url: str | None = None,
    name: str = "Test hub",
    port: int = 0,
    limits: ConnectionLimits | None = None,
) -> Iterator[tuple[Hub, str]]:
    """Init a hub in ``data_dir`` (or open the one there), serve it (on ``port``, or any free
    one), and yield (hub, base URL) once ``GET /v1/hub`` answers; stop the server and close the
    hub afterwards."""
    sock = bind("127.0.0.1", port)
    url = url_of(sock)
    if config.exists(data_dir):
        hub = Hub.open(data_dir, db_url=db_url)
    else:
        hub = Hub.init(data_dir, name=name, url=url, db_url=db_url)
    server = make_server(hub, limits=limits)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        _wait_until_up(url, thread)
        yield hub, url
    finally:
        server.should_exit = True
        thread.join(timeout=STARTUP_SECONDS)
        sock.close()
        hub.close()


@contextmanager
def running_console(hub: Hub, *, port: int = 0) -> Iterator[str]:
    """Serve ``hub``'s console (on ``port``, or any free one) as ``rjdesk-hub serve`` does, and
    yield its base URL once it answers; stop it afterwards (the hub stays open)."""
    sock = bind("127.0.0.1", port)
    url = url_of(sock)
    server = make_console_server(hub)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        _wait_until_up(url, thread, probe="/", any_answer=True)
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=STARTUP_SECONDS)
        sock.close()


@contextmanager
def running_forms(hub: Hub, *, exit_url: str | None = None) -> Iterator[str]:
    """Serve ``hub``'s referral forms on a free port as ``rjdesk-hub serve`` does, and yield
    their base URL once they answer; stop them afterwards (the hub stays open)."""
    sock = bind("127.0.0.1", 0)
    url = url_of(sock)
    server = make_forms_server(hub, exit_url=exit_url)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        _wait_until_up(url, thread, probe="/privacy")
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=STARTUP_SECONDS)
        sock.close()


def _wait_until_up(
    url: str, thread: threading.Thread, *, probe: str = "/v1/hub", any_answer: bool = False
) -> None:
    """Wait for ``probe`` to answer 200 (or anything but a server error, with ``any_answer``:
    the console's pages may send a person to sign in first)."""
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if not thread.is_alive():
            raise RuntimeError("the hub's server stopped while starting")
        try:
            status = httpx.get(f"{url}{probe}", timeout=1).status_code
            if status == 200 or (any_answer and status < 500):
                return
        except httpx.TransportError:
            pass
        time.sleep(0.02)
    raise RuntimeError(f"the hub at {url} did not answer within {STARTUP_SECONDS} s")


def signed(
    client: httpx.Client,
    key: SigningKey,
    device_id: str,
    method: str,
    path: str,
    *,
    body: bytes = b"",
    headers: dict[str, str] | None = None,
    now: float | None = None,
) -> httpx.Response:
    """Send a request signed by a device key (``path`` with its query, as sent)."""
    signed_headers = auth_headers(key, device_id, method, path, body, now=now)
    return client.request(method, path, content=body, headers={**signed_headers, **(headers or {})})
