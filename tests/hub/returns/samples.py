"""Returns made by hand for the output and kept-return tests: no engine, every figure stated.

Two suppressed cells carry a planted value (7919, 6067) that a correct result never has (a
suppressed cell keeps no value): no output may print it, only "<5".
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from rjdesk_hub.returns.result import Cell, Period, ReturnResult, Table

PLANTED = ("7919", "6067")
HOSTILE_LABEL = '=HYPERLINK("http://evil.example/","Click")'
Q3 = Period(date(2026, 10, 1), date(2026, 12, 31), "2026-27 Q3")
COMPUTED_AT = datetime(2026, 12, 8, 10, 15, tzinfo=UTC)


def n(value: float) -> Cell:
    return Cell(float(value), f"{value:g}")


def hidden(planted: float | None = None) -> Cell:
    """A suppressed cell; ``planted`` makes it a badly made one that still carries a value."""
    if planted is None:
        return Cell(None, "<5", suppressed=True)
    return Cell(planted, f"{planted:g}", suppressed=True)


NOTHING = Cell(None, "–")


def by_source(police: int = 12) -> Table:
    return Table(
        id="referrals_by_source",
        title="Referrals by source",
        measure="count",
        unit="cases",
        rows=("Police", "Victim Support", "Self-referral", HOSTILE_LABEL, "Total"),
        columns=("2026-27 Q3",),
        cells=(
            (n(police),),
            (hidden(7919),),
            (hidden(6067),),
            (n(17),),
            (n(police + 24),),
        ),
        row_total=True,
        note="Cases placed in the period by the date the referral was received.",
    )


def victims_code() -> Table:
    return Table(
        id="victims_code",
        title="Victims' Code information within 5 working days",
        measure="rate",
        unit="%",
        rows=("Harmed people informed in time",),
        columns=("Rate",),
        cells=((Cell(83.3, "83%"),),),
        note="Of harmed people whose 5 working days ended in the period.",
    )


def days_to() -> Table:
    return Table(
        id="days_to",
        title="Days from referral",
        measure="median",
        unit="days",
        rows=("To first contact", "To assessment", "To closure"),
        columns=("Median",),
        cells=((Cell(4.5, "4.5"),), (n(11),), (NOTHING,)),
    )


def ethnicity() -> Table:
    return Table(
        id="ethnicity_by_role",
        title="Participants by ethnic group and role",
        measure="count",
        unit="people",
        rows=(
            "White: English, Welsh, Scottish, Northern Irish or British",
            "Asian or Asian British: Indian",
            "Prefer not to say",
            "Total",
        ),
        columns=("Harmed", "Responsible", "Total"),
        cells=(
            (n(1204), Cell(1310.0, "1,310"), Cell(2514.0, "2,514")),
            (hidden(), hidden(), n(9)),
            (n(6), n(8), n(14)),
            (Cell(1215.0, "1,215"), Cell(1322.0, "1,322"), Cell(2537.0, "2,537")),
        ),
        row_total=True,
        column_total=True,
    )


def satisfaction() -> Table:
    return Table(
        id="satisfaction",
        title="Satisfied or very satisfied (end of intervention)",
        measure="rate",
        unit="%",
        rows=("Harmed", "Responsible"),
        columns=("Rate",),
        cells=((Cell(83.5, "83.5%"),), (hidden(),)),
    )


def sample(police: int = 12, version: int = 1) -> ReturnResult:
    return ReturnResult(
        definition_id="rj-quarterly",
        definition_version=version,
        title="RJ quarterly return",
        period=Q3,
        computed_at=COMPUTED_AT,
        tables=(by_source(police), victims_code(), days_to(), ethnicity(), satisfaction()),
    )
