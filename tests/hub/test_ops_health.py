"""``GET /healthz``: the hub says whether its database answers, and nothing more."""

from __future__ import annotations

import logging
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from rjdesk_hub import Hub
from rjdesk_hub.app import create_app
from rjdesk_hub.console.ops_health import UNHEALTHY
from tests.hub.server import running_hub


def test_a_hub_whose_database_answers_is_healthy(tmp_path: Path, db_url: str | None) -> None:
    with running_hub(tmp_path / "hub", db_url=db_url) as (_hub, url):
        answer = httpx.get(f"{url}/healthz", timeout=10)
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok"}


def test_a_database_server_that_refuses_makes_the_hub_unhealthy_in_one_sentence(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    hub = Hub.init(tmp_path / "hub")
    real = hub.db.engine
    # A PostgreSQL URL nothing listens on (port 1): the connection is refused.
    hub.db.engine = create_engine(
        "postgresql+psycopg://rjdesk:s3cret-pw@127.0.0.1:1/rjdesk",
        connect_args={"connect_timeout": 2},
    )
    try:
        with caplog.at_level(logging.INFO), TestClient(create_app(hub)) as client:
            answer = client.get("/healthz")
    finally:
        hub.db.engine.dispose()
        hub.db.engine = real
        hub.close()
    assert answer.status_code == 503
    assert answer.json() == {"error": UNHEALTHY}
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "health check: cannot connect to the database (OperationalError)" in logged
    # Nothing that would help an attacker: no host, port, user, password or driver message.
    for secret in ("s3cret-pw", "127.0.0.1", "rjdesk:", "refused"):
        assert secret not in answer.text and secret not in logged


def test_a_damaged_database_file_makes_the_hub_unhealthy(tmp_path: Path) -> None:
    hub = Hub.init(tmp_path / "hub")
    try:
        with TestClient(create_app(hub)) as client:
            assert client.get("/healthz").status_code == 200
            hub.db.engine.dispose()  # no connection keeps the old file open
            for name in ("hub.db-wal", "hub.db-shm"):
                (tmp_path / "hub" / name).unlink(missing_ok=True)
            (tmp_path / "hub" / "hub.db").write_bytes(b"this is not a database " * 400)
            answer = client.get("/healthz")
    finally:
        hub.close()
    assert answer.status_code == 503
    assert answer.json() == {"error": UNHEALTHY}
    assert "Traceback" not in answer.text and "hub.db" not in answer.text


def test_the_health_check_needs_no_signature_and_takes_no_other_method(tmp_path: Path) -> None:
    with Hub.init(tmp_path / "hub") as hub, TestClient(create_app(hub)) as client:
        assert client.get("/healthz").status_code == 200
        assert client.post("/healthz").status_code == 405
