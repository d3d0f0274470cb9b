"""The self-test's runner: a failing check fails the checks that need it, the rest go on, and
the temporary folder goes whatever happened (the whole run is tests/ui/test_selftest.py)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from rjdesk.services import selftest
from rjdesk.services.selftest import SelfTestFailure, SelfTestRun, Step

folders: list[Path] = []


def _keep_folder(run: SelfTestRun) -> str:
    folders.append(run.folder)
    (run.folder / "written.txt").write_text("something")
    return "wrote a file"


def _breaks(run: SelfTestRun) -> str:
    raise ValueError("boom\nsecond line")


def _refuses(run: SelfTestRun) -> str:
    raise SelfTestFailure("the check found a problem")


CHECKS = [
    Step("first", _keep_folder),
    Step("broken", _breaks, ("first",)),
    Step("needs broken", _keep_folder, ("broken",)),
    Step("refused", _refuses),
    Step("independent", lambda run: "", ("first",)),
]


def _run(tmp_path: Path, *, debug: bool = False) -> tuple[int, list[str]]:
    out = io.StringIO()
    folders.clear()
    status = selftest.run_self_test(CHECKS, out=out, debug=debug, temp_parent=tmp_path)
    return status, out.getvalue().splitlines()


def test_a_failure_is_one_line_and_what_needs_it_is_not_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, lines = _run(tmp_path)
    assert status == 1
    assert lines[:-1] == [
        "PASS  first (wrote a file)",
        "FAIL  broken: ValueError: boom second line",
        "FAIL  needs broken: not run, because broken failed",
        "FAIL  refused: the check found a problem",
        "PASS  independent",
        "PASS  temporary vault deleted",
    ]
    assert "3 of 6 checks FAILED" in lines[-1]
    assert capsys.readouterr().err == "", "no traceback without --debug"
    assert len(folders) == 1 and not folders[0].exists()
    assert list(tmp_path.iterdir()) == []


def test_debug_shows_the_traceback_of_a_failure(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _lines = _run(tmp_path, debug=True)
    assert status == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and "ValueError: boom" in err
    assert list(tmp_path.iterdir()) == []


def test_all_passing_exits_zero(tmp_path: Path) -> None:
    out = io.StringIO()
    status = selftest.run_self_test(
        [Step("only", lambda run: "fine")], out=out, temp_parent=tmp_path
    )
    assert status == 0
    assert out.getvalue().splitlines()[:2] == ["PASS  only (fine)", "PASS  temporary vault deleted"]
    assert "all 2 checks passed" in out.getvalue()
