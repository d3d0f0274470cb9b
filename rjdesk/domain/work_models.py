"""The work tally: what cases that have left this laptop still count on "My work" (issue 16).

Only counts, by financial-year quarter, figure and category: no case id, no reference, no name.
Local to this vault; never synced.
"""

from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from rjdesk.domain.base import Base


class WorkTally(Base):
    """How many of one figure's category (``victims_code``/``met``, ``closed``/``declined``…)
    fell in ``quarter`` (``2026-27Q3``) on cases no longer on this laptop."""

    __tablename__ = "work_tally"

    quarter: Mapped[str] = mapped_column(String(9), primary_key=True)
    figure: Mapped[str] = mapped_column(String(20), primary_key=True)
    category: Mapped[str] = mapped_column(String(20), primary_key=True)
    count: Mapped[int] = mapped_column(default=0)
