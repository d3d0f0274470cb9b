"""The main window: first run, unlock, and the workspace; and locking (DESIGN §4).

Locking saves what was typed but not saved into the vault (encrypted), destroys the whole
workspace (no widget keeps case text), waits for database work to finish, disposes the engine
(no SQLCipher connection stays open) and drops the key. Only the unlock screen remains.
Unlocking rebuilds the workspace at the same page, case and tab, with the drafts put back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QStackedWidget, QWidget

from rjdesk.app import Vault
from rjdesk.app import drafts as draft_store
from rjdesk.app import settings as app_settings
from rjdesk.app.settings import IDLE_LOCK_DEFAULT_MINUTES, AppSettings
from rjdesk.ui.locking import IdleLock
from rjdesk.ui.pages.sync.worker import SyncController
from rjdesk.ui.pages.unlock import CreateVaultPage, UnlockPage
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.icons import icon
from rjdesk.ui.toolkit.messages import show_error
from rjdesk.ui.toolkit.screen import fit_window, fits_screen, follow_focus, usable_size
from rjdesk.ui.toolkit.tasks import TaskRunner
from rjdesk.ui.workspace import NavState, Workspace

log = logging.getLogger(__name__)

# Fits 1366x768 at 100% and 1920x1080 at 150% (1280x720), less a taskbar and the title bar;
# pages that need more scroll (``screen.scrolling``).
MINIMUM_SIZE = QSize(800, 540)
PREFERRED_SIZE = QSize(1200, 760)
SETTINGS_GEOMETRY = "window/geometry"


def window_settings() -> QSettings:
    """Qt's settings file: window geometry only, never case data (it is a plain file)."""
    return QSettings("rjdesk", "rjdesk")


class MainWindow(QMainWindow):
    def __init__(
        self,
        vault: Vault,
        parent: QWidget | None = None,
        *,
        settings: Callable[[], QSettings] = window_settings,
    ) -> None:
        """``settings`` gives Qt's settings file (the self-test keeps it in its temp folder)."""
        super().__init__(parent)
        self._settings = settings
        self.setWindowTitle("rjdesk")
        self.setWindowIcon(icon("rjdesk"))
        self.setMinimumSize(MINIMUM_SIZE.boundedTo(usable_size(self)))
        self.tasks = TaskRunner(self)
        self.tasks.default_failed = lambda error: show_error(self, error)
        self.ctx = UiContext(vault, self.tasks)
        # Background sync (every few minutes, and right after an unlock); outlives the lock.
        self.sync = SyncController(self.ctx, self)
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.create_page = CreateVaultPage(vault, self.tasks)
        self.unlock_page = UnlockPage(vault, self.tasks)
        self.stack.addWidget(self.create_page)
        self.stack.addWidget(self.unlock_page)
        self.create_page.created.connect(self._unlocked)
        self.unlock_page.unlocked.connect(self._unlocked)
        self.workspace: Workspace | None = None
        self._nav = NavState()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        follow_focus(app)
        self.idle_lock = IdleLock(app, IDLE_LOCK_DEFAULT_MINUTES * 60_000)
        self.idle_lock.idle.connect(self.lock)
        self.ctx.signals.settings_changed.connect(self._apply_settings)
        lock_action = QAction("Lock", self)
        lock_action.setShortcut(QKeySequence("Ctrl+L"))
        lock_action.triggered.connect(self.lock)
        self.addAction(lock_action)
        geometry = self._settings().value(SETTINGS_GEOMETRY)
        if not isinstance(geometry, QByteArray) or not self.restoreGeometry(geometry):
            fit_window(self, PREFERRED_SIZE)
        elif not self.isMaximized() and not fits_screen(self):
            fit_window(self, self.size())  # saved on a larger screen than this one
        self.stack.setCurrentWidget(
            self.unlock_page if Vault.exists(vault.data_dir) else self.create_page
        )

    # -- unlock ------------------------------------------------------------------------------

    def _unlocked(self) -> None:
        vault = self.ctx.vault

        def load() -> tuple[AppSettings, dict[str, str]]:
            return app_settings.load_settings(vault), draft_store.load_drafts(vault)

        self.tasks.run(load, self._build_workspace)

    def _build_workspace(self, loaded: tuple[AppSettings, dict[str, str]]) -> None:
        settings, drafts = loaded
        self.workspace = Workspace(self.ctx, sync=self.sync)
        self.workspace.lock_requested.connect(self.lock)
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self.workspace.restore(self._nav, drafts)
        self._apply(settings)
        self.idle_lock.start()
        self.sync.start()

    def _apply_settings(self) -> None:
        vault = self.ctx.vault
        self.tasks.run(lambda: app_settings.load_settings(vault), self._apply)

    def _apply(self, settings: AppSettings) -> None:
        self.idle_lock.set_interval(settings.idle_lock_minutes * 60_000)
        self.setWindowTitle(f"rjdesk — {settings.facilitator_name}")

    # -- lock --------------------------------------------------------------------------------

    @property
    def is_unlocked(self) -> bool:
        return self.workspace is not None

    def lock(self) -> None:
        if self.workspace is None:
            return
        self.idle_lock.stop()
        self.sync.stop()  # a sync still running ends quietly when it next needs the vault
        workspace, self.workspace = self.workspace, None
        self._nav = workspace.state()
        unsaved = workspace.drafts()
        self.tasks.wait_idle()
        try:
            draft_store.keep_drafts(self.ctx.vault, unsaved)
        except Exception as error:  # noqa: BLE001 - locking must go on whatever happened
            log.error("could not keep the drafts at lock: %s", type(error).__name__)
        workspace.clear()
        self.stack.removeWidget(workspace)
        workspace.hide()
        workspace.setParent(None)
        workspace.deleteLater()
        self.ctx.vault.lock()  # waits for a unit of work of a running sync, not its network
        self.setWindowTitle("rjdesk")
        self.stack.setCurrentWidget(self.unlock_page)
        # Let Qt destroy the old widgets now, not at some later turn of the event loop.
        QApplication.sendPostedEvents(None, 0)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.lock()
        self.tasks.wait_idle()
        self._settings().setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        event.accept()
