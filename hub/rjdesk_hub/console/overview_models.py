"""The case index's plain dates for the console's overview (``rjdesk_hub.console.overview``).

Kept beside ``hub_case_index`` by ``rjdesk_hub.console.index`` in the same transaction, so the
overview counts what is due, missed and overdue over 20,000 cases with a few indexed queries
rather than by opening every case's facts record (docs/hub.md, "What the case index shows").
A closed case has no row: nothing of it is due.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from rjdesk_hub.models import ROW_ID, HubBase


class CaseIndexDates(HubBase):
    """One open case's dates due: the earliest Victims' Code deadline of a harmed person not
    yet given RJ information, the earliest pending action of a signed agreement, and the
    earliest review of a signed agreement (each None when nothing of that kind is due)."""

    __tablename__ = "hub_case_index_dates"

    case_id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True)
    victims_code_due_on: Mapped[date | None] = mapped_column(index=True)
    action_due_on: Mapped[date | None] = mapped_column(index=True)
    review_due_on: Mapped[date | None] = mapped_column(index=True)
