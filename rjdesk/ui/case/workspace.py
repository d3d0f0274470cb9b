"""A case on screen: the header (reference, stage, risk, Victims' Code, the next step) and
its tabs. Every change made in a tab reloads the case, and every tab shows the same snapshot."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from rjdesk.app import closing
from rjdesk.app import documents as app_documents
from rjdesk.app.cases import CaseSnapshot, open_case
from rjdesk.app.views import ParticipantView
from rjdesk.ui.case.agreement.tab import AgreementPane
from rjdesk.ui.case.contacts.tab import ContactsPane
from rjdesk.ui.case.documents.tab import DocumentsPane
from rjdesk.ui.case.history.tab import HistoryPane
from rjdesk.ui.case.outcomes.tab import OutcomesPane
from rjdesk.ui.case.overview.tab import OverviewPane
from rjdesk.ui.case.pane import CasePane
from rjdesk.ui.case.pdf_actions import Then, generate
from rjdesk.ui.case.people.tab import PeoplePane
from rjdesk.ui.case.risk.tab import RiskConsentPane
from rjdesk.ui.generated.case_workspace_ui import Ui_CaseWorkspace
from rjdesk.ui.toolkit import style
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.dates import day_text
from rjdesk.ui.toolkit.icons import icon
from rjdesk.ui.toolkit.labels import case_type_label, flag_label, stage_label
from rjdesk.ui.toolkit.messages import show_error
from rjdesk_protocol.enums import Stage
from rjdesk_protocol.victims_code import VictimsCodeState, VictimsCodeStatus

PANES: tuple[type[CasePane], ...] = (
    OverviewPane,
    PeoplePane,
    RiskConsentPane,
    ContactsPane,
    AgreementPane,
    DocumentsPane,
    OutcomesPane,
    HistoryPane,
)


def _and(names: Sequence[str]) -> str:
    """ "Ann", "Ann and Bob", "Ann, Bob and Cy"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _victims_code_line(statuses: Sequence[tuple[ParticipantView, VictimsCodeStatus]]) -> str:
    """The header's short form, naming every harmed person (what needs doing first); the full
    sentence for each is in the tooltip and on the People tab."""
    if not statuses:
        return ""
    named: dict[VictimsCodeState, list[str]] = {}
    for person, status in statuses:
        named.setdefault(status.state, []).append(person.name)
    # One referral date, so one deadline for everyone in the case.
    due = day_text(statuses[0][1].deadline)
    parts = []
    if missing := named.get(VictimsCodeState.MISSING):
        parts.append(f"RJ information for {_and(missing)} was due {due}")
    if pending := named.get(VictimsCodeState.PENDING):
        parts.append(f"RJ information for {_and(pending)} due by {due}")
    if late := named.get(VictimsCodeState.LATE):
        parts.append(f"RJ information reached {_and(late)} late")
    if (met := named.get(VictimsCodeState.MET)) and parts:
        parts.append(f"given to {_and(met)} in time")
    if not parts:
        return "Victims' Code: met"
    heading = "Victims' Code overdue" if missing else "Victims' Code"
    return f"{heading}: {'; '.join(parts)}"


class CaseWorkspace(QWidget):
    back_requested = Signal()

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = Ui_CaseWorkspace()
        self.ui.setupUi(self)
        self.case_id: str | None = None
        self.snapshot: CaseSnapshot | None = None
        self._wanted_pane = ""
        self._pending_drafts: dict[str, str] = {}
        self.panes = [pane_class(ctx) for pane_class in PANES]
        for pane in self.panes:
            self.ui.tabs.addTab(pane, pane.title)
        self.ui.reference.setStyleSheet(style.heading_style(1.5))
        self.ui.backButton.setIcon(icon("back"))
        self.ui.backButton.clicked.connect(self.back_requested)
        self.ui.nextButton.clicked.connect(self._next_step)
        self.ui.summaryButton.clicked.connect(self.case_summary)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        # Ctrl+PgDown / Ctrl+PgUp between the tabs, as docs/ui-conventions.md promises (Qt's
        # tab widget answers Ctrl+Tab only).
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda step=step: self._next_tab(step))
        ctx.signals.case_changed.connect(self._changed)

    # -- opening and reloading --------------------------------------------------------------

    def open(self, case_id: str, pane: str = "", *, drafts: dict[str, str] | None = None) -> None:
        if not case_id:
            return
        if case_id != self.case_id:
            self.clear()
        self.case_id = case_id
        self._wanted_pane = pane
        self._pending_drafts = {
            key.split("/", 1)[1]: text
            for key, text in (drafts or {}).items()
            if key.startswith(f"{case_id}/")
        }
        self._load(viewed=True)

    def _changed(self, case_id: str) -> None:
        if case_id == self.case_id:
            self._load(viewed=False)

    def reload_keeping_typing(self) -> None:
        """The case changed elsewhere (the hub sent changes): show it as it is now, with any
        text typed here and not saved yet put back where it was, as after an unlock."""
        if self.case_id is not None:
            self._load(viewed=False, keep_typing=True)

    def _load(self, *, viewed: bool, keep_typing: bool = False) -> None:
        case_id, today = self.case_id, self.ctx.today()
        assert case_id is not None
        self.ctx.tasks.run(
            lambda: open_case(self.ctx.vault, case_id, today, viewed=viewed),
            lambda snapshot: self._show(snapshot, keep_typing=keep_typing),
            lambda error: show_error(self, error),
        )

    def _show(self, snapshot: CaseSnapshot, *, keep_typing: bool = False) -> None:
        if snapshot.case.id != self.case_id:
            return  # another case was opened meanwhile
        if keep_typing:  # taken now, not when the reload was asked: typing may have gone on
            self._pending_drafts |= {
                key.split("/", 1)[1]: text for key, (_case, text) in self.drafts().items()
            }
            self._wanted_pane = self._wanted_pane or self.current_pane()
        self.snapshot = snapshot
        self._fill_header(snapshot)
        for pane in self.panes:
            pane.show_case(snapshot)
        if self._pending_drafts:
            for pane in self.panes:
                prefix = f"{pane.key}/"
                mine = {
                    k[len(prefix) :]: v
                    for k, v in self._pending_drafts.items()
                    if k.startswith(prefix)
                }
                if mine:
                    pane.restore_drafts(mine)
            self._pending_drafts = {}
        if self._wanted_pane:
            self.show_pane(self._wanted_pane)
            self._wanted_pane = ""

    def _fill_header(self, snapshot: CaseSnapshot) -> None:
        case = snapshot.case
        ui = self.ui
        ui.reference.setText(case.reference)
        ui.caseType.setText(case_type_label(case.case_type))
        closed = f" ({case.closure_reason.replace('_', ' ')})" if case.closure_reason else ""
        ui.stage.setText(f"Stage: {stage_label(case.stage)}{closed}")
        level = case.risk_level.value if case.risk_level else None
        ui.risk.setText(f"Risk: {level.upper()}" if level else "Risk: not assessed")
        ui.risk.setStyleSheet(style.risk_style(level))
        ui.victimsCode.setText(_victims_code_line(case.victims_code))
        ui.victimsCode.setToolTip(
            "\n".join(f"{p.name}: {s.describe()}" for p, s in case.victims_code)
        )
        ui.victimsCode.setStyleSheet(
            f"color: {style.colour('error')}; font-weight: 600;"
            if case.victims_code_breached
            else ""
        )
        ui.flags.setText(" · ".join(flag_label(f) for f in case.flags))
        step = snapshot.next
        ui.nextButton.setVisible(step is not None)
        if step is not None:
            ui.nextButton.setText(step.label)
            # Named by what it shows ("Follow up the actions"), so voice control finds it.
            ui.nextButton.setAccessibleName(step.label.replace("&", ""))
            ui.nextButton.setToolTip(step.why)

    def _next_step(self) -> None:
        snapshot = self.snapshot
        if snapshot is None or snapshot.next is None:
            return
        step = snapshot.next
        if step.stage is not None:
            target: Stage = step.stage
            vault, case_id = self.ctx.vault, snapshot.case.id
            overview = self.panes[0]
            overview.apply(lambda: closing.change_stage(vault, case_id, target))
        self.show_pane(step.pane)
        # "Record the risk assessment" takes the keyboard there too, not only the eyes; a move
        # of stage leaves it on this button, which now offers the step after.
        pane = self.ui.tabs.currentWidget()
        if step.stage is None and isinstance(pane, CasePane) and pane.key == step.pane:
            pane.focus_work()

    def case_summary(self) -> None:
        """The case summary as a PDF (made and filed on the case), in the preview."""
        if self.case_id is not None:
            generate(
                self.ctx, self, self.case_id, app_documents.file_case_summary_pdf, Then.PREVIEW
            )

    # -- panes ------------------------------------------------------------------------------

    def show_pane(self, key: str) -> None:
        for index, pane in enumerate(self.panes):
            if pane.key == key:
                self.ui.tabs.setCurrentIndex(index)

    def _next_tab(self, step: int) -> None:
        tabs = self.ui.tabs
        tabs.setCurrentIndex((tabs.currentIndex() + step) % tabs.count())

    def focus_tabs(self) -> None:
        """The keyboard on the tab bar: arrows and Ctrl+Tab change tab, Tab enters the tab."""
        self.ui.tabs.tabBar().setFocus(Qt.FocusReason.OtherFocusReason)

    def current_pane(self) -> str:
        widget = self.ui.tabs.currentWidget()
        return widget.key if isinstance(widget, CasePane) else ""

    def save(self) -> None:
        widget = self.ui.tabs.currentWidget()
        if isinstance(widget, CasePane) and self.snapshot is not None:
            widget.save()

    def drafts(self) -> dict[str, tuple[str | None, str]]:
        if self.case_id is None:
            return {}
        return {
            f"{self.case_id}/{pane.key}/{name}": (self.case_id, text)
            for pane in self.panes
            for name, text in pane.drafts().items()
            if text.strip()
        }

    def clear(self) -> None:
        for label in (
            self.ui.reference,
            self.ui.caseType,
            self.ui.stage,
            self.ui.risk,
            self.ui.victimsCode,
            self.ui.flags,
        ):
            label.clear()
        # The next step was this case's: its words, name and tip go with it.
        self.ui.nextButton.hide()
        self.ui.nextButton.setText("")
        self.ui.nextButton.setAccessibleName("")
        self.ui.nextButton.setToolTip("")
        self.ui.victimsCode.setToolTip("")
        for pane in self.panes:
            pane.clear()
            pane.snapshot = None
        self.snapshot = None
        self.case_id = None
