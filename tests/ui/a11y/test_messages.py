"""A message about one field is heard when it comes (the label's name is its words) and goes
as soon as that field is changed, so nobody is told of a problem already put right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from rjdesk.ui.case.contacts.addendum import AddendumDialog
from rjdesk.ui.case.contacts.tab import ContactsPane
from rjdesk.ui.case.people.participant_dialog import ParticipantDialog
from rjdesk.ui.case.risk.tab import RiskConsentPane
from rjdesk.ui.case.workspace import CaseWorkspace
from rjdesk.ui.main_window import MainWindow
from rjdesk_protocol.enums import Role
from tests.ui.a11y.checks import accessible_name, hidden_label_texts


def _heard(label: QLabel, text: str) -> None:
    assert label.isVisible() and label.text() == text
    assert text in accessible_name(label)
    assert hidden_label_texts(label) == []


def _gone(label: QLabel) -> None:
    assert label.text() == "" and not label.isVisible()
    assert accessible_name(label) == ""


def _person_dialog(window: MainWindow, case_page: CaseWorkspace, qtbot: QtBot) -> ParticipantDialog:
    assert case_page.snapshot is not None
    dialog = ParticipantDialog(window, today=case_page.snapshot.today)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_person_dialogs_messages_go_once_put_right(
    case_window: tuple[MainWindow, CaseWorkspace], qtbot: QtBot
) -> None:
    window, case_page = case_window
    dialog = _person_dialog(window, case_page, qtbot)
    ui, message = dialog.ui, dialog.ui.message

    ui.role.setCurrentIndex(-1)  # no role chosen
    ui.buttons.accepted.emit()
    _heard(message, "Choose the person's role in the case.")
    ui.role.setCurrentIndex(ui.role.findData(Role.HARMED.value))
    _gone(message)

    ui.buttons.accepted.emit()
    _heard(message, "Type the person's name.")
    qtbot.keyClicks(ui.name, "Ama Owusu")
    _gone(message)

    qtbot.keyClicks(ui.email, "ama.example.org")
    ui.buttons.accepted.emit()
    _heard(message, "The email address needs an @.")
    ui.email.setFocus()
    qtbot.keyClick(ui.email, Qt.Key.Key_End)
    qtbot.keyClicks(ui.email, "@")
    _gone(message)
    dialog.reject()


def test_the_risk_levels_message_goes_once_a_level_is_chosen(
    case_window: tuple[MainWindow, CaseWorkspace], qtbot: QtBot
) -> None:
    _window, case_page = case_window
    case_page.show_pane("risk")
    pane = case_page.findChild(RiskConsentPane)
    assert isinstance(pane, RiskConsentPane)
    assert pane.ui.saveRiskButton.isEnabled()
    pane.ui.saveRiskButton.click()
    _heard(pane.ui.riskMessage, "Choose the risk level: low, medium or high.")
    pane.ui.mediumRadio.click()
    _gone(pane.ui.riskMessage)


def test_the_contacts_notes_message_goes_once_notes_are_written(
    case_window: tuple[MainWindow, CaseWorkspace], qtbot: QtBot
) -> None:
    _window, case_page = case_window
    case_page.show_pane("contacts")
    pane = case_page.findChild(ContactsPane)
    assert isinstance(pane, ContactsPane)
    pane.ui.saveButton.click()
    _heard(pane.ui.message, "Write what happened in the notes first.")
    qtbot.keyClicks(pane.ui.notes, "Phoned Marcia.")
    _gone(pane.ui.message)


def test_the_addendums_message_goes_once_it_is_written(
    case_window: tuple[MainWindow, CaseWorkspace], qtbot: QtBot
) -> None:
    window, _case = case_window
    dialog = AddendumDialog("contact", "Phoned Marcia.", window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.ui.buttons.accepted.emit()
    _heard(dialog.ui.message, "Write the addendum first.")
    qtbot.keyClicks(dialog.ui.text, "She called back.")
    _gone(dialog.ui.message)
    dialog.reject()
