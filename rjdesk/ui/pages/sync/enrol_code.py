"""The Sync page's "Enrol with a code from your coordinator": the hub address and the one-time
code typed, sent off the GUI thread (``Lane.NETWORK``); a refused code's sentence shown beside
the code, a wrong address beside the address; once enrolled, the hub's name is said and the
first sync starts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLineEdit

from rjdesk.app import sync
from rjdesk.app.sync import CodeRefused, HubJoined
from rjdesk.ui.generated.sync_page_ui import Ui_SyncPage
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.messages import sentence, set_message
from rjdesk.ui.toolkit.tasks import Lane
from rjdesk_protocol.errors import ValidationError


class CodeEnrolment(QObject):
    """Wires the code box of the Sync page's form; ``enrolled(link)`` is called once the laptop
    is enrolled (the page shows the hub and syncs)."""

    def __init__(
        self,
        ctx: UiContext,
        ui: Ui_SyncPage,
        enrolled: Callable[[HubJoined], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.ui, self._enrolled = ctx, ui, enrolled
        ui.enrolButton.clicked.connect(self.enrol)
        ui.codeEdit.returnPressed.connect(self.enrol)
        ui.hubUrlEdit.returnPressed.connect(ui.codeEdit.setFocus)
        set_message(ui.codeMessage, "")

    def clear(self) -> None:
        """Forget the typed code (the case file was locked)."""
        self.ui.codeEdit.clear()
        set_message(self.ui.codeMessage, "")

    def enrol(self) -> None:
        ui = self.ui
        set_message(ui.codeMessage, "")
        set_message(ui.enrolMessage, "")
        hub_url, code = ui.hubUrlEdit.text(), ui.codeEdit.text()
        if not hub_url.strip():
            self._beside(ui.hubUrlEdit, "Type the hub address your coordinator gave you.")
            return
        if not code.strip():
            self._beside(ui.codeEdit, "Type the code your coordinator gave you.")
            return
        vault = self.ctx.vault

        def work() -> HubJoined:
            return sync.enrol_with_code(vault, hub_url, code)

        self.ctx.tasks.run(
            work,
            self._done,
            self._failed,
            lane=Lane.NETWORK,
            disable=(ui.enrolButton, ui.hubUrlEdit, ui.codeEdit),
            label="Enrolling with the hub…",
        )

    def _done(self, link: HubJoined) -> None:
        self.ui.codeEdit.clear()
        set_message(self.ui.codeMessage, "")
        self._enrolled(link)

    def _failed(self, error: BaseException) -> None:
        ui = self.ui
        if isinstance(error, ValidationError) and error.field == "hub_url":
            self._beside(ui.hubUrlEdit, f"The hub address {error.reason.rstrip('.')}.")
        elif isinstance(error, ValidationError | CodeRefused):
            self._beside(ui.codeEdit, sentence(error))
        else:  # the hub did not answer, or refused otherwise: said under the fields
            set_message(ui.codeMessage, sentence(error), error=True)

    def _beside(self, field: QLineEdit, text: str) -> None:
        """The sentence under the fields, and the focus in the one to correct."""
        set_message(self.ui.codeMessage, text, error=True)
        field.setFocus()
        field.selectAll()
