"""Sync with the hub off the GUI thread, one at a time, every few minutes (DESIGN §7).

``services.sync.sync_now`` talks to the hub for as long as the network takes, so it does not
run on the database thread (``TaskRunner``), where it would hold up every page: it runs on a
thread of its own and opens its own short units of work on the vault (SQLite's WAL lets the
database thread read and write meanwhile). ``SyncController`` lives as long as the main
window: it starts a sync on demand (Sync now, Ctrl+R), right after an unlock and every
``SYNC_INTERVAL_MS`` while unlocked and enrolled, never two at once, and tells the window what
it knows (``SyncView``) without holding any case text.

A lock can come while a sync runs. The lock waits for a unit of work the sync has in flight
(``VaultGate``), never for the network; the sync's next use of the vault then fails with
``VaultLocked``, and that failure — like any other of a sync the lock overtook — is logged by
its type only and otherwise ignored.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from typing import Any, cast

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal, Slot
from sqlalchemy.orm import Session

from rjdesk.app import Vault
from rjdesk.services import sync
from rjdesk.services.sync import SyncReport, SyncStatus
from rjdesk.store.unit import UnitOfWork
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.messages import sentence
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


class VaultGate:
    """The vault as the sync thread uses it: each unit of work (and read) is held under a
    lock that locking the vault also takes, so the lock never cuts one in half and no
    SQLCipher connection outlives it. Only the short vault steps wait: never the network."""

    def __init__(self, vault: Vault) -> None:
        self._vault = vault
        self._lock = threading.RLock()

    @contextmanager
    def unit_of_work(self) -> Iterator[UnitOfWork]:
        with self._lock, self._vault.unit_of_work() as uow:
            yield uow

    @contextmanager
    def reader(self) -> Iterator[Session]:
        with self._lock, self._vault.reader() as session:
            yield session

    def __getattr__(self, name: str) -> Any:
        return getattr(self._vault, name)

    def lock_vault(self) -> None:
        with self._lock:
            self._vault.lock()


class _Signals(QObject):
    done = Signal(object)  # (SyncReport,): boxed, see db.py's _Task
    failed = Signal(object)  # (BaseException,)
    progress = Signal(str, int, int)


class _SyncTask(QRunnable):
    def __init__(self, gate: VaultGate, signals: _Signals) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._gate, self._signals = gate, signals

    def run(self) -> None:
        try:
            report = sync.sync_now(cast(Vault, self._gate), progress=self._signals.progress.emit)
        except BaseException as error:  # noqa: BLE001 - handed to the GUI thread to report
            self._signals.failed.emit((error,))
        else:
            self._signals.done.emit((report,))


class SyncController(QObject):
    """Starts syncs (one at a time) and keeps ``view`` up to date; lives across locks."""

    changed = Signal(object)  # SyncView
    finished = Signal(object)  # SyncOutcome (not for a sync the lock overtook)
    cases_updated = Signal(list)  # ids of cases the hub (or a choice here) changed

    def __init__(self, ctx: UiContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.gate = VaultGate(ctx.vault)
        self.view = SyncView()
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
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

    def lock_vault(self) -> None:
        """Lock the vault once a unit of work of a running sync (if any) has ended."""
        self.gate.lock_vault()

    def wait(self, msecs: int = -1) -> bool:
        """Block until a running sync has ended (tests, and closing the app)."""
        return self._pool.waitForDone(msecs)

    # -- status -----------------------------------------------------------------------------

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Read the sync status (counts, last result) on the database thread."""
        if not self.ctx.vault.is_unlocked:
            return

        def work() -> SyncStatus:
            with self.ctx.vault.reader() as session:
                return sync.status(session)

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
        signals = _Signals(self)
        generation = self._generation

        @Slot(object)
        def on_done(boxed: tuple[SyncReport]) -> None:
            signals.deleteLater()
            self._ended(generation, manual, report=boxed[0])

        @Slot(object)
        def on_failed(boxed: tuple[BaseException]) -> None:
            signals.deleteLater()
            self._ended(generation, manual, error=boxed[0])

        signals.done.connect(on_done)
        signals.failed.connect(on_failed)
        signals.progress.connect(self._progress)
        self._set(replace(self.view, running=True, activity="Contacting the hub…", sent=0, size=0))
        self._pool.start(_SyncTask(self.gate, signals))
        return True

    def _progress(self, what: str, done: int, total: int) -> None:
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
