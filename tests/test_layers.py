"""The core runs without a display: nothing outside rjdesk/ui imports Qt (DESIGN §3).

import-linter checks the same contract statically in CI; this test checks what actually gets
imported at run time, in a fresh interpreter.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import rjdesk


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
