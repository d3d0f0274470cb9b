"""The Risk & consent tab: risk and safety assessments, and each person's consent.

What is missing is said in the rules' own words (``rjdesk.domain.rules``), so the facilitator
reads here the same sentence a refused conference would give.
"""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QDate, QItemSelection, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QTableView, QWidget

from rjdesk.app import risk
from rjdesk.app.views import CaseView, ParticipantView
from rjdesk.domain import rules
from rjdesk.ui.case.pane import CasePane
from rjdesk.ui.case.risk.consent_dialog import ConsentChoice, ConsentDialog
from rjdesk.ui.case.risk.consent_tables import (
    AssessmentsModel,
    ConsentModel,
    anything_in_force,
    assessment_detail,
    consenting,
)
from rjdesk.ui.generated.risk_consent_pane_ui import Ui_RiskConsentPane
from rjdesk.ui.toolkit import style
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.form_check import refused_date, set_field_message
from rjdesk.ui.toolkit.messages import set_message
from rjdesk_protocol.enums import RiskLevel

# How many rows a table shows before it scrolls; fewer rows leave the space to what follows.
_ASSESSMENT_ROWS = 3
_CONSENT_ROWS = 8


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _fit_height(view: QTableView, most_rows: int) -> None:
    """Make a table as tall as its rows (up to ``most_rows``), so the buttons under it sit
    next to it rather than at the bottom of the window."""
    view.resizeRowsToContents()
    rows = min(view.model().rowCount(), most_rows)
    height = (
        sum(view.rowHeight(row) for row in range(rows))
        or view.verticalHeader().defaultSectionSize()
    )
    height += view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth()
    view.setFixedHeight(height)


class RiskConsentPane(CasePane):
    """Record risk assessments and consent given or withdrawn; see what is still missing."""

    key = "risk"
    title = "Risk && consent"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setAccessibleName("Risk and consent")
        self.ui = ui = Ui_RiskConsentPane()
        ui.setupUi(self)
        self.assessments = AssessmentsModel(self)
        self.consents = ConsentModel(self)
        self.dialog: ConsentDialog | None = None
        self._shown_case = ""
        self._levels = {
            ui.lowRadio: RiskLevel.LOW,
            ui.mediumRadio: RiskLevel.MEDIUM,
            ui.highRadio: RiskLevel.HIGH,
        }
        for radio, level in self._levels.items():
            radio.setStyleSheet(style.risk_style(level.value))
        for heading in (ui.riskHeading, ui.consentHeading):
            heading.setStyleSheet(style.heading_style(1.15))
        ui.newHeading.setStyleSheet("font-weight: 600;")
        ui.newHeading.setContentsMargins(0, 8, 0, 0)  # sets the form apart from the list above
        ui.assessments.setModel(self.assessments)
        ui.consents.setModel(self.consents)
        header = ui.assessments.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        consent_header = ui.consents.horizontalHeader()
        consent_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        consent_header.setSectionResizeMode(ConsentModel.PERSON, QHeaderView.ResizeMode.Stretch)
        consent_header.setStretchLastSection(False)
        ui.consents.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        ui.assessments.selectionModel().selectionChanged.connect(self._show_assessment)
        # Rows change height once the columns know their widths: fit the tables again then.
        for view in (ui.assessments, ui.consents):
            view.horizontalHeader().sectionResized.connect(lambda *_: self._fit_tables())
        # Let the tab's own background show through the scroll area, as on the consent side.
        ui.riskScroll.viewport().setAutoFillBackground(False)
        ui.riskContents.setAutoFillBackground(False)
        ui.consents.doubleClicked.connect(lambda _index: self.open_give_consent())
        ui.splitter.setStretchFactor(0, 2)
        ui.splitter.setStretchFactor(1, 3)
        # The consent table needs the width (five columns); the form is happy narrower.
        ui.splitter.setSizes([400, 700])
        ui.saveRiskButton.clicked.connect(self.save)
        ui.giveConsentButton.clicked.connect(self.open_give_consent)
        ui.withdrawConsentButton.clicked.connect(self.open_withdraw_consent)
        set_message(ui.riskMessage, "")

    # -- showing the case ----------------------------------------------------------------------

    def refresh_view(self) -> None:
        assert self.snapshot is not None
        case, today = self.snapshot.case, self.snapshot.today
        ui = self.ui
        ui.assessedOn.setMaximumDate(_qdate(today))
        if self._shown_case != case.id:
            # A new case starts with an empty form; a reload of the same case keeps what is typed.
            self._shown_case = case.id
            self._reset_form()
        ui.assessedBy.setPlaceholderText(f"{self.ctx.vault.facilitator_name()} (you)")
        self.assessments.set_rows(case.risk_assessments)
        for widget in (ui.assessments, ui.assessmentsLabel):
            widget.setVisible(self.assessments.rowCount() > 0)
        if self.assessments.rowCount():
            ui.assessments.selectRow(0)
        else:
            ui.assessmentDetail.setText("No risk assessment has been recorded yet.")
        selected = self._selected_person()
        self.consents.show(case.participants, today)
        row = self.consents.row_of(selected) if selected else -1
        if row >= 0:
            ui.consents.selectRow(row)
        self._fit_tables()
        ui.consentGaps.setText(self._gaps_text(case, today))
        ui.giveConsentButton.setEnabled(self.consents.rowCount() > 0)
        ui.withdrawConsentButton.setEnabled(
            any(anything_in_force(p, today) for p in consenting(case.participants))
        )

    def _fit_tables(self) -> None:
        _fit_height(self.ui.assessments, _ASSESSMENT_ROWS)
        _fit_height(self.ui.consents, _CONSENT_ROWS)

    @staticmethod
    def _gaps_text(case: CaseView, today: date) -> str:
        people = consenting(case.participants)
        parties = [gap for p in people if p.role.is_party for gap in rules.consent_gaps(p, today)]
        supporters = [
            gap for p in people if not p.role.is_party for gap in rules.consent_gaps(p, today)
        ]
        if not people:
            return "Nobody who needs to consent is recorded yet (add people on the People tab)."
        if not parties and not supporters:
            return "Everyone taking part has consented to take part."
        lines = []
        if parties:
            lines += [
                "<b>Missing now</b>",
                *(f"• {html.escape(gap, quote=False)}" for gap in parties),
            ]
        if supporters:
            lines += [
                "<b>Supporters need it too if they attend</b>",
                *(f"• {html.escape(gap, quote=False)}" for gap in supporters),
            ]
        return "<br>".join(lines)

    def _show_assessment(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.ui.assessments.selectionModel().selectedRows()
        if rows:
            self.ui.assessmentDetail.setText(
                assessment_detail(self.assessments.assessment(rows[0].row()))
            )

    def _selected_person(self) -> str | None:
        rows = self.ui.consents.selectionModel().selectedRows()
        return self.consents.participant_id(rows[0].row()) if rows else None

    # -- the risk assessment form ----------------------------------------------------------------

    def _level(self) -> RiskLevel | None:
        return next((level for radio, level in self._levels.items() if radio.isChecked()), None)

    def _reset_form(self) -> None:
        ui = self.ui
        today = self.snapshot.today if self.snapshot is not None else self.ctx.today()
        ui.assessedOn.setDate(_qdate(today))
        # An exclusive group never lets its last button go unchecked; no level is the honest
        # start, so the facilitator must choose one.
        ui.levelGroup.setExclusive(False)
        for radio in self._levels:
            radio.setChecked(False)
        ui.levelGroup.setExclusive(True)
        ui.factors.clear()
        ui.riskNotes.clear()
        ui.assessedBy.clear()

    def focus_work(self) -> None:
        """The assessment's level (arrows choose it), not the list of earlier ones."""
        level = next((radio for radio in self._levels if radio.isChecked()), self.ui.lowRadio)
        level.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        """Ctrl+S: save the risk assessment being written."""
        ui = self.ui
        # Save is greyed out while the last one is being saved: Ctrl+S must not save it twice.
        if self.snapshot is None or not ui.saveRiskButton.isEnabled():
            return
        if refused_date(ui.assessedOn, message=ui.riskMessage):
            return
        level = self._level()
        if level is None:
            set_field_message(
                ui.riskMessage, "Choose the risk level: low, medium or high.", ui.lowRadio
            )
            ui.lowRadio.setFocus()
            return
        factors = [line.strip() for line in ui.factors.toPlainText().splitlines() if line.strip()]
        on: date = ui.assessedOn.date().toPython()  # type: ignore[assignment]
        notes, by = ui.riskNotes.toPlainText(), ui.assessedBy.text().strip() or None
        vault, case_id = self.ctx.vault, self.case.id

        def done(_result: object) -> None:
            self._reset_form()
            if not factors:
                set_message(
                    ui.riskMessage,
                    "Saved. Add the factors considered in a new "
                    "assessment for it to count as completed.",
                )

        self.apply(
            lambda: risk.record_risk_assessment(
                vault,
                case_id,
                assessed_on=on,
                level=level,
                factors=factors,
                notes=notes,
                assessed_by=by,
            ),
            done,
            message=ui.riskMessage,
            disable=[ui.saveRiskButton],
        )

    # -- consent -------------------------------------------------------------------------------

    def open_give_consent(self) -> ConsentDialog | None:
        return self._open_dialog(withdraw=False)

    def open_withdraw_consent(self) -> ConsentDialog | None:
        return self._open_dialog(withdraw=True)

    def _open_dialog(self, *, withdraw: bool) -> ConsentDialog | None:
        if self.snapshot is None:
            return None
        self._close_dialog()
        dialog = ConsentDialog(
            self.snapshot, withdraw=withdraw, selected=self._selected_person(), parent=self
        )
        dialog.submitted.connect(lambda choice: self._save_consent(dialog, choice))
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _save_consent(self, dialog: ConsentDialog, choice: ConsentChoice) -> None:
        vault, case_id = self.ctx.vault, self.case.id
        person, giver, scopes = choice.participant_id, choice.given_by_id, list(choice.scopes)
        withdraw = dialog.withdraw
        save = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save)

        def work() -> ParticipantView:
            if withdraw:
                return risk.withdraw_consent(
                    vault,
                    case_id,
                    person,
                    withdrawn_on=choice.on,
                    scopes=scopes,
                    note=choice.note,
                    given_by_id=giver,
                )
            return risk.give_consent(
                vault, case_id, person, scopes=scopes, given_on=choice.on, given_by_id=giver
            )

        def done(_result: object) -> None:
            if self.dialog is dialog:  # not cancelled (and cleared) while saving
                dialog.done(QDialog.DialogCode.Accepted)

        self.apply(work, done, message=dialog.ui.message, disable=[save])

    def _forget_dialog(self, dialog: ConsentDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.clear()
        # A save still running answers into the dialog: delete it after that answer.
        self.ctx.tasks.delete_when_answered(dialog)

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()

    # -- locking ----------------------------------------------------------------------------

    def drafts(self) -> dict[str, str]:
        found = {
            "risk_factors": self.ui.factors.toPlainText(),
            "risk_notes": self.ui.riskNotes.toPlainText(),
            "risk_assessed_by": self.ui.assessedBy.text(),
        }
        if self.dialog is not None and self.dialog.withdraw:
            found["withdrawal_note"] = self.dialog.ui.note.toPlainText()
        return found

    def restore_drafts(self, drafts: dict[str, str]) -> None:
        self.ui.factors.setPlainText(drafts.get("risk_factors", ""))
        self.ui.riskNotes.setPlainText(drafts.get("risk_notes", ""))
        self.ui.assessedBy.setText(drafts.get("risk_assessed_by", ""))
        note = drafts.get("withdrawal_note", "")
        if note:
            dialog = self.open_withdraw_consent()
            if dialog is not None:
                dialog.ui.note.setPlainText(note)

    def clear(self) -> None:
        self._close_dialog()
        self._reset_form()
        self._shown_case = ""
        self.ui.assessedBy.setPlaceholderText("")
        self.assessments.set_rows([])
        self.consents.show([], date.min)
        for label in (self.ui.assessmentDetail, self.ui.consentGaps):
            label.clear()
        set_message(self.ui.riskMessage, "")
