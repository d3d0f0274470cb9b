"""Opens every screen and dialog on the screen this process has, and reports each button a
facilitator could not reach: outside the available screen (less the taskbar and a title bar),
cut off by its window, or in a scroll area that does not bring it into view when it takes focus.

    python -m tests.ui.small_screens OUT_DIR    (in a process made with screen_sizes.environment)

Prints one JSON object: ``checked`` (how many buttons were looked at, by window) and
``problems`` (one sentence each). ``test_small_screens`` runs it at each of ``SCREENS``.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("RJDESK_INSECURE_FAST_KDF", "1")

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QScrollArea,
    QTabBar,
    QWidget,
)

from rjdesk.app.cases import open_case
from rjdesk.services import importer, printing
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault, _clock_at_noon
from rjdesk.ui.app import make_application
from rjdesk.ui.case.agreement.signing import SignatureDialog
from rjdesk.ui.case.contacts.addendum import AddendumDialog
from rjdesk.ui.case.documents.viewer import ImageViewer
from rjdesk.ui.case.outcomes.equality_dialog import EqualityDialog
from rjdesk.ui.case.outcomes.feedback_dialog import FeedbackDialog
from rjdesk.ui.case.overview.closing import CloseCaseDialog, reopen_dialog
from rjdesk.ui.case.overview.tab import SafeguardingDialog
from rjdesk.ui.case.people.participant_dialog import ParticipantDialog
from rjdesk.ui.case.people.rj_information_dialog import RjInformationDialog
from rjdesk.ui.case.risk.consent_dialog import ConsentDialog
from rjdesk.ui.case.workspace import CaseWorkspace
from rjdesk.ui.main_window import MainWindow
from rjdesk.ui.pages.settings import ChangePassphraseDialog
from rjdesk.ui.pages.unlock import RecoveryKeyDialog, ResetPassphraseDialog
from rjdesk.ui.referral.wizard import ReferralWizard
from rjdesk.ui.toolkit.pdf_preview import PdfPreviewDialog
from rjdesk.ui.toolkit.reason_dialog import ReasonDialog
from rjdesk.ui.toolkit.screen import FRAME, TITLE_BAR, available_area
from rjdesk_protocol.enums import AgeBand, FeedbackMoment
from tests.ui.screenshots import EXAMPLES, PASSPHRASE, TODAY, fill_referral


def settle(app: QApplication, window: MainWindow | None = None, seconds: float = 0.2) -> None:
    deadline = time.perf_counter() + 15
    while window is not None and window.tasks.busy and time.perf_counter() < deadline:
        app.processEvents()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()


def _describe(button: QAbstractButton) -> str:
    text = button.text().replace("&", "") or button.accessibleName() or button.objectName()
    return f"{type(button).__name__} {text!r}"


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    """The scroll area whose viewport holds ``widget``, if any (below the window)."""
    parent = widget.parentWidget()
    while parent is not None and not parent.isWindow():
        grand = parent.parentWidget()
        if isinstance(grand, QScrollArea) and grand.viewport() is parent:
            return grand
        parent = grand
    return None


def _clipped(widget: QWidget, rect: QRect, stop: QWidget) -> QWidget | None:
    """The first ancestor (below ``stop``) that cuts ``rect`` (in ``widget``'s coordinates)."""
    child, parent = widget, widget.parentWidget()
    while parent is not None and parent is not stop:
        rect = rect.translated(child.pos())
        if not parent.rect().contains(rect):
            return parent
        child, parent = parent, parent.parentWidget()
    return None


def _reachable_by_focus(app: QApplication, button: QAbstractButton, area: QScrollArea) -> bool:
    """Does ``area`` bring ``button`` into view when the button takes focus?"""
    enabled = button.isEnabled()
    button.setEnabled(True)
    away = area.window().focusWidget()
    if away is button:
        area.setFocus()
    button.setFocus(Qt.FocusReason.TabFocusReason)
    app.processEvents()
    viewport = area.viewport()
    top_left = button.mapTo(viewport, QPoint(0, 0))
    seen = viewport.rect().contains(QRect(top_left, button.size()))
    button.setEnabled(enabled)
    return seen


def unreachable(app: QApplication, window: QWidget, where: str) -> tuple[int, list[str]]:
    """How many buttons of ``window`` were checked, and a sentence for each out of reach."""
    problems: list[str] = []
    area = available_area(window)
    frame = window.frameGeometry()
    if frame.width() > area.width() or frame.height() + TITLE_BAR > area.height():
        problems.append(
            f"{where}: the window is {frame.width()}x{frame.height()} with its frame, more "
            f"than the {area.width()}x{area.height() - TITLE_BAR} the screen has for it"
        )
    # Wherever the window manager puts it, the client area is at most this.
    usable = QRect(0, 0, area.width() - 2 * FRAME, area.height() - TITLE_BAR - FRAME)
    checked = 0
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or button.window() is not window:
            continue
        if isinstance(button.parentWidget(), QTabBar):
            continue  # the tab bar's own scroll arrows
        checked += 1
        name = _describe(button)
        scroll = _scroll_area_of(button)
        if isinstance(scroll, QAbstractItemView):
            continue
        if scroll is not None:
            cut = _clipped(button, button.rect(), scroll.viewport())
            if cut is not None:
                problems.append(f"{where}: {name} is cut off by {cut.objectName()!r}")
            elif not _reachable_by_focus(app, button, scroll):
                problems.append(
                    f"{where}: {name} is in the scroll area {scroll.objectName()!r}, which does "
                    "not bring it into view when it takes focus"
                )
            holder: QWidget = scroll
        else:
            cut = _clipped(button, button.rect(), window)
            if cut is not None:
                problems.append(f"{where}: {name} is cut off by {cut.objectName()!r}")
            holder = button
        inside = QRect(holder.mapTo(window, QPoint(0, 0)), holder.size())
        if holder is button and not usable.contains(inside):
            problems.append(
                f"{where}: {name} at {inside.x()},{inside.y()} is off the "
                f"{usable.width()}x{usable.height()} a window can show"
            )
        elif holder is not button and not usable.intersects(inside):
            problems.append(f"{where}: the scroll area holding {name} is off screen")
    return checked, problems


class Walk:
    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.checked: dict[str, int] = {}
        self.problems: list[str] = []

    def check(self, window: QWidget, where: str) -> None:
        window.activateWindow()  # focus, as a facilitator's keys, goes to the active window
        settle(self.app)
        checked, problems = unreachable(self.app, window, where)
        self.checked[where] = checked
        self.problems.extend(problems)

    @contextmanager
    def dialog(self, dialog: QWidget, where: str) -> Iterator[None]:
        dialog.show()
        settle(self.app)
        yield
        self.check(dialog, where)
        dialog.close()
        dialog.deleteLater()


def walk(out: Path) -> Walk:
    app = make_application()
    checks = Walk(app)
    first_run = MainWindow(Vault(out / "empty-vault"))
    first_run.show()
    checks.check(first_run, "first run")
    first_run.close()

    data_dir = out / "vault"
    shutil.rmtree(data_dir, ignore_errors=True)
    clock = _clock_at_noon(TODAY)
    vault, recovery_key = Vault.create(
        data_dir, facilitator_name="Alex Morgan", passphrase=PASSPHRASE, clock=clock
    )
    ids = {}
    for example in ("neighbour-dispute", "hate-crime-early"):
        with vault.unit_of_work() as uow:
            ids[example] = importer.import_case(uow, (EXAMPLES / f"{example}.json").read_bytes()).id
    vault.lock()

    window = MainWindow(Vault(data_dir, clock=clock))
    window.show()
    checks.check(window, "unlock")
    with checks.dialog(RecoveryKeyDialog(recovery_key, window), "recovery key"):
        pass
    with checks.dialog(ResetPassphraseDialog(window.ctx.vault, window.tasks, window), "reset"):
        pass
    window.unlock_page.ui.passphrase.setText(PASSPHRASE)
    window.unlock_page.unlock()
    settle(app, window, 0.5)
    workspace = window.workspace
    assert workspace is not None
    for key in ("today", "cases", "mywork", "sync", "settings"):
        workspace.show_page(key)
        settle(app, window)
        checks.check(window, key.capitalize())
    with checks.dialog(ChangePassphraseDialog(window.ctx, window), "change passphrase"):
        pass

    case_page = workspace.pages["case"]
    assert isinstance(case_page, CaseWorkspace)
    for example in ("neighbour-dispute", "hate-crime-early"):
        workspace.open_case(ids[example], "overview")
        settle(app, window)
        for pane in case_page.panes:
            case_page.show_pane(pane.key)
            settle(app, window)
            checks.check(window, f"{example} {pane.key}")
    _dialogs(checks, window, ids)

    wizard = ReferralWizard(window.ctx, window)
    wizard.show()
    fill_referral(wizard)
    for index in range(len(wizard.pageIds())):
        checks.check(wizard, f"new referral page {index + 1}")
        wizard.next()
    wizard.close()
    window.close()
    return checks


def _dialogs(checks: Walk, window: MainWindow, ids: dict[str, str]) -> None:
    vault, today = window.ctx.vault, TODAY
    snapshot = open_case(vault, ids["hate-crime-early"], today, viewed=False)
    case = snapshot.case
    with vault.unit_of_work() as uow:
        filed = printing.latest_agreement_pdf(uow, load_case(uow.session, ids["neighbour-dispute"]))
    dialogs: list[tuple[QWidget, str]] = [
        (
            PdfPreviewDialog(filed.content, filed.document.title, filed.document.filename),
            "PDF preview",
        ),
        (CloseCaseDialog(today, window), "close case"),
        (SafeguardingDialog(case, window), "safeguarding concern"),
        (ConsentDialog(snapshot, withdraw=False, parent=window), "record consent"),
        (ConsentDialog(snapshot, withdraw=True, parent=window), "withdraw consent"),
        (SignatureDialog("Signature of Grace Okafor", window), "signature"),
        (AddendumDialog("contact", "A long note. " * 80, window), "addendum"),
        (ImageViewer("A photo", QPixmap(2400, 1600), window), "image viewer"),
        (ParticipantDialog(window, today=today), "add a person"),
        (reopen_dialog(case, window), "reopen case"),
        (
            FeedbackDialog(
                window, name="Grace Okafor", moment=FeedbackMoment.FOLLOW_UP, today=today
            ),
            "feedback",
        ),
        (
            EqualityDialog(window, name="Grace Okafor", from_birth=AgeBand.FROM_45_TO_54),
            "equality monitoring",
        ),
        (
            ReasonDialog(
                "Withdraw signature",
                "Withdraw Grace Okafor's signature from version 1 of the agreement? " * 3,
                "&Withdraw signature",
                window,
            ),
            "withdraw signature",
        ),
    ]
    for person, status in case.victims_code:
        dialog = RjInformationDialog(window, name=person.name, status=status, today=today)
        dialogs.append((dialog, "RJ information"))
        break
    for dialog, where in dialogs:
        with checks.dialog(dialog, where):
            pass


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else Path("build/small-screens")
    checks = walk(out)
    print(json.dumps({"checked": checks.checked, "problems": checks.problems}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
