"""The Outcomes tab in the window, over real vaults: reached with the keyboard, feedback and
equality monitoring saved through its dialogs and read back through the app layer, the first
contact dates corrected and given back to the contacts, and refusals that lose nothing."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from rjdesk.app import outcomes as app_outcomes
from rjdesk.app.outcomes import OutcomesView, ParticipantOutcomesView
from rjdesk.store.vault import Vault
from rjdesk.ui.case.contacts.tab import ContactsPane
from rjdesk.ui.case.outcomes.equality_dialog import EqualityDialog
from rjdesk.ui.case.outcomes.feedback_dialog import FeedbackDialog
from rjdesk.ui.case.outcomes.people_model import OutcomesPeopleModel
from rjdesk.ui.case.outcomes.tab import OutcomesPane
from rjdesk.ui.case.workspace import CaseWorkspace
from rjdesk.ui.main_window import MainWindow
from rjdesk_protocol.enums import (
    AgeBand,
    Answer,
    Disability,
    Ethnicity,
    FeedbackMoment,
    GenderSameAsSex,
    InterventionType,
    Religion,
    Satisfaction,
    Sex,
    SexualOrientation,
)
from tests.conftest import TODAY
from tests.ui.keyboard import press
from tests.ui.test_window import case_in_window, unlocked

CTRL = Qt.KeyboardModifier.ControlModifier
MARCIA, LUKASZ, ZOE = "Marcia Bennett", "Łukasz Nowak", "Zoë Nowak"


def _settled(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not window.tasks.busy)


def _outcomes(case_page: CaseWorkspace) -> OutcomesPane:
    pane = next(p for p in case_page.panes if p.key == "outcomes")
    assert isinstance(pane, OutcomesPane)
    return pane


def _on_outcomes(
    vault: Vault, case_id: str, qtbot: QtBot
) -> tuple[MainWindow, CaseWorkspace, OutcomesPane]:
    window, case_page = case_in_window(vault, case_id, "outcomes", qtbot)
    window.resize(1366, 740)
    pane = _outcomes(case_page)
    qtbot.waitUntil(lambda: pane.view is not None and not window.tasks.busy)
    return window, case_page, pane


def _saved(window: MainWindow, case_id: str) -> OutcomesView:
    """The case's outcomes as the vault now holds them, through the app layer."""
    return app_outcomes.outcomes_of(window.ctx.vault, case_id, TODAY)


def _person(view: OutcomesView, name: str) -> ParticipantOutcomesView:
    return next(p for p in view.participants if p.name == name)


def _row_texts(pane: OutcomesPane, name: str) -> list[str]:
    model = pane.people
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == name)
    return [model.index(row, column).data() for column in range(model.columnCount())]


def _select(pane: OutcomesPane, name: str) -> None:
    model = pane.people
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == name)
    pane.ui.people.selectRow(row)


def _pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Choose ``text`` with the keyboard: focus, then arrow to it."""
    combo.setFocus()
    target = combo.findText(text, Qt.MatchFlag.MatchExactly)
    assert target >= 0, text
    key = Qt.Key.Key_Down if target > combo.currentIndex() else Qt.Key.Key_Up
    for _ in range(200):
        if combo.currentIndex() == target:
            break
        qtbot.keyClick(combo, key)
    assert combo.currentIndex() == target, (text, combo.currentText())


def _type_date(qtbot: QtBot, field: object, text: str) -> None:
    edit = field.edit  # type: ignore[attr-defined]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_ctrl_tab_reaches_the_tab_and_feedback_with_declined_answers_is_kept(
    vault: Vault, neighbour_case: str, qtbot: QtBot
) -> None:
    window, case_page = case_in_window(vault, neighbour_case, "overview", qtbot)
    case_page.focus_tabs()
    for _ in range(len(case_page.panes)):
        if case_page.current_pane() == "documents":
            break
        press(qtbot, Qt.Key.Key_Tab, CTRL)
    assert case_page.current_pane() == "documents"
    press(qtbot, Qt.Key.Key_PageDown, CTRL)  # the next tab: Outcomes comes after Documents
    assert case_page.current_pane() == "outcomes"
    pane = _outcomes(case_page)
    qtbot.waitUntil(lambda: pane.view is not None and not window.tasks.busy)
    # The parties and the supporter are asked; nobody has answered yet.
    names = [pane.people.index(r, 0).data() for r in range(pane.people.rowCount())]
    assert sorted(names) == sorted([MARCIA, LUKASZ, ZOE])
    assert pane.people.rowCount() == 3
    assert _row_texts(pane, MARCIA)[2:] == ["Not recorded", "Not recorded", "Not yet"]

    _select(pane, MARCIA)
    pane.ui.endButton.click()
    dialog = pane.dialog
    assert isinstance(dialog, FeedbackDialog)
    assert dialog.ui.givenOn.date() == QDate(2026, 11, 20)
    _pick(qtbot, dialog.ui.satisfaction, "Declined to answer")
    _pick(qtbot, dialog.ui.coping, "Declined to answer")
    _pick(qtbot, dialog.ui.wouldRecommend, "Yes")
    qtbot.keyClicks(dialog.ui.comment, "Glad it was face to face.")
    dialog.save_button().click()
    qtbot.waitUntil(lambda: pane.dialog is None)
    _settled(window, qtbot)

    marcia = _person(_saved(window, neighbour_case), MARCIA)
    end = marcia.feedback_at(FeedbackMoment.END)
    assert end is not None
    assert end.given_on == date(2026, 11, 20)
    assert end.satisfaction is Satisfaction.DECLINED
    assert end.coping is Answer.DECLINED
    assert end.feels_safer is None  # not asked
    assert end.would_recommend is Answer.YES
    assert end.comment == "Glad it was face to face."
    assert marcia.feedback_at(FeedbackMoment.FOLLOW_UP) is None
    qtbot.waitUntil(lambda: _row_texts(pane, MARCIA)[2] == "20 Nov 2026, declined")
    assert _row_texts(pane, MARCIA)[3] == "Not recorded"

    # Opened again, the dialog shows what was saved; a changed answer replaces it.
    _select(pane, MARCIA)
    pane.ui.endButton.click()
    dialog = pane.dialog
    assert isinstance(dialog, FeedbackDialog)
    assert dialog.ui.satisfaction.currentText() == "Declined to answer"
    assert dialog.ui.comment.toPlainText() == "Glad it was face to face."
    _pick(qtbot, dialog.ui.satisfaction, "4: satisfied")
    dialog.save_button().click()
    qtbot.waitUntil(lambda: pane.dialog is None)
    _settled(window, qtbot)
    end = _person(_saved(window, neighbour_case), MARCIA).feedback_at(FeedbackMoment.END)
    assert end is not None and end.satisfaction is Satisfaction.FOUR
    assert end.coping is Answer.DECLINED
    qtbot.waitUntil(lambda: _row_texts(pane, MARCIA)[2] == "20 Nov 2026, 4 of 5")


def test_equality_answers_prefer_not_to_say_and_all_cleared(
    vault: Vault, neighbour_case: str, qtbot: QtBot
) -> None:
    window, _case_page, pane = _on_outcomes(vault, neighbour_case, qtbot)
    _select(pane, LUKASZ)
    pane.ui.equalityButton.click()
    dialog = pane.dialog
    assert isinstance(dialog, EqualityDialog)
    ui = dialog.ui
    _pick(qtbot, ui.ageBand, "35 to 44")
    _pick(qtbot, ui.sex, "Male")
    _pick(qtbot, ui.religion, "Prefer not to say")
    dialog.save_button().click()
    qtbot.waitUntil(lambda: pane.dialog is None)
    _settled(window, qtbot)

    equality = _person(_saved(window, neighbour_case), LUKASZ).equality
    assert equality.recorded
    assert equality.age_band is AgeBand.FROM_35_TO_44
    assert equality.sex is Sex.MALE
    assert equality.religion is Religion.PREFER_NOT_TO_SAY
    assert equality.sexual_orientation is None and equality.ethnicity is None
    qtbot.waitUntil(lambda: _row_texts(pane, LUKASZ)[4] == "Answered")
    # The list says whether, never what: no answer is in any of its cells.
    assert not any("35" in text or "Male" in text for text in _row_texts(pane, LUKASZ))

    # "Prefer not to say" to every question is an answer to each.
    _select(pane, LUKASZ)
    pane.ui.equalityButton.click()
    dialog = pane.dialog
    assert isinstance(dialog, EqualityDialog)
    assert dialog.ui.sex.currentText() == "Male"
    dialog.ui.preferNotAll.click()
    dialog.save_button().click()
    qtbot.waitUntil(lambda: pane.dialog is None)
    _settled(window, qtbot)
    equality = _person(_saved(window, neighbour_case), LUKASZ).equality
    assert (
        equality.age_band,
        equality.sex,
        equality.gender_same_as_sex,
        equality.sexual_orientation,
        equality.ethnicity,
        equality.disability,
        equality.religion,
    ) == (
        AgeBand.PREFER_NOT_TO_SAY,
        Sex.PREFER_NOT_TO_SAY,
        GenderSameAsSex.PREFER_NOT_TO_SAY,
        SexualOrientation.PREFER_NOT_TO_SAY,
        Ethnicity.PREFER_NOT_TO_SAY,
        Disability.PREFER_NOT_TO_SAY,
        Religion.PREFER_NOT_TO_SAY,
    )

    # Every question back to "Not asked": the monitoring is cleared.
    _select(pane, LUKASZ)
    pane.ui.equalityButton.click()
    dialog = pane.dialog
    assert isinstance(dialog, EqualityDialog)
    for combo in dialog.findChildren(QComboBox):
        _pick(qtbot, combo, "Not asked")
    dialog.save_button().click()
    qtbot.waitUntil(lambda: pane.dialog is None)
    _settled(window, qtbot)
    assert not _person(_saved(window, neighbour_case), LUKASZ).equality.recorded
    qtbot.waitUntil(lambda: _row_texts(pane, LUKASZ)[4] == "Not yet")


def test_a_first_contact_date_corrected_then_given_back_to_the_contacts(
    vault: Vault, neighbour_case: str, qtbot: QtBot
) -> None:
    window, _case_page, pane = _on_outcomes(vault, neighbour_case, qtbot)
    ui = pane.ui
    # The first phone call, to Marcia, on 16 October 2026.
    assert ui.attemptedOn.date() == QDate(2026, 10, 16)
    assert ui.madeOn.date() == QDate(2026, 10, 16)
    assert ui.attemptedOnSource.text() == "Worked out from the contacts."
    assert not ui.attemptedOnReset.isVisibleTo(pane)

    _type_date(qtbot, ui.attemptedOn, "15/10/2026")  # a letter sent the day before
    _pick(qtbot, ui.interventionType, "Direct: conference")
    ui.saveFactsButton.click()
    _settled(window, qtbot)
    assert ui.factsMessage.text() == "Saved."
    saved = _saved(window, neighbour_case)
    assert saved.first_contact_attempted.recorded == date(2026, 10, 15)
    assert saved.first_contact_attempted.worked_out == date(2026, 10, 16)
    assert saved.first_contact_made.recorded is None  # left to the contacts
    assert saved.intervention_type is InterventionType.CONFERENCE
    qtbot.waitUntil(lambda: ui.attemptedOnReset.isVisibleTo(pane))
    assert ui.attemptedOnSource.text() == "Corrected by hand: the contacts show 16 Oct 2026."

    ui.attemptedOnReset.click()
    _settled(window, qtbot)
    saved = _saved(window, neighbour_case)
    assert saved.first_contact_attempted.recorded is None
    assert saved.intervention_type is InterventionType.CONFERENCE  # kept
    qtbot.waitUntil(lambda: not ui.attemptedOnReset.isVisibleTo(pane))
    assert ui.attemptedOn.date() == QDate(2026, 10, 16)
    assert ui.attemptedOnSource.text() == "Worked out from the contacts."


def test_a_contact_added_on_the_contacts_tab_updates_the_first_contact_dates(
    vault: Vault, hate_crime_case: str, qtbot: QtBot
) -> None:
    window, case_page, pane = _on_outcomes(vault, hate_crime_case, qtbot)
    ui = pane.ui
    # Only the Youth Justice worker has been spoken to: tried, not yet made with a party.
    assert ui.attemptedOn.date() == QDate(2026, 11, 12)
    assert ui.madeOn.text() == "None yet"
    harmed = next(p for p in _saved(window, hate_crime_case).participants)
    assert harmed.role.value == "harmed"

    case_page.show_pane("contacts")
    contacts = next(p for p in case_page.panes if p.key == "contacts")
    assert isinstance(contacts, ContactsPane)
    cui = contacts.ui
    cui.kind.setCurrentIndex(cui.kind.findText("Phone call"))
    cui.date.setDate(QDate(2026, 11, 11))
    cui.time.setTime(QTime(10, 0))
    for box in contacts.present.values():
        box.setChecked(box.text().startswith(harmed.name))
    qtbot.keyClicks(cui.notes, "Explained RJ; they would like to hear more.")
    cui.saveButton.click()
    _settled(window, qtbot)
    assert cui.message.text() == "Phone call saved."

    case_page.show_pane("outcomes")
    qtbot.waitUntil(lambda: ui.madeOn.date() == QDate(2026, 11, 11))
    assert ui.attemptedOn.date() == QDate(2026, 11, 11)
    assert ui.madeOnSource.text() == "Worked out from the contacts."


def test_a_refused_save_says_why_and_loses_nothing(
    vault: Vault, neighbour_case: str, qtbot: QtBot
) -> None:
    window, _case_page, pane = _on_outcomes(vault, neighbour_case, qtbot)
    ui = pane.ui
    # The facts: a first contact tomorrow is refused, and the intervention chosen stays.
    _pick(qtbot, ui.interventionType, "Indirect: shuttle")
    _type_date(qtbot, ui.madeOn, "21/11/2026")
    ui.saveFactsButton.click()
    _settled(window, qtbot)
    assert "cannot be after" in ui.factsMessage.text(), ui.factsMessage.text()
    assert ui.factsMessage.text().startswith("First contact made")
    assert ui.interventionType.currentText() == "Indirect: shuttle"
    assert ui.madeOn.text() == "21/11/2026"
    saved = _saved(window, neighbour_case)
    assert saved.intervention_type is None and saved.first_contact_made.recorded is None
    # Put right, the same form saves.
    _type_date(qtbot, ui.madeOn, "17/10/2026")
    ui.saveFactsButton.click()
    _settled(window, qtbot)
    saved = _saved(window, neighbour_case)
    assert saved.intervention_type is InterventionType.SHUTTLE
    assert saved.first_contact_made.recorded == date(2026, 10, 17)

    # Feedback given tomorrow: refused in the dialog, which stays open with every answer.
    _select(pane, ZOE)
    pane.ui.followUpButton.click()
    dialog = pane.dialog
    assert isinstance(dialog, FeedbackDialog)
    _pick(qtbot, dialog.ui.feelsSafer, "Yes")
    qtbot.keyClicks(dialog.ui.comment, "Feels the street is calmer.")
    _type_date(qtbot, dialog.ui.givenOn, "21/11/2026")
    dialog.save_button().click()
    _settled(window, qtbot)
    assert "cannot be after" in dialog.ui.message.text()
    assert dialog.isVisible() and pane.dialog is dialog
    assert dialog.ui.feelsSafer.currentText() == "Yes"
    assert dialog.ui.comment.toPlainText() == "Feels the street is calmer."
    assert _person(_saved(window, neighbour_case), ZOE).feedback == ()
    _type_date(qtbot, dialog.ui.givenOn, "19/11/2026")
    dialog.save_button().click()
    qtbot.waitUntil(lambda: pane.dialog is None)
    _settled(window, qtbot)
    follow_up = _person(_saved(window, neighbour_case), ZOE).feedback_at(FeedbackMoment.FOLLOW_UP)
    assert follow_up is not None and follow_up.given_on == date(2026, 11, 19)
    assert follow_up.feels_safer is Answer.YES and follow_up.satisfaction is None


def test_a_professional_is_not_asked(vault: Vault, hate_crime_case: str, qtbot: QtBot) -> None:
    _window, _case_page, pane = _on_outcomes(vault, hate_crime_case, qtbot)
    roles = [pane.people.index(r, OutcomesPeopleModel.ROLE).data() for r in range(3)]
    assert pane.people.rowCount() == 3
    assert not any("rofessional" in role for role in roles)


@pytest.mark.parametrize("moment", [FeedbackMoment.END, FeedbackMoment.FOLLOW_UP])
def test_a_comment_being_typed_when_the_window_locks_comes_back_on_unlocking(
    vault: Vault, neighbour_case: str, qtbot: QtBot, moment: FeedbackMoment
) -> None:
    window, _case_page, pane = _on_outcomes(vault, neighbour_case, qtbot)
    _select(pane, MARCIA)
    dialog = pane.open_feedback(moment)
    assert dialog is not None
    qtbot.keyClicks(dialog.ui.comment, "Half a comment")
    window.lock()
    QApplication.processEvents()
    assert not any(
        isinstance(w, FeedbackDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
    )

    unlocked(window, qtbot)
    assert window.workspace is not None
    case_page = window.workspace.pages["case"]
    assert isinstance(case_page, CaseWorkspace)
    again = _outcomes(case_page)
    qtbot.waitUntil(lambda: isinstance(again.dialog, FeedbackDialog))
    reopened = again.dialog
    assert isinstance(reopened, FeedbackDialog)
    assert reopened.moment is moment
    assert reopened.windowTitle() in (
        "Feedback at the end of the intervention",
        "Feedback at follow-up",
    )
    assert reopened.ui.comment.toPlainText() == "Half a comment"
    assert (
        reopened.property("participant_id")
        == _person(_saved(window, neighbour_case), MARCIA).participant_id
    )
