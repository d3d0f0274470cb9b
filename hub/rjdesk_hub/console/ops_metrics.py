"""The hub's Prometheus metrics (docs/hub.md, "Operations"), served on a port of their own.

Every label is one of a closed set the hub chooses (a route *template* such as
``/v1/uploads/{sha256}``, a method, a status, a refusal reason from ``REFUSAL_REASONS``) or an
enrolled laptop's device code; no value is a path as sent, a bundle id, a name or anything a
case holds. Requests that match no route are counted under the route ``unmatched``.

Sync lag and open conflicts are read from the database when Prometheus scrapes, so they are
right after a restart and agree with ``rjdesk-hub devices`` and ``conflicts``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import func, select

from rjdesk_hub import models as m
from rjdesk_hub.db import Database

log = logging.getLogger(__name__)

UNMATCHED = "unmatched"
# A refused bundle's reason, from the start of the sentence the hub refuses it with
# (rjdesk_protocol.bundle, rjdesk_hub.ingest, rjdesk_hub.anchor, rjdesk_hub.app): the first
# fragment found names it; none found is "other".
REFUSAL_REASONS: tuple[tuple[str, str], ...] = (
    ("do not match the SHA-256 they were sent under", "upload_damaged"),
    ("is not newer than the last accepted", "stale_sequence"),
    ("was already used for a different bundle", "bundle_id_reused"),
    ("is not enrolled at this hub", "unknown_device"),
    ("was revoked on", "revoked_device"),
    ("uploaded by device", "wrong_uploader"),
    ("its signature does not verify", "bad_signature"),
    ("sealed for another hub", "other_hub"),
    ("is addressed to", "other_hub"),
    ("not encrypted for this key", "other_hub"),
    ("audit", "audit_log"),
    ("does not match its hash", "member_mismatch"),
    ("listed in its manifest but missing", "member_mismatch"),
    ("which its manifest does not list", "member_mismatch"),
    ("larger than", "too_large"),
    ("its changes", "changes_malformed"),
    ("record ", "changes_malformed"),
    ("its resolutions", "changes_malformed"),
    ("schema", "schema_version"),
    ("protocol", "schema_version"),
    ("rjdesk", "schema_version"),
    ("manifest", "malformed"),
    ("archive", "malformed"),
    ("member", "malformed"),
    ("damaged", "damaged"),
    ("decrypt", "damaged"),
    ("bundle", "wrong_kind"),
)
REASON_LABELS = frozenset(label for _fragment, label in REFUSAL_REASONS) | {"other"}
# Sync requests last from a few milliseconds (the inbox, empty) to minutes (a first ingest).
_DURATION_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300)


def refusal_reason(sentence: str) -> str:
    """The reason label of a refused bundle's sentence (``REASON_LABELS``)."""
    reason = sentence.removeprefix("The bundle was refused: ")
    for fragment, label in REFUSAL_REASONS:
        if fragment in reason:
            return label
    return "other"


def _utc(when: datetime) -> datetime:
    # SQLite (and PostgreSQL's plain timestamp) hand back naive datetimes, written as UTC.
    return when if when.tzinfo is not None else when.replace(tzinfo=UTC)


class _StoreCollector(Collector):
    """What Prometheus reads from the database at each scrape: sync lag per enrolled laptop,
    and how many conflicts are open."""

    def __init__(self, db: Database, clock: Callable[[], datetime]) -> None:
        self.db = db
        self.clock = clock

    def describe(self) -> list[Any]:
        # Described without a query, so registering this collector touches no database.
        return [
            GaugeMetricFamily("rjdesk_hub_sync_lag_seconds", "", labels=["device"]),
            GaugeMetricFamily("rjdesk_hub_conflicts_open", ""),
        ]

    def collect(self) -> Iterator[Any]:
        lag = GaugeMetricFamily(
            "rjdesk_hub_sync_lag_seconds",
            "Seconds since each enrolled laptop's last accepted bundle, by device code "
            "(laptops that never sent one are left out).",
            labels=["device"],
        )
        conflicts = GaugeMetricFamily(
            "rjdesk_hub_conflicts_open", "Conflicts raised at the hub and not yet settled."
        )
        try:
            now = self.clock()
            with self.db.reader() as session:
                last = session.execute(
                    select(m.Device.device_code, func.max(m.Bundle.received_at))
                    .join(m.Bundle, m.Bundle.device_id == m.Device.id)
                    .where(m.Device.revoked_at.is_(None))
                    .group_by(m.Device.device_code)
                ).all()
                open_count = session.scalar(
                    select(func.count())
                    .select_from(m.Conflict)
                    .where(m.Conflict.resolved_at.is_(None))
                )
        except Exception as exc:  # noqa: BLE001 - a scrape must not fail for this
            log.error("metrics: the database did not answer (%s)", type(exc).__name__)
            return
        for code, received_at in sorted(last):
            lag.add_metric([code], max(0.0, (now - _utc(received_at)).total_seconds()))
        conflicts.add_metric([], float(open_count or 0))
        yield lag
        yield conflicts


class HubMetrics:
    """The hub's metrics, in a registry of their own (not prometheus_client's global one, so
    two hubs in one process, as in the tests, do not count into each other)."""

    def __init__(self, db: Database, clock: Callable[[], datetime]) -> None:
        self.registry = CollectorRegistry()
        self.requests = Counter(
            "rjdesk_hub_requests",
            "HTTP requests answered, by route template, method and status.",
            ["route", "method", "status"],
            registry=self.registry,
        )
        self.duration = Histogram(
            "rjdesk_hub_request_duration_seconds",
            "Time to answer an HTTP request, by route template.",
            ["route"],
            buckets=_DURATION_BUCKETS,
            registry=self.registry,
        )
        self.bundles_accepted = Counter(
            "rjdesk_hub_bundles_accepted",
            "Device bundles accepted over the network (a repeat answered from its receipt too).",
            registry=self.registry,
        )
        self.bundles_refused = Counter(
            "rjdesk_hub_bundles_refused",
            "Device bundles refused whole, by reason.",
            ["reason"],
            registry=self.registry,
        )
        self.upload_bytes = Counter(
            "rjdesk_hub_upload_bytes",
            "Bytes of bundle uploads the hub took in.",
            registry=self.registry,
        )
        self.registry.register(_StoreCollector(db, clock))

    def request_done(self, route: str, method: str, status: int, seconds: float) -> None:
        self.requests.labels(route, method, str(status)).inc()
        self.duration.labels(route).observe(seconds)

    def bundle_refused(self, sentence: str) -> None:
        self.bundles_refused.labels(refusal_reason(sentence)).inc()

    def render(self) -> bytes:
        """The metrics in Prometheus' text format."""
        return generate_latest(self.registry)
