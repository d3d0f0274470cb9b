"""The daily clean-up of untriaged referrals (issue 15 item 4): a referral nobody triaged within
``untriaged_referral_days`` (hub.json, 30 by default) is deleted, row and sealed record.

It runs where the hub already prunes: at ``rjdesk-hub serve`` start and once a day while it
serves (``DailyCleanUp``), and with ``rjdesk-hub prune``. ``today`` is injectable for tests.
"""

from __future__ import annotations

import logging
import threading
from datetime import date

from rjdesk_hub.referrals import store
from rjdesk_hub.service import Hub

log = logging.getLogger(__name__)
DAY_SECONDS = 24 * 3600.0


def clean_up(hub: Hub, *, today: date | None = None) -> int:
    """Delete the untriaged referrals past their age; how many went."""
    when = today or hub.clock().date()
    with hub.db.transaction() as tx:
        gone = store.clean_up(
            tx.session, today=when, keep_days=hub.settings.untriaged_referral_days
        )
    if gone:
        log.info(
            "deleted %d untriaged referral(s) past %d days",
            gone,
            hub.settings.untriaged_referral_days,
        )
    return gone


class DailyCleanUp:
    """``clean_up`` now and then every ``every_seconds`` on a daemon thread, until ``stop``."""

    def __init__(self, hub: Hub, *, every_seconds: float = DAY_SECONDS) -> None:
        self.hub = hub
        self.every_seconds = every_seconds
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="referral clean-up", daemon=True)

    def start(self) -> DailyCleanUp:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=15)

    def _run(self) -> None:
        while True:
            try:
                clean_up(self.hub)
            except Exception as exc:  # noqa: BLE001 - a failed pass is retried the next day
                log.error("the referrals' clean-up failed: %s", type(exc).__name__)
            if self._stop.wait(self.every_seconds):
                return
