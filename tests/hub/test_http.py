"""The hub's HTTP API on a real uvicorn on 127.0.0.1 (docs/sync-protocol.md, "HTTP")."""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from rjdesk_hub import Hub
from rjdesk_hub.app import NOT_AUTHORISED
from rjdesk_hub.requests import Replayed, RequestLedger
from rjdesk_protocol.wire import (
    CHUNK_BYTES,
    EMPTY_BODY_SHA256,
    INBOX_SEQUENCE_HEADER,
    MAX_CLOCK_SKEW_SECONDS,
    REQUEST_ID_HEADER,
    auth_headers,
    request_message,
    verify_receipt,
)
from tests.hub.conftest import LaptopFactory
from tests.hub.server import running_hub, signed
from tests.laptops import Laptop, new_case


@pytest.fixture
def live(tmp_path: Path, db_url: str | None) -> Iterator[tuple[Hub, httpx.Client]]:
    with (
        running_hub(tmp_path / "hub", db_url=db_url) as (hub, url),
        httpx.Client(base_url=url, timeout=10) as client,
    ):
        yield hub, client


def _device_with_bundle(hub: Hub, laptop: LaptopFactory) -> tuple[Laptop, bytes, str, str]:
    """An enrolled laptop, its first bundle (a new case), the bundle's SHA-256, the case's
    reference."""
    alex = laptop("Alex Morgan")
    alex.enroll(hub)
    reference = new_case(alex).reference
    found, blobs = alex.changes()
    sealed = alex.seal(found, blobs)
    return alex, sealed, hashlib.sha256(sealed).hexdigest(), reference


def _put(
    client: httpx.Client, device: Laptop, sha: str, offset: int, chunk: bytes
) -> httpx.Response:
    return signed(
        client,
        device.signing_key,
        device.device_id,
        "PUT",
        f"/v1/uploads/{sha}",
        body=chunk,
        headers={"Upload-Offset": str(offset)},
    )


def _call(client: httpx.Client, device: Laptop, method: str, path: str) -> httpx.Response:
    return signed(client, device.signing_key, device.device_id, method, path)


def test_the_hub_says_who_it_is_without_authentication(live: tuple[Hub, httpx.Client]) -> None:
    hub, client = live
    answer = client.get("/v1/hub")
    assert answer.status_code == 200
    assert answer.json() == {"hub_key_id": hub.key_id, "hub_name": "Test hub"}


def test_requests_that_do_not_authenticate_are_refused_alike(
    live: tuple[Hub, httpx.Client], laptop: LaptopFactory, caplog: pytest.LogCaptureFixture
) -> None:
    hub, client = live
    alex, stranger = laptop("Alex Morgan"), laptop("Stranger")
    alex.enroll(hub)
    key, device = alex.signing_key, alex.device_id
    skew = MAX_CLOCK_SKEW_SECONDS
    with caplog.at_level(logging.INFO, logger="rjdesk_hub"):
        refused = {
            "not signed": client.get("/v1/inbox?after=0"),
            "hours away": signed(
                client, key, device, "GET", "/v1/inbox", now=time.time() - skew - 60
            ),
            "not enrolled": _call(client, stranger, "GET", "/v1/inbox"),
            "not base64": client.get(
                "/v1/inbox",
                headers={
                    "Rjdesk-Device": device,
                    "Rjdesk-Time": str(int(time.time())),
                    "Rjdesk-Auth": "%%%",
                },
            ),
        }
        # Signed for one query, sent with another.
        headers = auth_headers(key, device, "GET", "/v1/inbox?after=1")
        refused["does not verify"] = client.get("/v1/inbox?after=2", headers=headers)
        # Signed with one request id, sent with another.
        headers = auth_headers(key, device, "GET", "/v1/inbox")
        refused["does not verify "] = client.get(
            "/v1/inbox", headers={**headers, REQUEST_ID_HEADER: "0" * 32}
        )
        hub.revoke(device)
        refused["revoked"] = _call(client, alex, "GET", "/v1/inbox")
    answers = {answer.status_code for answer in refused.values()}
    assert answers == {403}
    texts = {answer.text for answer in refused.values()}
    assert texts == {json.dumps({"error": NOT_AUTHORISED}, separators=(",", ":"))}
    # The hub's log says why, one line each, in the same order.
    logged = [r.getMessage() for r in caplog.records if r.name == "rjdesk_hub.app"]
    assert len(logged) == len(refused)
    for reason, line in zip(refused, logged, strict=True):
        assert line.startswith("request refused: GET /v1/inbox") and reason.strip() in line


def test_a_replayed_request_is_refused_also_after_the_hub_restarts(
    tmp_path: Path, laptop: LaptopFactory, db_url: str | None
) -> None:
    alex = laptop("Alex Morgan")
    first = auth_headers(alex.signing_key, alex.device_id, "GET", "/v1/device")
    with running_hub(tmp_path / "hub", db_url=db_url) as (hub, url):
        alex.enroll(hub)
        with httpx.Client(base_url=url, timeout=10) as client:
            assert client.get("/v1/device", headers=first).status_code == 200
            replay = client.get("/v1/device", headers=first)
            assert replay.status_code == 403 and replay.json() == {"error": NOT_AUTHORISED}
            # A fresh request id is a new request.
            assert _call(client, alex, "GET", "/v1/device").status_code == 200
    with (
        running_hub(tmp_path / "hub", db_url=db_url) as (_hub, url),
        httpx.Client(base_url=url, timeout=10) as client,
    ):
        assert client.get("/v1/device", headers=first).status_code == 403
        assert _call(client, alex, "GET", "/v1/device").status_code == 200


def test_a_request_of_the_previous_release_is_known_by_its_signature(
    live: tuple[Hub, httpx.Client], laptop: LaptopFactory
) -> None:
    hub, client = live
    alex = laptop("Alex Morgan")
    alex.enroll(hub)
    stamp = str(int(time.time()))
    message = request_message("GET", "/v1/device", stamp, EMPTY_BODY_SHA256)  # no request id
    old = {
        "Rjdesk-Device": alex.device_id,
        "Rjdesk-Time": stamp,
        "Rjdesk-Auth": base64.b64encode(alex.signing_key.sign_raw(message)).decode("ascii"),
    }
    assert client.get("/v1/device", headers=old).status_code == 200
    assert client.get("/v1/device", headers=old).status_code == 403


def test_request_ids_past_the_clock_skew_are_forgotten(hub: Hub) -> None:
    ledger = RequestLedger(hub.db)
    now = time.time()
    ledger.remember("device-a", "1" * 32, int(now) - MAX_CLOCK_SKEW_SECONDS - 5, now)
    ledger.remember("device-a", "2" * 32, int(now), now)
    with pytest.raises(Replayed):
        ledger.remember("device-a", "2" * 32, int(now), now)
    ledger.remember("device-b", "2" * 32, int(now), now)  # ids are per device
    assert ledger.prune(now) == 1
    assert ledger.prune(now + MAX_CLOCK_SKEW_SECONDS + 1) == 2


def test_an_upload_resumes_after_a_dropped_connection(
    live: tuple[Hub, httpx.Client], laptop: LaptopFactory
) -> None:
    hub, client = live
    alex, sealed, sha, _ref = _device_with_bundle(hub, laptop)
    half = len(sealed) // 2
    assert _put(client, alex, sha, 0, sealed[:half]).json() == {"received": half}
    # The connection dropped: the laptop asks how much the hub holds, and goes on from there.
    assert _call(client, alex, "GET", f"/v1/uploads/{sha}").json() == {"received": half}
    wrong = _put(client, alex, sha, 0, sealed[:half])
    assert wrong.status_code == 409 and wrong.json()["received"] == half
    assert _put(client, alex, sha, half, sealed[half:]).json() == {"received": len(sealed)}
    done = _call(client, alex, "POST", f"/v1/uploads/{sha}/complete")
    assert done.status_code == 200
    receipt = verify_receipt(
        done.text, hub.public_key, bundle_id=alex.bundle_ids[sha], bundle_sha256=sha
    )
    assert receipt["sequence"] == 1 and len(receipt["applied"]) == 9
    assert list(hub.uploads_dir.rglob("*.part")) == []
    # The answer was lost: asking again gets the same receipt, byte for byte.
    assert _call(client, alex, "GET", f"/v1/uploads/{sha}").json() == {"received": len(sealed)}
    assert _put(client, alex, sha, 0, sealed[:10]).status_code == 409
    assert _call(client, alex, "POST", f"/v1/uploads/{sha}/complete").text == done.text


def test_a_chunk_larger_than_the_chunk_size_is_refused(
    live: tuple[Hub, httpx.Client], laptop: LaptopFactory
) -> None:
    hub, client = live
    alex, _sealed, sha, _ref = _device_with_bundle(hub, laptop)
    answer = _put(client, alex, sha, 0, b"x" * (CHUNK_BYTES + 1))
    assert answer.status_code == 413 and "larger than" in answer.json()["error"]


def test_an_upload_whose_bytes_do_not_match_its_name_is_refused_and_discarded(
    live: tuple[Hub, httpx.Client], laptop: LaptopFactory
) -> None:
    hub, client = live
    alex, sealed, _sha, _ref = _device_with_bundle(hub, laptop)
    other = "0" * 64
    assert _put(client, alex, other, 0, sealed).status_code == 200
    answer = _call(client, alex, "POST", f"/v1/uploads/{other}/complete")
    assert answer.status_code == 422
    assert answer.json()["refused"] is True and "do not match" in answer.json()["error"]
    assert _call(client, alex, "GET", f"/v1/uploads/{other}").json() == {"received": 0}
    missing = _call(client, alex, "POST", f"/v1/uploads/{other}/complete")
    assert missing.status_code == 404


def test_a_refused_bundle_is_answered_with_its_reason(
    live: tuple[Hub, httpx.Client], laptop: LaptopFactory
) -> None:
    hub, client = live
    alex, sealed, _sha, _ref = _device_with_bundle(hub, laptop)
    hub.ingest(sealed, via="file")
    found, blobs = alex.changes()
    older = alex.seal(found, blobs, sequence=1, bundle_id="another-id")
    sha = hashlib.sha256(older).hexdigest()
    _put(client, alex, sha, 0, older)
    answer = _call(client, alex, "POST", f"/v1/uploads/{sha}/complete")
    assert answer.status_code == 422
    assert answer.json() == {
        "error": "The bundle was refused: sequence 1 is not newer than the last accepted (1).",
        "refused": True,
        "last_sequence": 1,  # the laptop's vault is older than what it sent: it carries on
    }
    # A bundle uploaded by a device other than the one that signed it.
    sam = laptop("Sam Patel")
    sam.enroll(hub)
    newer = alex.seal(found, blobs)
    sha = hashlib.sha256(newer).hexdigest()
    _put(client, sam, sha, 0, newer)
    answer = _call(client, sam, "POST", f"/v1/uploads/{sha}/complete")
    assert answer.status_code == 422 and "uploaded by device" in answer.json()["error"]


def test_the_inbox_answers_204_then_a_hub_bundle(
    live: tuple[Hub, httpx.Client], laptop: LaptopFactory
) -> None:
    hub, client = live
    _alex, sealed, _sha, reference = _device_with_bundle(hub, laptop)
    hub.ingest(sealed, via="network")
    sam = laptop("Sam Patel")
    sam.enroll(hub)
    assert _call(client, sam, "GET", "/v1/inbox?after=0").status_code == 204
    hub.assign(reference, sam.device_id)
    answer = _call(client, sam, "GET", "/v1/inbox?after=0")
    assert answer.status_code == 200
    assert answer.headers[INBOX_SEQUENCE_HEADER] == "1"
    assert answer.headers["content-type"] == "application/octet-stream"
    opened = sam.open_hub_bundle(answer.content)
    assert opened.manifest.sequence == 1 and opened.manifest.recipient == sam.device_id
    assert _call(client, sam, "GET", "/v1/inbox?after=1").status_code == 204
    assert _call(client, sam, "GET", "/v1/inbox?after=x").status_code == 400
    assert _call(client, sam, "GET", f"/v1/inbox?after={10**30}").status_code == 400


def test_errors_are_json_sentences_and_the_log_holds_no_more_than_method_path_status(
    live: tuple[Hub, httpx.Client], caplog: pytest.LogCaptureFixture
) -> None:
    _hub, client = live
    with caplog.at_level(logging.INFO, logger="rjdesk_hub.access"):
        nothing = client.get("/v1/nothing?secret=1")
        method = client.delete("/v1/hub")
    assert nothing.status_code == 404 and list(nothing.json()) == ["error"]
    assert method.status_code == 405 and list(method.json()) == ["error"]
    lines = [r.getMessage() for r in caplog.records if r.name == "rjdesk_hub.access"]
    assert lines == ["GET /v1/nothing 404", "DELETE /v1/hub 405"]


def test_an_unexpected_error_is_a_json_500_logged_without_its_message(
    live: tuple[Hub, httpx.Client],
    laptop: LaptopFactory,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    hub, client = live
    alex = laptop()
    alex.enroll(hub)

    secret = "Marcia Bennett " + "said something private"

    def broken(device_id: str, after: int) -> None:
        raise RuntimeError(secret)  # the message is data; this source line is not

    monkeypatch.setattr(hub, "inbox", broken)
    with caplog.at_level(logging.INFO):
        answer = _call(client, alex, "GET", "/v1/inbox?after=0")
    assert answer.status_code == 500
    assert answer.json() == {"error": "the hub failed unexpectedly; try again later"}
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "unexpected RuntimeError in GET /v1/inbox" in logged
    assert "Marcia" not in logged and "private" not in logged
    assert not [r for r in caplog.records if r.exc_info or r.name.startswith("uvicorn")]
