"""Uploads belong to their device and have per-device limits (docs/hub.md, "Limits"), on a real
hub on 127.0.0.1."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from rjdesk.sync.client import HubClient
from rjdesk_hub import Hub, config
from rjdesk_hub.uploads import (
    DailyBytes,
    QuotaExceeded,
    UploadLimits,
    Uploads,
    UploadTooLarge,
)
from rjdesk_protocol.errors import SyncError
from tests.hub.conftest import LaptopFactory
from tests.hub.server import running_hub, signed
from tests.laptops import Laptop, new_case

A, B, C = "a" * 64, "b" * 64, "c" * 64


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


def test_an_upload_belongs_to_the_device_that_started_it(
    tmp_path: Path, laptop: LaptopFactory, db_url: str | None
) -> None:
    with (
        running_hub(tmp_path / "hub", db_url=db_url) as (hub, url),
        httpx.Client(base_url=url, timeout=10) as client,
    ):
        alex, sam = laptop("Alex Morgan"), laptop("Sam Patel")
        alex.enroll(hub)
        sam.enroll(hub)
        new_case(alex)
        sealed = alex.seal(*alex.changes())
        sha = hashlib.sha256(sealed).hexdigest()
        half = len(sealed) // 2
        assert _put(client, alex, sha, 0, sealed[:half]).json() == {"received": half}

        # Sam, knowing the hash, sees nothing of Alex's upload ...
        assert _call(client, sam, "GET", f"/v1/uploads/{sha}").json() == {"received": 0}
        # ... cannot append to it (he starts his own, which does not touch Alex's) ...
        wrong = _put(client, sam, sha, half, b"x" * 10)
        assert wrong.status_code == 409 and wrong.json()["received"] == 0
        assert _put(client, sam, sha, 0, b"junk").json() == {"received": 4}
        # ... and completing "it" discards only his own.
        assert _call(client, sam, "POST", f"/v1/uploads/{sha}/complete").status_code == 422
        assert _call(client, sam, "GET", f"/v1/uploads/{sha}").json() == {"received": 0}

        assert _call(client, alex, "GET", f"/v1/uploads/{sha}").json() == {"received": half}
        assert _put(client, alex, sha, half, sealed[half:]).json() == {"received": len(sealed)}
        done = _call(client, alex, "POST", f"/v1/uploads/{sha}/complete")
        assert done.status_code == 200
        assert list(hub.uploads_dir.rglob("*.part")) == []


def test_an_upload_is_capped_at_the_largest_bundle(tmp_path: Path) -> None:
    uploads = Uploads(tmp_path / "uploads", max_bytes=10)
    assert uploads.append("dev", A, 0, b"12345") == 5
    with pytest.raises(UploadTooLarge, match="larger than"):
        uploads.append("dev", A, 5, b"123456")
    assert uploads.received("dev", A) == 5
    assert uploads.path("dev", A).stat().st_mode & 0o777 == 0o600


def test_unfinished_uploads_are_limited_per_device_in_number_and_bytes(tmp_path: Path) -> None:
    uploads = Uploads(tmp_path / "uploads", limits=UploadLimits(unfinished=2, unfinished_bytes=10))
    uploads.append("dev", A, 0, b"1234")
    uploads.append("dev", B, 0, b"1234")
    with pytest.raises(QuotaExceeded, match="2 unfinished uploads"):
        uploads.append("dev", C, 0, b"1")
    uploads.append("other", C, 0, b"1")  # another device's count is its own
    uploads.append("dev", A, 4, b"12")  # an unfinished upload may go on ...
    with pytest.raises(UploadTooLarge, match="pass 10 bytes"):
        uploads.append("dev", B, 4, b"123")  # ... while the bytes stay within the limit
    uploads.discard("dev", A)
    uploads.append("dev", C, 0, b"1")
    assert uploads.received("dev", B) == 4


def test_the_bytes_a_device_sends_in_a_day_are_limited(hub: Hub) -> None:
    daily = DailyBytes(hub.db, limit=100)
    today = datetime(2026, 12, 10, 23, 0, tzinfo=UTC)
    daily.charge("dev", 60, today)
    daily.charge("other", 100, today)
    with pytest.raises(QuotaExceeded, match="today"):
        daily.charge("dev", 41, today)
    daily.charge("dev", 40, today)
    with pytest.raises(QuotaExceeded):
        daily.charge("dev", 1, today)
    daily.charge("dev", 100, today + timedelta(hours=2))  # the next day counts afresh


def test_a_laptop_over_its_daily_quota_is_told_in_one_line(
    tmp_path: Path, laptop: LaptopFactory, db_url: str | None
) -> None:
    data_dir = tmp_path / "hub"
    Hub.init(data_dir, name="Test hub", db_url=db_url).close()
    settings = json.loads((data_dir / config.SETTINGS_FILE).read_text())
    settings["max_upload_mib_per_day"] = 1
    (data_dir / config.SETTINGS_FILE).write_text(json.dumps(settings))
    with running_hub(data_dir, db_url=db_url) as (hub, url):
        alex = laptop("Alex Morgan")
        alex.enroll(hub)
        content = os.urandom(2 * 2**20)
        with (
            HubClient(url, alex.device_id, alex.signing_key, backoff=0.01) as client,
            pytest.raises(SyncError) as refused,
        ):
            client.upload(content)
        message = str(refused.value)
        assert message.startswith("the hub refused the upload: this laptop has sent 1 MiB")
        assert "\n" not in message
