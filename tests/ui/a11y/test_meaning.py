"""What colour, a symbol or the screen's layout say is also said in words and in order."""

from __future__ import annotations

from datetime import UTC, date, datetime

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rjdesk.app.search import CaseRow
from rjdesk.ui.case.workspace import CaseWorkspace
from rjdesk.ui.main_window import MainWindow
from rjdesk.ui.pages.cases import CasesPage
from rjdesk.ui.pages.cases_model import NEXT_DUE, STAGE
from rjdesk_protocol.enums import CaseType, RiskLevel, Stage
from tests.conftest import TODAY
from tests.ui.a11y.checks import accessible_name, out_of_screen_order, tab_chain

ACCESSIBLE_TEXT = Qt.ItemDataRole.AccessibleTextRole


def _row(reference: str, next_due: date | None, *, breach: bool = False) -> CaseRow:
    return CaseRow(
        id=reference,
        reference=reference,
        case_type=CaseType.CRIME,
        stage=Stage.ASSESSMENT,
        parties="A and B",
        next_due=next_due,
        risk_level=RiskLevel.LOW,
        flags=(),
        received_on=date(2026, 10, 1),
        updated_at=datetime(2026, 11, 1, tzinfo=UTC),
        victims_code_breach=breach,
    )


def test_an_overdue_date_and_a_missed_deadline_are_said_in_words(
    case_window: tuple[MainWindow, CaseWorkspace], qtbot: QtBot
) -> None:
    window, _case = case_window
    assert window.workspace is not None
    page = window.workspace.pages["cases"]
    assert isinstance(page, CasesPage)
    model = page.model
    model.beginResetModel()
    model.rows = [
        _row("RJ-LATE", date(2026, 8, 3), breach=True),
        _row("RJ-SOON", date(2026, 11, 27)),
        _row("RJ-NONE", None),
    ]
    model.endResetModel()
    assert model.today == TODAY  # 20 November 2026: 3 August is overdue, 27 November not

    def said(row: int, column: int) -> tuple[str, str]:
        index = model.index(row, column)
        shown = model.data(index, Qt.ItemDataRole.DisplayRole) or ""
        heard = model.data(index, ACCESSIBLE_TEXT) or shown
        return shown, heard

    shown, heard = said(0, NEXT_DUE)
    assert "overdue" in shown.lower() and "overdue" in heard.lower()
    assert "03/08/2026" in shown or "3 Aug 2026" in shown or "03 Aug 2026" in shown
    shown, heard = said(1, NEXT_DUE)
    assert "overdue" not in shown.lower() and "overdue" not in heard.lower()
    assert said(2, NEXT_DUE) == ("", "")
    shown, heard = said(0, STAGE)
    assert "!" not in heard and "victims' code" in heard.lower()
    assert "missed" in heard.lower()
    shown, heard = said(1, STAGE)
    assert "victims' code" not in heard.lower()


def test_the_rail_is_tabbed_through_in_the_order_it_is_seen(
    case_window: tuple[MainWindow, CaseWorkspace],
) -> None:
    window, _case = case_window
    assert window.workspace is not None
    rail = window.workspace.ui.rail
    chain = tab_chain(rail)
    names = [accessible_name(w) for w in chain]
    assert names[0] == "Navigation" and names[-1] == "Lock", names
    assert out_of_screen_order(chain) == []


def test_the_case_header_is_heard_as_it_reads_and_follows_the_case(
    hate_crime_case: str, case_window: tuple[MainWindow, CaseWorkspace], qtbot: QtBot
) -> None:
    # (the hate crime is imported first: the window locks the vault to start)
    window, case_page = case_window
    ui = case_page.ui
    header = (ui.reference, ui.caseType, ui.stage, ui.risk, ui.flags)
    first = [label.text() for label in header]
    assert first[0].startswith("RJ-")
    assert [accessible_name(label) for label in header] == first
    assert window.workspace is not None
    window.workspace.open_case(hate_crime_case, "overview")
    qtbot.waitUntil(lambda: ui.reference.text() != first[0] and not window.tasks.busy)
    assert [accessible_name(label) for label in header] == [label.text() for label in header]
    assert "Hate crime" in accessible_name(ui.caseType)
