"""Run rjdesk's window where a screen reader can reach it, and let ``reader.py`` listen.

Started by tests/ui/test_screen_reader.py inside ``dbus-run-session`` (a private session bus):

    dbus-run-session -- python driver.py PLAN.json DATA_DIR

It starts Xvfb, the AT-SPI bus launcher (with the display in its environment, so that the
registry it starts can send key events to the X server), the window on Qt's xcb platform with
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1, then the reader under Debian's /usr/bin/python3. It prints
one JSON report: the reader's, or why the reader could not run; then stops what it started.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
READER_PYTHON = "/usr/bin/python3"
SCREEN = "1366x768x24"


def start_xvfb() -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb on a free display number (it writes the number it took to a pipe)."""
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", SCREEN, "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    with os.fdopen(read_end) as numbers:
        number = numbers.readline().strip()
    if not number:
        server.kill()
        raise RuntimeError("Xvfb did not start")
    return server, f":{number}"


def _read(
    window: subprocess.Popen[bytes], plan_path: str, env: dict[str, str], timeout: float
) -> dict[str, object]:
    """The reader's report; it stops early when the window is gone (nothing left to hear)."""
    reader = subprocess.Popen(
        [READER_PYTHON, str(HERE / "reader.py"), plan_path],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    deadline = time.monotonic() + timeout
    while reader.poll() is None:
        if window.poll() is not None or time.monotonic() > deadline:
            reader.kill()
            reader.communicate()
            gone = window.poll() is not None
            return {
                "steps": [],
                "error": "the window closed before the reader was done"
                if gone
                else f"the reader was still going after {timeout:.0f} s",
            }
        time.sleep(0.2)
    out, err = reader.communicate()
    try:
        report: dict[str, object] = json.loads(out)
    except json.JSONDecodeError:
        return {"steps": [], "error": f"the reader failed: {err.strip()[-2000:]}"}
    if window.poll() is not None:
        report["error"] = report.get("error") or "the window closed while being read"
    return report


def main(plan_path: str, data_dir: str) -> int:
    plan = json.loads(Path(plan_path).read_text(encoding="utf-8"))
    started: list[subprocess.Popen[bytes]] = []
    report: dict[str, object]
    with tempfile.TemporaryDirectory() as scratch:
        window_log = Path(scratch) / "window.log"
        try:
            xvfb, display = start_xvfb()
            started.append(xvfb)
            env = {**os.environ, "DISPLAY": display}
            # Whatever the session bus starts on demand (the AT-SPI bus, if the window asks for
            # it before the launcher below has taken its name) must find the display too.
            subprocess.run(
                ["dbus-update-activation-environment", f"DISPLAY={display}"],
                env=env,
                check=True,
                timeout=60,
                stdout=sys.stderr,
            )
            started.append(
                # Its output goes to stderr: stdout carries only the report.
                subprocess.Popen([BUS_LAUNCHER, "--launch-immediately"], env=env, stdout=sys.stderr)
            )
            window_env = {
                **env,
                "QT_QPA_PLATFORM": "xcb",
                "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
                "RJDESK_INSECURE_FAST_KDF": "1",
                "RJDESK_TODAY": plan["today"],
                "PYTHONPATH": os.pathsep.join(
                    [str(ROOT), str(ROOT / "protocol"), str(ROOT / "hub")]
                ),
            }
            with window_log.open("wb") as log:
                window = subprocess.Popen(
                    [sys.executable, "-m", "rjdesk", "--data-dir", data_dir],
                    env=window_env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            started.append(window)
            report = _read(window, plan_path, env, float(plan["timeout"]) * 4)
        except (OSError, RuntimeError, subprocess.SubprocessError) as error:
            report = {"steps": [], "error": f"{type(error).__name__}: {error}"}
        finally:
            for process in reversed(started):
                process.terminate()
            deadline = time.monotonic() + 10
            for process in reversed(started):
                try:
                    process.wait(max(0.1, deadline - time.monotonic()))
                except subprocess.TimeoutExpired:
                    process.kill()
        if window_log.exists():
            said = window_log.read_text(encoding="utf-8", errors="replace")
            report["window_log"] = said[-4000:]
    json.dump(report, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], sys.argv[2]))
