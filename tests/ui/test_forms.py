"""forms/*.ui are the single source of every layout: the compiled modules must match them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_compiled_form_is_up_to_date_with_its_ui_file() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "forms" / "compile.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_layout_is_built_by_hand_outside_the_forms() -> None:
    """Code wires behaviour; layouts come from forms/*.ui (STYLE habit 3)."""
    offenders = []
    for module in (ROOT / "rjdesk" / "ui").rglob("*.py"):
        if "generated" in module.parts:
            continue
        text = module.read_text("utf-8")
        for layout in ("QVBoxLayout(", "QHBoxLayout(", "QGridLayout(", "QFormLayout("):
            if layout in text:
                offenders.append(f"{module.relative_to(ROOT)}: {layout}")
    assert offenders == []
