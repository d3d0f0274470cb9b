"""Closing put right on the Overview tab (issue 13): the close dialog has no reason chosen
until the facilitator picks one and warns of actions still pending; a closed case is
reopened with a reason, back at its stage, its signed agreement as it was. Real vault, real
widgets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rjdesk.app import closing
from rjdesk.app.cases import open_case
from rjdesk.domain.models import AuditEvent
from rjdesk.store.vault import Vault
from rjdesk.ui.case.overview.closing import CloseCaseDialog
from rjdesk.ui.case.overview.tab import OverviewPane
from rjdesk.ui.toolkit.context import UiContext
from rjdesk_protocol.enums import AgreementStatus, ClosureReason, Stage
from tests.conftest import TODAY
from tests.ui.conftest import reload_on_change, show, wait_for_db


def _pane(ctx: UiContext, case_id: str, qtbot: QtBot) -> OverviewPane:
    pane = OverviewPane(ctx)
    qtbot.addWidget(pane)
    reload_on_change(pane, ctx)
    show(pane, ctx, case_id)
    pane.resize(1100, 700)
    pane.show()
    return pane


def test_closing_has_no_reason_chosen_and_warns_of_pending_actions(
    ctx: UiContext, neighbour_case: str, qtbot: QtBot, tmp_path: Path
) -> None:
    pane = _pane(ctx, neighbour_case, qtbot)
    pending, total = closing.pending_actions(pane.case)
    assert pending > 0
    dialog = CloseCaseDialog(date(2026, 11, 20), pane, case=pane.case)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(tmp_path / "close-case.png"))
    assert dialog.ui.reason.currentIndex() == -1
    assert dialog.ui.reason.currentText() == ""
    assert not dialog.close_button.isEnabled(), "no reason chosen: nothing to close with"
    dialog.accept()
    assert dialog.result() != dialog.DialogCode.Accepted and dialog.isVisible()
    verb = "is" if pending == 1 else "are"
    assert dialog.ui.pendingWarning.isVisible()
    assert dialog.ui.pendingWarning.text().startswith(
        f"{pending} of {total} agreed actions {verb} still pending"
    )
    dialog.ui.reason.setCurrentIndex(dialog.ui.reason.findData(ClosureReason.COMPLETED.value))
    assert dialog.close_button.isEnabled()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    assert dialog.values()[0] == ClosureReason.COMPLETED


def test_closing_a_case_without_an_agreement_warns_of_nothing(
    ctx: UiContext, vault: Vault, qtbot: QtBot
) -> None:
    from tests.services.builders import referral

    with vault.unit_of_work() as uow:
        case_id = referral(uow).id
    pane = _pane(ctx, case_id, qtbot)
    dialog = CloseCaseDialog(date(2026, 11, 20), pane, case=pane.case)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ui.pendingWarning.isVisible()


def test_a_closed_case_is_reopened_with_a_reason(
    ctx: UiContext, vault: Vault, neighbour_case: str, qtbot: QtBot, tmp_path: Path
) -> None:
    pane = _pane(ctx, neighbour_case, qtbot)
    signed = pane.case.in_force_agreement
    assert signed is not None and pane.case.stage == Stage.FOLLOW_UP
    assert not pane.ui.reopenCase.isVisible()
    pane.apply(lambda: closing.close_case(vault, neighbour_case, ClosureReason.COMPLETED))
    wait_for_db(qtbot, ctx)
    assert pane.ui.reopenCase.isVisible() and not pane.ui.closeCase.isVisible()

    qtbot.mouseClick(pane.ui.reopenCase, Qt.MouseButton.LeftButton)
    dialog = pane.reopen_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert "It goes back to Follow-up" in dialog.ui.question.text()
    assert not dialog.accept_button.isEnabled()
    qtbot.keyClicks(dialog.ui.reason, "Marcia reports the bins are back on the path")
    dialog.grab().save(str(tmp_path / "reopen-case.png"))
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    wait_for_db(qtbot, ctx)

    assert pane.reopen_dialog is None
    assert pane.ui.stageMessage.text() == "Reopened: back at Follow-up."
    assert pane.ui.stageNow.text() == "Now at Follow-up"
    assert pane.ui.closeCase.isVisible() and not pane.ui.reopenCase.isVisible()
    assert pane.ui.referralBox.isEnabled()
    newest = pane.history.row(0)
    assert (newest.from_stage, newest.to_stage) == (Stage.CLOSED, Stage.FOLLOW_UP)
    assert newest.note == "reopened: Marcia reports the bins are back on the path"
    case = open_case(vault, neighbour_case, TODAY, viewed=False).case
    agreement = case.in_force_agreement
    assert agreement is not None and agreement.status == AgreementStatus.SIGNED
    assert (agreement.id, agreement.signed_at) == (signed.id, signed.signed_at)
    with vault.reader() as session:
        assert session.query(AuditEvent).filter_by(action="reopen_case").count() == 1


def test_reopening_cancelled_leaves_the_case_closed(
    ctx: UiContext, vault: Vault, neighbour_case: str, qtbot: QtBot
) -> None:
    closing.close_case(vault, neighbour_case, ClosureReason.WITHDRAWN)
    pane = _pane(ctx, neighbour_case, qtbot)
    qtbot.mouseClick(pane.ui.reopenCase, Qt.MouseButton.LeftButton)
    dialog = pane.reopen_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.ui.reason, "Wrong case")
    dialog.reject()
    wait_for_db(qtbot, ctx)
    assert pane.reopen_dialog is None
    assert open_case(vault, neighbour_case, TODAY, viewed=False).case.stage == Stage.CLOSED
