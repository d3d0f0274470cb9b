"""Declarative base, column types and the columns every syncable row carries (DESIGN §5)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import JSON, Date, Enum, MetaData, String, event
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from rjdesk_protocol.storage import NAMING_CONVENTION, UTCDateTime

E = TypeVar("E", bound=StrEnum)


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return str(uuid.uuid4())


def enum_column(enum: type[E], **kwargs: Any) -> Any:
    """A column holding an enum's *value* (``"hate_crime"``), not its Python name."""
    return mapped_column(
        Enum(
            enum,
            native_enum=False,
            length=32,
            validate_strings=True,
            values_callable=lambda members: [member.value for member in members],
        ),
        **kwargs,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        datetime: UTCDateTime(),
        date: Date(),
        list[str]: JSON(),
        dict[str, Any]: JSON(),
    }


class Synced:
    """Columns of every row that travels in a case bundle (DESIGN §5, §7).

    ``row_version`` is SQLAlchemy's version counter: every UPDATE checks and bumps it, so a
    stale write fails instead of overwriting, and the hub can compare base versions.
    ``changed_by_device`` and ``updated_at`` are stamped by the store's flush hook.
    """

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    row_version: Mapped[int] = mapped_column(default=1)
    changed_by_device: Mapped[str] = mapped_column(String(36), default="")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.row_version}  # type: ignore[attr-defined]


@event.listens_for(Synced, "init", propagate=True)
def _assign_id(target: Synced, args: Any, kwargs: dict[str, Any]) -> None:
    """Give every syncable row its UUID when it is made, not when it is flushed, so that audit
    events and outbox records written in the same unit of work can name it."""
    kwargs.setdefault("id", new_id())
