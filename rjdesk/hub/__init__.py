"""The RJ hub: receives laptops' case bundles, merges them, and sends cases back (DESIGN §7).

``rjdesk.hub.service.Hub`` is the hub itself; ``rjdesk.hub.app`` its HTTP API (FastAPI) and
``rjdesk.hub.server`` runs it under uvicorn. The hub uses the bundle format, the records and
the domain's rules, and never the laptop's vault, services, CLI or GUI.
"""

from __future__ import annotations

from rjdesk.hub.service import Hub

__all__ = ["Hub"]
