"""Searching files for case text that must not be there (the leak tests of DESIGN §4, §6, §7).

A canary is searched for in the encodings a program could write it in: UTF-8 and both byte
orders of UTF-16 (Qt's and Windows' own).

The folders searched include the system's temp folder, where other programs create and delete
files all the time: a file or folder that vanishes, or cannot be read, between being listed and
being read is another program's, and is skipped rather than failing the scan.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

# Called with each folder and the names just listed in it, before any of them is read: the
# tests of the scan itself use it to delete files and folders at exactly that moment.
Listed = Callable[[Path, list[str], list[str]], None]


def forms(*texts: str) -> list[bytes]:
    """Every way the texts could be written to a file."""
    return [
        text.encode(encoding) for text in texts for encoding in ("utf-8", "utf-16-le", "utf-16-be")
    ]


def readable_files(
    folder: Path, since: float = 0.0, *, skip: Path | None = None, listed: Listed | None = None
) -> Iterator[tuple[Path, bytes]]:
    """Each regular file below ``folder`` modified since ``since`` (a time stamp), with its
    bytes. ``skip``: a folder left out. Files and folders that vanish or cannot be read while
    scanning are left out; symbolic links are not followed."""
    # os.walk skips a folder it cannot list (onerror is None), where Path.rglob raises.
    for dirpath, dirnames, filenames in os.walk(folder):
        here = Path(dirpath)
        if listed is not None:
            listed(here, dirnames, filenames)
        if skip is not None and here.is_relative_to(skip):
            dirnames[:] = []
            continue
        for name in filenames:
            path = here / name
            try:
                status = path.lstat()
                if not path.is_file() or path.is_symlink() or status.st_mtime < since:
                    continue
                data = path.read_bytes()
            except OSError:  # another program's file, gone or unreadable: not ours
                continue
            yield path, data


def files_holding(
    folder: Path, needles: Iterable[bytes], since: float = 0.0, *, listed: Listed | None = None
) -> list[str]:
    """The files below ``folder`` (written since ``since``, a time stamp) holding any needle."""
    wanted = list(needles)
    return [
        str(path)
        for path, data in readable_files(folder, since, listed=listed)
        if any(needle in data for needle in wanted)
    ]
