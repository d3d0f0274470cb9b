"""Documents made, previewed and printed through the window leave no plain file behind but the
one the test prints to (issue 4): not in the system temp folder, not in the data directory, not
in Qt's settings and caches."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from rjdesk.services import contacts
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk.ui.case.agreement.tab import AgreementPane
from rjdesk.ui.toolkit.pdf_preview import PdfPreviewDialog
from tests.canary import forms, readable_files
from tests.ui.test_window import case_in_window

CANARY = "Qzxdoccanary 5521 said at the conference"
CASE_TEXT = [CANARY, "Marcia Bennett", "Łukasz Nowak", "spring closer", "Farnborough"]
# What a leaked document or a page rendered for the printer would start with.
DOCUMENT_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"%!PS")
VAULT_FILES = {"vault.key", "cases.db", "cases.db-wal", "cases.db-shm", "cases.db-journal"}


NEEDLES = forms(*CASE_TEXT)


def _new_plain_files(
    folder: Path, since: float, allowed: set[Path], skip: Path | None = None
) -> list[str]:
    """Files written since ``since`` that hold case text in the clear or are a document or an
    image (compressed PDF streams would hide names from a plain search). ``skip``: a folder
    left out (pytest's own, where other tests save copies on purpose)."""
    return [
        str(path)
        for path, data in readable_files(folder, since, skip=skip)
        if path not in allowed
        and (data.startswith(DOCUMENT_MAGIC) or any(needle in data for needle in NEEDLES))
    ]


@pytest.fixture
def temp_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The real system temp folder, and a temp folder of this test's own that TMPDIR and
    Python's tempfile point to while the window works."""
    system = Path(tempfile.gettempdir())
    own = tmp_path / "temp"
    own.mkdir()
    monkeypatch.setenv("TMPDIR", str(own))
    monkeypatch.setattr(tempfile, "tempdir", str(own))
    return [own, system]


def test_documents_generated_previewed_and_printed_leave_only_the_printed_file(
    vault: Vault,
    *,
    neighbour_case: str,
    temp_folders: list[Path],
    tmp_path: Path,
    tmp_path_factory: pytest.TempPathFactory,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, neighbour_case)
        contact = case.contacts[-1]
        contacts.add_addendum(uow, contact, CANARY)
    started = time.time() - 1
    printed_dir = tmp_path / "printed"
    printed_dir.mkdir()
    printed: list[Path] = []

    def accept_print_dialog(dialog: QPrintDialog) -> int:
        """The system print dialog, answered: print to a PDF file the test names."""
        target = printed_dir / f"printed-{len(printed) + 1}.pdf"
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        printed.append(target)
        return QDialog.DialogCode.Accepted.value

    previews: list[int] = []

    def preview_then_print(dialog: PdfPreviewDialog) -> int:
        """The preview, used as a facilitator would: look at it, print it, close it."""
        previews.append(dialog.document.pageCount())
        dialog.print_()
        dialog.reject()
        return 0

    warned: list[str] = []

    def warn(*args: object) -> QMessageBox.StandardButton:
        """Print to File warns that the file is not encrypted: answered, go on."""
        warned.append(str(args[1]))
        return QMessageBox.StandardButton.Save

    monkeypatch.setattr(QPrintDialog, "exec", accept_print_dialog)
    monkeypatch.setattr(PdfPreviewDialog, "exec", preview_then_print)
    monkeypatch.setattr(QMessageBox, "warning", warn)

    window, case_page = case_in_window(vault, neighbour_case, "agreement", qtbot)
    pane = next(p for p in case_page.panes if isinstance(p, AgreementPane))

    pane.ui.previewButton.click()  # the agreement: made, filed, previewed, printed
    qtbot.waitUntil(lambda: len(printed) == 1 and not window.tasks.busy, timeout=10_000)
    pane.ui.printButton.click()  # printed again straight from the Agreement tab
    qtbot.waitUntil(lambda: len(printed) == 2 and not window.tasks.busy, timeout=10_000)
    case_page.ui.summaryButton.click()  # the case summary, with the canary in a note
    qtbot.waitUntil(lambda: len(printed) == 3 and not window.tasks.busy, timeout=10_000)
    window.close()  # locks: the engine is disposed
    qtbot.wait(50)

    assert len(previews) == 2 and all(pages >= 1 for pages in previews)
    assert warned == ["Print to File"] * 3, "every file printed was warned of first"
    texts = [" ".join(p.extract_text() for p in PdfReader(path).pages) for path in printed]
    assert all(path.stat().st_size > 0 for path in printed)
    assert len(PdfReader(printed[0]).pages) == previews[0]
    assert texts  # a file printed is the document itself, written as a saved copy is
    allowed = set(printed)
    own_temp, system_temp = temp_folders
    pytest_folders = tmp_path_factory.getbasetemp()
    assert _new_plain_files(system_temp, started, allowed, skip=pytest_folders) == []
    for folder in (own_temp, tmp_path / "home"):
        assert _new_plain_files(folder, started, allowed) == [], folder
    stray = [p.name for p in vault.data_dir.iterdir() if p.is_file() and p.name not in VAULT_FILES]
    assert stray == [], "the data directory holds only the vault's own files"
    assert _new_plain_files(vault.data_dir, started, allowed) == []
