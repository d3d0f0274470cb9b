"""Overview: the referral (editable), flags, the stage with its history, closing, safeguarding.

The stage buttons say before they are pressed what the next stage still needs, in the rules'
own words ("Łukasz Nowak (harmed and responsible) has not given consent to take part").
"""

from __future__ import annotations

from datetime import time
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QWidget,
)

from rjdesk.app import closing, risk
from rjdesk.app.views import CaseView, SafeguardingView, StageChangeView
from rjdesk.domain import rules
from rjdesk.ui.case.overview.closing import CloseCaseDialog, reopen_dialog
from rjdesk.ui.case.overview.origin import CameFrom
from rjdesk.ui.case.pane import CasePane
from rjdesk.ui.generated.overview_pane_ui import Ui_OverviewPane
from rjdesk.ui.generated.safeguarding_dialog_ui import Ui_SafeguardingDialog
from rjdesk.ui.toolkit import style
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.dates import day_text, from_qdate, moment_text, to_qdate
from rjdesk.ui.toolkit.form_check import refused_date
from rjdesk.ui.toolkit.labels import (
    CASE_TYPES,
    CHANNELS,
    CLOSURE_REASONS,
    SAFEGUARDING_KINDS,
    SOURCES,
    STAGES,
    stage_label,
)  # fmt: skip
from rjdesk.ui.toolkit.messages import set_message
from rjdesk.ui.toolkit.reason_dialog import ReasonDialog
from rjdesk.ui.toolkit.rows_model import Column, RowsModel
from rjdesk.ui.toolkit.screen import fit_dialog
from rjdesk_protocol.calendar import LONDON
from rjdesk_protocol.enums import (
    CaseType,
    Channel,
    Flag,
    ReferralSource,
    SafeguardingKind,
    Stage,
)


def _fill(combo: QComboBox, items: dict[Any, str]) -> None:
    combo.clear()
    for value, label in items.items():
        combo.addItem(label, value.value)


def _select(combo: QComboBox, value: str) -> None:
    combo.setCurrentIndex(max(0, combo.findData(value)))


def _when(moment: Any) -> str:
    # A step an imported file dates by its day alone starts at London midnight: show the day,
    # not a time of 00:00 nobody recorded.
    local = moment.astimezone(LONDON) if moment.tzinfo is not None else moment
    if local.time() == time(0, 0):
        return day_text(local.date())
    return moment_text(moment)


class OverviewPane(CasePane):
    key = "overview"
    title = "Overview"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_OverviewPane()
        self.ui.setupUi(self)
        ui = self.ui
        self.came_from = CameFrom(ui.referralForm, ui.referralBox)
        _fill(ui.caseType, CASE_TYPES)
        _fill(ui.source, SOURCES)
        _fill(ui.channel, CHANNELS)
        self.flag_boxes: dict[Flag, QCheckBox] = {
            Flag.HATE_CRIME: ui.flagHateCrime, Flag.NOISE_NUISANCE: ui.flagNoise,
            Flag.SAFEGUARDING_CHILD: ui.flagChild, Flag.SAFEGUARDING_ADULT: ui.flagAdult,
            Flag.DOMESTIC_ABUSE: ui.flagDomestic, Flag.REPEAT_REFERRAL: ui.flagRepeat,
        }  # fmt: skip
        ui.incidentKnown.toggled.connect(ui.incidentDate.setEnabled)
        ui.saveReferral.clicked.connect(self.save)
        ui.moveOn.clicked.connect(lambda: self._move(forward=True))
        ui.moveBack.clicked.connect(lambda: self._move(forward=False))
        ui.closeCase.clicked.connect(self._close)
        ui.reopenCase.clicked.connect(self._reopen)
        self.reopen_dialog: ReasonDialog | None = None
        ui.recordConcern.clicked.connect(self._record_concern)
        self.history: RowsModel[StageChangeView] = RowsModel(
            [
                Column[StageChangeView]("When", lambda s: _when(s.changed_at)),
                Column[StageChangeView]("Stage", lambda s: (
                    f"{stage_label(s.from_stage)} → {stage_label(s.to_stage)}"
                    if s.from_stage else stage_label(s.to_stage))),
                Column[StageChangeView]("By", lambda s: s.changed_by),
                Column[StageChangeView]("Note", lambda s: s.note, tooltip=lambda s: s.note),
            ]
        )  # fmt: skip
        ui.history.setModel(self.history)
        self.concerns: RowsModel[SafeguardingView] = RowsModel(
            [
                Column[SafeguardingView]("When", lambda c: _when(c.raised_at)),
                Column[SafeguardingView]("Kind", lambda c: SAFEGUARDING_KINDS[c.kind]),
                Column[SafeguardingView]("Concern and what was done", lambda c: (
                    f"{c.concern} — {c.action_taken}"
                    + (f" (passed to {c.passed_to})" if c.passed_to else "")),
                    tooltip=lambda c: f"{c.concern}\n\nDone: {c.action_taken}"),
            ]
        )  # fmt: skip
        ui.safeguarding.setModel(self.concerns)
        for view, widths in ((ui.history, (115, 175, 105)), (ui.safeguarding, (115, 130))):
            for column, width in enumerate(widths):
                view.setColumnWidth(column, width)
        set_message(ui.referralMessage, "")
        set_message(ui.stageMessage, "")

    # -- showing ------------------------------------------------------------------------------

    def refresh_view(self) -> None:
        case, ui = self.case, self.ui
        self.came_from.show(case)
        _select(ui.caseType, case.case_type.value)
        # Neither day can be in the future (the service refuses it): the field says so as
        # it is typed, and its calendar does not offer those days.
        today = to_qdate(self.snapshot.today if self.snapshot else case.received_on)
        for field in (ui.receivedOn, ui.incidentDate):
            field.setMaximumDate(max(today, to_qdate(case.received_on)))
        ui.receivedOn.setDate(to_qdate(case.received_on))
        _select(ui.source, case.source.value)
        _select(ui.channel, case.channel.value)
        ui.referrerName.setText(case.referrer_name or "")
        ui.referrerOrganisation.setText(case.referrer_organisation or "")
        ui.referrerPhone.setText(case.referrer_phone or "")
        ui.referrerEmail.setText(case.referrer_email or "")
        ui.crimeReference.setText(case.crime_reference or "")
        ui.incidentKnown.setChecked(case.incident_date is not None)
        ui.incidentDate.setEnabled(case.incident_date is not None)
        ui.incidentDate.setDate(to_qdate(case.incident_date or case.received_on))
        ui.location.setText(case.location or "")
        ui.summary.setPlainText(case.summary)
        for flag, box in self.flag_boxes.items():
            box.setChecked(flag.value in case.flags)
        self.history.set_rows(list(reversed(case.stage_changes)))
        self.concerns.set_rows(list(reversed(case.safeguarding)))
        self._show_stage(case)
        # A closed case's referral is history; a safeguarding disclosure can still come later.
        ui.referralBox.setEnabled(case.stage != Stage.CLOSED)

    def _show_stage(self, case: CaseView) -> None:
        ui = self.ui
        closed = case.stage == Stage.CLOSED
        reason = f": {CLOSURE_REASONS[case.closure_reason]}" if case.closure_reason else ""
        ui.stageNow.setText(f"Now at {STAGES[case.stage]}{reason}")
        ui.stageNow.setStyleSheet(style.heading_style(1.15))
        order = list(Stage)
        following = order[case.stage.order + 1] if case.stage.order + 1 < len(order) else None
        previous = order[case.stage.order - 1] if case.stage.order > 0 else None
        can_move_on = following is not None and following != Stage.CLOSED
        ui.moveOn.setVisible(can_move_on and not closed)
        ui.moveBack.setVisible(previous is not None and not closed)
        ui.closeCase.setVisible(not closed)
        ui.reopenCase.setVisible(closed)
        if can_move_on and following is not None:
            ui.moveOn.setText(f"Move to {STAGES[following]}")
            ui.moveOn.setAccessibleName(ui.moveOn.text())  # voice control says what it sees
            blockers = case.blockers_to(following)
            ui.stageBlockers.setText(
                f"Before {STAGES[following]}:\n" + "\n".join(f"• {b}" for b in blockers)
                if blockers else f"Ready for {STAGES[following]}."
            )  # fmt: skip
        else:
            ui.stageBlockers.setText("")
        if previous is not None:
            ui.moveBack.setText(f"Back to {STAGES[previous]}")
            ui.moveBack.setAccessibleName(ui.moveBack.text())

    # -- changing -----------------------------------------------------------------------------

    def save(self) -> None:
        """Save the referral details and flags (Ctrl+S)."""
        ui, case = self.ui, self.case
        if refused_date(ui.referralBox, message=ui.referralMessage):
            return
        wanted: dict[str, Any] = {
            "case_type": CaseType(ui.caseType.currentData()),
            "received_on": from_qdate(ui.receivedOn.date()),
            "source": ReferralSource(ui.source.currentData()),
            "channel": Channel(ui.channel.currentData()),
            "referrer_name": ui.referrerName.text().strip() or None,
            "referrer_organisation": ui.referrerOrganisation.text().strip() or None,
            "referrer_phone": ui.referrerPhone.text().strip() or None,
            "referrer_email": ui.referrerEmail.text().strip() or None,
            "crime_reference": ui.crimeReference.text().strip() or None,
            "incident_date": from_qdate(ui.incidentDate.date()) if ui.incidentKnown.isChecked()
            else None,
            "location": ui.location.text().strip() or None,
            "summary": ui.summary.toPlainText().strip(),
        }  # fmt: skip
        changes = {k: v for k, v in wanted.items() if getattr(case, k) != v}
        flags = sorted(f.value for f, box in self.flag_boxes.items() if box.isChecked())
        flags_changed = flags != sorted(case.flags)
        if not changes and not flags_changed:
            set_message(ui.referralMessage, "Nothing to save.")
            return

        vault, case_id = self.ctx.vault, case.id
        wanted_flags = [Flag(f) for f in flags] if flags_changed else None
        self.apply(lambda: closing.update_referral(vault, case_id, changes, flags=wanted_flags),
                   lambda _: set_message(ui.referralMessage, "Saved."),
                   message=ui.referralMessage, disable=[ui.saveReferral])  # fmt: skip

    def _move(self, *, forward: bool) -> None:
        order = list(Stage)
        step = 1 if forward else -1
        target = order[self.case.stage.order + step]
        vault, case_id, ui = self.ctx.vault, self.case.id, self.ui
        self.apply(lambda: closing.change_stage(vault, case_id, target),
                   message=ui.stageMessage, disable=[ui.moveOn, ui.moveBack])  # fmt: skip

    def _close(self) -> None:
        dialog = CloseCaseDialog(self.ctx.today(), self, case=self.case)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        reason, closed_on, note = dialog.values()
        vault, case_id = self.ctx.vault, self.case.id
        self.apply(
            lambda: closing.close_case(vault, case_id, reason, closed_on=closed_on, note=note),
            message=self.ui.stageMessage,
            disable=[self.ui.closeCase],
        )

    def _reopen(self) -> None:
        if self.reopen_dialog is not None:
            return
        dialog = reopen_dialog(self.case, self)
        self.reopen_dialog = dialog
        vault, case_id, ui = self.ctx.vault, self.case.id, self.ui

        def reopened(stage: Stage) -> None:
            set_message(ui.stageMessage, f"Reopened: back at {STAGES[stage]}.")
            dialog.accept()

        def submitted(reason: str) -> None:
            self.apply(
                lambda: closing.reopen_case(vault, case_id, reason),
                reopened,
                message=dialog.ui.message,
                disable=[dialog.accept_button],
            )

        def finished() -> None:
            self.reopen_dialog = None
            dialog.deleteLater()

        dialog.submitted.connect(submitted)
        dialog.finished.connect(finished)
        dialog.open()

    def _record_concern(self) -> None:
        dialog = SafeguardingDialog(self.case, self)
        dialog.submitted.connect(lambda values: self._save_concern(dialog, values))
        dialog.open()

    def _save_concern(self, dialog: SafeguardingDialog, values: dict[str, Any]) -> None:
        vault, case_id = self.ctx.vault, self.case.id
        ok = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply(
            lambda: risk.record_safeguarding_concern(
                vault, case_id, kind=values["kind"], concern=values["concern"],
                action_taken=values["action_taken"], passed_to=values["passed_to"],
                participant_id=values["participant"] or None,
            ),
            lambda _: dialog.accept(), message=dialog.ui.message, disable=[ok],
        )  # fmt: skip

    # -- lock -------------------------------------------------------------------------------

    def _line_edits(self) -> dict[str, QLineEdit]:
        """The referral's one-line text fields, by the case's attribute each one shows."""
        ui = self.ui
        return {
            "referrer_name": ui.referrerName,
            "referrer_organisation": ui.referrerOrganisation,
            "referrer_phone": ui.referrerPhone,
            "referrer_email": ui.referrerEmail,
            "crime_reference": ui.crimeReference,
            "location": ui.location,
        }

    def drafts(self) -> dict[str, str]:
        if self.snapshot is None:
            return {}
        found = {
            name: field.text()
            for name, field in self._line_edits().items()
            if field.text().strip() != (getattr(self.case, name) or "")
        }
        summary = self.ui.summary.toPlainText()
        if summary.strip() != self.case.summary:
            found["summary"] = summary
        return found

    def restore_drafts(self, drafts: dict[str, str]) -> None:
        if "summary" in drafts:
            self.ui.summary.setPlainText(drafts["summary"])
        for name, field in self._line_edits().items():
            if name in drafts:
                field.setText(drafts[name])

    def clear(self) -> None:
        ui = self.ui
        if self.reopen_dialog is not None:
            self.reopen_dialog.reject()  # its reason is case text
        for field in (ui.referrerName, ui.referrerOrganisation, ui.referrerPhone,
                      ui.referrerEmail, ui.crimeReference, ui.location):  # fmt: skip
            field.clear()
        ui.summary.clear()
        for label in (ui.stageNow, ui.stageBlockers, ui.referralMessage, ui.stageMessage):
            label.clear()
        self.history.clear()
        self.concerns.clear()


class SafeguardingDialog(QDialog):
    """Stays open until the concern is saved, so a refusal can be corrected in place."""

    submitted = Signal(dict)

    def __init__(self, case: CaseView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SafeguardingDialog()
        self.ui.setupUi(self)
        fit_dialog(self)  # never larger than the screen it opens on
        _fill(self.ui.kind, SAFEGUARDING_KINDS)
        self.ui.person.addItem("No one in particular", "")
        for participant in case.participants:
            self.ui.person.addItem(rules.describe(participant), participant.id)
        set_message(self.ui.message, "")
        self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Record concern")
        self.ui.buttons.accepted.connect(self._submit)
        self.ui.buttons.rejected.connect(self.reject)

    def _submit(self) -> None:
        self.submitted.emit(
            {
                "kind": SafeguardingKind(self.ui.kind.currentData()),
                "participant": self.ui.person.currentData(),
                "concern": self.ui.concern.toPlainText(),
                "action_taken": self.ui.actionTaken.toPlainText(),
                "passed_to": self.ui.passedTo.text(),
            }
        )

    def done(self, result: int) -> None:
        self.ui.concern.clear()
        self.ui.actionTaken.clear()
        super().done(result)
