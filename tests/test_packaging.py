"""`make demo`'s first install: it says what it is doing, and no distribution's metadata draws
setuptools' licence deprecation warnings."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DISTRIBUTIONS = [
    ROOT / "pyproject.toml",
    ROOT / "protocol" / "pyproject.toml",
    ROOT / "hub" / "pyproject.toml",
]


def test_every_distribution_states_its_licence_as_an_spdx_expression() -> None:
    for pyproject in DISTRIBUTIONS:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        licence = data["project"]["license"]
        # setuptools warns of a table ({text = ...}) on every build; PEP 639 wants a string.
        assert isinstance(licence, str), pyproject
        assert re.fullmatch(r"LicenseRef-[A-Za-z0-9.-]+", licence), (pyproject, licence)
        assert not any(
            c.startswith("License ::") for c in data["project"].get("classifiers", [])
        ), pyproject
        # A licence expression needs setuptools 77 or later to build.
        (setuptools,) = [r for r in data["build-system"]["requires"] if r.startswith("setuptools")]
        assert setuptools == "setuptools>=77", (pyproject, setuptools)


def test_the_first_install_shows_its_progress() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("$(STAMP): ", 1)[1].split("\n\n", 1)[0]
    installs = [line for line in recipe.splitlines() if "pip install" in line]
    assert len(installs) == 2
    for line in installs:
        assert " -q" not in line and "--quiet" not in line, line
        assert "--progress-bar on" in line, line
    steps = [line for line in recipe.splitlines() if line.strip().startswith("@echo")]
    assert any("[1/3]" in s for s in steps) and any("[3/3]" in s for s in steps)
