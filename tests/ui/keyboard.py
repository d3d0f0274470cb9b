"""Driving the window with the keyboard alone: every key goes to the widget that has the focus
(inside a modal dialog, the dialog's focus widget), as it would for a facilitator with no mouse.
Nothing here gives focus, clicks, or calls a widget to change its state."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.exceptions import TimeoutError
from pytestqt.qtbot import QtBot

NO_MODIFIER = Qt.KeyboardModifier.NoModifier


def window_manager() -> None:
    """Qt's offscreen platform has no window manager: when a dialog closes, no window is
    active. Activate the one a window manager would (the modal dialog still open, else the
    main window); Qt then gives the focus back to that window's own focus widget."""
    if QApplication.activeWindow() is not None:
        return
    window = QApplication.activeModalWidget()
    if window is None:
        shown = [
            widget
            for widget in QApplication.topLevelWidgets()
            if widget.isVisible() and widget.windowType() in (Qt.WindowType.Window,)
        ]
        window = shown[0] if len(shown) == 1 else None
    if window is not None:
        window.activateWindow()
        QApplication.processEvents()


def focused() -> QWidget:
    """The widget the keyboard types into; fails, naming where it got stuck, when none has it."""
    window_manager()
    widget = QApplication.focusWidget()
    assert widget is not None, "the keyboard got stuck: no widget has the focus"
    return widget


def describe(widget: QWidget | None) -> str:
    """The focus widget as a person debugging the test needs it: class, name, accessible name."""
    if widget is None:
        return "nothing (no widget has the focus)"
    window = widget.window()
    return (
        f"{type(widget).__name__} {widget.objectName()!r} "
        f"(accessible name {widget.accessibleName()!r}) in {window.windowTitle()!r}"
    )


def where() -> str:
    return describe(QApplication.focusWidget())


def press(
    qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier = NO_MODIFIER, times: int = 1
) -> None:
    """Press ``key`` ``times`` times, each time on whatever has the focus then."""
    del qtbot  # kept for the call's shape: the keys go to the focus widget, not a given one
    for _ in range(times):
        QTest.keyClick(focused(), key, modifiers)


def type_text(qtbot: QtBot, text: str) -> None:
    """Type ``text`` into whatever has the focus."""
    del qtbot
    QTest.keyClicks(focused(), text)


def tab_to(
    qtbot: QtBot,
    found: Callable[[QWidget], bool],
    what: str,
    *,
    backwards: bool = False,
    limit: int = 60,
) -> QWidget:
    """Press Tab (Shift+Tab) until the focus is on a widget for which ``found`` is true; fail
    naming every stop on the way when it is not reached in ``limit`` presses."""
    stops: list[str] = []
    modifier = Qt.KeyboardModifier.ShiftModifier if backwards else NO_MODIFIER
    for _ in range(limit):
        widget = focused()
        if found(widget):
            return widget
        stops.append(describe(widget))
        press(qtbot, Qt.Key.Key_Tab, modifier)
    raise AssertionError(
        f"the keyboard never reached {what} with Tab; it stopped at:\n  " + "\n  ".join(stops)
    )


def named(text: str) -> Callable[[QWidget], bool]:
    """A widget whose accessible name, or visible text, contains ``text`` (any case)."""

    def match(widget: QWidget) -> bool:
        shown = getattr(widget, "text", None)
        visible = shown() if callable(shown) else ""
        wanted = text.casefold()
        plain = str(visible).replace("&", "").casefold()
        return wanted in widget.accessibleName().casefold() or wanted in plain

    return match


def exactly(name: str) -> Callable[[QWidget], bool]:
    """A widget whose accessible name is ``name`` and nothing more: "Summary" must not land on
    "Case summary PDF", whose Space opens a modal preview."""

    def match(widget: QWidget) -> bool:
        return widget.accessibleName() == name

    return match


def in_dialog(qtbot: QtBot, opening: Callable[[], None], answer: Callable[[], None]) -> None:
    """Do ``opening`` (key presses that open a modal dialog), then ``answer`` it with key
    presses once it is up, whether the dialog runs its own event loop (``exec``) or not."""
    done: list[bool] = []
    failures: list[BaseException] = []

    def poll() -> None:
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        dialog = app.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        try:
            answer()
        except BaseException as failure:  # raised again once the dialog is gone
            failures.append(failure)
            if dialog.isVisible():
                dialog.close()  # or a dialog's own event loop would never give the test back
        finally:
            done.append(True)

    QTimer.singleShot(0, poll)
    opening()
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    if failures:
        raise failures[0]


def wait_for_window(qtbot: QtBot, title: str, timeout: int = 10_000) -> QWidget:
    """Wait until the window titled ``title`` is active and the keyboard is inside it."""

    def inside() -> bool:
        window_manager()
        widget = QApplication.focusWidget()
        return widget is not None and widget.window().windowTitle() == title

    try:
        qtbot.waitUntil(inside, timeout=timeout)
    except TimeoutError:
        raise AssertionError(f"the keyboard never reached {title!r}; it is on {where()}") from None
    return focused().window()


def wait_for_dialog(qtbot: QtBot, timeout: int = 10_000) -> QWidget:
    """Wait until a modal dialog is up with the keyboard inside it; the dialog."""

    def inside() -> bool:
        window_manager()
        dialog = QApplication.activeModalWidget()
        widget = QApplication.focusWidget()
        return dialog is not None and widget is not None and widget.window() is dialog

    try:
        qtbot.waitUntil(inside, timeout=timeout)
    except TimeoutError:
        raise AssertionError(f"no dialog took the keyboard; it is on {where()}") from None
    return focused().window()


def wait_for_main(qtbot: QtBot, window: QWidget, timeout: int = 10_000) -> None:
    """Wait until every dialog is gone and the keyboard is back in ``window``."""

    def back() -> bool:
        window_manager()
        widget = QApplication.focusWidget()
        return (
            QApplication.activeModalWidget() is None
            and widget is not None
            and (widget.window() is window)
        )

    try:
        qtbot.waitUntil(back, timeout=timeout)
    except TimeoutError:
        raise AssertionError(f"the keyboard did not come back; it is on {where()}") from None


def chain(window: QWidget) -> str:
    """The Tab stops of ``window`` in order (for a failure's message)."""
    stops, widget = [], window.nextInFocusChain()
    while widget is not window and len(stops) < 100:
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisible():
            stops.append(describe(widget))
        widget = widget.nextInFocusChain()
    return "\n  ".join(stops)
