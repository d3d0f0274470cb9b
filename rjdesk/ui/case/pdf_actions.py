"""Generate a case's PDF on the database thread, then preview, print or save it.

One path for the Agreement tab, the Documents tab and the case header: the document is made and
filed on the case by the application layer (``rjdesk.app.documents``); a copy that leaves rjdesk
(printed, or saved to a file) is recorded on the case afterwards.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

from PySide6.QtWidgets import QWidget

from rjdesk.app import Vault
from rjdesk.app import documents as app_documents
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.messages import show_error
from rjdesk.ui.toolkit.pdf_preview import PdfPreviewDialog, print_with_dialog, save_copy

# Makes (and files) a PDF of the case: a call into rjdesk.app given the vault and the case id.
Make = Callable[[Vault, str], app_documents.FiledPdf]
# Shows a sentence saying where a copy went.
Said = Callable[[str], None]


class Then(Enum):
    PREVIEW = "preview"
    PRINT = "print"
    SAVE = "save"


@dataclass(frozen=True)
class Ready:
    case_id: str
    document_id: str
    title: str
    filename: str
    content: bytes = field(repr=False)
    message: str


def _record(ctx: UiContext, ready: Ready, how: str) -> None:
    vault = ctx.vault
    ctx.tasks.run(lambda: app_documents.record_copy(vault, ready.case_id, ready.document_id, how))
    ctx.signals.case_changed.emit(ready.case_id)


def _show(
    ctx: UiContext, parent: QWidget, ready: Ready, then: Then, *, said: Said | None = None
) -> None:
    where: str | None = None
    if then == Then.PRINT:
        where = print_with_dialog(parent, ready.content, ready.title)
        if where is not None:
            _record(ctx, ready, "printed")
    elif then == Then.SAVE:
        where = save_copy(parent, ready.content, ready.filename)
        if where is not None:
            _record(ctx, ready, "saved a copy to a file")
    else:
        dialog = PdfPreviewDialog(
            ready.content, ready.title, ready.filename, message=ready.message,
            copied=lambda how: _record(ctx, ready, how), parent=parent,
        )  # fmt: skip
        dialog.exec()
    if where is not None and said is not None:
        said(where)


def generate(
    ctx: UiContext,
    parent: QWidget,
    case_id: str,
    make: Make,
    then: Then,
    *,
    said: Said | None = None,
) -> None:
    """Make (and file) a document of the case off the GUI thread, then show it; ``said`` is
    told where a printed or saved copy went (the printer, or the file), to show beside it."""
    vault = ctx.vault

    def work() -> Ready:
        filed = make(vault, case_id)
        document = filed.document
        return Ready(case_id, document.id, document.title, document.filename,
                     filed.content, filed.message)  # fmt: skip

    def done(ready: Ready) -> None:
        ctx.signals.case_changed.emit(case_id)  # a new version may have been filed
        _show(ctx, parent, ready, then, said=said)

    ctx.tasks.run(work, done, lambda error: show_error(parent, error))


def open_filed(ctx: UiContext, parent: QWidget, case_id: str, document_id: str) -> None:
    """Show a document already filed on the case, exactly as filed."""
    vault = ctx.vault

    def work() -> Ready:
        read = app_documents.read_document(vault, document_id)
        document = read.document
        return Ready(case_id, document.id, document.title, document.filename, read.content, "")

    ctx.tasks.run(work, lambda ready: _show(ctx, parent, ready, Then.PREVIEW),
               lambda error: show_error(parent, error))  # fmt: skip
