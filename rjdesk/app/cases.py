"""Opening a case for the window: its view, who else it shares people with, what comes next."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rjdesk.app.case_reader import read_case
from rjdesk.app.views import CaseView
from rjdesk.domain.guidance import NextStep
from rjdesk.services.people import SeenBefore, revolving_door_of
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


def open_case(vault: Vault, case_id: str, today: date, *, viewed: bool) -> CaseSnapshot:
    """Read a case for the window. ``viewed`` records the opening in the audit log (a reload
    after the facilitator's own change is not a new view)."""
    with vault.reading() as reading:
        # The window only reads: its rows go straight into the views (``case_reader``), with
        # no session and none of the ORM's objects, which the writes need (``load_case``).
        read = read_case(reading.conn, case_id, today)
        seen = revolving_door_of(reading.conn, read.view.id, read.people)
        if viewed:
            reading.audit(
                "view_case", entity="case", entity_id=read.view.id,
                case_reference=read.view.reference,
            )  # fmt: skip
    return CaseSnapshot(case=read.view, today=today, seen_before=seen)
