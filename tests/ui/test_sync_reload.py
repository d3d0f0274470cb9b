"""A hub update to the case that is open: the window shows it at once, and what the facilitator
was typing (and had not saved) stays where it was."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from rjdesk.services.cases import load_case, update_referral
from rjdesk.store.vault import Vault
from rjdesk.ui.case.contacts.tab import ContactsPane
from rjdesk.ui.case.overview.tab import OverviewPane
from tests.ui.test_window import case_in_window


def test_a_hub_update_to_the_open_case_shows_and_keeps_what_is_being_typed(
    vault: Vault, neighbour_case: str, qtbot: QtBot
) -> None:
    window, case_page = case_in_window(vault, neighbour_case, "contacts", qtbot)
    contacts = next(p for p in case_page.panes if isinstance(p, ContactsPane))
    overview = next(p for p in case_page.panes if isinstance(p, OverviewPane))
    qtbot.keyClicks(contacts.ui.notes, "Half a note about the visit")
    overview.ui.referrerPhone.setText("07700 900123")  # typed on the other tab, not saved

    # What a sync does: the hub's change is written, then the window is told.
    with window.ctx.vault.unit_of_work() as uow:
        update_referral(uow, load_case(uow.session, neighbour_case), location="Farnborough Rd")
    before = case_page.snapshot
    window.sync.cases_updated.emit([neighbour_case])
    qtbot.waitUntil(
        lambda: case_page.snapshot is not before and not window.tasks.busy, timeout=5_000
    )

    assert case_page.snapshot is not None
    assert case_page.snapshot.case.location == "Farnborough Rd"
    assert overview.ui.location.text() == "Farnborough Rd"  # the hub's change, shown
    assert contacts.ui.notes.toPlainText() == "Half a note about the visit"
    assert overview.ui.referrerPhone.text() == "07700 900123"
    assert case_page.current_pane() == "contacts"  # still where the facilitator was
