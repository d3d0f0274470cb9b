"""Hand-made records of one case, as a laptop sends them (the fields of the record schema), for
the return facts' tests: each builder gives (table, row id, fields)."""

from __future__ import annotations

from typing import Any

from rjdesk_hub.returns.extract import FactsRows

Row = tuple[str, str, dict[str, Any]]
STAMPS = {"created_at": "2026-10-01T09:00:00Z", "updated_at": "2026-10-01T09:00:00Z"}


def case_file(case_id: str, received_on: str, **fields: Any) -> Row:
    return (
        "case_file",
        case_id,
        {
            **STAMPS,
            "reference": f"RJ-{case_id[-4:]}",
            "case_type": "crime",
            "stage": "referral",
            "received_on": received_on,
            "source": "police",
            "channel": "phone",
            "summary": "Window broken at the back of the shop.",
            "flags": [],
            "facilitators": ["Alex Morgan"],
            **fields,
        },
    )


def person(person_id: str, name: str, date_of_birth: str | None = None) -> Row:
    return (
        "person",
        person_id,
        {
            **STAMPS,
            "name": name,
            "date_of_birth": date_of_birth,
            "interpreter": False,
            "access_needs": "",
            "name_key": name.lower(),
        },
    )


def participant(
    participant_id: str, case_id: str, person_id: str, role: str, position: int = 0, **fields: Any
) -> Row:
    return (
        "participant",
        participant_id,
        {
            **STAMPS,
            "case_id": case_id,
            "person_id": person_id,
            "position": position,
            "role": role,
            **fields,
        },
    )


def contact(contact_id: str, case_id: str, kind: str, at: str, present: list[str]) -> Row:
    return (
        "contact",
        contact_id,
        {
            **STAMPS,
            "case_id": case_id,
            "kind": kind,
            "at": at,
            "location": "Office",
            "notes": "Talked it through.",
            "next_steps": "",
            "author": "Alex Morgan",
            "present": present,
        },
    )


def risk(row_id: str, case_id: str, assessed_on: str) -> Row:
    return (
        "risk_assessment",
        row_id,
        {
            **STAMPS,
            "case_id": case_id,
            "assessed_on": assessed_on,
            "assessed_by": "Alex Morgan",
            "level": "low",
            "factors": [],
            "notes": "",
        },
    )


def stage_change(row_id: str, case_id: str, from_stage: str | None, to_stage: str, at: str) -> Row:
    return (
        "stage_change",
        row_id,
        {
            "case_id": case_id,
            "from_stage": from_stage,
            "to_stage": to_stage,
            "changed_at": at,
            "changed_by": "Alex Morgan",
            "note": "",
        },
    )


def agreement(row_id: str, case_id: str, version: int, status: str, **fields: Any) -> Row:
    return (
        "agreement",
        row_id,
        {
            **STAMPS,
            "case_id": case_id,
            "version": version,
            "status": status,
            "summary": "Repair the window.",
            **fields,
        },
    )


def action(row_id: str, agreement_id: str, status: str, position: int = 0) -> Row:
    return (
        "agreement_action",
        row_id,
        {
            **STAMPS,
            "agreement_id": agreement_id,
            "position": position,
            "description": "Pay for the glass.",
            "status": status,
            "check_note": "",
        },
    )


def feedback(row_id: str, case_id: str, participant_id: str, moment: str, **answers: Any) -> Row:
    return (
        "feedback",
        row_id,
        {
            **STAMPS,
            "case_id": case_id,
            "participant_id": participant_id,
            "moment": moment,
            **answers,
        },
    )


def equality(row_id: str, case_id: str, participant_id: str, **answers: Any) -> Row:
    return (
        "equality",
        row_id,
        {**STAMPS, "case_id": case_id, "participant_id": participant_id, **answers},
    )


CASE = "c0000000-0000-0000-0000-00000000000a"


def christmas_case() -> FactsRows:
    """Received on Christmas Eve 2026; worked through to a conference and closed in May 2027."""
    rows = [
        case_file(
            CASE,
            "2026-12-24",
            stage="closed",
            closed_on="2027-05-20",
            closure_reason="completed",
            flags=["hate_crime"],
            intervention_type="conference",
            started_by="harmed",
            justice_stage="post_sentence",
        ),
        person("h-person", "Dana Harmed", "2001-12-25"),  # 24 on the day of receipt
        person("r-person", "Robin Responsible", "1960-01-01"),
        person("s-person", "Sam Supporter"),
        participant(
            "p-harmed", CASE, "h-person", "harmed", 0, rj_information_given_on="2027-01-04"
        ),
        participant("p-resp", CASE, "r-person", "responsible", 1),
        participant("p-supp", CASE, "s-person", "supporter", 2, supports_id="p-harmed"),
        participant("p-odd", CASE, "s-person", "a role of the future", 3),
        # A call with nobody reached, a visit with only the supporter, then the responsible
        # party reached late on 1 Apr 2027 in UTC: 2 Apr in London (summer time).
        contact("k1", CASE, "phone", "2026-12-29T08:00:00Z", []),
        contact("k2", CASE, "home_visit", "2027-01-06T23:30:00Z", ["p-supp"]),
        contact("k3", CASE, "phone", "2027-04-01T23:30:00Z", ["p-resp"]),
        contact("k4", CASE, "conference", "2027-05-10T10:00:00Z", ["p-harmed", "p-resp"]),
        contact("k5", CASE, "phone", "not a time", ["p-resp"]),
        risk("r1", CASE, "2027-01-10"),
        risk("r2", CASE, "2027-01-08"),
        stage_change("s1", CASE, None, "referral", "2026-12-24T10:00:00Z"),
        stage_change("s2", CASE, "referral", "assessment", "2027-01-05T10:00:00Z"),
        stage_change("s3", CASE, "assessment", "preparation", "2027-02-01T10:00:00Z"),
        stage_change("s4", CASE, "preparation", "intervention", "2027-05-01T10:00:00Z"),
        stage_change("s5", CASE, "intervention", "closed", "2027-05-20T10:00:00Z"),
        agreement("a1", CASE, 1, "superseded", signed_at="2027-05-10T11:00:00Z"),
        agreement("a2", CASE, 2, "signed", signed_at="2027-05-12T11:00:00Z"),
        agreement("a3", CASE, 3, "draft"),
        action("x1", "a1", "done"),
        action("x2", "a1", "done", 1),
        action("y1", "a2", "done"),
        action("y2", "a2", "not_done", 1),
        action("y3", "a2", "pending", 2),
        action("z1", "a3", "pending"),
        feedback(
            "f1", CASE, "p-harmed", "end", given_on="2027-05-11", satisfaction="5", coping="yes"
        ),
        feedback(
            "f2",
            CASE,
            "p-harmed",
            "follow_up",
            given_on="2027-08-11",
            satisfaction="declined",
            coping="no",
            feels_safer="yes",
            would_recommend="declined",
        ),
        # The responsible party's end feedback recorded on two laptops: the later one counts.
        feedback("f3", CASE, "p-resp", "end", given_on="2027-05-11", satisfaction="2"),
        (
            "feedback",
            "f4",
            {
                **feedback("f4", CASE, "p-resp", "end", given_on="2027-05-12", satisfaction="3")[2],
                "updated_at": "2027-05-12T09:00:00Z",
            },
        ),
        equality("e1", CASE, "p-resp", age_band="prefer_not_to_say", ethnicity="white_irish"),
        equality("e2", CASE, "p-harmed", sex="female", ethnicity="a census of the future"),
    ]
    return FactsRows(rows, partner_id="partner-1")
