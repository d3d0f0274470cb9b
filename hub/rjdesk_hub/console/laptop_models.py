"""The tables of the console's "Facilitators and laptops" pages (``console.laptops``), on the
hub's declarative base: when each laptop last reached the hub, which laptops were retired, and
the breach log of laptops reported lost (migration ``h0012_laptops``).

What is plain here is bookkeeping, as in ``rjdesk_hub.models``: ids, device codes, facilitator
and console account names, case references and times. The names of the people in a lost
laptop's cases, and the data protection officer's reason, are sealed (AES-256-GCM under a key
derived from the hub's data key: ``console.laptops``), like every payload.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, exists, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import InstrumentedAttribute, Mapped, Session, mapped_column
from sqlalchemy.sql.elements import ColumnElement

from rjdesk_hub.models import ID, ROW_ID, HubBase


class DeviceSeen(HubBase):
    """The last time a laptop's signed request reached the hub (its bundles have their own time,
    ``hub_bundle.received_at``): written as each request is authenticated, beside the request's
    id (``hub_request_seen``) and, like it, with no foreign key: a key error there would read
    as a replayed request."""

    __tablename__ = "hub_device_seen"

    device_id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    last_request_at: Mapped[datetime]


class DeviceRetired(HubBase):
    """A laptop retired by a coordinator (replaced): it may still deliver its last bundle, but
    it is sent nothing new, no case is queued for it, and it cannot enrol again."""

    __tablename__ = "hub_device_retired"

    device_id: Mapped[str] = mapped_column(ForeignKey("hub_device.id"), primary_key=True)
    retired_at: Mapped[datetime]
    account_id: Mapped[str] = mapped_column(String(ROW_ID))
    account_name: Mapped[str] = mapped_column(String(200))


class Breach(HubBase):
    """A breach-log entry: a laptop reported lost (revoked in the same transaction), the cases it
    held, the people in them (``people``: sealed), and the data protection officer's decision
    whether to notify the ICO, due by ``decide_by`` (UK GDPR Art. 33: 72 hours)."""

    __tablename__ = "hub_breach"

    id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("hub_device.id"), index=True)
    device_code: Mapped[str] = mapped_column(String(8))
    facilitator_id: Mapped[str] = mapped_column(String(ROW_ID))
    facilitator_name: Mapped[str] = mapped_column(String(200))
    reported_at: Mapped[datetime] = mapped_column(index=True)
    reported_by_id: Mapped[str] = mapped_column(String(ROW_ID))
    reported_by_name: Mapped[str] = mapped_column(String(200))
    decide_by: Mapped[datetime]
    case_ids: Mapped[list[str]]
    case_references: Mapped[list[str]]
    people: Mapped[bytes] = mapped_column(LargeBinary)
    decided_at: Mapped[datetime | None]
    decided_by_id: Mapped[str | None] = mapped_column(String(ROW_ID))
    decided_by_name: Mapped[str | None] = mapped_column(String(200))
    notify_ico: Mapped[bool | None]
    reason: Mapped[bytes | None] = mapped_column(LargeBinary)


def note_seen(session: Session, device_id: str, at: datetime) -> None:
    """Note that ``device_id`` reached the hub ``at``: one upsert, so two requests of the same
    laptop at once never collide on its row."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = dialect.insert(DeviceSeen).values(device_id=device_id, last_request_at=at)
    session.execute(
        statement.on_conflict_do_update(
            index_elements=[DeviceSeen.device_id], set_={"last_request_at": at}
        )
    )


def is_retired(session: Session, device_id: str) -> bool:
    return session.get(DeviceRetired, device_id) is not None


def not_retired(device_id: InstrumentedAttribute[str]) -> ColumnElement[bool]:
    """A condition: the device of ``device_id`` was not retired (for a query's ``where``)."""
    return ~exists(select(DeviceRetired.device_id).where(DeviceRetired.device_id == device_id))
