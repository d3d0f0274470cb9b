"""The hub's side of the audit anchor (docs/audit.md).

The hub keeps, per device, the audit head of the last bundle it accepted from it. A new bundle's
head must extend it: as many events or more, the same hash when as many, and, when more, a mark
vouching that the log still holds the kept head at its position. The hub cannot walk the
laptop's log; the marks are what an honest laptop's vault says of itself, so a log rewritten or
cut back before the anchor is refused, not a laptop whose software lies.
"""

from __future__ import annotations

from typing import Any

from rjdesk_hub import models as m
from rjdesk_protocol.keys import bundle_refused

_RESTORED = (
    "; if its vault was restored from a backup, the hub coordinator accepts it as it is now "
    "with rjdesk-hub audit-reset {device}"
)


def check(device: m.Device, head: dict[str, Any] | None) -> None:
    """Refuse (InvalidBundle, one sentence) a head that does not extend the device's anchor."""
    kept, kept_hash = device.audit_count, device.audit_hash
    if head is None:
        if kept is not None:
            raise bundle_refused(
                "it carries no audit head, though this laptop's earlier bundles did: "
                "update rjdesk on the laptop"
            )
        return  # a laptop of the previous release: nothing to check yet
    if kept is None or kept == 0:
        return
    count, last = head["count"], head["hash"]
    said = _RESTORED.format(device=device.id)
    if count < kept:
        raise bundle_refused(
            f"its audit log was cut back: it holds {count} events, and the hub accepted "
            f"{kept} from this laptop before{said}"
        )
    marks = {position: value for position, value in head["marks"]}
    found = last if count == kept else marks.get(kept)
    if found is None:
        raise bundle_refused(
            f"it does not show that its audit log still holds event #{kept}, the last the hub "
            f"accepted from this laptop{said}"
        )
    if found != kept_hash:
        raise bundle_refused(
            f"its audit log was rewritten: event #{kept} is not the one the hub accepted from "
            f"this laptop before{said}"
        )


def record(device: m.Device, head: dict[str, Any] | None) -> dict[str, Any] | None:
    """Keep the accepted head as the device's anchor; what the receipt says of it."""
    if head is None:
        return None
    device.audit_count, device.audit_hash = head["count"], head["hash"]
    return {"count": head["count"], "hash": head["hash"]}


def reset(device: m.Device) -> None:
    """Forget the anchor (the coordinator accepts a vault restored from a backup as it is)."""
    device.audit_count = device.audit_hash = None
