"""A scripted screen-reader user: walks rjdesk's AT-SPI tree as Orca does and says what it heard.

Runs under Debian's /usr/bin/python3 with python3-pyatspi (the project's virtual environment
cannot import it), on the accessibility bus of the window started by ``driver.py``. It reads a
plan (JSON) naming the passphrases, the case to open and what a listener expects to hear, and
writes one JSON report on stdout: each step, what was expected, every label it heard on the
screen and what it never heard. The pytest test judges the report.

Like a blind facilitator, it hears a label's accessible name (Orca speaks the name, and the
label's text only when the name is empty), types into the passphrase field through the
EditableText interface, presses buttons through their Action, and moves in a table with the
arrow keys and Enter (key events through the AT-SPI registry, which sends them to the X server).
"""

from __future__ import annotations

import contextlib
import json
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

import pyatspi
from gi.repository import Atspi

APP_NAME = "rjdesk"
POLL_SECONDS = 0.1
KEY_DOWN = 0xFF54
KEY_RETURN = 0xFF0D

Accessible = Any


class NotHeard(Exception):
    """A step could not go on: what the listener was waiting for never came."""


def utterance(node: Accessible) -> str:
    """What Orca says for an object: its name, or (with no name) the text it shows."""
    name = node.name or ""
    if name:
        return name
    try:
        text = node.queryText()
    except NotImplementedError:
        return ""
    return text.getText(0, -1) or ""


def showing(node: Accessible) -> bool:
    return node.getState().contains(pyatspi.STATE_SHOWING)


def walk(node: Accessible) -> Iterator[Accessible]:
    """The showing part of the tree under ``node`` (what is on screen), depth first."""
    yield node
    for index in range(node.childCount):
        child = node.getChildAtIndex(index)
        if child is not None and showing(child):
            yield from walk(child)


def labels_heard(app: Accessible) -> list[str]:
    return [utterance(node) for node in walk(app) if node.getRole() == pyatspi.ROLE_LABEL]


def find(app: Accessible, role: int, name: str) -> Accessible | None:
    for node in walk(app):
        if node.getRole() == role and utterance(node) == name:
            return node
    return None


def wait_for(what: str, probe: Callable[[], Any], timeout: float) -> Any:
    """Ask ``probe`` until it answers (not None/False), or fail naming ``what``."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            answer = probe()
        except Exception:  # the tree changes under us while the window rebuilds a page
            answer = None
        if answer:
            return answer
        if time.monotonic() > deadline:
            raise NotHeard(f"after {timeout:.0f} s there was still no {what}")
        time.sleep(POLL_SECONDS)


def application(timeout: float) -> Accessible:
    def probe() -> Accessible | None:
        desktop = pyatspi.Registry.getDesktop(0)
        for index in range(desktop.childCount):
            app = desktop.getChildAtIndex(index)
            if app is not None and app.name == APP_NAME:
                # Ask the window every time: a label's text changes under the reader.
                app.set_cache_mask(Atspi.Cache.NONE)
                return app
        return None

    return wait_for(f"application named {APP_NAME!r} on the accessibility bus", probe, timeout)


def press(button: Accessible) -> None:
    action = button.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    action.doAction(names.index("Press"))


def type_passphrase(app: Accessible, passphrase: str, timeout: float) -> None:
    field = wait_for(
        "passphrase field on the unlock screen",
        lambda: find(app, pyatspi.ROLE_PASSWORD_TEXT, "Passphrase"),
        timeout,
    )
    field.queryEditableText().setTextContents(passphrase)
    button = wait_for(
        "Unlock button", lambda: find(app, pyatspi.ROLE_PUSH_BUTTON, "Unlock"), timeout
    )
    press(button)


def listen(app: Accessible, step: str, expected: list[str], timeout: float) -> dict[str, Any]:
    """Wait until every expected sentence is heard on the screen; report what was heard."""
    heard: list[str] = []

    def probe() -> bool:
        for said in labels_heard(app):
            if said not in heard:
                heard.append(said)
        return all(sentence in heard for sentence in expected)

    # Not hearing it is the finding, not a reason to stop: the report says what was heard.
    with contextlib.suppress(NotHeard):
        wait_for("", probe, timeout)
    missing = [sentence for sentence in expected if sentence not in heard]
    return {"step": step, "expected": expected, "heard": heard, "missing": missing}


def open_recent_case(app: Accessible, reference: str, timeout: float) -> None:
    """From Today, as a keyboard user: focus "Recently worked on", Down, Enter."""

    def recent_table() -> Accessible | None:
        table = find(app, pyatspi.ROLE_TABLE, "Recently worked on")
        if table is None:
            return None
        cells = [utterance(node) for node in walk(table)]
        return table if reference in cells else None

    table = wait_for(
        f"case {reference} in Today's \"Recently worked on\" after unlocking", recent_table,
        timeout,
    )  # fmt: skip
    table.queryComponent().grabFocus()
    for key in (KEY_DOWN, KEY_RETURN):
        pyatspi.Registry.generateKeyboardEvent(key, None, pyatspi.KEY_SYM)
    wait_for(
        'case screen after Down and Enter in "Recently worked on" (Today stayed)',
        lambda: find(app, pyatspi.ROLE_TABLE, "Recently worked on") is None,
        timeout,
    )


def main(plan_path: str) -> int:
    with open(plan_path, encoding="utf-8") as plan_file:
        plan = json.load(plan_file)
    timeout = float(plan["timeout"])
    report: dict[str, Any] = {"steps": [], "error": None}
    try:
        app = application(timeout)
        type_passphrase(app, plan["wrong_passphrase"], timeout)
        report["steps"].append(
            listen(app, "wrong passphrase on the unlock screen", [plan["wrong_message"]], timeout)
        )
        type_passphrase(app, plan["passphrase"], timeout)
        open_recent_case(app, plan["reference"], timeout)
        report["steps"].append(listen(app, "the open case's header", plan["header"], timeout))
    except NotHeard as error:
        report["error"] = str(error)
    json.dump(report, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
