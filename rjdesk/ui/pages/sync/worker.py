"""Sync with the hub off the GUI thread, one at a time, every few minutes (DESIGN §7).

``rjdesk.app.sync.sync_now`` talks to the hub for as long as the network takes, so it runs on
the task runner's network lane, never its database lane, where it would hold up every page; it
opens its own short units of work on the vault (SQLite's WAL lets the database lane read and
write meanwhile). ``SyncController`` lives as long as the main window: it starts a sync on
demand (Sync now, Ctrl+R), right after an unlock and every ``SYNC_INTERVAL_MS`` while unlocked
and enrolled, never two at once, and tells the window what it knows (``SyncView``) without
holding any case text.

A lock can come while a sync runs. The vault's lock waits for a unit of work the sync has in
flight, never for the network; the sync's next use of the vault then fails with
``VaultLocked``, and that failure — like any other of a sync the lock overtook — is logged by
its type only and otherwise ignored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QObject, QTimer, Signal

from rjdesk.app import sync
from rjdesk.app.sync import SyncReport, SyncStatus
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.messages import sentence
from rjdesk.ui.toolkit.tasks import Lane, Progress
from rjdesk_protocol.errors import HubUnreachable, NotEnrolled, SyncError

log = logging.getLogger(__name__)

SYNC_INTERVAL_MS = 5 * 60_000  # a background sync this often while unlocked and enrolled
SYNC_SHORTCUT = "Ctrl+R"
_REFRESH_DELAY_MS = 300  # edits come in bursts: count what waits once they settle


@dataclass(frozen=True)
class SyncView:
    """What the window shows about sync: counts, the hub's name and the last result."""

    status: SyncStatus | None = None  # None until read (and after a lock)
    running: bool = False
    reachable: bool | None = None  # what the last attempt since the unlock found
    activity: str = ""  # "Sending to the hub…" while running
    sent: int = 0  # bytes of the current upload, and its size (0: no upload yet)
    size: int = 0


@dataclass(frozen=True)
class SyncOutcome:
    """How a sync ended, in one sentence; ``offline`` when the hub did not answer."""

    ok: bool
    offline: bool
    text: str
    manual: bool
    received_cases: tuple[str, ...] = ()


class SyncController(QObject):
    """Starts syncs (one at a time) and keeps ``view`` up to date; lives across locks."""

    changed = Signal(object)  # SyncView
    finished = Signal(object)  # SyncOutcome (not for a sync the lock overtook)
    cases_updated = Signal(list)  # ids of cases the hub (or a choice here) changed

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.view = SyncView()
        self._active = False  # between start() (unlock) and stop() (lock)
        self._generation = 0  # a lock starts a new one: older syncs end quietly
        self._again = False  # a sync was asked for while one ran
        self._timer = QTimer(self)
        self._timer.setInterval(SYNC_INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(_REFRESH_DELAY_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.signals.case_changed.connect(self._refresh_soon)
        ctx.signals.cases_changed.connect(self._refresh_soon)

    # -- the window's lifecycle -------------------------------------------------------------

    @property
    def interval_ms(self) -> int:
        return self._timer.interval()

    def set_interval(self, interval_ms: int) -> None:
        self._timer.setInterval(interval_ms)

    @property
    def active(self) -> bool:
        return self._active

    def start(self) -> None:
        """After an unlock: read the status, sync at once if enrolled, then every interval."""
        self._active = True
        self._timer.start()
        self.refresh(then=self._tick)

    def stop(self) -> None:
        """At the lock: no more syncs; one running ends quietly. Forget what was shown."""
        self._active = False
        self._again = False
        self._generation += 1
        self._timer.stop()
        self._refresh_timer.stop()
        self._set(SyncView(running=self.view.running))

    def wait(self, msecs: int = -1) -> bool:
        """Block until a running sync has ended (tests, and closing the app)."""
        return self.ctx.tasks.wait_idle(msecs, lane=Lane.NETWORK)

    # -- status -----------------------------------------------------------------------------

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Read the sync status (counts, last result) on the database thread."""
        if not self.ctx.vault.is_unlocked:
            return

        vault = self.ctx.vault

        def work() -> SyncStatus:
            return sync.status(vault)

        def done(status: SyncStatus) -> None:
            if not self.ctx.vault.is_unlocked:
                return  # it arrived after a lock
            self._set(replace(self.view, status=status))
            if then is not None:
                then()

        self.ctx.tasks.run(work, done, self._status_failed)

    def _refresh_soon(self) -> None:
        if self.ctx.vault.is_unlocked:
            self._refresh_timer.start()

    def _status_failed(self, error: BaseException) -> None:
        log.warning("could not read the sync status: %s", type(error).__name__)

    def _set(self, view: SyncView) -> None:
        self.view = view
        self.changed.emit(view)

    # -- syncing ----------------------------------------------------------------------------

    def _tick(self) -> None:
        status = self.view.status
        if self._active and status is not None and status.enrolled:
            self.sync_now(manual=False)

    def sync_soon(self) -> None:
        """A background sync now (no message if it fails), e.g. right after enrolling."""
        self.sync_now(manual=False)

    def sync_now(self, *, manual: bool = True) -> bool:
        """Start a sync unless one is running (then one more follows it); True if started."""
        if not self.ctx.vault.is_unlocked:
            return False
        if self.view.running:
            self._again = self._again or not manual
            return False
        generation = self._generation
        vault = self.ctx.vault

        def work(progress: Progress) -> SyncReport:
            def said(what: str, done: int, total: int) -> None:
                progress(done, total, what)

            return sync.sync_now(vault, progress=said)

        self._set(replace(self.view, running=True, activity="Contacting the hub…", sent=0, size=0))
        self.ctx.tasks.run_with_progress(
            work,
            lambda report: self._ended(generation, manual, report=report),
            lambda error: self._ended(generation, manual, error=error),
            lane=Lane.NETWORK,
            on_progress=self._progress,
        )
        return True

    def _progress(self, done: int, total: int, what: str) -> None:
        if not self.view.running:
            return
        if what == "send":
            view = replace(self.view, activity="Sending your work…", sent=done, size=total)
        else:
            view = replace(self.view, activity="Taking the hub's updates…", sent=0, size=0)
        self._set(view)

    def _ended(
        self,
        generation: int,
        manual: bool,
        *,
        report: SyncReport | None = None,
        error: BaseException | None = None,
    ) -> None:
        idle = replace(self.view, running=False, activity="", sent=0, size=0)
        if generation != self._generation:
            # The vault was locked while this sync ran: whatever it ran into is no news.
            if error is not None:
                log.info("a sync overtaken by the lock ended: %s", type(error).__name__)
            self._set(idle)
            self._after(again=self._active)
            return
        if report is not None:
            outcome = SyncOutcome(
                True, False, report.summary(), manual, tuple(sorted(report.received_cases))
            )
            self._set(replace(idle, reachable=True))
        else:
            assert error is not None
            offline = isinstance(error, HubUnreachable)
            # The hub answered, and said no (a refusal, a bad receipt): it is there.
            answered = isinstance(error, SyncError) and not isinstance(
                error, HubUnreachable | NotEnrolled
            )
            if not isinstance(error, NotEnrolled):
                log.info("sync did not complete: %s", type(error).__name__)
            outcome = SyncOutcome(False, offline, sentence(error), manual)
            reachable = False if offline else (True if answered else idle.reachable)
            self._set(replace(idle, reachable=reachable))
        self.finished.emit(outcome)
        if outcome.received_cases:
            self.cases_updated.emit(list(outcome.received_cases))
        self._after(again=self._again)

    def _after(self, *, again: bool) -> None:
        """Show the counts and result the sync left (if unlocked), and sync again if asked."""
        self._again = False
        self.refresh(then=self._tick if again else None)
