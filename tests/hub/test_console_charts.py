"""The returns' SVG bar charts, parsed back as XML: bar lengths proportional to figures stated
here by hand, a suppressed cell drawn at no length, totals left to the table, colours that pass
WCAG's 3:1 against white, and a label that would be markup kept as text."""

from __future__ import annotations

import dataclasses
import xml.etree.ElementTree as ET

from rjdesk_hub.console import charts
from rjdesk_hub.returns.result import Cell, Table

NS = {"svg": charts.SVG_NS}


def _count(value: int) -> Cell:
    return Cell(float(value), str(value))


def _sources() -> Table:
    return Table(
        id="referrals_by_source",
        title="Referrals by source",
        measure="count",
        unit="cases",
        rows=("Police", "Housing", "Self-referral", "Total"),
        columns=("Cases",),
        cells=(
            (_count(40),),
            (_count(10),),
            (Cell(None, "<5", suppressed=True),),
            (Cell(None, "<5", suppressed=True),),
        ),
        row_total=True,
    )


def _parse(table: Table) -> ET.Element:
    return ET.fromstring(charts.svg(table))


def _bars(root: ET.Element) -> dict[tuple[str, str], ET.Element]:
    return {(g.get("data-row", ""), g.get("data-column", "")): g for g in root.iter(_tag("g"))}


def _tag(name: str) -> str:
    return f"{{{charts.SVG_NS}}}{name}"


def test_bars_are_as_long_as_their_counts_and_a_suppressed_one_has_no_length() -> None:
    root = _parse(_sources())
    assert root.get("role") == "img"
    title = root.find("svg:title", NS)
    assert title is not None and title.text == "Chart: Referrals by source"
    assert root.find("svg:desc", NS) is not None
    assert set(root.get("aria-labelledby", "").split()) == {
        "chart-referrals_by_source-title",
        "chart-referrals_by_source-desc",
    }
    drawn = _bars(root)
    # The total row is the table's, not the chart's.
    assert set(drawn) == {("Police", "Cases"), ("Housing", "Cases"), ("Self-referral", "Cases")}
    police = drawn["Police", "Cases"].find("svg:rect", NS)
    housing = drawn["Housing", "Cases"].find("svg:rect", NS)
    assert police is not None and housing is not None
    # 40 is the largest: the whole plot; 10 is a quarter of it.
    assert float(police.get("width", "")) == charts.PLOT_WIDTH
    assert float(housing.get("width", "")) == charts.PLOT_WIDTH / 4
    suppressed = drawn["Self-referral", "Cases"]
    assert suppressed.get("data-suppressed") == "yes"
    assert suppressed.get("data-length") is None
    box = suppressed.find("svg:rect", NS)
    assert box is not None and box.get("class") == "rj-suppressed"
    assert box.get("width") == str(charts.BAR_HEIGHT)  # a fixed marker, not a length
    words = "".join(suppressed.itertext())
    assert words == "<5 (too few to show)"


def test_a_cell_hidden_to_protect_another_is_drawn_as_the_same_box_with_its_own_mark() -> None:
    """Police 40 shown; housing 10 hidden only so the self-referrals' "<5" cannot be worked
    out ("[c]"): the same fixed box as "<5", no length, and only its words differ."""
    table = Table(
        id="t", title="Referrals by source", measure="count", unit="cases",
        rows=("Police", "Housing", "Self-referral"), columns=("Cases",),
        cells=(
            (_count(40),), (Cell(None, "[c]", suppressed=True),),
            (Cell(None, "<5", suppressed=True),),
        ),
    )  # fmt: skip
    drawn = _bars(_parse(table))
    concealed, small = drawn["Housing", "Cases"], drawn["Self-referral", "Cases"]
    assert "".join(concealed.itertext()) == "[c] (hidden to protect a small number)"
    assert "".join(small.itertext()) == "<5 (too few to show)"
    for group in (concealed, small):
        assert group.get("data-suppressed") == "yes" and group.get("data-length") is None
    concealed_box, small_box = concealed.find("svg:rect", NS), small.find("svg:rect", NS)
    assert concealed_box is not None and small_box is not None
    assert {k: v for k, v in concealed_box.attrib.items() if k != "y"} == {
        k: v for k, v in small_box.attrib.items() if k != "y"
    }
    # A badly made cell that carries some other text is still drawn as "<5".
    odd = dataclasses.replace(table, cells=((Cell(None, "3", suppressed=True),),), rows=("A",))
    assert "".join(_bars(_parse(odd))["A", "Cases"].itertext()) == "<5 (too few to show)"


def test_the_largest_suppressed_cell_does_not_set_the_scale() -> None:
    # Were "<5" drawn from a guessed value, 3 would be a length; it must have none, and the
    # scale stays that of the shown figures (6 is the largest: 6 fills the plot, 3 half).
    table = Table(
        id="t", title="Closure reasons", measure="count", unit="cases",
        rows=("Completed", "Withdrew", "Other"), columns=("Cases",),
        cells=((_count(6),), (_count(3),), (Cell(None, "<5", suppressed=True),)),
    )  # fmt: skip
    drawn = _bars(_parse(table))
    assert float(drawn["Completed", "Cases"].get("data-length", "")) == charts.PLOT_WIDTH
    assert float(drawn["Withdrew", "Cases"].get("data-length", "")) == charts.PLOT_WIDTH / 2
    assert drawn["Other", "Cases"].get("data-length") is None


def test_a_rate_is_drawn_on_a_scale_of_a_hundred_per_cent() -> None:
    table = Table(
        id="vc", title="Victims' Code information within 5 working days", measure="rate",
        unit="%", rows=("Q3",), columns=("Rate",), cells=((Cell(75.0, "75%"),),),
    )  # fmt: skip
    drawn = _bars(_parse(table))
    assert float(drawn["Q3", "Rate"].get("data-length", "")) == charts.PLOT_WIDTH * 3 / 4
    assert "75%" in "".join(drawn["Q3", "Rate"].itertext())


def test_columns_are_bars_side_by_side_named_in_text_and_the_total_column_is_left_out() -> None:
    table = Table(
        id="satisfaction", title="Satisfaction", measure="count", unit="people",
        rows=("Satisfied",), columns=("Harmed", "Responsible", "Total"),
        cells=((_count(20), _count(5), _count(25)),), column_total=True,
    )  # fmt: skip
    drawn = _bars(_parse(table))
    assert set(drawn) == {("Satisfied", "Harmed"), ("Satisfied", "Responsible")}
    assert float(drawn["Satisfied", "Harmed"].get("data-length", "")) == charts.PLOT_WIDTH
    assert float(drawn["Satisfied", "Responsible"].get("data-length", "")) == (
        charts.PLOT_WIDTH / 4
    )
    assert "".join(drawn["Satisfied", "Responsible"].itertext()) == "Responsible: 5"
    fills = {g.find("svg:rect", NS).get("fill") for g in drawn.values()}  # type: ignore[union-attr]
    assert len(fills) == 2  # told apart by colour too, not only by words


def test_a_figure_with_nothing_to_show_has_its_dash_and_no_bar() -> None:
    table = Table(
        id="median", title="Days to first contact", measure="median", unit="days",
        rows=("Median",), columns=("Days",), cells=((Cell(None, "–"),),),
    )  # fmt: skip
    drawn = _bars(_parse(table))
    assert drawn["Median", "Days"].find("svg:rect", NS) is None
    assert "".join(drawn["Median", "Days"].itertext()) == "–"


def test_a_label_that_looks_like_markup_stays_text() -> None:
    table = Table(
        id="x", title="Sources <script>", measure="count", unit="cases",
        rows=('<img src=x onerror="alert(1)">',), columns=("Cases",), cells=((_count(5),),),
    )  # fmt: skip
    text = charts.svg(table)
    assert "<script>" not in text and "<img" not in text
    root = ET.fromstring(text)
    assert '<img src=x onerror="alert(1)">' in "".join(root.itertext())


def _contrast(colour: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    luminance = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return 1.05 / (luminance + 0.05)


def test_every_colour_stands_out_from_white_by_at_least_three_to_one() -> None:
    for colour in (*charts.BAR_COLOURS, charts.HATCH_COLOUR):
        assert _contrast(colour) >= 3.0, colour
    assert _contrast(charts.TEXT_COLOUR) >= 4.5
