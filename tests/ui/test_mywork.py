"""The My work page (pytest-qt, a real vault): its charts and the tables beside them hold the
same figures, stated by hand; a previous quarter is chosen in the list; Ctrl+J reaches it from
anywhere in the window, and the rail lights it.

The vault holds the neighbour dispute (received Wed 14 Oct 2026, both parties told within the
Victims' Code's five working days; follow-up, the spring closer due 18 Nov still pending) and
the early hate crime (received Tue 10 Nov, its harmed person not told by Tue 17 Nov: missed;
being assessed). Today is 20 November 2026, in Q3 2026-27.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from rjdesk.store.vault import Vault
from rjdesk.ui.main_window import MainWindow
from rjdesk.ui.pages.mywork import MyWorkPage
from rjdesk.ui.toolkit.context import UiContext
from tests.ui.a11y.checks import assert_accessible
from tests.ui.conftest import wait_for_db
from tests.ui.test_window import locked, unlocked, window

__all__ = ["locked", "window"]  # fixtures


def _table(view: QTableView) -> dict[str, str]:
    model = view.model()
    return {
        model.index(row, 0).data(): model.index(row, 1).data() for row in range(model.rowCount())
    }


def _page(ctx: UiContext, qtbot: QtBot) -> MyWorkPage:
    page = MyWorkPage(ctx)
    qtbot.addWidget(page)
    page.resize(1000, 900)
    page.show()
    page.refresh()
    wait_for_db(qtbot, ctx)
    return page


def test_the_page_shows_this_quarters_figures_in_charts_and_tables_alike(
    ctx: UiContext, neighbour_case: str, hate_crime_case: str, qtbot: QtBot, tmp_path: Path
) -> None:
    page = _page(ctx, qtbot)
    ui = page.ui
    assert ui.quarter.currentText() == "Q3 2026-27 (October to December 2026)"
    assert ui.quarter.count() == 8
    assert ui.quarter.itemText(7) == "Q4 2024-25 (January to March 2025)"
    assert _table(ui.openTable) == {
        "Referral": "0", "Assessment": "1", "Preparation": "0", "Intervention": "0",
        "Agreement": "0", "Follow-up": "1",
    }  # fmt: skip
    assert ui.openLabel.text() == "&Open cases now, by stage (2)"
    assert _table(ui.victimsTable) == {"Met": "2", "Missed": "1", "Still due": "0"}
    assert _table(ui.actionsTable) == {"Done": "0", "Not done": "0", "Still pending": "1"}
    assert set(_table(ui.closedTable).values()) == {"0"}
    # Each chart draws what its table says, in the same order.
    for chart, table in (
        (ui.openChart, ui.openTable),
        (ui.victimsChart, ui.victimsTable),
        (ui.actionsChart, ui.actionsTable),
        (ui.closedChart, ui.closedTable),
    ):
        assert [(label, str(count)) for label, count in chart.figures()] == list(
            _table(table).items()
        )
    assert ui.note.text() == "Counted so far in Q3 2026-27 (October to December 2026)."
    page.grab().save(str(tmp_path / "mywork.png"))
    assert_accessible(page)


def test_a_previous_quarter_is_chosen_from_the_list(
    ctx: UiContext, neighbour_case: str, hate_crime_case: str, qtbot: QtBot
) -> None:
    page = _page(ctx, qtbot)
    page.ui.quarter.setFocus()
    qtbot.keyClick(page.ui.quarter, Qt.Key.Key_Down)  # the quarter before: July to September
    wait_for_db(qtbot, ctx)
    assert page.view is not None and page.view.quarter.key == "2026-27Q2"
    assert page.ui.note.text() == "Counted in Q2 2026-27 (July to September 2026)."
    assert set(_table(page.ui.victimsTable).values()) == {"0"}
    assert set(_table(page.ui.actionsTable).values()) == {"0"}
    # Open cases are counted now, whichever quarter is chosen.
    assert page.ui.openLabel.text() == "&Open cases now, by stage (2)"
    # Coming back to the page keeps the quarter chosen.
    page.refresh()
    wait_for_db(qtbot, ctx)
    assert page.view.quarter.key == "2026-27Q2"


def test_ctrl_j_opens_my_work_from_anywhere_and_the_rail_lights_it(
    vault: Vault, neighbour_case: str, hate_crime_case: str, qtbot: QtBot
) -> None:
    vault.lock()
    window = MainWindow(Vault(vault.data_dir, clock=vault.clock))
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    unlocked(window, qtbot)
    workspace = window.workspace
    assert workspace is not None
    workspace.show_page("cases")
    qtbot.waitUntil(lambda: not window.tasks.busy)
    qtbot.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.tasks.busy)
    page = workspace.current_page()
    assert isinstance(page, MyWorkPage)
    assert workspace.ui.navigation.currentItem().text() == "My work"
    assert "(Ctrl+J)" in workspace.ui.navigation.currentItem().toolTip()
    assert page.view is not None and page.view.open_cases == 2
    assert_accessible(window)
    # At lock nothing of it stays: the page empties before the workspace goes.
    window.lock()
    assert window.workspace is None
    assert page.view is None or not page.isVisible()
