"""Hand-made facts for the returns tests: each case's days are written out, so the figures the
tests expect can be worked out on paper (tests/hub/returns/test_engine.py says how)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from rjdesk_hub.returns.facts import CaseFacts, ContactFacts, Facts, PersonFacts


def case(case_id: str, received_on: date, **facts: Any) -> CaseFacts:
    """A case received on ``received_on`` that got no further, unless ``facts`` say so."""
    blank = CaseFacts(
        case_id=case_id,
        case_type="crime",
        source="police",
        channel="phone",
        origin="facilitator",
        hate_crime=False,
        received_on=received_on,
        victims_code_due_on=None,
        victims_code_informed_on=None,
        first_contact_attempted_on=None,
        first_contact_made_on=None,
        assessed_on=None,
        intervention_on=None,
        intervention_type=None,
        direct=None,
        started_by=None,
        justice_stage=None,
        stage="referral",
        stage_reached="referral",
        closed_on=None,
        closure_reason=None,
        agreements_signed=0,
        actions_agreed=0,
        actions_done=0,
        actions_not_done=0,
        partner_id=None,
    )
    return replace(blank, **facts)


def person(case_id: str, participant_id: str, role: str, **facts: Any) -> PersonFacts:
    """A participant who answered nothing, unless ``facts`` say so."""
    blank = PersonFacts(
        case_id=case_id,
        participant_id=participant_id,
        role=role,
        age_band=None,
        sex=None,
        gender_same_as_sex=None,
        sexual_orientation=None,
        ethnicity=None,
        ethnic_group=None,
        disability=None,
        religion=None,
        end_given_on=None,
        end_satisfaction=None,
        end_coping=None,
        end_feels_safer=None,
        end_would_recommend=None,
        follow_up_given_on=None,
        follow_up_satisfaction=None,
        follow_up_coping=None,
        follow_up_feels_safer=None,
        follow_up_would_recommend=None,
    )
    return replace(blank, **facts)


D = date
OCT_5, NOV_2, DEC_1 = D(2026, 10, 5), D(2026, 11, 2), D(2026, 12, 1)
CHRISTMAS = D(2026, 12, 25)  # a Friday and a bank holiday; Monday 28 December is one too


def quarter_three() -> Facts:
    """The cases of 2026-27 Q3 (1 October to 31 December 2026) and either side of it.

    - c1-c8: police, by phone, crime, received Monday 5 October; Victims' Code due Monday
      12 October; c1-c5 told on 8 October, c6 on 14 October, c7 on 13 October, c8 never;
      first contact Friday 9 October. c1-c5 met in conference on 10 November, signed an
      agreement of 3 actions (c1-c4 did all 3, c5 did 2) and closed completed on 1, 5, 10, 15
      and 18 December. c6 declined and closed on 20 November. c7 closed completed on
      15 January 2027 (next quarter). c1 was worked by two laptops: its facts come twice.
    - c9-c14: housing provider, online, anti-social behaviour, received Monday 2 November;
      c9-c11 have a harmed person (due 9 November, told 4 November), c12-c14 none; first
      contact 9 November. c9-c11 met by shuttle on 2 December, c12 by letter on 3 December.
    - c15-c17: school, email, bullying, received Tuesday 1 December, assessed 8 December.
    - c18: police, received Wednesday 30 September (Q2), due 7 October, told 2 October, first
      contact 2 October.
    - c19: police, received Monday 4 January 2027 (Q4).
    - c20: police, phone, crime, received on Christmas Day (a bank holiday); due Tuesday
      5 January 2027; told 29 December; first contact 30 December; withdrawn 31 December.
    """
    cases = []
    closings = {
        "c1": D(2026, 12, 1),
        "c2": D(2026, 12, 5),
        "c3": D(2026, 12, 10),
        "c4": D(2026, 12, 15),
        "c5": D(2026, 12, 18),
    }
    for number in range(1, 9):
        case_id = f"c{number}"
        told = {6: D(2026, 10, 14), 7: D(2026, 10, 13), 8: None}.get(number, D(2026, 10, 8))
        facts: dict[str, Any] = {
            "victims_code_due_on": D(2026, 10, 12),
            "victims_code_informed_on": told,
            "first_contact_made_on": D(2026, 10, 9),
        }
        if case_id in closings:
            facts |= {
                "intervention_on": D(2026, 11, 10),
                "intervention_type": "conference",
                "direct": True,
                "agreements_signed": 1,
                "actions_agreed": 3,
                "actions_done": 2 if number == 5 else 3,
                "stage": "closed",
                "closed_on": closings[case_id],
                "closure_reason": "completed",
            }
        if number == 6:
            facts |= {"stage": "closed", "closed_on": D(2026, 11, 20), "closure_reason": "declined"}
        if number == 7:
            facts |= {"stage": "closed", "closed_on": D(2027, 1, 15), "closure_reason": "completed"}
        cases.append(case(case_id, OCT_5, **facts))
    for number in range(9, 15):
        facts = {"first_contact_made_on": D(2026, 11, 9)}
        if number <= 11:
            facts |= {
                "victims_code_due_on": D(2026, 11, 9),
                "victims_code_informed_on": D(2026, 11, 4),
                "intervention_on": D(2026, 12, 2),
                "intervention_type": "shuttle",
                "direct": False,
            }
        if number == 12:
            facts |= {
                "intervention_on": D(2026, 12, 3),
                "intervention_type": "letter",
                "direct": False,
            }
        housing = {
            "source": "housing_provider",
            "channel": "online",
            "case_type": "anti_social_behaviour",
        }
        cases.append(case(f"c{number}", NOV_2, **housing, **facts))
    for number in range(15, 18):
        school = {"source": "school", "channel": "email", "case_type": "bullying"}
        cases.append(case(f"c{number}", DEC_1, **school, assessed_on=D(2026, 12, 8)))
    cases.append(
        case(
            "c18",
            D(2026, 9, 30),
            victims_code_due_on=D(2026, 10, 7),
            victims_code_informed_on=D(2026, 10, 2),
            first_contact_made_on=D(2026, 10, 2),
        )
    )
    cases.append(case("c19", D(2027, 1, 4)))
    cases.append(
        case(
            "c20",
            CHRISTMAS,
            victims_code_due_on=D(2027, 1, 5),
            victims_code_informed_on=D(2026, 12, 29),
            first_contact_made_on=D(2026, 12, 30),
            stage="closed",
            closed_on=D(2026, 12, 31),
            closure_reason="withdrawn",
        )
    )
    cases.insert(5, cases[0])  # c1 again, as a second laptop sent it
    return Facts(
        tuple(cases), tuple(people()), (ContactFacts("c1", "k1", "phone", D(2026, 10, 9)),)
    )


def people() -> list[PersonFacts]:
    """c1-c5: a harmed and a responsible person each, who gave feedback on 1 December; c6: a
    harmed person; c20: a harmed person who was asked nothing, and a supporter.

    Harmed c1-c5: satisfaction 5, 5, 4, 3, declined; coping yes, yes, yes, no, declined;
    white. Responsible c1-c5: satisfaction 4, 4, 2, -, -; coping yes, yes, -, -, -; white,
    white, white, black, black. c6's harmed person: Asian.
    """
    found = []
    harmed_said = [("5", "yes"), ("5", "yes"), ("4", "yes"), ("3", "no"), ("declined", "declined")]
    responsible_said = [("4", "yes"), ("4", "yes"), ("2", None), (None, None), (None, None)]
    responsible_group = ["white", "white", "white", "black", "black"]
    given = D(2026, 12, 1)
    for number in range(1, 6):
        case_id = f"c{number}"
        satisfaction, coping = harmed_said[number - 1]
        found.append(
            person(
                case_id, f"{case_id}-h", "harmed", ethnic_group="white", end_given_on=given,
                end_satisfaction=satisfaction, end_coping=coping,
            )
        )  # fmt: skip
        satisfaction, coping = responsible_said[number - 1]
        found.append(
            person(
                case_id, f"{case_id}-r", "responsible", ethnic_group=responsible_group[number - 1],
                end_given_on=given, end_satisfaction=satisfaction, end_coping=coping,
            )
        )  # fmt: skip
    found.append(person("c6", "c6-h", "harmed", ethnic_group="asian"))
    found.append(person("c20", "c20-h", "harmed"))
    found.append(person("c20", "c20-s", "supporter", ethnic_group="white"))
    return found
