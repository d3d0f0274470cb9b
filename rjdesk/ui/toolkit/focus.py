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
