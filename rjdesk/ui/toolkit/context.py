"""What every page and pane of the window shares: the vault, the task runner, signals."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import QObject, Signal

from rjdesk.app import Vault
from rjdesk.ui.toolkit.tasks import TaskRunner
from rjdesk_protocol.calendar import LONDON


class AppSignals(QObject):
    """Cross-page news: a case changed (reload it), or someone asked to open one."""

    case_changed = Signal(str)
    open_case = Signal(str, str)  # case id, the pane to show ("" for the current one)
    cases_changed = Signal()
    settings_changed = Signal()


@dataclass
class UiContext:
    vault: Vault
    tasks: TaskRunner
    signals: AppSignals = field(default_factory=AppSignals)

    def today(self) -> date:
        """Today in England, by the vault's clock (tests and demos can fix it)."""
        return self.vault.clock().astimezone(LONDON).date()
