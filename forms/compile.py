"""Compile forms/*.ui into rjdesk/ui/generated/*_ui.py (pyside6-uic), or check they match.

    python forms/compile.py            # after editing forms (or: make forms)
    python forms/compile.py a.ui b.ui  # only these forms
    python forms/compile.py --check    # exit 1 if a compiled form is missing or out of date

The .ui files are the single source of every form's layout; the compiled modules are
committed so that a clean clone and a frozen build need no uic at run time.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FORMS = Path(__file__).resolve().parent
TARGET = FORMS.parent / "rjdesk" / "ui" / "generated"


def _uic() -> str:
    found = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent))
    return found or "pyside6-uic"


def compile_form(form: Path, out: Path) -> None:
    # Run from the forms folder so the generated header names the file, not a full path.
    subprocess.run([_uic(), form.name, "-o", str(out)], cwd=FORMS, check=True)


def main(argv: list[str]) -> int:
    check = "--check" in argv
    named = [FORMS / Path(a).name for a in argv if a.endswith(".ui")]
    forms = sorted(named or FORMS.glob("*.ui"))
    stale = []
    with tempfile.TemporaryDirectory() as scratch:
        for form in forms:
            target = TARGET / f"{form.stem}_ui.py"
            if check:
                fresh = Path(scratch) / target.name
                compile_form(form, fresh)
                if not target.exists() or target.read_bytes() != fresh.read_bytes():
                    stale.append(form.name)
            else:
                TARGET.mkdir(parents=True, exist_ok=True)
                compile_form(form, target)
    expected = {f"{form.stem}_ui.py" for form in FORMS.glob("*.ui")} | {"__init__.py"}
    orphans = sorted(p.name for p in TARGET.glob("*.py") if p.name not in expected)
    if check and (stale or orphans):
        print("forms out of date (run `make forms`): " + ", ".join(stale + orphans))
        return 1
    if not check:
        (TARGET / "__init__.py").write_text('"""Compiled from forms/*.ui by forms/compile.py."""\n')
        if not named:
            for orphan in orphans:
                (TARGET / orphan).unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
