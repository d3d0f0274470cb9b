"""Searching files for case text that must not be there (the leak tests of DESIGN §4, §6, §7).

A canary is searched for in the encodings a program could write it in: UTF-8 and both byte
orders of UTF-16 (Qt's and Windows' own)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def forms(*texts: str) -> list[bytes]:
    """Every way the texts could be written to a file."""
    return [
        text.encode(encoding) for text in texts for encoding in ("utf-8", "utf-16-le", "utf-16-be")
    ]


def files_holding(folder: Path, needles: Iterable[bytes], since: float = 0.0) -> list[str]:
    """The files below ``folder`` (written since ``since``, a time stamp) holding any needle.
    A file that vanishes or cannot be read while searching is another program's: skipped."""
    wanted = list(needles)
    found = []
    for path in folder.rglob("*"):
        try:
            if not path.is_file() or path.stat().st_mtime < since:
                continue
            data = path.read_bytes()
        except OSError:
            continue
        if any(needle in data for needle in wanted):
            found.append(str(path))
    return found
