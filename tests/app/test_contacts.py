"""rjdesk.app.contacts: contact notes and their addenda over a real vault."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from rjdesk.app import contacts
from rjdesk.app.cases import open_case
from rjdesk.app.views import CaseView
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import ContactKind, Role, Stage
from rjdesk_protocol.errors import NotFound, RuleViolation, ValidationError
from tests.conftest import FACILITATOR, TODAY
from tests.services.builders import at, person, ready_for_conference, referral


@pytest.fixture
def neighbours(vault: Vault) -> dict[str, str]:
    """A neighbour dispute assessed, both households consenting: ids by first name."""
    with vault.unit_of_work() as uow:
        case, marcia, lukasz = ready_for_conference(uow)
        return {"case": case.id, "marcia": marcia.id, "lukasz": lukasz.id}


def reread(vault: Vault, case_id: str) -> CaseView:
    return open_case(vault, case_id, TODAY, viewed=False).case


def test_a_phone_call_is_saved_with_who_was_there(vault: Vault, neighbours: dict[str, str]) -> None:
    contact = contacts.record_contact(
        vault,
        neighbours["case"],
        kind=ContactKind.PHONE,
        at=at(date(2026, 10, 23), 14),
        present_ids=[neighbours["marcia"]],
        notes=" Marcia asked about the gate closer. ",
        next_steps="Check at the follow-up call.",
        location="By phone",
    )
    assert contact.kind == ContactKind.PHONE
    assert contact.at == datetime(2026, 10, 23, 13, tzinfo=UTC)  # summer time in London
    assert [p.name for p in contact.present] == ["Marcia Bennett"]
    assert contact.notes == "Marcia asked about the gate closer."
    assert contact.author == FACILITATOR
    assert contact.addenda == ()
    case = reread(vault, neighbours["case"])
    assert [c.id for c in case.contacts] == [contact.id]
    assert case.stage != Stage.AGREEMENT  # a phone call is not an intervention


def test_a_conference_moves_the_case_to_the_agreement_stage(
    vault: Vault, neighbours: dict[str, str]
) -> None:
    contacts.record_contact(
        vault,
        neighbours["case"],
        kind=ContactKind.CONFERENCE,
        at=at(date(2026, 10, 20)),
        present_ids=[neighbours["marcia"], neighbours["lukasz"]],
        notes="Both spoke about the last months; apologies given.",
    )
    assert reread(vault, neighbours["case"]).stage == Stage.AGREEMENT


def test_a_contact_in_the_future_is_refused(vault: Vault, neighbours: dict[str, str]) -> None:
    with pytest.raises(ValidationError, match="is in the future") as refused:
        contacts.record_contact(
            vault,
            neighbours["case"],
            kind=ContactKind.PHONE,
            at=at(date(2026, 11, 21), 9),
            present_ids=[],
            notes="Not yet happened.",
        )
    assert refused.value.field == "at"
    assert reread(vault, neighbours["case"]).contacts == ()


def test_a_contact_before_the_referral_or_without_notes_is_refused(
    vault: Vault, neighbours: dict[str, str]
) -> None:
    with pytest.raises(ValidationError, match="before the referral was received"):
        contacts.record_contact(
            vault,
            neighbours["case"],
            kind=ContactKind.PHONE,
            at=at(date(2026, 9, 1)),
            present_ids=[],
            notes="Too early.",
        )
    with pytest.raises(ValidationError, match="write what happened"):
        contacts.record_contact(
            vault,
            neighbours["case"],
            kind=ContactKind.PHONE,
            at=at(date(2026, 10, 23)),
            present_ids=[],
            notes="  ",
        )
    assert reread(vault, neighbours["case"]).contacts == ()


def test_a_conference_without_consent_is_refused_naming_who(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        marcia = person(uow, case, "Marcia Bennett", Role.BOTH)
        case_id, marcia_id = case.id, marcia.id
    with pytest.raises(RuleViolation, match="cannot record the conference") as refused:
        contacts.record_contact(
            vault,
            case_id,
            kind=ContactKind.CONFERENCE,
            at=at(date(2026, 10, 20)),
            present_ids=[marcia_id],
            notes="Met at the community centre.",
        )
    assert "Marcia Bennett" in str(refused.value)
    case_view = reread(vault, case_id)
    assert case_view.contacts == ()
    assert case_view.stage != Stage.AGREEMENT


def test_someone_not_in_the_case_cannot_be_present(
    vault: Vault, neighbours: dict[str, str]
) -> None:
    with pytest.raises(NotFound, match="no longer part of"):
        contacts.record_contact(
            vault,
            neighbours["case"],
            kind=ContactKind.PHONE,
            at=at(date(2026, 10, 23)),
            present_ids=["no-such-person"],
            notes="A call.",
        )


def test_an_addendum_keeps_the_original_note(vault: Vault, neighbours: dict[str, str]) -> None:
    contact = contacts.record_contact(
        vault,
        neighbours["case"],
        kind=ContactKind.PHONE,
        at=at(date(2026, 10, 23)),
        present_ids=[neighbours["lukasz"]],
        notes="Spoke about the music.",
    )
    amended = contacts.add_addendum(
        vault, neighbours["case"], contact.id, " He has moved the speakers. "
    )
    assert amended.id == contact.id
    assert amended.notes == "Spoke about the music."
    (addendum,) = amended.addenda
    assert addendum.text == "He has moved the speakers."
    assert addendum.author == FACILITATOR
    assert addendum.written_at.astimezone(UTC).date() == TODAY
    saved = reread(vault, neighbours["case"]).contacts[0]
    assert [a.text for a in saved.addenda] == ["He has moved the speakers."]


def test_an_empty_addendum_is_refused(vault: Vault, neighbours: dict[str, str]) -> None:
    contact = contacts.record_contact(
        vault,
        neighbours["case"],
        kind=ContactKind.PHONE,
        at=at(date(2026, 10, 23)),
        present_ids=[],
        notes="A call.",
    )
    with pytest.raises(ValidationError, match="write the addendum"):
        contacts.add_addendum(vault, neighbours["case"], contact.id, "   ")
    with pytest.raises(NotFound, match="that contact is not part of"):
        contacts.add_addendum(vault, neighbours["case"], "no-such-contact", "More.")
    assert reread(vault, neighbours["case"]).contacts[0].addenda == ()
