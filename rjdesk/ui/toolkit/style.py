"""The few colours rjdesk adds to the system palette: errors and red/amber/green risk.

Everything else follows the system's light or dark palette. These are chosen per palette so
that text stays readable (contrast at least 4.5:1) on either.
"""

from __future__ import annotations

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

_LIGHT = {"error": "#b3261e", "low": "#1b5e20", "medium": "#8a5300", "high": "#b3261e"}
_DARK = {"error": "#ffb4ab", "low": "#a5d6a7", "medium": "#ffcc80", "high": "#ffb4ab"}


def is_dark() -> bool:
    palette = QApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def colour(name: str) -> str:
    return (_DARK if is_dark() else _LIGHT)[name]


def risk_style(level: str | None) -> str:
    """A label style for a risk level: coloured, bold text plus the word itself, so colour is
    never the only cue."""
    if level not in ("low", "medium", "high"):
        return ""
    return f"color: {colour(level)}; font-weight: 700;"


def heading_style(scale: float = 1.35) -> str:
    font = QApplication.font()
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    return f"font-size: {size * scale:.1f}pt; font-weight: 600;"
