"""Showing an attached picture inside rjdesk, from bytes in memory (never a temp file)."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import QDialog, QWidget

from rjdesk.ui.generated.image_viewer_ui import Ui_ImageViewer
from rjdesk.ui.toolkit.screen import fit_dialog


class ImageViewer(QDialog):
    """A picture scaled to fit the dialog (and rescaled as it is resized)."""

    def __init__(self, caption: str, pixmap: QPixmap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ImageViewer()
        self.ui.setupUi(self)
        self.ui.caption.setText(caption)
        self.ui.image.setAccessibleDescription(caption)
        self._pixmap = pixmap
        self.ui.closeButton.clicked.connect(self.accept)
        fit_dialog(self, QSize(900, 640))  # or as large as the screen allows

    def pixmap(self) -> QPixmap:
        return self._pixmap

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self._pixmap.isNull():
            return
        area = self.ui.image.size()
        # Never enlarge a small scan past its own size: it would only look blurred.
        if self._pixmap.width() <= area.width() and self._pixmap.height() <= area.height():
            self.ui.image.setPixmap(self._pixmap)
            return
        self.ui.image.setPixmap(
            self._pixmap.scaled(
                area,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def done(self, result: int) -> None:
        # The picture is case content: drop it as soon as the dialog closes.
        self.ui.image.clear()
        self.ui.caption.clear()
        self._pixmap = QPixmap()
        super().done(result)
