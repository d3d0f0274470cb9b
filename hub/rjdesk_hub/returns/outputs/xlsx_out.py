"""A return as an XLSX workbook: a cover sheet (the definition, its version, the period, when it
was computed and the suppression rule in words), then one sheet "Figures" with a block per
table, as in the CSV, so that the whole return reads and prints top to bottom.

A figure is a number (a rate a percentage, formatted as shown); "<5", "[c]" and "–" are text. The
number is read from the cell's ``shown`` text, so the workbook says exactly what the CSV and the
PDF say. Every text is stored as text, never as a formula, whatever it starts with.
"""

from __future__ import annotations

import io
import re

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from rjdesk_hub.returns.outputs import common
from rjdesk_hub.returns.result import ReturnResult, Table

_NUMBER = re.compile(r"^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(%?)$")
_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=13)
_WRAP = Alignment(wrap_text=True, vertical="top")


def number(text: str) -> tuple[float | int, str] | None:
    """The number a shown figure stands for and its Excel number format, or None for text:
    "12" -> (12, "0"), "4.5" -> (4.5, "0.0"), "83%" -> (0.83, "0%"), "1,204" -> (1204, "#,##0")."""
    found = _NUMBER.match(text)
    if found is None:
        return None
    whole, decimals, percent = found.groups()
    places = "." + "0" * len(decimals) if decimals else ""
    base = "#,##0" if "," in whole else "0"
    value: float | int = (
        float(f"{whole.replace(',', '')}.{decimals}") if decimals else int(whole.replace(",", ""))
    )
    if percent:
        return value / 100, f"0{places}%"
    return value, base + places


def _at(sheet: Worksheet, row: int, col: int) -> Cell:
    cell = sheet.cell(row, col)
    assert isinstance(cell, Cell)  # nothing is merged in these sheets
    return cell


def _text(cell: Cell, text: str) -> None:
    cell.value = ILLEGAL_CHARACTERS_RE.sub("", text)
    cell.data_type = "s"  # never a formula, whatever the text starts with
    if text.startswith(("=", "+", "-", "@")):
        cell.quotePrefix = True


def _figure(cell: Cell, text: str) -> None:
    parsed = number(text)
    if parsed is None:
        _text(cell, text)
        cell.alignment = Alignment(horizontal="right")
        return
    cell.value, cell.number_format = parsed


def _cover(sheet: Worksheet, result: ReturnResult) -> None:
    sheet.title = "About"
    _text(_at(sheet, 1, 1), result.title)
    _at(sheet, 1, 1).font = _TITLE
    lines = [
        ("Definition", result.definition_id),
        ("Version", str(result.definition_version)),
        ("Period", result.period.label),
        ("From", common.day(result.period.start)),
        ("To", common.day(result.period.end)),
        ("Computed at", common.computed_text(result.computed_at)),
        ("Small numbers", common.SUPPRESSION_RULE),
        ("Counting", common.EACH_CASE_ONCE),
    ]
    for row, (name, value) in enumerate(lines, start=3):
        _text(_at(sheet, row, 1), name)
        _at(sheet, row, 1).font = _BOLD
        _text(_at(sheet, row, 2), value)
        _at(sheet, row, 2).alignment = _WRAP
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 90


def _block(sheet: Worksheet, table: Table, top: int) -> int:
    """Write ``table`` from row ``top``; the first row after it."""
    _text(_at(sheet, top, 1), table.title)
    _at(sheet, top, 1).font = _TITLE
    header = top + 1
    _text(_at(sheet, header, 1), common.measure_label(table))
    for col, label in enumerate(table.columns, start=2):
        _text(_at(sheet, header, col), label)
    for col in range(1, len(table.columns) + 2):
        _at(sheet, header, col).font = _BOLD
    row = header
    for index, (label, cells) in enumerate(zip(table.rows, table.cells, strict=True)):
        row += 1
        _text(_at(sheet, row, 1), label)
        total_row = table.row_total and index == len(table.rows) - 1
        for col, figure in enumerate(cells, start=2):
            _figure(_at(sheet, row, col), common.shown(figure))
            if total_row or (table.column_total and col == len(cells) + 1):
                _at(sheet, row, col).font = _BOLD
        if total_row:
            _at(sheet, row, 1).font = _BOLD
    if table.note:
        row += 1
        _text(_at(sheet, row, 1), table.note)
        _at(sheet, row, 1).font = Font(italic=True)
    return row + 2


def render(result: ReturnResult) -> bytes:
    """The XLSX workbook of ``result``."""
    book = Workbook()
    cover = book.active
    assert cover is not None
    _cover(cover, result)
    figures = book.create_sheet("Figures")
    _text(_at(figures, 1, 1), common.heading_line(result))
    row = 3
    widest = 1
    for table in result.tables:
        row = _block(figures, table, row)
        widest = max(widest, len(table.columns) + 1)
    figures.column_dimensions["A"].width = 48
    for col in range(2, widest + 1):
        figures.column_dimensions[get_column_letter(col)].width = 14
    book.properties.title = result.title
    book.properties.creator = "rjdesk-hub"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
