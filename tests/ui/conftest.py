"""Real widgets on Qt's offscreen platform, over real vaults (pytest-qt)."""

from __future__ import annotations

import functools
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from rjdesk.app.cases import open_case
from rjdesk.services import importer
from rjdesk.store.vault import Vault
from rjdesk.ui.case.pane import CasePane
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.tasks import TaskRunner
from tests.conftest import HATE_CRIME, NEIGHBOUR_DISPUTE, TODAY

# The tests share a small machine with other work (CI has two cores; a developer's laptop
# builds and browses): a wait that names no timeout gives up after 30 s, not pytest-qt's 5 s.
# A wait that is met returns as soon as it is, so only a failing test waits longer. A shorter
# timeout a test names is raised to it too (unlocking took over 10 s on a loaded machine),
# except for a wait that expects to run out (raising=False).
PATIENCE_MS = 30_000


def _patient(wait: Any) -> Any:
    @functools.wraps(wait)
    def patient(self: QtBot, *args: Any, timeout: int = PATIENCE_MS, **kwargs: Any) -> Any:
        if kwargs.get("raising", True):
            timeout = max(timeout, PATIENCE_MS)
        return wait(self, *args, timeout=timeout, **kwargs)

    return patient


for _name in ("waitUntil", "waitSignal", "waitSignals", "waitExposed", "waitActive",
              "waitCallback"):  # fmt: skip
    setattr(QtBot, _name, _patient(getattr(QtBot, _name)))


@pytest.fixture(autouse=True)
def _qt_settings_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep Qt's settings and caches of each test in its own folder (and out of $HOME)."""
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME"):
        monkeypatch.setenv(name, str(tmp_path / "home" / name.lower()))
    # Qt reads XDG_CONFIG_HOME once per process, when the first QSettings is made: point it
    # at this test's folder again, or every later test would write to the first one's.
    for settings_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(
            settings_format, QSettings.Scope.UserScope, str(tmp_path / "home" / "xdg_config_home")
        )


@pytest.fixture(autouse=True)
def _no_window_outlives_its_test(qapp: QApplication) -> Iterator[None]:
    """A dialog a test left open (opened with ``open()``, never answered) would still be the
    application's modal widget in every later test of the process: close what is left."""
    yield
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    qapp.processEvents()


@pytest.fixture
def ctx(vault: Vault, qtbot: QtBot) -> Iterator[UiContext]:
    """What the window's pages share, over the test's vault (today: 20 November 2026)."""
    runner = TaskRunner()
    context = UiContext(vault, runner)
    yield context
    runner.wait_idle()


@pytest.fixture
def neighbour_case(vault: Vault) -> str:
    """The neighbour dispute example (signed agreement, follow-up stage): its case id."""
    with vault.unit_of_work() as uow:
        return importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).id


@pytest.fixture
def hate_crime_case(vault: Vault) -> str:
    """The early hate-crime example (assessment stage, Victims' Code overdue): its case id."""
    with vault.unit_of_work() as uow:
        return importer.import_case(uow, HATE_CRIME.read_bytes()).id


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The text of every message box that would have popped up (answered Ok), for tests of
    work that must never pop one up, such as a background sync."""
    shown: list[str] = []

    def record(_parent: object, _title: str, text: str, *_args: object) -> object:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    for name in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, record)
    return shown


def wait_for_db(qtbot: QtBot, ctx: UiContext, timeout: int = 10_000) -> None:
    """Wait until the database thread is idle and its callbacks have run."""
    qtbot.waitUntil(lambda: not ctx.tasks.busy, timeout=timeout)


def show(pane: CasePane, ctx: UiContext, case_id: str) -> None:
    """Load a case as the workspace does and show it in ``pane``."""
    pane.show_case(open_case(ctx.vault, case_id, TODAY, viewed=False))


def reload_on_change(pane: CasePane, ctx: UiContext) -> None:
    """Reload the pane whenever it reports a change, as the case workspace does."""
    ctx.signals.case_changed.connect(lambda case_id: show(pane, ctx, case_id))
