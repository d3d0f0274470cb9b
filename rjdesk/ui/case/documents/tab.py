"""The Documents tab: what is filed on the case (generated PDFs and attachments).

Attachments are read on the database thread and stored inside the vault; a picture is viewed
from bytes in memory, never through a temp file (DESIGN §4)."""

from __future__ import annotations

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHeaderView, QMessageBox, QWidget

from rjdesk.app import documents as app_documents
from rjdesk.ui.case.documents.models import DocumentRow, DocumentsModel, document_rows
from rjdesk.ui.case.documents.viewer import ImageViewer
from rjdesk.ui.case.pane import CasePane
from rjdesk.ui.case.pdf_actions import open_filed
from rjdesk.ui.generated.documents_pane_ui import Ui_DocumentsPane
from rjdesk.ui.toolkit import files
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.messages import sentence, set_message
from rjdesk_protocol.enums import AgreementStatus, Stage

FILE_TYPES = "Scans, letters and photos (*.pdf *.png *.jpg *.jpeg *.gif);;All files (*)"
WHOLE_CASE = ""
STATUS_WORDS = {
    AgreementStatus.DRAFT: "draft",
    AgreementStatus.SIGNED: "signed",
    AgreementStatus.SUPERSEDED: "superseded",
}


class DocumentsPane(CasePane):
    """The case's documents: view, add and remove attachments."""

    key = "documents"
    title = "Documents"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_DocumentsPane()
        self.ui.setupUi(self)
        ui = self.ui
        self.model = DocumentsModel(self)
        self.viewer: ImageViewer | None = None
        ui.documentsView.setModel(self.model)
        header = ui.documentsView.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DocumentsModel.TITLE, QHeaderView.ResizeMode.Stretch)
        rows = ui.documentsView.verticalHeader()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        ui.documentsView.selectionModel().currentRowChanged.connect(lambda *_: self._buttons())
        ui.documentsView.doubleClicked.connect(lambda _: self.view())
        ui.viewButton.clicked.connect(self.view)
        ui.removeButton.clicked.connect(self.remove)
        ui.addButton.clicked.connect(self.add)
        set_message(ui.message, "")
        self._buttons()

    # -- CasePane -------------------------------------------------------------------------------

    def refresh_view(self) -> None:
        case, ui = self.case, self.ui
        chosen = self._selected()
        self.model.set_rows(document_rows(case))
        ui.emptyNote.setText("" if case.documents else "Nothing is filed on this case yet.")
        keep = ui.attachTo.currentData()
        ui.attachTo.clear()
        ui.attachTo.addItem("The whole case", WHOLE_CASE)
        for agreement in sorted(case.agreements, key=lambda a: a.version, reverse=True):
            status = STATUS_WORDS[AgreementStatus(agreement.status)]
            ui.attachTo.addItem(f"Agreement version {agreement.version} ({status})", agreement.id)
        ui.attachTo.setCurrentIndex(max(ui.attachTo.findData(keep), 0))
        ui.addBox.setEnabled(case.stage != Stage.CLOSED)
        rows = self.model.rows()
        position = next(
            (i for i, row in enumerate(rows) if chosen and row.document_id == chosen.document_id),
            0 if rows else -1,
        )
        ui.documentsView.selectRow(position)
        self._buttons()

    def clear(self) -> None:
        if self.viewer is not None:
            self.viewer.reject()
        self.model.set_rows([])
        self.ui.attachTo.clear()
        self.ui.titleEdit.clear()
        self.ui.message.clear()
        self.ui.emptyNote.clear()

    def drafts(self) -> dict[str, str]:
        title = self.ui.titleEdit.text()
        return {"title": title} if title.strip() else {}

    def restore_drafts(self, drafts: dict[str, str]) -> None:
        self.ui.titleEdit.setText(drafts.get("title", ""))

    # -- what the buttons do ------------------------------------------------------------------

    def _selected(self) -> DocumentRow | None:
        index = self.ui.documentsView.currentIndex()
        return self.model.row(index.row()) if index.isValid() else None

    def _buttons(self) -> None:
        row = self._selected()
        self.ui.viewButton.setEnabled(row is not None)
        removable = row is not None and row.is_attachment and self._open_case()
        self.ui.removeButton.setEnabled(removable)
        self.ui.removeButton.setToolTip(
            "Generated documents are part of the record and stay on the case."
            if row is not None and not row.is_attachment
            else "Take off an attachment filed by mistake"
        )

    def _open_case(self) -> bool:
        return self.snapshot is not None and self.case.stage != Stage.CLOSED

    def add(self) -> None:
        path = files.choose_file_to_open(self, "Add an attachment", FILE_TYPES)
        if path is None or self.snapshot is None:
            return
        title = self.ui.titleEdit.text()
        agreement_id = self.ui.attachTo.currentData() or None
        vault, case_id = self.ctx.vault, self.case.id

        def work() -> str:
            document = app_documents.attach_file(
                vault, case_id, path, title=title, agreement_id=agreement_id
            )
            return document.title

        def added(name: str) -> None:
            self.ui.titleEdit.clear()
            set_message(self.ui.message, f"Added “{name}”.")

        set_message(self.ui.message, "Adding the attachment…")
        self.apply(work, added, message=self.ui.message, disable=[self.ui.addButton])

    def view(self) -> None:
        row = self._selected()
        if row is None:
            return
        if row.media_type == "application/pdf":
            open_filed(self.ctx, self, self.case.id, row.document_id)
            return
        if not row.is_image:
            QMessageBox.information(
                self,
                "View document",
                "rjdesk can show PDFs and pictures (PNG, JPEG, GIF); this kind of file cannot "
                "be shown inside rjdesk. It is kept safely on the case.",
            )
            return
        vault, document_id = self.ctx.vault, row.document_id

        self.ctx.tasks.run(
            lambda: app_documents.read_document(vault, document_id), self._show_image, self._failed
        )

    def _show_image(self, loaded: app_documents.DocumentContent) -> None:
        document, content = loaded.document, loaded.content
        if self.snapshot is None:
            return  # locked or closed while loading
        pixmap = QPixmap()
        if not pixmap.loadFromData(content):
            set_message(self.ui.message, "That picture could not be read.", error=True)
            return
        viewer = ImageViewer(document.title, pixmap, self)
        self.viewer = viewer

        def closed() -> None:
            self.viewer = None
            viewer.deleteLater()

        viewer.finished.connect(closed)
        viewer.open()

    def remove(self) -> None:
        row = self._selected()
        if row is None or not row.is_attachment:
            return
        answer = QMessageBox.question(
            self,
            "Remove attachment",
            f"Remove “{row.title}” from the case? Its content is deleted from the case "
            "file; the audit log keeps a note that it was removed.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        vault, case_id, document_id = self.ctx.vault, self.case.id, row.document_id
        self.apply(
            lambda: app_documents.remove_attachment(vault, case_id, document_id),
            lambda _: set_message(self.ui.message, "Attachment removed."),
            message=self.ui.message,
            disable=[self.ui.removeButton],
        )

    def _failed(self, error: BaseException) -> None:
        set_message(self.ui.message, sentence(error), error=True)
