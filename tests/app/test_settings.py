"""Settings through the application layer, as the Settings page and the main window use them:
read with their defaults, saved with what changed, checked before they are kept, and the
letterhead logo set and put back to the standard one."""

from __future__ import annotations

import pytest

from rjdesk.app import drafts, settings
from rjdesk.app.settings import AppSettings, Letterhead
from rjdesk.resources import resource_path
from rjdesk.store.vault import Vault
from rjdesk_protocol.errors import ValidationError
from tests.conftest import FACILITATOR


def test_a_new_vault_has_the_default_settings_and_the_standard_logo(vault: Vault) -> None:
    loaded = settings.load_settings_and_logo(vault)
    assert loaded.logo is None
    assert loaded.settings == AppSettings(FACILITATOR)
    assert loaded.settings.idle_lock_minutes == settings.IDLE_LOCK_DEFAULT_MINUTES == 5
    assert settings.load_settings(vault) == loaded.settings
    assert settings.IDLE_LOCK_RANGE == (1, 60)


def test_saving_says_what_changed_and_keeps_it(vault: Vault) -> None:
    chosen = AppSettings(
        facilitator_name="  Alex   Morgan-Price ",
        idle_lock_minutes=10,
        letterhead=Letterhead(service_name=" Castle Vale RJ Hub ", phone="0121 000 0000"),
    )
    changed = settings.save_settings(vault, chosen)
    assert changed == ["facilitator name", "idle lock", "letterhead"]
    assert settings.save_settings(vault, chosen) == [], "nothing changed the second time"
    kept = settings.load_settings(vault)
    assert kept.facilitator_name == "Alex Morgan-Price"
    assert kept.idle_lock_minutes == 10
    assert kept.letterhead.service_name == "Castle Vale RJ Hub"
    assert kept.letterhead.phone == "0121 000 0000"


@pytest.mark.parametrize(
    ("minutes", "name", "message"),
    [(0, FACILITATOR, "between 1 and 60"), (61, FACILITATOR, "between 1 and 60"),
     (5, "   ", "a name is needed")],
)  # fmt: skip
def test_a_setting_out_of_range_is_refused_and_nothing_is_kept(
    vault: Vault, minutes: int, name: str, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        settings.save_settings(vault, AppSettings(name, idle_lock_minutes=minutes))
    assert settings.load_settings(vault) == AppSettings(FACILITATOR)


def test_the_logo_is_set_refused_when_not_a_png_and_put_back(vault: Vault) -> None:
    png = resource_path("letterhead", "logo.png").read_bytes()
    settings.set_logo(vault, png)
    assert settings.load_settings_and_logo(vault).logo == png
    with pytest.raises(ValidationError):
        settings.set_logo(vault, b"not a picture at all")
    assert settings.load_settings_and_logo(vault).logo == png, "a refused logo changes nothing"
    settings.set_logo(vault, None)
    assert settings.load_settings_and_logo(vault).logo is None


def test_drafts_kept_at_the_lock_come_back_at_the_unlock(vault: Vault) -> None:
    drafts.keep_drafts(vault, {"wizard/summary": (None, "Half a summary"), "empty": (None, " ")})
    assert drafts.load_drafts(vault) == {"wizard/summary": "Half a summary"}
    drafts.keep_drafts(vault, {})
    assert drafts.load_drafts(vault) == {}
