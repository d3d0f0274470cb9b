"""A return as CSV: a heading line, the suppression rule, then one block per table (its title,
a header row, its rows, its note) with a blank line between blocks.

Row labels can come from what people typed (a referring organisation's name), and a spreadsheet
runs a cell that starts with = + - @ as a formula: such a cell is written with a leading
apostrophe, which spreadsheets show as text (OWASP's advice on CSV injection).
"""

from __future__ import annotations

import csv
import io

from rjdesk_hub.returns.outputs import common
from rjdesk_hub.returns.result import ReturnResult

# A tab or carriage return first also starts a formula in some spreadsheets.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe(text: str) -> str:
    """``text`` as a spreadsheet will show it, never run it."""
    return f"'{text}" if text.startswith(_FORMULA_STARTS) else text


def render(result: ReturnResult) -> bytes:
    """The CSV of ``result`` (UTF-8 with a byte-order mark, so Excel reads "Zoë" and "–")."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")

    def row(cells: list[str]) -> None:
        writer.writerow([safe(cell) for cell in cells])

    row([common.heading_line(result)])
    row([common.SUPPRESSION_RULE])
    row([common.EACH_CASE_ONCE])
    for table in result.tables:
        row([])
        row([table.title])
        row([common.measure_label(table), *table.columns])
        for label, cells in zip(table.rows, table.cells, strict=True):
            row([label, *(common.shown(cell) for cell in cells)])
        if table.note:
            row([table.note])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
