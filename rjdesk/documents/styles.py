"""Paragraph and table styles shared by the printed documents.

Calm and plain: one sans family, black text, grey rules, a light grey band behind table headers
and nothing that needs colour to be read. Agreements are often printed on a portable printer in
black and white, and read by people who are tired after a conference.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import Color, black
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from rjdesk.documents.fonts import BOLD, FAMILY, OBLIQUE

INK = black
# Small print (letterhead details, labels, footer): dark enough to survive a weak toner.
SOFT_INK = Color(0.25, 0.25, 0.25)
RULE = Color(0.6, 0.6, 0.6)
SHADE = Color(0.92, 0.92, 0.92)

BODY = ParagraphStyle(
    "rj-body", fontName=FAMILY, fontSize=10.5, leading=15, textColor=INK, spaceAfter=6
)
SMALL = ParagraphStyle("rj-small", parent=BODY, fontSize=9, leading=12.5, spaceAfter=3)
LABEL = ParagraphStyle(
    "rj-label", parent=BODY, fontSize=9, leading=14, textColor=SOFT_INK, spaceAfter=0
)
VALUE = ParagraphStyle("rj-value", parent=BODY, spaceAfter=0, leading=14)

LETTERHEAD_NAME = ParagraphStyle(
    "rj-lh-name", parent=BODY, fontName=BOLD, fontSize=14, leading=18, spaceAfter=2
)
LETTERHEAD_LINE = ParagraphStyle(
    "rj-lh-line", parent=BODY, fontSize=9, leading=12, textColor=SOFT_INK, spaceAfter=0
)

TITLE = ParagraphStyle(
    "rj-title", parent=BODY, fontName=BOLD, fontSize=19, leading=23, spaceBefore=2, spaceAfter=6
)
# A draft must be recognisable at arm's length and in black and white: a boxed bold line.
DRAFT_MARK = ParagraphStyle(
    "rj-draft",
    parent=BODY,
    fontName=BOLD,
    fontSize=11.5,
    leading=15,
    borderWidth=1.2,
    borderColor=INK,
    borderPadding=(5, 8, 5, 8),
    # Indents as wide as the padding keep the box inside the text column.
    leftIndent=8,
    rightIndent=8,
    spaceBefore=6,
    spaceAfter=14,
)
STATE_NOTE = ParagraphStyle(
    "rj-state-note", parent=BODY, fontName=OBLIQUE, spaceBefore=0, spaceAfter=10
)

HEADING = ParagraphStyle(
    "rj-heading",
    parent=BODY,
    fontName=BOLD,
    fontSize=13,
    leading=17,
    spaceBefore=12,
    spaceAfter=5,
)
SUBHEADING = ParagraphStyle(
    "rj-subheading",
    parent=BODY,
    fontName=BOLD,
    fontSize=10.5,
    leading=14,
    spaceBefore=8,
    spaceAfter=2,
)
ADDENDUM = ParagraphStyle(
    "rj-addendum", parent=BODY, fontSize=9.5, leading=13.5, leftIndent=18, spaceAfter=4
)

CELL = ParagraphStyle("rj-cell", parent=BODY, fontSize=10, leading=13.5, spaceAfter=0)
CELL_HEADER = ParagraphStyle("rj-cell-header", parent=CELL, fontName=BOLD, fontSize=9.5)

SIGNER_NAME = ParagraphStyle("rj-signer", parent=BODY, fontName=BOLD, spaceAfter=0, leading=14)
SIGNER_LINE = ParagraphStyle(
    "rj-signer-line", parent=BODY, fontSize=9.5, leading=13, textColor=SOFT_INK, spaceAfter=0
)

FOOTER_FONT = FAMILY
FOOTER_BOLD_FONT = BOLD
FOOTER_SIZE = 8
RIGHT_SMALL = ParagraphStyle("rj-right-small", parent=LETTERHEAD_LINE, alignment=TA_RIGHT)

Command = tuple[Any, ...]


def grid_commands(*, header: bool) -> list[Command]:
    """Table style commands: top-aligned cells, roomy padding, thin grey rules between rows, and
    (with a header) a bold header row on a light band with a black rule under it."""
    commands: list[Command] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 7),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
    ]
    if header:
        commands += [
            ("BACKGROUND", (0, 0), (-1, 0), SHADE),
            ("LINEBELOW", (0, 0), (-1, 0), 0.9, INK),
        ]
    return commands


def label_value_commands() -> list[Command]:
    """A two-column "label: value" table (case details, referral): no band, light rules."""
    return [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
    ]
