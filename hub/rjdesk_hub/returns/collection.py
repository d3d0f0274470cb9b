"""Counting a return with Python's cyclic garbage collector paused (docs/returns.md, "Speed").

Reading and counting a year's facts makes a few hundred thousand small objects (facts rows,
units, lists), none of them in a reference cycle. Each batch of new objects set off a
collection, and every full one walked all of them again: a third of a return's time over
20,000 cases. Paused while a return is read and counted, and resumed (as it was) afterwards;
reference counting still frees everything as usual.

Paused by the first of several returns counted at once (the console serves many requests) and
resumed by the last, so the collector is never left off.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_resume = False  # whether the collector was on when the first return paused it


@contextmanager
def paused() -> Iterator[None]:
    global _depth, _resume  # noqa: PLW0603 - one collector per process
    with _lock:
        if _depth == 0:
            _resume = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _resume:
                gc.enable()
