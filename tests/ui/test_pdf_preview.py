"""Preview, print and save a copy of the agreement — from memory, leaving nothing behind."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from rjdesk.domain.models import AuditEvent
from rjdesk.services import printing
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk.ui import pdf_preview
from rjdesk.ui.case.agreement import AgreementPane
from rjdesk.ui.context import UiContext
from rjdesk.ui.pdf_preview import PdfPreviewDialog, print_pdf
from tests.ui.conftest import show, wait_for_db

CASE_TEXT = ["Marcia Bennett", "Nowak", "spring closer", "Farnborough"]


def _forms(text: str) -> list[bytes]:
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be")]


def _holding(folder: Path, since: float, allowed: set[Path]) -> list[str]:
    needles = [form for text in CASE_TEXT for form in _forms(text)]
    found = []
    for path in folder.rglob("*"):
        if not path.is_file() or path in allowed or path.stat().st_mtime < since:
            continue
        data = path.read_bytes()
        if any(needle in data for needle in needles):
            found.append(str(path))
    return found


@pytest.fixture
def watched_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _agreement(vault: Vault, case_id: str) -> printing.Filed:
    with vault.unit_of_work() as uow:
        return printing.latest_agreement_pdf(uow, load_case(uow.session, case_id))


def test_generate_preview_and_print_leave_no_plain_file_but_the_printed_one(
    vault: Vault, neighbour_case: str, watched_temp: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    started = time.time() - 1
    filed = _agreement(vault, neighbour_case)

    dialog = PdfPreviewDialog(filed.content, filed.document.title, filed.document.filename)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.document.status() == QPdfDocument.Status.Ready)
    pages = dialog.document.pageCount()
    assert pages >= 1 and dialog.ui.pages.text().startswith(str(pages))

    printed = tmp_path / "out" / "printed.pdf"
    printed.parent.mkdir()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    assert print_pdf(dialog.document, printer) == pages
    dialog.reject()
    assert len(PdfReader(printed).pages) == pages

    allowed = {printed}
    for folder in (vault.data_dir, watched_temp, tmp_path / "home"):
        assert _holding(folder, started, allowed) == [], folder
    assert _holding(Path(tempfile.gettempdir()), started, allowed) == []


def test_a_copy_is_saved_only_after_the_warning_and_goes_on_the_record(
    vault: Vault, neighbour_case: str, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    filed = _agreement(vault, neighbour_case)
    target = tmp_path / "copy.pdf"
    warnings: list[str] = []

    def warn(*args: object) -> QMessageBox.StandardButton:
        warnings.append(str(args[2]))
        return answers.pop(0)

    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    monkeypatch.setattr(QMessageBox, "warning", warn)
    monkeypatch.setattr(pdf_preview, "choose_file_to_save", lambda *args: target)
    recorded: list[str] = []
    dialog = PdfPreviewDialog(filed.content, "Agreement", "agreement.pdf", copied=recorded.append)
    qtbot.addWidget(dialog)
    dialog.save()
    assert not target.exists(), "cancelled at the warning: nothing written"
    dialog.save()
    assert target.read_bytes() == filed.content
    assert "not encrypted" in warnings[0]
    assert recorded == ["saved a copy to a file"]


def test_the_agreement_tab_previews_the_filed_pdf_and_records_nothing_extra(
    ctx: UiContext, vault: Vault, neighbour_case: str, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    pane = AgreementPane(ctx)
    qtbot.addWidget(pane)
    show(pane, ctx, neighbour_case)
    shown: list[PdfPreviewDialog] = []

    def capture(self: PdfPreviewDialog) -> int:
        shown.append(self)
        assert self.document.pageCount() >= 1
        self.reject()
        return 0

    monkeypatch.setattr(PdfPreviewDialog, "exec", capture)
    assert pane.ui.previewButton.isEnabled()
    pane.ui.previewButton.click()
    wait_for_db(qtbot, ctx)
    qtbot.waitUntil(lambda: bool(shown))
    assert "Outcome agreement v1" in shown[0].windowTitle()
    with vault.reader() as session:
        case = load_case(session, neighbour_case)
        filed = [d for d in case.documents if d.kind == "agreement_pdf"]
        actions = [
            e.action for e in session.query(AuditEvent).filter_by(case_reference=case.reference)
        ]
    assert len(filed) == 1
    assert "generate_document" in actions and "export_document" not in actions
    QApplication.processEvents()
