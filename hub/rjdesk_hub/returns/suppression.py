"""Small numbers: which cells of a return are hidden (docs/returns.md, "Suppression"): shown as
"<5" when under 5, and as "[c]" when 5 or more and hidden only to protect another.

Primary: a count or sum from 1 to 4 is suppressed (0 is shown: it identifies no one, and PCC
templates show it); a rate, median or percentile over 1 to 4 units is suppressed.

Secondary, for the additive tables (counts and sums): a table is a grid whose last row and
column may be totals, and every row and column is an equation (its cells add up to its total).
A suppressed cell can be recovered exactly when the equations of the shown cells determine it.
Mark a table's unknown cells (suppressed, and totals a table does not show) as edges of a graph
whose nodes are its rows and columns (a row or column with no equation, as in a table with no
total column, is one shared "ground" node): a variation of the unknown cells that keeps every
equation is a cycle of that graph, so a cell is determined exactly when its edge is a bridge.
``secure`` suppresses more cells, the smallest first (zeros included), until no suppressed cell
is a bridge: every line then holds no unknown cell or at least two, and no combination of lines
gives one away either. Tables that share a total (``engine``) suppress it together.
"""

from __future__ import annotations

from collections.abc import Iterable

# A number under this identifies too few people to show.
THRESHOLD = 5
Cell = tuple[int, int]
_GROUND = ("ground", 0)


def is_small(value: float) -> bool:
    """Whether a count or sum is suppressed: 1 to 4 (0 is shown)."""
    return 0 < value < THRESHOLD


def too_few(base: int) -> bool:
    """Whether a rate, median or percentile over ``base`` units is suppressed."""
    return 0 < base < THRESHOLD


class Grid:
    """An additive table's values with its equations: ``row_equations`` when its last column
    is the total of each row, ``column_equations`` when its last row is the total of each
    column. ``hidden``: totals the table does not show (unknown to a reader, not secret)."""

    def __init__(
        self,
        values: list[list[float]],
        *,
        row_equations: bool,
        column_equations: bool,
        hidden: Iterable[Cell] = (),
    ) -> None:
        self.values = values
        self.row_equations = row_equations
        self.column_equations = column_equations
        self.hidden = set(hidden)
        self.last_row = len(values) - 1
        self.last_column = len(values[0]) - 1

    def node(self, cell: Cell) -> tuple[tuple[str, int], tuple[str, int]]:
        row, column = cell
        return (
            ("row", row) if self.row_equations else _GROUND,
            ("column", column) if self.column_equations else _GROUND,
        )

    def cells(self) -> list[Cell]:
        return [(r, c) for r in range(len(self.values)) for c in range(len(self.values[0]))]

    def is_total(self, cell: Cell) -> bool:
        row, column = cell
        return (self.column_equations and row == self.last_row) or (
            self.row_equations and column == self.last_column
        )

    def primary(self) -> set[Cell]:
        return {cell for cell in self.cells() if is_small(self.values[cell[0]][cell[1]])}


def bridges(grid: Grid, unknown: set[Cell]) -> set[Cell]:
    """The unknown cells the others' equations determine: the bridges of the unknown graph."""
    adjacency: dict[tuple[str, int], list[tuple[tuple[str, int], Cell]]] = {}
    for cell in unknown:
        a, b = grid.node(cell)
        if a == b:
            continue  # a cell in no equation is never determined
        adjacency.setdefault(a, []).append((b, cell))
        adjacency.setdefault(b, []).append((a, cell))
    order: dict[tuple[str, int], int] = {}
    low: dict[tuple[str, int], int] = {}
    found: set[Cell] = set()
    for root in sorted(adjacency):
        if root in order:
            continue
        order[root] = low[root] = len(order)
        # Iterative depth-first search; the edge we came by is skipped by its cell, not its
        # node, so two unknown cells between the same nodes make a cycle.
        stack: list[tuple[tuple[str, int], Cell | None, int]] = [(root, None, 0)]
        while stack:
            node, came_by, next_index = stack[-1]
            if next_index < len(adjacency[node]):
                stack[-1] = (node, came_by, next_index + 1)
                neighbour, cell = adjacency[node][next_index]
                if cell == came_by:
                    continue
                if neighbour in order:
                    low[node] = min(low[node], order[neighbour])
                else:
                    order[neighbour] = low[neighbour] = len(order)
                    stack.append((neighbour, cell, 0))
            else:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[node])
                    if low[node] > order[parent] and came_by is not None:
                        found.add(came_by)
    return found


def _component(grid: Grid, unknown: set[Cell], start: tuple[str, int]) -> set[tuple[str, int]]:
    reached = {start}
    frontier = [start]
    edges = [grid.node(cell) for cell in unknown]
    while frontier:
        node = frontier.pop()
        for a, b in edges:
            for here, there in ((a, b), (b, a)):
                if here == node and there not in reached:
                    reached.add(there)
                    frontier.append(there)
    return reached


def _preference(grid: Grid, cell: Cell) -> tuple[bool, bool, float, int, int]:
    """The complementary cell to suppress first: a body cell before a total and the grand
    total last; then the smallest, zeros included (a hidden 0 is truly "<5", and hiding the
    smallest loses the least); then the first in reading order."""
    value = grid.values[cell[0]][cell[1]]
    grand = cell == (grid.last_row, grid.last_column) and grid.is_total(cell)
    return (grand, grid.is_total(cell), value, cell[0], cell[1])


def _line(grid: Grid, node: tuple[str, int]) -> tuple[list[Cell], Cell]:
    """The cells of a row's or column's equation and its total."""
    kind, index = node
    if kind == "row":
        return [(index, c) for c in range(grid.last_column + 1)], (index, grid.last_column)
    return [(r, index) for r in range(grid.last_row + 1)], (grid.last_row, index)


def pinned(grid: Grid, unknown: set[Cell]) -> set[Cell]:
    """Unknown cells a reader knows are 0 since counts are never negative: a line whose total
    is shown and whose unknown cells are all zeros tells that they add up to 0. (Zeros are
    chosen first as complementary cells, so a rectangle of them must not be all the cover.)"""
    known: set[Cell] = set()
    nodes = {node for cell in unknown for node in grid.node(cell) if node != _GROUND}
    changed = True
    while changed:
        changed = False
        for node in sorted(nodes):
            members, total = _line(grid, node)
            open_cells = [cell for cell in members if cell in unknown - known and cell != total]
            if total in unknown - known or not open_cells:
                continue
            if all(grid.values[r][c] == 0 for r, c in open_cells):
                known |= set(open_cells)
                changed = True
    return known


def secure(grid: Grid, suppressed: set[Cell]) -> set[Cell]:
    """``suppressed`` with enough further cells that none of them can be worked out from the
    shown cells by adding and subtracting along rows and columns (hidden zeros a line pins at
    0, ``pinned``, count as shown)."""
    suppressed = set(suppressed)
    while True:
        hidden = suppressed | grid.hidden
        unknown = hidden - pinned(grid, hidden)
        exposed = sorted(bridges(grid, unknown) & suppressed)
        if not exposed:
            return suppressed
        bridge = exposed[0]
        rest = unknown - {bridge}
        side_a, side_b = grid.node(bridge)
        a = _component(grid, rest, side_a)
        b = _component(grid, rest, side_b)
        shown = [cell for cell in grid.cells() if cell not in hidden]
        across = [
            cell
            for cell in shown
            if (grid.node(cell)[0] in a and grid.node(cell)[1] in b)
            or (grid.node(cell)[0] in b and grid.node(cell)[1] in a)
        ]
        # Nothing closes a cycle yet: grow the bridge's component by its cheapest neighbour.
        candidates = across or [
            cell for cell in shown if grid.node(cell)[0] in a | b or grid.node(cell)[1] in a | b
        ]
        if not candidates:
            return suppressed  # every cell is unknown already
        ranked = sorted(candidates, key=lambda cell: _preference(grid, cell))
        # A zero its own line would pin at 0 hides nothing: the next cell, if there is one.
        useful = (cell for cell in ranked if cell not in pinned(grid, hidden | {cell}))
        suppressed.add(next(useful, ranked[0]))
