"""``rjdesk-hub user add|reset|disable|list``: the first admin, a lost phone, a person who left."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pyotp
import pytest

from rjdesk_hub import Hub
from rjdesk_hub.cli import main
from rjdesk_hub.console.accounts import Accounts, SignInRefused

Run = tuple[int, str, str]


@pytest.fixture
def hub_dir(tmp_path: Path) -> Path:
    path = tmp_path / "hub"
    Hub.init(path).close()
    return path


def run(hub_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> Run:
    code = main(["--data-dir", str(hub_dir), "user", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def printed(out: str) -> tuple[str, str]:
    """The one-time password and the TOTP secret (from the otpauth URI) that ``add`` printed."""
    password = re.search(r"one-time password: (\S+)", out)
    uri = re.search(r"(otpauth://\S+)", out)
    assert password and uri
    secret = parse_qs(urlparse(uri.group(1)).query)["secret"][0]
    text = re.search(r"authenticator secret: ([A-Z2-7 ]+)\n", out)
    assert text and text.group(1).replace(" ", "") == secret
    return password.group(1), secret


def test_the_first_admin_is_added_on_the_server_and_can_set_up(
    hub_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(hub_dir, capsys, "list")
    assert code == 0 and "No console account yet" in out
    code, out, _ = run(
        hub_dir, capsys, "add", "Pat.Admin", "--role", "admin", "--display-name", "Pat"
    )
    assert code == 0 and "Added the console account pat.admin (admin)" in out
    password, secret = printed(out)
    with Hub.open(hub_dir) as hub:
        accounts = Accounts(hub)
        step = accounts.sign_in("pat.admin", password)
        accounts.set_up(
            step.token, "a long new password", "a long new password", pyotp.TOTP(secret).now()
        )
    code, out, _ = run(hub_dir, capsys, "list")
    assert code == 0 and re.search(r"pat\.admin\s+Pat\s+admin\s+active", out)
    assert password not in out and secret not in out


def test_reset_recovers_a_lost_phone_and_disable_stops_sign_in(
    hub_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(hub_dir, capsys, "add", "sam", "--role", "coordinator")
    first, first_secret = printed(out)
    code, out, _ = run(hub_dir, capsys, "reset", "SAM")
    assert code == 0 and "no longer work" in out
    second, second_secret = printed(out)
    assert (second, second_secret) != (first, first_secret)
    with Hub.open(hub_dir) as hub:
        accounts = Accounts(hub)
        with pytest.raises(SignInRefused):
            accounts.sign_in("sam", first)
        assert accounts.sign_in("sam", second).stage == "setup"
    code, out, _ = run(hub_dir, capsys, "disable", "sam")
    assert code == 0 and "cannot sign in" in out
    assert re.search(r"sam\s+sam\s+coordinator\s+disabled", run(hub_dir, capsys, "list")[1])


@pytest.mark.parametrize(
    ("args", "exit_code", "sentence"),
    [
        (("add", "x", "--role", "owner"), 2, "invalid choice: 'owner'"),
        (("add", "has space", "--role", "admin"), 2, "a sign-in name is 1 to 64 letters"),
        (("disable", "nobody"), 1, "no console account is named nobody"),
        (("reset", "nobody"), 1, "no console account is named nobody"),
    ],
)
def test_wrong_commands_are_one_line(
    hub_dir: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    exit_code: int,
    sentence: str,
) -> None:
    code, _, err = run(hub_dir, capsys, *args)
    assert code == exit_code
    assert sentence in err


def test_a_name_is_added_only_once(hub_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(hub_dir, capsys, "add", "kim", "--role", "auditor")
    code, _, err = run(hub_dir, capsys, "add", "KIM", "--role", "admin")
    assert code == 2 and err.count("\n") == 1 and "exists already" in err
