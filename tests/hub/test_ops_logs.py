"""The hub server's logs as JSON lines: one object per event, and no case content."""

from __future__ import annotations

import io
import json
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rjdesk_hub.console import ops_logs
from tests.canary import forms
from tests.hub.conftest import LaptopFactory
from tests.hub.ops_helpers import CANARY, hub_with_metrics, send_case_with_canary
from tests.hub.server import signed


@pytest.fixture
def json_log() -> Iterator[io.StringIO]:
    """The hub's logging set up as ``serve --log-format json`` does, into a buffer; put back
    as it was afterwards."""
    saved = {
        name: (logger.handlers[:], logger.level, logger.propagate)
        for name in ("rjdesk_hub", "uvicorn")
        for logger in [logging.getLogger(name)]
    }
    buffer = io.StringIO()
    ops_logs.configure("json", stream=buffer)
    yield buffer
    for name, (handlers, level, propagate) in saved.items():
        logger = logging.getLogger(name)
        logger.handlers[:] = handlers
        logger.setLevel(level)
        logger.propagate = propagate


def _events(buffer: io.StringIO) -> list[dict[str, Any]]:
    return [json.loads(line) for line in buffer.getvalue().splitlines()]


def test_each_request_is_one_json_object_without_case_content(
    tmp_path: Path, laptop: LaptopFactory, json_log: io.StringIO
) -> None:
    with hub_with_metrics(tmp_path / "hub") as (hub, _metrics, client):
        alex = laptop("Alex Morgan")
        alex.enroll(hub)
        ids, _size = send_case_with_canary(client, alex)
        assert client.get(f"/v1/inbox?after=0&name={CANARY}").status_code == 403
    events = _events(json_log)
    requests = [e for e in events if e["event"] == "request"]
    assert [(e["method"], e["route"], e["status"]) for e in requests] == [
        ("GET", "/v1/hub", 200),  # the harness's wait for the hub to be up
        ("PUT", "/v1/uploads/{sha256}", 200),
        ("POST", "/v1/uploads/{sha256}/complete", 200),
        ("GET", "/v1/inbox", 403),
    ]
    for event in requests:
        assert set(event) == {
            "time",
            "level",
            "logger",
            "event",
            "request_id",
            "route",
            "method",
            "status",
            "duration_ms",
        }
        assert event["logger"] == "rjdesk_hub.access" and event["level"] == "info"
        assert len(event["request_id"]) == 16 and event["duration_ms"] >= 0
    assert len({e["request_id"] for e in requests}) == len(requests)
    # The refusal's notice carries the id of the request it refused.
    refused = next(e for e in events if e["event"].startswith("request refused"))
    assert refused["request_id"] == requests[-1]["request_id"]
    text = json_log.getvalue()
    for leak in (CANARY, "Marcia", "Bennett", ids.reference):
        assert leak not in text
    assert not any(form.decode("latin-1") in text for form in forms(CANARY))


def test_an_unexpected_error_is_logged_by_type_and_frames_not_message(
    tmp_path: Path,
    laptop: LaptopFactory,
    monkeypatch: pytest.MonkeyPatch,
    json_log: io.StringIO,
) -> None:
    with hub_with_metrics(tmp_path / "hub") as (hub, metrics, client):
        alex = laptop()
        alex.enroll(hub)

        said = f"Marcia Bennett said {CANARY}"

        def broken(device_id: str, after: int) -> None:
            raise RuntimeError(said)  # the message is data

        monkeypatch.setattr(hub, "inbox", broken)
        answer = signed(client, alex.signing_key, alex.device_id, "GET", "/v1/inbox?after=0")
        assert answer.status_code == 500
        assert CANARY not in answer.text
        # An exception some library logs with exc_info: type and frames, not its message.
        try:
            broken("d", 0)
        except RuntimeError:
            logging.getLogger("rjdesk_hub.test").exception("a library's failure")
    events = _events(json_log)
    error = next(e for e in events if e["event"].startswith("unexpected RuntimeError"))
    assert error["level"] == "error" and "GET /v1/inbox" in error["event"]
    assert "in broken" in error["event"]  # the frames, to find the fault
    attached = next(e for e in events if e["event"] == "a library's failure")
    assert attached["error_type"] == "RuntimeError"
    assert any(frame.endswith("in broken") for frame in attached["frames"])
    text = json_log.getvalue()
    assert CANARY not in text and "Marcia" not in text
    assert 'status="500"' in metrics.render().decode()


def test_the_text_format_writes_an_attached_exception_without_its_message() -> None:
    buffer = io.StringIO()
    handler = logging.StreamHandler(buffer)
    handler.setFormatter(ops_logs.formatter("text"))
    logger = logging.getLogger("rjdesk_hub.test.text")
    logger.addHandler(handler)
    try:
        try:
            raise ValueError(CANARY)  # this source line is not logged either
        except ValueError:
            logger.error("failed", exc_info=True)
    finally:
        logger.removeHandler(handler)
    assert "ValueError" in buffer.getvalue() and CANARY not in buffer.getvalue()


def test_an_unknown_log_format_is_refused() -> None:
    with pytest.raises(ValueError, match="text, json"):
        ops_logs.formatter("xml")
