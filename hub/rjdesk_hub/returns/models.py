"""The return facts' tables, on the hub's declarative base (migration ``h0014_return_facts``).

Kept by ``rjdesk_hub.returns.store`` in the transaction of every change to a case, one case at a
time: the case's plain facts (what ``facts.CaseFacts`` holds: no name, no free text), its
contacts' kinds and days, and its people's facts (equality monitoring and feedback: special
category data) as one record sealed under the hub's data key. A case the hub no longer has, or
whose case row was deleted, has no rows here.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Index, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from rjdesk_hub.models import ROW_ID, HubBase

_ENUM = 40  # the longest enum value kept


class ReturnCase(HubBase):
    """One case's ``CaseFacts``. Indexed on the dates a return places a case in a period by."""

    __tablename__ = "hub_return_case"

    case_id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True)
    case_type: Mapped[str] = mapped_column(String(_ENUM))
    source: Mapped[str] = mapped_column(String(_ENUM))
    channel: Mapped[str] = mapped_column(String(_ENUM))
    origin: Mapped[str] = mapped_column(String(_ENUM))
    hate_crime: Mapped[bool]
    received_on: Mapped[date] = mapped_column(index=True)
    victims_code_due_on: Mapped[date | None]
    victims_code_informed_on: Mapped[date | None]
    first_contact_attempted_on: Mapped[date | None]
    first_contact_made_on: Mapped[date | None]
    assessed_on: Mapped[date | None]
    intervention_on: Mapped[date | None] = mapped_column(index=True)
    intervention_type: Mapped[str | None] = mapped_column(String(_ENUM))
    direct: Mapped[bool | None]
    started_by: Mapped[str | None] = mapped_column(String(_ENUM))
    justice_stage: Mapped[str | None] = mapped_column(String(_ENUM))
    stage: Mapped[str] = mapped_column(String(_ENUM))
    stage_reached: Mapped[str] = mapped_column(String(_ENUM))
    closed_on: Mapped[date | None] = mapped_column(index=True)
    closure_reason: Mapped[str | None] = mapped_column(String(_ENUM))
    agreements_signed: Mapped[int]
    actions_agreed: Mapped[int]
    actions_done: Mapped[int]
    actions_not_done: Mapped[int]
    partner_id: Mapped[str | None] = mapped_column(String(ROW_ID))


class ReturnPeople(HubBase):
    """One case's ``PersonFacts``, all of them, sealed as one record (``people_aad``)."""

    __tablename__ = "hub_return_people"

    case_id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True)
    sealed: Mapped[bytes] = mapped_column(LargeBinary)


class ReturnContact(HubBase):
    """One contact's ``ContactFacts``: its kind and its day."""

    __tablename__ = "hub_return_contact"
    __table_args__ = (Index("ix_hub_return_contact_case_id", "case_id"),)

    contact_id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(ROW_ID))
    kind: Mapped[str] = mapped_column(String(_ENUM))
    on: Mapped[date] = mapped_column(index=True)
