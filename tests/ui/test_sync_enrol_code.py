"""The Sync page's "Enrol with a code from your coordinator", against a real hub on 127.0.0.1:
a wrong code's sentence beside the field, then the right code typed from the keyboard enrols the
laptop, names the hub and starts the first sync."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from rjdesk.ui.pages.sync.page import SyncPage
from rjdesk.ui.toolkit.context import UiContext
from rjdesk_hub import Hub
from rjdesk_hub.console import enrol_codes, ledger_wire
from tests.hub.server import running_hub
from tests.ui.conftest import wait_for_db

SYNC_TIMEOUT = 30_000
SAM = ledger_wire.person("0c1d2e3f-0000-4000-8000-000000000003", "sam.coordinator")


@pytest.fixture
def live_hub(tmp_path: Path) -> Iterator[tuple[Hub, str]]:
    with running_hub(tmp_path / "hub") as running:
        yield running


def test_a_wrong_code_is_told_beside_the_field_and_the_right_one_enrols_and_syncs(
    ctx: UiContext, live_hub: tuple[Hub, str], qtbot: QtBot
) -> None:
    hub, url = live_hub
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    wait_for_db(qtbot, ctx)
    ui = page.ui
    assert ui.states.currentWidget() is ui.notEnrolled
    assert ui.codeBox.title() == "Enrol with a code from your coordinator"
    assert "Hub address" in ui.hubUrlEdit.accessibleName()
    assert ui.hubUrlLabel.buddy() is ui.hubUrlEdit and ui.codeLabel.buddy() is ui.codeEdit

    # Nothing typed: said beside the address, nothing sent.
    ui.enrolButton.click()
    assert ui.codeMessage.isVisible() and "hub address" in ui.codeMessage.text()

    made = enrol_codes.create(hub, SAM, new_name="Priya Shah")
    ui.hubUrlEdit.setText(url)
    ui.codeEdit.setText("ZZZZ-ZZZZ-ZZZZ")
    ui.enrolButton.click()
    qtbot.waitUntil(lambda: ui.codeMessage.text() == enrol_codes.WRONG, timeout=SYNC_TIMEOUT)
    assert ui.codeEdit.hasFocus() or not page.isActiveWindow()
    assert ui.states.currentWidget() is ui.notEnrolled
    assert hub.devices() == []

    # The right code, typed from the keyboard as a person might, and Enter.
    ui.codeEdit.clear()
    qtbot.keyClicks(ui.codeEdit, made.text.lower().replace("-", " "))
    with qtbot.waitSignal(page.sync.finished, timeout=SYNC_TIMEOUT):
        qtbot.keyClick(ui.codeEdit, Qt.Key.Key_Return)
    wait_for_db(qtbot, ctx)
    assert ui.states.currentWidget() is ui.enrolled
    assert "enrolled with Test hub" in ui.message.text()
    assert not ui.codeMessage.isVisible()
    assert ui.codeEdit.text() == ""  # the code is not kept on screen
    [device] = hub.devices()
    assert device.facilitator == "Priya Shah"
