"""New referrals through the application layer, over a real vault: the case and its people in
one unit of work, who was seen before, and the draft of a referral not finished yet."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import func, select

from rjdesk.app import referrals
from rjdesk.app.cases import open_case
from rjdesk.app.referrals import NewPerson, PersonDetails, Referral, ReferralDraft
from rjdesk.domain.models import Case
from rjdesk.services import importer
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import CaseType, Channel, Flag, ReferralSource, Role, Stage
from rjdesk_protocol.errors import RuleViolation, ValidationError
from tests.conftest import NEIGHBOUR_DISPUTE, TODAY

HATE_CRIME_REFERRAL = Referral(
    case_type=CaseType.HATE_CRIME,
    received_on=date(2026, 11, 18),
    source=ReferralSource.POLICE,
    channel=Channel.ONLINE,
    summary="Racially aggravated verbal abuse of a shopkeeper.",
    crime_reference="20/918273/26",
    flags=(Flag.SAFEGUARDING_CHILD,),
)

# The supporter is listed first: the case is made with the person they support all the same.
BRENNANS = (
    NewPerson("w3", PersonDetails(name="Siobhán Brennan"), Role.SUPPORTER, supports="w2",
              relationship="parent"),
    NewPerson("w1", PersonDetails(name="Mohammed Iqbal"), Role.HARMED),
    NewPerson("w2", PersonDetails(name="Kyle Brennan", date_of_birth=date(2009, 5, 2)),
              Role.RESPONSIBLE),
)  # fmt: skip


def case_count(vault: Vault) -> int:
    with vault.reader() as session:
        return int(session.scalar(select(func.count()).select_from(Case)) or 0)


def test_a_case_is_created_with_its_people_in_their_order(vault: Vault) -> None:
    created = referrals.create_case(vault, HATE_CRIME_REFERRAL, BRENNANS)

    case = open_case(vault, created.case_id, TODAY, viewed=False).case
    assert case.reference == created.reference
    assert case.stage == Stage.REFERRAL
    assert case.crime_reference == "20/918273/26"
    assert set(case.flags) == {Flag.HATE_CRIME, Flag.SAFEGUARDING_CHILD}
    assert [p.name for p in case.participants] == [
        "Siobhán Brennan", "Mohammed Iqbal", "Kyle Brennan",
    ]  # fmt: skip
    supporter = case.participants[0]
    assert supporter.supports is case.participants[2]
    assert supporter.relationship_to_supported == "parent"
    assert created.seen_before == ()


def test_someone_seen_before_is_reported_by_name(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        earlier = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).reference
    marcia = NewPerson(
        "w1", PersonDetails(name="Marcia Bennett", date_of_birth=date(1971, 3, 9)), Role.HARMED
    )

    created = referrals.create_case(vault, HATE_CRIME_REFERRAL, [marcia])

    (seen,) = created.seen_before
    assert seen.name == "Marcia Bennett"
    assert [(m.case_reference, m.matched_on) for m in seen.matches] == [(earlier, "date of birth")]


def test_a_refused_person_leaves_no_half_made_case(vault: Vault) -> None:
    orphan = NewPerson("w9", PersonDetails(name="Grace Okafor"), Role.SUPPORTER, supports="w7")
    with pytest.raises(RuleViolation, match="a supporter supports"):
        referrals.create_case(vault, HATE_CRIME_REFERRAL, [*BRENNANS, orphan])
    nameless = NewPerson("w9", PersonDetails(name="   "), Role.HARMED)
    with pytest.raises(ValidationError, match="a name is needed"):
        referrals.create_case(vault, HATE_CRIME_REFERRAL, [nameless])
    assert case_count(vault) == 0


def test_a_refused_referral_saves_nothing(vault: Vault) -> None:
    future = Referral(
        case_type=CaseType.CRIME, received_on=date(2026, 11, 21), source=ReferralSource.SELF,
        channel=Channel.PHONE,
    )  # fmt: skip
    with pytest.raises(ValidationError, match="is in the future"):
        referrals.create_case(vault, future, BRENNANS)
    assert case_count(vault) == 0


# -- the draft ---------------------------------------------------------------------------------

DRAFT = ReferralDraft(
    received_on=date(2026, 11, 18),
    case_type=CaseType.NOISE_NUISANCE,
    channel=Channel.PHONE,
    referrer_name="Tom Allen",
    incident_date=date(2026, 11, 1),
    summary="Dog barking through the night above flat 4.",
    flags=(Flag.NOISE_NUISANCE,),
    people=BRENNANS,
    page=1,
)


def test_a_draft_comes_back_as_it_was_typed() -> None:
    assert ReferralDraft.from_json(DRAFT.to_json()) == DRAFT
    assert DRAFT.typed
    # Choices and dates alone are not worth keeping; a space is not typing.
    assert not ReferralDraft(date(2026, 11, 18), CaseType.CRIME, location=" ").typed


def test_a_damaged_draft_is_ignored() -> None:
    assert ReferralDraft.from_json("{not json") is None
    assert ReferralDraft.from_json(json.dumps({"summary": "no date"})) is None
    assert (
        ReferralDraft.from_json(json.dumps({"received_on": "2026-11-18", "flags": ["x"]})) is None
    )


def test_a_draft_kept_before_issue_12_still_reads() -> None:
    """The JSON the wizard's old draft module wrote, as a vault locked before the upgrade
    holds it."""
    old = json.dumps(
        {
            "texts": {
                "referrerName": "Tom Allen",
                "referrerOrganisation": "",
                "referrerPhone": "",
                "referrerEmail": "",
                "crimeReference": "",
                "location": "Flat 4",
            },
            "summary": "Dog barking.",
            "combos": {"caseType": "noise_nuisance", "source": None, "channel": "phone"},
            "received_on": "2026-11-18",
            "incident_date": None,
            "flags": ["noise_nuisance"],
            "people": [
                {
                    "key": "w1",
                    "details": {
                        "name": "Grace Okafor",
                        "date_of_birth": "1980-02-03",
                        "phone": None,
                        "email": None,
                        "address": None,
                        "language": "pl",
                        "interpreter": True,
                        "access_needs": "",
                    },
                    "role": "harmed",
                    "supports": None,
                    "relationship": None,
                    "organisation": None,
                },
            ],
            "page": 1,
        }
    )

    draft = ReferralDraft.from_json(old)

    assert draft == ReferralDraft(
        received_on=date(2026, 11, 18), case_type=CaseType.NOISE_NUISANCE,
        channel=Channel.PHONE, referrer_name="Tom Allen", location="Flat 4",
        summary="Dog barking.", flags=(Flag.NOISE_NUISANCE,),
        people=(NewPerson("w1", PersonDetails(name="Grace Okafor",
                date_of_birth=date(1980, 2, 3), language="pl", interpreter=True), Role.HARMED),),
        page=1,
    )  # fmt: skip
    assert json.loads(draft.to_json()) == json.loads(old)


def test_a_draft_is_kept_in_the_vault_until_discarded(vault: Vault) -> None:
    assert referrals.load_draft(vault) is None

    referrals.save_draft(vault, DRAFT)
    assert referrals.load_draft(vault) == DRAFT

    referrals.save_draft(vault, ReferralDraft(date(2026, 11, 18), CaseType.CRIME))
    assert referrals.load_draft(vault) is None  # nothing typed: nothing kept

    referrals.save_draft(vault, DRAFT)
    referrals.discard_draft(vault)
    assert referrals.load_draft(vault) is None
