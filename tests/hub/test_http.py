"""The hub's HTTP API on a real uvicorn on 127.0.0.1 (docs/sync-protocol.md, "HTTP")."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from rjdesk.hub import Hub
from rjdesk.hub.uploads import Uploads, UploadTooLarge
from rjdesk.sync.protocol import (
    CHUNK_BYTES,
    INBOX_SEQUENCE_HEADER,
    auth_headers,
    verify_receipt,
)
from tests.hub.conftest import LaptopFactory
from tests.hub.devices import Laptop, new_case
from tests.hub.server import running_hub, signed


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


def test_requests_that_do_not_authenticate_are_refused(
    live: tuple[Hub, httpx.Client], laptop: LaptopFactory
) -> None:
    hub, client = live
    alex, stranger = laptop("Alex Morgan"), laptop("Stranger")
    alex.enroll(hub)
    key, device = alex.signing_key, alex.device_id
    refused = {
        "not signed": client.get("/v1/inbox?after=0"),
        "24 hours": signed(client, key, device, "GET", "/v1/inbox", now=time.time() - 25 * 3600),
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
    hub.revoke(device)
    refused["revoked"] = _call(client, alex, "GET", "/v1/inbox")
    for reason, answer in refused.items():
        assert answer.status_code == 403, reason
        assert list(answer.json()) == ["error"] and reason in answer.json()["error"], reason


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
    assert list(hub.uploads_dir.glob("*.part")) == []
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
    with caplog.at_level(logging.INFO, logger="rjdesk.hub.access"):
        nothing = client.get("/v1/nothing?secret=1")
        method = client.delete("/v1/hub")
    assert nothing.status_code == 404 and list(nothing.json()) == ["error"]
    assert method.status_code == 405 and list(method.json()) == ["error"]
    lines = [r.getMessage() for r in caplog.records if r.name == "rjdesk.hub.access"]
    assert lines == ["GET /v1/nothing 404", "DELETE /v1/hub 405"]


def test_an_upload_is_capped_at_the_largest_bundle(tmp_path: Path) -> None:
    uploads = Uploads(tmp_path / "uploads", max_bytes=10)
    assert uploads.append("a" * 64, 0, b"12345") == 5
    with pytest.raises(UploadTooLarge, match="larger than"):
        uploads.append("a" * 64, 5, b"123456")
    assert uploads.received("a" * 64) == 5
    assert (tmp_path / "uploads" / f"{'a' * 64}.part").stat().st_mode & 0o777 == 0o600


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
