"""The signed requests the hub has answered: a replay is refused (docs/sync-protocol.md, "HTTP").

Each authenticated request is remembered by (device, request id) until its time is further than
the allowed clock skew from the hub's clock, after which the time check refuses it anyway. The
ids live in the hub's database, so a replay is refused also after the hub restarts. Rows past
their time are deleted at most once a minute, by one indexed ``DELETE``.
"""

from __future__ import annotations

import threading
from datetime import UTC, datetime

from sqlalchemy import delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from rjdesk_hub import models as m
from rjdesk_hub.console.laptop_models import note_seen
from rjdesk_hub.db import Database
from rjdesk_hub.errors import AuthRefused
from rjdesk_protocol.wire import MAX_CLOCK_SKEW_SECONDS

PRUNE_EVERY_SECONDS = 60.0


class Replayed(AuthRefused):
    """This device already made a request with this id."""


class RequestLedger:
    """The request ids seen, in the hub's database. Safe to use from several threads."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._lock = threading.Lock()
        self._pruned_at = float("-inf")

    def remember(self, device_id: str, request_id: str, stamp: int, now: float) -> None:
        """Note that ``device_id`` made request ``request_id`` timed ``stamp`` (Unix seconds);
        Replayed if it had already. The device's last contact (the console's "last seen")
        moves to the hub's time in the same transaction."""
        until = datetime.fromtimestamp(stamp + MAX_CLOCK_SKEW_SECONDS, UTC)
        self._prune_now_and_then(now)
        try:
            with Session(self._db.engine) as session, session.begin():
                session.add(m.RequestSeen(device_id=device_id, request_id=request_id, until=until))
                note_seen(session, device_id, self._db.clock())
        except IntegrityError:
            raise Replayed(f"request {request_id} of device {device_id} was replayed") from None

    def prune(self, now: float) -> int:
        """Forget the ids whose requests are past the clock skew; how many were forgotten."""
        with Session(self._db.engine) as session, session.begin():
            result = session.execute(
                delete(m.RequestSeen).where(m.RequestSeen.until < datetime.fromtimestamp(now, UTC))
            )
            return int(getattr(result, "rowcount", 0) or 0)

    def _prune_now_and_then(self, now: float) -> None:
        with self._lock:
            if now - self._pruned_at < PRUNE_EVERY_SECONDS:
                return
            self._pruned_at = now
        self.prune(now)
