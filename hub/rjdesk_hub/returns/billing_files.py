"""A billing statement as a file: CSV (one line per referral, then the summary) and PDF (one
page or more per organisation, reportlab). Neither holds a name: references and days only."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, TableStyle
from reportlab.platypus import Table as PdfTable

from rjdesk_hub.returns.billing import Block, Statement, money
from rjdesk_hub.returns.periods import day_words

HEADER = ("Organisation", "Referral", "Case", "Accepted on", "Charge", "Note")


def summary(statement: Statement) -> list[str]:
    """The statement's summary, a sentence a line, as every output prints it."""
    rule = statement.rule
    if rule is None:
        return [
            f"{statement.cases} case(s) accepted; no price is set for {statement.organisation} "
            "and there is no default price in hub.json's billing rules.",
        ]
    said = [f"Price: {rule.describe()}."]
    if isinstance(rule, Block):
        said.append(
            f"Cases used from blocks in the period: {statement.cases}; cases that had used "
            f"blocks before it: {statement.block_cases_before}."
        )
        said.append(
            f"Blocks to bill for this period: {statement.blocks}; cases left in the last block "
            f"bought: {statement.block_left}."
        )
    else:
        said.append(f"Cases charged in the period: {statement.cases}.")
    said.append(f"Total for the period: {money(statement.total)}.")
    return said


def to_csv(statements: Sequence[Statement]) -> bytes:
    """One row per referral, and a "Total" row per organisation (UTF-8 with a BOM, for Excel)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for statement in statements:
        for line in statement.lines:
            charge = money(line.charge) if line.charge is not None else ""
            writer.writerow(
                (statement.organisation, line.referral, line.case,
                 line.accepted_on.isoformat(), charge, line.note)
            )  # fmt: skip
        blocks = f"{statement.blocks} block(s)" if isinstance(statement.rule, Block) else ""
        writer.writerow(
            (statement.organisation, "Total", "", statement.period.label,
             money(statement.total), blocks)
        )  # fmt: skip
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def to_pdf(statements: Sequence[Statement], *, hub_name: str) -> bytes:
    """A statement per organisation, each starting a page."""
    styles = getSampleStyleSheet()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, title="Billing statement", author=hub_name,
        leftMargin=18 * mm, rightMargin=18 * mm, topMargin=18 * mm, bottomMargin=18 * mm,
    )  # fmt: skip
    story: list[object] = []
    for number, statement in enumerate(statements):
        if number:
            story.append(PageBreak())
        period = statement.period
        story += [
            Paragraph(f"Billing statement: {_escape(statement.organisation)}", styles["Title"]),
            Paragraph(
                f"{_escape(hub_name)}. Period: {_escape(period.label)} "
                f"({day_words(period.start)} to {day_words(period.end)}).",
                styles["Normal"],
            ),
            Paragraph(
                "Non-crime referrals made by the organisation and accepted by the hub in the "
                "period, by the day each was accepted.",
                styles["Normal"],
            ),
            Spacer(1, 4 * mm),
        ]
        rows = [["Referral", "Case", "Accepted on", "Charge", "Note"]]
        rows += [
            [line.referral, line.case, day_words(line.accepted_on),
             money(line.charge) if line.charge is not None else "", line.note]
            for line in statement.lines
        ]  # fmt: skip
        if not statement.lines:
            rows.append(["No referral in this period", "", "", "", ""])
        table = PdfTable(rows, repeatRows=1, colWidths=[30 * mm, 30 * mm, 28 * mm, 22 * mm, None])
        table.setStyle(
            TableStyle(
                [
                    ("FONTNAME", (0, 0), (-1, 0), "Helvetica-Bold"),
                    ("FONTSIZE", (0, 0), (-1, -1), 9),
                    ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
                    ("LINEBELOW", (0, 1), (-1, -1), 0.3, colors.grey),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story += [table, Spacer(1, 5 * mm)]
        story += [Paragraph(_escape(sentence), styles["Normal"]) for sentence in summary(statement)]
    if not statements:
        story.append(Paragraph("Billing statement", styles["Title"]))
        story.append(Paragraph("No organisation has a billable referral here.", styles["Normal"]))
    doc.build(story)
    return out.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
