"""The screenshot script keeps working (make screenshots looks at 200 cases; this at 12), on a
13-inch laptop's screen (1366x768, less the taskbar), with every window at the size rjdesk
gives it there."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from tests.ui.screenshots import take_on_screen


def test_every_main_screen_renders_at_laptop_size(tmp_path: Path) -> None:
    shots = take_on_screen(tmp_path / "shots", "1366x768", cases=12)
    names = {path.stem.split("-", 1)[1] for path in shots}
    for expected in (
        "first-run",
        "unlock-wrong-passphrase",
        "today",
        "mywork",
        "cases",
        "case-overview",
        "case-people",
        "case-risk",
        "case-contacts",
        "case-agreement",
        "case-documents",
        "case-outcomes",
        "case-history",
        "agreement-preview",
        "feedback",
        "equality-monitoring",
        "new-referral-1",
        "settings",
        "locked",
    ):
        assert expected in names, expected
    dialogs = ("feedback", "equality-monitoring")  # a dialog's own size, narrower than a window
    for path in shots:
        image = QImage(str(path))
        narrowest = 400 if path.stem.split("-", 1)[1] in dialogs else 800
        assert not image.isNull() and image.width() >= narrowest, path.name
