"""Records that must never be rewritten, safeguarding, "seen before" and the Victims' Code."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from rjdesk.services import agreements, assessment, contacts, people, queries
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import (
    ActionStatus,
    AgreementStatus,
    ContactKind,
    Flag,
    Role,
    SafeguardingKind,
    SignatureMethod,
    Stage,
)
from rjdesk_protocol.errors import RuleViolation, ValidationError
from tests.services.builders import at, conference, person, ready_for_conference, referral


def _signed_agreement(vault: Vault) -> str:
    with vault.unit_of_work() as uow:
        case, marcia, lukasz = ready_for_conference(uow)
        conference(uow, case, marcia, lukasz)
        agreement = agreements.draft_agreement(
            uow,
            case,
            summary="Both households agree to keep the peace.",
            review_on=date(2026, 12, 1),
            actions=[
                agreements.ActionInput("No music audible next door after 11pm.", lukasz),
                agreements.ActionInput(
                    "Fit a spring closer to the gate.", lukasz, date(2026, 11, 18)
                ),
            ],
        )
        for signer in (marcia, lukasz, None):
            agreements.sign_agreement(uow, agreement, signer=signer, signed_on=date(2026, 10, 20))
        assert agreement.status == AgreementStatus.SIGNED
        assert case.stage == Stage.FOLLOW_UP
        return case.id


def test_a_saved_contact_note_cannot_be_changed_only_added_to(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        marcia = person(uow, case, "Marcia Bennett", Role.BOTH)
        note = contacts.record_contact(
            uow,
            case,
            kind=ContactKind.PHONE,
            at=at(date(2026, 10, 2), 10),
            present=[marcia],
            notes="Explained RJ. Marcia wants the music to stop after 11pm.",
        )
        contact_id = note.id
    with pytest.raises(IntegrityError, match="add an addendum"), vault.unit_of_work() as uow:
        uow.session.execute(
            text("UPDATE contact SET notes = 'rewritten' WHERE id = :i"), {"i": contact_id}
        )
    with pytest.raises(IntegrityError, match="cannot be deleted"), vault.unit_of_work() as uow:
        uow.session.execute(text("DELETE FROM contact WHERE id = :i"), {"i": contact_id})
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case.id)
        contacts.add_addendum(uow, case.contacts[0], "Correction: after 10.30pm on weeknights.")
    with vault.reader() as session:
        saved = load_case(session, case.id).contacts[0]
        assert saved.notes == "Explained RJ. Marcia wants the music to stop after 11pm."
        assert saved.author == "Alex Morgan"
        assert [a.text for a in saved.addenda] == ["Correction: after 10.30pm on weeknights."]
        assert saved.addenda[0].written_at > saved.at


def test_a_signed_agreement_is_frozen_and_a_change_makes_a_new_version(vault: Vault) -> None:
    case_id = _signed_agreement(vault)
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        signed = case.agreements[0]
        with pytest.raises(RuleViolation, match="signed and cannot be changed"):
            agreements.update_draft(uow, signed, summary="quietly edited")
    with pytest.raises(IntegrityError, match="make a new version"), vault.unit_of_work() as uow:
        uow.session.execute(text("UPDATE agreement_action SET description = 'edited'"))
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        draft = agreements.new_version(uow, case)
        agreements.update_draft(
            uow,
            draft,
            actions=[
                *[agreements.ActionInput(a.description, a.owner, a.due_on) for a in draft.actions],
                agreements.ActionInput("Keep bins off the shared path.", case.participants[0]),
            ],
        )
        assert draft.version == 2
        assert case.agreements[0].status == AgreementStatus.SIGNED, (
            "v1 is in force until v2 is signed"
        )
        for signer in (*case.participants, None):
            agreements.sign_agreement(uow, draft, signer=signer, signed_on=date(2026, 11, 2))
    with vault.reader() as session:
        case = load_case(session, case_id)
        assert [(a.version, a.status) for a in case.agreements] == [
            (1, AgreementStatus.SUPERSEDED),
            (2, AgreementStatus.SIGNED),
        ]
        assert [a.description for a in case.agreements[0].actions] == [
            "No music audible next door after 11pm.",
            "Fit a spring closer to the gate.",
        ]


def test_a_draft_someone_signed_cannot_be_changed_under_them(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case, marcia, lukasz = ready_for_conference(uow)
        conference(uow, case, marcia, lukasz)
        draft = agreements.draft_agreement(
            uow, case, actions=[agreements.ActionInput("Say hello.", marcia)]
        )
        agreements.sign_agreement(uow, draft, signer=marcia, signed_on=date(2026, 10, 20))
        with pytest.raises(RuleViolation, match="already signed this draft"):
            agreements.update_draft(uow, draft, summary="changed after Marcia signed")


def test_signing_needs_the_signers_consent_and_a_captured_image(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case, marcia, lukasz = ready_for_conference(uow)
        officer = person(uow, case, "PCSO Dean Marsh", Role.PROFESSIONAL)
        conference(uow, case, marcia, lukasz)
        draft = agreements.draft_agreement(
            uow, case, actions=[agreements.ActionInput("Say hello.", marcia)]
        )
        assessment.withdraw_consent(uow, lukasz, withdrawn_on=date(2026, 10, 21))
        with pytest.raises(RuleViolation, match="withdrew consent"):
            agreements.sign_agreement(uow, draft, signer=lukasz, signed_on=date(2026, 10, 22))
        with pytest.raises(RuleViolation, match="does not sign"):
            agreements.sign_agreement(uow, draft, signer=officer, signed_on=date(2026, 10, 20))
        with pytest.raises(ValidationError, match="needs its image"):
            agreements.sign_agreement(
                uow,
                draft,
                signer=marcia,
                signed_on=date(2026, 10, 20),
                method=SignatureMethod.CAPTURED,
            )


def test_actions_are_followed_up_on_the_signed_agreement(vault: Vault) -> None:
    case_id = _signed_agreement(vault)
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        gate = case.agreements[0].actions[1]
        agreements.check_action(
            uow,
            gate,
            status=ActionStatus.DONE,
            checked_on=date(2026, 11, 19),
            note="Closer fitted, checked on a visit.",
        )
    with vault.reader() as session:
        action = load_case(session, case_id).agreements[0].actions[1]
        assert (action.status, action.checked_on) == (ActionStatus.DONE, date(2026, 11, 19))


def test_a_safeguarding_concern_is_its_own_entry_and_flags_the_case(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        child = person(uow, case, "Kyle Brennan", Role.RESPONSIBLE, born=date(2012, 3, 1))
        with pytest.raises(ValidationError, match="record what was done"):
            assessment.record_safeguarding_concern(
                uow,
                case,
                kind=SafeguardingKind.CHILD,
                concern="Disclosed harm at home.",
                action_taken="",
                participant=child,
            )
        assessment.record_safeguarding_concern(
            uow,
            case,
            kind=SafeguardingKind.CHILD,
            concern="Disclosed harm at home.",
            action_taken="Passed to the safeguarding lead the same day.",
            passed_to="Safeguarding lead",
            participant=child,
        )
        assert Flag.SAFEGUARDING_CHILD in case.flags
        assert len(case.safeguarding) == 1


def test_someone_seen_in_an_earlier_case_is_found_but_not_on_the_name_alone(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        earlier = referral(uow)
        person(
            uow,
            earlier,
            "Łukasz Nowak",
            Role.RESPONSIBLE,
            born=date(1988, 11, 21),
            address="16 Farnborough Road, Birmingham B35 7NL",
        )
        person(uow, earlier, "John Smith", Role.HARMED, phone="07700 900100")
    with vault.unit_of_work() as uow:
        later = referral(uow)
        # Same person, typed differently: found, and the case is flagged a repeat referral.
        _, matches = people.add_participant(
            uow,
            later,
            people.PersonDetails(name="lukasz  NOWAK", date_of_birth=date(1988, 11, 21)),
            Role.HARMED,
        )
        assert [(m.case_reference, m.matched_on) for m in matches] == [
            (earlier.reference, "date of birth")
        ]
        assert Flag.REPEAT_REFERRAL in later.flags
        # A different John Smith: same common name, nothing else in common: not a match.
        _, matches = people.add_participant(
            uow,
            later,
            people.PersonDetails(name="John Smith", phone="07700 900999"),
            Role.RESPONSIBLE,
        )
        assert matches == []
        # Someone new at the same address: the address is reported, the person is not matched.
        _, matches = people.add_participant(
            uow,
            later,
            people.PersonDetails(name="Ewa Kowalska", address="16 Farnborough Rd, B35 7NL"),
            Role.SUPPORTER,
            supports=later.participants[0],
            relationship="neighbour",
        )
        assert [(m.name, m.matched_on) for m in matches] == [("Łukasz Nowak", "address")]


def test_a_regular_youth_justice_worker_is_not_a_revolving_door(vault: Vault) -> None:
    worker = people.PersonDetails(name="Priya Sandhu", phone="0121 496 0456")
    with vault.unit_of_work() as uow:
        first = referral(uow)
        people.add_participant(uow, first, worker, Role.PROFESSIONAL, organisation="Youth Justice")
    with vault.unit_of_work() as uow:
        second = referral(uow)
        _, matches = people.add_participant(uow, second, worker, Role.PROFESSIONAL)
        assert matches == []
        assert Flag.REPEAT_REFERRAL not in second.flags


def test_the_case_list_flags_a_victims_code_breach_after_five_working_days(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)  # received Thursday 1 October 2026: deadline Thursday 8 October
        person(uow, case, "Marcia Bennett", Role.HARMED)
    with vault.reader() as session:
        on_the_day = queries.list_cases(session, today=date(2026, 10, 8))[0]
        after = queries.list_cases(session, today=date(2026, 10, 9))[0]
    assert not on_the_day.victims_code_breach
    assert on_the_day.next_due == date(2026, 10, 8)
    assert after.victims_code_breach


def test_rj_information_is_recorded_only_for_harmed_people(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        responsible = person(uow, case, "Kyle Brennan", Role.RESPONSIBLE)
        with pytest.raises(RuleViolation, match="not a harmed person"):
            people.record_rj_information(uow, responsible, date(2026, 10, 2))


def test_a_new_reference_never_repeats_one_imported_into_the_vault(vault: Vault) -> None:
    from rjdesk.services import cases
    from rjdesk_protocol.references import format_reference
    from tests.services.builders import RECEIVED

    mine = [format_reference(2026, vault.device_code, n) for n in (1, 2, 3)]
    with vault.unit_of_work() as uow:
        first = referral(uow)
        # A case exported from this vault and imported again keeps its reference: number 2.
        cases.create_case(
            uow,
            cases.Referral(
                case_type=first.case_type,
                received_on=RECEIVED,
                source=first.source,
                channel=first.channel,
            ),
            reference=mine[1],
        )
        later = referral(uow)
    assert (first.reference, later.reference) == (mine[0], mine[2])


def test_a_loaded_case_can_be_read_after_its_session_has_closed(vault: Vault) -> None:
    """The window loads a case on a worker thread and shows it after the session is gone."""
    _signed_agreement(vault)
    with vault.reader() as session:
        reference = session.scalars(text("SELECT reference FROM case_file")).one()
        case = load_case(session, reference)
    assert [p.name for p in case.participants] == ["Marcia Bennett", "Łukasz Nowak"]
    agreement = case.agreements[0]
    assert [a.owner.name for a in agreement.actions if a.owner] == ["Łukasz Nowak"] * 2
    assert {s.participant.name for s in agreement.signatures if s.participant} == {
        "Marcia Bennett",
        "Łukasz Nowak",
    }
    assert all(c.given_by is None for p in case.participants for c in p.consents)
    assert [len(c.present) for c in case.contacts] == [2]
