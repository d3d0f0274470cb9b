"""The application layer: the one door from the window (and the CLI) to the case file.

One module per area of the facilitator's work. Each function takes the vault, ids and plain
values, owns its unit of work, and returns frozen views (``rjdesk.app.views``) or raises a
typed refusal (``rjdesk_protocol.errors``) carrying the sentence to show. The window imports
neither the store nor the ORM models: the vault handle and what it needs about vaults and keys
are re-exported here.
"""

from rjdesk.store.keys import MIN_PASSPHRASE_LENGTH, passphrase_strength
from rjdesk.store.unit import Clock
from rjdesk.store.vault import Vault, clock_from_env, resolve_data_dir

__all__ = [
    "MIN_PASSPHRASE_LENGTH",
    "Clock",
    "Vault",
    "clock_from_env",
    "passphrase_strength",
    "resolve_data_dir",
]
