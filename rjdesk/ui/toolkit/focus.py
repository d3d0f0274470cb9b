"""Where the keyboard lands when a page or a case appears: a facilitator without a mouse must
never be left with no widget to type into (issue 13)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QScrollArea, QWidget


def focus_first(container: QWidget) -> bool:
    """Give the focus to the first control Tab reaches inside ``container``; False if none.
    A scroll area is passed over: the work is in the controls it holds."""
    widget = container.nextInFocusChain()
    while widget is not None and widget is not container:
        if (
            container.isAncestorOf(widget)
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.isVisibleTo(container)
            and widget.isEnabled()
            and not isinstance(widget, QScrollArea)
        ):
            widget.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        widget = widget.nextInFocusChain()
    return False


def hand_on(widget: QWidget) -> None:
    """``widget`` is about to be greyed out: if it holds its window's focus, give the focus to
    the next control Tab reaches outside it, as Qt does in the active window. In a window not
    active (a question has just closed over it) Qt clears the focus instead, and the window,
    once active again, puts the keyboard on its first control (the rail), far from the work."""
    window = widget.window()
    focus = window.focusWidget()
    if focus is None or not (focus is widget or widget.isAncestorOf(focus)):
        return
    stop = focus.nextInFocusChain()
    while stop is not None and stop is not focus:
        if (
            stop.focusPolicy() & Qt.FocusPolicy.TabFocus
            and stop.isVisible()
            and stop.isEnabled()
            and stop.window() is window
            and not widget.isAncestorOf(stop)
        ):
            stop.setFocus(Qt.FocusReason.TabFocusReason)
            return
        stop = stop.nextInFocusChain()
