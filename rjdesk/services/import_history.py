"""The stage history of an imported case, dated from the case file.

Importing replays the file through the services, and each step they record is stamped with the
moment of the import: a case received in October and signed in November read as if every step
happened on the import day. Here each step takes the day the file gives for it (the referral on
the day it was received, the move to agreement when the conference or shuttle contact happened,
follow-up when the last person signed, closure on the closing day). A step the file gives no day
for keeps the import moment and says so, rather than pretend it happened then.
"""

from __future__ import annotations

from datetime import date, datetime, time

from rjdesk.domain.models import Case, StageChange
from rjdesk_protocol.calendar import LONDON
from rjdesk_protocol.enums import Stage

UNDATED_NOTE = "imported at this stage: the case file gives no date for it"


def day_start(day: date) -> datetime:
    """A day the file gives without a time: the start of that day in London."""
    return datetime.combine(day, time(0, 0), LONDON)


def _intervention_at(case: Case) -> datetime | None:
    """When the first conference or shuttle contact took place (it moved the case on)."""
    moments = [contact.at for contact in case.contacts if contact.kind.is_intervention]
    return min(moments) if moments else None


def _signed_in_full_on(case: Case, note: str) -> date | None:
    """The day the last person signed the agreement named in ``note``."""
    for agreement in case.agreements:
        if note == f"agreement version {agreement.version} signed" and agreement.signatures:
            return max(signature.signed_on for signature in agreement.signatures)
    return None


def _file_moment(case: Case, change: StageChange) -> datetime | None:
    if change.from_stage is None and change.to_stage == Stage.REFERRAL:
        return day_start(case.received_on)
    if change.to_stage == Stage.AGREEMENT and change.note.endswith(" recorded"):
        return _intervention_at(case)
    if change.to_stage == Stage.FOLLOW_UP:
        signed = _signed_in_full_on(case, change.note)
        return day_start(signed) if signed else None
    if change.to_stage == Stage.CLOSED and case.closed_on is not None:
        return day_start(case.closed_on)
    return None


def date_from_file(case: Case) -> None:
    """Give each step of a just-imported case's stage history the day the file gives for it;
    a step with none keeps the import moment and is marked as imported without a date."""
    previous: datetime | None = None
    for change in case.stage_changes:
        moment = _file_moment(case, change)
        if moment is None:
            change.note = UNDATED_NOTE
        else:
            # A step known only by its day is not put before the step that led to it (the
            # agreement signed on the evening of the conference follows the conference).
            change.changed_at = moment if previous is None else max(moment, previous)
        previous = change.changed_at
