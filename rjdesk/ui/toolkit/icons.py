"""Icons from resources/icons: line drawings tinted to the palette's text colour, so they
stay visible in light and dark themes, rendered at several sizes for high-DPI screens."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from rjdesk.resources import resources_dir

_SIZES = (16, 20, 24, 32, 40, 48, 64, 96)
# Icons drawn in their own colours rather than the palette's.
_COLOURED = frozenset({"rjdesk"})


@cache
def icon(name: str) -> QIcon:
    path = resources_dir() / "icons" / f"{name}.svg"
    if not path.exists():
        return QIcon()
    renderer = QSvgRenderer(str(path))
    colour = QApplication.palette().color(QPalette.ColorRole.WindowText)
    result = QIcon()
    for size in _SIZES:
        pixmap = QPixmap(QSize(size, size))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        if name not in _COLOURED:
            painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
            painter.fillRect(pixmap.rect(), colour)
        painter.end()
        result.addPixmap(pixmap)
    return result
