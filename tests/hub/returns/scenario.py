"""A scripted caseload for the returns' end-to-end test, made on real laptop vaults and sent to a
real hub in real bundles (tests/hub/returns/test_returns_end_to_end.py states its figures).

Twelve cases referred in 2026-27 Q3 (1 Oct to 31 Dec 2026), each with a harmed and a
responsible party; the laptops' day is 15 Feb 2027, so the work of Q3 and the first weeks of Q4
is all in the past. Days of the week matter: 1 Oct 2026 is a Thursday, 5 and 12 Oct Mondays.

=====  ========  ============  =======  ===========  ====================================
case   received  source        channel  RJ info      what else
=====  ========  ============  =======  ===========  ====================================
C1     1 Oct     police        phone    2 Oct        co-worked: Alex refers it (contact 5
                                                     Oct), Sam holds it too and runs the
                                                     conference (20 Nov), closes it 10 Jan
                                                     2027 (the next quarter); Alex adds a
                                                     call on 20 Oct; both laptops send it
C2     1 Oct     police        phone    2 Oct        contact 6 Oct; conference 10 Nov;
                                                     closed completed 1 Dec
C3     5 Oct     police        phone    6 Oct        contact 7 Oct; shuttle 12 Nov; closed
                                                     completed 2 Dec
C4     5 Oct     police        phone    6 Oct        contact 8 Oct; declined 20 Oct
C5     12 Oct    police        phone    13 Oct       contact 16 Oct; declined 30 Oct
C6     12 Oct    police        phone    13 Oct       contact 22 Oct; declined 15 Nov
C7     2 Nov     police        phone    3 Nov        a call on 3 Nov reaching no one;
                                                     no contact 10 Dec
C8     2 Nov     school        phone    3 Nov        declined 11 Dec
C9     9 Nov     school        phone    10 Nov
C10    9 Nov     school        phone    20 Nov       (late: the deadline was 16 Nov)
C11    1 Dec     housing       phone    not given
C12    28 Dec    housing       online   4 Jan 2027   received on a bank holiday (Boxing
                                                     Day's substitute); first contact 4
                                                     Jan 2027
=====  ========  ============  =======  ===========  ====================================

Risk assessments: C1 and C2 on 6 Oct, C3 and C4 on 9 Oct. Consent to take part: C1 to C3's
parties on the day of their assessment. Intervention types: C1 and C2 conference, C3 shuttle.
Feedback at the end (satisfaction, coping): C2 harmed 5/yes, C2 responsible 4/yes, C3 harmed
5/yes, C3 responsible 3/no, all given 3 Dec; C4 harmed 5/declined and C4 responsible declined
(coping not asked), given 21 Oct; C1 harmed 5/yes given 10 Jan 2027 (Q4). Equality: C2 harmed
female, white_british; C2 responsible male, asian_indian; C3 harmed female, black_african; C3
responsible prefer not to say (sex and ethnicity). Dates of birth: every harmed party born
1 Jun 1990 (36 on receipt: 35_44), every responsible party born 1 Jun 2008 (18: 18_24), except
C2's responsible party, born 2 Oct 2008: 17 on 1 Oct 2026 (under_18).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rjdesk.domain.models import Case, Participant
from rjdesk.services import assessment, cases, contacts, outcomes, people
from rjdesk.services.cases import load_case
from rjdesk.store.unit import UnitOfWork
from rjdesk_hub import Hub
from rjdesk_protocol.enums import (
    Answer,
    CaseType,
    Channel,
    ClosureReason,
    ConsentScope,
    ContactKind,
    Ethnicity,
    FeedbackMoment,
    InterventionType,
    ReferralSource,
    RiskLevel,
    Role,
    Satisfaction,
    Sex,
)
from tests.laptops import Laptop, send_changes
from tests.services.builders import at

LAPTOP_DAY = date(2027, 2, 15)
HARMED_BORN = date(1990, 6, 1)
RESPONSIBLE_BORN = date(2008, 6, 1)


@dataclass(frozen=True)
class Referred:
    name: str  # "C1"
    received: date
    source: ReferralSource
    channel: Channel = Channel.PHONE
    informed: date | None = None


REFERRALS = (
    Referred("C1", date(2026, 10, 1), ReferralSource.POLICE, informed=date(2026, 10, 2)),
    Referred("C2", date(2026, 10, 1), ReferralSource.POLICE, informed=date(2026, 10, 2)),
    Referred("C3", date(2026, 10, 5), ReferralSource.POLICE, informed=date(2026, 10, 6)),
    Referred("C4", date(2026, 10, 5), ReferralSource.POLICE, informed=date(2026, 10, 6)),
    Referred("C5", date(2026, 10, 12), ReferralSource.POLICE, informed=date(2026, 10, 13)),
    Referred("C6", date(2026, 10, 12), ReferralSource.POLICE, informed=date(2026, 10, 13)),
    Referred("C7", date(2026, 11, 2), ReferralSource.POLICE, informed=date(2026, 11, 3)),
    Referred("C8", date(2026, 11, 2), ReferralSource.SCHOOL, informed=date(2026, 11, 3)),
    Referred("C9", date(2026, 11, 9), ReferralSource.SCHOOL, informed=date(2026, 11, 10)),
    Referred("C10", date(2026, 11, 9), ReferralSource.SCHOOL, informed=date(2026, 11, 20)),
    Referred("C11", date(2026, 12, 1), ReferralSource.HOUSING_PROVIDER),
    Referred(
        "C12",
        date(2026, 12, 28),
        ReferralSource.HOUSING_PROVIDER,
        Channel.ONLINE,
        informed=date(2027, 1, 4),
    ),
)
# The first contact at which the harmed party was present (a phone call), by case.
FIRST_CONTACT = {
    "C1": date(2026, 10, 5),
    "C2": date(2026, 10, 6),
    "C3": date(2026, 10, 7),
    "C4": date(2026, 10, 8),
    "C5": date(2026, 10, 16),
    "C6": date(2026, 10, 22),
    "C12": date(2027, 1, 4),
}
CLOSED = {
    "C2": (date(2026, 12, 1), ClosureReason.COMPLETED),
    "C3": (date(2026, 12, 2), ClosureReason.COMPLETED),
    "C4": (date(2026, 10, 20), ClosureReason.DECLINED),
    "C5": (date(2026, 10, 30), ClosureReason.DECLINED),
    "C6": (date(2026, 11, 15), ClosureReason.DECLINED),
    "C7": (date(2026, 12, 10), ClosureReason.NO_CONTACT),
    "C8": (date(2026, 12, 11), ClosureReason.DECLINED),
}


@dataclass
class Caseload:
    """What the scenario made: each case's id by name, and its parties' participant ids."""

    case_ids: dict[str, str]
    harmed: dict[str, str]
    responsible: dict[str, str]


def _party(uow: UnitOfWork, case: Case, name: str, role: Role, born: date) -> Participant:
    participant, _ = people.add_participant(
        uow, case, people.PersonDetails(name=name, date_of_birth=born), role
    )
    return participant


def _call(uow: UnitOfWork, case: Case, day: date, *present: Participant) -> None:
    contacts.record_contact(
        uow, case, kind=ContactKind.PHONE, at=at(day, 10), present=list(present),
        notes="Phoned about the referral.",
    )  # fmt: skip


def _assessed(uow: UnitOfWork, case: Case, day: date) -> None:
    assessment.record_risk_assessment(
        uow, case, assessed_on=day, level=RiskLevel.LOW, factors=["No history of violence"]
    )
    for participant in case.participants:
        assessment.give_consent(uow, participant, scopes=[ConsentScope.TAKE_PART], given_on=day)


def _intervention(
    uow: UnitOfWork, case: Case, kind: ContactKind, day: date, of_type: InterventionType
) -> None:
    contacts.record_contact(
        uow, case, kind=kind, at=at(day, 14), present=list(case.participants),
        notes="They met and talked it through.",
    )  # fmt: skip
    outcomes.set_returns_facts(
        uow, case, intervention_type=of_type, started_by=None, justice_stage=None,
        first_contact_attempted_on=None, first_contact_made_on=None,
    )  # fmt: skip


def _feedback(
    uow: UnitOfWork,
    participant: Participant,
    day: date,
    satisfaction: Satisfaction | None,
    coping: Answer | None,
) -> None:
    outcomes.record_feedback(
        uow, participant, FeedbackMoment.END, given_on=day, satisfaction=satisfaction,
        coping=coping, feels_safer=None, would_recommend=None, comment=None,
    )  # fmt: skip


def _equality(uow: UnitOfWork, participant: Participant, sex: Sex, ethnicity: Ethnicity) -> None:
    outcomes.record_equality(
        uow, participant, outcomes.EqualityAnswers(sex=sex, ethnicity=ethnicity)
    )


def build(hub: Hub, alex: Laptop, sam: Laptop) -> Caseload:
    """Make the caseload on Alex's laptop (C1 co-worked with Sam's) and send it to the hub."""
    alex.enroll(hub)
    sam.enroll(hub)
    made = Caseload({}, {}, {})
    with alex.vault.unit_of_work() as uow:
        for referred in REFERRALS:
            case = cases.create_case(
                uow,
                cases.Referral(
                    case_type=CaseType.CRIME, received_on=referred.received,
                    source=referred.source, channel=referred.channel,
                    summary=f"Scripted case {referred.name}.",
                ),
            )  # fmt: skip
            born = date(2008, 10, 2) if referred.name == "C2" else RESPONSIBLE_BORN
            harmed = _party(uow, case, f"Harmed {referred.name}", Role.HARMED, HARMED_BORN)
            responsible = _party(uow, case, f"Resp {referred.name}", Role.RESPONSIBLE, born)
            made.case_ids[referred.name] = case.id
            made.harmed[referred.name] = harmed.id
            made.responsible[referred.name] = responsible.id
            if referred.informed is not None:
                people.record_rj_information(uow, harmed, referred.informed)
            if referred.name in FIRST_CONTACT:
                _call(uow, case, FIRST_CONTACT[referred.name], harmed)
    with alex.vault.unit_of_work() as uow:
        work = {name: load_case(uow.session, case_id) for name, case_id in made.case_ids.items()}
        _call(uow, work["C7"], date(2026, 11, 3))  # no one reached: an attempt only
        _assessed(uow, work["C1"], date(2026, 10, 6))
        _assessed(uow, work["C2"], date(2026, 10, 6))
        _assessed(uow, work["C3"], date(2026, 10, 9))
        assessment.record_risk_assessment(
            uow, work["C4"], assessed_on=date(2026, 10, 9), level=RiskLevel.LOW, factors=[]
        )
        _intervention(uow, work["C2"], ContactKind.CONFERENCE, date(2026, 11, 10),
                      InterventionType.CONFERENCE)  # fmt: skip
        _intervention(uow, work["C3"], ContactKind.SHUTTLE, date(2026, 11, 12),
                      InterventionType.SHUTTLE)  # fmt: skip
        parties = {name: list(case.participants) for name, case in work.items()}
        _feedback(uow, parties["C2"][0], date(2026, 12, 3), Satisfaction.FIVE, Answer.YES)
        _feedback(uow, parties["C2"][1], date(2026, 12, 3), Satisfaction.FOUR, Answer.YES)
        _feedback(uow, parties["C3"][0], date(2026, 12, 3), Satisfaction.FIVE, Answer.YES)
        _feedback(uow, parties["C3"][1], date(2026, 12, 3), Satisfaction.THREE, Answer.NO)
        _feedback(uow, parties["C4"][0], date(2026, 10, 21), Satisfaction.FIVE, Answer.DECLINED)
        _feedback(uow, parties["C4"][1], date(2026, 10, 21), Satisfaction.DECLINED, None)
        _equality(uow, parties["C2"][0], Sex.FEMALE, Ethnicity.WHITE_BRITISH)
        _equality(uow, parties["C2"][1], Sex.MALE, Ethnicity.ASIAN_INDIAN)
        _equality(uow, parties["C3"][0], Sex.FEMALE, Ethnicity.BLACK_AFRICAN)
        _equality(uow, parties["C3"][1], Sex.PREFER_NOT_TO_SAY, Ethnicity.PREFER_NOT_TO_SAY)
        for name, (day, reason) in CLOSED.items():
            cases.close_case(uow, work[name], reason, closed_on=day)
    send_changes(alex, hub)

    # C1 is co-worked: Sam holds it too, Alex calls once more, Sam runs the conference and
    # closes it in the next quarter; each laptop sends its own work on it.
    reference = _reference(alex, made.case_ids["C1"])
    hub.assign(reference, "Sam Patel", keep_referrer=True)
    assert sam.fetch(hub, apply=True) is not None
    with alex.vault.unit_of_work() as uow:
        case = load_case(uow.session, made.case_ids["C1"])
        _call(uow, case, date(2026, 10, 20), case.participants[1])
    send_changes(alex, hub)
    with sam.vault.unit_of_work() as uow:
        case = load_case(uow.session, made.case_ids["C1"])
        _intervention(uow, case, ContactKind.CONFERENCE, date(2026, 11, 20),
                      InterventionType.CONFERENCE)  # fmt: skip
        _feedback(uow, case.participants[0], date(2027, 1, 10), Satisfaction.FIVE, Answer.YES)
        cases.close_case(uow, case, ClosureReason.COMPLETED, closed_on=date(2027, 1, 10))
    send_changes(sam, hub)
    return made


def _reference(device: Laptop, case_id: str) -> str:
    with device.vault.reader() as session:
        return load_case(session, case_id).reference


def laptop_at(directory: Path, name: str, template: Path) -> Laptop:
    return Laptop(directory, name, today=LAPTOP_DAY, template=template)
