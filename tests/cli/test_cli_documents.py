"""`rjdesk agreement pdf` and `rjdesk case summary`: a copy saved on purpose, on the record."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tests.conftest import HATE_CRIME, NEIGHBOUR_DISPUTE, CliRunner


def _vault(cli: CliRunner) -> dict[str, str]:
    assert cli("init", "--name", "Alex Morgan").code == 0
    return {
        path.stem: cli("case", "import", str(path)).stdout.strip()
        for path in (NEIGHBOUR_DISPUTE, HATE_CRIME)
    }


def test_the_latest_agreement_is_saved_as_a_pdf(cli: CliRunner, tmp_path: Path) -> None:
    references = _vault(cli)
    target = tmp_path / "agreement.pdf"
    result = cli("agreement", "pdf", references["neighbour-dispute"], "-o", str(target))
    assert result.code == 0, result.stderr
    assert "not encrypted" in result.stdout
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert references["neighbour-dispute"] in text and "Łukasz Nowak" in text
    again = cli("agreement", "pdf", references["neighbour-dispute"], "-o", str(tmp_path / "b.pdf"))
    assert again.code == 0
    assert (tmp_path / "b.pdf").read_bytes() == target.read_bytes(), "a signed agreement is frozen"


def test_the_case_summary_is_saved_as_a_pdf(cli: CliRunner, tmp_path: Path) -> None:
    references = _vault(cli)
    target = tmp_path / "summary.pdf"
    result = cli("case", "summary", references["hate-crime-early"], "-o", str(target))
    assert result.code == 0, result.stderr
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Mohammed Iqbal" in text and "Siobhán Brennan" in text


def test_no_agreement_and_no_folder_get_one_line_each(cli: CliRunner, tmp_path: Path) -> None:
    references = _vault(cli)
    none = cli("agreement", "pdf", references["hate-crime-early"], "-o", str(tmp_path / "x.pdf"))
    assert none.code == 1 and "has no outcome agreement" in none.stderr
    assert none.stderr.count("\n") == 1 and not (tmp_path / "x.pdf").exists()
    nowhere = cli(
        "case", "summary", references["hate-crime-early"], "-o", str(tmp_path / "no" / "x.pdf")
    )
    assert nowhere.code == 2 and nowhere.stderr.count("\n") == 1
