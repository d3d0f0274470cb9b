"""``rjdesk-hub returns``: produce a return, keep it, list what changed since; ``returns list``.

The figures here come from a small adapter (``_HandWiring``) that hands back the hand-made
returns of samples.py, so these tests check the command and the kept returns, not the counting
(tests/hub/returns/test_end_to_end.py does that over real bundles)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from rjdesk_hub import Hub
from rjdesk_hub.cli import main
from rjdesk_hub.returns import kept, produce, wiring
from rjdesk_hub.returns.result import Period, ReturnResult
from rjdesk_protocol.errors import UsageError
from tests.hub.returns.samples import Q3, sample

Run = Callable[..., tuple[int, str, str]]


class _HandWiring:
    """Definitions are files whose text names a version; the period must be 2026-27Q3; the
    figures are samples.sample() with ``police`` referrals from the police."""

    def __init__(self) -> None:
        self.police = 12

    def definition(self, name: str) -> produce.Definition:
        path = Path(name)
        if not path.is_file():
            raise UsageError(f"there is no definition file or shipped definition {name}")
        return produce.Definition(loaded=int(path.read_text().split()[-1]), text=path.read_text())

    def period(self, text: str) -> Period:
        if text != "2026-27Q3":
            raise UsageError(f"{text} is not a period: give a quarter such as 2026-27Q3")
        return Q3

    def compute(
        self, hub: Hub, definition: produce.Definition, period: Period, now: datetime
    ) -> ReturnResult:
        assert period == Q3
        return sample(self.police, version=definition.loaded)

    def wiring(self) -> produce.Wiring:
        return produce.Wiring(self.definition, self.period, self.compute)


@pytest.fixture
def hand(monkeypatch: pytest.MonkeyPatch) -> _HandWiring:
    made = _HandWiring()
    monkeypatch.setattr(wiring, "default", made.wiring)
    return made


@pytest.fixture
def hub_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[Run]:
    hub_dir = tmp_path / "hub"
    Hub.init(hub_dir, name="Test hub").close()

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["--data-dir", str(hub_dir), *args])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    yield run


@pytest.fixture
def definition(tmp_path: Path) -> Path:
    path = tmp_path / "rj-quarterly.yaml"
    path.write_text("id: rj-quarterly\nversion: 1\n")
    return path


def test_a_return_is_written_kept_and_run_again_after_a_late_change(
    hub_cli: Run, hand: _HandWiring, definition: Path, tmp_path: Path
) -> None:
    out = tmp_path / "q3.xlsx"
    code, printed, err = hub_cli(
        "returns", "--definition", str(definition), "--period", "2026-27Q3", "-o", str(out)
    )
    assert (code, err) == (0, "")
    assert printed.count("\n") == 1
    assert printed.startswith(f"Wrote the 2026-27 Q3 return of rj-quarterly version 1 to {out}")
    assert "No earlier return of this definition and period was kept." in printed
    book = load_workbook(out)
    assert ["Police", 12] in [[c.value for c in row][:2] for row in book["Figures"].iter_rows()]

    # The same again: nothing changed.
    code, printed, _ = hub_cli(
        "returns", "--definition", str(definition), "--period", "2026-27Q3", "-o", str(out)
    )
    assert code == 0 and "Nothing changed since the one kept" in printed

    # A late referral from the police.
    hand.police = 13
    csv_out = tmp_path / "q3.csv"
    code, printed, _ = hub_cli(
        "returns", "--definition", str(definition), "--period", "2026-27Q3", "-o", str(csv_out)
    )
    assert code == 0 and printed.count("\n") == 1
    assert (
        "2 change(s) since the one kept" in printed
        and "Referrals by source, Police: 12 → 13; Referrals by source, Total: 36 → 37." in printed
    )
    rows = list(csv.reader(io.StringIO(csv_out.read_text(encoding="utf-8-sig"))))
    assert ["Police", "13"] in rows

    # A new version of the definition, listed in full.
    definition.write_text("id: rj-quarterly\nversion: 2\n")
    pdf = tmp_path / "q3.pdf"
    code, printed, _ = hub_cli(
        "returns",
        "--definition",
        str(definition),
        "--period",
        "2026-27Q3",
        "-o",
        str(pdf),
        "--changes",
    )
    assert code == 0
    lines = printed.splitlines()
    assert re.search(
        r" 1 change\(s\) since the one kept \d{1,2} \w{3} \d{4} \d\d:\d\d UTC:$", lines[0]
    )
    assert lines[1:] == [
        "  The definition rj-quarterly changed from version 1 to version 2: figures may differ "
        "because of that alone."
    ]
    assert "Police 13" in " ".join(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages)

    code, printed, _ = hub_cli("returns", "list")
    assert code == 0
    listed = printed.splitlines()
    assert listed[0].split() == ["KEPT", "DEFINITION", "VERSION", "PERIOD", "PRODUCED", "BY"]
    assert len(listed) == 5
    assert all("rj-quarterly" in line and "2026-27 Q3" in line for line in listed[1:])
    assert listed[1].split()[2] == "2"  # newest first
    assert all(line.endswith("command line") for line in listed[1:])


def test_an_edited_definition_with_the_same_version_is_said(
    hub_cli: Run, hand: _HandWiring, definition: Path, tmp_path: Path
) -> None:
    args = ["returns", "--definition", str(definition), "--period", "2026-27Q3"]
    assert hub_cli(*args, "-o", str(tmp_path / "a.csv"))[0] == 0
    definition.write_text("id: rj-quarterly\n# counted differently\nversion: 1\n")
    code, printed, _ = hub_cli(*args, "-o", str(tmp_path / "b.csv"))
    assert code == 0
    assert "was edited without a new version number" in printed


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--period", "2026-27Q3", "-o", "q3.csv"], "give --definition:"),
        ([], "give --definition, --period, -o:"),
        (["--period", "2026-27Q9", "-o", "q3.csv"], "2026-27Q9 is not a period"),
        (["--period", "2026-27Q3", "-o", "q3.docx"], "name the output file .xlsx, .csv or .pdf"),
        (["--period", "2026-27Q3", "-o", "nowhere/q3.csv"], "cannot write"),
    ],
)
def test_a_wrong_return_command_is_one_sentence_and_keeps_nothing(
    hub_cli: Run,
    hand: _HandWiring,
    *,
    definition: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    says: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    if args:
        args = ["--definition", str(definition), *args]
        if "give --definition:" in says:
            args = args[2:]
    code, printed, err = hub_cli("returns", *args)
    assert code == 2 and printed == ""
    assert err.startswith("rjdesk-hub: ") and err.count("\n") == 1 and says in err
    assert "Traceback" not in err
    assert hub_cli("returns", "list")[1].startswith("No return has been kept yet")


def test_an_unknown_definition_is_one_sentence(hub_cli: Run, hand: _HandWiring) -> None:
    code, _, err = hub_cli(
        "returns", "--definition", "no-such", "--period", "2026-27Q3", "-o", "q3.csv"
    )
    assert code == 2 and err == (
        "rjdesk-hub: there is no definition file or shipped definition no-such\n"
    )


def test_produce_keeps_nothing_when_the_output_cannot_be_written(
    tmp_path: Path, hand: _HandWiring, definition: Path
) -> None:
    with Hub.init(tmp_path / "hub", name="Test hub") as hub:
        with pytest.raises(UsageError, match="cannot write"):
            produce.produce(
                hub, hand.wiring(), str(definition), "2026-27Q3", tmp_path / "no" / "q3.pdf"
            )
        assert kept.kept_returns(hub) == []
        done = produce.produce(hub, hand.wiring(), str(definition), "2026-27Q3", tmp_path / "q.pdf")
        assert done.previous is None and done.changes == []
        assert done.kept_as.period_start == date(2026, 10, 1)
        assert kept.load(hub, done.kept_as.id) == done.result


def test_the_shipped_quarterly_return_of_an_empty_hub_counts_nothing(
    hub_cli: Run, tmp_path: Path
) -> None:
    out = tmp_path / "q3.csv"
    code, printed, err = hub_cli(
        "returns", "--definition", "rj-quarterly", "--period", "2026-27 Q3", "-o", str(out)
    )
    assert (code, err) == (0, "")
    assert "return of rj-quarterly version 1" in printed
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert "period 2026-27 Q3 (1 Oct 2026 to 31 Dec 2026)" in rows[0][0]
    start = rows.index(["Referrals by source"])
    assert rows[start + 1] == ["Number of cases", "Cases"]
    assert ["Police", "0"] in rows[start + 2 : start + 14]
    assert ["Total", "0"] in rows[start + 2 : start + 14]


@pytest.mark.parametrize(
    ("definition_text", "period", "says"),
    [
        (None, "2026-27Q5", "a financial year has quarters 1 to 4, not 5"),
        (None, "2026-28Q1", "is not a financial year"),
        (None, "2026-09-30..2026-04-01", "before it starts"),
        ('{"format": 3}', "2026-27Q3", "format must be"),
        ("not json", "2026-27Q3", "the definition is not valid JSON"),
        ("\udcff", "2026-27Q3", "not UTF-8 text"),
    ],
)
def test_a_bad_period_or_definition_is_one_sentence_through_the_real_engine(
    hub_cli: Run, tmp_path: Path, definition_text: str | None, period: str, says: str
) -> None:
    named = "rj-quarterly"
    if definition_text is not None:
        path = tmp_path / "mine.json"
        path.write_bytes(definition_text.encode("utf-8", "surrogateescape"))
        named = str(path)
    out = tmp_path / "q.xlsx"
    code, printed, err = hub_cli(
        "returns", "--definition", named, "--period", period, "-o", str(out)
    )
    assert code == 2 and printed == "" and not out.exists()
    assert err.count("\n") == 1 and says in err, err
    assert hub_cli("returns", "list")[1].startswith("No return has been kept yet")


def test_a_missing_definition_file_or_a_folder_is_one_sentence(
    hub_cli: Run, tmp_path: Path
) -> None:
    args = ("--period", "2026-27Q3", "-o", str(tmp_path / "q.pdf"))
    code, _, err = hub_cli("returns", "--definition", str(tmp_path / "gone.json"), *args)
    assert code == 2 and "there is no definition file" in err and "rj-quarterly" in err
    code, _, err = hub_cli("returns", "--definition", str(tmp_path), *args)
    assert code == 2 and err.startswith("rjdesk-hub: cannot read the definition")


def test_a_return_produced_at_the_command_line_is_in_the_audit_log(
    hub_cli: Run, tmp_path: Path
) -> None:
    from sqlalchemy import select

    from rjdesk_hub import models as m

    args = ("--definition", "rj-quarterly", "--period", "2026-27Q3")
    assert hub_cli("returns", *args, "-o", str(tmp_path / "missing" / "q.csv"))[0] == 2
    assert hub_cli("returns", *args, "-o", str(tmp_path / "q.csv"))[0] == 0
    with Hub.open(tmp_path / "hub") as hub:
        (made,) = kept.kept_returns(hub)
        with hub.db.reader() as session:
            events = session.scalars(
                select(m.ConsoleAuditEvent).where(m.ConsoleAuditEvent.action == "return_produced")
            ).all()
    assert len(events) == 1  # the run that wrote nothing is neither kept nor recorded
    assert events[0].account_name == "rjdesk-hub command line"
    assert f"kept_return={made.id}" in events[0].detail
    assert "period_start=2026-10-01" in events[0].detail
