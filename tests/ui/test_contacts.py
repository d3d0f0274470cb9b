"""The Contacts & notes tab: the timeline, a new contact, addenda, drafts and the lock."""

from __future__ import annotations

import time
from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import delete, isValid

from rjdesk.app.cases import open_case
from rjdesk.app.views import CaseView
from rjdesk.services import contacts
from rjdesk.services.cases import load_case
from rjdesk.ui.case.contacts.addendum import AddendumDialog
from rjdesk.ui.case.contacts.tab import ContactsPane, now_rounded
from rjdesk.ui.toolkit.context import UiContext
from rjdesk_protocol.calendar import LONDON
from rjdesk_protocol.enums import ContactKind
from tests.conftest import FACILITATOR, TODAY
from tests.ui.conftest import reload_on_change, show, wait_for_db
from tests.ui.widget_text import widget_texts


@pytest.fixture
def pane(ctx: UiContext, qtbot: QtBot) -> ContactsPane:
    shown = ContactsPane(ctx)
    qtbot.addWidget(shown)
    shown.resize(1100, 700)
    shown.show()
    reload_on_change(shown, ctx)
    return shown


def entries(pane: ContactsPane) -> list[str]:
    model = pane.timeline
    return [model.index(row).data() for row in range(model.rowCount())]


def tick(pane: ContactsPane, *names: str) -> None:
    for box in pane.present.values():
        box.setChecked(any(box.text().startswith(name) for name in names))


def choose_kind(pane: ContactsPane, label: str) -> None:
    pane.ui.kind.setCurrentIndex(pane.ui.kind.findText(label))


def select(pane: ContactsPane, row: int) -> None:
    pane.ui.timeline.setCurrentIndex(pane.timeline.index(row))


def in_vault(ctx: UiContext, case_id: str) -> CaseView:
    """The case as the vault now holds it."""
    return open_case(ctx.vault, case_id, TODAY, viewed=False).case


def save_addendum(dialog: AddendumDialog) -> None:
    dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_the_timeline_shows_every_contact_newest_first_in_london_time(
    pane: ContactsPane, ctx: UiContext, neighbour_case: str
) -> None:
    show(pane, ctx, neighbour_case)
    shown = entries(pane)
    assert len(shown) == 5
    assert shown[0].startswith(
        "Conference — Wed 4 Nov 2026, 18:30 — Castle Vale Community Centre, room 2"
    )
    assert "With Marcia Bennett, Łukasz Nowak, Zoë Nowak · written by" in shown[0]
    assert "Next steps: Follow-up call in three weeks." in shown[0]
    # 16 October is summer time: stored 08:40 UTC, read 09:40 in London.
    assert shown[-1].startswith("Phone call — Fri 16 Oct 2026, 09:40")


def test_a_phone_contact_saved_through_the_form(
    pane: ContactsPane, ctx: UiContext, neighbour_case: str, qtbot: QtBot
) -> None:
    show(pane, ctx, neighbour_case)
    ui = pane.ui
    # The form offers now (noon on 20 November in the test vault), to five minutes.
    assert ui.date.date() == QDate(2026, 11, 20)
    assert ui.time.time() == QTime(12, 0)
    assert not ui.interventionHint.isVisibleTo(pane)

    choose_kind(pane, "Phone call")
    ui.date.setDate(QDate(2026, 10, 23))  # summer time: London is UTC+1
    ui.time.setTime(QTime(14, 5))
    tick(pane, "Marcia Bennett")
    qtbot.keyClicks(ui.location, "By phone")
    qtbot.keyClicks(ui.notes, "Marcia asked whether the gate closer has been fitted.")
    qtbot.keyClicks(ui.nextSteps, "Check with Lukasz at the follow-up call.")
    ui.saveButton.click()
    wait_for_db(qtbot, ctx)

    assert ui.message.text() == "Phone call saved."
    assert ui.notes.toPlainText() == "" and ui.nextSteps.toPlainText() == ""
    assert ui.location.text() == ""
    assert not any(box.isChecked() for box in pane.present.values())
    saved = next(e for e in entries(pane) if "gate closer" in e)
    assert saved.startswith("Phone call — Fri 23 Oct 2026, 14:05 — By phone")
    assert "With Marcia Bennett · written by " + FACILITATOR in saved
    assert "Next steps: Check with Lukasz at the follow-up call." in saved
    contact = next(c for c in in_vault(ctx, neighbour_case).contacts if "gate closer" in c.notes)
    assert contact.kind == ContactKind.PHONE
    assert contact.at == datetime(2026, 10, 23, 13, 5, tzinfo=UTC)
    assert [p.name for p in contact.present] == ["Marcia Bennett"]


def test_a_refused_conference_keeps_the_notes_and_says_why(
    pane: ContactsPane, ctx: UiContext, hate_crime_case: str, qtbot: QtBot
) -> None:
    show(pane, ctx, hate_crime_case)
    ui = pane.ui
    choose_kind(pane, "Conference")
    assert ui.interventionHint.isVisibleTo(pane)
    ui.time.setTime(QTime(10, 0))
    tick(pane, "Mohammed Iqbal", "Kyle Brennan")
    notes = "Mr Iqbal and Kyle met at the community centre."
    qtbot.keyClicks(ui.notes, notes)
    pane.save()  # Ctrl+S
    wait_for_db(qtbot, ctx)

    qtbot.waitUntil(lambda: "•" in ui.message.text())  # one reason a line
    message = ui.message.text()
    assert message.startswith("Cannot record the conference:\n• no completed risk assessment")
    assert "Kyle Brennan (responsible) is under 18 and needs a parent's or carer's consent" in (
        message
    )
    assert ui.notes.toPlainText() == notes
    assert len(entries(pane)) == 1  # nothing saved
    assert len(in_vault(ctx, hate_crime_case).contacts) == 1


def test_an_addendum_keeps_the_original(
    pane: ContactsPane, ctx: UiContext, neighbour_case: str, qtbot: QtBot
) -> None:
    show(pane, ctx, neighbour_case)
    assert not pane.ui.addendumButton.isEnabled()  # nothing selected
    original = "Both parties spoke about the effect of the last months."
    select(pane, 0)
    pane.ui.addendumButton.click()
    dialog = pane.dialog
    assert dialog is not None
    assert original in dialog.ui.original.toPlainText()
    assert dialog.ui.original.isReadOnly()
    save_addendum(dialog)  # empty
    assert dialog.ui.message.text() == "Write the addendum first."
    qtbot.keyClicks(dialog.ui.text, "Mr Nowak phoned to say the gate closer is on order.")
    save_addendum(dialog)
    wait_for_db(qtbot, ctx)

    assert pane.dialog is None
    entry = entries(pane)[0]
    assert original in entry
    assert (
        f"Addendum 20 Nov 2026 12:00 by {FACILITATOR}: "
        "Mr Nowak phoned to say the gate closer is on order."
    ) in entry
    assert pane.selected_contact() is not None  # the same contact stays selected
    conference = max(in_vault(ctx, neighbour_case).contacts, key=lambda c: c.at)
    assert conference.notes.startswith(original)
    assert [a.text for a in conference.addenda] == [
        "Mr Nowak phoned to say the gate closer is on order."
    ]


def test_drafts_round_trip(
    pane: ContactsPane, ctx: UiContext, neighbour_case: str, qtbot: QtBot
) -> None:
    show(pane, ctx, neighbour_case)
    ui = pane.ui
    qtbot.keyClicks(ui.notes, "Called Marcia; no noise this week.")
    qtbot.keyClicks(ui.nextSteps, "Review on 25 Nov.")
    qtbot.keyClicks(ui.location, "By phone")
    select(pane, 1)
    dialog = pane.open_addendum()
    assert dialog is not None
    qtbot.keyClicks(dialog.ui.text, "Zoe confirmed the date.")
    drafts = pane.drafts()
    assert drafts["new_notes"] == "Called Marcia; no noise this week."
    assert drafts["new_next_steps"] == "Review on 25 Nov."
    assert drafts["new_where"] == "By phone"
    assert drafts["addendum"] == "Zoe confirmed the date."

    pane.clear()
    assert ui.notes.toPlainText() == "" and pane.dialog is None
    show(pane, ctx, neighbour_case)
    pane.restore_drafts(drafts)
    assert ui.notes.toPlainText() == "Called Marcia; no noise this week."
    assert ui.nextSteps.toPlainText() == "Review on 25 Nov."
    assert ui.location.text() == "By phone"
    assert pane.dialog is not None
    assert pane.dialog.text() == "Zoe confirmed the date."
    assert pane.dialog.contact_id == drafts["addendum_for"]


def test_a_reload_keeps_what_is_typed(
    pane: ContactsPane, ctx: UiContext, neighbour_case: str, qtbot: QtBot
) -> None:
    show(pane, ctx, neighbour_case)
    tick(pane, "Zoë Nowak")
    qtbot.keyClicks(pane.ui.notes, "Half-written note")
    show(pane, ctx, neighbour_case)  # another tab changed the case
    assert pane.ui.notes.toPlainText() == "Half-written note"
    assert [box.isChecked() for box in pane.present.values()] == [False, False, True]


def test_clear_leaves_no_case_text(
    pane: ContactsPane, ctx: UiContext, neighbour_case: str, qtbot: QtBot
) -> None:
    show(pane, ctx, neighbour_case)
    tick(pane, "Marcia Bennett")
    qtbot.keyClicks(pane.ui.notes, "Spoke to Marcia about the gate")
    select(pane, 0)
    dialog = pane.open_addendum()
    assert dialog is not None
    qtbot.keyClicks(dialog.ui.text, "The music has stopped")
    pane.clear()
    needles = ["Marcia", "Łukasz", "Zoë", "Nowak", "gate", "music", "Castle Vale", "Farnborough"]
    widgets: list[QWidget] = [pane, *pane.findChildren(QWidget)]
    found = [
        text
        for widget in widgets
        for text in widget_texts(widget)
        if text and any(needle in text for needle in needles)
    ]
    assert found == []
    assert pane.timeline.rowCount() == 0
    assert pane.present == {}


def test_sixty_contacts_show_quickly(
    pane: ContactsPane, ctx: UiContext, neighbour_case: str, qtbot: QtBot
) -> None:
    # Fifty-five contacts in one unit of work (the service's), as a long case would have them.
    with ctx.vault.unit_of_work() as uow:
        case = load_case(uow.session, neighbour_case)
        start = datetime(2026, 11, 5, 9, 0, tzinfo=LONDON)
        for number in range(55):
            contacts.record_contact(
                uow,
                case,
                kind=ContactKind.PHONE,
                at=start + timedelta(hours=number * 4),
                present=[case.participants[number % 3]],
                notes=f"Call {number}. " + "A long note that wraps over several lines. " * 8,
            )
    began = time.perf_counter()
    show(pane, ctx, neighbour_case)
    pane.ui.timeline.scrollToBottom()
    qtbot.wait(10)
    assert time.perf_counter() - began < 2.0
    assert pane.timeline.rowCount() == 60
    assert "Call 54." in entries(pane)[0]


def test_the_time_offered_is_now_to_five_minutes() -> None:
    moment = datetime(2026, 7, 1, 13, 12, 31, tzinfo=UTC)
    assert now_rounded(moment) == datetime(2026, 7, 1, 14, 15, tzinfo=LONDON)
    assert now_rounded(moment - timedelta(minutes=1)) == datetime(2026, 7, 1, 14, 10, tzinfo=LONDON)
    assert date(2026, 7, 1) == now_rounded(moment).date()


def test_an_addendum_dialog_closed_while_saving_is_deleted_safely(
    pane: ContactsPane, ctx: UiContext, neighbour_case: str, qtbot: QtBot
) -> None:
    show(pane, ctx, neighbour_case)
    select(pane, 0)
    dialog = pane.open_addendum()
    assert dialog is not None
    qtbot.keyClicks(dialog.ui.text, "Mr Nowak phoned back.")
    save_addendum(dialog)
    dialog.reject()  # before the save has answered
    assert pane.dialog is None
    wait_for_db(qtbot, ctx)
    qtbot.waitUntil(lambda: not isValid(dialog))
    assert "by Alex Morgan: Mr Nowak phoned back." in entries(pane)[0]


def test_ctrl_s_twice_saves_the_contact_once(
    pane: ContactsPane, ctx: UiContext, neighbour_case: str, qtbot: QtBot
) -> None:
    show(pane, ctx, neighbour_case)
    choose_kind(pane, "Phone call")
    qtbot.keyClicks(pane.ui.notes, "Called Marcia; no noise this week.")
    pane.save()
    assert not pane.ui.saveButton.isEnabled()  # greyed out while it saves
    pane.save()
    wait_for_db(qtbot, ctx)
    assert pane.ui.saveButton.isEnabled()
    assert sum("no noise this week" in e for e in entries(pane)) == 1


def test_a_tab_deleted_by_a_lock_with_a_dialog_open_leaves_nothing_to_fail(
    ctx: UiContext, neighbour_case: str, qtbot: QtBot
) -> None:
    pane = ContactsPane(ctx)
    show(pane, ctx, neighbour_case)
    pane.ui.timeline.setCurrentIndex(pane.timeline.index(0))
    dialog = pane.open_addendum()
    assert dialog is not None
    pane.clear()  # the lock clears the tab, then deletes it with the workspace
    delete(pane)
    assert not isValid(dialog)
    wait_for_db(qtbot, ctx)  # the dialog's deferred deletion finds it already gone
