"""The case summary PDF, read back as the facilitator taking the case over will read it."""

from __future__ import annotations

from dataclasses import replace

from rjdesk.documents.summary import case_summary_pdf
from tests.documents import samples
from tests.documents.pdf_text import pages, squash, text

CONFIDENTIAL_FOOTER = "Confidential: personal information about the people in this case"


def test_the_summary_holds_referral_people_risk_stages_contacts_and_actions() -> None:
    doc = samples.neighbour_summary()
    read = pages(case_summary_pdf(doc))
    whole = " ".join(read)
    assert doc.reference in whole and "Case summary" in whole
    for label, value in doc.referral:
        assert squash(f"{label} {value}") in whole, label
    for person in doc.people:
        assert f"{person.name} {person.role}" in whole
    assert "Risk Low, assessed 21 Oct 2026 by Alex Morgan" in whole
    assert all(factor in whole for factor in doc.risk_factors)
    for stage in doc.stage_history:
        assert squash(f"{stage.when} {stage.change} {stage.by} {stage.note}") in whole
    for contact in doc.contacts:
        assert f"{contact.when} · {contact.kind}" in whole
        assert squash(contact.notes) in whole
        assert f"Next steps: {contact.next_steps}" in whole
    assert "Where Castle Vale Community Centre, room 2" in whole
    assert "Present Marcia Bennett, Łukasz Nowak, Zoë Nowak" in whole
    assert squash(doc.contacts[-1].addenda[0]) in whole
    assert "Version 1 · Signed Agreed 4 Nov 2026 · Review 25 Nov 2026" in whole
    for number, action in enumerate(doc.agreements[0].actions, 1):
        row = squash(f"{number} {action.who} {action.what} {action.by_when} {action.status}")
        assert row in whole, action.what
    for number, page in enumerate(read, 1):
        assert f"Page {number} of {len(read)}" in page and CONFIDENTIAL_FOOTER in page


def test_thirty_long_contacts_print_every_sentence_in_order() -> None:
    doc = samples.long_summary(30)
    read = pages(case_summary_pdf(doc))
    whole = " ".join(read)
    assert len(read) > 5
    last = -1
    for number in range(1, 31):
        for part in range(1, 4):
            tail = f"(part {part} of note {number})"
            assert whole.count(tail) == 1, tail
            assert whole.index(tail) > last
            last = whole.index(tail)
        assert f"Next steps: Next steps for contact {number}: call back in a week." in whole
    assert whole.count("spelling corrected") == 10


def test_an_empty_case_says_what_is_not_recorded() -> None:
    doc = replace(
        samples.neighbour_summary(),
        referral=(),
        people=(),
        risk="Not assessed",
        risk_factors=(),
        flags=(),
        stage_history=(),
        contacts=(),
        agreements=(),
    )
    whole = text(case_summary_pdf(doc))
    assert "Risk Not assessed" in whole
    assert whole.count("None recorded") >= 6


def test_a_referral_summary_longer_than_a_page_prints_whole() -> None:
    words = [f"detail{n}" for n in range(2500)]
    doc = replace(samples.neighbour_summary(), referral=(("Summary", " ".join(words)),))
    whole = text(case_summary_pdf(doc))
    assert all(word in whole for word in (words[0], words[1250], words[-1]))


def test_the_same_case_gives_the_same_bytes() -> None:
    assert case_summary_pdf(samples.neighbour_summary()) == case_summary_pdf(
        samples.neighbour_summary()
    )
