"""The Overview tab: referral details, flags, stage changes that explain themselves, closing,
safeguarding."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from rjdesk.app import closing
from rjdesk.services import assessment
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk.ui.case.overview.closing import CloseCaseDialog
from rjdesk.ui.case.overview.tab import OverviewPane, SafeguardingDialog
from rjdesk.ui.toolkit.context import UiContext
from rjdesk_protocol.enums import ClosureReason, Flag, RiskLevel, Role, Stage
from tests.services.builders import person, referral
from tests.ui.conftest import reload_on_change, show, wait_for_db
from tests.ui.widget_text import widget_texts


def _pane(ctx: UiContext, case_id: str, qtbot: QtBot) -> OverviewPane:
    pane = OverviewPane(ctx)
    qtbot.addWidget(pane)
    reload_on_change(pane, ctx)
    show(pane, ctx, case_id)
    pane.resize(1100, 700)
    pane.show()
    return pane


def _case(vault: Vault) -> str:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        person(uow, case, "Marcia Bennett", Role.BOTH)
        person(uow, case, "Łukasz Nowak", Role.BOTH)
        return case.id


def test_a_stage_change_is_refused_with_the_reason_then_allowed(
    ctx: UiContext, vault: Vault, qtbot: QtBot
) -> None:
    case_id = _case(vault)
    pane = _pane(ctx, case_id, qtbot)
    ui = pane.ui
    assert ui.moveOn.text() == "Move to Assessment"
    qtbot.mouseClick(ui.moveOn, Qt.MouseButton.LeftButton)
    wait_for_db(qtbot, ctx)
    assert ui.moveOn.text() == "Move to Preparation"
    # Before pressing, the pane already says what is missing.
    assert "no completed risk assessment" in ui.stageBlockers.text()
    qtbot.mouseClick(ui.moveOn, Qt.MouseButton.LeftButton)
    wait_for_db(qtbot, ctx)
    assert ui.stageMessage.text().startswith("Cannot move")
    assert "no completed risk assessment" in ui.stageMessage.text()
    with vault.reader() as session:
        assert load_case(session, case_id).stage == Stage.ASSESSMENT

    with vault.unit_of_work() as uow:
        assessment.record_risk_assessment(
            uow,
            load_case(uow.session, case_id),
            assessed_on=date(2026, 10, 5),
            level=RiskLevel.LOW,
            factors=["No history of violence"],
        )
    show(pane, ctx, case_id)
    assert ui.stageBlockers.text() == "Ready for Preparation."
    qtbot.mouseClick(ui.moveOn, Qt.MouseButton.LeftButton)
    wait_for_db(qtbot, ctx)
    assert ui.stageMessage.text() == ""
    assert "Łukasz Nowak (harmed and responsible) has not given consent" in ui.stageBlockers.text()
    with vault.reader() as session:
        case = load_case(session, case_id)
    assert case.stage == Stage.PREPARATION
    assert pane.history.rowCount() == 3


def test_referral_details_and_flags_are_saved(ctx: UiContext, vault: Vault, qtbot: QtBot) -> None:
    case_id = _case(vault)
    pane = _pane(ctx, case_id, qtbot)
    ui = pane.ui
    ui.crimeReference.clear()
    qtbot.keyClicks(ui.crimeReference, "20/123456/26")
    ui.flagNoise.setChecked(True)
    pane.save()
    wait_for_db(qtbot, ctx)
    assert ui.referralMessage.text() == "Saved."
    with vault.reader() as session:
        case = load_case(session, case_id)
    assert case.crime_reference == "20/123456/26"
    assert Flag.NOISE_NUISANCE in case.flags


def test_a_refused_referral_change_says_why_and_saves_nothing(
    ctx: UiContext, vault: Vault, qtbot: QtBot
) -> None:
    case_id = _case(vault)
    pane = _pane(ctx, case_id, qtbot)
    pane.ui.receivedOn.setDate(pane.ui.receivedOn.date().addYears(1))
    pane.save()
    wait_for_db(qtbot, ctx)
    assert pane.ui.referralMessage.text() == "The date the referral was received is in the future."
    with vault.reader() as session:
        assert load_case(session, case_id).received_on == date(2026, 10, 1)


def test_a_case_is_closed_early_with_a_reason(ctx: UiContext, vault: Vault, qtbot: QtBot) -> None:
    case_id = _case(vault)
    pane = _pane(ctx, case_id, qtbot)
    dialog = CloseCaseDialog(date(2026, 11, 20), pane)
    dialog.ui.reason.setCurrentIndex(dialog.ui.reason.findData(ClosureReason.DECLINED.value))
    reason, closed_on, _note = dialog.values()
    pane.apply(lambda: closing.close_case(vault, case_id, reason, closed_on=closed_on))
    wait_for_db(qtbot, ctx)
    assert pane.ui.stageNow.text() == "Now at Closed: Declined"
    assert not pane.ui.moveOn.isVisible() and not pane.ui.closeCase.isVisible()
    assert not pane.ui.referralBox.isEnabled()
    assert pane.ui.recordConcern.isEnabled(), "a disclosure can still be recorded"


def test_a_safeguarding_concern_needs_what_was_done_and_flags_the_case(
    ctx: UiContext, vault: Vault, qtbot: QtBot
) -> None:
    case_id = _case(vault)
    pane = _pane(ctx, case_id, qtbot)
    dialog = SafeguardingDialog(pane.case, pane)
    dialog.submitted.connect(lambda values: pane._save_concern(dialog, values))
    dialog.show()
    qtbot.keyClicks(dialog.ui.concern, "Marcia disclosed that her neighbour's child is left alone.")
    dialog._submit()
    wait_for_db(qtbot, ctx)
    assert dialog.ui.message.text().startswith("Record what was done")
    assert dialog.isVisible(), "the dialog stays open with the text kept"
    qtbot.keyClicks(dialog.ui.actionTaken, "Called the safeguarding lead the same afternoon.")
    dialog.ui.kind.setCurrentIndex(dialog.ui.kind.findData("child"))
    dialog._submit()
    wait_for_db(qtbot, ctx)
    assert not dialog.isVisible()
    assert pane.concerns.rowCount() == 1
    with vault.reader() as session:
        assert Flag.SAFEGUARDING_CHILD in load_case(session, case_id).flags


def test_clearing_leaves_no_case_text(ctx: UiContext, neighbour_case: str, qtbot: QtBot) -> None:
    pane = _pane(ctx, neighbour_case, qtbot)
    pane.clear()
    texts = [t for w in [pane, *pane.findChildren(QWidget)] for t in widget_texts(w)]
    for needle in ("Farnborough", "Dana Whitfield", "late-night music", "Castle Vale"):
        assert not any(needle in text for text in texts), needle
