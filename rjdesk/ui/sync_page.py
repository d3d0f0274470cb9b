"""Sync: the hub connection. Until a hub is set up it says so plainly."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from rjdesk.ui import style
from rjdesk.ui.context import UiContext
from rjdesk.ui.generated.sync_page_ui import Ui_SyncPage


class SyncPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_SyncPage()
        self.ui.setupUi(self)
        self.ui.title.setStyleSheet(style.heading_style(1.5))
