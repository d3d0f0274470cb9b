"""Typed dates: what a person types is never changed behind their back, a refused or impossible
date is said in one sentence and keeps its text, and the calendar offers only allowed days."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from rjdesk.ui.toolkit.date_field import DateField
from rjdesk.ui.toolkit.dates import DateTypingError, day_text, moment_text, parse_typed

TODAY = QDate(2026, 12, 7)


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def field(qtbot: QtBot, host: QWidget) -> DateField:
    layout = QVBoxLayout(host)
    made = DateField(host)
    made.setAccessibleName("Contact date")
    made.setMaximumDate(TODAY)  # a contact cannot be in the future
    made.setMinimumDate(QDate(2026, 10, 14))  # nor before the referral
    made.setDate(TODAY)
    layout.addWidget(made)
    layout.addWidget(QLineEdit(host))
    host.show()
    qtbot.waitExposed(host)
    return made


def type_date(qtbot: QtBot, field: DateField, typed: str) -> None:
    """Select what is there and type over it, then leave the field with Tab, as a person does."""
    field.edit.setFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(field.edit, typed)
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)


def test_a_date_after_the_latest_allowed_keeps_its_text_and_says_why(
    qtbot: QtBot, field: DateField
) -> None:
    type_date(qtbot, field, "01/01/2027")
    assert field.text() == "01/01/2027"  # not 07/01/2026
    assert field.date() == TODAY  # nothing accepted behind the person's back
    # "... after today, 7 Dec 2026." when the machine's day is the 7th
    assert field.problem().startswith("The date cannot be after")
    assert field.problem().endswith(" 7 Dec 2026.")
    assert field.message.isVisibleTo(field) and field.message.text() == field.problem()
    assert field.edit.accessibleDescription() == field.problem()


def test_eight_digits_typed_without_slashes_are_the_day_month_and_year(
    qtbot: QtBot, field: DateField
) -> None:
    changed: list[QDate] = []
    field.dateChanged.connect(changed.append)
    type_date(qtbot, field, "05122026")
    assert field.date() == QDate(2026, 12, 5)
    assert changed == [QDate(2026, 12, 5)]
    assert field.text() == "05/12/2026"  # the same day, written as dd/mm/yyyy
    assert field.problem() == "" and not field.message.isVisibleTo(field)


def test_an_impossible_date_is_said_and_not_moved_to_fit_the_month(
    qtbot: QtBot, field: DateField
) -> None:
    type_date(qtbot, field, "31/11/2026")
    assert field.text() == "31/11/2026"
    assert field.date() == TODAY
    assert field.problem() == "There is no 31 November 2026: check the day."


def test_a_date_before_the_earliest_allowed_is_refused(qtbot: QtBot, field: DateField) -> None:
    type_date(qtbot, field, "1/10/2026")
    assert field.text() == "1/10/2026"
    assert field.problem() == "The date cannot be before 14 Oct 2026."


def test_the_message_goes_when_the_date_is_put_right(qtbot: QtBot, field: DateField) -> None:
    type_date(qtbot, field, "01/01/2027")
    assert field.message.isVisibleTo(field)
    type_date(qtbot, field, "01/12/2026")
    assert field.problem() == "" and not field.message.isVisibleTo(field)
    assert field.date() == QDate(2026, 12, 1)


def test_the_calendar_offers_only_the_days_the_rules_allow(qtbot: QtBot, field: DateField) -> None:
    field.edit.setFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = field.calendar
    assert calendar is not None and calendar.isVisible()
    assert calendar.maximumDate() == TODAY  # no future day to pick for a contact
    assert calendar.minimumDate() == QDate(2026, 10, 14)
    calendar.clicked.emit(QDate(2026, 11, 20))
    assert field.date() == QDate(2026, 11, 20) and field.text() == "20/11/2026"
    assert not calendar.isVisible()


def test_names_reach_the_typed_box_and_the_calendar_button(field: DateField) -> None:
    assert field.edit.accessibleName() == "Contact date"
    assert field.button.text().lower() in field.button.accessibleName().lower()


def test_typed_forms_people_use() -> None:
    for typed in ("07/12/2026", "7/12/2026", "07-12-2026", "07.12.2026", "07122026", "7 Dec 2026"):
        assert parse_typed(typed) == date(2026, 12, 7), typed
    assert parse_typed("7 December 2026") == date(2026, 12, 7)
    for typed, said in (
        ("07/12/26", "Type the year in full"),
        ("0512202", "is not a date"),
        ("29/02/2027", "There is no 29 February 2027"),
        ("07/13/2026", "There is no month 13"),
        ("7 Decembre 2026", "is not a month"),
    ):
        with pytest.raises(DateTypingError, match=said):
            parse_typed(typed)


def test_one_display_style() -> None:
    assert day_text(date(2026, 12, 7)) == "7 Dec 2026"
    assert day_text(None) == ""
    assert moment_text(datetime(2026, 7, 1, 13, 5, tzinfo=__import__("datetime").UTC)) == (
        "1 Jul 2026, 14:05"  # London summer time
    )


def test_no_screen_formats_a_date_its_own_way() -> None:
    """Every shown date goes through rjdesk.ui.toolkit.dates (one style, locale-free)."""
    from pathlib import Path

    ui = Path(__file__).resolve().parents[2] / "rjdesk" / "ui"
    # (isoformat is left to what is stored or named, such as drafts and file names)
    own_ways = ("strftime(", "%b", "%a", "%A", "%B", "%d ", "toString(")
    offenders = [
        f"{module.relative_to(ui)}: {way}"
        for module in ui.rglob("*.py")
        if "generated" not in module.parts and module.name != "dates.py"
        for way in own_ways
        if way in module.read_text("utf-8")
    ]
    assert offenders == []
