"""My work over the 10,000-case bench vault (issue 16): how long the page takes to load, against
its floor, the same figures as hand-made SQL.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/mywork_bench.py [--repeat N]

Works on a copy of the cached vault of bench/store_bench.py (the copy is upgraded to this
schema; the cache is never touched), with today at 20 November 2026:

- figures: ``rjdesk.app.mywork.my_work`` for each of the eight quarters the page offers;
- page: the My work page (real widgets, offscreen) from ``refresh`` to its tables filled, for
  the current quarter, through the task runner as in the window;
- floor: on one keyed connection set up as the vault's own (``connect_raw``) with a DB-API
  cursor, the same counts in SQL (each Victims' Code deadline worked out in Python from the
  referral date, as there is no working-day calendar in SQL). ``check`` compares the counts
  with rjdesk's, outside the timing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["RJDESK_INSECURE_FAST_KDF"] = "1"
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from store_bench import PASSPHRASE, TODAY, build

from rjdesk.app.mywork import MyWorkView, my_work, quarters
from rjdesk.domain.work import Quarter
from rjdesk.store.engine import connect_raw
from rjdesk.store.keys import KeyFile
from rjdesk.store.vault import Vault, _clock_at_noon
from rjdesk_protocol.calendar import add_working_days
from rjdesk_protocol.victims_code import VICTIMS_CODE_WORKING_DAYS

STAGES = ("referral", "assessment", "preparation", "intervention", "agreement", "follow_up")
REASONS = ("completed", "declined", "unsuitable", "withdrawn", "no_contact")


def floor(conn: object, quarter: Quarter) -> dict[str, list[int]]:
    """The page's figures as hand-made SQL, in the page's order."""
    cur = conn.cursor()  # type: ignore[attr-defined]
    start, end = quarter.start.isoformat(), quarter.end.isoformat()
    by_stage = dict(cur.execute("SELECT stage, count(*) FROM case_file GROUP BY stage").fetchall())
    # Referral dates whose deadline can fall in the quarter: a week either side is enough.
    vc: Counter[str] = Counter()
    rows = cur.execute(
        "SELECT c.received_on, p.rj_information_given_on FROM participant p "
        "JOIN case_file c ON c.id = p.case_id WHERE p.role IN ('harmed', 'both') "
        "AND c.received_on BETWEEN date(?, '-14 days') AND ?",
        (start, end),
    ).fetchall()
    for received, given in rows:
        deadline = add_working_days(_day(received), VICTIMS_CODE_WORKING_DAYS).isoformat()
        if not start <= deadline <= end:
            continue
        if given is not None:
            vc["met" if given <= deadline else "missed"] += 1
        else:
            vc["due" if TODAY.isoformat() <= deadline else "missed"] += 1
    actions = dict(
        cur.execute(
            "SELECT a.status, count(*) FROM agreement_action a JOIN agreement g "
            "ON g.id = a.agreement_id WHERE g.status = 'signed' AND CASE a.status "
            "WHEN 'pending' THEN a.due_on ELSE coalesce(a.checked_on, a.due_on) END "
            "BETWEEN ? AND ? GROUP BY a.status",
            (start, end),
        ).fetchall()
    )
    closed = dict(
        cur.execute(
            "SELECT closure_reason, count(*) FROM case_file WHERE stage = 'closed' "
            "AND closed_on BETWEEN ? AND ? GROUP BY closure_reason",
            (start, end),
        ).fetchall()
    )
    gone = Counter(
        {
            (f, c): n
            for f, c, n in cur.execute(
                "SELECT figure, category, count FROM work_tally WHERE quarter = ?", (quarter.key,)
            )
        }
    )
    return {
        "open": [by_stage.get(s, 0) for s in STAGES],
        "victims_code": [vc[c] + gone[("victims_code", c)] for c in ("met", "missed", "due")],
        "actions": [
            actions.get(c, 0) + gone[("actions", c)] for c in ("done", "not_done", "pending")
        ],
        "closed": [closed.get(r, 0) + gone[("closed", r)] for r in REASONS],
    }


def _day(text: str) -> date:
    return date.fromisoformat(text)


def figures_of(view: MyWorkView) -> dict[str, list[int]]:
    return {
        "open": [f.count for f in view.open_by_stage],
        "victims_code": [f.count for f in view.victims_code],
        "actions": [f.count for f in view.actions],
        "closed": [f.count for f in view.closed],
    }


def timed(work: object, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()  # type: ignore[operator]
        times.append((time.perf_counter() - started) * 1000)
    return times


def p95(times: list[float]) -> float:
    return sorted(times)[max(0, round(0.95 * len(times)) - 1)]


def page_load(vault: Vault, repeat: int) -> list[float]:
    from PySide6.QtCore import QEventLoop

    from rjdesk.ui.app import make_application
    from rjdesk.ui.pages.mywork import MyWorkPage
    from rjdesk.ui.toolkit.context import UiContext
    from rjdesk.ui.toolkit.tasks import TaskRunner

    app = make_application()
    ctx = UiContext(vault, TaskRunner())
    page = MyWorkPage(ctx)
    page.resize(1000, 900)
    page.show()
    times = []
    for _ in range(repeat):
        page.view = None
        started = time.perf_counter()
        page.refresh()
        while page.view is None or ctx.tasks.busy:
            # Asleep until an event comes, as the app's own loop is (a tight processEvents loop
            # would fight the database thread for Python's lock).
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
        times.append((time.perf_counter() - started) * 1000)
    ctx.tasks.wait_idle()
    page.close()
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    source = build(10_000)
    with tempfile.TemporaryDirectory(prefix="rjdesk-mywork-bench-") as scratch:
        data_dir = Path(scratch) / "vault"
        shutil.copytree(source, data_dir)  # the cached vault stays at its own schema
        vault = Vault(data_dir, clock=_clock_at_noon(TODAY))
        vault.unlock(PASSPHRASE)
        shutil.rmtree(data_dir / "backups", ignore_errors=True)
        key = KeyFile.read(data_dir / "vault.key").unwrap_with_passphrase(PASSPHRASE)
        conn = connect_raw(data_dir / "cases.db", bytes(key))
        choices = [Quarter.parse(q.key) for q in quarters(TODAY)]
        for quarter in choices:  # check, outside the timing
            ours = figures_of(my_work(vault, TODAY, quarter.key))
            theirs = floor(conn, quarter)
            if ours != theirs:
                print(f"{quarter.key}: rjdesk {ours} but the floor {theirs}", file=sys.stderr)
                return 1
        current = figures_of(my_work(vault, TODAY))
        print(f"figures for {choices[0].key}: {current}")
        rows: list[tuple[str, list[float]]] = []
        for quarter in (choices[0], choices[2]):
            rows.append(
                (
                    f"my_work {quarter.key}",
                    timed(lambda q=quarter: my_work(vault, TODAY, q.key), args.repeat),
                )
            )
            rows.append(
                (f"floor   {quarter.key}", timed(lambda q=quarter: floor(conn, q), args.repeat))
            )
        rows.append(("page load (refresh to tables filled)", page_load(vault, args.repeat)))
        conn.close()
        vault.lock()
    for name, times in rows:
        print(f"{name:40s} median {statistics.median(times):7.1f} ms   p95 {p95(times):7.1f} ms")
    ours, base = rows[0][1], rows[1][1]
    ratio = statistics.median(ours) / statistics.median(base)
    print(f"my_work / floor (current quarter, medians): {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
