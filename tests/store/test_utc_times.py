"""Times are stored as naive UTC and read back aware, whatever the text in the database says."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, insert, select, text

from rjdesk_protocol.storage import UTCDateTime

_TABLE = Table("t", MetaData(), Column("id", Integer, primary_key=True), Column("at", UTCDateTime))


@pytest.fixture
def engine():  # type: ignore[no-untyped-def]
    engine = create_engine("sqlite://")
    _TABLE.metadata.create_all(engine)
    yield engine
    engine.dispose()


def test_an_aware_time_round_trips_as_utc(engine) -> None:  # type: ignore[no-untyped-def]
    london_summer = timezone(timedelta(hours=1))
    written = [
        datetime(2026, 7, 1, 9, 30, 15, 123456, tzinfo=london_summer),
        datetime(2026, 12, 7, 23, 59, 59, tzinfo=UTC),
        None,
    ]
    with engine.begin() as conn:
        conn.execute(insert(_TABLE), [{"id": i, "at": at} for i, at in enumerate(written)])
        read = conn.execute(select(_TABLE.c.at).order_by(_TABLE.c.id)).scalars().all()
    assert read == written
    assert [at.tzinfo for at in read if at is not None] == [UTC, UTC]


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ("2026-11-20 10:31:22.123000", datetime(2026, 11, 20, 10, 31, 22, 123000, tzinfo=UTC)),
        ("2026-11-20 10:31:22", datetime(2026, 11, 20, 10, 31, 22, tzinfo=UTC)),  # SQL's own
        ("2026-11-20T10:31:22", datetime(2026, 11, 20, 10, 31, 22, tzinfo=UTC)),
        ("2026-11-20", datetime(2026, 11, 20, tzinfo=UTC)),  # a date alone: midnight UTC
    ],
)
def test_text_written_by_other_hands_is_read_as_utc(engine, stored, expected) -> None:  # type: ignore[no-untyped-def]
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO t (id, at) VALUES (1, :at)"), {"at": stored})
        assert conn.execute(select(_TABLE.c.at)).scalar_one() == expected
