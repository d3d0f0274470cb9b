"""The hub's address: https://host[:port] only, plain http only on this machine (issue 11/12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rjdesk.services import sync
from rjdesk.store.vault import Vault
from rjdesk_hub.cli import main
from rjdesk_protocol.address import check_hub_url
from rjdesk_protocol.errors import ValidationError
from tests.laptops import stand_in_hub

REFUSED = [
    ("http://hub.example.org", "plain http:// is only for a hub on this machine"),
    ("http://192.0.2.7:8765", "plain http:// is only for a hub on this machine"),
    ("https://hub.example.org/rjdesk", "path, query or fragment"),
    ("https://hub.example.org/?x=1", "path, query or fragment"),
    ("https://hub.example.org#top", "path, query or fragment"),
    ("https://sam:secret@hub.example.org", "user name or password"),
    ("https://hub.example.org:99999", "port is not a number"),
    ("https://hub.example.org:http", "port is not a number"),
    ("ftp://hub.example.org", "does not start with https://"),
    ("hub.example.org", "does not start with https://"),
    ("https://", "names no host"),
    ("https://hub example.org", "empty or holds spaces"),
    ("", "empty or holds spaces"),
]


@pytest.mark.parametrize(("url", "why"), REFUSED)
def test_a_hub_url_that_is_not_https_host_port_is_refused_saying_why(url: str, why: str) -> None:
    with pytest.raises(ValidationError, match=why) as refused:
        check_hub_url(url)
    assert "\n" not in str(refused.value)
    assert "secret" not in str(refused.value), "a password in the URL is never echoed"


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://hub.example.org", "https://hub.example.org"),
        ("https://hub.example.org:8443/", "https://hub.example.org:8443"),
        ("HTTPS://Hub.Example.org", "HTTPS://Hub.Example.org"),
        ("http://127.0.0.1:8765", "http://127.0.0.1:8765"),
        ("http://localhost:8765/", "http://localhost:8765"),
        ("http://[::1]:8765", "http://[::1]:8765"),
    ],
)
def test_https_anywhere_and_plain_http_on_this_machine_are_taken(url: str, kept: str) -> None:
    assert check_hub_url(url) == kept


@pytest.mark.parametrize("url", ["http://hub.example.org", "https://hub.example.org/sync"])
def test_hub_init_refuses_the_url_in_one_line_and_makes_nothing(
    url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hub_dir = tmp_path / "hub"
    assert main(["--data-dir", str(hub_dir), "init", "--url", url]) == 1
    err = capsys.readouterr().err
    assert err.startswith("rjdesk-hub: hub URL: must ") and err.count("\n") == 1, err
    assert not hub_dir.exists() or not any(hub_dir.iterdir())


def test_hub_init_takes_an_https_url(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hub_dir = tmp_path / "hub"
    code = main(["--data-dir", str(hub_dir), "init", "--url", "https://hub.example.org/"])
    assert code == 0, capsys.readouterr().err
    assert '"url": "https://hub.example.org"' in (hub_dir / "hub.json").read_text("utf-8")


def test_a_laptop_refuses_a_signed_hub_configuration_with_a_plain_http_address(
    vault: Vault,
) -> None:
    request = sync.enrollment_request(vault)
    remote = stand_in_hub()
    remote.url = "http://hub.example.org:8765"
    with pytest.raises(ValidationError, match="plain http:// is only for a hub on this machine"):
        sync.import_hub_config(vault, remote.config_for(request))
    assert not sync_status_enrolled(vault)
    remote.url = "https://hub.example.org:8765"
    assert sync.import_hub_config(vault, remote.config_for(request)).url == remote.url


def sync_status_enrolled(vault: Vault) -> bool:
    with vault.reader() as session:
        return sync.status(session).enrolled
