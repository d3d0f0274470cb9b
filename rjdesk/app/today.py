"""The Today page: what is overdue, what is due this week, Victims' Code deadlines, the cases
worked on last."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rjdesk.services import today as services_today
from rjdesk.services.queries import CaseRow
from rjdesk.services.today import DueItem
from rjdesk.store.vault import Vault

__all__ = ["DueItem", "TodayView", "today_overview"]


@dataclass(frozen=True)
class TodayView:
    """Each list holds its most urgent items first (at most ``services.today.LIST_LIMIT``);
    ``totals`` says how many each would hold without that limit. ``overdue`` holds the agreed
    actions and agreement reviews whose date has passed; ``due`` those due from today to a
    week ahead."""

    overdue: tuple[DueItem, ...]
    due: tuple[DueItem, ...]
    victims_code: tuple[DueItem, ...]
    recent: tuple[CaseRow, ...]
    totals: dict[str, int]


def today_overview(vault: Vault, today: date, *, actor: str | None = None) -> TodayView:
    """Today's lists; the recent cases are those ``actor`` (by default whoever unlocked the
    vault) last opened or changed."""
    who = vault.actor.name if actor is None else actor
    with vault.reader() as session:
        found = services_today.today_overview(session, today, actor=who)
    return TodayView(
        overdue=tuple(found.overdue),
        due=tuple(found.due),
        victims_code=tuple(found.victims_code),
        recent=tuple(found.recent),
        totals=dict(found.totals),
    )
