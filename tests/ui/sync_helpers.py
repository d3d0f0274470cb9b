"""A laptop enrolled with a stand-in hub (keys only, no server) that has reported conflicts:
for the Sync page's tests and screenshots, where no network is wanted."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rjdesk.store.vault import Vault
from rjdesk.sync import outgoing
from rjdesk.sync.incoming import apply_hub_bundle
from rjdesk_protocol.bundle import open_bundle
from tests.laptops import StandInHub, enrol, stand_in_hub

OFFLINE_URL = "http://127.0.0.1:9"  # the discard port: nothing answers there


def field_conflict(
    conflict_id: str,
    case_id: str,
    reference: str,
    fields: dict[str, tuple[Any, Any]],
    *,
    from_name: str = "Priya Shah",
    raised_at: str = "2026-11-20T10:05:00Z",
) -> dict[str, Any]:
    """Two laptops changed the same fields of a case differently: (at the hub, incoming)."""
    return {
        "id": conflict_id,
        "case": case_id,
        "reference": reference,
        "kind": "field",
        "table": "case_file",
        "row": case_id,
        "detail": {"fields": {k: {"hub": h, "incoming": i} for k, (h, i) in fields.items()}},
        "from_device": "d-2",
        "from_name": from_name,
        "raised_at": raised_at,
        "status": "open",
    }


def rule_conflict(
    conflict_id: str, case_id: str, reference: str, message: str, from_name: str = "Priya Shah"
) -> dict[str, Any]:
    return {
        "id": conflict_id,
        "case": case_id,
        "reference": reference,
        "kind": "rule",
        "table": "case_file",
        "row": case_id,
        "detail": {"message": message},
        "from_device": "d-2",
        "from_name": from_name,
        "raised_at": "2026-11-19T16:40:00Z",
        "status": "open",
    }


def enrol_with_stand_in(vault: Vault, url: str = OFFLINE_URL) -> tuple[StandInHub, dict[str, Any]]:
    """Enrol ``vault`` with a hub that is never there (its URL answers nothing)."""
    hub = stand_in_hub()
    hub.url = url
    return hub, enrol(vault, hub)


def receive_conflicts(
    vault: Vault,
    hub: StandInHub,
    request: dict[str, Any],
    conflicts: list[dict[str, Any]],
    sequence: int = 1,
) -> None:
    """Apply a hub bundle that carries only these conflicts, as a sync would."""
    data = hub.bundle_for(
        str(request["device_id"]), str(request["age_recipient"]), sequence, [], {}, conflicts
    )
    with vault.unit_of_work() as uow:
        identity = outgoing.age_identity(uow.session)
    opened = open_bundle(
        data,
        identity=identity,
        sender_key=lambda _m: hub.key.public,
        expect_kind="hub",
        expect_recipient=str(request["device_id"]),
        expect_hub_key_id=hub.key_id,
    )
    with vault.unit_of_work() as uow:
        apply_hub_bundle(uow, opened)
        outgoing.sync_state(uow.session).inbox_after = sequence


def reference_of(vault: Vault, case_id: str) -> str:
    from rjdesk.services.cases import load_case

    with vault.reader() as session:
        return load_case(session, case_id).reference


@contextmanager
def slow_hub(delay: float) -> Iterator[str]:
    """A server that takes every request and, ``delay`` seconds later, hangs up without an
    answer: a hub at the end of a very slow link. Yields its URL."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.05)
    stop = threading.Event()

    def handle(conn: socket.socket) -> None:
        with conn:
            conn.recv(65536)
            stop.wait(delay)

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=handle, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(5)
        listener.close()
