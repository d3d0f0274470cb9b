"""The Sync page without a hub server: enrolling, offline, exporting for a USB stick, and
choosing a side in a conflict the hub reported (a stand-in hub made of keys only)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rjdesk.domain.sync_models import SyncConflict
from rjdesk.services import importer
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk.ui.pages.sync.page import SyncPage
from rjdesk.ui.toolkit import files
from rjdesk.ui.toolkit.context import UiContext
from rjdesk_protocol.keys import PublicKey, verify_document
from tests.conftest import FACILITATOR, NEIGHBOUR_DISPUTE
from tests.laptops import device_key, stand_in_hub
from tests.ui.conftest import wait_for_db
from tests.ui.sync_helpers import (
    enrol_with_stand_in,
    field_conflict,
    receive_conflicts,
    reference_of,
    rule_conflict,
)

CANARY = "Qzxsynccanary 7730 told us at the door"


@pytest.fixture
def canary_case(vault: Vault) -> str:
    """The neighbour dispute, whose summary holds a string no file outside the vault may."""
    case = json.loads(NEIGHBOUR_DISPUTE.read_text("utf-8"))
    case["referral"]["summary"] = f"{CANARY}: music through the wall."
    with vault.unit_of_work() as uow:
        return importer.import_case(uow, json.dumps(case).encode()).id


def _page(ctx: UiContext, qtbot: QtBot) -> SyncPage:
    page = SyncPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    wait_for_db(qtbot, ctx)
    qtbot.waitUntil(lambda: page.ui.states.isVisible())
    return page


def test_a_laptop_without_a_hub_is_told_plainly_and_offered_two_steps(
    ctx: UiContext, qtbot: QtBot
) -> None:
    page = _page(ctx, qtbot)
    ui = page.ui
    assert ui.states.currentWidget() is ui.notEnrolled
    assert "not connected to a hub" in ui.intro.text()
    assert "no case data" in ui.requestHelp.text()
    for button, text in ((ui.requestButton, "&Ask to join a hub…"),
                         (ui.importButton, "&Import hub configuration…")):  # fmt: skip
        assert button.text() == text  # Alt+A, Alt+I
        assert button.isVisible() and button.isEnabled()
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
        assert button.accessibleName()
    ui.requestButton.setFocus()
    qtbot.keyClick(ui.requestButton, Qt.Key.Key_Tab)
    assert ui.importButton.hasFocus(), "Tab goes from step 1 to step 2"


def test_the_enrolment_request_is_signed_and_holds_no_case_text(
    ctx: UiContext, canary_case: str, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "request.json"
    asked: list[str] = []

    def choose(_parent: object, title: str, suggested: str, _filters: str) -> Path:
        asked.append(suggested)
        return target

    monkeypatch.setattr(files, "choose_file_to_save", choose)
    page = _page(ctx, qtbot)
    qtbot.keyClick(page.ui.requestButton, Qt.Key.Key_Space)
    wait_for_db(qtbot, ctx)
    assert asked and asked[0].endswith(".json")
    assert "Give it to your hub coordinator" in page.ui.enrolMessage.text()
    data = target.read_bytes()
    assert CANARY.encode() not in data and b"music" not in data
    request = json.loads(data)
    assert request["format"] == "rjdesk.enroll-request/1"
    assert request["facilitator_name"] == FACILITATOR
    verify_document(request, PublicKey.from_minisign(request["signing_key"]))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_wrong_hub_configuration_is_refused_in_one_sentence(
    ctx: UiContext, vault: Vault, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "hub-config.json"
    monkeypatch.setattr(files, "choose_file_to_open", lambda *args: chosen)
    page = _page(ctx, qtbot)
    chosen.write_text("this is not a configuration")
    page.ui.importButton.click()
    wait_for_db(qtbot, ctx)
    message = page.ui.enrolMessage.text()
    assert message == "The file is not a hub configuration (not JSON)."
    other = stand_in_hub()
    chosen.write_bytes(other.config_for({"device_id": "not-this-laptop"}))
    page.ui.importButton.click()
    wait_for_db(qtbot, ctx)
    assert page.ui.enrolMessage.text().startswith("This hub configuration is for another laptop")
    assert "\n" not in page.ui.enrolMessage.text() and "Traceback" not in message
    chosen.unlink()
    page.ui.importButton.click()
    wait_for_db(qtbot, ctx)
    assert "cannot be read" in page.ui.enrolMessage.text()
    assert page.ui.states.currentWidget() is page.ui.notEnrolled


@pytest.mark.usefixtures("neighbour_case")
def test_importing_the_hubs_answer_enrols_and_an_unreachable_hub_is_just_offline(
    ctx: UiContext,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    dialogs: list[str],
) -> None:
    from rjdesk.services import sync

    hub = stand_in_hub()  # its URL is the discard port: nothing answers there
    chosen = tmp_path / "hub-config.json"
    chosen.write_bytes(hub.config_for(sync.enrollment_request(ctx.vault)))
    monkeypatch.setattr(files, "choose_file_to_open", lambda *args: chosen)
    page = _page(ctx, qtbot)
    with qtbot.waitSignal(page.sync.finished, timeout=20_000):  # the first sync starts by itself
        page.ui.importButton.click()
    wait_for_db(qtbot, ctx)
    assert page.ui.states.currentWidget() is page.ui.enrolled
    assert "now enrolled with Stand-in hub" in page.ui.message.text()
    assert page.sync.view.reachable is False
    assert page.ui.connection.text().startswith("Offline")
    assert "to go at the next sync" in page.ui.waiting.text()
    assert not page.ui.setAside.isVisible(), "no row for what is not there"
    assert "did not answer" in page.ui.lastSync.text()
    assert "font-weight" not in page.ui.lastSync.styleSheet(), "offline is not an error"
    with qtbot.waitSignal(page.sync.finished, timeout=20_000):
        qtbot.mouseClick(page.ui.syncButton, Qt.MouseButton.LeftButton)
    wait_for_db(qtbot, ctx)
    assert "may be offline" in page.ui.message.text()
    assert dialogs == []
    assert QApplication.activeModalWidget() is None


@pytest.mark.usefixtures("canary_case")
def test_export_for_usb_writes_a_bundle_only_the_hub_can_open(
    ctx: UiContext, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub, request = enrol_with_stand_in(ctx.vault)
    target = tmp_path / "usb" / "bundle.rjb"
    target.parent.mkdir()
    monkeypatch.setattr(files, "choose_file_to_save", lambda *args: target)
    page = _page(ctx, qtbot)
    assert page.ui.states.currentWidget() is page.ui.enrolled
    assert "encrypted to the hub" in page.ui.exportHelp.text()
    page.ui.exportButton.click()
    wait_for_db(qtbot, ctx)
    message = page.ui.message.text()
    assert "encrypted to the hub" in message and "USB stick" in message
    data = target.read_bytes()
    assert CANARY.encode() not in data
    opened = hub.open(data, device_key(request))
    assert CANARY in opened.changes.decode()
    qtbot.waitUntil(lambda: "bundle sealed" in page.ui.waiting.text())


def test_a_conflict_is_listed_and_a_side_chosen_through_the_page(
    ctx: UiContext, vault: Vault, neighbour_case: str, qtbot: QtBot
) -> None:
    hub, request = enrol_with_stand_in(vault)
    reference = reference_of(vault, neighbour_case)
    receive_conflicts(
        vault,
        hub,
        request,
        [
            field_conflict("c-field", neighbour_case, reference,
                           {"location": ("Farnborough Road", "Castle Vale Road")}),
            rule_conflict("c-rule", neighbour_case, reference,
                          "A conference was recorded after a consent was withdrawn."),
        ],
    )  # fmt: skip
    page = _page(ctx, qtbot)
    ui, model = page.ui, page.model
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    texts = {model.data(model.index(row, 1)) for row in range(2)}
    assert texts == {"Case details: location",
                     "A conference was recorded after a consent was withdrawn."}  # fmt: skip
    assert model.data(model.index(0, 0)) == reference
    assert model.data(model.index(0, 2)) == "Priya Shah"
    field_row = next(r for r in range(2) if model.conflict_at(r).kind == "field")  # type: ignore[union-attr]
    ui.conflicts.setFocus()
    ui.conflicts.selectRow(field_row)
    assert ui.hubValue.toPlainText() == "Farnborough Road"
    assert ui.incomingValue.toPlainText() == "Castle Vale Road"
    assert ui.hubValueLabel.text() == "Kept at the &hub"
    assert ui.incomingValueLabel.text() == "F&rom Priya Shah"
    assert ui.takeIncomingButton.isVisible() and not ui.dealtButton.isVisible()
    qtbot.keyClick(ui.takeIncomingButton, Qt.Key.Key_Space)
    wait_for_db(qtbot, ctx)
    qtbot.waitUntil(lambda: model.rowCount() == 1)
    assert "the hub hears of it at the next sync" in ui.conflictMessage.text()
    with vault.reader() as session:
        assert load_case(session, neighbour_case).location == "Castle Vale Road"
        assert session.get(SyncConflict, "c-field").status == "chosen"  # type: ignore[union-attr]
    # The rule conflict is selected next: it is dealt with, with a note.
    assert ui.dealtButton.isVisible() and ui.noteRow.isVisible()
    assert not ui.takeIncomingButton.isVisible() and not ui.sides.isVisible()
    qtbot.keyClicks(ui.note, "Spoke to both; consent taken again on 19 Nov.")
    ui.dealtButton.click()
    wait_for_db(qtbot, ctx)
    qtbot.waitUntil(lambda: model.rowCount() == 0)
    assert ui.noConflicts.isVisible() and not ui.conflicts.isVisible()
    with vault.reader() as session:
        chosen = session.get(SyncConflict, "c-rule")
        assert chosen is not None and chosen.choice == {
            "outcome": "acknowledged", "note": "Spoke to both; consent taken again on 19 Nov."
        }  # fmt: skip


def test_clear_empties_every_widget_that_showed_a_conflict(
    ctx: UiContext, vault: Vault, neighbour_case: str, qtbot: QtBot
) -> None:
    from tests.ui.widget_text import holding

    hub, request = enrol_with_stand_in(vault)
    reference = reference_of(vault, neighbour_case)
    receive_conflicts(vault, hub, request, [field_conflict(
        "c-1", neighbour_case, reference, {"summary": ("Zqxhubside text", "Zqxincoming text")}
    )])  # fmt: skip
    page = _page(ctx, qtbot)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    page.ui.conflicts.selectRow(0)
    assert holding(["Zqxhubside", "Zqxincoming", reference])
    page.clear()
    assert holding(["Zqxhubside", "Zqxincoming", reference]) == []


def test_a_record_from_the_hub_set_aside_is_named_on_the_page_with_its_reason(
    ctx: UiContext, vault: Vault, neighbour_case: str, qtbot: QtBot
) -> None:
    """A hub record this laptop could not apply (DESIGN §7: set aside, never blocking) is named
    on the Sync page: which record, of which case, and why; never its content."""
    from rjdesk.sync import set_aside
    from rjdesk.sync.records import Record

    enrol_with_stand_in(vault)
    reference = reference_of(vault, neighbour_case)
    bad = Record(
        "participant",
        "p-ghost",
        "put",
        3,
        neighbour_case,
        {"person_id": "nobody", "role": "harmed", "notes": CANARY},
    )
    with vault.unit_of_work() as uow:
        reason = "it refers to a record this laptop does not have"
        set_aside.keep(uow.session, [(bad, reason)], 4, uow.now)
    page = _page(ctx, qtbot)
    assert page.ui.setAside.isVisible() and page.ui.setAsideLabel.isVisible()
    text = page.ui.setAside.text()
    assert "set aside" not in page.ui.waiting.text()
    assert (
        f"A participant of case {reference} from the hub was set aside: it refers to a record "
        "this laptop does not have"
    ) in text
    assert CANARY not in text
