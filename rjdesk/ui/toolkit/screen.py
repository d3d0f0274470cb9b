"""Windows that fit the screen they open on: a 13-inch laptop at 100% (1366x768) or a 1080p
screen at 150% (1280x720 device-independent pixels), less the taskbar and a title bar.

Every top-level window and dialog is sized here (``fit_window``, ``fit_dialog``); content that
cannot shrink sits in a scroll area, and ``follow_focus`` makes every scroll area bring a
control into view when it takes focus (by Tab, a mnemonic, a click or the program), so no
control is ever out of reach.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFrame, QScrollArea, QWidget
from shiboken6 import isValid

# A window manager's title bar and frame, in device-independent pixels. The available geometry
# leaves out the taskbar but not these, and they are not known until the window is shown.
TITLE_BAR = 32
FRAME = 4


def available_area(widget: QWidget | None = None) -> QRect:
    """The screen area ``widget`` opens on (the primary screen without one), less the taskbar."""
    screen = widget.screen() if widget is not None else None
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def usable_size(widget: QWidget | None = None) -> QSize:
    """The largest client area a top-level window can have with its title bar on screen."""
    area = available_area(widget)
    return QSize(area.width() - 2 * FRAME, area.height() - TITLE_BAR - FRAME)


def _place(window: QWidget, size: QSize) -> None:
    area = available_area(window)
    window.resize(size)
    left = area.left() + max(0, (area.width() - size.width()) // 2)
    top = area.top() + TITLE_BAR + max(0, (area.height() - TITLE_BAR - size.height()) // 2)
    window.move(left, top)


def fit_window(window: QWidget, preferred: QSize) -> None:
    """Open ``window`` at ``preferred`` size or, on a smaller screen, as large as fits."""
    usable = usable_size(window)
    _place(window, preferred.boundedTo(usable))


def fits_screen(window: QWidget) -> bool:
    """Is ``window`` (client area placed, not yet shown) wholly on the available screen, with
    room for its title bar above it?"""
    outer = window.geometry().adjusted(-FRAME // 2, -TITLE_BAR, FRAME // 2, FRAME // 2)
    return available_area(window).contains(outer)


def fit_dialog(dialog: QWidget, preferred: QSize | None = None) -> None:
    """Cap ``dialog`` at the usable screen, now and each time it is shown (after Qt has sized
    it to its contents): at ``preferred`` size if given and it fits, else its own."""
    usable = usable_size(dialog)
    dialog.setMaximumSize(usable)
    if preferred is not None:
        dialog.resize(preferred.boundedTo(usable))
    dialog.installEventFilter(_ScreenCap(dialog))


class _ScreenCap(QObject):
    """Keeps a dialog inside the available screen when it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget):
            usable = usable_size(watched)
            watched.setMaximumSize(usable)
            size = watched.size().boundedTo(usable)
            frame = watched.frameGeometry()
            area = available_area(watched)
            inside = QRect(frame.topLeft(), size).adjusted(0, -TITLE_BAR, 2 * FRAME, FRAME)
            if size != watched.size() or not area.contains(inside):
                _place(watched, size)
        return False


def follow_focus(app: QApplication) -> None:
    """Make every scroll area of the application bring a control into view when it takes
    focus (Qt's own does so only for Tab). Once per application; later calls do nothing."""
    if app.property(_FOLLOWING) is True:
        return
    app.setProperty(_FOLLOWING, True)
    app.focusChanged.connect(_bring_into_view)


_FOLLOWING = "rjdeskFollowsFocus"


def _bring_into_view(_old: QWidget | None, new: QWidget | None) -> None:
    """Scroll each scroll area holding ``new``, innermost first, to show it: once the event
    that moved the focus is over. Focus also moves while widgets are being destroyed (a lock
    deletes the workspace and its scroll areas): a scroll area half-way through its destructor
    must not be asked anything (it crashed the process). Qt drops the call if ``new`` is gone
    by then."""
    if new is None:
        return
    QTimer.singleShot(0, new, lambda: _scroll_to(new))


def _scroll_to(new: QWidget) -> None:
    if not isValid(new) or not new.isVisible():
        return
    child, parent = new, new.parentWidget()
    while parent is not None and not child.isWindow():
        area = parent.parentWidget()
        if isinstance(area, QScrollArea) and area.viewport() is parent:
            area.ensureWidgetVisible(new)
        child, parent = parent, parent.parentWidget()


def scrolling(page: QWidget, name: str) -> QScrollArea:
    """``page`` in a scroll area named ``name``: on a small screen it scrolls instead of
    making the window larger than the screen. It is not a tab stop (its controls are, and
    ``follow_focus`` brings each into view)."""
    area = QScrollArea()
    area.setObjectName(f"{page.objectName() or 'page'}Scroll")
    area.setAccessibleName(name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(page)
    return area
