"""The People tab: the table, the details, adding, editing, the Victims' Code, removing, and
"seen before" links, driven as a facilitator would over a real vault."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from rjdesk.services.cases import close_case, load_case
from rjdesk.store.vault import Vault
from rjdesk.ui.case.people.model import PeopleModel
from rjdesk.ui.case.people.participant_dialog import ParticipantDialog
from rjdesk.ui.case.people.rj_information_dialog import RjInformationDialog
from rjdesk.ui.case.people.tab import PeoplePane
from rjdesk.ui.toolkit import style
from rjdesk.ui.toolkit.context import UiContext
from rjdesk_protocol.enums import ClosureReason, Role
from tests.ui.conftest import reload_on_change, show, wait_for_db
from tests.ui.widget_text import widget_texts


@pytest.fixture
def pane(ctx: UiContext, qtbot: QtBot) -> PeoplePane:
    widget = PeoplePane(ctx)
    qtbot.addWidget(widget)
    widget.resize(1000, 560)
    widget.show()
    reload_on_change(widget, ctx)
    return widget


def cell(
    pane: PeoplePane, row: int, column: int, role: int = Qt.ItemDataRole.DisplayRole
) -> object:
    return pane.model.data(pane.model.index(row, column), role)


def names(pane: PeoplePane) -> list[str]:
    return [str(cell(pane, row, PeopleModel.NAME)) for row in range(pane.model.rowCount())]


def choose(qtbot: QtBot, pane: PeoplePane, name: str) -> None:
    """Click the person's row in the table."""
    row = next(i for i, text in enumerate(names(pane)) if text.startswith(name))
    table = pane.ui.table
    rect = table.visualRect(pane.model.index(row, PeopleModel.PHONE))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert pane.ui.personName.text() == name


def fill_person(qtbot: QtBot, dialog: ParticipantDialog, name: str, role: Role) -> None:
    qtbot.keyClicks(dialog.ui.name, name)
    dialog.ui.role.setCurrentIndex(dialog.ui.role.findData(role.value))


def test_table_shows_role_consent_and_victims_code(
    pane: PeoplePane, ctx: UiContext, hate_crime_case: str
) -> None:
    show(pane, ctx, hate_crime_case)

    assert names(pane) == ["Mohammed Iqbal", "Kyle Brennan (aged 17)", "Siobhán Brennan",
                           "Priya Sandhu"]  # fmt: skip
    assert cell(pane, 0, PeopleModel.LANGUAGE) == "Urdu, interpreter needed"
    assert cell(pane, 2, PeopleModel.ROLE) == "Supporter of Kyle Brennan (parent)"
    assert cell(pane, 3, PeopleModel.ROLE) == "Professional, Youth Justice Service"
    assert cell(pane, 1, PeopleModel.CONSENT) == "Not yet; parent or carer: not yet"
    assert cell(pane, 3, PeopleModel.CONSENT) == "Not needed"
    overdue = str(cell(pane, 0, PeopleModel.VICTIMS_CODE))
    assert overdue.startswith("Overdue: RJ information not given")
    colour = cell(pane, 0, PeopleModel.VICTIMS_CODE, Qt.ItemDataRole.ForegroundRole)
    assert isinstance(colour, QColor) and colour.name() == style.colour("error")
    assert cell(pane, 1, PeopleModel.VICTIMS_CODE) == ""
    # The first person is chosen and their details shown; RJ information is theirs to record.
    assert pane.ui.personName.text() == "Mohammed Iqbal"
    assert pane.ui.accessNeeds.text() == "Prefers an Urdu interpreter for meetings."
    assert pane.ui.rjInfoButton.isEnabled()


def test_details_of_a_young_person(
    qtbot: QtBot, pane: PeoplePane, ctx: UiContext, hate_crime_case: str
) -> None:
    show(pane, ctx, hate_crime_case)
    choose(qtbot, pane, "Kyle Brennan")

    assert pane.ui.dateOfBirth.text() == "2 May 2009 (age 17, under 18)"
    assert pane.ui.address.text() == "Wheeler Street, Birmingham B19"
    assert pane.ui.seenBefore.text() == "Not seen in any other case."
    assert not pane.ui.rjInfoButton.isEnabled()  # not a harmed person


def test_add_a_person_through_the_dialog(
    qtbot: QtBot, pane: PeoplePane, ctx: UiContext, vault: Vault, neighbour_case: str
) -> None:
    show(pane, ctx, neighbour_case)
    qtbot.mouseClick(pane.ui.addButton, Qt.MouseButton.LeftButton)
    dialog = pane.dialog
    assert isinstance(dialog, ParticipantDialog)

    fill_person(qtbot, dialog, "Grace Okafor", Role.SUPPORTER)
    dialog.ui.supports.setCurrentIndex(
        dialog.ui.supports.findText("Marcia Bennett", Qt.MatchFlag.MatchStartsWith)
    )
    qtbot.keyClicks(dialog.ui.relationship.lineEdit(), "friend")
    qtbot.keyClicks(dialog.ui.phone, "07700 900999")
    dialog.ui.language.setCurrentIndex(dialog.ui.language.findData("en"))
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    wait_for_db(qtbot, ctx)

    assert pane.dialog is None  # closed once saved
    assert "Grace Okafor" in names(pane)
    assert pane.ui.personName.text() == "Grace Okafor"  # the new person is chosen
    assert pane.ui.role.text() == "Supporter of Marcia Bennett (friend)"
    with vault.reader() as session:
        grace = next(p for p in load_case(session, neighbour_case).participants
                     if p.name == "Grace Okafor")  # fmt: skip
        assert grace.role == Role.SUPPORTER
        assert grace.supports is not None and grace.supports.name == "Marcia Bennett"
        assert grace.person.phone == "07700 900999"
        assert grace.person.language == "en"


def test_the_dialog_explains_what_is_missing(
    qtbot: QtBot, pane: PeoplePane, ctx: UiContext, neighbour_case: str
) -> None:
    show(pane, ctx, neighbour_case)
    qtbot.mouseClick(pane.ui.addButton, Qt.MouseButton.LeftButton)
    dialog = pane.dialog
    assert isinstance(dialog, ParticipantDialog)

    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert dialog.ui.message.text() == "Choose the person's role in the case."
    dialog.ui.role.setCurrentIndex(dialog.ui.role.findData(Role.HARMED.value))
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    assert dialog.ui.message.text() == "Type the person's name."
    assert dialog.isVisible() and dialog.ok_button().isEnabled()
    dialog.reject()


def test_seen_before_is_said_and_links_to_the_other_case(
    qtbot: QtBot, pane: PeoplePane, ctx: UiContext, neighbour_case: str, hate_crime_case: str
) -> None:
    with ctx.vault.reader() as session:
        neighbour_reference = load_case(session, neighbour_case).reference
    show(pane, ctx, hate_crime_case)
    qtbot.mouseClick(pane.ui.addButton, Qt.MouseButton.LeftButton)
    dialog = pane.dialog
    assert isinstance(dialog, ParticipantDialog)
    fill_person(qtbot, dialog, "Marcia  Bennett", Role.HARMED)
    qtbot.mouseClick(dialog.ui.dobKnown, Qt.MouseButton.LeftButton)
    dialog.ui.dateOfBirth.setDate(QDate(1971, 3, 9))
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    wait_for_db(qtbot, ctx)

    assert pane.ui.message.text() == (f"Seen before in {neighbour_reference}: same date of birth.")
    assert pane.ui.personName.text() == "Marcia Bennett"
    assert neighbour_reference in pane.ui.seenBefore.text()
    # The reference comes first on the line: a click on it opens the other case.
    with qtbot.waitSignal(ctx.signals.open_case) as opened:
        qtbot.mouseClick(pane.ui.seenBefore, Qt.MouseButton.LeftButton, pos=QPoint(8, 6))
    assert opened.args == [neighbour_case, "people"]
    # By keyboard: Tab from the table reaches the list, Tab again its first link, Enter opens.
    pane.activateWindow()
    qtbot.waitActive(pane)
    pane.ui.table.setFocus()
    qtbot.keyClick(pane.ui.table, Qt.Key.Key_Tab)
    assert pane.focusWidget() is pane.ui.seenBefore
    with qtbot.waitSignal(ctx.signals.open_case) as opened:
        qtbot.keyClick(pane.ui.seenBefore, Qt.Key.Key_Tab)
        qtbot.keyClick(pane.ui.seenBefore, Qt.Key.Key_Return)
    assert opened.args == [neighbour_case, "people"]


def test_recording_rj_information_updates_the_victims_code(
    qtbot: QtBot, pane: PeoplePane, ctx: UiContext, hate_crime_case: str
) -> None:
    show(pane, ctx, hate_crime_case)
    choose(qtbot, pane, "Mohammed Iqbal")
    qtbot.mouseClick(pane.ui.rjInfoButton, Qt.MouseButton.LeftButton)
    dialog = pane.dialog
    assert isinstance(dialog, RjInformationDialog)
    assert dialog.ui.givenOn.date() == QDate(2026, 11, 20)  # today unless changed
    assert "by 17 Nov 2026" in dialog.ui.explanation.text()

    dialog.ui.givenOn.setDate(QDate(2026, 11, 16))
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    wait_for_db(qtbot, ctx)

    assert pane.dialog is None  # closed once saved
    assert cell(pane, 0, PeopleModel.VICTIMS_CODE) == (
        "RJ information given after 4 working days (deadline 17 Nov 2026)"
    )
    assert cell(pane, 0, PeopleModel.VICTIMS_CODE, Qt.ItemDataRole.ForegroundRole) is None
    assert pane.ui.victimsCode.text().startswith("RJ information given after 4 working days")
    assert pane.snapshot is not None
    assert pane.snapshot.case.participants[0].rj_information_given_on == date(2026, 11, 16)


def test_edit_details(qtbot: QtBot, pane: PeoplePane, ctx: UiContext, neighbour_case: str) -> None:
    show(pane, ctx, neighbour_case)
    choose(qtbot, pane, "Zoë Nowak")
    qtbot.mouseClick(pane.ui.editButton, Qt.MouseButton.LeftButton)
    dialog = pane.dialog
    assert isinstance(dialog, ParticipantDialog)
    assert dialog.ui.name.text() == "Zoë Nowak"
    assert not dialog.ui.role.isEnabled()  # the role is fixed once in the case

    dialog.ui.phone.clear()
    qtbot.keyClicks(dialog.ui.phone, "07700 900111")
    qtbot.mouseClick(dialog.ui.interpreter, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    wait_for_db(qtbot, ctx)

    assert pane.ui.personName.text() == "Zoë Nowak"  # still chosen after the reload
    assert pane.ui.phone.text() == "07700 900111"
    assert pane.ui.language.text() == "English, interpreter needed"
    assert pane.ui.role.text() == "Supporter of Łukasz Nowak (partner)"


def test_removing_someone_the_records_need_is_refused(
    qtbot: QtBot, pane: PeoplePane, ctx: UiContext, neighbour_case: str
) -> None:
    show(pane, ctx, neighbour_case)
    choose(qtbot, pane, "Marcia Bennett")
    qtbot.mouseClick(pane.ui.removeButton, Qt.MouseButton.LeftButton)
    wait_for_db(qtbot, ctx)

    assert pane.dialog is None  # refused before any question is asked
    assert pane.ui.message.isVisible()
    assert pane.ui.message.text() == (
        "Marcia Bennett (harmed and responsible) is part of the case's records and cannot be "
        "removed."
    )
    assert pane.model.rowCount() == 3


def test_remove_someone_added_by_mistake_after_confirming(
    qtbot: QtBot, pane: PeoplePane, ctx: UiContext, vault: Vault, hate_crime_case: str
) -> None:
    show(pane, ctx, hate_crime_case)
    choose(qtbot, pane, "Mohammed Iqbal")
    qtbot.mouseClick(pane.ui.removeButton, Qt.MouseButton.LeftButton)
    wait_for_db(qtbot, ctx)
    box = pane.dialog
    assert isinstance(box, QMessageBox)
    assert "Remove Mohammed Iqbal (harmed)" in box.text()

    remove = next(b for b in box.buttons() if b.text() == "&Remove")
    qtbot.mouseClick(remove, Qt.MouseButton.LeftButton)
    wait_for_db(qtbot, ctx)

    assert "Mohammed Iqbal" not in names(pane)
    with vault.reader() as session:
        assert len(load_case(session, hate_crime_case).participants) == 3


def test_clear_leaves_no_case_text(
    qtbot: QtBot, pane: PeoplePane, ctx: UiContext, hate_crime_case: str
) -> None:
    show(pane, ctx, hate_crime_case)
    assert pane.snapshot is not None
    case = pane.snapshot.case
    secrets = [case.reference, "Overdue"]
    for p in case.participants:
        person = p.person
        secrets += [p.name, person.phone or "", person.address or "", person.access_needs]
    secrets = [s for s in secrets if s]
    choose(qtbot, pane, "Kyle Brennan")
    qtbot.mouseClick(pane.ui.editButton, Qt.MouseButton.LeftButton)  # a dialog is open too

    pane.clear()

    assert pane.model.rowCount() == 0
    assert pane.dialog is None
    for widget in pane.findChildren(QWidget):
        leaked = [s for text in widget_texts(widget) for s in secrets if s in text]
        assert not leaked, f"{type(widget).__name__} {widget.objectName()} shows {leaked}"


def test_a_refusal_keeps_the_dialog_open_to_correct(
    qtbot: QtBot, pane: PeoplePane, ctx: UiContext, vault: Vault, hate_crime_case: str
) -> None:
    show(pane, ctx, hate_crime_case)
    qtbot.mouseClick(pane.ui.addButton, Qt.MouseButton.LeftButton)
    dialog = pane.dialog
    assert isinstance(dialog, ParticipantDialog)
    fill_person(qtbot, dialog, "Amir Khan", Role.HARMED)
    # Meanwhile the case is closed (say, by an import from the hub).
    with vault.unit_of_work() as uow:
        close_case(uow, load_case(uow.session, hate_crime_case), ClosureReason.DECLINED)
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    wait_for_db(qtbot, ctx)

    assert pane.dialog is dialog and dialog.isVisible()
    assert dialog.ui.message.text().endswith("is closed.")
    assert dialog.ok_button().isEnabled()  # free to correct, or to cancel
    dialog.reject()
    assert pane.dialog is None
