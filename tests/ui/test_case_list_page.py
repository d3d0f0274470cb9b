"""The Cases page as the window builds it after an unlock."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rjdesk.services import importer
from rjdesk.store.vault import Vault
from rjdesk.ui.pages.cases import CasesPage
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.tasks import Lane
from tests.conftest import HATE_CRIME
from tests.ui.conftest import wait_for_db


def test_the_list_is_asked_for_once_when_the_page_is_made(
    ctx: UiContext, vault: Vault, qtbot: QtBot
) -> None:
    with vault.unit_of_work() as uow:
        reference = importer.import_case(uow, HATE_CRIME.read_bytes()).reference
    page = CasesPage(ctx)
    qtbot.addWidget(page)
    # One request, not a second one behind it that the first rows would wait for.
    assert ctx.tasks.pending(Lane.DATABASE) == 1
    header = page.ui.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        -1,
        Qt.SortOrder.DescendingOrder,
    )
    assert header.isSortIndicatorShown()
    wait_for_db(qtbot, ctx)
    assert page.model.rowCount() == 1
    assert page.model.case_id(0) is not None
    assert page.ui.count.text() == "1 case"
    assert page.model.data(page.model.index(0, 0)) == reference
