"""The RJ hub: receives laptops' case bundles, merges them, and sends cases back (DESIGN §7).

``rjdesk_hub.service.Hub`` is the hub itself; ``rjdesk_hub.app`` its HTTP API (FastAPI) and
``rjdesk_hub.server`` runs it under uvicorn. The hub uses the bundle format, the records and
the domain's rules, and never the laptop's vault, services, CLI or GUI.
"""

from __future__ import annotations

from rjdesk_hub.service import Hub

__all__ = ["Hub"]
