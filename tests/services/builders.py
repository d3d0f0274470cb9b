"""Small steps of a facilitator's day, for tests: a referral, people, risk, consent."""

from __future__ import annotations

from datetime import date, datetime, time

from rjdesk.domain.models import Case, Contact, Participant
from rjdesk.services import assessment, cases, contacts, people
from rjdesk.store.unit import UnitOfWork
from rjdesk_protocol.calendar import LONDON
from rjdesk_protocol.enums import (
    CaseType,
    Channel,
    ConsentScope,
    ContactKind,
    ReferralSource,
    RiskLevel,
    Role,
)

RECEIVED = date(2026, 10, 1)


def at(day: date, hour: int = 18) -> datetime:
    return datetime.combine(day, time(hour), LONDON)


def referral(uow: UnitOfWork, case_type: CaseType = CaseType.NEIGHBOUR_DISPUTE) -> Case:
    return cases.create_case(
        uow,
        cases.Referral(
            case_type=case_type,
            received_on=RECEIVED,
            source=ReferralSource.HOUSING_PROVIDER,
            channel=Channel.PHONE,
            summary="Dispute over a shared gate and music after 11pm.",
        ),
    )


def person(
    uow: UnitOfWork,
    case: Case,
    name: str,
    role: Role,
    *,
    born: date | None = None,
    supports: Participant | None = None,
    relationship: str | None = None,
    phone: str | None = None,
    address: str | None = None,
) -> Participant:
    participant, _ = people.add_participant(
        uow,
        case,
        people.PersonDetails(name=name, date_of_birth=born, phone=phone, address=address),
        role,
        supports=supports,
        relationship=relationship,
    )
    return participant


def assessed(uow: UnitOfWork, case: Case, on: date = date(2026, 10, 5)) -> None:
    assessment.record_risk_assessment(
        uow, case, assessed_on=on, level=RiskLevel.LOW, factors=["No history of violence"]
    )


def consents(uow: UnitOfWork, *who: Participant, on: date = date(2026, 10, 6)) -> None:
    for participant in who:
        assessment.give_consent(uow, participant, scopes=[ConsentScope.TAKE_PART], given_on=on)


def conference(
    uow: UnitOfWork, case: Case, *present: Participant, on: date = date(2026, 10, 20)
) -> Contact:
    return contacts.record_contact(
        uow,
        case,
        kind=ContactKind.CONFERENCE,
        at=at(on),
        present=list(present),
        notes="Both spoke about the last months; apologies given.",
        location="Community centre, room 2",
    )


def ready_for_conference(uow: UnitOfWork) -> tuple[Case, Participant, Participant]:
    """A neighbour dispute, assessed, both households consenting."""
    case = referral(uow)
    marcia = person(uow, case, "Marcia Bennett", Role.BOTH)
    lukasz = person(uow, case, "Łukasz Nowak", Role.BOTH)
    assessed(uow, case)
    consents(uow, marcia, lukasz)
    return case, marcia, lukasz
