"""Preview, print and save a copy of the agreement (what they leave behind:
tests/ui/test_document_leaks.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from rjdesk.domain.models import AuditEvent
from rjdesk.services import printing
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk.ui.case.agreement.tab import AgreementPane
from rjdesk.ui.toolkit import pdf_preview
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.pdf_preview import PdfPreviewDialog
from tests.ui.conftest import show, wait_for_db


def _agreement(vault: Vault, case_id: str) -> printing.Filed:
    with vault.unit_of_work() as uow:
        return printing.latest_agreement_pdf(uow, load_case(uow.session, case_id))


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


def test_a_copy_that_cannot_be_written_says_so_and_is_not_recorded(
    vault: Vault, neighbour_case: str, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    filed = _agreement(vault, neighbour_case)
    said: list[str] = []

    def warn(*args: object) -> QMessageBox.StandardButton:
        said.append(str(args[2]))
        return QMessageBox.StandardButton.Save

    monkeypatch.setattr(QMessageBox, "warning", warn)
    nowhere = tmp_path / "no such folder" / "copy.pdf"
    monkeypatch.setattr(pdf_preview, "choose_file_to_save", lambda *args: nowhere)
    recorded: list[str] = []
    dialog = PdfPreviewDialog(filed.content, "Agreement", "agreement.pdf", copied=recorded.append)
    qtbot.addWidget(dialog)
    dialog.save()
    assert not nowhere.exists() and recorded == []
    assert "The copy was not saved" in said[-1] and "Choose another folder" in said[-1]
