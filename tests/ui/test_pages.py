"""Today and Settings."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rjdesk.services.settings import load_settings
from rjdesk.store.vault import Vault
from rjdesk.ui.pages.settings import ChangePassphraseDialog, SettingsPage
from rjdesk.ui.pages.today import TodayPage
from rjdesk.ui.toolkit.context import UiContext
from rjdesk_protocol.enums import Role
from tests.conftest import PASSPHRASE
from tests.services.builders import person, referral
from tests.ui.conftest import wait_for_db


def test_today_lists_due_actions_reviews_and_victims_code_deadlines(
    ctx: UiContext, vault: Vault, neighbour_case: str, hate_crime_case: str, qtbot: QtBot
) -> None:
    with vault.unit_of_work() as uow:
        fresh = referral(uow)  # received 1 Oct: its harmed person's deadline passed long ago
        person(uow, fresh, "Ruth Ellis", Role.HARMED)
    page = TodayPage(ctx)
    qtbot.addWidget(page)
    opened: list[tuple[str, str]] = []
    ctx.signals.open_case.connect(lambda case_id, pane: opened.append((case_id, pane)))
    page.refresh()
    wait_for_db(qtbot, ctx)
    overdue = [(row.what, row.due_on) for row in page.overdue.rows()]
    due = [(row.what, row.due_on) for row in page.due.rows()]
    # The neighbour agreement: the gate closer (due 18 Nov, overdue, so in its own list above
    # the week's) and the review on 25 Nov, with the two neighbours who signed it.
    assert ("Fit a spring closer to the shared side gate.", date(2026, 11, 18)) in overdue
    assert ("Review agreement version 1", date(2026, 11, 25)) in due
    assert not any(row.overdue for row in page.due.rows()), "the week's list holds the week"
    assert all(row.overdue for row in page.overdue.rows())
    review = next(row for row in page.due.rows() if row.what.startswith("Review"))
    assert review.who == "Marcia Bennett, Łukasz Nowak"
    assert page.due.data(page.due.index(0, 2)) == "Marcia Bennett, Łukasz Nowak"
    assert page.ui.overdue.isVisibleTo(page) and page.ui.overdueLabel.isVisibleTo(page)
    assert page.ui.overdueLabel.text().startswith("&Overdue")
    assert page.ui.overdueLabel.buddy() is page.ui.overdue
    victims = {(row.who, row.overdue) for row in page.victims.rows()}
    assert ("Mohammed Iqbal", True) in victims and ("Ruth Ellis", True) in victims
    assert page.overdue.data(page.overdue.index(0, 0)).endswith("(overdue)")
    page.ui.overdue.setFocus()
    page.ui.overdue.selectRow(0)
    qtbot.keyClick(page.ui.overdue, Qt.Key.Key_Return)
    assert opened == [(neighbour_case, "agreement")]
    opened.clear()
    page.ui.victims.setFocus()
    page.ui.victims.selectRow(0)
    qtbot.keyClick(page.ui.victims, Qt.Key.Key_Return)
    assert opened and opened[0][1] == "people"
    page.clear()
    assert page.due.rowCount() == page.victims.rowCount() == page.recent.rowCount() == 0
    assert page.overdue.rowCount() == 0


def test_today_shows_no_overdue_list_when_nothing_is_late(
    ctx: UiContext, hate_crime_case: str, qtbot: QtBot
) -> None:
    page = TodayPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    wait_for_db(qtbot, ctx)
    assert page.overdue.rowCount() == 0
    assert not page.ui.overdue.isVisibleTo(page)
    assert not page.ui.overdueLabel.isVisibleTo(page)
    assert page.ui.due.isVisibleTo(page)


def test_settings_are_kept_in_the_vault(ctx: UiContext, vault: Vault, qtbot: QtBot) -> None:
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    wait_for_db(qtbot, ctx)
    assert page.ui.facilitatorName.text() == "Alex Morgan"
    page.ui.idleMinutes.setValue(10)
    page.ui.serviceName.setText("Castle Vale Restorative Justice Hub")
    page.ui.address.setPlainText("1 High Street\nBirmingham B35 7AA")
    page.save()
    wait_for_db(qtbot, ctx)
    assert page.ui.message.text() == "Saved."
    with vault.reader() as session:
        settings = load_settings(session)
    assert settings.idle_lock_minutes == 10
    assert settings.letterhead.service_name == "Castle Vale Restorative Justice Hub"
    page.ui.facilitatorName.clear()
    page.save()
    wait_for_db(qtbot, ctx)
    assert page.ui.message.text() == "A name is needed."


def test_changing_the_passphrase_from_settings(ctx: UiContext, vault: Vault, qtbot: QtBot) -> None:
    dialog = ChangePassphraseDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.ui.current.setText("wrong passphrase entirely")
    dialog.ui.newPassphrase.setText("a new and longer passphrase")
    dialog.ui.confirm.setText("a new and longer passphrase")
    dialog._change()
    wait_for_db(qtbot, ctx)
    assert "wrong passphrase" in dialog.ui.message.text().lower()
    dialog.ui.current.setText(PASSPHRASE)
    dialog._change()
    wait_for_db(qtbot, ctx)
    assert dialog.result() == dialog.DialogCode.Accepted
    vault.lock()
    Vault(vault.data_dir).unlock("a new and longer passphrase")
