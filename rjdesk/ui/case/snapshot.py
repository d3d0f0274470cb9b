"""A case as loaded for the window: the case itself plus what rjdesk works out about it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rjdesk.domain.guidance import NextStep, next_step
from rjdesk.domain.models import Case, Participant
from rjdesk.services.cases import load_case
from rjdesk.services.people import SeenBefore, revolving_door
from rjdesk.store.vault import Vault


@dataclass
class CaseSnapshot:
    """Everything the panes show, loaded in one unit of work on the database thread.

    ``case`` is detached from its session with all of its parts loaded, so the panes read it
    on the GUI thread without touching the database.
    """

    case: Case
    today: date
    seen_before: dict[str, list[SeenBefore]] = field(default_factory=dict)
    next: NextStep | None = None

    def participant(self, participant_id: str) -> Participant:
        return next(p for p in self.case.participants if p.id == participant_id)


def load_snapshot(vault: Vault, case_id: str, today: date, *, viewed: bool) -> CaseSnapshot:
    """Load a case for the window. ``viewed`` records the opening in the audit log (a reload
    after the facilitator's own change is not a new view)."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        seen = revolving_door(uow.session, case)
        if viewed:
            uow.audit("view_case", entity="case", entity_id=case.id, case_reference=case.reference)
    return CaseSnapshot(case=case, today=today, seen_before=seen, next=next_step(case, today))
