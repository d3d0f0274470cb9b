"""A computed return written as CSV, XLSX and PDF, read back with the csv module, openpyxl and
pypdf: every figure of a hand-made return is there, "<5" where suppressed, and nothing a
suppressed cell might carry is printed anywhere."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import stat
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from rjdesk_hub.returns.outputs import format_of, render, write_return
from rjdesk_hub.returns.outputs.xlsx_out import number
from rjdesk_hub.returns.result import CONCEALED, Cell, ReturnResult
from rjdesk_protocol.errors import UsageError
from tests.hub.returns.samples import HOSTILE_LABEL, PLANTED, sample

# Every figure of samples.sample() as it must be printed, stated by hand.
FIGURES = ["12", "17", "36", "83%", "4.5", "11", "–", "1204", "1,310", "2,514", "9", "6", "8"]
FIGURES += ["14", "1,215", "1,322", "2,537", "83.5%"]


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_csv_has_a_heading_line_and_a_block_per_table() -> None:
    rows = _csv_rows(render(sample(), ".csv"))
    assert rows[0] == [
        "RJ quarterly return: definition rj-quarterly version 1; period 2026-27 Q3 "
        "(1 Oct 2026 to 31 Dec 2026); computed 8 Dec 2026 10:15 UTC"
    ]
    assert "<5" in rows[1][0]
    assert "secondary suppression" in rows[1][0]
    start = rows.index(["Referrals by source"])
    assert rows[start + 1] == ["Number of cases", "2026-27 Q3"]
    assert rows[start + 2 : start + 7] == [
        ["Police", "12"],
        ["Victim Support", "<5"],
        ["Self-referral", "<5"],
        ["'" + HOSTILE_LABEL, "17"],
        ["Total", "36"],
    ]
    assert rows[start + 7] == ["Cases placed in the period by the date the referral was received."]
    assert rows[start + 8] == []
    ethnic = rows.index(["Participants by ethnic group and role"])
    assert rows[ethnic + 1] == ["Number of people", "Harmed", "Responsible", "Total"]
    assert rows[ethnic + 3] == ["Asian or Asian British: Indian", "<5", "<5", "9"]
    assert ["Harmed", "83.5%"] in rows
    assert ["Responsible", "<5"] in rows
    assert ["To closure", "–"] in rows
    assert rows.index(["Days from referral"]) > 0
    printed = {cell for row in rows for cell in row}
    for figure in FIGURES:
        assert figure in printed, figure


def test_no_csv_cell_can_run_as_a_formula() -> None:
    rows = _csv_rows(render(sample(), ".csv"))
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@pytest.mark.parametrize("file_format", [".csv", ".xlsx", ".pdf"])
def test_no_output_prints_what_a_suppressed_cell_carries(file_format: str) -> None:
    data = render(sample(), file_format)
    texts = [data]
    if file_format == ".xlsx":
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            texts = [book.read(name) for name in book.namelist()]
    if file_format == ".pdf":
        reader = PdfReader(io.BytesIO(data))
        texts = [page.extract_text().encode() for page in reader.pages]
    for text in texts:
        for planted in PLANTED:
            assert planted.encode() not in text


def _sheet_rows(data: bytes, name: str) -> list[list[object]]:
    book = load_workbook(io.BytesIO(data))
    return [[cell.value for cell in row] for row in book[name].iter_rows()]


def test_the_workbook_has_a_cover_sheet_and_the_figures_as_numbers() -> None:
    data = render(sample(), ".xlsx")
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["About", "Figures"]
    about = {row[0]: row[1] for row in _sheet_rows(data, "About") if row[0]}
    assert about["Definition"] == "rj-quarterly"
    assert about["Version"] == "1"
    assert about["Period"] == "2026-27 Q3"
    assert about["From"] == "1 Oct 2026"
    assert about["To"] == "31 Dec 2026"
    assert about["Computed at"] == "8 Dec 2026 10:15 UTC"
    assert "<5" in str(about["Small numbers"])

    figures = book["Figures"]
    rows = [[cell.value for cell in row] for row in figures.iter_rows()]
    start = rows.index(["Referrals by source", None, None, None])
    assert rows[start + 1][:2] == ["Number of cases", "2026-27 Q3"]
    assert [r[:2] for r in rows[start + 2 : start + 7]] == [
        ["Police", 12],
        ["Victim Support", "<5"],
        ["Self-referral", "<5"],
        [HOSTILE_LABEL, 17],
        ["Total", 36],
    ]
    police = figures.cell(start + 3, 2)
    assert police.data_type == "n"
    # The hostile label is stored as text, never as a formula.
    label = figures.cell(start + 6, 1)
    assert label.data_type == "s"
    assert label.quotePrefix
    for row in figures.iter_rows():
        for cell in row:
            assert cell.data_type != "f", cell.coordinate

    by_label = {r[0]: r[1:] for r in rows if r[0]}
    assert by_label["Harmed people informed in time"][0] == pytest.approx(0.83)
    assert by_label["To first contact"][0] == 4.5
    assert by_label["To closure"][0] == "–"
    assert by_label["White: English, Welsh, Scottish, Northern Irish or British"][:3] == [
        1204,
        1310,
        2514,
    ]
    assert by_label["Asian or Asian British: Indian"][:3] == ["<5", "<5", 9]
    assert by_label["Harmed"][0] == pytest.approx(0.835)
    assert by_label["Responsible"][0] == "<5"
    rate = next(c for row in figures.iter_rows() for c in row if c.value == pytest.approx(0.835))
    assert rate.number_format == "0.0%"


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ("12", (12, "0")),
        ("4.5", (4.5, "0.0")),
        ("83%", (0.83, "0%")),
        ("1,204", (1204, "#,##0")),
        ("<5", None),
        ("–", None),
        ("12 days", None),
        ("1,2", None),
    ],
)
def test_a_shown_figure_becomes_the_number_it_says(
    shown: str, expected: tuple[float, str] | None
) -> None:
    assert number(shown) == expected


def test_the_pdf_has_every_figure_the_rule_and_a_bookmark_per_table() -> None:
    data = render(sample(), ".pdf")
    reader = PdfReader(io.BytesIO(data))
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4
    title_page = reader.pages[0].extract_text()
    assert "RJ quarterly return" in title_page
    assert "rj-quarterly version 1" in title_page
    assert "2026-27 Q3 (1 Oct 2026 to 31 Dec 2026)" in title_page
    assert "8 Dec 2026 10:15 UTC" in title_page
    assert "How small numbers are shown" in title_page
    # pypdf gives each cell a line of its own: read the tables as one line of words.
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages[1:])
    assert (
        "Referrals by source Number of cases 2026-27 Q3 Police 12 Victim Support <5 "
        "Self-referral <5"
    ) in text
    assert "17 Total 36" in text
    assert "Asian or Asian British: Indian <5 <5 9" in text
    assert "Harmed 83.5% Responsible <5" in text
    for figure in FIGURES:
        assert figure in text, figure
    assert "Cases placed in the period by the date the referral was received." in text
    assert reader.metadata is not None
    assert reader.metadata.title == "RJ quarterly return"
    titles = [item.title for item in reader.outline[0:1]] + [
        item.title for item in reader.outline[1]
    ]
    assert titles == [
        "RJ quarterly return",
        "Referrals by source",
        "Victims' Code information within 5 working days",
        "Days from referral",
        "Participants by ethnic group and role",
        "Satisfied or very satisfied (end of intervention)",
    ]


def test_the_pdf_embeds_its_fonts() -> None:
    reader = PdfReader(io.BytesIO(render(sample(), ".pdf")))
    fonts = {k: v for page in reader.pages for k, v in page["/Resources"]["/Font"].items()}
    assert fonts
    for ref in fonts.values():
        font = ref.get_object()
        descriptor = (
            font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            if ("/DescendantFonts" in font)
            else font["/FontDescriptor"]
        )
        assert "/FontFile2" in descriptor.get_object()
        assert "DejaVuSans" in str(font["/BaseFont"])


def test_a_return_with_no_tables_still_writes_every_format() -> None:
    empty = ReturnResult(
        "rj-quarterly", 1, "RJ quarterly return", sample().period, sample().computed_at, ()
    )
    assert _csv_rows(render(empty, ".csv"))[0][0].startswith("RJ quarterly return")
    assert load_workbook(io.BytesIO(render(empty, ".xlsx"))).sheetnames == ["About", "Figures"]
    pdf = PdfReader(io.BytesIO(render(empty, ".pdf")))
    assert "This return has no tables." in pdf.pages[-1].extract_text()


@pytest.mark.parametrize("name", ["q3.csv", "q3.XLSX", "q3.pdf"])
def test_an_output_is_written_owner_only(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    write_return(sample(), path)
    assert path.stat().st_size > 0
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temp file left behind


def test_an_output_of_an_unknown_format_is_refused_in_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"name the output file \.xlsx, \.csv or \.pdf"):
        format_of(tmp_path / "q3.docx")
    with pytest.raises(UsageError, match="name the output file"):
        write_return(sample(), tmp_path / "q3")
    assert list(tmp_path.iterdir()) == []


def test_an_unwritable_output_is_refused_and_the_old_file_kept(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"cannot write .*nowhere.*q3\.csv"):
        write_return(sample(), tmp_path / "nowhere" / "q3.csv")
    if os.name == "posix" and os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir()
        (locked / "q3.csv").write_text("old")
        locked.chmod(0o500)
        try:
            with pytest.raises(UsageError, match="cannot write"):
                write_return(sample(), locked / "q3.csv")
            assert (locked / "q3.csv").read_text() == "old"
        finally:
            locked.chmod(0o700)


def _with_concealed() -> ReturnResult:
    """The sample with police's 12 hidden only to protect the "<5"s beside it: "[c]"."""
    result = sample()
    table = result.tables[0]
    rows = [list(row) for row in table.cells]
    rows[0][0] = Cell(None, CONCEALED, suppressed=True)
    changed = dataclasses.replace(table, cells=tuple(tuple(row) for row in rows))
    return dataclasses.replace(result, tables=(changed, *result.tables[1:]))


RULE_WORDS = "[c]: hidden so that a small number elsewhere cannot be worked out by subtraction."


def test_every_output_prints_c_for_a_figure_hidden_to_protect_another_and_says_why() -> None:
    result = _with_concealed()
    rows = _csv_rows(render(result, ".csv"))
    assert RULE_WORDS in rows[1][0] and "<5: fewer than 5." in rows[1][0]
    assert ["Police", "[c]"] in rows and ["Victim Support", "<5"] in rows
    workbook = render(result, ".xlsx")
    about = dict((row[0], row[1]) for row in _sheet_rows(workbook, "About") if row)
    assert RULE_WORDS in str(about["Small numbers"])
    figures = _sheet_rows(workbook, "Figures")
    assert ["Police", "[c]"] in [row[:2] for row in figures]
    reader = PdfReader(io.BytesIO(render(result, ".pdf")))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "Police [c] Victim Support <5 Self-referral <5" in text
    assert " ".join(RULE_WORDS.split()) in text
    assert "12" not in " ".join(" ".join(row) for row in rows[3:8])


def test_a_kept_returns_json_keeps_each_mark_and_a_bad_mark_prints_as_under_5() -> None:
    result = _with_concealed()
    again = ReturnResult.from_json(json.loads(json.dumps(result.to_json())))
    assert again == result
    assert again.tables[0].cells[0][0].shown == "[c]"
    odd = dataclasses.replace(
        result,
        tables=(
            dataclasses.replace(
                result.tables[0], cells=((Cell(None, "12", suppressed=True),),), rows=("Police",)
            ),
        ),
    )
    assert ["Police", "<5"] in _csv_rows(render(odd, ".csv"))
