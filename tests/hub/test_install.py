"""The hub stands on its own (DESIGN §3): a clean virtual environment with only the protocol and
the hub installed runs ``rjdesk-hub init`` and ``serve`` and answers, and none of the laptop's
Qt, SQLCipher or HTTP client can be imported there."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import venv
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]


def _copies(folder: Path) -> list[str]:
    """The two distributions' sources, copied: pip builds in the source folder, and its build
    folders must not be left in the checkout (nor stale ones from there reach the wheels)."""
    ignore = shutil.ignore_patterns("build", "*.egg-info", "__pycache__")
    for name in ("protocol", "hub"):
        shutil.copytree(ROOT / name, folder / name, ignore=ignore)
    return [str(folder / "protocol"), str(folder / "hub")]


@pytest.fixture(scope="module")
def hub_only(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A virtual environment holding rjdesk-protocol and rjdesk-hub, installed as a server
    would install them (not editable), with the project's constraints."""
    where = tmp_path_factory.mktemp("hub-only") / "venv"
    venv.EnvBuilder(with_pip=True).create(where)
    python = where / "bin" / "python"
    install = subprocess.run(
        [
            str(python),
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "-c",
            str(ROOT / "constraints.txt"),
            *_copies(where.parent),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if install.returncode != 0:
        if os.environ.get("CI"):
            pytest.fail(f"the hub did not install on its own:\n{install.stderr[-3000:]}")
        pytest.skip(f"pip could not install the hub here: {install.stderr[-500:]}")
    return where


def _clean_env() -> dict[str, str]:
    """The environment without this checkout or the test's own virtual environment on the path."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def test_the_laptops_libraries_are_not_installed_with_the_hub(hub_only: Path) -> None:
    script = (
        "import importlib.util as u\n"
        "wanted = ('PySide6', 'shiboken6', 'sqlcipher3', 'httpx', 'rjdesk', 'rjdesk_hub', "
        "'rjdesk_protocol')\n"
        "print(sorted(m for m in wanted if u.find_spec(m) is not None))\n"
    )
    found = subprocess.run(
        [str(hub_only / "bin" / "python"), "-I", "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=hub_only,
        env=_clean_env(),
    )
    assert found.stdout.strip() == "['rjdesk_hub', 'rjdesk_protocol']"


def test_rjdesk_hub_inits_serves_and_answers_on_its_own(hub_only: Path, tmp_path: Path) -> None:
    command = str(hub_only / "bin" / "rjdesk-hub")
    data = tmp_path / "hub"
    made = subprocess.run(
        [command, "--data-dir", str(data), "init", "--name", "Standalone hub"],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env=_clean_env(),
    )
    assert made.returncode == 0, made.stderr
    child = subprocess.Popen(
        [command, "--data-dir", str(data), "serve", "--port", "0", "--console-port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=tmp_path,
        env=_clean_env(),
    )
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        url = re.search(r"listening on (http://\S+)", line)
        assert url, line + (
            child.stderr.read() if child.poll() is not None and child.stderr else ""
        )
        answer = httpx.get(f"{url[1]}/v1/hub", timeout=10)
        assert answer.status_code == 200
        assert answer.json()["hub_name"] == "Standalone hub"
        # The console's templates and built assets are in the installed distribution.
        line = child.stdout.readline()
        console = re.search(r"console for coordinators listening on (http://\S+)", line)
        assert console, line
        page = httpx.get(f"{console[1]}/", timeout=10, follow_redirects=True)
        assert page.status_code == 200 and page.url.path == "/sign-in", page.url
        assert "Sign in to the hub" in page.text
        stylesheet = re.search(r'href="(/static/console\.css\?v=\w+)"', page.text)
        assert stylesheet, page.text
        assert httpx.get(f"{console[1]}{stylesheet[1]}", timeout=10).status_code == 200
    finally:
        child.send_signal(signal.SIGTERM)
        child.wait(timeout=30)


def test_the_hub_on_its_own_writes_a_return_as_pdf_and_xlsx(hub_only: Path, tmp_path: Path) -> None:
    # The shipped definitions and the PDF's font are in the installed distribution.
    command = str(hub_only / "bin" / "rjdesk-hub")
    data = str(tmp_path / "hub")
    run = {"capture_output": True, "text": True, "check": False, "cwd": tmp_path}
    made = subprocess.run([command, "--data-dir", data, "init"], env=_clean_env(), **run)
    assert made.returncode == 0, made.stderr
    returns = [command, "--data-dir", data, "returns", "--definition", "rj-quarterly"]
    for name in ("q3.pdf", "q3.xlsx"):
        wrote = subprocess.run(
            [*returns, "--period", "2026-27Q3", "-o", name],
            env=_clean_env(),
            **run,
        )
        assert wrote.returncode == 0, wrote.stderr
        assert wrote.stdout.startswith("Wrote the 2026-27 Q3 return of rj-quarterly")
        assert (tmp_path / name).stat().st_size > 1000


def test_the_laptop_command_names_the_hubs(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "rjdesk", "--data-dir", str(tmp_path), "hub", "devices"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "rjdesk: the hub's commands are `rjdesk-hub …` (the rjdesk-hub distribution, installed "
        "on the hub's server: docs/deploying.md)"
    )
