"""Preview, print and save a PDF straight from memory (DESIGN §6).

The PDF's bytes stay in this process: Qt's PDF viewer reads them from a buffer, printing renders
each page into an image in memory and paints it onto the printer, and a copy reaches the disk
only when the facilitator saves one, after being told it will not be encrypted. What the
operating system's print spooler does with a print job is outside rjdesk (docs/printing.md).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from rjdesk.ui.generated.pdf_preview_dialog_ui import Ui_PdfPreviewDialog
from rjdesk.ui.toolkit import style
from rjdesk.ui.toolkit.files import choose_file_to_save
from rjdesk.ui.toolkit.messages import set_message
from rjdesk.ui.toolkit.screen import fit_dialog
from rjdesk_protocol.atomic import atomic_write

NOT_ENCRYPTED = (
    "The copy you save is an ordinary PDF file: it is not encrypted, and anyone who can open "
    "the file can read it. Keep it only as long as you need it, and never on a shared drive."
)
# (label, zoom factor; 0 = fit to width)
ZOOMS = (("Fit width", 0.0), ("75%", 0.75), ("100%", 1.0), ("150%", 1.5))
# Pages are printed as images; 300 dots per inch keeps small print sharp.
PRINT_DPI = 300
UNREADABLE = (
    "This PDF cannot be shown: it is damaged or not really a PDF. It stays on the case as it "
    "was; Save a copy… lets you open it with another program."
)


def load_pdf(content: bytes) -> tuple[QPdfDocument, QBuffer]:
    """A PDF document read from memory (the buffer must live as long as the document)."""
    buffer = QBuffer()
    buffer.setData(QByteArray(content))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    return document, buffer


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint every page onto ``printer``; returns the number of pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(
                round(points.width() / 72 * PRINT_DPI), round(points.height() / 72 * PRINT_DPI)
            )
            image = document.render(page, size)
            area = painter.viewport()
            scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(QRect(area.topLeft(), scaled))
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(area)
    finally:
        painter.end()
    return document.pageCount()


def warn_not_encrypted(parent: QWidget, title: str) -> bool:
    """The warning every copy that leaves the vault as a file gets first; True to go on."""
    answer = QMessageBox.warning(
        parent,
        title,
        NOT_ENCRYPTED,
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Save


def write_copy(parent: QWidget, content: bytes, target: Path, title: str) -> bool:
    """Write an unencrypted copy: whole or not at all, readable by this user only."""
    try:
        atomic_write(target, content)
    except OSError as exc:
        QMessageBox.warning(
            parent,
            title,
            f"The copy was not saved: {exc.strerror or exc} ({target}). Choose another folder.",
        )
        return False
    return True


def exec_print_dialog(dialog: QPrintDialog) -> int:
    """Run the print dialog (a seam: tests answer it as a person would)."""
    return dialog.exec()


def print_with_dialog(parent: QWidget, content: bytes, title: str) -> str | None:
    """The system's print dialog, then the pages from memory. Answers where it went, as a
    sentence to show, or None when nothing was printed. "Print to File" gets the warning a
    saved copy gets, and writes the document itself, as a saved copy is written."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(f"Print {title}")
    if exec_print_dialog(dialog) != QDialog.DialogCode.Accepted:
        return None
    name = printer.outputFileName()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat or name:
        target = Path(name) if name else None
        if target is None or not warn_not_encrypted(parent, "Print to File"):
            return None
        if not write_copy(parent, content, target, "Print to File"):
            return None
        return f"Printed to the file {target} (not encrypted)."
    document, buffer = load_pdf(content)
    try:
        print_pdf(document, printer)
    except OSError:
        QMessageBox.warning(
            parent,
            f"Print {title}",
            "The printer could not be started: check that it is switched on and connected, "
            "then print again.",
        )
        return None
    finally:
        document.close()
        buffer.close()
    return f"Sent to the printer {printer.printerName() or 'chosen'}."


def save_copy(parent: QWidget, content: bytes, filename: str) -> str | None:
    """Warn that the copy is not encrypted, then let the facilitator choose where it goes.
    Answers where it went, as a sentence to show, or None when nothing was saved."""
    if not warn_not_encrypted(parent, "Save a copy"):
        return None
    target = choose_file_to_save(parent, "Save a copy", filename, "PDF documents (*.pdf)")
    if target is None:
        return None
    if not write_copy(parent, content, target, "Save a copy"):
        return None
    return f"Saved a copy to {target} (not encrypted)."


class PdfPreviewDialog(QDialog):
    """A document on screen, with Print and Save a copy. ``copied(how)`` is called after a copy
    left rjdesk, so that it goes on the case's record."""

    def __init__(
        self,
        content: bytes,
        title: str,
        filename: str,
        *,
        message: str = "",
        copied: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_PdfPreviewDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(title)
        self.content, self.filename, self.copied = content, filename, copied
        self.ui.title.setText(title)
        self.ui.title.setStyleSheet(style.heading_style(1.1))
        set_message(self.ui.message, message)
        self.document, self._buffer = load_pdf(content)
        view = self.ui.view
        view.setDocument(self.document)
        view.setPageMode(QPdfView.PageMode.MultiPage)
        for label, factor in ZOOMS:
            self.ui.zoom.addItem(label, factor)
        self.ui.zoom.currentIndexChanged.connect(self._zoom)
        self._zoom()
        pages = self.document.pageCount()
        self.ui.pages.setText(f"{pages} page{'s' if pages != 1 else ''}")
        if self.document.status() != QPdfDocument.Status.Ready:
            set_message(self.ui.message, UNREADABLE, error=True)
            self.ui.printButton.setEnabled(False)
            self.ui.pages.clear()
        self.ui.printButton.clicked.connect(self.print_)
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.closeButton.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_)
        fit_dialog(self, QSize(900, 760))  # or as large as the screen allows

    def _zoom(self) -> None:
        factor = float(self.ui.zoom.currentData() or 0.0)
        view = self.ui.view
        if factor == 0.0:
            view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            view.setZoomMode(QPdfView.ZoomMode.Custom)
            view.setZoomFactor(factor)

    def print_(self) -> None:
        if not self.ui.printButton.isEnabled():
            return  # Ctrl+P on a PDF that cannot be read
        where = print_with_dialog(self, self.content, self.windowTitle())
        if where is not None:
            set_message(self.ui.message, where)
            if self.copied:
                self.copied("printed")

    def save(self) -> None:
        where = save_copy(self, self.content, self.filename)
        if where is not None:
            set_message(self.ui.message, where)
            if self.copied:
                self.copied("saved a copy to a file")

    def done(self, result: int) -> None:
        # Nothing of the document outlives the dialog: the view, the document and its bytes.
        self.ui.view.setDocument(QPdfDocument(self))  # an empty one: None makes Qt warn
        self.document.close()
        self._buffer.close()
        self._buffer.setData(QByteArray())
        self.content = b""
        super().done(result)
