"""Server-rendered SVG bar charts of a return's figures (``returns.result.Table``).

A chart is inline SVG: no JavaScript, nothing fetched, nothing styled inline (the console's CSP
forbids ``style=``; SVG presentation attributes are attributes). It is a picture of the table
printed beside it, which is what a screen reader reads: the SVG has ``role="img"`` with a title
and a one-sentence description pointing at that table.

Horizontal bars, one group per row of the table with the row's label written above it, one bar
per column (the column's name written beside the value when there is more than one). Totals are
left out of the picture (a total bar would dwarf the others; the table has them). A bar's length
is its value over the largest value drawn (a rate's scale is 100%). A suppressed cell ("<5" or
"[c]") is never drawn at any length: it is an empty hatched box of fixed size with its mark and
what the mark means ("<5 (too few to show)", "[c] (hidden to protect a small number)"), the box
the same for both; a cell with nothing to show ("–") gets its dash and no bar.

Colours are GOV.UK's, each at least 3:1 against white (WCAG 2.2 non-text contrast, 1.4.11) and
each bar labelled in text, so nothing depends on telling colours apart.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass

from markupsafe import Markup

from rjdesk_hub.returns.result import CONCEALED, SUPPRESSED, Cell, Table, printed

SVG_NS = "http://www.w3.org/2000/svg"
FONT_STACK = (
    'system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif'
)
WIDTH = 640
LABEL_HEIGHT = 22  # a row's label line
BAR_HEIGHT = 18
BAR_GAP = 6
GROUP_GAP = 14
PLOT_LEFT = 8
VALUE_ROOM = 190  # room right of the longest bar for its value and column name
PLOT_WIDTH = WIDTH - PLOT_LEFT - VALUE_ROOM
TEXT_COLOUR = "#0b0c0c"  # GOV.UK text: 19:1 on white
# GOV.UK blue, purple, green, dark pink: contrast on white 5.2, 10.1, 6.2 and 7.8 to 1.
BAR_COLOURS = ("#1d70b8", "#4c2c92", "#00703c", "#a0124b")
HATCH_COLOUR = "#505a5f"  # GOV.UK dark grey: 7:1
SUPPRESSED_WORDS = f"{SUPPRESSED} (too few to show)"
CONCEALED_WORDS = f"{CONCEALED} (hidden to protect a small number)"
NOTHING = "–"


@dataclass(frozen=True)
class Bar:
    """One bar as drawn: ``length`` is None when no length may be drawn (suppressed or
    nothing to show)."""

    row: str
    column: str
    cell: Cell
    length: float | None


def drawn_rows(table: Table) -> tuple[str, ...]:
    """The rows the chart draws: all but a total row."""
    return table.rows[:-1] if table.row_total and len(table.rows) > 1 else table.rows


def drawn_columns(table: Table) -> tuple[str, ...]:
    """The columns the chart draws: all but a total column."""
    if table.column_total and len(table.columns) > 1:
        return table.columns[:-1]
    return table.columns


def bars(table: Table) -> list[Bar]:
    """The bars of ``table``'s chart, row by row, with their lengths in the plot's units."""
    rows, columns = drawn_rows(table), drawn_columns(table)
    cells = [
        (row, column, table.cells[r][c])
        for r, row in enumerate(rows)
        for c, column in enumerate(columns)
    ]
    shown = [cell.value for _, _, cell in cells if _drawable(cell)]
    if table.unit == "%" or table.measure == "rate":
        scale = 100.0
    else:
        scale = max((value for value in shown if value is not None), default=0.0)
    made = []
    for row, column, cell in cells:
        length = None
        if _drawable(cell):
            assert cell.value is not None
            length = PLOT_WIDTH * min(cell.value, scale) / scale if scale > 0 else 0.0
        made.append(Bar(row, column, cell, length))
    return made


def _drawable(cell: Cell) -> bool:
    return not cell.suppressed and cell.value is not None and cell.value >= 0


def chart_id(table: Table) -> str:
    """The id of ``table``'s chart on its page (its title's and description's ids start so)."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in table.id)
    return f"chart-{safe}"


def svg(table: Table, *, table_id: str = "") -> str:
    """``table``'s bar chart as an SVG document fragment (well-formed XML). ``table_id`` is the
    id of the HTML table printed with it, which the description names."""
    rows, columns = drawn_rows(table), drawn_columns(table)
    several = len(columns) > 1
    ident = chart_id(table)
    group_height = LABEL_HEIGHT + len(columns) * (BAR_HEIGHT + BAR_GAP) + GROUP_GAP
    height = max(group_height * len(rows), LABEL_HEIGHT + BAR_HEIGHT) + 4
    root = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "role": "img",
            "viewBox": f"0 0 {WIDTH} {height}",
            "width": str(WIDTH),
            "height": str(height),
            "class": "rj-chart",
            "id": ident,
            "aria-labelledby": f"{ident}-title {ident}-desc",
            "focusable": "false",
            # The console's own font stack (console.css): GOV.UK Frontend sets its font on its
            # classes, not on <body>, so "inherit" would give the browser's default serif.
            "font-family": FONT_STACK,
        },
    )
    ET.SubElement(root, "title", {"id": f"{ident}-title"}).text = f"Chart: {table.title}"
    where = "the table below" if not table_id else "the table below the chart"
    ET.SubElement(root, "desc", {"id": f"{ident}-desc"}).text = (
        f"Horizontal bars of {table.title.lower()} ({table.unit}), one per "
        f"{'row and column' if several else 'row'} of {where}; the table gives every figure."
    )
    defs = ET.SubElement(root, "defs")
    pattern = ET.SubElement(
        defs,
        "pattern",
        {
            "id": f"{ident}-hatch",
            "patternUnits": "userSpaceOnUse",
            "width": "6",
            "height": "6",
            "patternTransform": "rotate(45)",
        },
    )
    ET.SubElement(
        pattern,
        "line",
        {"x1": "0", "y1": "0", "x2": "0", "y2": "6", "stroke": HATCH_COLOUR, "stroke-width": "2"},
    )
    drawn = iter(bars(table))
    y = 0
    for row in rows:
        label = ET.SubElement(
            root,
            "text",
            {"x": str(PLOT_LEFT), "y": str(y + 15), "fill": TEXT_COLOUR, "font-weight": "bold"},
        )
        label.text = row
        label.set("font-size", "15")
        y += LABEL_HEIGHT
        for index in range(len(columns)):
            bar = next(drawn)
            colour = BAR_COLOURS[index % len(BAR_COLOURS)]
            _draw_bar(root, ident, bar, y, colour=colour, several=several)
            y += BAR_HEIGHT + BAR_GAP
        y += GROUP_GAP
    return ET.tostring(root, encoding="unicode")


def _draw_bar(
    root: ET.Element, ident: str, bar: Bar, y: int, *, colour: str, several: bool
) -> None:
    group = ET.SubElement(
        root, "g", {"class": "rj-bar", "data-row": bar.row, "data-column": bar.column}
    )
    prefix = f"{bar.column}: " if several else ""
    text_y = str(y + BAR_HEIGHT - 4)
    if bar.cell.suppressed:
        group.set("data-suppressed", "yes")
        box = str(BAR_HEIGHT)
        ET.SubElement(
            group,
            "rect",
            {
                "x": str(PLOT_LEFT),
                "y": str(y),
                "width": box,
                "height": box,
                "fill": f"url(#{ident}-hatch)",
                "stroke": HATCH_COLOUR,
                "class": "rj-suppressed",
            },
        )
        mark = CONCEALED_WORDS if printed(bar.cell) == CONCEALED else SUPPRESSED_WORDS
        words = f"{prefix}{mark}"
        _text(group, PLOT_LEFT + BAR_HEIGHT + 6, text_y, words)
        return
    if bar.length is None:
        _text(group, PLOT_LEFT, text_y, f"{prefix}{bar.cell.shown or NOTHING}")
        return
    length = round(bar.length, 2)
    group.set("data-length", f"{length:g}")
    ET.SubElement(
        group,
        "rect",
        {
            "x": str(PLOT_LEFT),
            "y": str(y),
            "width": f"{length:g}",
            "height": str(BAR_HEIGHT),
            "fill": colour,
            "class": "rj-value",
        },
    )
    _text(group, PLOT_LEFT + length + 6, text_y, f"{prefix}{bar.cell.shown}")


def _text(parent: ET.Element, x: float, y: str, words: str) -> None:
    text = ET.SubElement(
        parent, "text", {"x": f"{x:g}", "y": y, "fill": TEXT_COLOUR, "font-size": "14"}
    )
    text.text = words


def inline(table: Table, *, table_id: str = "") -> Markup:
    """``svg(table)`` for a template (built with ElementTree: every text is escaped)."""
    return Markup(svg(table, table_id=table_id))  # noqa: S704 - ElementTree escaped every text
