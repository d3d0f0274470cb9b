"""The hub's re-check of DESIGN §2 on a merged case, from plain record fields (no schema)."""

from __future__ import annotations

from typing import Any

from rjdesk_hub.rules import check_case

CASE = "c-1"


def _rows(*, consent: dict[str, Any] | None = None, **extra: Any) -> list[Any]:
    rows: list[Any] = [
        ("person", "p-harmed", {"name": "Zoë Harmed", "date_of_birth": "1980-01-01"}),
        ("person", "p-resp", {"name": "Sam Responsible", "date_of_birth": None}),
        ("participant", "a-harmed", {"person_id": "p-harmed", "role": "harmed"}),
        ("participant", "a-resp", {"person_id": "p-resp", "role": "responsible"}),
        (
            "risk_assessment",
            "r-1",
            {
                "assessed_on": "2026-10-01",
                "assessed_by": "Alex Morgan",
                "factors": ["history"],
                "level": "low",
            },
        ),
        (
            "contact",
            "k-1",
            {
                "kind": "conference",
                "at": "2026-11-02T10:00:00.000000Z",
                "present": ["a-harmed", "a-resp"],
            },
        ),
    ]
    for participant in ("a-harmed", "a-resp"):
        fields = {
            "participant_id": participant,
            "scope": "take_part",
            "given_on": "2026-10-02",
            "withdrawn_on": None,
            "given_by_id": None,
            **(consent or {}),
        }
        rows.append(("consent", f"consent-{participant}", fields))
    return rows + list(extra.get("more", []))


def test_a_conference_with_consent_and_a_completed_assessment_breaks_nothing() -> None:
    assert check_case(CASE, _rows()) == []


def test_consent_withdrawn_before_the_conference_is_a_breach_naming_who() -> None:
    found = check_case(CASE, _rows(consent={"withdrawn_on": "2026-10-20"}))
    assert {breach.row_id for breach in found} == {"k-1"}
    messages = " ".join(breach.message for breach in found)
    assert "The conference of 02 Nov 2026 was recorded" in messages
    assert "Zoë Harmed (harmed) withdrew consent to take part on 20 Oct 2026" in messages


def test_no_completed_risk_assessment_is_a_breach() -> None:
    rows = [row for row in _rows() if row[0] != "risk_assessment"]
    found = check_case(CASE, rows)
    assert any("no completed risk assessment" in breach.message for breach in found)


def test_a_child_needs_a_parents_consent_at_signing() -> None:
    rows = _rows()
    rows[0] = ("person", "p-harmed", {"name": "Zoë Harmed", "date_of_birth": "2015-05-05"})
    rows.append(
        (
            "signature",
            "s-1",
            {"participant_id": "a-harmed", "signed_on": "2026-11-02", "agreement_id": "g"},
        )
    )
    found = check_case(CASE, rows)
    assert any(
        breach.row_id == "s-1" and "needs a parent's or carer's consent" in breach.message
        for breach in found
    )


def test_rows_the_facts_cannot_read_are_left_out_without_failing() -> None:
    rows = _rows()
    rows += [
        ("participant", "a-ghost", {"person_id": "nobody", "role": "harmed"}),
        ("participant", "a-odd", {"person_id": "p-harmed", "role": {"not": "a role"}}),
        ("consent", "consent-x", {"participant_id": "missing", "scope": "take_part"}),
        ("risk_assessment", "r-bad", {"assessed_on": "yesterday"}),
        ("contact", "k-bad", {"kind": "conference", "at": 12, "present": "all"}),
        ("signature", "s-facilitator", {"participant_id": None, "signed_on": "2026-11-02"}),
    ]
    found = check_case(CASE, rows)
    # The ghost (a person the hub does not have) counts as an adult without consent: not
    # present at k-1, so only its own absence of rows matters; nothing crashes.
    assert all(breach.row_id != "k-bad" for breach in found)
    assert [breach for breach in found if breach.row_id == "k-1"] == []
