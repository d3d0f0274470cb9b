"""The Risk & consent tab: recording an assessment, giving and withdrawing consent."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import delete, isValid

from rjdesk.app.cases import open_case
from rjdesk.app.views import CaseView
from rjdesk.services.cases import close_case, load_case
from rjdesk.ui.case.contacts.tab import ContactsPane
from rjdesk.ui.case.risk.consent_dialog import ConsentDialog
from rjdesk.ui.case.risk.consent_tables import AssessmentsModel, ConsentModel
from rjdesk.ui.case.risk.tab import RiskConsentPane
from rjdesk.ui.toolkit.context import UiContext
from rjdesk_protocol.enums import ClosureReason, ConsentScope, RiskLevel
from tests.conftest import FACILITATOR, TODAY
from tests.ui.conftest import reload_on_change, show, wait_for_db
from tests.ui.widget_text import widget_texts


@pytest.fixture
def pane(ctx: UiContext, qtbot: QtBot) -> RiskConsentPane:
    shown = RiskConsentPane(ctx)
    qtbot.addWidget(shown)
    shown.resize(1100, 700)
    shown.show()
    reload_on_change(shown, ctx)
    return shown


def cell(pane: RiskConsentPane, name: str, column: int) -> str:
    """What the consent table says for a person in a column, on one line."""
    model = pane.consents
    for row in range(model.rowCount()):
        if model.index(row, ConsentModel.PERSON).data().startswith(name):
            text: str = model.index(row, column).data()
            return text.replace("\n", " ")
    raise AssertionError(f"{name} is not in the consent table")


def select_person(pane: RiskConsentPane, name: str) -> None:
    model = pane.consents
    row = next(
        r
        for r in range(model.rowCount())
        if model.index(r, ConsentModel.PERSON).data().startswith(name)
    )
    pane.ui.consents.selectRow(row)


def in_vault(ctx: UiContext, case_id: str) -> CaseView:
    """The case as the vault now holds it."""
    return open_case(ctx.vault, case_id, TODAY, viewed=False).case


def press(dialog: ConsentDialog) -> None:
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_a_risk_assessment_typed_in_the_form_is_listed_as_completed(
    pane: RiskConsentPane, ctx: UiContext, hate_crime_case: str, qtbot: QtBot
) -> None:
    show(pane, ctx, hate_crime_case)
    assert "No risk assessment" in pane.ui.assessmentDetail.text()
    pane.ui.saveRiskButton.click()  # no level chosen yet
    assert "Choose the risk level" in pane.ui.riskMessage.text()

    qtbot.mouseClick(pane.ui.mediumRadio, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(pane.ui.factors, "Young person has admitted the offence")
    qtbot.keyClick(pane.ui.factors, Qt.Key.Key_Return)
    qtbot.keyClicks(pane.ui.factors, "Victim asked to meet him")
    qtbot.keyClicks(pane.ui.riskNotes, "Interpreter needed; neutral venue.")
    pane.ui.saveRiskButton.click()
    wait_for_db(qtbot, ctx)

    model = pane.assessments
    assert model.rowCount() == 1
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row == ["20 Nov 2026", "Medium", FACILITATOR, "Completed"]
    assert "Victim asked to meet him" in pane.ui.assessmentDetail.text()
    assert pane.ui.factors.toPlainText() == ""  # the form is ready for the next one
    assert pane.ui.levelGroup.checkedButton() is None
    case = in_vault(ctx, hate_crime_case)
    (assessment,) = case.risk_assessments
    assert assessment.level == RiskLevel.MEDIUM
    assert assessment.factors == (
        "Young person has admitted the offence",
        "Victim asked to meet him",
    )
    assert case.risk_level == RiskLevel.MEDIUM


def test_an_assessment_without_factors_is_listed_with_what_is_missing(
    pane: RiskConsentPane, ctx: UiContext, hate_crime_case: str, qtbot: QtBot
) -> None:
    show(pane, ctx, hate_crime_case)
    pane.ui.lowRadio.click()
    pane.save()  # Ctrl+S
    wait_for_db(qtbot, ctx)
    status = pane.assessments.index(0, AssessmentsModel.STATUS).data()
    assert status == "Missing the factors considered"
    assert "count as completed" in pane.ui.riskMessage.text()


def test_giving_consent_changes_the_cell_and_what_is_missing(
    pane: RiskConsentPane, ctx: UiContext, hate_crime_case: str, qtbot: QtBot
) -> None:
    show(pane, ctx, hate_crime_case)
    gaps = pane.ui.consentGaps.text()
    assert "Mohammed Iqbal (harmed) has not given consent to take part" in gaps
    assert "Priya Sandhu" not in gaps  # a professional does not consent
    assert cell(pane, "Mohammed Iqbal", ConsentModel.TAKE_PART) == "—"

    select_person(pane, "Mohammed Iqbal")
    pane.ui.giveConsentButton.click()
    dialog = pane.dialog
    assert dialog is not None and dialog.person() is not None
    assert dialog.person().name == "Mohammed Iqbal"  # type: ignore[union-attr]
    assert not dialog.ui.givenBy.isVisibleTo(dialog)  # an adult consents for himself
    dialog.ui.takePart.click()
    dialog.ui.share.click()
    press(dialog)
    wait_for_db(qtbot, ctx)

    assert pane.dialog is None  # closed once saved
    assert cell(pane, "Mohammed Iqbal", ConsentModel.TAKE_PART) == "Given 20 Nov 2026"
    assert cell(pane, "Mohammed Iqbal", ConsentModel.SHARE) == "Given 20 Nov 2026"
    assert cell(pane, "Mohammed Iqbal", ConsentModel.FEEDBACK) == "—"
    assert "Mohammed Iqbal" not in pane.ui.consentGaps.text()
    victim = next(
        p for p in in_vault(ctx, hate_crime_case).participants if p.name == "Mohammed Iqbal"
    )
    assert sorted(c.scope for c in victim.consents) == [
        ConsentScope.SHARE_WITH_OTHER_PARTY,
        ConsentScope.TAKE_PART,
    ]


def test_a_parent_consents_for_a_young_person(
    pane: RiskConsentPane, ctx: UiContext, hate_crime_case: str, qtbot: QtBot
) -> None:
    show(pane, ctx, hate_crime_case)
    needs = "Kyle Brennan (responsible) is under 18 and needs a parent's or carer's consent"
    assert needs in pane.ui.consentGaps.text()
    assert cell(pane, "Kyle Brennan", ConsentModel.PARENT) == "Needed"
    assert cell(pane, "Mohammed Iqbal", ConsentModel.PARENT) == "Not needed"

    select_person(pane, "Kyle Brennan")
    pane.ui.giveConsentButton.click()
    dialog = pane.dialog
    assert dialog is not None
    assert dialog.ui.givenBy.isVisibleTo(dialog)
    choices = [dialog.ui.givenBy.itemText(i) for i in range(dialog.ui.givenBy.count())]
    assert choices == ["Kyle Brennan (their own consent)", "Siobhán Brennan (parent)"]
    dialog.ui.givenBy.setCurrentIndex(1)
    dialog.ui.takePart.click()
    press(dialog)
    wait_for_db(qtbot, ctx)

    assert cell(pane, "Kyle Brennan", ConsentModel.PARENT) == (
        "Given 20 Nov 2026 by Siobhán Brennan"
    )
    assert cell(pane, "Kyle Brennan", ConsentModel.TAKE_PART) == "—"  # his own is still due
    gaps = pane.ui.consentGaps.text()
    assert needs not in gaps
    assert "Kyle Brennan (responsible) has not given consent to take part" in gaps


def test_a_withdrawal_shows_and_then_blocks_a_conference(
    pane: RiskConsentPane, ctx: UiContext, neighbour_case: str, qtbot: QtBot
) -> None:
    contacts = ContactsPane(ctx)
    qtbot.addWidget(contacts)
    reload_on_change(contacts, ctx)
    show(pane, ctx, neighbour_case)
    show(contacts, ctx, neighbour_case)
    assert "Everyone taking part has consented" in pane.ui.consentGaps.text()

    select_person(pane, "Zoë Nowak")
    pane.ui.withdrawConsentButton.click()
    dialog = pane.dialog
    assert dialog is not None
    assert "From 20 Nov 2026 this consent no longer counts" in dialog.ui.warning.text()
    assert dialog.ui.takePart.isChecked()  # what is in force is offered
    assert not dialog.ui.share.isEnabled()  # Zoë never gave it
    qtbot.keyClicks(dialog.ui.note, "Rang to say she will not come.")
    press(dialog)
    wait_for_db(qtbot, ctx)

    assert cell(pane, "Zoë Nowak", ConsentModel.TAKE_PART) == "Withdrawn 20 Nov 2026"
    assert (
        "Zoë Nowak (supporter) withdrew consent to take part on 20 Nov 2026"
        in pane.ui.consentGaps.text()
    )

    # The Contacts tab now refuses a conference with her present, naming her.
    ui = contacts.ui
    ui.kind.setCurrentIndex(ui.kind.findText("Conference"))
    for box in contacts.present.values():
        box.setChecked(True)
    qtbot.keyClicks(ui.notes, "Second meeting to review the agreement.")
    ui.saveButton.click()
    wait_for_db(qtbot, ctx)
    assert "Zoë Nowak (supporter) withdrew consent to take part on 20 Nov 2026" in (
        ui.message.text()
    )
    assert ui.notes.toPlainText() == "Second meeting to review the agreement."


def test_a_refusal_stays_in_the_dialog(
    pane: RiskConsentPane, ctx: UiContext, hate_crime_case: str, qtbot: QtBot
) -> None:
    show(pane, ctx, hate_crime_case)
    dialog = pane.open_give_consent()
    assert dialog is not None
    press(dialog)  # nothing ticked
    assert "Tick at least one thing" in dialog.ui.message.text()
    # The case is closed elsewhere meanwhile: the service refuses, the dialog stays open.
    with ctx.vault.unit_of_work() as uow:
        close_case(uow, load_case(uow.session, hate_crime_case), ClosureReason.DECLINED)
    dialog.ui.takePart.click()
    press(dialog)
    wait_for_db(qtbot, ctx)
    assert pane.dialog is dialog
    assert dialog.ui.message.text()
    assert dialog.isVisible()


def test_drafts_come_back_after_a_lock(
    pane: RiskConsentPane, ctx: UiContext, neighbour_case: str, qtbot: QtBot
) -> None:
    show(pane, ctx, neighbour_case)
    qtbot.keyClicks(pane.ui.factors, "Verbal abuse on one occasion")
    qtbot.keyClicks(pane.ui.riskNotes, "Review after the follow-up call")
    drafts = pane.drafts()
    pane.clear()
    assert pane.ui.factors.toPlainText() == ""
    show(pane, ctx, neighbour_case)
    pane.restore_drafts(drafts)
    assert pane.ui.factors.toPlainText() == "Verbal abuse on one occasion"
    assert pane.ui.riskNotes.toPlainText() == "Review after the follow-up call"


def test_clear_leaves_no_case_text(
    pane: RiskConsentPane, ctx: UiContext, neighbour_case: str, qtbot: QtBot
) -> None:
    show(pane, ctx, neighbour_case)
    qtbot.keyClicks(pane.ui.factors, "Shared gate left open")
    dialog = pane.open_withdraw_consent()
    assert dialog is not None
    qtbot.keyClicks(dialog.ui.note, "She says the music stopped")
    pane.clear()
    needles = ["Marcia", "Łukasz", "Zoë", "Nowak", "gate", "music", "community centre", "violence"]
    widgets: list[QWidget] = [pane, *pane.findChildren(QWidget)]
    found = [
        text
        for widget in widgets
        for text in widget_texts(widget)
        if text and any(needle in text for needle in needles)
    ]
    assert found == []
    assert pane.dialog is None


@pytest.mark.parametrize("closed_elsewhere", [False, True])
def test_a_dialog_closed_while_its_consent_is_saved_is_deleted_safely(
    pane: RiskConsentPane,
    ctx: UiContext,
    hate_crime_case: str,
    qtbot: QtBot,
    closed_elsewhere: bool,
) -> None:
    show(pane, ctx, hate_crime_case)
    if closed_elsewhere:  # the save is refused: its sentence goes to the closed dialog
        with ctx.vault.unit_of_work() as uow:
            close_case(uow, load_case(uow.session, hate_crime_case), ClosureReason.DECLINED)
    select_person(pane, "Mohammed Iqbal")
    dialog = pane.open_give_consent()
    assert dialog is not None
    dialog.ui.takePart.click()
    press(dialog)
    dialog.reject()  # before the save has answered
    assert pane.dialog is None
    wait_for_db(qtbot, ctx)
    qtbot.waitUntil(lambda: not isValid(dialog))
    given = cell(pane, "Mohammed Iqbal", ConsentModel.TAKE_PART)
    assert given == ("—" if closed_elsewhere else "Given 20 Nov 2026")


def test_ctrl_s_twice_saves_the_assessment_once(
    pane: RiskConsentPane, ctx: UiContext, hate_crime_case: str, qtbot: QtBot
) -> None:
    show(pane, ctx, hate_crime_case)
    pane.ui.lowRadio.click()
    qtbot.keyClicks(pane.ui.factors, "No history of violence")
    pane.save()
    assert not pane.ui.saveRiskButton.isEnabled()  # greyed out while it saves
    pane.save()
    wait_for_db(qtbot, ctx)
    assert pane.ui.saveRiskButton.isEnabled()
    assert len(in_vault(ctx, hate_crime_case).risk_assessments) == 1


def test_a_tab_deleted_by_a_lock_with_a_dialog_open_leaves_nothing_to_fail(
    ctx: UiContext, neighbour_case: str, qtbot: QtBot
) -> None:
    pane = RiskConsentPane(ctx)
    show(pane, ctx, neighbour_case)
    dialog = pane.open_withdraw_consent()
    assert dialog is not None
    pane.clear()  # the lock clears the tab, then deletes it with the workspace
    delete(pane)
    assert not isValid(dialog)
    wait_for_db(qtbot, ctx)  # the dialog's deferred deletion finds it already gone
