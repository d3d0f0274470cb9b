"""The Documents tab: attach a scan, view it from memory, remove it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from rjdesk.domain.models import Document
from rjdesk.services import documents
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk.ui.case.documents.tab import DocumentsPane
from rjdesk.ui.toolkit import files
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.pdf_preview import PdfPreviewDialog
from tests.ui.conftest import reload_on_change, show, wait_for_db


@pytest.fixture
def pane(ctx: UiContext, qtbot: QtBot) -> Iterator[DocumentsPane]:
    widget = DocumentsPane(ctx)
    qtbot.addWidget(widget)
    reload_on_change(widget, ctx)
    widget.resize(1100, 700)
    widget.show()
    yield widget
    widget.clear()


@pytest.fixture
def scan(tmp_path: Path) -> Path:
    image = QImage(240, 120, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    path = tmp_path / "signed-agreement-v1.png"
    assert image.save(str(path))
    return path


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def texts_in(root: QWidget) -> list[str]:
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            texts.extend(
                str(model.index(r, c).data() or "")
                for r in range(model.rowCount())
                for c in range(model.columnCount())
            )
    return texts


def test_attach_view_and_remove_a_scan(
    qtbot: QtBot,
    ctx: UiContext,
    *,
    vault: Vault,
    neighbour_case: str,
    pane: DocumentsPane,
    scan: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    show(pane, ctx, neighbour_case)
    assert pane.model.rowCount() == 0
    assert not pane.ui.viewButton.isEnabled()
    monkeypatch.setattr(files, "choose_file_to_open", lambda *args: scan)

    qtbot.keyClicks(pane.ui.titleEdit, "Scan of signed agreement v1")
    pane.ui.attachTo.setCurrentIndex(pane.ui.attachTo.findText("Agreement version 1 (signed)"))
    click(qtbot, pane.ui.addButton)
    wait_for_db(qtbot, ctx)

    assert pane.ui.message.text() == "Added “Scan of signed agreement v1”."
    assert pane.ui.titleEdit.text() == ""
    row = pane.model.row(0)
    assert (row.title, row.media_type, row.agreement_version) == (
        "Scan of signed agreement v1",
        "image/png",
        1,
    )
    shown = [pane.model.index(0, c).data() for c in range(pane.model.columnCount())]
    assert shown[:3] == ["Scan of signed agreement v1", "Attachment, PNG image", "Version 1"]
    assert shown[3].endswith(("bytes", "KB"))
    assert shown[4] == "Alex Morgan"
    assert shown[5].startswith("20 Nov 2026")
    with vault.reader() as session:
        document = session.scalars(select(Document)).one()
        assert document.agreement_id is not None
        assert document.content == scan.read_bytes()

    click(qtbot, pane.ui.viewButton)
    wait_for_db(qtbot, ctx)
    viewer = pane.viewer
    assert viewer is not None
    qtbot.waitExposed(viewer)
    assert not viewer.pixmap().isNull()
    assert viewer.pixmap().size().width() == 240
    assert not viewer.ui.image.pixmap().isNull()
    assert viewer.ui.caption.text() == "Scan of signed agreement v1"
    click(qtbot, viewer.ui.closeButton)
    assert pane.viewer is None

    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    click(qtbot, pane.ui.removeButton)
    wait_for_db(qtbot, ctx)
    assert pane.model.rowCount() == 0
    assert pane.ui.message.text() == "Attachment removed."
    with vault.reader() as session:
        assert session.scalars(select(Document)).all() == []


def test_a_damaged_pdf_opens_in_the_preview_with_a_clear_message(
    qtbot: QtBot,
    ctx: UiContext,
    *,
    vault: Vault,
    neighbour_case: str,
    pane: DocumentsPane,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, neighbour_case)
        documents.add_attachment(uow, case, filename="letter.pdf", content=b"%PDF-1.4\n%%EOF")
    show(pane, ctx, neighbour_case)
    shown: list[tuple[str, bool]] = []

    def capture(dialog: PdfPreviewDialog) -> int:
        shown.append((dialog.ui.message.text(), dialog.ui.printButton.isEnabled()))
        dialog.reject()
        return 0

    monkeypatch.setattr(PdfPreviewDialog, "exec", capture)
    click(qtbot, pane.ui.viewButton)
    wait_for_db(qtbot, ctx)
    qtbot.waitUntil(lambda: bool(shown))
    message, can_print = shown[0]
    assert "cannot be shown" in message and "stays on the case" in message
    assert not can_print


def test_a_file_that_cannot_be_read_is_reported(
    qtbot: QtBot,
    ctx: UiContext,
    *,
    neighbour_case: str,
    pane: DocumentsPane,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    show(pane, ctx, neighbour_case)
    monkeypatch.setattr(files, "choose_file_to_open", lambda *args: tmp_path / "gone.png")
    click(qtbot, pane.ui.addButton)
    wait_for_db(qtbot, ctx)
    assert "could not be read" in pane.ui.message.text()
    assert pane.model.rowCount() == 0


def test_clear_leaves_no_case_text(
    qtbot: QtBot,
    ctx: UiContext,
    *,
    neighbour_case: str,
    pane: DocumentsPane,
    scan: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    show(pane, ctx, neighbour_case)
    monkeypatch.setattr(files, "choose_file_to_open", lambda *args: scan)
    qtbot.keyClicks(pane.ui.titleEdit, "Photo of Farnborough Road gate")
    click(qtbot, pane.ui.addButton)
    wait_for_db(qtbot, ctx)
    qtbot.keyClicks(pane.ui.titleEdit, "Letter from Marcia")
    assert pane.drafts() == {"title": "Letter from Marcia"}
    pane.clear()
    assert not [t for t in texts_in(pane) if "Farnborough" in t or "Marcia" in t]
    pane.restore_drafts({"title": "Letter from Marcia"})
    assert pane.ui.titleEdit.text() == "Letter from Marcia"
