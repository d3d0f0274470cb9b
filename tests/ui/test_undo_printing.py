"""Copies that leave rjdesk (issue 13): Print to File gets the warning Save a copy gets, both
say where the copy went, and the save dialog starts in the user's Documents folder. Real
vault; the print and file dialogs are answered as a person would answer them."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from rjdesk.services import printing
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk.ui.toolkit import files, pdf_preview
from rjdesk.ui.toolkit.pdf_preview import PdfPreviewDialog


def _content(vault: Vault, case_id: str) -> bytes:
    with vault.unit_of_work() as uow:
        return printing.latest_agreement_pdf(uow, load_case(uow.session, case_id)).content


def _print_to_file(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    """The print dialog answered with "Print to File" and a file name."""

    def answer(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(pdf_preview, "exec_print_dialog", answer)


def test_print_to_file_warns_first_and_says_where_the_file_went(
    vault: Vault, neighbour_case: str, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = _content(vault, neighbour_case)
    target = tmp_path / "printed.pdf"
    _print_to_file(monkeypatch, target)
    warnings: list[tuple[str, str]] = []
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]

    def warn(*args: object) -> QMessageBox.StandardButton:
        warnings.append((str(args[1]), str(args[2])))
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "warning", warn)
    recorded: list[str] = []
    dialog = PdfPreviewDialog(content, "Agreement", "agreement.pdf", copied=recorded.append)
    qtbot.addWidget(dialog)

    dialog.print_()
    assert warnings == [("Print to File", pdf_preview.NOT_ENCRYPTED)]
    assert not target.exists(), "cancelled at the warning: nothing written"
    assert recorded == []

    dialog.print_()
    assert target.read_bytes() == content
    assert stat.S_IMODE(target.stat().st_mode) == 0o600, "readable by this user only"
    assert recorded == ["printed"]
    assert dialog.ui.message.text() == f"Printed to the file {target} (not encrypted)."


def test_a_saved_copy_says_where_it_went(
    vault: Vault, neighbour_case: str, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    content = _content(vault, neighbour_case)
    target = tmp_path / "copy.pdf"
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: QMessageBox.StandardButton.Save)
    monkeypatch.setattr(pdf_preview, "choose_file_to_save", lambda *args: target)
    dialog = PdfPreviewDialog(content, "Agreement", "agreement.pdf")
    qtbot.addWidget(dialog)
    dialog.save()
    assert target.read_bytes() == content
    assert dialog.ui.message.text() == f"Saved a copy to {target} (not encrypted)."


def _started_in(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    started: list[str] = []

    def dialog(
        parent: QWidget | None, title: str, start: str, *args: object, **kw: object
    ) -> tuple[str, str]:
        started.append(start)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return started


def test_the_save_dialog_starts_in_documents(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda location: str(documents))
    monkeypatch.chdir(tmp_path)
    started = _started_in(monkeypatch)
    assert files.choose_file_to_save(None, "Save a copy", "agreement.pdf", "PDF (*.pdf)") is None
    assert started == [str(documents / "agreement.pdf")]


def test_the_save_dialog_starts_at_home_without_a_documents_folder(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        QStandardPaths, "writableLocation", lambda location: str(tmp_path / "missing")
    )
    started = _started_in(monkeypatch)
    files.choose_file_to_save(None, "Save a copy", "agreement.pdf", "PDF (*.pdf)")
    assert started == [str(Path.home() / "agreement.pdf")]
