"""Locking and unlocking again and again, as a facilitator's day does, leaves nothing behind:
no page of an earlier workspace still listens to the window's signals."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rjdesk.app.cases import open_case
from rjdesk.store.vault import Vault
from rjdesk.ui.case.contacts.tab import ContactsPane
from rjdesk.ui.case.people.tab import PeoplePane
from rjdesk.ui.case.workspace import CaseWorkspace
from rjdesk.ui.main_window import MainWindow
from rjdesk.ui.pages.cases import CasesPage
from rjdesk.ui.toolkit.context import UiContext
from tests.conftest import PASSPHRASE, TODAY

UI_PACKAGE = Path(__file__).resolve().parents[2] / "rjdesk" / "ui"


@pytest.fixture
def complaints(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every error Python or Qt reports outside the test's own calls: an exception raised in a
    slot (PySide hands it to ``sys.excepthook``), one nobody could raise to (the unraisable
    hook), and Qt's own warnings."""
    heard: list[str] = []

    def excepthook(kind: type[BaseException], error: BaseException, _tb: Any) -> None:
        heard.append(f"{kind.__name__}: {error}")

    def unraisable(report: Any) -> None:
        heard.append(f"{type(report.exc_value).__name__}: {report.exc_value}")

    def qt_message(kind: QtMsgType, _context: Any, text: str) -> None:
        if kind != QtMsgType.QtDebugMsg and ("already deleted" in text or "Error" in text):
            heard.append(text)

    monkeypatch.setattr(sys, "excepthook", excepthook)
    monkeypatch.setattr(sys, "unraisablehook", unraisable)
    previous = qInstallMessageHandler(qt_message)
    yield heard
    qInstallMessageHandler(previous)


def _unlock(window: MainWindow, qtbot: QtBot) -> None:
    page = window.unlock_page
    page.ui.passphrase.clear()
    qtbot.keyClicks(page.ui.passphrase, PASSPHRASE)
    page.ui.passphrase.returnPressed.emit()
    qtbot.waitUntil(lambda: window.is_unlocked and not window.tasks.busy, timeout=10_000)


def test_a_change_to_a_case_after_several_locks_reaches_only_the_pages_on_screen(
    vault: Vault, neighbour_case: str, qtbot: QtBot, complaints: list[str]
) -> None:
    vault.lock()
    window = MainWindow(Vault(vault.data_dir, clock=vault.clock))
    qtbot.addWidget(window)
    window.show()
    for _ in range(3):
        _unlock(window, qtbot)
        window.lock()
        QApplication.processEvents()
    _unlock(window, qtbot)
    assert window.workspace is not None
    window.ctx.signals.open_case.emit(neighbour_case, "overview")
    case_page = window.workspace.pages["case"]
    assert isinstance(case_page, CaseWorkspace)
    qtbot.waitUntil(lambda: case_page.snapshot is not None and not window.tasks.busy)
    overview = case_page.panes[0]
    summary = overview.ui.summary  # type: ignore[attr-defined]
    summary.setPlainText(summary.toPlainText() + " Met at the community centre.")

    overview.save()  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not window.tasks.busy)
    window.ctx.signals.cases_changed.emit()
    QApplication.processEvents()

    assert complaints == [], "a page destroyed at a lock still answered the change"
    cases = window.workspace.pages["cases"]
    assert isinstance(cases, CasesPage)
    # The page on screen now heard it: its list is out of date until it is next shown.
    assert cases._stale
    window.lock()


LONG_LIVED = ("signals", "sync", "controller", "tasks")


def _lambda_connections_to_long_lived_signals() -> list[str]:
    """``<...>.signals.x.connect(lambda ...)`` and the like in rjdesk/ui: a lambda (or partial)
    connected to an object that outlives a lock is never dropped with the page that made it."""
    found = []
    for path in sorted(UI_PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "connect"
                and node.args
                and isinstance(node.func.value, ast.Attribute)
            ):
                continue
            sender = ast.unparse(node.func.value.value)
            slot = node.args[0]
            loose = isinstance(slot, ast.Lambda) or (
                isinstance(slot, ast.Call) and ast.unparse(slot.func).endswith("partial")
            )
            if loose and sender.split(".")[-1] in LONG_LIVED:
                found.append(f"{path.relative_to(UI_PACKAGE.parent)}:{node.lineno}")
    return found


def test_no_page_connects_a_lambda_to_a_signal_that_outlives_the_lock() -> None:
    assert _lambda_connections_to_long_lived_signals() == []


def _timers_without_a_receiver() -> list[str]:
    """``QTimer.singleShot(ms, self.method)``: without ``self`` as its context object the call
    still comes after a lock has destroyed ``self``, and fails on its deleted widgets."""
    found = []
    for path in sorted(UI_PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and ast.unparse(node.func) == "QTimer.singleShot"
                and len(node.args) == 2
                and ast.unparse(node.args[1]).startswith("self.")
            ):
                found.append(f"{path.relative_to(UI_PACKAGE.parent)}:{node.lineno}")
    return found


def test_every_deferred_call_of_a_page_is_dropped_with_the_page() -> None:
    assert _timers_without_a_receiver() == []


def test_a_tab_destroyed_before_its_deferred_layout_ran_stays_quiet(
    ctx: UiContext, neighbour_case: str, qtbot: QtBot, complaints: list[str]
) -> None:
    """A lock can come between the People tab being shown and its table being fitted (the
    fitting waits for the layout); and the Contacts tab scrolls a refusal into view later."""
    people_tab = PeoplePane(ctx)
    people_tab.show_case(open_case(ctx.vault, neighbour_case, TODAY, viewed=False))
    people_tab.show()  # asks for the table to be fitted once the layout has run
    contacts = ContactsPane(ctx)
    contacts.show_case(open_case(ctx.vault, neighbour_case, TODAY, viewed=False))
    contacts.show()
    contacts.ui.message.setText("A note is needed.")
    contacts._show_outcome()  # asks for the refusal to be scrolled into view
    shiboken6.delete(people_tab)
    shiboken6.delete(contacts)
    qtbot.wait(50)
    assert complaints == []
