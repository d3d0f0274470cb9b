"""Opening a case for the window: its view, who else it shares people with, what comes next."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rjdesk.app.view_builders import build_case_view
from rjdesk.app.views import CaseView, ParticipantView
from rjdesk.domain.guidance import NextStep
from rjdesk.services.cases import load_case
from rjdesk.services.people import SeenBefore, revolving_door
from rjdesk.store.vault import Vault


@dataclass(frozen=True)
class CaseSnapshot:
    """Everything the case tabs show, read in one unit of work: plain data, no session."""

    case: CaseView
    today: date
    seen_before: dict[str, list[SeenBefore]] = field(default_factory=dict)

    @property
    def next(self) -> NextStep | None:
        return self.case.next

    def participant(self, participant_id: str) -> ParticipantView:
        return self.case.participant(participant_id)


def open_case(vault: Vault, case_id: str, today: date, *, viewed: bool) -> CaseSnapshot:
    """Read a case for the window. ``viewed`` records the opening in the audit log (a reload
    after the facilitator's own change is not a new view)."""
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        seen = revolving_door(uow.session, case)
        if viewed:
            uow.audit("view_case", entity="case", entity_id=case.id, case_reference=case.reference)
        view = build_case_view(case, today)
    return CaseSnapshot(case=view, today=today, seen_before=seen)
