"""What a screen reader, voice control and a keyboard find in a window, read through the same
``QAccessible`` interfaces a screen reader reads (AT-SPI on Linux, UI Automation on Windows).

Each check takes a root widget (a window, a page or a dialog) and returns what is wrong with it
as short readable lines, so that a test can ``assert check(root) == []`` and any test can call
the same checks on the widgets it builds. Only what a person can reach at the moment counts:
visible, enabled widgets.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QTextDocument
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QTabBar,
    QWidget,
)

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def accessible_name(widget: QWidget) -> str:
    """What a screen reader says for ``widget``: its accessible interface's name."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return "" if interface is None else interface.text(QAccessible.Text.Name)


def accessible_role(widget: QWidget) -> QAccessible.Role | None:
    interface = QAccessible.queryAccessibleInterface(widget)
    return None if interface is None else interface.role()


def plain(text: str) -> str:
    """Shown text as a person reads it: no markup, no ``&`` of a mnemonic, no trailing colon,
    one space between words, lower case (names are compared case-insensitively)."""
    if GuiQt.mightBeRichText(text):
        document = QTextDocument()
        document.setHtml(text)
        text = document.toPlainText()
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return " ".join(text.split()).rstrip(":…. ").lower()


def label_text(text: str) -> str:
    """A label's text as a control's name must hold it: ``plain``, less any parenthesised
    note or count ("Timeline, newest first (5)" names "Timeline, newest first")."""
    return plain(re.sub(r"\([^)]*\)", "", plain(text)))


def control_name(widget: QWidget) -> str:
    """A control's name as assistive technology gets it. A combo box is the exception: on
    Linux its interface gives its current text as the name (its label comes through a
    relation), on Windows its accessible name: that name is the one to hold the label."""
    if isinstance(widget, QComboBox) and widget.accessibleName():
        return widget.accessibleName()
    return accessible_name(widget)


def _describe(widget: QWidget) -> str:
    name = widget.objectName() or "(no objectName)"
    return f"{type(widget).__name__} {name}"


def reachable(root: QWidget) -> Iterator[QWidget]:
    """The widgets of ``root`` (and ``root``) a person can reach now: visible and enabled."""
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.isVisible() and widget.isEnabled():
            yield widget


def _inner_part(widget: QWidget) -> bool:
    """The line edit inside a combo or spin box, or a tab bar's scroll buttons: the owner
    carries the name."""
    parent = widget.parentWidget()
    return isinstance(parent, QComboBox | QAbstractSpinBox | QTabBar)


def _takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def nameless_controls(root: QWidget) -> list[str]:
    """Focusable controls a screen reader can only call by their role ("edit", "scroll
    area"): every Tab stop needs a name."""
    return [
        _describe(widget)
        for widget in reachable(root)
        if _takes_tab(widget) and not _inner_part(widget) and not accessible_name(widget).strip()
    ]


def hidden_label_texts(root: QWidget) -> list[str]:
    """Labels whose shown text a screen reader does not hear: a label's accessible name
    replaces its text, so a content label named "Case reference" is heard as that, never as
    the reference it shows. A label's name must contain what it shows, and a label showing
    nothing yet (a message, a value still loading) must carry no name of its own, or it will
    hide what it comes to show. Hidden labels count too: they are shown when they get text."""
    hidden = []
    for label in [root, *root.findChildren(QLabel)]:
        if not isinstance(label, QLabel) or not label.pixmap().isNull():
            continue  # a picture's name is all a screen reader has of it
        shown = plain(label.text())
        heard = accessible_name(label)
        if shown and shown not in plain(heard):
            hidden.append(f"{_describe(label)} shows {shown!r}, heard {heard!r}")
        elif not shown and label.accessibleName():
            hidden.append(f"{_describe(label)} is named {heard!r}: it will hide what it shows")
    return hidden


def tab_trapping_views(root: QWidget) -> list[str]:
    """Tables and lists that keep Tab to move between their cells: Tab must leave a view
    (the arrows move inside it), or a keyboard user never gets past it."""
    return [
        _describe(view) for view in root.findChildren(QAbstractItemView) if view.tabKeyNavigation()
    ]


def _shown_text(widget: QWidget) -> str:
    if isinstance(widget, QAbstractButton):
        return widget.text()
    if isinstance(widget, QGroupBox) and widget.isCheckable():
        return widget.title()
    return ""


def names_without_shown_text(root: QWidget) -> list[str]:
    """Controls whose accessible name does not contain the text on them or on their label:
    voice control finds a control by what it shows ("click Follow up the actions")."""
    wrong = []
    for widget in reachable(root):
        if _inner_part(widget):
            continue
        name = plain(control_name(widget))
        shown = plain(_shown_text(widget))
        if shown and shown not in name:
            wrong.append(f"{_describe(widget)} shows {shown!r}, named {name!r}")
        if isinstance(widget, QLabel):
            buddy = widget.buddy()
            label = label_text(widget.text())
            # A button's own text is what it shows; its label is a heading over a group.
            if (
                buddy is not None
                and label
                and buddy.isVisible()
                and not isinstance(buddy, QAbstractButton)
            ):
                buddy_name = plain(control_name(buddy))
                if label not in buddy_name:
                    wrong.append(f"{_describe(buddy)} labelled {label!r}, named {buddy_name!r}")
    return wrong


def mnemonics(root: QWidget) -> dict[str, list[str]]:
    """Every Alt-letter reachable at once in ``root``'s window: buttons, check boxes, group
    boxes and tabs, and labels (whose letter goes to their buddy)."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str, owner: str) -> None:
        for letter in _MNEMONIC.findall(text):
            found[letter.lower()].append(f"{owner} {plain(text)!r}")

    for widget in reachable(root):
        if isinstance(widget, QAbstractButton):
            add(widget.text(), _describe(widget))
        elif isinstance(widget, QGroupBox):
            add(widget.title(), _describe(widget))
        elif isinstance(widget, QLabel):
            buddy = widget.buddy()
            if buddy is not None and buddy.isVisible() and buddy.isEnabled():
                add(widget.text(), _describe(widget))
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabEnabled(index) and widget.isTabVisible(index):
                    add(widget.tabText(index), f"{_describe(widget)} tab")
    return dict(found)


def mnemonic_clashes(root: QWidget) -> list[str]:
    """Alt-letters that two controls reachable at the same moment share: Alt+L must not go
    to Lock when the person meant Level. Check the whole window (``root.window()``)."""
    return [
        f"Alt+{letter.upper()}: " + ", ".join(owners)
        for letter, owners in sorted(mnemonics(root.window()).items())
        if len(owners) > 1
    ]


def tab_chain(root: QWidget) -> list[QWidget]:
    """The Tab stops of ``root`` in the order Tab visits them (the focus chain)."""
    chain: list[QWidget] = []
    widget = root.nextInFocusChain()
    seen: set[int] = set()
    while widget is not root and id(widget) not in seen:
        seen.add(id(widget))
        if (
            (widget is root or root.isAncestorOf(widget))
            and widget.isVisible()
            and widget.isEnabled()
            and _takes_tab(widget)
            and not _inner_part(widget)
        ):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def out_of_screen_order(widgets: list[QWidget]) -> list[str]:
    """Neighbours in a Tab order that go back up the screen (for one column, such as the
    navigation rail): Tab must follow what the eye follows."""
    tops = [w.mapToGlobal(w.rect().topLeft()).y() for w in widgets]
    return [
        f"{_describe(widgets[i + 1])} comes after {_describe(widgets[i])} but sits above it"
        for i in range(len(widgets) - 1)
        if tops[i + 1] < tops[i]
    ]


def all_problems(root: QWidget) -> dict[str, list[str]]:
    """Every check on ``root``, by name, keeping only those that found something."""
    problems = {
        "nameless controls": nameless_controls(root),
        "labels whose text is not heard": hidden_label_texts(root),
        "views that keep Tab": tab_trapping_views(root),
        "names without the shown text": names_without_shown_text(root),
        "mnemonic clashes": mnemonic_clashes(root),
    }
    return {check: found for check, found in problems.items() if found}


def report(problems: dict[str, list[str]]) -> str:
    """The problems, one per line under their check, for a failing test's message."""
    return "\n".join(
        f"{check} ({len(found)}):\n" + "\n".join(f"  {line}" for line in found)
        for check, found in problems.items()
    )


def assert_accessible(root: QWidget) -> None:
    """Fail with every problem found in ``root`` (see ``all_problems``)."""
    problems = all_problems(root)
    assert not problems, "\n" + report(problems)
