"""The History tab: the case's audit events, newest first, in words."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rjdesk.services import agreements, documents
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk.ui.case.history.tab import HistoryPane
from rjdesk.ui.toolkit.context import UiContext
from rjdesk_protocol.enums import ActionStatus
from tests.ui.conftest import reload_on_change, show, wait_for_db


@pytest.fixture
def pane(ctx: UiContext, qtbot: QtBot) -> Iterator[HistoryPane]:
    widget = HistoryPane(ctx)
    qtbot.addWidget(widget)
    reload_on_change(widget, ctx)
    widget.resize(1100, 700)
    yield widget
    widget.clear()


def follow_up_first_action(vault: Vault, case_id: str) -> None:
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        action = case.agreements[0].actions[0]
        agreements.check_action(
            uow, action, status=ActionStatus.NOT_DONE, checked_on=date(2026, 11, 19)
        )


def test_history_lists_events_newest_first_in_words(
    qtbot: QtBot, ctx: UiContext, vault: Vault, neighbour_case: str, pane: HistoryPane
) -> None:
    follow_up_first_action(vault, neighbour_case)
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, neighbour_case)
        documents.add_attachment(uow, case, filename="scan.png", content=b"\x89PNG\r\n\x1a\nx")

    show(pane, ctx, neighbour_case)
    assert pane.model.rowCount() == 0  # a hidden tab does not read the log
    pane.show()
    wait_for_db(qtbot, ctx)

    rows = pane.model.rows()
    assert [row.what for row in rows[:2]] == ["Attachment added", "Action followed up"]
    assert rows[1].detail == "status: not done"
    assert rows[-1].what == "Case opened"
    assert "Case imported" in [row.what for row in rows]
    assert "Stage changed" in [row.what for row in rows]
    assert "agreement → follow up" in [row.detail for row in rows]
    assert all("_" not in row.what for row in rows)
    assert {row.who for row in rows} == {"Alex Morgan"}
    assert rows[0].when == "20 Nov 2026, 12:00"  # noon in London (GMT in November)
    headers = [pane.model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)]
    assert headers == ["When", "Who", "What", "Detail"]


def test_history_reloads_with_the_case(
    qtbot: QtBot, ctx: UiContext, vault: Vault, neighbour_case: str, pane: HistoryPane
) -> None:
    pane.show()
    show(pane, ctx, neighbour_case)
    wait_for_db(qtbot, ctx)
    count = pane.model.rowCount()
    follow_up_first_action(vault, neighbour_case)
    ctx.signals.case_changed.emit(neighbour_case)
    wait_for_db(qtbot, ctx)
    assert pane.model.rowCount() == count + 1
    assert pane.model.rows()[0].what == "Action followed up"


def test_clear_empties_the_table_and_drops_late_answers(
    qtbot: QtBot, ctx: UiContext, neighbour_case: str, pane: HistoryPane
) -> None:
    pane.show()
    show(pane, ctx, neighbour_case)
    pane.clear()  # the lock arrives before the database answers
    wait_for_db(qtbot, ctx)
    assert pane.model.rowCount() == 0
