"""The storage conventions both databases follow, the laptop's vault and the hub's: stable
constraint names (Alembic's batch migrations on SQLite refer to them) and times stored as naive
UTC and read back aware."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, TypeDecorator
from sqlalchemy.engine import Dialect

# Stable constraint names so that Alembic migrations (batch mode on SQLite) can refer to them.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


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

    def result_processor(self, dialect: Dialect, coltype: object) -> Callable[[Any], Any] | None:
        generic = super().result_processor(dialect, coltype)
        if dialect.name != "sqlite" or generic is None:
            return generic
        # SQLite hands back the text SQLAlchemy wrote ("2026-11-20 10:31:22.123000"): read it as
        # UTC in one parse. Parsing then ``replace(tzinfo=UTC)`` costs eight times as much, and
        # opening a case reads dozens of times.
        parse = datetime.fromisoformat

        def process(value: str | None) -> datetime | None:
            if value is None:
                return None
            try:
                parsed = parse(value + "+00:00")
            except (TypeError, ValueError):
                parsed = None
            if parsed is None or parsed.tzinfo is None:  # not as SQLAlchemy writes it (a date
                # alone is read as naive): read it as SQLAlchemy would
                return generic(value)
            return parsed

        return process
