"""Checking a vault is whole: its files, its audit chain and its sync anchor."""

from __future__ import annotations

from rjdesk.store.integrity import Check, VerifyReport, verify_files
from rjdesk.store.vault import Vault
from rjdesk.sync import anchor

__all__ = ["Check", "VerifyReport", "check_files", "record_verification"]


def check_files(vault: Vault, passphrase: str) -> VerifyReport:
    """Every check, read from the files of a locked vault (raises ``WrongPassphrase`` having
    read nothing beyond the key file)."""
    return verify_files(vault.key_path, vault.db_path, passphrase, anchor_check=anchor.problems)


def record_verification(vault: Vault) -> None:
    """Put a passed check on the record (the vault is unlocked)."""
    with vault.unit_of_work() as uow:
        uow.audit("verify", entity="vault", entity_id=vault.vault_id)
