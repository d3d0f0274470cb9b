"""The scripting interface of DESIGN §8: exit codes, one-line errors, passphrases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rjdesk import cli as rjdesk_cli
from tests.conftest import HATE_CRIME, NEIGHBOUR_DISPUTE, PASSPHRASE, CliRunner

NEW = "a brand new passphrase"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _one_line(stderr: str) -> None:
    assert stderr.count("\n") == 1 and stderr.startswith("rjdesk: "), stderr
    assert "Traceback" not in stderr


def _vault_with_cases(cli: CliRunner) -> dict[str, str]:
    init = cli("init", "--name", "Alex Morgan")
    assert init.code == 0, init.stderr
    references = {}
    for example in (NEIGHBOUR_DISPUTE, HATE_CRIME):
        result = cli("case", "import", str(example))
        assert result.code == 0, result.stderr
        references[example.stem] = result.stdout.strip()
    return references


def _recovery_key(init_stdout: str) -> str:
    return next(line.strip() for line in init_stdout.splitlines() if line.count("-") == 7)


def test_a_wrong_passphrase_exits_3_with_one_line_and_changes_no_file(
    cli: CliRunner, data_dir: Path
) -> None:
    references = _vault_with_cases(cli)
    before = _snapshot(data_dir)
    for args in (
        ("case", "list"),
        ("case", "show", references["neighbour-dispute"]),
        ("case", "import", str(HATE_CRIME)),
        ("verify",),
        ("passwd",),
    ):
        result = cli(*args, passphrase="wrong passphrase", env={"RJDESK_NEW_PASSPHRASE": NEW})
        assert result.code == 3, (args, result.stderr)
        _one_line(result.stderr)
        assert "wrong passphrase" in result.stderr
    assert _snapshot(data_dir) == before


def test_commands_without_a_vault_say_how_to_make_one(cli: CliRunner) -> None:
    result = cli("case", "list")
    assert result.code == 1
    _one_line(result.stderr)
    assert "rjdesk init --name NAME" in result.stderr


def test_init_prints_the_recovery_key_once_and_refuses_a_second_vault(cli: CliRunner) -> None:
    first = cli("init", "--name", "Alex Morgan")
    assert first.code == 0
    assert "give it to the hub" in first.stdout
    assert len(_recovery_key(first.stdout)) == 39
    again = cli("init", "--name", "Alex Morgan")
    assert again.code == 2
    _one_line(again.stderr)


def test_a_short_passphrase_is_refused_at_init(cli: CliRunner, data_dir: Path) -> None:
    result = cli("init", "--name", "Alex Morgan", passphrase="short")
    assert result.code == 1
    _one_line(result.stderr)
    assert not (data_dir / "vault.key").exists()


def test_the_passphrase_can_come_from_a_file(cli: CliRunner, tmp_path: Path) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n")
    assert (
        cli("--passphrase-file", str(secret), "init", "--name", "Alex Morgan", passphrase=None).code
        == 0
    )
    listed = cli("case", "list", "--passphrase-file", str(secret), passphrase=None)
    assert listed.code == 0, listed.stderr
    missing = cli("case", "list", "--passphrase-file", str(tmp_path / "nope"), passphrase=None)
    assert missing.code == 2
    _one_line(missing.stderr)


def test_no_passphrase_and_no_terminal_is_a_usage_error(cli: CliRunner) -> None:
    _vault_with_cases(cli)
    result = cli("case", "list", passphrase=None)
    assert result.code == 2
    _one_line(result.stderr)


def test_changing_the_passphrase_from_the_command_line(cli: CliRunner) -> None:
    _vault_with_cases(cli)
    changed = cli("passwd", env={"RJDESK_NEW_PASSPHRASE": NEW})
    assert changed.code == 0, changed.stderr
    assert cli("case", "list", passphrase=PASSPHRASE).code == 3
    assert cli("case", "list", passphrase=NEW).code == 0


def test_a_forgotten_passphrase_is_reset_with_the_recovery_key(cli: CliRunner) -> None:
    init = cli("init", "--name", "Alex Morgan")
    recovery = _recovery_key(init.stdout)
    wrong = cli(
        "passwd",
        "--recovery-key",
        passphrase=None,
        env={"RJDESK_RECOVERY_KEY": "ABCD-" * 7 + "ABCD", "RJDESK_NEW_PASSPHRASE": NEW},
    )
    assert wrong.code == 3
    _one_line(wrong.stderr)
    reset = cli(
        "passwd",
        "--recovery-key",
        passphrase=None,
        env={"RJDESK_RECOVERY_KEY": recovery, "RJDESK_NEW_PASSPHRASE": NEW},
    )
    assert reset.code == 0, reset.stderr
    assert cli("case", "list", passphrase=PASSPHRASE).code == 3
    assert cli("case", "list", passphrase=NEW).code == 0


def test_search_finds_lukasz_however_it_is_typed(cli: CliRunner) -> None:
    references = _vault_with_cases(cli)
    for query in ("lukasz", "luk", "ŁUKASZ", "Nowak luk"):
        rows = json.loads(cli("case", "list", "--json", "--search", query).stdout)
        assert [row["reference"] for row in rows] == [references["neighbour-dispute"]], query
        assert "Łukasz Nowak" in rows[0]["parties"]
    assert json.loads(cli("case", "list", "--json", "--search", "lukasz gate xyz").stdout) == []


def test_cases_are_listed_by_stage_type_and_reference(cli: CliRunner) -> None:
    references = _vault_with_cases(cli)
    by_type = json.loads(cli("case", "list", "--json", "--type", "hate_crime").stdout)
    assert [r["reference"] for r in by_type] == [references["hate-crime-early"]]
    by_stage = json.loads(cli("case", "list", "--json", "--stage", "follow_up").stdout)
    assert [r["reference"] for r in by_stage] == [references["neighbour-dispute"]]
    by_reference = json.loads(
        cli("case", "list", "--json", "--search", references["hate-crime-early"]).stdout
    )
    assert [r["reference"] for r in by_reference] == [references["hate-crime-early"]]
    by_crime_ref = json.loads(cli("case", "list", "--json", "--search", "20/918273/26").stdout)
    assert [r["reference"] for r in by_crime_ref] == [references["hate-crime-early"]]
    table = cli("case", "list")
    assert "REFERENCE" in table.stdout and references["neighbour-dispute"] in table.stdout


def test_an_unknown_case_and_a_bad_file_get_one_line_each(cli: CliRunner, tmp_path: Path) -> None:
    _vault_with_cases(cli)
    missing = cli("case", "show", "RJ-26-ABCDE-9999")
    assert missing.code == 1
    _one_line(missing.stderr)
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "rjdesk.case/1", "case_type": "crime"}')
    refused = cli("case", "import", str(broken))
    assert refused.code == 1
    _one_line(refused.stderr)
    assert "referral: is missing" in refused.stderr
    nowhere = cli("case", "import", str(tmp_path / "missing.json"))
    assert nowhere.code == 2
    _one_line(nowhere.stderr)
    assert len(json.loads(cli("case", "list", "--json").stdout)) == 2


def test_usage_errors_exit_2(cli: CliRunner) -> None:
    assert cli("case", "list", "--stage", "nonsense").code == 2
    assert cli("no-such-command").code == 2


def test_the_version_is_printed(cli: CliRunner) -> None:
    result = cli("--version", passphrase=None)
    assert result.code == 0
    assert result.stdout.startswith("rjdesk ")


def test_viewing_and_exporting_a_case_are_on_the_audit_record(
    cli: CliRunner, data_dir: Path
) -> None:
    from rjdesk.domain.models import AuditEvent
    from rjdesk.store.vault import Vault

    reference = _vault_with_cases(cli)["neighbour-dispute"]
    assert cli("case", "show", reference).code == 0
    assert cli("case", "show", reference, "--json").code == 0
    vault = Vault(data_dir)
    vault.unlock(PASSPHRASE)
    with vault.reader() as session:
        events = [
            (e.action, e.case_reference)
            for e in session.query(AuditEvent).order_by(AuditEvent.id)
            if e.action in ("import_case", "view_case", "export_case")
        ]
    vault.lock()
    assert events[-2:] == [("view_case", reference), ("export_case", reference)]
    assert ("import_case", reference) in events


def test_hub_commands_on_a_laptop_say_they_are_rjdesk_hub(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The hub is its own distribution: `rjdesk-hub …` names its command in one line, exit 2."""
    code = rjdesk_cli.main(["hub", "--data-dir", str(tmp_path), "devices"])
    assert code == 2
    err = capsys.readouterr().err
    _one_line(err)
    assert "the hub's commands are `rjdesk-hub …`" in err


def test_a_missing_module_that_is_not_the_hub_is_still_an_unexpected_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    args = rjdesk_cli.parse(["--data-dir", str(tmp_path), "case", "list"])
    assert not isinstance(args, int)

    def broken(_args: object) -> int:
        raise ModuleNotFoundError("No module named 'reportlab'", name="reportlab")

    args.run = broken
    assert rjdesk_cli.run(args) == rjdesk_cli.EXIT_UNEXPECTED
    err = capsys.readouterr().err
    _one_line(err)
    assert "unexpected error (ModuleNotFoundError)" in err
