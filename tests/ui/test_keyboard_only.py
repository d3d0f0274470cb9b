"""A facilitator with no mouse takes a case from referral to closure (issue 13).

Every key goes to ``QApplication.focusWidget()`` (tests/ui/keyboard.py): the test never gives
focus, never clicks and never calls a widget to change what it holds. Where the keyboard gets
stuck, it fails naming the widget that has the focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rjdesk.app.cases import open_case
from rjdesk.store.vault import Vault
from rjdesk.ui.case.overview.closing import CloseCaseDialog
from rjdesk.ui.case.workspace import CaseWorkspace
from rjdesk.ui.main_window import MainWindow
from rjdesk_protocol.enums import ActionStatus, ClosureReason, Stage
from tests.conftest import PASSPHRASE
from tests.ui.keyboard import (
    exactly,
    focused,
    in_dialog,
    named,
    press,
    tab_to,
    type_text,
    wait_for_dialog,
    wait_for_main,
    wait_for_window,
    where,
)

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
HARMED, RESPONSIBLE = "Marcia Bennett", "Lukasz Nowak"


def _settled(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not window.tasks.busy, timeout=10_000)


def _case(window: MainWindow) -> CaseWorkspace:
    assert window.workspace is not None
    page = window.workspace.pages["case"]
    assert isinstance(page, CaseWorkspace)
    return page


def _to_tab(window: MainWindow, qtbot: QtBot, key: str) -> None:
    """Ctrl+Tab until the case shows the tab ``key``; then Tab into it from the tab bar."""
    case = _case(window)
    for _ in range(len(case.panes)):
        if case.current_pane() == key:
            return
        press(qtbot, Qt.Key.Key_Tab, CTRL)
    raise AssertionError(f"Ctrl+Tab never reached the {key} tab; the keyboard is on {where()}")


def _next_step(qtbot: QtBot, window: MainWindow, label: str) -> None:
    """Shift+Tab to the header's next step, check it says ``label``, and take it."""
    tab_to(qtbot, lambda w: w.objectName() == "nextButton", "the next step", backwards=True)
    assert focused().text() == label, f"the next step is {focused().text()!r}"
    press(qtbot, Qt.Key.Key_Space)
    _settled(window, qtbot)


def _confirm_if_asked(qtbot: QtBot, window: MainWindow) -> None:
    """A question after a step that cannot be taken back (a paper signature): Enter answers
    with its default button; then the keyboard must be back in the window."""
    qtbot.wait(100)
    if QApplication.activeModalWidget() is not None:
        wait_for_dialog(qtbot)
        press(qtbot, Qt.Key.Key_Return)
    wait_for_main(qtbot, window)


def _unlock(qtbot: QtBot, window: MainWindow) -> None:
    wait_for_window(qtbot, "rjdesk")
    type_text(qtbot, PASSPHRASE)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.is_unlocked, timeout=10_000)
    _settled(window, qtbot)


def _take_referral(qtbot: QtBot, window: MainWindow) -> None:
    press(qtbot, Qt.Key.Key_N, CTRL)  # New referral, from wherever the keyboard is
    wait_for_window(qtbot, "New referral")
    assert focused().objectName() == "caseType", where()
    type_text(qtbot, "Neigh")
    tab_to(qtbot, named("source"), "the referral's source")
    type_text(qtbot, "Pol")
    tab_to(qtbot, named("came in"), "how the referral came in")
    type_text(qtbot, "Ph")
    tab_to(qtbot, named("Summary"), "the summary")
    type_text(qtbot, "Loud music late at night; words exchanged on the stairs.")
    tab_to(qtbot, named("Next"), "Next")
    press(qtbot, Qt.Key.Key_Space)
    for name, role in ((HARMED, "Harm"), (RESPONSIBLE, "Resp")):
        tab_to(qtbot, named("Add person"), "Add person")
        press(qtbot, Qt.Key.Key_Space)
        wait_for_window(qtbot, "Add a person")
        type_text(qtbot, name)
        tab_to(qtbot, named("Role"), "the person's role")
        type_text(qtbot, role)
        press(qtbot, Qt.Key.Key_Return)  # the dialog's default button: OK
        wait_for_window(qtbot, "New referral")
    tab_to(qtbot, named("Next"), "Next")
    press(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, named("Create case"), "Create case")
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: _case(window).snapshot is not None, timeout=10_000)
    _settled(window, qtbot)


def test_a_case_goes_from_referral_to_closure_with_the_keyboard_alone(
    vault: Vault, qtbot: QtBot
) -> None:
    vault.lock()
    window = MainWindow(Vault(vault.data_dir, clock=vault.clock))
    qtbot.addWidget(window)
    window.show()

    _unlock(qtbot, window)
    _take_referral(qtbot, window)
    case = _case(window)
    assert case.snapshot is not None
    assert [p.name for p in case.snapshot.case.participants] == [HARMED, RESPONSIBLE]
    # The keyboard followed the new case: Ctrl+Tab changes its tab at once, with no click.
    assert case.isAncestorOf(focused()), where()
    shown = case.current_pane()
    press(qtbot, Qt.Key.Key_Tab, CTRL)
    assert case.current_pane() != shown, where()

    # RJ information given to the harmed person (Victims' Code).
    _to_tab(window, qtbot, "people")
    tab_to(qtbot, named("Record RJ information"), "Record RJ information given")
    assert case.panes[1].ui.table.currentIndex().row() == 0, "the harmed person is chosen"
    press(qtbot, Qt.Key.Key_Space)
    wait_for_dialog(qtbot)
    press(qtbot, Qt.Key.Key_Return)
    wait_for_main(qtbot, window)
    _settled(window, qtbot)
    assert case.snapshot.case.participants[0].rj_information_given_on is not None

    # The case's next step moves it on, then takes the keyboard to the work.
    _next_step(qtbot, window, "Start the assessment")
    assert case.snapshot.case.stage == Stage.ASSESSMENT
    _next_step(qtbot, window, "Record the risk assessment")
    assert focused().objectName() == "lowRadio", where()
    press(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, named("Factors"), "the factors considered")
    type_text(qtbot, "No threats made")
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "Both willing to meet")
    press(qtbot, Qt.Key.Key_S, CTRL)
    _settled(window, qtbot)
    assert case.snapshot.case.risk_level is not None, case.panes[2].ui.riskMessage.text()
    for name in (HARMED, RESPONSIBLE):
        tab_to(qtbot, named("Give consent"), "Give consent")
        press(qtbot, Qt.Key.Key_Space)
        wait_for_dialog(qtbot)
        type_text(qtbot, name[:3])  # chooses whose consent, as typing does in a list
        tab_to(qtbot, named("Take part"), "consent to take part")
        press(qtbot, Qt.Key.Key_Space)
        press(qtbot, Qt.Key.Key_Return)
        wait_for_main(qtbot, window)
        _settled(window, qtbot)
    consents = [p.consents for p in case.snapshot.case.participants]
    assert all(consents), f"consents recorded: {consents}"
    _next_step(qtbot, window, "Move to preparation")
    _next_step(qtbot, window, "Move to intervention")
    assert case.snapshot.case.stage == Stage.INTERVENTION
    _next_step(qtbot, window, "Record the conference")
    assert focused().objectName() == "kind", where()
    type_text(qtbot, "Conf")
    for name in (HARMED, RESPONSIBLE):
        tab_to(qtbot, named(f"Present: {name}"), f"{name} present")
        press(qtbot, Qt.Key.Key_Space)
    tab_to(qtbot, named("Notes"), "the contact's notes")
    type_text(qtbot, "Both spoke; agreed quiet hours and a wave on the stairs.")
    press(qtbot, Qt.Key.Key_S, CTRL)
    _settled(window, qtbot)
    assert len(case.snapshot.case.contacts) == 1, case.panes[3].ui.message.text()
    assert case.snapshot.case.stage == Stage.AGREEMENT
    _next_step(qtbot, window, "Write the agreement")
    assert case.current_pane() == "agreement"
    tab_to(qtbot, exactly("Summary"), "the agreement's summary")
    type_text(qtbot, "Quiet after 11pm; a wave on the stairs.")
    tab_to(qtbot, named("Add action"), "Add action")
    press(qtbot, Qt.Key.Key_Space)
    assert focused().objectName() == "what", where()
    type_text(qtbot, "Turn the music down after 11pm")
    press(qtbot, Qt.Key.Key_S, CTRL)
    _settled(window, qtbot)
    agreement = case.snapshot.case.latest_agreement
    assert agreement is not None and len(agreement.actions) == 1, case.panes[4].ui.message.text()
    for row in range(3):  # the two parties and the facilitator
        tab_to(qtbot, named("Signatures"), "the list of signatures")
        press(qtbot, Qt.Key.Key_Home)
        press(qtbot, Qt.Key.Key_Down, times=row)
        tab_to(qtbot, named("Signed on paper"), "Signed on paper")
        press(qtbot, Qt.Key.Key_Space)
        _confirm_if_asked(qtbot, window)
        _settled(window, qtbot)
        # The keyboard is back on the button for the next signer; after the last, on the
        # actions to follow up (not sent off to the window's first control).
        back_on = "Signed on paper" if row < 2 else "Actions: who does what, by when"
        assert focused().accessibleName() == back_on, where()
    assert all(row.signed_on for row in case.panes[4].signatures_model.rows())
    assert case.snapshot.case.stage == Stage.FOLLOW_UP, case.panes[4].ui.message.text()

    # Closing now would leave the action unchecked: the dialog says so, and Escape keeps the
    # case open with the keyboard back on Close case.
    _to_tab(window, qtbot, "overview")
    tab_to(qtbot, exactly("Close case"), "Close case")

    def think_again() -> None:
        dialog = wait_for_dialog(qtbot)
        assert isinstance(dialog, CloseCaseDialog)
        assert "pending" in dialog.ui.pendingWarning.text(), dialog.ui.pendingWarning.text()
        press(qtbot, Qt.Key.Key_Escape)

    in_dialog(qtbot, lambda: press(qtbot, Qt.Key.Key_Space), think_again)
    wait_for_main(qtbot, window)
    assert focused().accessibleName() == "Close case", where()
    assert case.snapshot.case.stage == Stage.FOLLOW_UP

    # The agreed action is followed up: done, with a note, from the Agreement tab.
    _next_step(qtbot, window, "Check on the actions")
    assert case.current_pane() == "agreement"
    tab_to(qtbot, exactly("Actions: who does what, by when"), "the agreed actions")
    press(qtbot, Qt.Key.Key_Home)
    tab_to(qtbot, exactly("Status of the action"), "the action's status")
    type_text(qtbot, "Done")
    tab_to(qtbot, exactly("Follow-up note"), "the follow-up note")
    type_text(qtbot, "No music after 11pm for a month; the neighbours wave.")
    tab_to(qtbot, exactly("Record follow-up"), "Record follow-up")
    press(qtbot, Qt.Key.Key_Space)
    _settled(window, qtbot)
    agreement = case.snapshot.case.latest_agreement
    assert agreement is not None
    action = agreement.actions[0]
    assert action.status == ActionStatus.DONE, case.panes[4].ui.message.text()
    assert action.check_note.startswith("No music"), action.check_note

    # The case is closed: no reason is chosen until one is typed, then Enter closes it.
    _next_step(qtbot, window, "Close the case")
    assert case.current_pane() == "overview"
    tab_to(qtbot, exactly("Close case"), "Close case")

    def close_it() -> None:
        dialog = wait_for_dialog(qtbot)
        assert isinstance(dialog, CloseCaseDialog)
        assert not dialog.close_button.isEnabled(), "Close case waits for a reason"
        assert focused() is dialog.ui.reason, where()
        type_text(qtbot, "Comp")
        assert dialog.ui.reason.currentText() == "Completed"
        assert dialog.ui.pendingWarning.text() == "", "every action has been followed up"
        press(qtbot, Qt.Key.Key_Return)  # the dialog's default button: Close case

    in_dialog(qtbot, lambda: press(qtbot, Qt.Key.Key_Space), close_it)
    wait_for_main(qtbot, window)
    _settled(window, qtbot)
    stored = open_case(window.ctx.vault, case.snapshot.case.id, window.ctx.today(), viewed=False)
    assert stored.case.stage == Stage.CLOSED
    assert stored.case.closure_reason == ClosureReason.COMPLETED
    assert case.snapshot.case.stage == Stage.CLOSED
    assert case.isAncestorOf(focused()), f"the keyboard left the closed case: {where()}"
