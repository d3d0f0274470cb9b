"""Declarative base, column types and the columns every syncable row carries (DESIGN §5)."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any, TypeVar

from sqlalchemy import JSON, Date, DateTime, Enum, MetaData, String, TypeDecorator, event
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

E = TypeVar("E", bound=StrEnum)

# Stable constraint names so that Alembic migrations (batch mode on SQLite) can refer to them.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """An aware datetime stored as naive UTC; always read back as aware UTC.

    Times are stored in UTC and shown in Europe/London (DESIGN §5). A naive datetime reaching the
    store is a programming error: the importer and the services decide what local time meant.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; attach a time zone first")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


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
