"""The outcome agreement: printed at the end of a conference, signed by everyone who agreed it,
and kept by each of them. It is written to them, not to the hub."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, HRFlowable, KeepTogether, Paragraph, Spacer, Table

from rjdesk.documents import styles
from rjdesk.documents.fonts import register_fonts
from rjdesk.documents.layout import (
    FRAME_WIDTH,
    build_pdf,
    clean,
    details_grid,
    format_date,
    grid_table,
    heading,
    label_value_table,
    letterhead,
    markup,
    para,
    paragraphs,
    scaled_image,
)
from rjdesk.documents.model import AgreementDocument, SignatureBlock, content_hash

VOLUNTARY = (
    "Taking part in restorative justice is voluntary. This agreement is not legally binding: "
    "it records what each person has said they will do."
)
# A draft is what is printed to be signed on paper at the conference, and each participant keeps
# that sheet: it must not say "draft" or "not signed" once they have signed it.
DRAFT_MARK = "TO BE SIGNED — agreed once everyone named here has signed it"
SUPERSEDED_MARK = "SUPERSEDED — a later version of this agreement replaces it"

# No. / Who / What / By when: numbers, names and dates stay narrow, the action gets the room to
# wrap. Numbered, so that at the review "action 12" means the same line to everyone.
_NUMBER_WIDTH = 1.2 * cm
_WHO_WIDTH = 3.9 * cm
_WHEN_WIDTH = 3.1 * cm
_ACTION_COLUMNS = (
    _NUMBER_WIDTH,
    _WHO_WIDTH,
    FRAME_WIDTH - _NUMBER_WIDTH - _WHO_WIDTH - _WHEN_WIDTH,
    _WHEN_WIDTH,
)

# Signers sit two to a row; each block leaves room to sign by hand (at least 2.5 cm tall).
_SIGNATURE_COLUMN = FRAME_WIDTH / 2
_SIGNING_SPACE = 2.6 * cm
_SIGNATURE_IMAGE_WIDTH = 6 * cm
_SIGNATURE_IMAGE_MAX_HEIGHT = 2.6 * cm


def agreement_pdf(doc: AgreementDocument) -> bytes:
    """The outcome agreement as PDF bytes (A4, built in memory, the same data always giving the
    same bytes).

    The footer of every page carries "Page x of y", the reference and agreement version, and the
    first 12 hex digits of the agreement's content hash, so a printed copy can be matched with
    the case record; a Draft or Superseded agreement says so under the title and in the footer.
    Raises ValueError when a captured signature image cannot be read.
    """
    register_fonts()  # before any Paragraph: parsing <b> needs the font family
    short_hash = content_hash(doc)[:12]
    footer = f"{doc.reference} · Agreement version {doc.version} · Content {short_hash}"
    state_mark = _state_mark(doc.state)

    story: list[Flowable] = [*letterhead(doc.letterhead)]
    story.append(Paragraph("Outcome agreement", styles.TITLE))
    if state_mark:
        story.append(para(state_mark, styles.DRAFT_MARK))
    story.append(details_grid(_details(doc)))

    story += heading("Who took part")
    story.append(
        # The names lead: bold and black, where the shared label style is small and grey.
        label_value_table(
            [(p.name, p.role) for p in doc.participants],
            label_width=FRAME_WIDTH * 0.42,
            label_style=styles.SIGNER_NAME,
        )
        if doc.participants
        else para("No one is named on this agreement yet.", styles.BODY)
    )

    if doc.summary.strip():
        story += heading("What happened")
        story += paragraphs(doc.summary, styles.BODY)

    story += heading("What we agreed")
    if doc.actions:
        story.append(
            grid_table(
                ("No.", "Who", "What", "By when"),
                ((str(n), a.who, a.what, a.by_when) for n, a in enumerate(doc.actions, 1)),
                _ACTION_COLUMNS,
            )
        )
    else:
        story.append(para("No actions were agreed.", styles.BODY))

    if doc.review_on is not None:
        story += heading("Review", room=2.5 * cm)
        who_reviews = f"{doc.facilitator.strip()} (facilitator)" if doc.facilitator.strip() else ""
        review = f"We will look at how this agreement is going on {format_date(doc.review_on)}."
        if who_reviews:
            review += f" {who_reviews} will be in touch before then."
        story.append(para(review, styles.BODY))

    service = doc.letterhead.service_name.strip() or "The service"
    story.append(Spacer(1, 6))
    story.append(para(VOLUNTARY, styles.BODY))
    story.append(
        para(
            f"{service} keeps this agreement with the case record, securely, for as long as it is "
            "needed. You can ask your facilitator what is held about you.",
            styles.SMALL,
        )
    )

    if doc.signatures:
        # The whole signing section on one page when it fits (a page of signatures alone is
        # easily parted from the agreement), and its heading never left at the foot of a page.
        section: list[Flowable] = [
            Paragraph("Signatures", styles.HEADING),
            para(
                "By signing, each person shows they agree with this outcome agreement "
                f"({doc.reference}, version {doc.version}).",
                styles.BODY,
            ),
            *_signature_rows(doc.signatures),
        ]
        story.append(KeepTogether(section))

    return build_pdf(
        story,
        title=f"Outcome agreement {doc.reference} v{doc.version}",
        subject="Restorative justice outcome agreement",
        author=doc.letterhead.service_name,
        footer=footer,
        footer_mark=state_mark,
    )


def _state_mark(state: str) -> str:
    """The warning a copy carries when it is not the agreement in force."""
    normalised = state.strip().lower()
    if normalised == "draft":
        return DRAFT_MARK
    if normalised == "superseded":
        return SUPERSEDED_MARK
    return ""


def _details(doc: AgreementDocument) -> list[tuple[str, str]]:
    state = clean(doc.state.strip())
    if state.lower() == "draft":
        state = "to be signed"
    rows = [
        ("Reference", doc.reference),
        ("Date", format_date(doc.date)),
        ("Version", f"{doc.version} ({state})" if state else str(doc.version)),
    ]
    if doc.facilitator.strip():
        rows.append(("Facilitator", doc.facilitator))
    return rows


def _signature_rows(signatures: tuple[SignatureBlock, ...]) -> list[Flowable]:
    """Two signers to a row; a row is a one-row table, which reportlab never splits across
    pages, so no one's name is parted from their line. (Not KeepTogether: nested inside the
    section's KeepTogether it would always push the section onto a new page.)"""
    blocks = [_signature_block(s) for s in signatures]
    rows: list[Flowable] = []
    for start in range(0, len(blocks), 2):
        pair: list[Any] = blocks[start : start + 2]
        if len(pair) == 1:
            pair.append("")
        table = Table(
            [pair],
            colWidths=[_SIGNATURE_COLUMN, _SIGNATURE_COLUMN],
            style=[
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 1 * cm),
                ("TOPPADDING", (0, 0), (-1, -1), 10),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ],
            hAlign="LEFT",
        )
        rows.append(table)
    return rows


def _signature_block(signature: SignatureBlock) -> list[Flowable]:
    """A captured signature above the line, or empty space to sign on; then who signs, in what
    capacity, and when."""
    block: list[Flowable] = []
    if signature.image_png is not None:
        try:
            image = scaled_image(
                signature.image_png,
                max_width=_SIGNATURE_IMAGE_WIDTH,
                max_height=_SIGNATURE_IMAGE_MAX_HEIGHT,
            )
        except ValueError as exc:
            raise ValueError(f"the signature of {signature.name} cannot be read") from exc
        # Keep the block as tall as a blank one, so captured and paper signers line up.
        block.append(Spacer(1, max(0.0, _SIGNING_SPACE - image.drawHeight)))
        block.append(image)
        when = f"Signed on {format_date(signature.signed_on)}" if signature.signed_on else ""
    else:
        block.append(Spacer(1, _SIGNING_SPACE))
        if signature.on_paper and signature.signed_on is not None:
            when = f"Signed on paper on {format_date(signature.signed_on)}"
        else:
            when = "Date ____________________"
    block.append(
        HRFlowable(width="100%", thickness=0.8, color=styles.INK, spaceBefore=2, spaceAfter=4)
    )
    block.append(Paragraph(markup(signature.name), styles.SIGNER_NAME))
    if signature.capacity.strip():
        block.append(para(signature.capacity, styles.SIGNER_LINE))
    if when:
        block.append(para(when, styles.SIGNER_LINE))
    return block
