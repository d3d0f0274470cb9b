"""How the code is laid out (DESIGN §3): the core runs without a display, no module reaches
itself through its imports, and the window's modules stay small.

import-linter checks the layers statically in CI; the first test checks what actually gets
imported at run time, in a fresh interpreter.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import grimp

import rjdesk

UI = Path(rjdesk.__file__).parent / "ui"
# The compiled forms are made by pyside6-uic from forms/*.ui, not written by hand.
GENERATED = UI / "generated"
UI_MODULE_MAX_LINES = 400


def test_no_core_module_imports_qt() -> None:
    core = [
        name
        for _, name, _ in pkgutil.walk_packages(rjdesk.__path__, "rjdesk.")
        if not name.startswith(
            ("rjdesk.ui", "rjdesk.store.migrations", "rjdesk_hub.migrations", "rjdesk.__main__")
        )
    ]
    script = (
        "import importlib, sys\n"
        f"for name in {core!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6')))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
    assert len(core) > 20, "the walk found the core modules"


def _cycles(graph: grimp.ImportGraph) -> Iterator[list[str]]:
    """One circle of imports (its modules in order, the first again at the end) per group of
    modules that reach each other (Tarjan's strongly connected components)."""
    imports = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in imports[module]:
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1 or module in imports[module]:
                groups.append(sorted(group))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10 * len(imports) + 100))
    try:
        for module in sorted(imports):
            if module not in index:
                visit(module)
    finally:
        sys.setrecursionlimit(limit)
    for group in groups:
        start = group[0]
        following = next(m for m in imports[start] if m in group)
        back = graph.find_shortest_chain(importer=following, imported=start) or (following,)
        yield [start, *back] if following != start else [start, start]


def test_no_module_reaches_itself_through_its_imports() -> None:
    """Imports inside functions and under ``if TYPE_CHECKING`` count too: a deferred or
    type-only import is how a circle hides (the referral wizard's draft circle was one), and
    the two modules still cannot be understood, tested or moved one without the other."""
    graph = grimp.build_graph("rjdesk", "rjdesk_protocol", "rjdesk_hub", cache_dir=None)
    assert len(graph.modules) > 100, "the graph holds the three distributions"
    circles = [" -> ".join(cycle) for cycle in _cycles(graph)]
    assert not circles, "import circles:\n" + "\n".join(circles)


def test_the_cycle_finder_names_a_circle() -> None:
    graph = grimp.ImportGraph()
    for importer, imported in (("a.wizard", "a.draft"), ("a.draft", "a.wizard"), ("a.x", "a.y")):
        graph.add_import(importer=importer, imported=imported)
    assert list(_cycles(graph)) == [["a.draft", "a.wizard", "a.draft"]]


def test_no_hand_written_window_module_is_over_400_lines() -> None:
    sizes = {
        str(path.relative_to(UI.parent.parent)): len(path.read_text(encoding="utf-8").splitlines())
        for path in sorted(UI.rglob("*.py"))
        if GENERATED not in path.parents
    }
    assert len(sizes) > 40, "the walk found the window's modules"
    too_long = {path: lines for path, lines in sizes.items() if lines > UI_MODULE_MAX_LINES}
    assert not too_long, f"split by responsibility (DESIGN §3): {too_long}"
