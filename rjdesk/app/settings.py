"""Settings held inside the vault, as the window reads and saves them: the facilitator's name,
the idle lock, the letterhead and its logo (``rjdesk.services.settings``)."""

from __future__ import annotations

from dataclasses import dataclass

from rjdesk.services import settings as settings_service
from rjdesk.services.settings import (
    IDLE_LOCK_DEFAULT_MINUTES,
    IDLE_LOCK_RANGE,
    AppSettings,
    Letterhead,
)
from rjdesk.store.vault import Vault

__all__ = [
    "IDLE_LOCK_DEFAULT_MINUTES",
    "IDLE_LOCK_RANGE",
    "AppSettings",
    "Letterhead",
    "SettingsView",
    "load_settings",
    "load_settings_and_logo",
    "save_settings",
    "set_logo",
]


@dataclass(frozen=True)
class SettingsView:
    """What the Settings page shows: the settings, and the chosen logo (None: the standard)."""

    settings: AppSettings
    logo: bytes | None


def load_settings(vault: Vault) -> AppSettings:
    with vault.reader() as session:
        return settings_service.load_settings(session)


def load_settings_and_logo(vault: Vault) -> SettingsView:
    with vault.reader() as session:
        return SettingsView(settings_service.load_settings(session), settings_service.logo(session))


def save_settings(vault: Vault, settings: AppSettings) -> list[str]:
    """Save, and return which settings changed ("idle lock", "letterhead", …); a value out of
    range raises ValidationError."""
    with vault.unit_of_work() as uow:
        return settings_service.save_settings(uow, settings)


def set_logo(vault: Vault, png: bytes | None) -> None:
    """The letterhead logo printed on agreements (PNG), or None for the standard one."""
    with vault.unit_of_work() as uow:
        settings_service.set_logo(uow, png)
