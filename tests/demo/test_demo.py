"""The demo caseload: a trainer opens a vault full of made-up cases and finds a facilitator's
real week in it, with every rule of the process kept."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rjdesk.demo import fill_demo
from rjdesk.domain import rules
from rjdesk.domain.models import Case, Consent, Contact, Participant, Person
from rjdesk.domain.outcome_models import Equality, Feedback
from rjdesk.domain.text import fold, phone_key, postcode_key
from rjdesk.services import people
from rjdesk.services.cases import load_case
from rjdesk.services.queries import CaseFilter, list_cases
from rjdesk.store.vault import Vault, _clock_at_noon
from rjdesk_protocol.calendar import LONDON
from rjdesk_protocol.enums import (
    PARENT_OR_CARER,
    AgreementStatus,
    CaseType,
    Channel,
    ClosureReason,
    FeedbackMoment,
    Flag,
    ReferralSource,
    Role,
    Stage,
)
from rjdesk_protocol.victims_code import VictimsCodeState

TODAY = date(2026, 11, 20)
NOW = datetime.combine(TODAY, time(12), LONDON)
CASES = 60
PASSPHRASE = "correct horse battery staple"


def _new_vault(folder: Path) -> Vault:
    vault, _ = Vault.create(
        folder, facilitator_name="Alex Morgan", passphrase=PASSPHRASE, clock=_clock_at_noon(TODAY)
    )
    return vault


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Vault, list[int]]]:
    """One demo vault of 60 cases for the whole module, and the progress it reported."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RJDESK_INSECURE_FAST_KDF", "1")  # documented test setting
        vault = _new_vault(tmp_path_factory.mktemp("demo") / "vault")
        progress = list(fill_demo(vault, cases=CASES))
        yield vault, progress
        vault.lock()


@pytest.fixture(scope="module")
def demo_vault(demo: tuple[Vault, list[int]]) -> Vault:
    return demo[0]


@pytest.fixture
def session(demo_vault: Vault) -> Iterator[Session]:
    with demo_vault.reader() as reader:
        yield reader


def _all_cases(session: Session) -> list[Case]:
    references = session.scalars(select(Case.reference).order_by(Case.reference))
    return [load_case(session, reference) for reference in references]


def _day(moment: datetime) -> date:
    return moment.astimezone(LONDON).date()


def test_the_demo_holds_every_kind_of_case_a_facilitator_meets(session: Session) -> None:
    cases = session.scalars(select(Case)).all()
    assert len(cases) == CASES
    assert {c.case_type for c in cases} == set(CaseType)
    assert {c.stage for c in cases} == set(Stage)
    assert {c.closure_reason for c in cases} - {None} == set(ClosureReason)
    assert {c.source for c in cases} == set(ReferralSource)
    assert {c.channel for c in cases} == set(Channel)


def test_the_caseload_looks_like_a_real_one(session: Session) -> None:
    stages = dict(session.execute(select(Case.stage, func.count()).group_by(Case.stage)).all())
    open_early = stages[Stage.ASSESSMENT] + stages[Stage.PREPARATION]
    further_on = stages[Stage.INTERVENTION] + stages[Stage.AGREEMENT] + stages[Stage.FOLLOW_UP]
    assert open_early >= stages[Stage.REFERRAL]
    assert further_on > 0
    assert CASES / 4 < stages[Stage.CLOSED] < CASES * 3 / 4
    contacts = session.scalar(select(func.count(Contact.id)))
    assert contacts is not None
    assert 7 <= contacts / CASES <= 14  # about ten contacts a case


def test_progress_is_reported_after_each_batch_and_ends_at_the_total(
    demo: tuple[Vault, list[int]],
) -> None:
    _, progress = demo
    assert progress == [25, 50, 60]


def test_each_batch_is_committed_before_its_progress_is_reported(tmp_path: Path) -> None:
    vault = _new_vault(tmp_path / "vault")
    filling = fill_demo(vault, cases=15, batch=10)
    assert next(filling) == 10
    with vault.reader() as session:  # another session sees the first batch already
        assert session.scalar(select(func.count(Case.id))) == 10
    assert list(filling) == [15]
    vault.lock()


def test_nothing_is_made_for_no_cases_and_bad_arguments_are_refused(tmp_path: Path) -> None:
    vault = _new_vault(tmp_path / "vault")
    assert list(fill_demo(vault, cases=0)) == []
    with pytest.raises(ValueError, match="batch"):
        next(fill_demo(vault, cases=5, batch=0))
    vault.lock()


def test_early_in_the_morning_nothing_is_recorded_after_now(tmp_path: Path) -> None:
    half_past_seven = datetime.combine(TODAY, time(7, 30), LONDON)
    vault, _ = Vault.create(
        tmp_path / "vault",
        facilitator_name="Alex Morgan",
        passphrase=PASSPHRASE,
        clock=lambda: half_past_seven.astimezone(UTC),
    )
    list(fill_demo(vault, cases=20))
    with vault.reader() as session:
        latest = session.scalar(select(func.max(Contact.at)))
        newest = session.scalar(select(func.max(Case.received_on)))
    vault.lock()
    assert latest is not None and latest <= half_past_seven
    assert newest is not None and newest < TODAY


def test_the_same_seed_gives_the_same_caseload(tmp_path: Path) -> None:
    def caseload(folder: str, seed: int) -> list[tuple[str, str, str]]:
        vault = _new_vault(tmp_path / folder)
        list(fill_demo(vault, cases=15, seed=seed))
        with vault.reader() as session:
            rows = session.execute(
                select(Case.reference, Case.stage, Case.summary).order_by(Case.reference)
            )
            result = [(ref.rsplit("-", 1)[1], str(stage), summary) for ref, stage, summary in rows]
        vault.lock()
        return result

    first, again, other = caseload("a", 7), caseload("b", 7), caseload("c", 8)
    assert first == again  # the same numbers, stages and stories (the device code differs)
    assert [summary for *_, summary in first] != [summary for *_, summary in other]


def test_a_new_referral_names_its_people_and_nobody_has_been_called_yet(session: Session) -> None:
    referrals = [case for case in _all_cases(session) if case.stage == Stage.REFERRAL]
    assert referrals
    for case in referrals:
        assert len(rules.parties(case)) >= 2, case.reference
        assert case.contacts == [] and case.risk_assessments == []
        # Professionals and interpreters join once the work begins.
        assert all(p.role.consents for p in case.participants)


def test_every_conference_had_a_risk_assessment_and_everyones_consent(session: Session) -> None:
    interventions = 0
    for case in _all_cases(session):
        for contact in case.contacts:
            if contact.kind.is_intervention:
                interventions += 1
                day = _day(contact.at)
                assert rules.intervention_blockers(case, contact.kind, contact.present, day) == []
    assert interventions > 0


def test_every_case_is_at_the_stage_its_records_support(session: Session) -> None:
    for case in _all_cases(session):
        assert rules.stage_consistency_blockers(case, case.stage, TODAY) == [], case.reference
        if case.closure_reason == ClosureReason.COMPLETED:
            assert rules.in_force_agreement(case) is not None


def test_signed_agreements_were_signed_by_everyone_who_had_consented(session: Session) -> None:
    signed = 0
    for case in _all_cases(session):
        for agreement in case.agreements:
            assert 1 <= len(agreement.actions) <= 8
            if agreement.status == AgreementStatus.DRAFT:
                continue
            signed += 1
            assert rules.missing_signatures(case, agreement) == []
            for signature in agreement.signatures:
                if signature.participant is not None:
                    assert rules.consent_gaps(signature.participant, signature.signed_on) == []
    assert signed > 0


def test_children_take_part_with_a_parents_consent(session: Session) -> None:
    parental = session.scalars(select(Consent).where(Consent.given_by_id.is_not(None))).all()
    assert parental
    for consent in parental:
        assert consent.given_by is not None
        assert consent.given_by.relationship_to_supported in PARENT_OR_CARER
        assert consent.given_by.supports_id == consent.participant_id


def test_withdrawn_consent_closes_the_case_or_takes_it_back(session: Session) -> None:
    withdrawn = session.scalars(select(Consent).where(Consent.withdrawn_on.is_not(None))).all()
    assert withdrawn
    for consent in withdrawn:
        case = consent.participant.case
        assert case.closure_reason == ClosureReason.WITHDRAWN or (
            case.stage == Stage.PREPARATION and case.stage_changes[-1].note == "consent withdrawn"
        )


def test_nothing_happens_in_the_future_or_before_the_referral(session: Session) -> None:
    two_years_ago = TODAY - timedelta(days=2 * 366)
    for case in _all_cases(session):
        assert two_years_ago <= case.received_on <= TODAY
        assert case.incident_date is None or case.incident_date <= case.received_on
        assert case.closed_on is None or case.received_on <= case.closed_on <= TODAY
        for contact in case.contacts:
            assert contact.at <= NOW
            assert _day(contact.at) >= case.received_on
        for participant in case.participants:
            given = participant.rj_information_given_on
            assert given is None or (participant.role.is_harmed and given <= TODAY)


def test_some_victims_code_deadlines_are_late_or_missed(session: Session) -> None:
    statuses = [
        status.state
        for case in _all_cases(session)
        for _, status in rules.victims_code(case, TODAY)
    ]
    assert statuses.count(VictimsCodeState.MET) > len(statuses) / 2
    assert {VictimsCodeState.LATE, VictimsCodeState.MISSING} & set(statuses)


def test_flags_come_from_the_case_and_from_what_was_recorded(session: Session) -> None:
    cases = _all_cases(session)
    for case in cases:
        if case.case_type == CaseType.HATE_CRIME:
            assert Flag.HATE_CRIME in case.flags
        for concern in case.safeguarding:
            assert concern.kind.flag in case.flags
    flagged = {flag for case in cases for flag in case.flags}
    assert flagged == set(Flag)


def test_people_seen_before_make_later_cases_repeat_referrals(session: Session) -> None:
    repeats = [c for c in _all_cases(session) if Flag.REPEAT_REFERRAL in c.flags]
    assert repeats
    seen = people.revolving_door(session, repeats[0])
    assert any(match.matched_on != "address" for found in seen.values() for match in found)


def test_a_person_is_found_by_their_first_name_typed_without_accents(session: Session) -> None:
    accented = [
        (participant.person.name.split()[0], participant.case_id)
        for participant in session.scalars(select(Participant))
        if fold(participant.person.name.split()[0]) != participant.person.name.split()[0].lower()
    ]
    assert accented, "the demo has names such as Łukasz, Siobhán or Ayşe"
    first, case_id = accented[0]
    typed = fold(first)
    assert typed.isascii()
    found = list_cases(session, CaseFilter(search=typed), limit=CASES, today=TODAY)
    assert case_id in {row.id for row in found}


def test_people_look_real_but_cannot_be_real(session: Session) -> None:
    persons = session.scalars(select(Person)).all()
    for person in persons:
        if person.phone:
            assert (phone_key(person.phone) or "")[:8] in ("07700900", "01214960")
        if person.address:
            assert postcode_key(person.address) is not None
            assert person.address.split()[-2].startswith("B")
        if person.email:
            assert person.email.endswith("@example.org")
    surnames = {person.name.split()[-1] for person in persons}
    assert len(surnames) > 40
    roles = {p.role for p in session.scalars(select(Participant))}
    assert roles == set(Role)
    assert any(person.interpreter for person in persons)
    assert any(person.access_needs for person in persons)


def test_cases_that_reached_their_intervention_have_outcomes_to_show(session: Session) -> None:
    intervened = session.scalars(
        select(Case).where(Case.stage.in_([Stage.AGREEMENT, Stage.FOLLOW_UP, Stage.CLOSED]))
    ).all()
    with_facts = [c for c in intervened if c.intervention_type is not None]
    assert with_facts, "some demo cases say how the parties met"
    assert all(c.justice_stage is not None for c in with_facts)
    feedback = session.scalars(select(Feedback)).all()
    equality = session.scalars(select(Equality)).all()
    assert len(feedback) >= 5 and len(equality) >= 5
    assert {f.moment for f in feedback} == set(FeedbackMoment)
    participants = {p.id: p for p in session.scalars(select(Participant))}
    assert all(participants[e.participant_id].role is not Role.PROFESSIONAL for e in equality)
