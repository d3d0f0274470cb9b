"""A typed date that is refused blocks the save it belongs to: typing 01/01/2027 into a field
limited to today, ignoring the message under it and saving must not save the old date. The
save says so in one line and puts the person back in the field (typed with key events)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget, QWizard
from pytestqt.qtbot import QtBot

from rjdesk.app.cases import open_case
from rjdesk.app.views import CaseView
from rjdesk.ui.case.agreement.tab import AgreementPane
from rjdesk.ui.case.contacts.tab import ContactsPane
from rjdesk.ui.case.overview.closing import CloseCaseDialog
from rjdesk.ui.case.overview.tab import OverviewPane
from rjdesk.ui.case.people.participant_dialog import ParticipantDialog
from rjdesk.ui.case.people.rj_information_dialog import RjInformationDialog
from rjdesk.ui.case.risk.consent_dialog import ConsentDialog
from rjdesk.ui.case.risk.tab import RiskConsentPane
from rjdesk.ui.referral.wizard import REFERRAL_PAGE, ReferralWizard
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.date_field import DateField
from rjdesk_protocol.victims_code import victims_code_status
from tests.conftest import TODAY
from tests.ui.conftest import reload_on_change, show, wait_for_db

AFTER_TODAY = "The date cannot be after today"


def type_over(qtbot: QtBot, field: DateField, typed: str) -> None:
    """Select what the field holds and type over it; the person stays in the field."""
    field.edit.setFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field.edit, typed)


def press(qtbot: QtBot, button: QWidget) -> None:
    """Press a button from the keyboard (Space), as a person who tabbed to it would."""
    qtbot.keyClick(button, Qt.Key.Key_Space)


def in_vault(ctx: UiContext, case_id: str) -> CaseView:
    return open_case(ctx.vault, case_id, TODAY, viewed=False).case


def assert_held_in(qtbot: QtBot, field: DateField, typed: str) -> None:
    """The refused text is still there, said under the field, and the person is back in it."""
    assert field.text() == typed
    assert field.problem() and field.message.text() == field.problem()
    assert field.message.isVisibleTo(field)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field.edit)


def test_the_wizard_does_not_go_on_with_a_refused_received_date(
    ctx: UiContext, qtbot: QtBot
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    wizard = ReferralWizard(ctx, host)
    wizard.open()
    qtbot.waitExposed(wizard)
    ui = wizard.ui
    for combo in (ui.caseType, ui.source, ui.channel):
        combo.setCurrentIndex(0)
    type_over(qtbot, ui.receivedOn, "01/01/2027")
    qtbot.keyClick(ui.receivedOn.edit, Qt.Key.Key_Return)  # Enter presses Next
    assert wizard.currentId() == REFERRAL_PAGE
    assert ui.referralMessage.text().startswith(f"Referral received on: {AFTER_TODAY[:1].lower()}")
    assert "\n" not in ui.referralMessage.text()
    assert_held_in(qtbot, ui.receivedOn, "01/01/2027")

    type_over(qtbot, ui.receivedOn, "18/11/2026")
    assert ui.referralMessage.text() == ""  # put right: the message goes as the date is typed
    press(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentId() != REFERRAL_PAGE
    assert wizard.referral().received_on == date(2026, 11, 18)


def test_an_impossible_incident_date_stops_the_wizard_but_an_unknown_one_does_not(
    ctx: UiContext, qtbot: QtBot
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    wizard = ReferralWizard(ctx, host)
    wizard.open()
    qtbot.waitExposed(wizard)
    ui = wizard.ui
    for combo in (ui.caseType, ui.source, ui.channel):
        combo.setCurrentIndex(0)
    ui.incidentKnown.setChecked(True)
    type_over(qtbot, ui.incidentDate, "31/02/2026")
    press(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentId() == REFERRAL_PAGE
    assert ui.referralMessage.text() == (
        "Incident date: there is no 31 February 2026: check the day."
    )
    assert_held_in(qtbot, ui.incidentDate, "31/02/2026")
    qtbot.keyClick(ui.incidentKnown, Qt.Key.Key_Space)  # not known after all
    assert not ui.incidentDate.isEnabled()
    press(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentId() != REFERRAL_PAGE


def test_the_referral_details_are_not_saved_with_a_refused_date(
    ctx: UiContext, qtbot: QtBot, hate_crime_case: str
) -> None:
    pane = OverviewPane(ctx)
    qtbot.addWidget(pane)
    reload_on_change(pane, ctx)
    show(pane, ctx, hate_crime_case)
    pane.show()
    before = in_vault(ctx, hate_crime_case).received_on
    type_over(qtbot, pane.ui.receivedOn, "01/01/2027")
    qtbot.keyClicks(pane.ui.location, " (rear)")
    press(qtbot, pane.ui.saveReferral)
    wait_for_db(qtbot, ctx)
    assert pane.ui.referralMessage.text().startswith("Received on: the date cannot be after")
    assert_held_in(qtbot, pane.ui.receivedOn, "01/01/2027")
    case = in_vault(ctx, hate_crime_case)
    assert case.received_on == before and not (case.location or "").endswith("(rear)")


def test_a_case_is_not_closed_on_a_refused_date(qtbot: QtBot) -> None:
    dialog = CloseCaseDialog(TODAY)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    dialog.ui.reason.setCurrentIndex(0)  # a reason chosen: only the date stands in the way
    type_over(qtbot, dialog.ui.closedOn, "21/11/2026")
    press(qtbot, dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert dialog.isVisible() and dialog.result() == 0  # not accepted
    assert_held_in(qtbot, dialog.ui.closedOn, "21/11/2026")


def test_a_person_is_not_added_with_an_impossible_date_of_birth(qtbot: QtBot) -> None:
    dialog = ParticipantDialog(None, today=TODAY, candidates=[])
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    submitted: list[object] = []
    dialog.submitted.connect(submitted.append)
    qtbot.keyClicks(dialog.ui.name, "Marcia Bennett")
    dialog.ui.role.setCurrentIndex(0)
    qtbot.keyClick(dialog.ui.dobKnown, Qt.Key.Key_Space)
    type_over(qtbot, dialog.ui.dateOfBirth, "29/02/1991")
    press(qtbot, dialog.ok_button())
    assert submitted == []
    assert dialog.ui.message.text() == (
        "Date of birth: there is no 29 February 1991: check the day."
    )
    assert_held_in(qtbot, dialog.ui.dateOfBirth, "29/02/1991")


def test_rj_information_is_not_recorded_on_a_future_day(
    ctx: UiContext, qtbot: QtBot, hate_crime_case: str
) -> None:
    case = in_vault(ctx, hate_crime_case)
    status = victims_code_status(case.received_on, None, TODAY)
    dialog = RjInformationDialog(None, name="Mohammed Iqbal", status=status, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    submitted: list[object] = []
    dialog.submitted.connect(submitted.append)
    type_over(qtbot, dialog.ui.givenOn, "01/01/2027")
    press(qtbot, dialog.ok_button())
    assert submitted == []
    assert dialog.ui.message.text().startswith("RJ information given on: the date cannot be")
    assert_held_in(qtbot, dialog.ui.givenOn, "01/01/2027")


def test_a_contact_is_not_saved_on_a_refused_date(
    ctx: UiContext, qtbot: QtBot, hate_crime_case: str
) -> None:
    pane = ContactsPane(ctx)
    qtbot.addWidget(pane)
    reload_on_change(pane, ctx)
    show(pane, ctx, hate_crime_case)
    pane.show()
    before = len(in_vault(ctx, hate_crime_case).contacts)
    qtbot.keyClicks(pane.ui.notes, "Phoned Mr Iqbal.")
    type_over(qtbot, pane.ui.date, "01/01/2027")
    press(qtbot, pane.ui.saveButton)
    wait_for_db(qtbot, ctx)
    assert len(in_vault(ctx, hate_crime_case).contacts) == before
    assert pane.ui.message.text().startswith("When the contact happened: the date cannot be after")
    assert_held_in(qtbot, pane.ui.date, "01/01/2027")


def test_a_risk_assessment_is_not_saved_on_a_refused_date(
    ctx: UiContext, qtbot: QtBot, hate_crime_case: str
) -> None:
    pane = RiskConsentPane(ctx)
    qtbot.addWidget(pane)
    reload_on_change(pane, ctx)
    show(pane, ctx, hate_crime_case)
    pane.resize(1100, 700)
    pane.show()
    qtbot.keyClick(pane.ui.lowRadio, Qt.Key.Key_Space)
    type_over(qtbot, pane.ui.assessedOn, "01/01/2027")
    press(qtbot, pane.ui.saveRiskButton)
    wait_for_db(qtbot, ctx)
    assert in_vault(ctx, hate_crime_case).risk_assessments == ()
    assert pane.ui.riskMessage.text().startswith("Assessed on: the date cannot be after")
    assert_held_in(qtbot, pane.ui.assessedOn, "01/01/2027")


def test_consent_is_not_recorded_on_a_refused_date(
    ctx: UiContext, qtbot: QtBot, hate_crime_case: str
) -> None:
    snapshot = open_case(ctx.vault, hate_crime_case, TODAY, viewed=False)
    dialog = ConsentDialog(snapshot, withdraw=False)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    submitted: list[object] = []
    dialog.submitted.connect(submitted.append)
    type_over(qtbot, dialog.ui.date, "01/01/2027")
    dialog.ui.takePart.setChecked(True)
    press(qtbot, dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save))
    assert submitted == []
    assert dialog.ui.message.text().startswith("Given on: the date cannot be after")
    assert_held_in(qtbot, dialog.ui.date, "01/01/2027")


def test_a_follow_up_is_not_recorded_on_a_refused_date(
    ctx: UiContext, qtbot: QtBot, neighbour_case: str
) -> None:
    pane = AgreementPane(ctx)
    qtbot.addWidget(pane)
    reload_on_change(pane, ctx)
    show(pane, ctx, neighbour_case)
    pane.resize(1100, 700)
    pane.show()
    ui = pane.ui
    pane.editor.select(2)
    ui.status.setCurrentIndex(ui.status.findText("Done"))
    type_over(qtbot, ui.checkedOn, "01/01/2027")
    press(qtbot, ui.recordCheckButton)
    wait_for_db(qtbot, ctx)
    assert pane.actions_model.row(2).checked_on is None
    assert ui.message.text().startswith("Checked on: the date cannot be after")
    assert_held_in(qtbot, ui.checkedOn, "01/01/2027")
    pane.clear()


def test_the_wizards_message_goes_once_its_problem_is_put_right(
    ctx: UiContext, qtbot: QtBot
) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    wizard = ReferralWizard(ctx, host)
    wizard.open()
    qtbot.waitExposed(wizard)
    ui = wizard.ui
    for combo in (ui.caseType, ui.source, ui.channel):
        combo.setCurrentIndex(0)
    qtbot.keyClicks(ui.referrerEmail, "dana.whitfield")
    press(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert ui.referralMessage.text() == "The referrer's email address needs an @."
    qtbot.keyClicks(ui.referrerEmail, "@example.org")
    assert ui.referralMessage.text() == ""  # put right: the stale sentence is gone
    assert not ui.referralMessage.isVisibleTo(wizard)
