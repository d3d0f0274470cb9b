"""The people of a case through the application layer, over a real vault: adding, editing,
the Victims' Code's RJ information, removing, and who has been seen before."""

from __future__ import annotations

from datetime import date

import pytest

from rjdesk.app import people
from rjdesk.app.cases import open_case
from rjdesk.app.people import PersonDetails
from rjdesk.app.views import CaseView
from rjdesk.services import importer
from rjdesk.services.cases import close_case, load_case
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import ClosureReason, Flag, Role
from rjdesk_protocol.errors import NotFound, RuleViolation, ValidationError
from tests.conftest import HATE_CRIME, NEIGHBOUR_DISPUTE, TODAY


@pytest.fixture
def neighbour_case(vault: Vault) -> str:
    """The neighbour dispute example: everyone in it is part of its records."""
    with vault.unit_of_work() as uow:
        return importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).id


@pytest.fixture
def hate_crime_case(vault: Vault) -> str:
    """The early hate-crime example: Mohammed Iqbal is recorded nowhere yet."""
    with vault.unit_of_work() as uow:
        return importer.import_case(uow, HATE_CRIME.read_bytes()).id


def case_of(vault: Vault, case_id: str) -> CaseView:
    return open_case(vault, case_id, TODAY, viewed=False).case


def someone(case: CaseView, name: str) -> str:
    return next(p.id for p in case.participants if p.name == name)


def close(vault: Vault, case_id: str) -> None:
    with vault.unit_of_work() as uow:
        close_case(uow, load_case(uow.session, case_id), ClosureReason.DECLINED)


def test_a_supporter_is_added_beside_the_person_they_support(
    vault: Vault, neighbour_case: str
) -> None:
    marcia = someone(case_of(vault, neighbour_case), "Marcia Bennett")

    added = people.add_participant(
        vault, neighbour_case, PersonDetails(name="Grace  Okafor", phone="07700 900999"),
        Role.SUPPORTER, supports_id=marcia, relationship="friend",
    )  # fmt: skip

    grace = case_of(vault, neighbour_case).participant(added.participant_id)
    assert grace.name == "Grace Okafor"
    assert grace.supports is not None and grace.supports.id == marcia
    assert grace.relationship_to_supported == "friend"
    assert grace.person.phone == "07700 900999"
    assert added.seen_before == ()


def test_adding_a_supporter_of_nobody_is_refused(vault: Vault, neighbour_case: str) -> None:
    with pytest.raises(RuleViolation, match="a supporter supports a harmed or responsible"):
        people.add_participant(
            vault, neighbour_case, PersonDetails(name="Grace Okafor"), Role.SUPPORTER
        )
    with pytest.raises(NotFound, match="no longer part of RJ-"):
        people.add_participant(
            vault, neighbour_case, PersonDetails(name="Grace Okafor"), Role.SUPPORTER,
            supports_id="not-a-participant",
        )  # fmt: skip
    assert len(case_of(vault, neighbour_case).participants) == 3


def test_someone_seen_before_is_told_and_flags_a_repeat_referral(
    vault: Vault, neighbour_case: str, hate_crime_case: str
) -> None:
    earlier = case_of(vault, neighbour_case).reference

    added = people.add_participant(
        vault, hate_crime_case,
        PersonDetails(name="Marcia Bennett", date_of_birth=date(1971, 3, 9)), Role.HARMED,
    )  # fmt: skip

    assert [(m.case_reference, m.matched_on) for m in added.seen_before] == [
        (earlier, "date of birth")
    ]
    assert Flag.REPEAT_REFERRAL in case_of(vault, hate_crime_case).flags
    seen = people.seen_before(vault, hate_crime_case)
    assert [m.case_id for m in seen[added.participant_id]] == [neighbour_case]


def test_adding_to_a_closed_case_is_refused(vault: Vault, hate_crime_case: str) -> None:
    close(vault, hate_crime_case)
    with pytest.raises(RuleViolation, match="is closed"):
        people.add_participant(vault, hate_crime_case, PersonDetails(name="Amir Khan"), Role.HARMED)


def test_details_are_updated_and_checked(vault: Vault, neighbour_case: str) -> None:
    zoe = someone(case_of(vault, neighbour_case), "Zoë Nowak")

    people.update_person(
        vault, neighbour_case, zoe,
        PersonDetails(name="Zoë Nowak", phone="07700 900111", language="en", interpreter=True),
    )  # fmt: skip

    person = case_of(vault, neighbour_case).participant(zoe).person
    assert (person.phone, person.language, person.interpreter) == ("07700 900111", "en", True)
    with pytest.raises(ValidationError, match="a name is needed"):
        people.update_person(vault, neighbour_case, zoe, PersonDetails(name="  "))
    with pytest.raises(ValidationError, match="is in the future"):
        people.update_person(
            vault, neighbour_case, zoe,
            PersonDetails(name="Zoë Nowak", date_of_birth=date(2027, 1, 1)),
        )  # fmt: skip
    assert case_of(vault, neighbour_case).participant(zoe).person.phone == "07700 900111"


def test_rj_information_is_for_harmed_people_and_not_in_the_future(
    vault: Vault, hate_crime_case: str
) -> None:
    case = case_of(vault, hate_crime_case)
    mohammed, kyle = someone(case, "Mohammed Iqbal"), someone(case, "Kyle Brennan")

    people.record_rj_information(vault, hate_crime_case, mohammed, date(2026, 11, 16))

    case = case_of(vault, hate_crime_case)
    assert case.participant(mohammed).rj_information_given_on == date(2026, 11, 16)
    assert not case.victims_code_breached
    with pytest.raises(RuleViolation, match="is not a harmed person"):
        people.record_rj_information(vault, hate_crime_case, kyle, date(2026, 11, 16))
    with pytest.raises(ValidationError, match="is in the future"):
        people.record_rj_information(vault, hate_crime_case, mohammed, date(2026, 11, 21))


def test_someone_the_records_need_may_not_be_removed(vault: Vault, neighbour_case: str) -> None:
    marcia = someone(case_of(vault, neighbour_case), "Marcia Bennett")

    refusal = people.removal_refusal(vault, neighbour_case, marcia)

    assert isinstance(refusal, RuleViolation)
    assert str(refusal) == (
        "Marcia Bennett (harmed and responsible) is part of the case's records and cannot be "
        "removed"
    )
    with pytest.raises(RuleViolation) as refused:
        people.remove_participant(vault, neighbour_case, marcia)
    assert str(refused.value) == str(refusal)
    assert len(case_of(vault, neighbour_case).participants) == 3


def test_someone_added_by_mistake_is_removed(vault: Vault, hate_crime_case: str) -> None:
    mohammed = someone(case_of(vault, hate_crime_case), "Mohammed Iqbal")

    assert people.removal_refusal(vault, hate_crime_case, mohammed) is None
    people.remove_participant(vault, hate_crime_case, mohammed)

    assert "Mohammed Iqbal" not in [p.name for p in case_of(vault, hate_crime_case).participants]
    with pytest.raises(NotFound):
        people.removal_refusal(vault, hate_crime_case, mohammed)


@pytest.mark.parametrize("closed", [False, True], ids=["open", "closed"])
def test_the_removal_question_agrees_with_the_removal(
    vault: Vault, neighbour_case: str, hate_crime_case: str, closed: bool
) -> None:
    """For everyone in both examples, asked one after another as the answers change (a
    supported person may be removed once their supporter is gone)."""
    if closed:
        close(vault, hate_crime_case)
    answers: list[bool] = []
    for case_id in (neighbour_case, hate_crime_case):
        for participant in case_of(vault, case_id).participants:
            refusal = people.removal_refusal(vault, case_id, participant.id)
            if refusal is None:
                people.remove_participant(vault, case_id, participant.id)
                assert participant.id not in {p.id for p in case_of(vault, case_id).participants}
            else:
                with pytest.raises(type(refusal)) as refused:
                    people.remove_participant(vault, case_id, participant.id)
                assert str(refused.value) == str(refusal)
                if closed and case_id == hate_crime_case:
                    assert str(refusal).endswith("is closed")
            answers.append(refusal is None)
    assert len(answers) == 7
    # Neighbour dispute: all three recorded. Hate crime: Kyle is supported by Siobhán and
    # Priya was on a call; Mohammed and Siobhán go.
    assert answers == ([False] * 7 if closed else [False, False, False, True, False, True, False])
