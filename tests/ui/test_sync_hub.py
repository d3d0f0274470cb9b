"""The Sync page against a real hub on 127.0.0.1: enrolling through the page, Sync now, the hub
going away and coming back, and a conflict between two laptops settled through the page."""

from __future__ import annotations

import itertools
import json
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from rjdesk.services import sync
from rjdesk.services.cases import load_case, update_referral
from rjdesk.store.vault import Vault, _clock_at_noon
from rjdesk.ui.pages.sync.indicator import SyncIndicator
from rjdesk.ui.pages.sync.page import SyncPage
from rjdesk.ui.toolkit import files
from rjdesk.ui.toolkit.context import UiContext
from rjdesk_hub import Hub
from tests.conftest import PASSPHRASE, TODAY
from tests.hub.server import running_hub
from tests.sync.proxy import CuttingProxy, cutting_proxy
from tests.ui.conftest import wait_for_db

SYNC_TIMEOUT = 30_000


@pytest.fixture
def live_hub(tmp_path: Path) -> Iterator[tuple[Hub, str]]:
    with running_hub(tmp_path / "hub") as running:
        yield running


def _page(ctx: UiContext, qtbot: QtBot) -> tuple[SyncPage, SyncIndicator]:
    page = SyncPage(ctx)
    indicator = SyncIndicator(page.sync)
    qtbot.addWidget(page)
    qtbot.addWidget(indicator)
    page.show()
    page.refresh()
    wait_for_db(qtbot, ctx)
    return page, indicator


EnrolThroughThePage = Callable[..., None]


@pytest.fixture
def enrol_through_the_page(
    live_hub: tuple[Hub, str], qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> EnrolThroughThePage:
    """Ask to join (the request file), let the coordinator approve it, import the answer; the
    first sync starts by itself: wait for it. ``url``: where the config says the hub is."""
    hub, _url = live_hub
    request_file, config_file = tmp_path / "request.json", tmp_path / "hub-config.json"
    monkeypatch.setattr(files, "choose_file_to_save", lambda *args: request_file)
    monkeypatch.setattr(files, "choose_file_to_open", lambda *args: config_file)

    def enrol(page: SyncPage, url: str | None = None) -> None:
        page.ui.requestButton.click()
        wait_for_db(qtbot, page.ctx)
        config = hub.enroll(json.loads(request_file.read_bytes()), None, url=url)
        config_file.write_text(json.dumps(config))
        with qtbot.waitSignal(page.sync.finished, timeout=SYNC_TIMEOUT):
            page.ui.importButton.click()
        wait_for_db(qtbot, page.ctx)
        assert page.ui.states.currentWidget() is page.ui.enrolled

    return enrol


def _sync_now(page: SyncPage, qtbot: QtBot) -> None:
    with qtbot.waitSignal(page.sync.finished, timeout=SYNC_TIMEOUT):
        qtbot.mouseClick(page.ui.syncButton, Qt.MouseButton.LeftButton)
    wait_for_db(qtbot, page.ctx)


def _edit_location(vault: Vault, case_id: str, location: str) -> None:
    with vault.unit_of_work() as uow:
        update_referral(uow, load_case(uow.session, case_id), location=location)


def _closed_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as sock:
        return int(sock.getsockname()[1])


def test_enrol_through_the_page_then_sync_now_sends_everything(
    ctx: UiContext, neighbour_case: str, live_hub: tuple[Hub, str], qtbot: QtBot,
    enrol_through_the_page: EnrolThroughThePage,
) -> None:  # fmt: skip
    hub, url = live_hub
    page, indicator = _page(ctx, qtbot)
    assert indicator.current.sentence == "Not connected to a hub"
    enrol_through_the_page(page)
    assert page.ui.hub.text() == f"Test hub — {url}"
    assert page.ui.waiting.text() == "Nothing: the hub has all your changes."
    assert page.ui.lastSync.text().startswith("Today 12:00 — Sent ")
    assert indicator.current.sentence == "Synced 12:00"
    assert [c.reference for c in hub.conflicts()] == []

    _edit_location(ctx.vault, neighbour_case, "Tangmere Drive, Castle Vale")
    ctx.signals.case_changed.emit(neighbour_case)  # as the case's tab does after a change
    qtbot.waitUntil(lambda: "1 change, to go" in page.ui.waiting.text(), timeout=5_000)
    assert indicator.current.sentence == "Synced 12:00 — 1 change waiting"
    ticks: list[float] = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start(5)
    started = time.monotonic()
    _sync_now(page, qtbot)
    took = time.monotonic() - started
    timer.stop()
    result = page.ui.lastSync.text()
    assert result.startswith("Today 12:00 — Sent 1 change") and "1 bundle" in result
    assert "color" in page.ui.lastSync.styleSheet(), "a good sync is said in green"
    assert page.ui.waiting.text() == "Nothing: the hub has all your changes."
    assert page.ui.connection.text().startswith("Online")
    assert indicator.current.sentence == "Synced 12:00"
    # The sync ran on its own thread: the event loop kept turning all along.
    assert len(ticks) >= 2
    assert max(b - a for a, b in itertools.pairwise([started, *ticks])) < max(0.25, took / 2)
    with ctx.vault.reader() as session:
        assert sync.status(session).pending_changes == 0


@pytest.mark.usefixtures("neighbour_case")
def test_an_unreachable_hub_is_offline_without_a_dialog_and_the_next_sync_works(
    ctx: UiContext, live_hub: tuple[Hub, str], qtbot: QtBot,
    enrol_through_the_page: EnrolThroughThePage, dialogs: list[str],
) -> None:  # fmt: skip
    _hub, url = live_hub
    hub_port = int(url.rsplit(":", 1)[1])
    page, indicator = _page(ctx, qtbot)
    with cutting_proxy(hub_port) as link:
        link.upstream_port = _closed_port()  # the laptop is out on a home visit
        enrol_through_the_page(page, url=link.url)
        assert page.ui.connection.text().startswith("Offline")
        assert indicator.current.headline == "Offline"
        assert indicator.current.sentence.startswith("Offline — ")
        assert "changes waiting" in indicator.current.sentence
        _sync_now(page, qtbot)
        assert "may be offline" in page.ui.message.text()
        assert dialogs == [] and QApplication.activeModalWidget() is None

        _back_online(link, hub_port)
        _sync_now(page, qtbot)
        assert page.ui.message.text() == ""
        assert page.ui.lastSync.text().startswith("Today 12:00 — Sent ")
        assert page.ui.waiting.text() == "Nothing: the hub has all your changes."
        assert indicator.current.sentence == "Synced 12:00"
    assert dialogs == []


def _back_online(link: CuttingProxy, hub_port: int) -> None:
    link.upstream_port = hub_port


def _second_laptop(tmp_path: Path, hub: Hub, name: str) -> Vault:
    other, _ = Vault.create(
        tmp_path / "second-laptop", facilitator_name=name, passphrase=PASSPHRASE,
        clock=_clock_at_noon(TODAY),
    )  # fmt: skip
    _enrol(other, hub)
    return other


def _enrol(vault: Vault, hub: Hub) -> dict[str, Any]:
    config = hub.enroll(sync.enrollment_request(vault), None)
    sync.import_hub_config(vault, json.dumps(config).encode())
    return config


def test_a_conflict_between_two_laptops_is_settled_through_the_page(
    ctx: UiContext, neighbour_case: str, live_hub: tuple[Hub, str], qtbot: QtBot,
    tmp_path: Path,
) -> None:  # fmt: skip
    hub, _url = live_hub
    mine = ctx.vault
    _enrol(mine, hub)
    sync.sync_now(mine)
    reference = load_case_reference(mine, neighbour_case)
    theirs = _second_laptop(tmp_path, hub, "Priya Shah")
    try:
        hub.assign(reference, theirs.info().device_id, keep_referrer=True)
        sync.sync_now(theirs)
        # Both work the case offline and change where it happened, differently.
        _edit_location(mine, neighbour_case, "Farnborough Road (north end)")
        _edit_location(theirs, neighbour_case, "Farnborough Road, by the shops")
        sync.sync_now(mine)
        sync.sync_now(theirs)  # the hub keeps mine and raises a conflict
        assert [c.reference for c in hub.conflicts()] == [reference]

        page, indicator = _page(ctx, qtbot)
        _sync_now(page, qtbot)
        qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=5_000)
        assert indicator.current.sentence == "1 conflict to resolve"
        model = page.model
        assert model.data(model.index(0, 0)) == reference
        assert model.data(model.index(0, 1)) == "Case details: location"
        assert model.data(model.index(0, 2)) == "Priya Shah"
        page.ui.conflicts.selectRow(0)
        assert page.ui.hubValue.toPlainText() == "Farnborough Road (north end)"
        assert page.ui.incomingValue.toPlainText() == "Farnborough Road, by the shops"
        assert page.ui.incomingValueLabel.text() == "F&rom Priya Shah"
        page.ui.takeIncomingButton.click()
        wait_for_db(qtbot, ctx)
        qtbot.waitUntil(lambda: model.rowCount() == 0, timeout=5_000)
        _sync_now(page, qtbot)
        assert hub.conflicts() == [], "the hub closed the conflict"
        with mine.reader() as session:
            assert load_case(session, neighbour_case).location == "Farnborough Road, by the shops"
        assert indicator.current.sentence == "Synced 12:00"
        sync.sync_now(theirs)
        with theirs.reader() as session:
            assert load_case(session, neighbour_case).location == "Farnborough Road, by the shops"
    finally:
        theirs.lock()


def load_case_reference(vault: Vault, case_id: str) -> str:
    with vault.reader() as session:
        return load_case(session, case_id).reference
