"""Errors as a facilitator reads them: one sentence for expected ones, never a traceback."""

from __future__ import annotations

import logging

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

from rjdesk.ui.toolkit import style
from rjdesk.ui.toolkit.labels import field_label
from rjdesk_protocol.errors import DiskFull, RjdeskError, ValidationError, is_disk_full

log = logging.getLogger(__name__)

_PREDICATES = ("is ", "are ", "must ", "needs ", "has ", "lists ")


def sentence(error: BaseException) -> str:
    """What to tell the person. Unexpected errors are logged by type only (no case text)."""
    if isinstance(error, ValidationError) and error.field:
        reason = error.reason
        # "is in the future" needs its subject; "a name is needed" is a sentence already.
        if reason.startswith(_PREDICATES):
            reason = f"{field_label(error.field)} {reason}"
        text = reason[:1].upper() + reason[1:]
        return text + ("" if text.endswith((".", "?", "!")) else ".")
    if is_disk_full(error) and not isinstance(error, RjdeskError):
        error = DiskFull()
    if isinstance(error, RjdeskError):
        text = str(error)
        return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")
    log.error("unexpected error in the window: %s", type(error).__name__)
    return (
        f"Something unexpected went wrong ({type(error).__name__}); the change was not saved. "
        "Please tell your hub coordinator."
    )


def show_error(parent: QWidget | None, error: BaseException, title: str = "rjdesk") -> None:
    QMessageBox.warning(parent, title, sentence(error))


def set_message(label: QLabel, text: str, *, error: bool = False) -> None:
    """Show (or clear) a message under a form; errors in bold, in the error colour."""
    new = bool(text) and text != label.text()
    label.setText(text)
    label.setStyleSheet(f"color: {style.colour('error')}; font-weight: 600;" if error else "")
    label.setVisible(bool(text))
    if new:
        announce(label, text, urgent=error)


def announce(widget: QWidget, text: str, *, urgent: bool = False) -> None:
    """Have a screen reader say ``text`` now. A message label's new words become its name,
    but a reader reads a name when focus reaches it, and focus stays in the field being
    corrected: the announcement says it where the person is."""
    if not QAccessible.isActive():
        return  # no assistive technology listening
    event = QAccessibleAnnouncementEvent(widget, text)
    politeness = QAccessible.AnnouncementPoliteness
    event.setPoliteness(politeness.Assertive if urgent else politeness.Polite)
    QAccessible.updateAccessibility(event)
