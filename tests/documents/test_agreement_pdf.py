"""The outcome agreement PDF, read back as the participants will read it."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

import pytest

from rjdesk.documents.agreement import DRAFT_MARK, SUPERSEDED_MARK, VOLUNTARY, agreement_pdf
from rjdesk.documents.model import ActionLine, AgreementDocument, SignatureBlock, content_hash
from tests.documents import samples
from tests.documents.pdf_text import images_on, pages, squash, text

HEADER = "No. Who What By when"


def _row(number: int, action: ActionLine) -> str:
    return squash(f"{number} {action.who} {action.what} {action.by_when}")


def _footer(doc: AgreementDocument) -> str:
    return f"{doc.reference} · Agreement version {doc.version} · Content {content_hash(doc)[:12]}"


def _pages_holding(pdf_pages: list[str], needle: str) -> list[int]:
    return [n for n, page in enumerate(pdf_pages) if needle in page]


def test_the_agreement_names_everyone_every_action_the_review_and_its_footer() -> None:
    doc = samples.neighbour_agreement()
    pdf = agreement_pdf(doc)
    assert pdf.startswith(b"%PDF")
    read = pages(pdf)
    whole = " ".join(read)
    assert doc.reference in whole and "Outcome agreement" in whole
    for person in doc.participants:
        assert f"{person.name} {person.role}" in whole
    for number, action in enumerate(doc.actions, 1):
        assert _row(number, action) in whole, action.what
    assert "We will look at how this agreement is going on 25 Nov 2026" in whole
    assert squash(VOLUNTARY) in whole
    assert "You can ask your facilitator what is held about you" in whole
    for number, page in enumerate(read, 1):
        assert _footer(doc) in page
        assert f"Page {number} of {len(read)}" in page
    for signer in doc.signatures:
        assert f"{signer.name} {signer.capacity} Signed on paper on 4 Nov 2026" in whole


def test_one_action_lays_out_with_its_header_and_signatures() -> None:
    doc = samples.one_action_agreement()
    read = pages(agreement_pdf(doc))
    whole = " ".join(read)
    assert len(read) <= 2, "one action must not spread over more than a sheet"
    assert whole.count(HEADER) == 1
    assert f"{HEADER} {_row(1, doc.actions[0])}" in whole
    assert "2 " + doc.actions[0].who not in whole  # no second row


def test_forty_actions_split_between_rows_with_the_header_on_every_page() -> None:
    doc = samples.agreement_with_actions(40)
    read = pages(agreement_pdf(doc))
    assert 3 <= len(read) <= 7, len(read)
    pages_with_rows = set()
    for number, action in enumerate(doc.actions, 1):
        holding = _pages_holding(read, _row(number, action))
        assert len(holding) == 1, f"action {number} is cut across pages or missing"
        pages_with_rows.add(holding[0])
    for page in sorted(pages_with_rows):
        first_row = re.search(r"\b(\d+) (Marcia Bennett|Łukasz Nowak|Zoë Nowak) Action", read[page])
        assert first_row is not None
        assert read[page].index(HEADER) < first_row.start(), f"no header on page {page + 1}"
    assert sum(page.count(HEADER) for page in read) == len(pages_with_rows)
    # Actions come in their order, and the signatures follow the last one.
    whole = " ".join(read)
    positions = [whole.index(_row(n, a)) for n, a in enumerate(doc.actions, 1)]
    assert positions == sorted(positions)
    assert whole.index("Signatures") > positions[-1]
    for number, page in enumerate(read, 1):
        assert f"Page {number} of {len(read)}" in page and _footer(doc) in page


def test_an_action_longer_than_a_page_still_prints_every_word() -> None:
    words = [f"step{n}" for n in range(1400)]
    doc = samples.neighbour_agreement(
        actions=(ActionLine("Zoë Nowak", " ".join(words), "Ongoing"),)
    )
    whole = text(agreement_pdf(doc))
    assert all(word in whole for word in (words[0], words[700], words[-1]))
    assert "Signatures" in whole


@pytest.mark.parametrize("name", samples.INTERNATIONAL_NAMES)
def test_names_in_any_latin_script_come_back_intact(name: str) -> None:
    whole = text(agreement_pdf(samples.names_agreement()))
    assert f"{name} Harmed" in whole
    assert f"Write a short letter to the group ({name})." in whole


def test_a_name_typed_with_combining_accents_prints_as_one_letter() -> None:
    decomposed = unicodedata.normalize("NFD", "Zoë Siobhán")
    assert decomposed != "Zoë Siobhán"
    doc = samples.neighbour_agreement(
        participants=(
            samples.NEIGHBOUR_PEOPLE[0],
            replace(samples.NEIGHBOUR_PEOPLE[2], name=decomposed),
        )
    )
    assert "Zoë Siobhán" in text(agreement_pdf(doc))


def test_the_same_agreement_gives_the_same_bytes() -> None:
    assert agreement_pdf(samples.neighbour_agreement()) == agreement_pdf(
        samples.neighbour_agreement()
    )
    changed = samples.neighbour_agreement(review_on=samples.REVIEW_ON.replace(day=26))
    assert content_hash(changed) != content_hash(samples.neighbour_agreement())
    assert agreement_pdf(changed) != agreement_pdf(samples.neighbour_agreement())


def test_the_content_hash_is_the_agreement_not_its_signatures_or_letterhead() -> None:
    signed = samples.neighbour_agreement()
    captured = samples.neighbour_agreement(signatures=samples.captured_signatures())
    other_letterhead = replace(signed, letterhead=replace(signed.letterhead, phone="0121 000"))
    assert content_hash(signed) == content_hash(captured) == content_hash(other_letterhead)
    reworded = replace(
        signed, actions=(replace(signed.actions[0], what="Keep music down."), *signed.actions[1:])
    )
    assert content_hash(reworded) != content_hash(signed)
    assert content_hash(replace(signed, version=2)) != content_hash(signed)


def test_a_captured_signature_is_drawn_and_a_paper_one_leaves_a_line() -> None:
    paper = agreement_pdf(samples.neighbour_agreement())
    captured = agreement_pdf(samples.neighbour_agreement(signatures=samples.captured_signatures()))
    assert images_on(captured) == images_on(paper) + 1  # the logo, then the signature
    assert "Marcia Bennett Harmed and responsible Signed on 4 Nov 2026" in text(captured)
    blank = agreement_pdf(samples.draft_agreement())
    assert "Zoë Nowak Witness (supporter) Date ____" in text(blank)


def test_a_damaged_signature_is_named_and_a_damaged_logo_falls_back() -> None:
    broken = SignatureBlock("Zoë Nowak", "Witness (supporter)", samples.AGREED_ON, b"\x89PNG\r\n")
    with pytest.raises(ValueError, match="signature of Zoë Nowak"):
        agreement_pdf(samples.neighbour_agreement(signatures=(broken,)))
    doc = samples.neighbour_agreement()
    pdf = agreement_pdf(replace(doc, letterhead=replace(doc.letterhead, logo_png=b"not a png")))
    assert images_on(pdf) == 1


def test_a_copy_for_signing_and_a_superseded_copy_say_so_on_every_page() -> None:
    for doc, mark in (
        (samples.draft_agreement(), DRAFT_MARK),
        (samples.neighbour_agreement(state="Superseded"), SUPERSEDED_MARK),
    ):
        read = pages(agreement_pdf(doc))
        assert all(mark in page for page in read), mark
    assert DRAFT_MARK not in text(agreement_pdf(samples.neighbour_agreement()))


def test_text_that_looks_like_markup_prints_as_written() -> None:
    action = ActionLine("Marcia Bennett", "Say <b>sorry</b> & mean it; no <br/> tricks", "Ongoing")
    whole = text(agreement_pdf(samples.neighbour_agreement(actions=(action,))))
    assert "Say <b>sorry</b> & mean it; no <br/> tricks" in whole
