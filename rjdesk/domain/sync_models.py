"""The laptop's side of sync (DESIGN §7, docs/sync-protocol.md): what waits to go to the hub,
what the hub has confirmed, and the conflicts it reported. Local to this vault; never synced.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, LargeBinary, String, Text, text
from sqlalchemy.orm import Mapped, deferred, mapped_column

from rjdesk.domain.base import Base


class OutboxChange(Base):
    """A synced row changed on this laptop and not yet confirmed by the hub.

    Written by the store in the same transaction as the change. At most one pending change per
    row (``bundle_id`` empty); once a bundle carries it, ``bundle_id`` names that bundle, and a
    later change of the same row is a new pending change.
    """

    __tablename__ = "outbox_change"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    case_id: Mapped[str | None] = mapped_column(String(36), index=True)
    op: Mapped[str] = mapped_column(String(8))  # "put" or "del"
    queued_at: Mapped[datetime]
    bundle_id: Mapped[str | None] = mapped_column(
        ForeignKey("outbox_bundle.bundle_id", ondelete="SET NULL"), index=True
    )

    __table_args__ = (
        Index(
            "uq_outbox_change_pending_row",
            "row_id",
            unique=True,
            sqlite_where=text("bundle_id IS NULL"),
        ),
    )


class OutboxBundle(Base):
    """A sealed bundle on its way to the hub: its exact bytes, kept until the hub's receipt
    verifies, so that every retry sends the same bundle."""

    __tablename__ = "outbox_bundle"

    bundle_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    sequence: Mapped[int] = mapped_column(unique=True)
    kind: Mapped[str] = mapped_column(String(10))  # "sync" or "export"
    # pending → sent (receipt verified) | refused (the hub said why) | superseded (folded into
    # a later export before the hub confirmed it)
    state: Mapped[str] = mapped_column(String(12), default="pending", index=True)
    created_at: Mapped[datetime]
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    content: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    changes: Mapped[int] = mapped_column(default=0)
    cases: Mapped[int] = mapped_column(default=0)
    sent_at: Mapped[datetime | None]
    receipt: Mapped[dict[str, Any] | None]
    refusal: Mapped[str] = mapped_column(Text, default="")


class SyncRow(Base):
    """The hub version of a row, as this laptop last heard it (the base of its next change)."""

    __tablename__ = "sync_row"

    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    hub_version: Mapped[int]


class SyncConflict(Base):
    """A conflict the hub found in a case this laptop works on, until a facilitator chose.

    ``detail`` holds, for a field conflict, ``{"fields": {name: {"hub": value, "incoming":
    value}}}`` and, for a rule conflict, ``{"message": sentence}``. ``choice`` is what the
    facilitator chose here; ``status`` goes open → chosen (here) → sending (in a bundle) → sent
    (the hub's receipt came) → resolved (the hub says so).
    """

    __tablename__ = "sync_conflict"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_id: Mapped[str | None] = mapped_column(String(36), index=True)
    case_reference: Mapped[str] = mapped_column(String(32), default="")
    kind: Mapped[str] = mapped_column(String(10))  # "field", "delete" or "rule"
    table_name: Mapped[str] = mapped_column(String(40), default="")
    row_id: Mapped[str] = mapped_column(String(36), default="")
    detail: Mapped[dict[str, Any]]
    from_device: Mapped[str] = mapped_column(String(36), default="")
    from_name: Mapped[str] = mapped_column(String(200), default="")
    raised_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(10), default="open", index=True)
    choice: Mapped[dict[str, Any] | None]
    chosen_at: Mapped[datetime | None]


class SyncState(Base):
    """The one row of this laptop's sync settings and progress."""

    __tablename__ = "sync_state"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The hub's configuration as imported (docs/sync-protocol.md, Enrollment), or None.
    hub_config: Mapped[dict[str, Any] | None]
    # This device's age identity (AGE-SECRET-KEY-1…): hub bundles are encrypted to it.
    age_identity: Mapped[str] = mapped_column(Text, default="")
    next_sequence: Mapped[int] = mapped_column(default=1)
    # The last hub bundle applied here; confirmed to the hub with the next inbox request.
    inbox_after: Mapped[int] = mapped_column(default=0)
    last_sync_at: Mapped[datetime | None]
    last_ok: Mapped[bool] = mapped_column(default=True)
    last_result: Mapped[str] = mapped_column(Text, default="")


class SyncRefused(Base):
    """A change of this laptop the hub refused (its receipt's ``refused``): kept to be shown
    (``rjdesk sync``, the Sync page) and never sent again. ``case_reference`` is empty for a
    person, which belongs to no case."""

    __tablename__ = "sync_refused"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    bundle_id: Mapped[str] = mapped_column(String(36))
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[str] = mapped_column(String(36))
    case_reference: Mapped[str] = mapped_column(String(32), default="")
    reason: Mapped[str] = mapped_column(Text)
    refused_at: Mapped[datetime]


class SyncWithdrawn(Base):
    """A case the hub took from this laptop's facilitator: taken off the laptop once none of its
    changes waits for the hub's receipt (rjdesk.sync.authority)."""

    __tablename__ = "sync_withdrawn"

    case_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    received_at: Mapped[datetime]


class SetAsideRecord(Base):
    """A record from the hub this laptop could not apply (it fails the record schema, or refers
    to a record this laptop lacks, or clashes with one): kept here, inside the encrypted vault,
    with its reason, instead of blocking the rest of the hub's update. Shown on the Sync page
    and by ``rjdesk sync``; reported to the hub (ids and reasons) in the next bundle."""

    __tablename__ = "sync_set_aside"

    row_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    case_id: Mapped[str | None] = mapped_column(String(36), index=True)
    case_reference: Mapped[str] = mapped_column(String(32), default="")
    reason: Mapped[str] = mapped_column(Text)
    record: Mapped[dict[str, Any]]  # the record as the hub sent it (JSON)
    hub_sequence: Mapped[int]  # the hub bundle that carried it
    set_aside_at: Mapped[datetime]
    # The bundle that reported it to the hub, or None until one has.
    reported_in: Mapped[str | None] = mapped_column(String(36))
