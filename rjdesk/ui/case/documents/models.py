"""The Documents tab's table: the case's documents as plain rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from rjdesk.app.views import CaseView
from rjdesk.ui.toolkit.dates import moment_text
from rjdesk.ui.toolkit.table_model import ListTableModel
from rjdesk_protocol.enums import DocumentKind

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole + 1

KINDS = {
    DocumentKind.AGREEMENT_PDF: "Agreement (PDF)",
    DocumentKind.CASE_SUMMARY_PDF: "Case summary (PDF)",
    DocumentKind.ATTACHMENT: "Attachment",
}
MEDIA = {
    "application/pdf": "PDF",
    "image/png": "PNG image",
    "image/jpeg": "JPEG image",
    "image/gif": "GIF image",
}


def size_label(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def when_label(value: datetime) -> str:
    """A stored (UTC) time as it was in England: 20 Nov 2026, 14:05."""
    return moment_text(value)


@dataclass(frozen=True)
class DocumentRow:
    document_id: str
    title: str
    kind: DocumentKind
    media_type: str
    agreement_version: int | None
    size: int
    added_by: str
    added_at: datetime

    @property
    def is_attachment(self) -> bool:
        return self.kind == DocumentKind.ATTACHMENT

    @property
    def is_image(self) -> bool:
        return self.media_type.startswith("image/")


def document_rows(case: CaseView) -> list[DocumentRow]:
    """Newest first; the content itself stays in the vault until someone views it."""
    versions = {a.id: a.version for a in case.agreements}
    rows = [
        DocumentRow(
            document_id=d.id,
            title=d.title,
            kind=DocumentKind(d.kind),
            media_type=d.media_type,
            agreement_version=versions.get(d.agreement_id) if d.agreement_id else None,
            size=d.size,
            added_by=d.created_by,
            added_at=d.created_at,
        )
        for d in case.documents
    ]
    # Reversed first, so that documents added in the same second still list newest first.
    return sorted(reversed(rows), key=lambda row: row.added_at, reverse=True)


class DocumentsModel(ListTableModel[DocumentRow]):
    """Title, kind, agreement version, size, who added it and when."""

    TITLE, KIND, AGREEMENT, SIZE, ADDED_BY, ADDED_ON = range(6)
    HEADERS: ClassVar[tuple[str, ...]] = (
        "Title",
        "Kind",
        "Agreement",
        "Size",
        "Added by",
        "Added on",
    )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == ID_ROLE:
            return row.document_id
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == self.TITLE:
            return row.title
        if column == self.KIND:
            media = MEDIA.get(row.media_type, "file")
            return f"{KINDS[row.kind]}, {media}" if row.is_attachment else KINDS[row.kind]
        if column == self.AGREEMENT:
            return f"Version {row.agreement_version}" if row.agreement_version else "—"
        if column == self.SIZE:
            return size_label(row.size)
        if column == self.ADDED_BY:
            return row.added_by
        return when_label(row.added_at)
