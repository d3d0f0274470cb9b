"""Names a screen reader gets for the parts Qt makes itself (the wizard's and the dialogs'
buttons, the case's tab bar), for the next-step button as cases come and go, and the Tab stops
of a date field."""

from __future__ import annotations

from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from rjdesk.ui.case.overview.tab import SafeguardingDialog
from rjdesk.ui.case.risk.consent_dialog import ConsentDialog
from rjdesk.ui.case.workspace import CaseWorkspace
from rjdesk.ui.main_window import MainWindow
from rjdesk.ui.referral.wizard import ReferralWizard
from rjdesk.ui.toolkit.date_field import DateField
from tests.ui.a11y.checks import accessible_name, nameless_controls, plain, tab_chain


def test_a_button_that_shows_no_words_and_has_no_name_is_caught(qtbot: QtBot) -> None:
    # Qt names a push button by its text when it has no name of its own; an icon alone says
    # nothing, and the check must see that, not the default.
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    worded, icon_only, named_icon = QPushButton("&Save"), QToolButton(), QToolButton()
    for button in (icon_only, named_icon):
        button.setIcon(QIcon(QPixmap(16, 16)))
    named_icon.setAccessibleName("Calendar")
    for button in (worded, icon_only, named_icon):
        layout.addWidget(button)
    icon_only.setObjectName("iconOnly")
    root.show()
    assert accessible_name(worded) == "Save"
    assert nameless_controls(root) == ["QToolButton iconOnly"]


def test_the_wizards_own_buttons_are_heard_by_their_words(
    case_window: tuple[MainWindow, CaseWorkspace], qtbot: QtBot
) -> None:
    window, _case = case_window
    wizard = ReferralWizard(window.ctx, window)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    buttons = {
        which: wizard.button(which)
        for which in (
            QWizard.WizardButton.BackButton,
            QWizard.WizardButton.NextButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
        )
    }
    for button in buttons.values():
        heard = plain(accessible_name(button))
        assert heard and plain(button.text()) in heard, (button.text(), heard)
    wizard.reject()


def test_a_dialogs_ok_and_cancel_are_heard_by_their_words(
    case_window: tuple[MainWindow, CaseWorkspace], qtbot: QtBot
) -> None:
    window, case_page = case_window
    assert case_page.snapshot is not None
    dialog = SafeguardingDialog(case_page.snapshot.case, window)
    qtbot.addWidget(dialog)
    dialog.show()
    boxes = dialog.findChildren(QDialogButtonBox)
    assert boxes
    for box in boxes:
        for button in box.buttons():
            heard = plain(accessible_name(button))
            assert heard and plain(button.text()) in heard, (button.text(), heard)
    dialog.reject()


def test_the_case_tabs_have_a_name(case_window: tuple[MainWindow, CaseWorkspace]) -> None:
    # Qt names a tab bar by its current tab (its own name is not used): "Overview, page tab
    # list"; the tab widget around it names the group.
    _window, case_page = case_window
    tabs = case_page.ui.tabs
    assert accessible_name(tabs) == "Parts of the case"
    for pane in ("people", "agreement"):
        case_page.show_pane(pane)
        assert plain(accessible_name(tabs.tabBar())) == plain(tabs.tabText(tabs.currentIndex()))


def test_the_next_step_button_is_named_by_its_words_and_forgets_them_with_the_case(
    case_window: tuple[MainWindow, CaseWorkspace],
) -> None:
    _window, case_page = case_window
    button = case_page.ui.nextButton
    assert button.isVisible() and button.text()
    assert accessible_name(button) == button.text().replace("&", "")
    case_page.clear()
    assert button.text() == ""
    assert accessible_name(button) == ""
    assert not button.isVisibleTo(case_page)


def _stops_inside(field: DateField, chain: list[QWidget]) -> list[QWidget]:
    return [widget for widget in chain if widget is field or field.isAncestorOf(widget)]


def test_a_date_field_is_one_tab_stop_and_its_calendar(qtbot: QtBot) -> None:
    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    before, field, after = QLineEdit(), DateField(), QLineEdit()
    field.setAccessibleName("Received on")
    for widget in (before, field, after):
        layout.addWidget(widget)
    root.show()
    chain = tab_chain(root)
    assert _stops_inside(field, chain) == [field.edit, field.button]
    assert chain.index(field.edit) == chain.index(before) + 1
    assert accessible_name(field.edit) == "Received on"
    assert plain(accessible_name(field.button)) == "calendar for received on"


def test_every_date_field_of_a_dialog_is_at_most_two_tab_stops(
    case_window: tuple[MainWindow, CaseWorkspace], qtbot: QtBot
) -> None:
    window, case_page = case_window
    assert case_page.snapshot is not None
    dialog = ConsentDialog(case_page.snapshot, withdraw=False, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    chain = tab_chain(dialog)
    fields = dialog.findChildren(DateField)
    assert fields
    for field in fields:
        assert 1 <= len(_stops_inside(field, chain)) <= 2
    dialog.reject()
