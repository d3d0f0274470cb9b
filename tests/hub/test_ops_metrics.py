"""The hub's Prometheus metrics: what an operator watches, with no case content in them."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx
import pytest

from rjdesk_hub.console.ops_metrics import REASON_LABELS, refusal_reason
from rjdesk_hub.server import start_metrics
from tests.canary import forms
from tests.hub.conftest import LaptopFactory
from tests.hub.ops_helpers import CANARY, hub_with_metrics, send_case_with_canary, upload
from tests.hub.server import signed


def _value(text: str, sample: str) -> float:
    """The value of one sample line (name with its labels) of a scrape."""
    for line in text.splitlines():
        if line.startswith(sample + " "):
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"{sample} is not in the metrics")


def test_metrics_count_requests_bundles_and_lag_without_case_content(
    tmp_path: Path, laptop: LaptopFactory
) -> None:
    with hub_with_metrics(tmp_path / "hub") as (hub, metrics, client):
        metrics_server, metrics_url = start_metrics(metrics, "127.0.0.1", 0)
        try:
            alex = laptop("Marcia Bennett-Facilitator")
            alex.enroll(hub)
            ids, size = send_case_with_canary(client, alex)
            # A second bundle under a sequence the hub has passed: refused, by reason.
            found, blobs = alex.changes()
            stale = alex.seal(found, blobs, sequence=1, bundle_id="another-bundle-id")
            assert upload(client, alex, stale).status_code == 422
            unsigned = client.get(f"/v1/uploads/{'a' * 64}")
            assert unsigned.status_code == 403
            assert client.get(f"/v1/nothing/{ids.reference}").status_code == 404
            sha = hashlib.sha256(b"x").hexdigest()
            signed(client, alex.signing_key, alex.device_id, "GET", f"/v1/uploads/{sha}")
            scraped = httpx.get(metrics_url, timeout=10)
        finally:
            metrics_server.shutdown()
            metrics_server.server_close()
    assert scraped.status_code == 200
    text = scraped.text
    device_code = alex.enrollment_request()["device_code"]
    complete = 'route="/v1/uploads/{sha256}/complete"'
    assert _value(text, f'rjdesk_hub_requests_total{{method="POST",{complete},status="200"}}') == 1
    assert _value(text, f'rjdesk_hub_requests_total{{method="POST",{complete},status="422"}}') == 1
    assert _value(text, 'rjdesk_hub_requests_total{method="GET",route="unmatched",status="404"}')
    assert _value(text, "rjdesk_hub_bundles_accepted_total") == 1
    assert _value(text, 'rjdesk_hub_bundles_refused_total{reason="stale_sequence"}') == 1
    assert _value(text, "rjdesk_hub_upload_bytes_total") == size + len(stale)
    assert 'rjdesk_hub_request_duration_seconds_count{route="/v1/uploads/{sha256}"}' in text
    assert 0 <= _value(text, f'rjdesk_hub_sync_lag_seconds{{device="{device_code}"}}') < 60
    assert _value(text, "rjdesk_hub_conflicts_open") == 0
    # No case content, no personal data, no raw path with its ids, no device id.
    for leak in (CANARY, "Marcia", "Bennett", ids.reference, sha, "a" * 64, alex.device_id):
        assert leak not in text
    assert not any(form in scraped.content for form in forms(CANARY))


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("sequence 1 is not newer than the last accepted (1).", "stale_sequence"),
        ("it was sealed for another hub (hub key a; this hub is b).", "other_hub"),
        ("it was not encrypted for this key.", "other_hub"),
        ("it is damaged or was changed after it was sealed.", "damaged"),
        (
            "its signature does not verify: it was not signed by d, or it was changed.",
            "bad_signature",
        ),
        ("device d was revoked on 01 Oct 2026.", "revoked_device"),
        ("device d is not enrolled at this hub.", "unknown_device"),
        ("its audit log was cut back: it holds 3 events.", "audit_log"),
        ("this laptop's rjdesk is too old for the hub (protocol 1): update it.", "schema_version"),
        ("record r appears twice in it.", "changes_malformed"),
        ("member blobs/x does not match its hash in the manifest.", "member_mismatch"),
        ("it is not a well-formed archive.", "malformed"),
        (
            "the uploaded bytes do not match the SHA-256 they were sent under; send it again.",
            "upload_damaged",
        ),
        ("Marcia Bennett lives at 4 Quince Road.", "other"),
    ],
)
def test_a_refused_bundle_is_counted_under_a_fixed_reason(sentence: str, reason: str) -> None:
    assert refusal_reason(f"The bundle was refused: {sentence}") == reason
    assert reason in REASON_LABELS
