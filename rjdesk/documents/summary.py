"""The case summary: the case as it stands, for a handover or a supervision session at the hub."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph

from rjdesk.documents import styles
from rjdesk.documents.fonts import register_fonts
from rjdesk.documents.layout import (
    FRAME_WIDTH,
    build_pdf,
    format_date,
    grid_table,
    heading,
    label_value_table,
    letterhead,
    markup,
    para,
    paragraphs,
    rule,
)
from rjdesk.documents.model import AgreementSummary, CaseSummaryDocument, ContactLine

CONFIDENTIAL = (
    "Confidential: this summary holds personal information about the people in the case. "
    "Keep it secure and share it only with those who need it."
)
NONE_RECORDED = "None recorded"

_STAGE_COLUMNS = (2.8 * cm, 5.4 * cm, 3.4 * cm, FRAME_WIDTH - 11.6 * cm)
_ACTION_COLUMNS = (1.2 * cm, 3.4 * cm, FRAME_WIDTH - 11.2 * cm, 2.8 * cm, 3.8 * cm)

# The lines under a contact's heading stay with it, so a page never ends on a bare heading.
_CONTACT_META = ParagraphStyle("rj-contact-meta", parent=styles.SMALL, keepWithNext=1)


def case_summary_pdf(doc: CaseSummaryDocument) -> bytes:
    """The case summary as PDF bytes (A4, built in memory, the same data giving the same bytes):
    the case and its risk, the referral, people and roles, the stage history, every contact
    with its notes in full, and each agreement version with the follow-up of its actions."""
    register_fonts()  # before any Paragraph: parsing <b> needs the font family
    generated = f"Case summary generated {format_date(doc.generated_on)} by {doc.generated_by}"
    story: list[Flowable] = [*letterhead(doc.letterhead)]
    story.append(Paragraph("Case summary", styles.TITLE))
    story.append(
        label_value_table(
            [
                ("Reference", doc.reference),
                ("Generated", f"{format_date(doc.generated_on)} by {doc.generated_by}"),
            ],
            label_width=3.2 * cm,
        )
    )
    story.append(para(CONFIDENTIAL, styles.SMALL))

    story += _the_case(doc)

    story += heading("Referral")
    story.append(
        label_value_table(doc.referral, label_width=3.2 * cm)
        if doc.referral
        else para(NONE_RECORDED, styles.BODY)
    )

    story += heading("People and roles")
    story.append(
        label_value_table(
            [(p.name, p.role) for p in doc.people],
            label_width=FRAME_WIDTH * 0.4,
            label_style=styles.SIGNER_NAME,
        )
        if doc.people
        else para(NONE_RECORDED, styles.BODY)
    )

    story += heading("Stage history")
    story.append(
        grid_table(
            ("When", "Change", "By", "Note"),
            ((s.when, s.change, s.by, s.note) for s in doc.stage_history),
            _STAGE_COLUMNS,
        )
        if doc.stage_history
        else para(NONE_RECORDED, styles.BODY)
    )

    story += heading("Contacts")
    if not doc.contacts:
        story.append(para(NONE_RECORDED, styles.BODY))
    for number, contact in enumerate(doc.contacts):
        if number:
            story.append(rule(space_before=2, space_after=2))
        story += _contact(contact)

    story += heading("Agreements")
    if not doc.agreements:
        story.append(para(NONE_RECORDED, styles.BODY))
    for agreement in doc.agreements:
        story += _agreement(agreement)

    return build_pdf(
        story,
        title=f"Case summary {doc.reference}",
        subject="Restorative justice case summary",
        author=doc.letterhead.service_name,
        footer=f"{doc.reference} · {generated}",
        # Pages of a summary get separated on a desk: each says what it holds.
        footer_mark="Confidential: personal information about the people in this case",
    )


def _lines(values: tuple[str, ...]) -> str:
    """Several short lines in one table cell, or "None recorded"."""
    return "\n".join(values) if values else NONE_RECORDED


def _the_case(doc: CaseSummaryDocument) -> list[Flowable]:
    risk = doc.risk
    if doc.risk_factors:
        risk += "\n" + "\n".join(f"• {factor}" for factor in doc.risk_factors)
    rows = [
        ("Type", doc.case_type),
        ("Stage", doc.stage),
        ("Flags", ", ".join(doc.flags) if doc.flags else NONE_RECORDED),
        ("Risk", risk),
        ("Victims' Code", _lines(doc.victims_code)),
        ("Safeguarding", _lines(doc.safeguarding)),
    ]
    return [
        *heading("The case"),
        label_value_table(rows, label_width=3.2 * cm),
    ]


def _contact(contact: ContactLine) -> list[Flowable]:
    """One contact: when and what kind as a heading, where / who / recorded by, the notes in
    full (split across pages between or inside paragraphs), next steps, then any addenda
    indented under it."""
    title = " · ".join(part for part in (contact.when, contact.kind) if part.strip())
    meta = [
        ("Where", contact.where),
        ("Present", contact.who),
        ("Recorded by", contact.author),
    ]
    meta_text = "   ·   ".join(
        f"<b>{label}</b> {markup(value)}" for label, value in meta if value.strip()
    )
    # A contact starts on the next page rather than leave its heading and first lines behind.
    flowables: list[Flowable] = [CondPageBreak(3 * cm), para(title, styles.SUBHEADING)]
    if meta_text:
        flowables.append(Paragraph(meta_text, _CONTACT_META))
    flowables += paragraphs(contact.notes, styles.BODY) or [para("No notes.", styles.BODY)]
    if contact.next_steps.strip():
        flowables.append(Paragraph(f"<b>Next steps:</b> {markup(contact.next_steps)}", styles.BODY))
    flowables += [para(addendum, styles.ADDENDUM) for addendum in contact.addenda]
    return flowables


def _agreement(agreement: AgreementSummary) -> list[Flowable]:
    dates = [
        f"Agreed {agreement.agreed_on}" if agreement.agreed_on.strip() else "Not yet agreed",
        f"Review {agreement.review_on}" if agreement.review_on.strip() else "No review date",
    ]
    flowables: list[Flowable] = [
        CondPageBreak(4 * cm),
        para(f"Version {agreement.version} · {agreement.state}", styles.SUBHEADING),
        Paragraph(markup("   ·   ".join(dates)), _CONTACT_META),
    ]
    if agreement.actions:
        flowables.append(
            grid_table(
                ("No.", "Who", "What", "By when", "Follow-up"),
                (
                    (str(n), a.who, a.what, a.by_when, a.status)
                    for n, a in enumerate(agreement.actions, 1)
                ),
                _ACTION_COLUMNS,
            )
        )
    else:
        flowables.append(para("No actions.", styles.BODY))
    return flowables
