"""The hub's data folder: keys and settings made once, owner-only, never overwritten."""

from __future__ import annotations

import base64
import json
import stat
from pathlib import Path

import pytest
from sqlalchemy import text

from rjdesk_hub import Hub, config
from rjdesk_hub.errors import HubExists, HubNotFound
from rjdesk_protocol.errors import UsageError
from rjdesk_protocol.keys import AgeIdentity


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_init_makes_an_owner_only_folder_with_keys_and_settings(tmp_path: Path) -> None:
    data_dir = tmp_path / "hub"
    with Hub.init(data_dir, name="North hub", url="https://hub.example.org/") as hub:
        key_id = hub.key_id
        assert hub.info() == {"hub_key_id": key_id, "hub_name": "North hub"}
    assert _mode(data_dir) == 0o700
    assert _mode(data_dir / "hub-keys.json") == 0o600
    assert _mode(data_dir / "hub.db") == 0o600
    settings = json.loads((data_dir / "hub.json").read_text())
    assert settings == {
        "format": "rjdesk_hub/1",
        "name": "North hub",
        "url": "https://hub.example.org",
        "db_url": "",
        "keep_bundles_days": 400,
        "max_unfinished_uploads": 4,
        "max_unfinished_upload_mib": 512,
        "max_upload_mib_per_day": 2048,
        "max_connections_per_address": 32,
        "untriaged_referral_days": 30,
        "forms_url": "",
        "trusted_proxy": "",
    }
    keys = json.loads((data_dir / "hub-keys.json").read_text())
    assert len(base64.b64decode(keys["signing_key"])) == 32
    assert len(base64.b64decode(keys["data_key"])) == 32
    assert AgeIdentity.from_text(keys["age_identity"]).recipient.startswith("age1")
    loaded = config.load(data_dir)[1]
    assert loaded.signing_key.public.key_id_hex == key_id
    assert keys["age_identity"] not in repr(loaded) and keys["data_key"] not in repr(loaded)


def test_init_refuses_an_existing_hub_and_changes_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "hub"
    Hub.init(data_dir).close()
    before = (data_dir / "hub-keys.json").read_bytes()
    with pytest.raises(HubExists, match="already exists"):
        Hub.init(data_dir)
    assert (data_dir / "hub-keys.json").read_bytes() == before


def test_opening_a_folder_without_a_hub_says_how_to_make_one(tmp_path: Path) -> None:
    with pytest.raises(HubNotFound, match="rjdesk-hub --data-dir DIR init"):
        Hub.open(tmp_path / "nothing")


def test_database_urls_are_normalised_and_shown_without_password() -> None:
    assert config.normalise_db_url("postgresql://u:p@h/db") == "postgresql+psycopg://u:p@h/db"
    assert config.normalise_db_url("postgres://h/db") == "postgresql+psycopg://h/db"
    assert config.normalise_db_url("sqlite:////tmp/x.db") == "sqlite:////tmp/x.db"
    with pytest.raises(UsageError, match="postgresql://"):
        config.normalise_db_url("mysql://h/db")
    assert config.shown_db_url("postgresql+psycopg://u:secret@h/db") == (
        "postgresql+psycopg://u:***@h/db"
    )


def test_the_database_is_chosen_by_option_then_environment_then_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = config.HubSettings("Hub", "http://x", db_url="postgresql://stored/db")
    monkeypatch.delenv(config.DB_ENV, raising=False)
    assert config.db_url_for(tmp_path, settings) == "postgresql+psycopg://stored/db"
    monkeypatch.setenv(config.DB_ENV, "postgresql://env/db")
    assert config.db_url_for(tmp_path, settings) == "postgresql+psycopg://env/db"
    assert config.db_url_for(tmp_path, settings, "postgresql://opt/db").endswith("//opt/db")
    monkeypatch.delenv(config.DB_ENV)
    default = config.db_url_for(tmp_path, config.HubSettings("Hub", "http://x"))
    assert default == f"sqlite:///{(tmp_path / 'hub.db').resolve()}"


def test_the_data_folder_comes_from_the_option_then_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(config.DATA_DIR_ENV, str(tmp_path / "env"))
    assert config.resolve_data_dir(str(tmp_path / "opt")) == tmp_path / "opt"
    assert config.resolve_data_dir(None) == tmp_path / "env"
    monkeypatch.delenv(config.DATA_DIR_ENV)
    assert config.resolve_data_dir(None).name == "rjdesk-hub"


def test_the_default_database_is_sqlite_in_wal_mode(tmp_path: Path) -> None:
    with Hub.init(tmp_path / "hub") as hub, hub.db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA secure_delete")).scalar() == 1
