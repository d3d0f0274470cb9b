"""The timeline of a case's contacts: a list model of finished entries and a delegate that
draws each one as wrapped rich text, with its addenda beneath.

Each entry's text is worked out once, when the case is shown, so scrolling through a long
case (sixty contacts and more) only lays out the entries on screen.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from rjdesk.app.views import AddendumView, ContactView
from rjdesk.ui.toolkit.dates import day_text, weekday_text
from rjdesk.ui.toolkit.labels import CONTACT_KINDS
from rjdesk_protocol.calendar import LONDON

ID_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex

_PADDING = 8


def when_text(at: datetime) -> str:
    """A stored (UTC) time as a facilitator reads it: ``Wed 21 Oct 2026, 14:30`` in London."""
    local = at.astimezone(LONDON)
    return f"{weekday_text(local.date())}, {local:%H:%M}"


def addendum_text(addendum: AddendumView) -> str:
    local = addendum.written_at.astimezone(LONDON)
    return f"Addendum {day_text(local.date())} {local:%H:%M} by {addendum.author}: {addendum.text}"


@dataclass(frozen=True)
class Entry:
    """One contact as the timeline shows it, in plain text and in rich text."""

    contact_id: str
    plain: str
    rich: str


def _facts(contact: ContactView) -> tuple[str, str]:
    heading = " — ".join(
        part
        for part in (CONTACT_KINDS[contact.kind], when_text(contact.at), contact.location)
        if part
    )
    with_whom = ", ".join(p.name for p in contact.present) or "nobody recorded"
    return heading, f"With {with_whom} · written by {contact.author}"


def entry(contact: ContactView) -> Entry:
    heading, people = _facts(contact)
    addenda = [addendum_text(a) for a in contact.addenda]
    next_steps = f"Next steps: {contact.next_steps}" if contact.next_steps else ""
    plain = "\n".join(
        part for part in (heading, people, contact.notes, next_steps, *addenda) if part
    )

    def text(value: str) -> str:
        return html.escape(value).replace("\n", "<br>")

    rich = [
        f"<p style='margin:0'><b>{text(heading)}</b></p>",
        f"<p style='margin:0'><small>{text(people)}</small></p>",
        f"<p style='margin-top:4px; margin-bottom:0'>{text(contact.notes)}</p>",
    ]
    if contact.next_steps:
        rich.append(
            f"<p style='margin-top:4px; margin-bottom:0'><b>Next steps:</b> "
            f"{text(contact.next_steps)}</p>"
        )
    for addendum in contact.addenda:
        local = addendum.written_at.astimezone(LONDON)
        rich.append(
            "<p style='margin-top:4px; margin-bottom:0; margin-left:18px'><i>Addendum "
            f"{day_text(local.date())} {local:%H:%M} by {text(addendum.author)}:</i> "
            f"{text(addendum.text)}</p>"
        )
    return Entry(contact.id, plain, "".join(rich))


class TimelineModel(QAbstractListModel):
    """A case's contacts, newest first. The display text is the whole entry in plain text
    (what a screen reader reads); ``HTML_ROLE`` is the same entry for the delegate to draw."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Entry] = []

    def set_contacts(self, contacts: Sequence[ContactView]) -> None:
        self.beginResetModel()
        newest_first = sorted(contacts, key=lambda c: c.at, reverse=True)
        self._rows = [entry(contact) for contact in newest_first]
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self._rows = []
        self.endResetModel()

    def row_of(self, contact_id: str) -> int:
        return next((i for i, e in enumerate(self._rows) if e.contact_id == contact_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's API
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.plain
        if role == HTML_ROLE:
            return row.rich
        if role == ID_ROLE:
            return row.contact_id
        return None


class TimelineDelegate(QStyledItemDelegate):
    """Draws an entry as rich text wrapped to the list's width; its height follows the text."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view
        self._documents: dict[int, QTextDocument] = {}
        self._laid_out_at = 0  # the width the cached documents are wrapped to
        view.model().modelReset.connect(self._documents.clear)

    def _width(self) -> int:
        return max(self._view.viewport().width() - 2 * _PADDING - 2 * self._view.spacing(), 120)

    def _document(self, option: QStyleOptionViewItem, index: Index) -> QTextDocument:
        width = self._width()
        if width != self._laid_out_at:
            self._documents.clear()
            self._laid_out_at = width
        document = self._documents.get(index.row())
        if document is None:
            document = QTextDocument()  # owned by the cache, freed with it
            document.setDefaultFont(option.font)
            document.setDocumentMargin(0)
            document.setHtml(index.data(HTML_ROLE) or "")
            document.setTextWidth(width)
            self._documents[index.row()] = document
        return document

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        document = self._document(option, index)
        return QSize(self._width() + 2 * _PADDING, int(document.size().height()) + 2 * _PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        widget = item.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        document = self._document(option, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(item.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, item.palette.color(role))
        rect = item.rect
        painter.save()
        painter.translate(rect.left() + _PADDING, rect.top() + _PADDING)
        document.documentLayout().draw(painter, context)
        painter.restore()
