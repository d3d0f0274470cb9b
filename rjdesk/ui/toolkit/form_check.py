"""Checks a form makes before it saves, and messages that go once their problem is put right.

A DateField keeps a refused typed date as typed while ``date()`` stays the last accepted day,
so a save that read ``date()`` without asking would save a day the person did not type.
``refused_date`` is the one check every save path makes first. ``set_field_message`` shows a
form's message about one field and clears it as soon as that field changes, so a sentence
such as "Type the person's name." does not linger after the name is typed.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QMetaObject, QObject, SignalInstance
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QButtonGroup,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from rjdesk.ui.toolkit.date_field import DateField
from rjdesk.ui.toolkit.messages import set_message


def _date_fields(places: Iterable[QWidget]) -> list[DateField]:
    found: list[DateField] = []
    for place in places:
        if isinstance(place, DateField):
            found.append(place)
        else:
            found.extend(place.findChildren(DateField))
    return found


def _editable(field: DateField) -> bool:
    """A field the person can type into now: shown (or would be, with its window), enabled."""
    return field.isEnabled() and not field.isReadOnly() and field.isVisibleTo(field.window())


def _sentence_after(name: str, problem: str) -> str:
    # "Received on: the date cannot be after today, …" (keep "RJ…" and quotes as they are).
    if len(problem) > 1 and problem[0].isupper() and problem[1].islower():
        problem = problem[0].lower() + problem[1:]
    return f"{name}: {problem}" if name else problem


def refused_date(*places: QWidget, message: QLabel | None = None) -> DateField | None:
    """Before saving: the first date field in ``places`` (fields, or forms holding them) whose
    typed text is not accepted, or None. Its sentence is shown under it and, when ``message``
    is given, on the form's message line with the field's name; focus goes to it. The caller
    stops the save when a field is returned. Disabled, hidden and read-only fields are not
    checked: what they hold is not being saved."""
    for field in _date_fields(places):
        if not _editable(field):
            continue
        problem = field.check()
        if not problem:
            continue
        if message is not None:
            set_field_message(message, _sentence_after(field.accessibleName(), problem), field)
        field.setFocus()
        return field
    return None


class _ClearWhenChanged(QObject):
    """Lives on a message label; clears it the first time the field it names changes."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        self.setObjectName("clearWhenChanged")
        self._label = label
        self._text = ""
        self._connections: list[QMetaObject.Connection] = []

    def watch(self, text: str, field: QWidget) -> None:
        self.forget()
        self._text = text
        for signal in _change_signals(field):
            self._connections.append(signal.connect(self._changed))

    def forget(self) -> None:
        for connection in self._connections:
            QObject.disconnect(connection)  # a no-op when the field has gone
        self._connections = []

    def _changed(self, *_args: object) -> None:
        if self._label.text() == self._text:
            set_message(self._label, "")
        self.forget()


def _change_signals(field: QWidget) -> list[SignalInstance]:
    """The signals that say the person changed ``field``."""
    if isinstance(field, DateField):
        return [field.dateChanged, field.edit.textEdited]
    if isinstance(field, QLineEdit):
        return [field.textEdited]
    if isinstance(field, (QPlainTextEdit, QTextEdit)):
        return [field.textChanged]
    if isinstance(field, QComboBox):
        return [field.currentIndexChanged, field.editTextChanged]
    if isinstance(field, QAbstractButton):
        group: QButtonGroup | None = field.group()  # None for a button in no group
        if group is not None:
            return [group.buttonToggled]
        # A radio button: choosing any of its exclusive siblings answers the message.
        parent = field.parentWidget()
        siblings = [
            button
            for button in (parent.findChildren(QAbstractButton) if parent else [field])
            if button.isCheckable() and button.autoExclusive()
        ]
        return [button.toggled for button in siblings or [field]]
    if isinstance(field, QAbstractSpinBox):
        return [field.editingFinished]
    return []


def set_field_message(label: QLabel, text: str, field: QWidget, *, error: bool = True) -> None:
    """Show ``text`` on the form's message line about ``field``; it goes when ``field``
    changes (and any earlier message's watch is dropped)."""
    set_message(label, text, error=error)
    watcher = label.findChild(_ClearWhenChanged, "clearWhenChanged")
    if watcher is None:
        watcher = _ClearWhenChanged(label)
    watcher.watch(text, field)
