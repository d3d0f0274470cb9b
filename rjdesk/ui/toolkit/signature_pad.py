"""A pad a participant signs on with a mouse, a pen or a finger.

The strokes stay in memory only; ``to_png`` renders them as dark ink on white (the paper the
agreement is printed on, whatever the screen's palette), which the service stores in the vault.
"""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QPointF,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QImage,
    QImageWriter,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

INK = QColor("#111827")
PAPER = QColor("#ffffff")
PEN_WIDTH = 2.6
# Points closer than this (in pixels) to the last one add nothing but jitter.
MIN_STEP = 1.5
# A signature is more than a dot or a stray tick: this much ink in all (pixels of path) ...
MIN_INK_LENGTH = 60.0
# ... spread at least this far across or up the pad.
MIN_SPAN = 30.0
# The image is rendered at this multiple of the pad's size, so that it prints sharply.
PNG_SCALE = 2


def _smooth_path(points: list[QPointF]) -> QPainterPath:
    """A stroke through ``points`` drawn as quadratic curves between midpoints: the corners of
    a raw polyline (from coarse mouse events) become the gentle curves of handwriting."""
    path = QPainterPath(points[0])
    if len(points) == 1:
        # A dot (the tittle of an i): a tiny segment so the round cap paints it.
        path.lineTo(points[0] + QPointF(0.1, 0.1))
        return path
    for previous, current in itertools.pairwise(points[1:]):
        middle = (previous + current) / 2
        path.quadTo(previous, middle)
    path.lineTo(points[-1])
    return path


class SignaturePad(QWidget):
    """A blank area to sign on: mouse, tablet pen and touch strokes, drawn smoothly.

    ``changed`` is emitted when a stroke starts or ends, and when the pad is cleared."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: list[list[QPointF]] = []
        self._drawing = False
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setMinimumSize(QSize(360, 140))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setAccessibleName("Signature pad")
        self.setAccessibleDescription(
            "Sign here with the mouse, a pen or a finger. Without a pointer, close this and "
            "use Signed on paper."
        )

    # -- what the dialog uses -----------------------------------------------------------------

    def is_empty(self) -> bool:
        return not self._strokes

    def is_signature(self) -> bool:
        """Whether the strokes look like someone signed: enough ink (``MIN_INK_LENGTH``) over
        enough of the pad (``MIN_SPAN``). A dot, a tap or a short tick is not a signature."""
        points = [point for stroke in self._strokes for point in stroke]
        if not points:
            return False
        ink = sum(
            math.hypot(b.x() - a.x(), b.y() - a.y())
            for stroke in self._strokes
            for a, b in itertools.pairwise(stroke)
        )
        xs, ys = [p.x() for p in points], [p.y() for p in points]
        span = max(max(xs) - min(xs), max(ys) - min(ys))
        return ink >= MIN_INK_LENGTH and span >= MIN_SPAN

    def clear(self) -> None:
        self._strokes = []
        self._drawing = False
        self.update()
        self.changed.emit()

    def strokes(self) -> int:
        return len(self._strokes)

    def to_png(self) -> bytes:
        """The signature as a PNG: dark ink on a white background, at twice the pad's size."""
        size = self.size()
        image = QImage(size * PNG_SCALE, QImage.Format.Format_RGB32)
        image.fill(PAPER)
        painter = QPainter(image)
        painter.scale(PNG_SCALE, PNG_SCALE)
        self._paint_strokes(painter, INK)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        QImageWriter(buffer, QByteArray(b"png")).write(image)
        buffer.close()
        return bytes(data.data())

    # -- drawing ------------------------------------------------------------------------------

    def _begin(self, point: QPointF) -> None:
        self._drawing = True
        self._strokes.append([point])
        self.update()
        self.changed.emit()

    def _extend(self, point: QPointF) -> None:
        if not self._drawing or not self._strokes:
            return
        stroke = self._strokes[-1]
        step = point - stroke[-1]
        if abs(step.x()) + abs(step.y()) >= MIN_STEP:
            stroke.append(point)
            self.update()

    def _end(self, point: QPointF) -> None:
        if self._drawing:
            self._extend(point)
            self._drawing = False
            self.changed.emit()  # the stroke is whole: it may now make a signature

    def _paint_strokes(self, painter: QPainter, ink: QColor) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        pen = QPen(ink, PEN_WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for stroke in self._strokes:
            painter.drawPath(_smooth_path(stroke))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        palette = self.palette()
        # The system palette's text field colours, so the pad looks like somewhere to write in
        # light and dark mode alike; the stored image is always ink on white.
        painter.fillRect(self.rect(), palette.color(QPalette.ColorRole.Base))
        line_y = self.height() * 0.75
        margin = 24.0
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1.0))
        painter.drawLine(QPointF(margin, line_y), QPointF(self.width() - margin, line_y))
        if self.is_empty():
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            painter.drawText(
                QRectF(margin, line_y + 4, self.width() - 2 * margin, 24),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                "Sign above the line",
            )
        self._paint_strokes(painter, palette.color(QPalette.ColorRole.Text))
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1.0))
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))
        painter.end()

    # -- mouse, pen and touch -----------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())
            event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())
            event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._end(event.position())
            event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:
        # Accepting the pen's events stops Qt from also sending them as mouse events, which
        # would draw every stroke twice.
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end(event.position())
        event.accept()

    def event(self, event: QEvent) -> bool:
        if isinstance(event, QTouchEvent):
            return self._touch(event)
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> bool:
        # One finger signs; a second finger resting on the screen is ignored.
        points = event.points()
        if not points:
            return True
        position = points[0].position()
        kind = event.type()
        if kind == QEvent.Type.TouchBegin:
            self._begin(position)
        elif kind == QEvent.Type.TouchUpdate:
            self._extend(position)
        elif kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            self._end(position)
        event.accept()
        return True
