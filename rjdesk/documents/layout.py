"""What both printed documents share: the A4 page, the letterhead, the "Page x of y" footer and
the careful turning of the reader's text into reportlab paragraphs."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import date
from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    HRFlowable,
    Image,
    PageTemplate,
    Paragraph,
    Table,
)

from rjdesk.documents import styles
from rjdesk.documents.model import Letterhead
from rjdesk.resources import resource_path

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 2 * cm
MARGIN_TOP = 1.6 * cm
# Room under the text for the two footer lines and a rule, clear of a printer's unprintable edge.
MARGIN_BOTTOM = 2.4 * cm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(day: date) -> str:
    """ "4 Nov 2026": the app's short date, spelled out in English whatever the machine's locale
    (strftime's %b follows the locale, and the same data must always print the same bytes)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def clean(value: str) -> str:
    """Text as it is drawn: NFC, so a name typed with combining marks ("e" + U+0301) prints with
    the font's precomposed glyph instead of a floating accent (reportlab does no shaping)."""
    return unicodedata.normalize("NFC", value)


def markup(value: str) -> str:
    """The reader's own text as Paragraph markup: escaped (a "<" or "&" in a note must print, not
    break the parser) and with line breaks kept."""
    lines = escape(clean(value).strip()).splitlines()
    return "<br/>".join(line.strip() for line in lines)


def para(value: str, style: Any) -> Paragraph:
    """One Paragraph of the reader's text (escaped, line breaks kept)."""
    return Paragraph(markup(value), style)


def paragraphs(value: str, style: Any) -> list[Flowable]:
    """Free text as one Paragraph per blank-line-separated block, so long notes split across
    pages between (and, when needed, inside) paragraphs."""
    blocks = [block for block in clean(value).replace("\r\n", "\n").split("\n\n") if block.strip()]
    return [para(block, style) for block in blocks]


def heading(text: str, style: Any = styles.HEADING, *, room: float = 3.5 * cm) -> list[Flowable]:
    """A heading that never ends a page: when less than ``room`` is left below it, it starts
    the next page. (reportlab's keepWithNext would instead push a long table or note whole onto
    a new page, leaving a gap behind.)"""
    return [CondPageBreak(room), Paragraph(escape(clean(text)), style)]


def rule(*, space_before: float = 4, space_after: float = 10) -> HRFlowable:
    """A thin grey full-width rule between parts of a page."""
    return HRFlowable(
        width="100%",
        thickness=0.6,
        color=styles.RULE,
        spaceBefore=space_before,
        spaceAfter=space_after,
    )


@functools.lru_cache(maxsize=1)
def _default_logo() -> bytes:
    return resource_path("letterhead", "logo.png").read_bytes()


def image_size(png: bytes) -> tuple[int, int]:
    """Pixel width and height of an image, raising ValueError when it cannot be read."""
    try:
        width, height = ImageReader(BytesIO(png)).getSize()
    except Exception as exc:  # reportlab raises bare Exceptions of several kinds
        raise ValueError("not a readable image") from exc
    return int(width), int(height)


def scaled_image(png: bytes, *, max_width: float, max_height: float) -> Image:
    """An Image flowable as large as fits the box, aspect kept."""
    width, height = image_size(png)
    scale = min(max_width / width, max_height / height)
    image = Image(BytesIO(png), width=width * scale, height=height * scale, mask="auto")
    image.hAlign = "LEFT"
    return image


def _logo(letterhead: Letterhead) -> Image:
    logo_box = 2.2 * cm
    if letterhead.logo_png is not None:
        try:
            return scaled_image(letterhead.logo_png, max_width=logo_box, max_height=logo_box)
        except ValueError:
            # A broken logo in Settings must not stop an agreement being printed at the end of
            # a conference: print the default one instead (Settings checks logos on upload).
            pass
    return scaled_image(_default_logo(), max_width=logo_box, max_height=logo_box)


def letterhead(letterhead: Letterhead) -> list[Flowable]:
    """The service's name, address, phone and email on the left, its logo on the right, then a
    rule."""
    details: list[Flowable] = [para(letterhead.service_name, styles.LETTERHEAD_NAME)]
    for line in letterhead.address.splitlines():
        if line.strip():
            details.append(para(line, styles.LETTERHEAD_LINE))
    contact = [
        f"Phone {letterhead.phone.strip()}" if letterhead.phone.strip() else "",
        f"Email {letterhead.email.strip()}" if letterhead.email.strip() else "",
    ]
    if any(contact):
        details.append(para("   ·   ".join(c for c in contact if c), styles.LETTERHEAD_LINE))
    logo = _logo(letterhead)
    logo.hAlign = "RIGHT"
    logo_column = 2.6 * cm
    table = Table(
        [[details, logo]],
        colWidths=[FRAME_WIDTH - logo_column, logo_column],
        style=[
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ],
    )
    return [table, rule(space_before=8, space_after=6)]


def label_value_table(
    rows: Sequence[tuple[str, str]],
    *,
    label_width: float = 4 * cm,
    label_style: Any = styles.LABEL,
) -> Table:
    """A two-column table of labels (small and grey unless told) and values (body text), split
    between rows across pages."""
    data = [[para(label, label_style), para(value, styles.VALUE)] for label, value in rows]
    table = RowTable(
        data,
        colWidths=[label_width, FRAME_WIDTH - label_width],
        style=styles.label_value_commands(),
        hAlign="LEFT",
    )
    return table


def details_grid(pairs: Sequence[tuple[str, str]]) -> Table:
    """Short labelled details two to a row (reference, date, version...): the same look as a
    label/value table in half the height."""
    label, value = 2.6 * cm, FRAME_WIDTH / 2 - 2.6 * cm
    cells = [[para(lbl, styles.LABEL), para(val, styles.VALUE)] for lbl, val in pairs]
    if len(cells) % 2:
        cells.append(["", ""])
    data = [cells[i] + cells[i + 1] for i in range(0, len(cells), 2)]
    return RowTable(
        data,
        colWidths=[label, value, label, value],
        style=styles.label_value_commands(),
        hAlign="LEFT",
    )


def grid_table(
    header: Sequence[str], rows: Iterable[Sequence[str]], col_widths: Sequence[float]
) -> Table:
    """A table with a header row repeated on every page it runs onto; each row stays whole on
    one page (reportlab never splits inside a row unless asked) and long text wraps in its cell."""
    data: list[list[Any]] = [[Paragraph(escape(h), styles.CELL_HEADER) for h in header]]
    data += [[para(cell, styles.CELL) for cell in row] for row in rows]
    return RowTable(
        data,
        colWidths=list(col_widths),
        repeatRows=1,
        splitInRow=0,
        style=styles.grid_commands(header=True),
        hAlign="LEFT",
    )


class RowTable(Table):  # type: ignore[misc]  # reportlab ships no type hints
    """A table that splits across pages between rows, never inside one, unless a single row is
    taller than a whole page (a very long action or referral summary): only then, at the top of
    a page, is that row continued on the next. reportlab alone either refuses to lay such a row
    out at all (LayoutError) or, with splitInRow, also cuts ordinary rows at a page's foot."""

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        parts: list[Any] = super().split(availWidth, availHeight)
        if parts or availHeight < FRAME_HEIGHT - 1:
            return parts  # split between rows, or moved whole to the next page
        self.splitInRow = 1
        try:
            return list(super().split(availWidth, availHeight))
        finally:
            self.splitInRow = 0


class _FooterCanvas(Canvas):  # type: ignore[misc]  # reportlab ships no type hints
    """A canvas that holds every page back until the end, so each footer can say "of y".

    The usual two-pass recipe: showPage() keeps the page's state instead of emitting it; save()
    replays each page, draws its footer now that the total is known, then writes the file. It
    adds nothing time- or address-dependent, so invariant mode still gives identical bytes.
    """

    def __init__(self, *args: Any, footer: str, mark: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._footer = clean(footer)
        self._mark = clean(mark)
        self._held_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self._draw_footer(number, total)
            super().showPage()
        super().save()

    def _draw_footer(self, number: int, total: int) -> None:
        self.saveState()
        self.setStrokeColor(styles.RULE)
        self.setLineWidth(0.5)
        top = MARGIN_BOTTOM - 0.75 * cm
        self.line(MARGIN_X, top, PAGE_WIDTH - MARGIN_X, top)
        self.setFillColor(styles.SOFT_INK)
        self.setFont(styles.FOOTER_FONT, styles.FOOTER_SIZE)
        baseline = top - 0.42 * cm
        self.drawRightString(PAGE_WIDTH - MARGIN_X, baseline, f"Page {number} of {total}")
        self.drawString(MARGIN_X, baseline, self._footer)
        if self._mark:
            # The state of a copy that is not the one in force (a draft): bold and black on
            # every page, since a page can be read on its own.
            self.setFillColor(styles.INK)
            self.setFont(styles.FOOTER_BOLD_FONT, styles.FOOTER_SIZE + 1)
            self.drawString(MARGIN_X, baseline - styles.FOOTER_SIZE * 1.6, self._mark)
        self.restoreState()


def build_pdf(
    story: list[Flowable],
    *,
    title: str,
    subject: str,
    author: str,
    footer: str,
    footer_mark: str = "",
) -> bytes:
    """Lay the story out on A4 in memory and return the PDF bytes, with ``footer`` (and, in
    bold under it, ``footer_mark``) and "Page x of y" at the foot of every page.

    Invariant mode fixes the creation date and the document id, so the same story gives the
    same bytes: a reprint can be compared with the filed copy byte for byte.
    """
    buffer = BytesIO()
    # No frame padding: tables, rules and text then share one left edge, and FRAME_WIDTH is the
    # width they really get.
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        FRAME_WIDTH,
        FRAME_HEIGHT,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="text",
    )
    template = BaseDocTemplate(
        buffer,
        pageTemplates=[PageTemplate(id="page", frames=[frame])],
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=clean(title),
        subject=subject,
        author=clean(author),
        creator="rjdesk",
        lang="en-GB",
        invariant=1,
    )
    template.build(
        story, canvasmaker=functools.partial(_FooterCanvas, footer=footer, mark=footer_mark)
    )
    return buffer.getvalue()
