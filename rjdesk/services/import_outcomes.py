"""The outcome parts of a case file on import (docs/case-format.md, ``outcomes``,
``feedback[]`` and ``equality[]``): recorded through the same services the window uses, so
their rules apply (who is asked, dates, one feedback per moment)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

from rjdesk.domain.models import Case, Participant
from rjdesk.services import outcomes
from rjdesk.services.export import EQUALITY_ANSWERS
from rjdesk.store.unit import UnitOfWork
from rjdesk_protocol.enums import (
    Answer,
    FeedbackMoment,
    InterventionType,
    JusticeStage,
    Satisfaction,
    StartedBy,
)
from rjdesk_protocol.errors import CaseImportError, RjdeskError, ValidationError

E = TypeVar("E", bound=StrEnum)
# The importer's own: a participant by key, and a date, each refusing with the file's field.
Participants = Callable[[str, str], Participant]
Dates = Callable[[Any, str], date | None]


def _code(kind: type[E], value: Any) -> E | None:
    return None if value is None else kind(value)


def _refused(field: str, exc: RjdeskError) -> CaseImportError:
    if isinstance(exc, ValidationError):
        return CaseImportError(f"{field}.{exc.field}" if exc.field else field, exc.reason)
    return CaseImportError(field, str(exc))


def apply(
    uow: UnitOfWork,
    case: Case,
    document: dict[str, Any],
    participant: Participants,
    to_date: Dates,
) -> None:
    """Record the file's outcome facts, feedback and equality monitoring on the new case."""
    facts = document.get("outcomes") or {}
    if any(value is not None for value in facts.values()):
        try:
            outcomes.set_returns_facts(
                uow, case,
                intervention_type=_code(InterventionType, facts.get("intervention_type")),
                started_by=_code(StartedBy, facts.get("started_by")),
                justice_stage=_code(JusticeStage, facts.get("justice_stage")),
                first_contact_attempted_on=to_date(
                    facts.get("first_contact_attempted_on"), "outcomes.first_contact_attempted_on"
                ),
                first_contact_made_on=to_date(
                    facts.get("first_contact_made_on"), "outcomes.first_contact_made_on"
                ),
            )  # fmt: skip
        except RjdeskError as exc:
            raise _refused("outcomes", exc) from None
    _feedback(uow, document.get("feedback") or [], participant, to_date)
    answered: set[str] = set()
    for index, entry in enumerate(document.get("equality") or []):
        field = f"equality[{index}]"
        who = participant(entry["participant"], f"{field}.participant")
        if who.id in answered:
            raise CaseImportError(f"{field}.participant", "this participant is given twice")
        answered.add(who.id)
        values = {name: entry.get(name) for name in EQUALITY_ANSWERS}
        try:
            outcomes.record_equality(uow, who, outcomes.equality_answers(values))
        except RjdeskError as exc:
            raise _refused(field, exc) from None


def _feedback(
    uow: UnitOfWork, entries: list[dict[str, Any]], participant: Participants, to_date: Dates
) -> None:
    seen: set[tuple[str, FeedbackMoment]] = set()
    for index, entry in enumerate(entries):
        field = f"feedback[{index}]"
        who = participant(entry["participant"], f"{field}.participant")
        moment = FeedbackMoment(entry["moment"])
        if (who.id, moment) in seen:
            raise CaseImportError(f"{field}.moment", "this participant's feedback is given twice")
        seen.add((who.id, moment))
        given_on = to_date(entry["given_on"], f"{field}.given_on")
        if given_on is None:
            raise CaseImportError(f"{field}.given_on", "is missing")
        try:
            outcomes.record_feedback(
                uow, who, moment, given_on=given_on,
                satisfaction=_code(Satisfaction, entry.get("satisfaction")),
                coping=_code(Answer, entry.get("coping")),
                feels_safer=_code(Answer, entry.get("feels_safer")),
                would_recommend=_code(Answer, entry.get("would_recommend")),
                comment=entry.get("comment"),
            )  # fmt: skip
        except RjdeskError as exc:
            raise _refused(field, exc) from None
