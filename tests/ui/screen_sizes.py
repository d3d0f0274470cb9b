"""The two small screens rjdesk must fit, as Qt's offscreen platform can pretend to be them.

The offscreen platform reads its screens from a JSON file (``-platform
offscreen:configfile=...``); its available geometry is the whole screen, so the taskbar is
taken off the height here. A process can only have the screen it started with: a check at a
given size runs in a child process with ``environment(...)``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class ScreenSize:
    name: str
    width: int  # physical pixels
    height: int
    scale: float  # the display scaling the person chose: 1.0 is 100%

    @property
    def taskbar(self) -> int:
        """Windows 11's taskbar: 48 pixels at 100%, scaled like everything else."""
        return round(48 * self.scale)


SCREENS = (
    ScreenSize("1366x768", 1366, 768, 1.0),
    ScreenSize("1920x1080@150", 1920, 1080, 1.5),
)


def screen_named(name: str) -> ScreenSize:
    for screen in SCREENS:
        if screen.name == name:
            return screen
    raise ValueError(f"no screen {name!r}: one of {', '.join(s.name for s in SCREENS)}")


def environment(screen: ScreenSize, folder: Path) -> dict[str, str]:
    """The environment of a child process whose only screen is ``screen`` (less its taskbar)."""
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / f"screen-{screen.name}.json"
    config.write_text(
        json.dumps(
            {
                "screens": [
                    {
                        "name": screen.name,
                        "x": 0,
                        "y": 0,
                        "width": screen.width,
                        "height": screen.height - screen.taskbar,
                        "logicalDpi": 96,
                        "logicalBaseDpi": 96,
                        "dpr": 1,
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    env["QT_SCALE_FACTOR"] = str(screen.scale)
    env["RJDESK_INSECURE_FAST_KDF"] = "1"
    # Qt's settings file (the window's saved geometry) of this check, not the person's own.
    env["XDG_CONFIG_HOME"] = str(folder / "config")
    return env
