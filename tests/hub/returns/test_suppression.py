"""Small numbers stay hidden: a count of 1 to 4 is "<5", and no suppressed cell can be worked
out by adding and subtracting the shown cells of its rows, columns and totals."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from rjdesk_hub.returns.suppression import Grid, pinned, secure

Cell = tuple[int, int]


def grid_of(body: list[list[int]], *, totals_shown: bool = True) -> Grid:
    """The grid of a table with its totals: a total row, and a total column when it has more
    than one column (a table by two fields)."""
    two_way = len(body[0]) > 1
    rows = [row + ([sum(row)] if two_way else []) for row in body]
    rows.append([sum(column) for column in zip(*rows, strict=True)])
    grid = Grid(rows, row_equations=two_way, column_equations=True)
    if not totals_shown:
        grid.hidden = {cell for cell in grid.cells() if grid.is_total(cell)}
    return grid


def suppressed_of(grid: Grid) -> set[Cell]:
    return secure(grid, grid.primary() - grid.hidden)


def _rank(matrix: list[list[Fraction]]) -> int:
    rows = [row[:] for row in matrix]
    rank = 0
    width = len(rows[0]) if rows else 0
    for column in range(width):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][column] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for r in range(len(rows)):
            if r != rank and rows[r][column] != 0:
                factor = rows[r][column] / rows[rank][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[rank], strict=True)]
        rank += 1
    return rank


def determined(grid: Grid, unknown: set[Cell]) -> set[Cell]:
    """The unknown cells the table's equations fix, by linear algebra (independently of the
    graph argument ``secure`` uses): x is fixed when its unit vector is in the row space of
    the equations restricted to the unknown cells."""
    order = sorted(unknown)
    height, width = len(grid.values), len(grid.values[0])
    equations: list[list[Fraction]] = []
    if grid.row_equations:
        for r in range(height):
            line = {(r, c): Fraction(1) for c in range(width - 1)} | {(r, width - 1): Fraction(-1)}
            equations.append([line.get(cell, Fraction(0)) for cell in order])
    if grid.column_equations:
        for c in range(width):
            line = {(r, c): Fraction(1) for r in range(height - 1)} | {
                (height - 1, c): Fraction(-1)
            }
            equations.append([line.get(cell, Fraction(0)) for cell in order])
    if not equations or not order:
        return set()
    base = _rank(equations)
    fixed = set()
    for index, cell in enumerate(order):
        unit = [Fraction(1 if i == index else 0) for i in range(len(order))]
        if _rank([*equations, unit]) == base:
            fixed.add(cell)
    return fixed


def test_a_small_count_is_suppressed_and_zero_is_shown() -> None:
    grid = grid_of([[12], [3], [0], [9]])
    assert grid.primary() == {(1, 0)}
    # The 3 alone would be 24 - 12 - 0 - 9: the smallest other cell goes with it, the 0 (a
    # hidden 0 shown "<5" is true, and hides the least).
    assert suppressed_of(grid) == {(1, 0), (2, 0)}


def test_a_secondary_cell_is_the_smallest_a_zero_before_a_six() -> None:
    grid = grid_of([[9], [6], [3], [0]])
    # The 3 would be 18 - 9 - 6 - 0: the 0 goes (shown "<5", true), not the 6.
    assert suppressed_of(grid) == {(2, 0), (3, 0)}


def test_a_rectangle_closed_by_two_zeros_of_one_row_is_not_enough() -> None:
    """The 1's column and row lose their smallest cells, the zeros of the row below; but that
    row shows its total 8 beside them, so its two hidden cells add up to 0: both are 0, since
    no count is negative, and the 1 would be 7 - 6. More cells are hidden until it is not."""
    grid = grid_of([[1, 7, 9], [0, 0, 8], [6, 5, 9]])
    assert pinned(grid, {(0, 0), (1, 0), (1, 1), (0, 1)}) == {(1, 0), (1, 1)}
    suppressed = suppressed_of(grid)
    unknown = suppressed - pinned(grid, suppressed)
    assert (0, 0) in unknown
    assert determined(grid, unknown) == set()


def test_a_small_total_is_suppressed_with_its_small_cells() -> None:
    grid = grid_of([[2], [0], [1]])
    assert suppressed_of(grid) == {(0, 0), (2, 0), (3, 0)}


def test_a_two_way_table_hides_a_rectangle_not_a_line() -> None:
    # Referrals by source (rows) and channel (columns): one 2 in the middle.
    grid = grid_of([[10, 8, 6], [7, 2, 9], [12, 11, 5]])
    suppressed = suppressed_of(grid)
    assert (1, 1) in suppressed
    assert determined(grid, suppressed) == set()
    # The 2's row and column each lose one more cell, and a fourth closes the rectangle.
    assert suppressed == {(1, 1), (1, 0), (0, 1), (0, 0)}


def test_a_table_without_totals_needs_no_second_cell() -> None:
    grid = grid_of([[12], [3], [9]], totals_shown=False)
    assert suppressed_of(grid) == {(1, 0)}


def test_a_total_known_from_another_table_needs_a_second_cell() -> None:
    grid = grid_of([[12], [3], [9]], totals_shown=False)
    grid.hidden.discard((3, 0))  # the total is shown in a table by another field
    assert suppressed_of(grid) == {(1, 0), (2, 0)}


def test_a_bridge_between_two_rectangles_is_closed() -> None:
    """Each suppressed cell has another in its row and column, yet one is fixed by the others:
    two suppressed rectangles joined by a cell whose row and column both already hold two."""
    grid = grid_of([[2, 3, 50, 50], [3, 2, 50, 50], [50, 50, 2, 3], [50, 50, 3, 2]])
    unknown = {(0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3), (1, 2)}
    assert determined(grid, unknown) == {(1, 2)}
    secured = secure(grid, unknown)
    assert determined(grid, secured) == set()


values = st.integers(0, 12) | st.integers(0, 4)
bodies = st.integers(1, 5).flatmap(
    lambda width: st.lists(st.lists(values, min_size=width, max_size=width), min_size=1, max_size=5)
)


@settings(max_examples=300, deadline=None)
@given(body=bodies, totals_shown=st.booleans())
def test_every_line_holds_no_suppressed_cell_or_two_or_its_total(
    body: list[list[int]], totals_shown: bool
) -> None:
    grid = grid_of(body, totals_shown=totals_shown)
    suppressed = suppressed_of(grid)
    unknown = suppressed | grid.hidden
    assert grid.primary() - grid.hidden <= suppressed
    # A hidden zero its line pins at 0 (no count is negative) is as good as shown.
    unknown -= pinned(grid, unknown)
    height, width = len(grid.values), len(grid.values[0])
    lines: list[tuple[list[Cell], Cell]] = []
    if grid.row_equations:
        lines += [([(r, c) for c in range(width - 1)], (r, width - 1)) for r in range(height)]
    if grid.column_equations:
        lines += [([(r, c) for r in range(height - 1)], (height - 1, c)) for c in range(width)]
    for members, total in lines:
        hidden_members = [cell for cell in members if cell in unknown]
        assert len(hidden_members) != 1 or total in unknown, (members, suppressed)
        assert not (len(hidden_members) == 0 and total in suppressed), (members, suppressed)


@settings(max_examples=300, deadline=None)
@given(body=bodies, totals_shown=st.booleans())
def test_no_suppressed_cell_follows_from_the_shown_ones(
    body: list[list[int]], totals_shown: bool
) -> None:
    grid = grid_of(body, totals_shown=totals_shown)
    suppressed = suppressed_of(grid)
    unknown = suppressed | grid.hidden
    # Zeros a line pins at 0 (no count is negative) are known as well as shown cells.
    known_zeros = pinned(grid, unknown)
    assert determined(grid, unknown - known_zeros) & (suppressed - known_zeros) == set()
