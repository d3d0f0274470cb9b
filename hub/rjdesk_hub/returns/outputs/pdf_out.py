"""A return as an A4 PDF report: a title page (the definition, its version, the period, when it
was computed, how small numbers are shown), then each table with its note under it.

Headings are PDF bookmarks (reportlab writes no tagged structure tree, so the bookmarks are how
a screen reader or a reader's sidebar moves between tables), and the document says its language
and title. The font is DejaVu Sans, as on the laptop's documents, from the hub's own copy
(``rjdesk_hub/returns/fonts``), embedded as the subset the report uses.
"""

from __future__ import annotations

import io
import threading
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.fonts import addMapping
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    TableStyle,
)
from reportlab.platypus import Table as PdfTable

from rjdesk_hub.returns.outputs import common
from rjdesk_hub.returns.result import CONCEALED, SUPPRESSED, ReturnResult, Table

REGULAR = "RjHub-DejaVuSans"
BOLD = "RjHub-DejaVuSans-Bold"
_FONTS = Path(__file__).resolve().parent.parent / "fonts"
_lock = threading.Lock()
_registered = False
_MARGIN = 18 * mm
_WIDTH = A4[0] - 2 * _MARGIN
_PAD = 4  # points either side of a table cell's text


def _register_fonts() -> None:
    global _registered  # noqa: PLW0603 - a process-wide, set-once flag is the point
    with _lock:
        if _registered:
            return
        pdfmetrics.registerFont(TTFont(REGULAR, str(_FONTS / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont(BOLD, str(_FONTS / "DejaVuSans-Bold.ttf")))
        for bold, italic, face in ((0, 0, REGULAR), (1, 0, BOLD), (0, 1, REGULAR), (1, 1, BOLD)):
            addMapping(REGULAR, bold, italic, face)
        _registered = True


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("Body", fontName=REGULAR, fontSize=10, leading=13.5, spaceAfter=6)
    return {
        "title": ParagraphStyle(
            "Title", parent=body, fontName=BOLD, fontSize=20, leading=25, spaceAfter=14
        ),
        "h2": ParagraphStyle(
            "Heading2", parent=body, fontName=BOLD, fontSize=13, leading=17, spaceBefore=10
        ),
        "body": body,
        "rule": ParagraphStyle(
            "Rule",
            parent=body,
            backColor=colors.HexColor("#f3f2f1"),
            borderColor=colors.HexColor("#505a5f"),
            borderWidth=0.75,
            borderPadding=8,
            spaceBefore=12,
            spaceAfter=14,
        ),
        "note": ParagraphStyle(
            "Note", parent=body, fontSize=8.5, leading=11, textColor=colors.HexColor("#505a5f")
        ),
        "cell": ParagraphStyle("Cell", parent=body, fontSize=9, leading=11, spaceAfter=0),
        "figure": ParagraphStyle(
            "Figure", parent=body, fontSize=9, leading=11, spaceAfter=0, alignment=TA_RIGHT
        ),
    }


class _Report(SimpleDocTemplate):  # type: ignore[misc]  # reportlab has no type hints
    """Makes each table's heading a bookmark, and prints the footer on every page."""

    def __init__(self, out: io.BytesIO, result: ReturnResult) -> None:
        super().__init__(
            out,
            pagesize=A4,
            leftMargin=_MARGIN,
            rightMargin=_MARGIN,
            topMargin=_MARGIN,
            bottomMargin=_MARGIN + 4 * mm,
            title=result.title,
            subject=f"{common.definition_text(result)}, {result.period.label}",
            author="rjdesk-hub",
            creator="rjdesk-hub",
            lang="en-GB",
            # Otherwise every page names Helvetica, a font the report never uses nor embeds.
            initialFontName=REGULAR,
            initialFontSize=10,
        )
        self._footer = f"{result.title} · {result.period.label} · " + (
            f'"{SUPPRESSED}": under 5; "{CONCEALED}": hidden to protect a small number'
        )
        self._marks = 0

    def afterFlowable(self, flowable: Any) -> None:
        if isinstance(flowable, Paragraph) and flowable.style.name in {"Title", "Heading2"}:
            self._marks += 1
            key = f"h{self._marks}"
            self.canv.bookmarkPage(key)
            level = 0 if flowable.style.name == "Title" else 1
            self.canv.addOutlineEntry(flowable.getPlainText(), key, level=level, closed=False)

    def handle_pageBegin(self) -> None:
        super().handle_pageBegin()
        canvas = self.canv
        canvas.saveState()
        canvas.setFont(REGULAR, 8)
        canvas.setFillColor(colors.HexColor("#505a5f"))
        canvas.drawString(_MARGIN, _MARGIN - 2 * mm, self._footer)
        canvas.drawRightString(A4[0] - _MARGIN, _MARGIN - 2 * mm, f"page {canvas.getPageNumber()}")
        canvas.restoreState()


def _text(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def _title_page(result: ReturnResult, styles: dict[str, ParagraphStyle]) -> list[Any]:
    facts = [
        ("Definition", common.definition_text(result)),
        ("Period", common.period_text(result.period)),
        ("Computed", common.computed_text(result.computed_at)),
        ("Tables", str(len(result.tables))),
    ]
    grid = PdfTable(
        [
            [Paragraph(f"<b>{escape(name)}</b>", styles["body"]), _text(value, styles["body"])]
            for name, value in facts
        ],
        colWidths=[35 * mm, _WIDTH - 35 * mm],
        hAlign="LEFT",
    )
    grid.setStyle(
        TableStyle([("FONTNAME", (0, 0), (-1, -1), REGULAR), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    rule = "<b>How small numbers are shown.</b> " + escape(common.SUPPRESSION_RULE)
    return [
        _text(result.title, styles["title"]),
        grid,
        Paragraph(rule, styles["rule"]),
        _text(common.EACH_CASE_ONCE, styles["body"]),
        PageBreak(),
    ]


def _widths(table: Table, size: float) -> tuple[float, float, float]:
    """The row labels' column, each figure column, and the header's font size: each figure
    column as wide as the longest word of a column label (so "Responsible" never breaks
    mid-word), the header's font smaller where that is what it takes for the labels to keep
    30 mm; past 6 points a long word breaks rather than overlap its neighbour."""
    columns = max(len(table.columns), 1)
    words = [word for label in table.columns for word in label.split()] or ["0"]
    while True:
        need = max(pdfmetrics.stringWidth(word, BOLD, size) for word in words) + 2 * _PAD + 1
        rest = max(need, 16 * mm, (_WIDTH - 70 * mm) / columns)
        first = _WIDTH - rest * columns
        if first >= 30 * mm:
            return first, rest, size
        if size <= 6:
            return 30 * mm, (_WIDTH - 30 * mm) / columns, size
        size -= 0.5


def _table(table: Table, styles: dict[str, ParagraphStyle]) -> list[Any]:
    columns = len(table.columns)
    small = columns > 6
    cell, figure = styles["cell"], styles["figure"]
    if small:
        cell = ParagraphStyle("CellSmall", parent=cell, fontSize=7.5, leading=9)
        figure = ParagraphStyle("FigureSmall", parent=figure, fontSize=7.5, leading=9)
    first, rest, size = _widths(table, figure.fontSize)
    header = [Paragraph(f"<b>{escape(common.measure_label(table))}</b>", cell)]
    labels = ParagraphStyle("Header", parent=figure, fontSize=size, leading=size + 2)
    header += [Paragraph(f"<b>{escape(label)}</b>", labels) for label in table.columns]
    rows = [header]
    for index, (label, cells) in enumerate(zip(table.rows, table.cells, strict=True)):
        shown = [escape(label), *(escape(common.shown(value)) for value in cells)]
        if table.row_total and index == len(table.rows) - 1:
            shown = [f"<b>{text}</b>" for text in shown]
        rows.append([Paragraph(shown[0], cell), *(Paragraph(t, figure) for t in shown[1:])])
    grid = PdfTable(rows, colWidths=[first] + [rest] * columns, repeatRows=1, hAlign="LEFT")
    style: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # else reportlab names Helvetica, unused
        ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#b1b4b6")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if table.row_total:
        style.append(("LINEABOVE", (0, -1), (-1, -1), 1, colors.black))
        style.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f3f2f1")))
    if table.column_total:
        style.append(("BACKGROUND", (-1, 1), (-1, -1), colors.HexColor("#f3f2f1")))
    grid.setStyle(TableStyle(style))
    parts: list[Any] = [_text(table.title, styles["h2"]), grid]
    if table.note:
        parts += [Spacer(1, 3 * mm), _text(table.note, styles["note"])]
    parts.append(Spacer(1, 5 * mm))
    # A short table stays on one page with its heading; a long one repeats its header row, and
    # starts on a new page rather than leave its heading alone at the foot of one.
    if len(table.rows) <= 25:
        return [KeepTogether(parts)]
    return [CondPageBreak(70 * mm), *parts]


def render(result: ReturnResult) -> bytes:
    """The PDF report of ``result``."""
    _register_fonts()
    styles = _styles()
    story = _title_page(result, styles)
    for table in result.tables:
        story += _table(table, styles)
    if not result.tables:
        story.append(_text("This return has no tables.", styles["body"]))
    out = io.BytesIO()
    _Report(out, result).build(story)
    return out.getvalue()
