"""The first run, the unlock screen and the new referral wizard, read as a screen reader,
voice control and a keyboard read them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from rjdesk.store.vault import Vault
from rjdesk.ui.main_window import MainWindow
from rjdesk.ui.referral.wizard import ReferralWizard
from rjdesk_protocol.enums import Role
from tests.ui.a11y.checks import accessible_name, assert_accessible
from tests.ui.a11y.conftest import WINDOW_SIZE
from tests.ui.test_referral_wizard import add_person, fill_referral
from tests.ui.test_window import unlock, unlocked


def test_the_first_run_page_is_heard_and_reached(data_dir: Path, qtbot: QtBot) -> None:
    window = MainWindow(Vault(data_dir))
    qtbot.addWidget(window)
    window.resize(*WINDOW_SIZE)
    window.show()
    assert window.stack.currentWidget() is window.create_page
    assert_accessible(window)


def test_a_wrong_passphrase_is_heard_as_what_it_says(vault: Vault, qtbot: QtBot) -> None:
    vault.lock()
    window = MainWindow(Vault(vault.data_dir, clock=vault.clock))
    qtbot.addWidget(window)
    window.resize(*WINDOW_SIZE)
    window.show()
    assert_accessible(window)
    message = window.unlock_page.ui.message
    unlock(window, qtbot, "not my passphrase")
    qtbot.waitUntil(lambda: "does not open" in message.text(), timeout=10_000)
    assert message.text() in accessible_name(message)
    assert_accessible(window)


def test_every_page_of_the_referral_wizard_is_heard_and_reached(vault: Vault, qtbot: QtBot) -> None:
    vault.lock()
    window = MainWindow(Vault(vault.data_dir, clock=vault.clock))
    qtbot.addWidget(window)
    window.resize(*WINDOW_SIZE)
    window.show()
    unlocked(window, qtbot)
    assert window.workspace is not None
    window.workspace.new_referral()
    wizard = window.findChild(ReferralWizard)
    assert isinstance(wizard, ReferralWizard)
    qtbot.waitExposed(wizard)
    fill_referral(qtbot, wizard)
    seen = []
    while True:
        seen.append(wizard.currentId())
        if wizard.currentId() == wizard.pageIds()[1] and not wizard.people.rowCount():
            add_person(qtbot, wizard, "Mohammed Iqbal", Role.HARMED)
            assert_accessible(wizard)
        assert_accessible(wizard)
        if wizard.currentId() == wizard.pageIds()[-1]:
            break
        wizard.next()
    assert seen == wizard.pageIds()
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisible()
    wizard.reject()
