"""The return facts of one case from its records (``rjdesk_hub.returns.extract``) and the rules
the laptop shares (``rjdesk_protocol.outcomes``): hand-made records, figures stated by hand."""

from __future__ import annotations

from datetime import date

from rjdesk_hub.returns.extract import FactsRows, build_facts
from rjdesk_hub.returns.facts import ContactFacts
from rjdesk_protocol import outcomes
from tests.hub.returns.records import CASE, case_file, christmas_case, contact, stage_change


def test_a_case_worked_to_its_end_gives_the_facts_stated_by_hand() -> None:
    found = build_facts(CASE, christmas_case())
    assert found is not None
    case = found.case
    assert (case.case_type, case.source, case.channel, case.origin) == (
        "crime", "police", "phone", "facilitator",
    )  # fmt: skip
    assert case.hate_crime is True  # by its flag
    assert case.received_on == date(2026, 12, 24)
    # 25 and 28 Dec (Boxing Day's substitute) and 1 Jan are bank holidays: 29, 30, 31 Dec, 4
    # and 5 Jan are the five working days.
    assert case.victims_code_due_on == date(2027, 1, 5)
    assert case.victims_code_informed_on == date(2027, 1, 4)
    assert case.first_contact_attempted_on == date(2026, 12, 29)
    assert case.first_contact_made_on == date(2027, 4, 2)
    assert case.assessed_on == date(2027, 1, 8)
    assert case.intervention_on == date(2027, 5, 10)
    assert (case.intervention_type, case.direct) == ("conference", True)
    assert (case.started_by, case.justice_stage) == ("harmed", "post_sentence")
    assert (case.stage, case.stage_reached) == ("closed", "intervention")
    assert (case.closed_on, case.closure_reason) == (date(2027, 5, 20), "completed")
    assert case.agreements_signed == 2
    assert (case.actions_agreed, case.actions_done, case.actions_not_done) == (3, 1, 1)
    assert case.partner_id == "partner-1"

    assert found.contacts == (
        ContactFacts(CASE, "k1", "phone", date(2026, 12, 29)),
        ContactFacts(CASE, "k2", "home_visit", date(2027, 1, 6)),
        ContactFacts(CASE, "k3", "phone", date(2027, 4, 2)),
        ContactFacts(CASE, "k4", "conference", date(2027, 5, 10)),
    )
    people = {p.participant_id: p for p in found.people}
    assert list(people) == ["p-harmed", "p-resp", "p-supp", "p-odd"]
    harmed, resp, supp = people["p-harmed"], people["p-resp"], people["p-supp"]
    assert (harmed.role, harmed.age_band, harmed.sex) == ("harmed", "18_24", "female")
    assert (harmed.ethnicity, harmed.ethnic_group) == ("a census of the future", None)
    assert (harmed.end_given_on, harmed.end_satisfaction, harmed.end_coping) == (
        date(2027, 5, 11), "5", "yes",
    )  # fmt: skip
    assert harmed.end_feels_safer is None  # not asked
    assert (
        harmed.follow_up_given_on,
        harmed.follow_up_satisfaction,
        harmed.follow_up_coping,
        harmed.follow_up_feels_safer,
        harmed.follow_up_would_recommend,
    ) == (date(2027, 8, 11), "declined", "no", "yes", "declined")
    # Equality's "prefer not to say" stands, though the date of birth is known.
    assert (resp.age_band, resp.ethnicity, resp.ethnic_group) == (
        "prefer_not_to_say", "white_irish", "white",
    )  # fmt: skip
    assert (resp.end_given_on, resp.end_satisfaction) == (date(2027, 5, 12), "3")
    assert (supp.age_band, supp.sex, supp.end_satisfaction) == (None, None, None)


def test_corrections_recorded_on_the_case_stand_over_the_contacts() -> None:
    both = FactsRows(
        [
            case_file(
                CASE,
                "2026-10-01",
                stage="assessment",
                first_contact_attempted_on="2026-10-02",
                first_contact_made_on="2026-10-05",
                closed_on="2026-10-09",
                closure_reason="declined",
            ),
            contact("k1", CASE, "phone", "2026-10-20T10:00:00Z", []),
        ]
    )
    found = build_facts(CASE, both)
    assert found is not None
    case = found.case
    assert (case.first_contact_attempted_on, case.first_contact_made_on) == (
        date(2026, 10, 2), date(2026, 10, 5),
    )  # fmt: skip
    # No harmed person: no Victims' Code deadline; open: no closing day, whatever the row says.
    assert case.victims_code_due_on is None
    assert (case.stage, case.stage_reached, case.closed_on, case.closure_reason) == (
        "assessment", "assessment", None, None,
    )  # fmt: skip
    assert (case.intervention_type, case.direct, case.partner_id) == (None, None, None)

    made_only = FactsRows(
        [
            case_file(CASE, "2026-10-01", first_contact_made_on="2026-10-03"),
            contact("k1", CASE, "phone", "2026-10-05T10:00:00Z", []),
        ]
    )
    found = build_facts(CASE, made_only)
    assert found is not None  # a contact made is an attempt too
    assert found.case.first_contact_attempted_on == date(2026, 10, 3)


def test_a_case_closed_without_a_day_recorded_closes_on_its_last_move_to_closed() -> None:
    rows = FactsRows(
        [
            case_file(CASE, "2026-06-01", stage="closed", closure_reason="no_contact"),
            stage_change("s1", CASE, "referral", "closed", "2026-06-20T10:00:00Z"),
            stage_change("s2", CASE, "closed", "referral", "2026-06-25T10:00:00Z"),
            # 23:30 on 30 June in UTC is 1 July in London: the next quarter.
            stage_change("s3", CASE, "referral", "closed", "2026-06-30T23:30:00Z"),
        ]
    )
    found = build_facts(CASE, rows)
    assert found is not None
    assert found.case.closed_on == date(2026, 7, 1)
    assert found.case.stage_reached == "referral"


def test_no_live_or_readable_case_row_gives_no_facts() -> None:
    assert build_facts(CASE, FactsRows([])) is None
    other = FactsRows([case_file("another-case", "2026-10-01")])
    assert build_facts(CASE, other) is None
    assert build_facts(CASE, FactsRows([case_file(CASE, "the first of October")])) is None


def test_the_shared_rules_of_first_contact_stage_and_age() -> None:
    seen = [
        outcomes.ContactSeen(date(2026, 10, 9), ["harmed-1"]),
        outcomes.ContactSeen(date(2026, 10, 7), ["supporter-1"]),
    ]
    assert outcomes.first_contact(seen, {"harmed-1"}) == outcomes.FirstContact(
        date(2026, 10, 7), date(2026, 10, 9)
    )
    assert outcomes.first_contact([], {"harmed-1"}) == outcomes.FirstContact(None, None)
    assert outcomes.stage_reached(["closed"], "closed") == "referral"
    assert outcomes.stage_reached(["agreement", "nonsense"], "assessment") == "agreement"
    # Born on 29 February: 18 on 1 March of a common year, not on 28 February.
    assert outcomes.age_band(date(2008, 2, 29), date(2026, 2, 28)).value == "under_18"
    assert outcomes.age_band(date(2008, 2, 29), date(2026, 3, 1)).value == "18_24"
    assert outcomes.age_band(date(1961, 10, 1), date(2026, 10, 1)).value == "65_plus"
    assert outcomes.age_band(date(1961, 10, 2), date(2026, 10, 1)).value == "55_64"
    assert outcomes.is_direct("shuttle") is False
    assert outcomes.is_direct("letter") is False
    assert outcomes.is_direct("telepathy") is None
