"""Sync: enrol this laptop with a hub, see what waits to be sent, sync now, export a bundle for
a USB stick, and settle the conflicts the hub found (DESIGN §7, docs/sync-protocol.md).

Vault work runs on the task runner's database lane (``ctx.tasks``); the sync itself runs on its
network lane (``SyncController``), so the page stays usable while the network is slow.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection
from PySide6.QtWidgets import QAbstractButton, QHeaderView, QLabel, QSizePolicy, QWidget

from rjdesk.app import sync
from rjdesk.app.sync import ConflictView, EnrollmentRequest, Exported, HubJoined
from rjdesk.ui.generated.sync_page_ui import Ui_SyncPage
from rjdesk.ui.pages.sync.conflicts_model import ConflictsModel, from_text, side_texts, what_text
from rjdesk.ui.pages.sync.enrol_code import CodeEnrolment
from rjdesk.ui.pages.sync.indicator import (
    connection_text,
    plural,
    sentence_case,
    waiting_detail,
    when_text,
)
from rjdesk.ui.pages.sync.worker import SYNC_SHORTCUT, SyncController, SyncOutcome, SyncView
from rjdesk.ui.toolkit import files, style
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.messages import sentence, set_message

EXPORT_TIP = (
    "Save everything the hub has not confirmed in one file, encrypted to the hub, to carry on "
    "a USB stick"
)


def _show(label: QLabel, text: str, tone: str = "") -> None:
    """A line in one of the app's colours ("low" is the green of all's well)."""
    label.setText(text)
    label.setStyleSheet(f"color: {style.colour(tone)}; font-weight: 600;" if tone else "")
    label.setVisible(bool(text))


class SyncPage(QWidget):
    def __init__(
        self,
        ctx: UiContext,
        controller: SyncController | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sync = controller or SyncController(ctx, self)
        self.ui = Ui_SyncPage()
        self.ui.setupUi(self)
        ui = self.ui
        ui.title.setStyleSheet(style.heading_style(1.5))
        ui.syncButton.setToolTip(
            f"Send your work to the hub and take its updates now ({SYNC_SHORTCUT})"
        )
        self.model = ConflictsModel(self)
        ui.conflicts.setModel(self.model)
        header = ui.conflicts.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in ((ConflictsModel.CASE, 160), (ConflictsModel.WHAT, 380)):
            ui.conflicts.setColumnWidth(column, width)
        ui.conflicts.selectionModel().selectionChanged.connect(self._selected)
        ui.requestButton.clicked.connect(self.ask_to_join)
        ui.importButton.clicked.connect(self.import_config)
        self.code_enrolment = CodeEnrolment(ctx, ui, self._joined, self)
        ui.syncButton.clicked.connect(self.sync_now)
        ui.exportButton.clicked.connect(self.export_for_usb)
        # What the two buttons choose depends on the kind of conflict shown.
        self._first_choice, self._second_choice = "hub", "incoming"
        ui.keepHubButton.clicked.connect(lambda: self._choose(self._first_choice))
        ui.takeIncomingButton.clicked.connect(lambda: self._choose(self._second_choice))
        ui.dealtButton.clicked.connect(lambda: self._choose("acknowledged"))
        ui.openCaseButton.clicked.connect(self._open_case)
        ui.conflictWhat.setStyleSheet(style.heading_style(1.0))
        self._conflict: ConflictView | None = None
        for label in (ui.enrolMessage, ui.message, ui.conflictMessage, ui.activity):
            set_message(label, "")
        ui.states.setVisible(False)  # until the status is read: no flash of the wrong state
        self._show_conflict(None)
        self._show_conflict_list()
        self.sync.changed.connect(self._show_view)
        self.sync.finished.connect(self._finished)
        self._show_view(self.sync.view)

    # -- status ------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.sync.refresh()
        self.load_conflicts()

    def _show_view(self, view: SyncView) -> None:
        status = view.status
        ui = self.ui
        if status is None:
            return
        ui.states.setVisible(True)
        if not status.enrolled:
            ui.states.setCurrentWidget(ui.notEnrolled)
            return
        ui.states.setCurrentWidget(ui.enrolled)
        now = self.ctx.vault.clock()
        name = status.hub_name or "The hub"
        ui.hub.setText(f"{name} — {status.hub_url}" if status.hub_url else name)
        ui.connection.setText(connection_text(view, status, now))
        ui.waiting.setText(waiting_detail(status))
        # Records from the hub this laptop could not apply, each with why (the hub is told).
        ui.setAside.setText("\n".join(entry.line() for entry in status.set_aside))
        for widget in (ui.setAsideLabel, ui.setAside):
            widget.setVisible(bool(status.set_aside))
        if status.last_sync_at is None:
            _show(ui.lastSync, "Never: this laptop has not synced with the hub yet.")
        else:
            tone = "low" if status.last_ok else ("" if view.reachable is False else "error")
            result = sentence_case(status.last_result)
            when = when_text(status.last_sync_at, now)
            _show(ui.lastSync, f"{when[:1].upper()}{when[1:]} — {result}", tone)
        ui.syncButton.setEnabled(not view.running)
        waiting = bool(status.pending_changes or status.pending_bundles)
        ui.exportButton.setEnabled(waiting and not view.running)
        ui.exportButton.setToolTip(
            EXPORT_TIP if waiting else "Nothing to export: the hub has all your changes."
        )
        ui.progress.setVisible(view.running)
        if view.size:
            ui.progress.setRange(0, 1000)
            ui.progress.setValue(min(1000, view.sent * 1000 // view.size))
        else:
            ui.progress.setRange(0, 0)  # busy: how long the hub takes is not known
        set_message(ui.activity, view.activity if view.running else "")
        if status.open_conflicts != self.model.rowCount():
            self.load_conflicts()

    # -- enrolment ---------------------------------------------------------------------------

    def ask_to_join(self) -> None:
        code = self.ctx.vault.device_code or "laptop"
        target = files.choose_file_to_save(
            self,
            "Save the enrolment request",
            f"rjdesk-enrolment-request-{code}.json",
            "Enrolment requests (*.json)",
        )
        if target is None:
            return
        vault = self.ctx.vault

        def work() -> EnrollmentRequest:
            return sync.write_enrollment_request(vault, target)

        def done(_result: object) -> None:
            set_message(
                self.ui.enrolMessage,
                f"Saved {target.name}. Give it to your hub coordinator; when they send back the "
                "hub configuration, import it here (step 2).",
            )

        self.ctx.tasks.run(work, done, lambda error: self._file_failed(error, target, "request"))

    def import_config(self) -> None:
        path = files.choose_file_to_open(
            self, "Open the hub configuration", "Hub configurations (*.json);;All files (*)"
        )
        if path is None:
            return
        vault = self.ctx.vault

        def work() -> HubJoined:
            return sync.import_hub_config(vault, path.read_bytes())

        self.ctx.tasks.run(work, self._joined, lambda e: self._file_failed(e, path, "import"))

    def _joined(self, link: HubJoined) -> None:
        """Enrolled (by file or by code): say with which hub, and start the first sync."""
        set_message(
            self.ui.message,
            f"This laptop is now enrolled with {link.name or 'the hub'} ({link.url}). "
            "The first sync starts now.",
        )
        set_message(self.ui.enrolMessage, "")
        self.sync.refresh(then=self.sync.sync_soon)

    def _file_failed(self, error: BaseException, path: Path, what: str) -> None:
        if isinstance(error, OSError):
            reason = error.strerror or type(error).__name__
            text = (
                f"The request was not saved: {reason} ({path}). Choose another folder."
                if what == "request"
                else f"{path.name} cannot be read: {reason}."
            )
        else:
            text = sentence(error)
        label = self.ui.message if what == "export" else self.ui.enrolMessage
        set_message(label, text, error=True)

    # -- syncing and exporting -----------------------------------------------------------------

    def sync_now(self) -> None:
        set_message(self.ui.message, "")
        self.sync.sync_now(manual=True)

    def _finished(self, outcome: SyncOutcome) -> None:
        self.load_conflicts()
        if not outcome.manual:
            return
        if outcome.ok:
            set_message(self.ui.message, "")
        elif outcome.offline:
            set_message(
                self.ui.message,
                "The hub did not answer: this laptop may be offline. Nothing is lost; your "
                "changes wait here and go at the next sync.",
            )
        elif self.ui.states.currentWidget() is self.ui.notEnrolled:
            set_message(self.ui.enrolMessage, outcome.text, error=True)
        else:
            set_message(self.ui.message, outcome.text, error=True)

    def export_for_usb(self) -> None:
        code = self.ctx.vault.device_code or "laptop"
        day = self.ctx.today().isoformat()
        target = files.choose_file_to_save(
            self, "Export for USB", f"rjdesk-{code}-{day}.rjb", "rjdesk bundles (*.rjb)"
        )
        if target is None:
            return
        vault = self.ctx.vault

        def work() -> Exported:
            return sync.export_bundle(vault, target)

        def done(exported: Exported) -> None:
            set_message(
                self.ui.message,
                f"Saved {target.name}: {plural(exported.records, 'change')} to "
                f"{plural(exported.cases, 'case')}, encrypted to the hub, so only the hub can "
                "open it and it is safe to carry on a USB stick. Give it to your hub "
                "coordinator; this laptop still sends these changes at its next sync.",
            )
            self.sync.refresh()

        set_message(self.ui.message, "")
        self.ctx.tasks.run_with_progress(
            lambda _progress: work(),
            done,
            lambda error: self._file_failed(error, target, "export"),
            label="Sealing the bundle…",
            parent=self,
        )

    # -- conflicts ---------------------------------------------------------------------------

    def load_conflicts(self) -> None:
        if not self.ctx.vault.is_unlocked:
            return

        vault = self.ctx.vault
        self.ctx.tasks.run(lambda: sync.open_conflicts(vault), self._show_conflicts)

    def _show_conflicts(self, found: list[ConflictView]) -> None:
        chosen = self._conflict.id if self._conflict else None
        row = self.ui.conflicts.currentIndex().row()
        self.model.now = self.ctx.vault.clock()
        self.model.set_rows(found)
        self._show_conflict_list()
        ids = [c.id for c in found]
        if chosen in ids:
            row = ids.index(chosen)
        if found:
            self.ui.conflicts.selectRow(min(max(row, 0), len(found) - 1))
        else:
            self._show_conflict(None)

    def _show_conflict_list(self) -> None:
        ui, any_open = self.ui, self.model.rowCount() > 0
        ui.noConflicts.setVisible(not any_open)
        for widget in (ui.conflictsHelp, ui.conflictsLabel, ui.conflicts, ui.conflictWhat):
            widget.setVisible(any_open)
        # With conflicts the box takes the page's height; without, only what it needs.
        ui.enrolledLayout.setStretchFactor(ui.conflictsBox, 1 if any_open else 0)
        vertical = QSizePolicy.Policy.Expanding if any_open else QSizePolicy.Policy.Maximum
        ui.conflictsBox.setSizePolicy(QSizePolicy.Policy.Preferred, vertical)
        ui.conflictsBox.setTitle(
            f"Conflicts to resolve ({self.model.rowCount()})" if any_open else "Conflicts"
        )

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.ui.conflicts.selectionModel().selectedRows()
        self._show_conflict(self.model.conflict_at(rows[0].row()) if rows else None)

    def _show_conflict(self, conflict: ConflictView | None) -> None:
        ui = self.ui
        if conflict is None or conflict.id != (self._conflict.id if self._conflict else None):
            ui.note.clear()  # a note is for the conflict it was typed for
        self._conflict = conflict
        kind = conflict.kind if conflict else ""
        ui.sides.setVisible(kind in ("field", "delete"))
        ui.noteRow.setVisible(kind == "rule")
        ui.dealtButton.setVisible(kind == "rule")
        for button in (ui.keepHubButton, ui.takeIncomingButton):
            button.setVisible(kind in ("field", "delete"))
        ui.openCaseButton.setVisible(bool(conflict and conflict.case_id))
        if conflict is None:
            ui.conflictWhat.clear()
            ui.hubValue.clear()
            ui.incomingValue.clear()
            return
        who = from_text(conflict)
        reference = conflict.case_reference or "No case"
        if kind == "rule":
            ui.conflictWhat.setText(f"{reference} — {what_text(conflict)}")
            return
        hub_text, incoming_text = side_texts(conflict)
        ui.hubValue.setPlainText(hub_text)
        ui.incomingValue.setPlainText(incoming_text)
        ui.incomingValueLabel.setText(f"F&rom {who}")
        ui.incomingValue.setAccessibleName(f"From {who}")
        if kind == "delete":
            ui.conflictWhat.setText(
                f"{reference} — {what_text(conflict)}. {who} deleted it; it was changed at the "
                "hub meanwhile, so the hub kept it."
            )
            self._first_choice, self._second_choice = "keep", "delete"
            _name_by_text(ui.keepHubButton, "&Keep it")
            _name_by_text(ui.takeIncomingButton, "&Delete it")
        else:
            ui.conflictWhat.setText(
                f"{reference} — {what_text(conflict)}. Changed at the hub and by {who} in "
                "different ways; the hub kept its value until you choose."
            )
            self._first_choice, self._second_choice = "hub", "incoming"
            _name_by_text(ui.keepHubButton, "&Keep the hub's value")
            _name_by_text(ui.takeIncomingButton, f"&Take the value from {who}")

    def _open_case(self) -> None:
        if self._conflict is not None and self._conflict.case_id:
            self.ctx.signals.open_case.emit(self._conflict.case_id, "")

    def _choose(self, choice: str) -> None:
        conflict = self._conflict
        if conflict is None:
            return
        note = self.ui.note.text() if conflict.kind == "rule" else ""
        set_message(self.ui.conflictMessage, "")

        vault = self.ctx.vault

        def work() -> None:
            sync.choose(vault, conflict.id, choice, note)

        def done(_result: Any) -> None:
            self.ui.note.clear()
            set_message(
                self.ui.conflictMessage,
                f"Settled here for {conflict.case_reference or 'the hub'}; the hub hears of it "
                f"at the next sync (Sync now, {SYNC_SHORTCUT}).",
            )
            self.load_conflicts()
            self.sync.refresh()
            if conflict.case_id:
                self.sync.cases_updated.emit([conflict.case_id])

        self.ctx.tasks.run(
            work,
            done,
            lambda error: set_message(self.ui.conflictMessage, sentence(error), error=True),
        )

    # -- lock ----------------------------------------------------------------------------------

    def clear(self) -> None:
        """Empty every widget that may show case text (conflicting values are case text)."""
        self.model.clear()
        self._show_conflict(None)
        self._show_conflict_list()
        for label in (self.ui.message, self.ui.enrolMessage, self.ui.conflictMessage):
            set_message(label, "")
        self.code_enrolment.clear()
        for label in (self.ui.hub, self.ui.connection, self.ui.waiting, self.ui.lastSync):
            label.clear()
        self.ui.states.setVisible(False)


def _name_by_text(button: QAbstractButton, text: str) -> None:
    """A button whose words change keeps a name that says them (voice control finds it)."""
    button.setText(text)
    button.setAccessibleName(text.replace("&", ""))
