"""Kept returns, on the hub's declarative base (migration ``h0015_kept_returns``).

What is plain is what finds a kept return again and says what it was: the definition's id,
version and text hash, the period, who or what produced it and when. The figures themselves (the
``ReturnResult`` as JSON) are sealed (AES-256-GCM under a key derived from the hub's data key):
they are suppressed aggregates, not personal data, but a definition is a file anyone running the
command line can write, and one breaking figures down by something narrow would put near-personal
detail in them; sealing them costs nothing and relies on no definition being sensible
(docs/returns.md, "Kept returns").
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Index, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from rjdesk_hub.models import ROW_ID, HubBase


class KeptReturn(HubBase):
    __tablename__ = "hub_kept_return"
    __table_args__ = (
        Index(
            "ix_hub_kept_return_definition_period",
            "definition_id",
            "period_start",
            "period_end",
        ),
    )

    id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True)
    definition_id: Mapped[str] = mapped_column(String(100))
    definition_version: Mapped[int]
    definition_sha256: Mapped[str] = mapped_column(String(64))  # of the definition file's text
    period_start: Mapped[date]
    period_end: Mapped[date]
    period_label: Mapped[str] = mapped_column(String(100))
    produced_by: Mapped[str] = mapped_column(String(200))  # "command line", "console: <id>"
    produced_at: Mapped[datetime] = mapped_column(index=True)  # when it was kept
    computed_at: Mapped[datetime]
    sealed: Mapped[bytes] = mapped_column(LargeBinary)  # the ReturnResult's JSON, sealed
