"""rjdesk.app.risk: risk assessments, consent and safeguarding over a real vault."""

from __future__ import annotations

from datetime import date

import pytest

from rjdesk.app import risk
from rjdesk.app.cases import open_case
from rjdesk.app.views import CaseView
from rjdesk.services import cases
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import (
    ClosureReason,
    ConsentScope,
    Flag,
    RiskLevel,
    Role,
    SafeguardingKind,
)
from rjdesk_protocol.errors import NotFound, RuleViolation, ValidationError
from tests.conftest import FACILITATOR, TODAY
from tests.services.builders import person, referral

BORN_2012 = date(2012, 3, 4)  # 14 on TODAY


@pytest.fixture
def family(vault: Vault) -> dict[str, str]:
    """A case with an adult harmed, a 14-year-old responsible, his mother, a family friend
    supporting him and a police officer: their ids by first name, and the case's."""
    with vault.unit_of_work() as uow:
        case = referral(uow)
        mohammed = person(uow, case, "Mohammed Iqbal", Role.HARMED)
        kyle = person(uow, case, "Kyle Brennan", Role.RESPONSIBLE, born=BORN_2012)
        siobhan = person(
            uow, case, "Siobhán Brennan", Role.SUPPORTER, supports=kyle, relationship="mother"
        )
        dean = person(
            uow, case, "Dean Walsh", Role.SUPPORTER, supports=kyle, relationship="family friend"
        )
        priya = person(uow, case, "Priya Sandhu", Role.PROFESSIONAL)
        return {
            "case": case.id,
            "mohammed": mohammed.id,
            "kyle": kyle.id,
            "siobhan": siobhan.id,
            "dean": dean.id,
            "priya": priya.id,
        }


def reread(vault: Vault, case_id: str) -> CaseView:
    return open_case(vault, case_id, TODAY, viewed=False).case


def test_a_risk_assessment_is_recorded_and_sets_the_case_level(
    vault: Vault, family: dict[str, str]
) -> None:
    recorded = risk.record_risk_assessment(
        vault,
        family["case"],
        assessed_on=date(2026, 11, 18),
        level=RiskLevel.MEDIUM,
        factors=["  Admitted the offence ", "", "Victim asked to meet"],
        notes=" Neutral venue. ",
    )
    assert recorded.level == RiskLevel.MEDIUM
    assert recorded.factors == ("Admitted the offence", "Victim asked to meet")
    assert recorded.notes == "Neutral venue."
    assert recorded.assessed_by == FACILITATOR
    assert recorded.created_at is not None
    case = reread(vault, family["case"])
    assert [ra.id for ra in case.risk_assessments] == [recorded.id]
    assert case.risk_level == RiskLevel.MEDIUM


def test_a_risk_assessment_in_the_future_is_refused_and_nothing_is_saved(
    vault: Vault, family: dict[str, str]
) -> None:
    with pytest.raises(ValidationError, match="is in the future") as refused:
        risk.record_risk_assessment(
            vault,
            family["case"],
            assessed_on=date(2026, 11, 21),
            level=RiskLevel.LOW,
            factors=["No history of violence"],
        )
    assert refused.value.field == "assessed_on"
    assert reread(vault, family["case"]).risk_assessments == ()


def test_an_adult_consents_for_himself(vault: Vault, family: dict[str, str]) -> None:
    mohammed = risk.give_consent(
        vault,
        family["case"],
        family["mohammed"],
        scopes=[ConsentScope.TAKE_PART, ConsentScope.SHARE_WITH_OTHER_PARTY],
        given_on=TODAY,
    )
    assert mohammed.name == "Mohammed Iqbal"
    assert sorted(c.scope for c in mohammed.consents) == [
        ConsentScope.SHARE_WITH_OTHER_PARTY,
        ConsentScope.TAKE_PART,
    ]
    assert all(c.given_by is None and c.in_force_on(TODAY) for c in mohammed.consents)
    saved = reread(vault, family["case"]).participant(family["mohammed"])
    assert len(saved.consents) == 2


def test_a_mother_consents_for_her_son(vault: Vault, family: dict[str, str]) -> None:
    kyle = risk.give_consent(
        vault,
        family["case"],
        family["kyle"],
        scopes=[ConsentScope.TAKE_PART],
        given_on=TODAY,
        given_by_id=family["siobhan"],
    )
    (consent,) = kyle.consents
    assert consent.given_by_id == family["siobhan"]
    assert consent.given_by is not None and consent.given_by.name == "Siobhán Brennan"


def test_consent_for_a_child_from_someone_not_their_parent_or_carer_is_refused(
    vault: Vault, family: dict[str, str]
) -> None:
    with pytest.raises(RuleViolation, match="not recorded as a parent or carer supporting"):
        risk.give_consent(
            vault,
            family["case"],
            family["kyle"],
            scopes=[ConsentScope.TAKE_PART],
            given_on=TODAY,
            given_by_id=family["dean"],
        )
    with pytest.raises(RuleViolation, match="Mohammed Iqbal"):
        risk.give_consent(
            vault,
            family["case"],
            family["kyle"],
            scopes=[ConsentScope.TAKE_PART],
            given_on=TODAY,
            given_by_id=family["mohammed"],
        )
    assert reread(vault, family["case"]).participant(family["kyle"]).consents == ()


def test_a_professional_does_not_consent(vault: Vault, family: dict[str, str]) -> None:
    with pytest.raises(RuleViolation, match="professionals and interpreters attend"):
        risk.give_consent(
            vault,
            family["case"],
            family["priya"],
            scopes=[ConsentScope.TAKE_PART],
            given_on=TODAY,
        )


def test_consent_needs_a_scope_and_a_day_not_in_the_future(
    vault: Vault, family: dict[str, str]
) -> None:
    with pytest.raises(ValidationError, match="name at least one thing consented to"):
        risk.give_consent(vault, family["case"], family["mohammed"], scopes=[], given_on=TODAY)
    with pytest.raises(ValidationError, match="is in the future"):
        risk.give_consent(
            vault,
            family["case"],
            family["mohammed"],
            scopes=[ConsentScope.TAKE_PART],
            given_on=date(2026, 11, 21),
        )


def test_someone_no_longer_in_the_case_is_not_found(vault: Vault, family: dict[str, str]) -> None:
    with pytest.raises(NotFound, match="no longer part of"):
        risk.give_consent(
            vault,
            family["case"],
            "no-such-person",
            scopes=[ConsentScope.TAKE_PART],
            given_on=TODAY,
        )
    with pytest.raises(NotFound, match="no case"):
        risk.give_consent(
            vault,
            "RJ-00-NOPE-0000",
            family["mohammed"],
            scopes=[ConsentScope.TAKE_PART],
            given_on=TODAY,
        )


def test_a_closed_case_takes_no_consent(vault: Vault, family: dict[str, str]) -> None:
    with vault.unit_of_work() as uow:
        cases.close_case(uow, cases.load_case(uow.session, family["case"]), ClosureReason.DECLINED)
    with pytest.raises(RuleViolation, match="is closed"):
        risk.give_consent(
            vault,
            family["case"],
            family["mohammed"],
            scopes=[ConsentScope.TAKE_PART],
            given_on=TODAY,
        )


def test_withdrawing_consent_keeps_the_note_and_the_day(
    vault: Vault, family: dict[str, str]
) -> None:
    risk.give_consent(
        vault,
        family["case"],
        family["mohammed"],
        scopes=list(ConsentScope),
        given_on=date(2026, 11, 2),
    )
    mohammed = risk.withdraw_consent(
        vault,
        family["case"],
        family["mohammed"],
        withdrawn_on=TODAY,
        scopes=[ConsentScope.TAKE_PART],
        note=" Rang to say he will not come. ",
    )
    by_scope = {c.scope: c for c in mohammed.consents}
    assert by_scope[ConsentScope.TAKE_PART].withdrawn_on == TODAY
    assert by_scope[ConsentScope.TAKE_PART].withdrawal_note == "Rang to say he will not come."
    assert by_scope[ConsentScope.FEEDBACK_CONTACT].withdrawn_on is None


def test_withdrawing_what_a_parent_gave_leaves_the_childs_own(
    vault: Vault, family: dict[str, str]
) -> None:
    case_id, kyle = family["case"], family["kyle"]
    risk.give_consent(vault, case_id, kyle, scopes=[ConsentScope.TAKE_PART], given_on=TODAY)
    risk.give_consent(
        vault,
        case_id,
        kyle,
        scopes=[ConsentScope.TAKE_PART],
        given_on=TODAY,
        given_by_id=family["siobhan"],
    )
    after = risk.withdraw_consent(
        vault, case_id, kyle, withdrawn_on=TODAY, given_by_id=family["siobhan"]
    )
    own = next(c for c in after.consents if c.given_by_id is None)
    parents = next(c for c in after.consents if c.given_by_id == family["siobhan"])
    assert own.withdrawn_on is None
    assert parents.withdrawn_on == TODAY


def test_withdrawing_consent_never_given_is_refused(vault: Vault, family: dict[str, str]) -> None:
    with pytest.raises(RuleViolation, match="has no consent in force to withdraw"):
        risk.withdraw_consent(vault, family["case"], family["mohammed"], withdrawn_on=TODAY)


def test_a_safeguarding_concern_is_recorded_and_flags_the_case(
    vault: Vault, family: dict[str, str]
) -> None:
    concern = risk.record_safeguarding_concern(
        vault,
        family["case"],
        kind=SafeguardingKind.CHILD,
        concern=" Kyle said he is afraid to go home. ",
        action_taken="Passed to the safeguarding lead the same day.",
        passed_to="Sam Okoro",
        participant_id=family["kyle"],
    )
    assert concern.kind == SafeguardingKind.CHILD
    assert concern.concern == "Kyle said he is afraid to go home."
    assert concern.participant_id == family["kyle"]
    assert concern.recorded_by == FACILITATOR
    case = reread(vault, family["case"])
    assert [s.id for s in case.safeguarding] == [concern.id]
    assert Flag.SAFEGUARDING_CHILD in case.flags


def test_a_safeguarding_concern_needs_what_was_done(vault: Vault, family: dict[str, str]) -> None:
    with pytest.raises(ValidationError, match="describe the concern"):
        risk.record_safeguarding_concern(
            vault, family["case"], kind=SafeguardingKind.ADULT, concern=" ", action_taken="x"
        )
    with pytest.raises(ValidationError, match="record what was done"):
        risk.record_safeguarding_concern(
            vault, family["case"], kind=SafeguardingKind.ADULT, concern="A worry", action_taken=""
        )
    assert reread(vault, family["case"]).safeguarding == ()


def test_a_safeguarding_concern_may_be_recorded_on_a_closed_case(
    vault: Vault, family: dict[str, str]
) -> None:
    with vault.unit_of_work() as uow:
        cases.close_case(uow, cases.load_case(uow.session, family["case"]), ClosureReason.DECLINED)
    risk.record_safeguarding_concern(
        vault,
        family["case"],
        kind=SafeguardingKind.DOMESTIC_ABUSE,
        concern="A disclosure at the closing call.",
        action_taken="Referred to the domestic abuse service.",
    )
    assert len(reread(vault, family["case"]).safeguarding) == 1
