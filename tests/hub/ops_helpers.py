"""What the operations tests share: a live hub counting its metrics, and a bundle holding a
canary, sent over HTTP as a laptop sends it."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import httpx

from rjdesk.services import contacts
from rjdesk.services.cases import load_case
from rjdesk_hub import Hub
from rjdesk_hub.console.ops_metrics import HubMetrics
from rjdesk_hub.server import bind, make_server, url_of
from rjdesk_protocol.enums import ContactKind
from tests.hub.server import STARTUP_SECONDS, _wait_until_up, signed
from tests.laptops import CaseIds, Laptop, new_case
from tests.services.builders import at

CANARY = "CANARY-5d1c7b-Quince-Harbour"


@contextmanager
def hub_with_metrics(data_dir: Path) -> Iterator[tuple[Hub, HubMetrics, httpx.Client]]:
    """A new hub served on 127.0.0.1, counting into its own metrics; a client of its API."""
    sock = bind("127.0.0.1", 0)
    url = url_of(sock)
    hub = Hub.init(data_dir, name="Test hub", url=url)
    metrics = HubMetrics(hub.db, hub.clock)
    server = make_server(hub, metrics=metrics)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        _wait_until_up(url, thread)
        with httpx.Client(base_url=url, timeout=30) as client:
            yield hub, metrics, client
    finally:
        server.should_exit = True
        thread.join(timeout=STARTUP_SECONDS)
        sock.close()
        hub.close()


def case_with_canary(device: Laptop) -> CaseIds:
    """A new case whose contact note holds ``CANARY``, and a person named as the demo's."""
    ids = new_case(device)
    with device.vault.unit_of_work() as uow:
        case = load_case(uow.session, ids.case_id)
        contacts.record_contact(
            uow,
            case,
            kind=ContactKind.PHONE,
            at=at(date(2026, 10, 7), 10),
            present=[],
            notes=f"Marcia said: {CANARY}",
        )
    return ids


def upload(client: httpx.Client, device: Laptop, sealed: bytes) -> httpx.Response:
    """Upload a sealed bundle in one chunk and complete it, as the laptop's sync does."""
    sha = hashlib.sha256(sealed).hexdigest()
    put = signed(
        client,
        device.signing_key,
        device.device_id,
        "PUT",
        f"/v1/uploads/{sha}",
        body=sealed,
        headers={"Upload-Offset": "0"},
    )
    assert put.status_code == 200, put.text
    return signed(
        client, device.signing_key, device.device_id, "POST", f"/v1/uploads/{sha}/complete"
    )


def send_case_with_canary(client: httpx.Client, device: Laptop) -> tuple[CaseIds, int]:
    """Make a case holding the canary on ``device`` and send it over HTTP; return its ids and
    the bundle's size."""
    ids = case_with_canary(device)
    found, blobs = device.changes()
    sealed = device.seal(found, blobs)
    answer = upload(client, device, sealed)
    assert answer.status_code == 200, answer.text
    device.take_receipt(answer.text, sealed)
    return ids, len(sealed)
