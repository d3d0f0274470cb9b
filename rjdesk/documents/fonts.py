"""The one font family of the printed documents: DejaVu Sans, shipped in resources/fonts.

reportlab's built-in Helvetica only covers Latin-1, so "Łukasz" or "Nguyễn" would print with holes;
DejaVu Sans covers every Latin script (and more) and its licence allows embedding (see
resources/fonts/LICENSE-DejaVu.txt). reportlab embeds only the subset of glyphs a document uses.
"""

from __future__ import annotations

import threading

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from rjdesk.resources import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
OBLIQUE = "DejaVuSans-Oblique"
# The Paragraph family name: <b> and <i> in a Paragraph look up (family, bold, italic) mappings.
FAMILY = "DejaVuSans"

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register DejaVu Sans (regular, bold, oblique) and its family with reportlab, once.

    Safe to call before every document: after the first call it is a flag check under a lock
    (which keeps two documents built on two threads from parsing the TTF files twice at once).
    """
    global _registered  # noqa: PLW0603 - a process-wide, set-once flag is the point
    with _lock:
        if _registered:
            return
        for name, filename in (
            (REGULAR, "DejaVuSans.ttf"),
            (BOLD, "DejaVuSans-Bold.ttf"),
            (OBLIQUE, "DejaVuSans-Oblique.ttf"),
        ):
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
        # No bold-oblique face ships with the project: bold stands in for <b><i>, which reads
        # better on paper than a fake slanted bold.
        addMapping(FAMILY, 0, 0, REGULAR)
        addMapping(FAMILY, 1, 0, BOLD)
        addMapping(FAMILY, 0, 1, OBLIQUE)
        addMapping(FAMILY, 1, 1, BOLD)
        _registered = True
