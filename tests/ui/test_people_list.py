"""The People tab's list on a laptop screen: whole rows, and every name in sight however long
the notes beside it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rjdesk.services import people
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk.ui.case.people.model import PeopleModel
from rjdesk.ui.case.people.tab import PeoplePane
from rjdesk.ui.toolkit.context import UiContext
from rjdesk_protocol.enums import Role
from tests.services.builders import person, referral
from tests.ui.conftest import show

LONG_NOTE = (
    "Uses a wheelchair: meetings on the ground floor only, with step-free access from the car "
    "park and an accessible toilet nearby. Has a hearing impairment in the left ear, so sit on "
    "her right and face her when speaking. Tires easily in the afternoon: mornings are best, "
    "no session longer than an hour, with a break half way. Her daughter Grace usually drives "
    "her and would like a text the day before to confirm."
)


def _busy_case(vault: Vault) -> str:
    """A neighbour dispute with six people, the first with a long access-needs note."""
    with vault.unit_of_work() as uow:
        case = referral(uow)
        marcia = person(uow, case, "Marcia Bennett", Role.HARMED)
        people.update_person(
            uow,
            marcia,
            people.PersonDetails(name="Marcia Bennett", access_needs=LONG_NOTE),
        )
        lukasz = person(uow, case, "Łukasz Nowak", Role.RESPONSIBLE)
        person(uow, case, "Zoë Nowak", Role.SUPPORTER, supports=lukasz, relationship="partner")
        person(uow, case, "Grace Bennett", Role.SUPPORTER, supports=marcia, relationship="daughter")
        person(uow, case, "Delroy Reid", Role.HARMED)
        person(uow, case, "Amina Hussain", Role.HARMED)
        return case.id


def _rows_seen(pane: PeoplePane) -> tuple[list[int], list[int]]:
    """The rows wholly in the list's view, and those only partly in it."""
    table = pane.ui.table
    height = table.viewport().height()
    whole, partial = [], []
    for row in range(pane.model.rowCount()):
        top = table.rowViewportPosition(row)
        bottom = top + table.rowHeight(row)
        if top >= 0 and bottom <= height:
            whole.append(row)
        elif bottom > 0 and top < height:
            partial.append(row)
    return whole, partial


def test_the_people_list_shows_whole_rows_and_every_name_beside_a_long_note(
    ctx: UiContext, vault: Vault, qtbot: QtBot, tmp_path: Path
) -> None:
    case_id = _busy_case(vault)
    pane = PeoplePane(ctx)
    qtbot.addWidget(pane)
    pane.resize(1180, 600)  # the case tab's room on a 1366x768 screen
    pane.show()
    show(pane, ctx, case_id)
    qtbot.waitUntil(lambda: not pane._fit_pending)
    qtbot.wait(50)
    pane.grab().save(str(tmp_path / "people-long-note.png"))
    table = pane.ui.table

    whole, partial = _rows_seen(pane)
    assert partial == [], "no row is cut in half at the bottom of the list"
    assert len(whole) >= 4, "the list has the room for most of a busy case"
    # The long note does not make its row taller than the list: the name beside it shows.
    line = table.fontMetrics().lineSpacing()
    for row in whole:
        assert table.rowHeight(row) <= 4 * line
        name = table.visualRect(pane.model.index(row, PeopleModel.NAME))
        assert table.viewport().rect().contains(name), pane.model.person(row).name
    # The note is all there: cut short on screen in the list, whole in its tooltip and in the
    # details of the chosen person below.
    note = pane.model.index(0, PeopleModel.ACCESS_NEEDS)
    assert pane.model.data(note, Qt.ItemDataRole.ToolTipRole) == LONG_NOTE
    assert table.rowHeight(0) < table.sizeHintForRow(0), "the note is cut short in the list"
    assert pane.ui.personName.text() == "Marcia Bennett"
    assert pane.ui.accessNeeds.text() == LONG_NOTE


def test_a_list_longer_than_its_room_ends_at_the_foot_of_a_row(
    ctx: UiContext, vault: Vault, qtbot: QtBot
) -> None:
    case_id = _busy_case(vault)
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        for name in ("Jade Jones", "Kyle Brennan", "Priya Sandhu", "Wei Chen", "Amy Taylor"):
            person(uow, case, name, Role.HARMED)
    pane = PeoplePane(ctx)
    qtbot.addWidget(pane)
    pane.resize(1180, 520)
    pane.show()
    show(pane, ctx, case_id)
    qtbot.waitUntil(lambda: not pane._fit_pending)
    qtbot.wait(50)
    whole, partial = _rows_seen(pane)
    assert partial == [], "the list ends at the foot of a row, not through one"
    assert 3 <= len(whole) < pane.model.rowCount()
    # Scrolling down a row at a time keeps showing whole rows.
    pane.ui.table.verticalScrollBar().setValue(1)
    assert pane.ui.table.rowViewportPosition(1) == 0
