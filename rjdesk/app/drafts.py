"""Text typed in the window but not saved, kept encrypted in the vault while the app is locked
(DESIGN §4): the main window keeps it at the lock and puts it back at the unlock."""

from __future__ import annotations

from collections.abc import Mapping

from rjdesk.services import drafts
from rjdesk.store.vault import Vault

Drafts = Mapping[str, tuple[str | None, str]]  # key -> (case id or None, text)


def load_drafts(vault: Vault) -> dict[str, str]:
    """Every kept draft's text, by key."""
    with vault.reader() as session:
        return drafts.load_drafts(session)


def keep_drafts(vault: Vault, unsaved: Drafts) -> None:
    """Keep exactly these drafts (at the lock); an empty text keeps nothing for its key."""
    with vault.unit_of_work() as uow:
        drafts.replace_drafts(uow, unsaved)
