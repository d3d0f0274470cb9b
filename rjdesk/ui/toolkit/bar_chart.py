"""A horizontal bar chart drawn with QPainter: one bar per figure, its label on the left and
its count at the end of the bar, so the chart reads without colour and without hovering.

It is a picture for the eyes only: it takes no focus, and the page puts a table with the same
figures beside it for screen readers (the chart's description says so).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

_GAP = 6  # between bars, and around the chart
_MIN_BAR = 2  # a non-zero count is never drawn as nothing


class BarChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._figures: list[tuple[str, int]] = []
        self._top = 0
        self._row: int | None = None
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

    def set_figures(self, figures: Sequence[tuple[str, int]]) -> None:
        self._figures = [(label, max(0, count)) for label, count in figures]
        self.updateGeometry()
        self.update()

    def figures(self) -> list[tuple[str, int]]:
        return list(self._figures)

    def line_up(self, top: int, row_height: int) -> None:
        """Draw the first bar ``top`` pixels down and each ``row_height`` tall: level with the
        rows of the table beside it."""
        self._top, self._row = top, row_height
        self.updateGeometry()
        self.update()

    def _row_height(self) -> int:
        return self._row or self.fontMetrics().height() + _GAP

    def sizeHint(self) -> QSize:
        rows = max(1, len(self._figures))
        return QSize(320, self._top + rows * self._row_height() + _GAP)

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.sizeHint().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        metrics = self.fontMetrics()
        text = palette.color(QPalette.ColorRole.WindowText)
        bar = palette.color(QPalette.ColorRole.Highlight)
        label_width = max(
            (metrics.horizontalAdvance(label) for label, _ in self._figures), default=0
        )
        count_width = metrics.horizontalAdvance(str(max((c for _, c in self._figures), default=0)))
        left = _GAP + label_width + _GAP
        room = max(1, self.width() - left - count_width - 3 * _GAP)
        most = max((count for _, count in self._figures), default=0)
        height = self._row_height()
        for row, (label, count) in enumerate(self._figures):
            top = self._top + row * height
            line = QRectF(_GAP, top, label_width, height)
            painter.setPen(text)
            painter.drawText(
                line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label
            )
            length = 0.0 if most == 0 else max(_MIN_BAR, room * count / most) if count else 0.0
            thick = min(height - _GAP, metrics.height() * 0.8)
            painter.fillRect(QRectF(left, top + (height - thick) / 2, length, thick), bar)
            figure = QRectF(left + length + _GAP, top, count_width + _GAP, height)
            painter.drawText(
                figure, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, str(count)
            )
        painter.end()
