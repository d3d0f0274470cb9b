"""Every table the console keeps beside the hub's own (``rjdesk_hub.models``), imported so that
they join ``HubBase``'s metadata wherever the hub's database is opened or migrated (``db``,
``migrations/env.py``). A console module with tables of its own adds its import here."""

from __future__ import annotations

from rjdesk_hub.console import enrol_models, laptop_models, overview_models
from rjdesk_hub.referrals import models as referral_models
from rjdesk_hub.returns import kept_models
from rjdesk_hub.returns import models as return_models

__all__ = [
    "enrol_models",
    "kept_models",
    "laptop_models",
    "overview_models",
    "referral_models",
    "return_models",
]
