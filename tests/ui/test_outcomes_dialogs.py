"""The feedback and equality monitoring dialogs as a facilitator fills them at the end of a
conference or on a follow-up call (the dialogs alone; the Outcomes tab saves what they give)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from rjdesk.ui.case.outcomes.equality_dialog import EqualityChoice, EqualityDialog
from rjdesk.ui.case.outcomes.feedback_dialog import FeedbackDialog, FeedbackEntry
from rjdesk_protocol.enums import (
    AgeBand,
    Answer,
    Disability,
    Ethnicity,
    FeedbackMoment,
    Religion,
    Satisfaction,
    Sex,
)
from tests.ui.a11y.checks import assert_accessible

TODAY = date(2026, 11, 20)


def _pick(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Choose ``text`` with the keyboard, as a person would: focus, then arrow down to it."""
    combo.setFocus()
    start = combo.currentIndex()
    target = combo.findText(text, Qt.MatchFlag.MatchContains)
    assert target >= 0, text
    key = Qt.Key.Key_Down if target > start else Qt.Key.Key_Up
    for _ in range(200):
        if combo.currentText().strip() == text or combo.currentIndex() == target:
            break
        qtbot.keyClick(combo, key)
    assert combo.currentIndex() == target, (text, combo.currentText())


def test_feedback_starts_not_asked_and_keeps_declined_as_an_answer(qtbot: QtBot) -> None:
    dialog = FeedbackDialog(None, name="Marcia Bennett", moment=FeedbackMoment.END, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    ui = dialog.ui
    for combo in (ui.satisfaction, ui.coping, ui.feelsSafer, ui.wouldRecommend):
        assert combo.currentText() == "Not asked"
    assert "end of the intervention" in ui.intro.text()
    assert_accessible(dialog)
    _pick(qtbot, ui.satisfaction, "Declined to answer")
    _pick(qtbot, ui.coping, "Yes")
    _pick(qtbot, ui.feelsSafer, "Declined to answer")
    qtbot.keyClicks(ui.comment, "Glad it was face to face.")
    with qtbot.waitSignal(dialog.submitted) as signal:
        dialog.save_button().click()
    assert signal.args == [
        FeedbackEntry(
            given_on=TODAY,
            satisfaction=Satisfaction.DECLINED,
            coping=Answer.YES,
            feels_safer=Answer.DECLINED,
            would_recommend=None,
            comment="Glad it was face to face.",
        )
    ]
    assert not dialog.save_button().isEnabled()  # busy until the tab has saved it


def test_feedback_with_nothing_said_is_not_saved(qtbot: QtBot) -> None:
    dialog = FeedbackDialog(None, name="Ann", moment=FeedbackMoment.FOLLOW_UP, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.assertNotEmitted(dialog.submitted):
        dialog.save_button().click()
    assert "nothing to save" in dialog.ui.message.text()
    assert dialog.windowTitle() == "Feedback at follow-up"
    # The message goes once an answer is chosen.
    _pick(qtbot, dialog.ui.satisfaction, "4: satisfied")
    assert dialog.ui.message.text() == ""


def test_feedback_date_cannot_be_after_today(qtbot: QtBot) -> None:
    dialog = FeedbackDialog(None, name="Ann", moment=FeedbackMoment.END, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    _pick(qtbot, dialog.ui.satisfaction, "5: very satisfied")
    dialog.ui.givenOn.edit.clear()
    qtbot.keyClicks(dialog.ui.givenOn.edit, "21/11/2026")
    with qtbot.assertNotEmitted(dialog.submitted):
        dialog.save_button().click()
    assert "cannot be after" in dialog.ui.message.text()


def test_feedback_shows_what_was_recorded(qtbot: QtBot) -> None:
    entry = FeedbackEntry(
        given_on=date(2026, 11, 2), satisfaction=Satisfaction.FOUR, coping=Answer.NO, comment="ok"
    )
    dialog = FeedbackDialog(None, name="Ann", moment=FeedbackMoment.END, today=TODAY, entry=entry)
    qtbot.addWidget(dialog)
    assert dialog.entry() == entry
    assert dialog.ui.satisfaction.currentText() == "4: satisfied"


def test_equality_says_why_and_prefills_the_age_band_from_the_date_of_birth(
    qtbot: QtBot,
) -> None:
    dialog = EqualityDialog(None, name="Marcia Bennett", from_birth=AgeBand.FROM_35_TO_44)
    qtbot.addWidget(dialog)
    dialog.show()
    ui = dialog.ui
    why = ui.why.text()
    assert "fair to everyone" in why and "optional" in why
    assert "never shared with the other party" in why and "agreement" in why
    assert ui.ageBand.currentText() == "35 to 44"
    assert "from the date of birth" in ui.ageHint.text()
    assert_accessible(dialog)
    for combo in (ui.sex, ui.genderSame, ui.orientation, ui.ethnicity, ui.disability):
        assert combo.currentText() == "Not asked"
        assert combo.findText("Prefer not to say") > 0


def test_equality_without_a_date_of_birth_asks_for_the_age_band(qtbot: QtBot) -> None:
    dialog = EqualityDialog(None, name="Ann")
    qtbot.addWidget(dialog)
    assert dialog.ui.ageBand.currentText() == "Not asked"
    assert "No date of birth" in dialog.ui.ageHint.text()


def test_equality_prefer_not_to_say_to_every_question(qtbot: QtBot) -> None:
    dialog = EqualityDialog(None, name="Ann", from_birth=AgeBand.FROM_18_TO_24)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.ui.preferNotAll, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.submitted) as signal:
        dialog.save_button().click()
    choice = signal.args[0]
    assert choice == EqualityChoice(
        age_band=AgeBand.PREFER_NOT_TO_SAY,
        sex=Sex.PREFER_NOT_TO_SAY,
        gender_same_as_sex="prefer_not_to_say",  # type: ignore[arg-type]
        sexual_orientation="prefer_not_to_say",  # type: ignore[arg-type]
        ethnicity=Ethnicity.PREFER_NOT_TO_SAY,
        disability=Disability.PREFER_NOT_TO_SAY,
        religion=Religion.PREFER_NOT_TO_SAY,
    )


def test_ethnic_groups_are_headings_that_cannot_be_chosen(qtbot: QtBot) -> None:
    dialog = EqualityDialog(None, name="Ann")
    qtbot.addWidget(dialog)
    combo = dialog.ui.ethnicity
    model = combo.model()
    headings = [
        combo.itemText(i).strip()
        for i in range(combo.count())
        if not (model.flags(model.index(i, 0)) & Qt.ItemFlag.ItemIsEnabled)
    ]
    assert headings == [
        "Asian, Asian British or Asian Welsh",
        "Black, Black British, Black Welsh, Caribbean or African",
        "Mixed or Multiple ethnic groups",
        "White",
        "Other ethnic group",
    ]
    assert combo.count() == 1 + 5 + 19 + 1  # not asked, headings, categories, prefer not
    # Arrowing down from "Not asked" skips the heading to the first category.
    _pick(qtbot, combo, "Bangladeshi")
    _pick(qtbot, dialog.ui.religion, "Sikh")
    with qtbot.waitSignal(dialog.submitted) as signal:
        dialog.save_button().click()
    assert signal.args[0].ethnicity is Ethnicity.ASIAN_BANGLADESHI
    assert signal.args[0].religion is Religion.SIKH
    assert signal.args[0].sex is None
