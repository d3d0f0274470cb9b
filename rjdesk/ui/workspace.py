"""The unlocked window: the navigation rail and its pages (Today, Cases, a case, My work, Sync,
Settings).

The whole workspace is built at unlock and destroyed at lock, so no widget outlives a lock with
case text in it. What it needs to come back to the same place — which page, which case, which
tab, and the text typed but not saved — is handed to the main window at lock (``state`` and
``drafts``) and back at unlock (``restore``).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QListWidgetItem, QWidget

from rjdesk.ui.case.workspace import CaseWorkspace
from rjdesk.ui.generated.workspace_ui import Ui_Workspace
from rjdesk.ui.pages.cases import CasesPage
from rjdesk.ui.pages.mywork import MYWORK_SHORTCUT, MyWorkPage
from rjdesk.ui.pages.settings import SettingsPage
from rjdesk.ui.pages.sync.indicator import SyncIndicator
from rjdesk.ui.pages.sync.page import SyncPage
from rjdesk.ui.pages.sync.worker import SYNC_SHORTCUT, SyncController
from rjdesk.ui.pages.today import TodayPage
from rjdesk.ui.referral.wizard import ReferralWizard
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.focus import focus_first
from rjdesk.ui.toolkit.icons import icon
from rjdesk.ui.toolkit.screen import scrolling

Drafts = dict[str, tuple[str | None, str]]
WIZARD_DRAFTS = "wizard"

# (page key, label, icon, shortcut). The case page has no rail entry: Cases stays lit there.
# My work came later than the numbered four: it has a letter rather than renumbering them.
NAVIGATION = (
    ("today", "Today", "today", "Alt+1"),
    ("cases", "Cases", "cases", "Alt+2"),
    ("mywork", "My work", "mywork", MYWORK_SHORTCUT),
    ("sync", "Sync", "sync", "Alt+3"),
    ("settings", "Settings", "settings", "Alt+4"),
)


def _title(key: str) -> str:
    return next((label for k, label, _i, _s in NAVIGATION if k == key), key.capitalize())


@dataclass(frozen=True)
class NavState:
    """Where the facilitator was: ids only, never case text."""

    page: str = "today"
    case_id: str | None = None
    pane: str = ""


class Workspace(QWidget):
    lock_requested = Signal()

    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        sync: SyncController | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_Workspace()
        self.ui.setupUi(self)
        # The main window's controller outlives the lock; on its own, the workspace has one.
        self.sync = sync or SyncController(ctx, self)
        self.pages: dict[str, QWidget] = {
            "today": TodayPage(ctx),
            "cases": CasesPage(ctx),
            "case": CaseWorkspace(ctx),
            "mywork": MyWorkPage(ctx),
            "sync": SyncPage(ctx, self.sync),
            "settings": SettingsPage(ctx),
        }
        # Each page scrolls when the window is smaller than it needs (a small screen), rather
        # than making the window larger than the screen.
        self._holders = {key: scrolling(page, _title(key)) for key, page in self.pages.items()}
        for holder in self._holders.values():
            self.ui.pages.addWidget(holder)
        for key, label, icon_name, shortcut in NAVIGATION:
            item = QListWidgetItem(icon(icon_name), label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"{label} ({shortcut})")
            self.ui.navigation.addItem(item)
            QShortcut(QKeySequence(shortcut), self, lambda k=key: self.show_page(k))
        self.ui.navigation.currentItemChanged.connect(self._navigated)
        self.ui.lockButton.setIcon(icon("lock"))
        self.ui.lockButton.clicked.connect(self.lock_requested)
        self.ui.newReferralButton.setIcon(icon("new"))
        self.ui.newReferralButton.clicked.connect(self.new_referral)
        QShortcut(QKeySequence.StandardKey.New, self, self.new_referral)
        QShortcut(QKeySequence.StandardKey.Find, self, self.search_cases)
        QShortcut(QKeySequence("Alt+Left"), self, self.back)
        self._add_sync_indicator()
        self._wizard: ReferralWizard | None = None
        ctx.signals.open_case.connect(self.open_case)
        case_page = self.pages["case"]
        assert isinstance(case_page, CaseWorkspace)
        case_page.back_requested.connect(self.back)
        # Shown, not yet loaded: ``restore`` (which the window calls next) shows the page the
        # facilitator was on and loads it, so an unlock asks for Today once, not twice.
        self._select("today")

    # -- navigation --------------------------------------------------------------------------

    def _navigated(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is None:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        if key == "cases" and self._current == "case":
            return  # the rail lights Cases while a case is open; no need to leave it
        self.show_page(key)

    def show_page(self, key: str) -> None:
        page = self._select(key)
        refresh = getattr(page, "refresh", None)
        if callable(refresh) and key != "case":
            refresh()

    def _select(self, key: str) -> QWidget:
        """Show the page ``key`` and light its place on the rail, without loading it."""
        self._current = key
        page = self.pages[key]
        self.ui.pages.setCurrentWidget(self._holders[key])
        rail_key = "cases" if key == "case" else key
        for row in range(self.ui.navigation.count()):
            item = self.ui.navigation.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == rail_key:
                self.ui.navigation.blockSignals(True)
                self.ui.navigation.setCurrentRow(row)
                self.ui.navigation.blockSignals(False)
        return page

    def current_page(self) -> QWidget:
        """The page on screen (inside the scroll area that holds it)."""
        return self.pages[self._current]

    def open_case(self, case_id: str, pane: str = "") -> None:
        case_page = self.pages["case"]
        assert isinstance(case_page, CaseWorkspace)
        case_page.open(case_id, pane)
        self.show_page("case")
        # From the wizard, Today or Cases: the keyboard follows the case (Ctrl+Tab works).
        case_page.focus_tabs()

    def focus_page(self) -> None:
        """Put the keyboard in the page on screen (after an unlock nothing else has it)."""
        page = self.pages[self._current]
        if isinstance(page, CaseWorkspace):
            page.focus_tabs()
        elif not focus_first(page):
            self.ui.navigation.setFocus(Qt.FocusReason.OtherFocusReason)

    def back(self) -> None:
        if self._current == "case":
            self.show_page("cases")

    def search_cases(self) -> None:
        self.show_page("cases")
        cases = self.pages["cases"]
        assert isinstance(cases, CasesPage)
        cases.focus_search()

    def new_referral(self, drafts: dict[str, str] | None = None) -> None:
        if self._wizard is not None:
            self._wizard.raise_()
            return
        wizard = ReferralWizard(self.ctx, self)
        wizard.created.connect(lambda case_id: self.open_case(case_id, "overview"))
        wizard.destroyed.connect(self._wizard_closed)
        self._wizard = wizard
        if drafts:
            wizard.restore_drafts(drafts)
        wizard.open()

    def _wizard_closed(self) -> None:
        self._wizard = None

    # -- sync --------------------------------------------------------------------------------

    def _add_sync_indicator(self) -> None:
        """The sync status under the rail's pages (it opens the Sync page), Ctrl+R to sync."""
        self.sync_indicator = SyncIndicator(self.sync, self.ui.rail)
        self.ui.railLayout.insertWidget(1, self.sync_indicator)
        # Tab goes down the rail as it is seen: pages, sync status, New referral, Lock.
        QWidget.setTabOrder(self.ui.navigation, self.sync_indicator)
        QWidget.setTabOrder(self.sync_indicator, self.ui.newReferralButton)
        self.sync_indicator.clicked.connect(lambda: self.show_page("sync"))
        QShortcut(QKeySequence(SYNC_SHORTCUT), self, self._sync_shortcut)
        self.sync.cases_updated.connect(self._cases_updated)

    def _sync_shortcut(self) -> None:
        status = self.sync.view.status
        if status is not None and not status.enrolled:
            self.show_page("sync")  # no hub yet: show how to join one
        else:
            self.sync.sync_now()

    def _cases_updated(self, case_ids: list[str]) -> None:
        """The hub (or a choice on the Sync page) changed these cases: the lists reload, and so
        does the open case, keeping any text typed there and not saved yet. Not while a dialog
        is open over it: it reloads at the next change or visit."""
        self.ctx.signals.cases_changed.emit()
        case_page = self.pages["case"]
        assert isinstance(case_page, CaseWorkspace)
        if case_page.case_id in case_ids and QApplication.activeModalWidget() is None:
            case_page.reload_keeping_typing()

    # -- lock and unlock ---------------------------------------------------------------------

    def state(self) -> NavState:
        case_page = self.pages["case"]
        assert isinstance(case_page, CaseWorkspace)
        if self._current == "case" and case_page.case_id:
            return NavState("case", case_page.case_id, case_page.current_pane())
        return NavState(self._current)

    def drafts(self) -> Drafts:
        """Text typed but not saved anywhere in the workspace, by a stable key."""
        case_page = self.pages["case"]
        assert isinstance(case_page, CaseWorkspace)
        drafts = case_page.drafts()
        if self._wizard is not None:
            for name, text in self._wizard.drafts().items():
                drafts[f"{WIZARD_DRAFTS}/{name}"] = (None, text)
        return drafts

    def restore(self, state: NavState, drafts: dict[str, str]) -> None:
        prefix = f"{WIZARD_DRAFTS}/"
        wizard = {k[len(prefix) :]: v for k, v in drafts.items() if k.startswith(prefix)}
        if state.page == "case" and state.case_id:
            case_page = self.pages["case"]
            assert isinstance(case_page, CaseWorkspace)
            case_page.open(state.case_id, state.pane, drafts=drafts)
            self.show_page("case")
        else:
            self.show_page(state.page)
        self.focus_page()
        if wizard:
            self.new_referral(wizard)

    def clear(self) -> None:
        """Empty every widget that shows case data (the caller then destroys the workspace)."""
        if self._wizard is not None:
            self._wizard.wipe()
            self._wizard.close()  # it deletes itself on close
            self._wizard = None
        for page in self.pages.values():
            clear = getattr(page, "clear", None)
            if callable(clear):
                clear()
