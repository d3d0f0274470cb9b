"""The rules of DESIGN §2 hold whatever the facilitator clicks: each test tries to break one."""

from __future__ import annotations

from datetime import date

import pytest

from rjdesk.services import assessment, cases, contacts
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import (
    ClosureReason,
    ConsentScope,
    ContactKind,
    RiskLevel,
    Role,
    Stage,
)
from rjdesk_protocol.errors import RuleViolation
from tests.services.builders import (
    assessed,
    at,
    conference,
    consents,
    person,
    ready_for_conference,
    referral,
)


def test_no_conference_without_a_risk_assessment(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        a = person(uow, case, "Marcia Bennett", Role.BOTH)
        b = person(uow, case, "Łukasz Nowak", Role.BOTH)
        consents(uow, a, b)
        with pytest.raises(RuleViolation, match="no completed risk assessment"):
            conference(uow, case, a, b)


def test_a_risk_assessment_without_factors_is_not_completed(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        a = person(uow, case, "Marcia Bennett", Role.BOTH)
        b = person(uow, case, "Łukasz Nowak", Role.BOTH)
        assessment.record_risk_assessment(
            uow, case, assessed_on=date(2026, 10, 5), level=RiskLevel.LOW, factors=[" "]
        )
        consents(uow, a, b)
        with pytest.raises(RuleViolation, match="the factors considered"):
            conference(uow, case, a, b)


def test_a_risk_assessment_made_after_the_conference_does_not_count(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        a = person(uow, case, "Marcia Bennett", Role.BOTH)
        b = person(uow, case, "Łukasz Nowak", Role.BOTH)
        assessed(uow, case, on=date(2026, 10, 25))
        consents(uow, a, b)
        with pytest.raises(RuleViolation, match="risk assessment on or before 20 Oct 2026"):
            conference(uow, case, a, b, on=date(2026, 10, 20))


def test_a_conference_needs_the_consent_of_every_participant_present(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case, marcia, lukasz = ready_for_conference(uow)
        zoe = person(
            uow, case, "Zoë Nowak", Role.SUPPORTER, supports=lukasz, relationship="partner"
        )
        with pytest.raises(RuleViolation, match=r"Zoë Nowak \(supporter\) has not given consent"):
            conference(uow, case, marcia, lukasz, zoe)
        consents(uow, zoe)
        conference(uow, case, marcia, lukasz, zoe)
        assert case.stage == Stage.AGREEMENT


def test_professionals_and_interpreters_attend_without_consenting(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case, marcia, lukasz = ready_for_conference(uow)
        officer = person(uow, case, "PCSO Dean Marsh", Role.PROFESSIONAL)
        interpreter = person(uow, case, "Agnieszka Wójcik", Role.INTERPRETER)
        conference(uow, case, marcia, lukasz, officer, interpreter)
        with pytest.raises(RuleViolation, match="professionals and interpreters"):
            assessment.give_consent(
                uow, officer, scopes=[ConsentScope.TAKE_PART], given_on=date(2026, 10, 6)
            )


def test_a_young_person_needs_a_parent_or_carer_to_consent_too(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        victim = person(uow, case, "Mohammed Iqbal", Role.HARMED)
        kyle = person(uow, case, "Kyle Brennan", Role.RESPONSIBLE, born=date(2009, 5, 2))
        mum = person(
            uow, case, "Siobhán Brennan", Role.SUPPORTER, supports=kyle, relationship="parent"
        )
        assessed(uow, case)
        consents(uow, victim, kyle, mum)
        with pytest.raises(RuleViolation, match=r"Kyle Brennan .* is under 18 and needs a parent"):
            conference(uow, case, victim, kyle, mum)
        assessment.give_consent(
            uow, kyle, scopes=[ConsentScope.TAKE_PART], given_on=date(2026, 10, 7), given_by=mum
        )
        conference(uow, case, victim, kyle, mum)


def test_only_a_parent_or_carer_supporting_the_young_person_can_consent_for_them(
    vault: Vault,
) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        kyle = person(uow, case, "Kyle Brennan", Role.RESPONSIBLE, born=date(2009, 5, 2))
        friend = person(uow, case, "Jay Cole", Role.SUPPORTER, supports=kyle, relationship="friend")
        with pytest.raises(RuleViolation, match="not recorded as a parent or carer"):
            assessment.give_consent(
                uow,
                kyle,
                scopes=[ConsentScope.TAKE_PART],
                given_on=date(2026, 10, 7),
                given_by=friend,
            )


def test_someone_who_turned_18_before_the_conference_consents_for_themself(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        victim = person(uow, case, "Mohammed Iqbal", Role.HARMED)
        young = person(uow, case, "Kyle Brennan", Role.RESPONSIBLE, born=date(2008, 10, 19))
        assessed(uow, case)
        consents(uow, victim, young)
        conference(uow, case, victim, young, on=date(2026, 10, 20))


def test_withdrawn_consent_blocks_a_conference_from_that_day_on(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case, marcia, lukasz = ready_for_conference(uow)
        assessment.withdraw_consent(
            uow, lukasz, withdrawn_on=date(2026, 10, 15), note="changed mind"
        )
        with pytest.raises(
            RuleViolation, match=r"Łukasz Nowak .* withdrew consent to take part on 15 Oct"
        ):
            conference(uow, case, marcia, lukasz, on=date(2026, 10, 16))
        # A conference that happened before the withdrawal can still be written up afterwards.
        conference(uow, case, marcia, lukasz, on=date(2026, 10, 14))


def test_withdrawing_consent_that_was_never_given_is_refused(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        marcia = person(uow, case, "Marcia Bennett", Role.BOTH)
        with pytest.raises(RuleViolation, match="no consent in force"):
            assessment.withdraw_consent(uow, marcia, withdrawn_on=date(2026, 10, 15))


def test_a_conference_needs_a_harmed_and_a_responsible_party_present(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case, marcia, _ = ready_for_conference(uow)
        with pytest.raises(RuleViolation, match="needs a harmed and a responsible party"):
            conference(uow, case, marcia)


def test_shuttle_work_needs_consent_too(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        marcia = person(uow, case, "Marcia Bennett", Role.BOTH)
        assessed(uow, case)
        with pytest.raises(RuleViolation, match=r"Marcia Bennett .* has not given consent"):
            contacts.record_contact(
                uow,
                case,
                kind=ContactKind.SHUTTLE,
                at=at(date(2026, 10, 20)),
                present=[marcia],
                notes="Passed on Łukasz's message about the gate.",
            )


def test_moving_to_intervention_names_whose_consent_is_missing(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        marcia = person(uow, case, "Marcia Bennett", Role.BOTH)
        person(uow, case, "Łukasz Nowak", Role.BOTH)
        consents(uow, marcia)
        with pytest.raises(RuleViolation) as refused:
            cases.change_stage(uow, case, Stage.INTERVENTION)
        message = str(refused.value)
        assert "no completed risk assessment" in message
        assert "Łukasz Nowak (harmed and responsible) has not given consent" in message
        assert "Marcia" not in message
        assessed(uow, case)
        consents(uow, case.participants[1])
        cases.change_stage(uow, case, Stage.INTERVENTION)
        assert [c.to_stage for c in case.stage_changes] == [Stage.REFERRAL, Stage.INTERVENTION]


def test_a_case_can_move_back_a_stage_when_things_change(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case, _, lukasz = ready_for_conference(uow)
        cases.change_stage(uow, case, Stage.INTERVENTION)
        assessment.withdraw_consent(uow, lukasz, withdrawn_on=date(2026, 10, 15))
        cases.change_stage(uow, case, Stage.PREPARATION, note="Łukasz withdrew")
        assert case.stage == Stage.PREPARATION


def test_skipping_to_follow_up_without_a_signed_agreement_is_refused(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case, marcia, lukasz = ready_for_conference(uow)
        conference(uow, case, marcia, lukasz)
        with pytest.raises(RuleViolation, match="no outcome agreement has been signed"):
            cases.change_stage(uow, case, Stage.FOLLOW_UP)


def test_a_case_completes_only_after_the_work_but_can_close_early_for_a_reason(
    vault: Vault,
) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        with pytest.raises(RuleViolation, match="completed only after a conference"):
            cases.close_case(uow, case, ClosureReason.COMPLETED)
        cases.close_case(uow, case, ClosureReason.DECLINED, note="Harmed party declined RJ")
        assert case.stage == Stage.CLOSED
        assert case.closure_reason == ClosureReason.DECLINED


def test_a_closed_case_takes_no_more_work(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        cases.close_case(uow, case, ClosureReason.NO_CONTACT)
        with pytest.raises(RuleViolation, match="is closed"):
            person(uow, case, "Marcia Bennett", Role.BOTH)
        with pytest.raises(RuleViolation, match="is closed"):
            cases.change_stage(uow, case, Stage.ASSESSMENT)


def test_a_refused_change_leaves_nothing_half_saved(vault: Vault) -> None:
    from rjdesk.services import queries

    with pytest.raises(RuleViolation), vault.unit_of_work() as uow:
        case = referral(uow)
        a = person(uow, case, "Marcia Bennett", Role.BOTH)
        b = person(uow, case, "Łukasz Nowak", Role.BOTH)
        conference(uow, case, a, b)
    with vault.reader() as session:
        assert queries.count_cases(session) == 0
