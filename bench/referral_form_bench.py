"""Public referrals accepted per second: 1,000 submissions of the public form on SQLite.

Each submission is what a browser does: GET the form (a fresh signed form token), then POST the
answers with it. They go through the whole forms app in this process (FastAPI's TestClient over
the ASGI app, one client and event loop for the run, so no socket or uvicorn in between: the
figure is the app's own cost) with every
protection on — the token's signature, its age and single use, the honeypot, the size limits —
except the rate limits, lifted for the bench, and the minimum time to fill, met by a clock that
moves each form 10 s on. Each accepted referral is sealed and committed in its own transaction.

The floor, run in the same process in turns with it: the same number of bare
``referrals.store.receive`` calls, each in its own transaction (sealing and committing the same
answers), with no HTTP, no page and no checks. The target: 50 or more submissions a second.

    python bench/referral_form_bench.py [--submissions 1000] [--turns 4]
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import func, select

ROOT = Path(__file__).resolve().parent.parent
for sub in ("", "protocol", "hub"):
    sys.path.insert(0, str(ROOT / sub))

from rjdesk_hub import Hub  # noqa: E402
from rjdesk_hub.forms.protect import Limits  # noqa: E402
from rjdesk_hub.forms.web import create_forms_app  # noqa: E402
from rjdesk_hub.referrals import store  # noqa: E402
from rjdesk_hub.referrals.models import Referral  # noqa: E402

TOKEN = re.compile(r'name="form_token" value="([^"]+)"')
ANSWERS = {
    "who": "myself",
    "name": "Ann Example",
    "contact_how": "phone",
    "contact_detail": "07700 900982",
    "contact_when": "Weekday mornings",
    "message_ok": "no",
    "problem": "neighbour_dispute",
    "description": "The music next door goes on past midnight most nights. " * 8,
    "consent": "yes",
    "website": "",
}


class Ticker:
    """The form tokens' clock: each form is filled 10 s after it was given."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def through_the_form(hub: Hub, count: int) -> float:
    ticker = Ticker()
    lifted = Limits(per_address=10**9, overall=10**9)
    # One client for the run (one event loop), as one server serves many browsers.
    with TestClient(create_forms_app(hub, limits=lifted, token_clock=ticker)) as client:
        started = time.perf_counter()
        for _ in range(count):
            page = client.get("/")
            found = TOKEN.search(page.text)
            assert page.status_code == 200 and found, "the form gives a token"
            ticker.now += 10
            sent = client.post("/", data={**ANSWERS, "form_token": found.group(1)})
            assert sent.status_code == 200 and "R-" in sent.text, sent.text[:300]
        return time.perf_counter() - started


def bare_receive(hub: Hub, count: int) -> float:
    sealer = store.sealer(hub)
    started = time.perf_counter()
    for _ in range(count):
        with hub.db.transaction() as tx:
            store.receive(
                tx.session, sealer, at=tx.now, channel=store.PUBLIC, fields=dict(ANSWERS),
                problem="neighbour_dispute",
            )  # fmt: skip
    return time.perf_counter() - started


def stored(hub: Hub) -> int:
    with hub.db.reader() as session:
        return int(session.scalar(select(func.count()).select_from(Referral)) or 0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=1000)
    parser.add_argument("--turns", type=int, default=4)
    args = parser.parse_args()
    per_turn = max(1, args.submissions // args.turns)
    with tempfile.TemporaryDirectory(prefix="rjdesk-forms-bench-") as folder:
        form_hub = Hub.init(Path(folder) / "form", name="Bench hub", url="https://hub.example")
        floor_hub = Hub.init(Path(folder) / "floor", name="Bench hub", url="https://hub.example")
        try:
            form_time = floor_time = 0.0
            for _ in range(args.turns):  # in turns: a slow moment falls on both alike
                form_time += through_the_form(form_hub, per_turn)
                floor_time += bare_receive(floor_hub, per_turn)
            done = per_turn * args.turns
            assert stored(form_hub) == done and stored(floor_hub) == done
        finally:
            form_hub.close()
            floor_hub.close()
    form_rate, floor_rate = done / form_time, done / floor_time
    print(f"public referrals through the form: {done} in {form_time:.1f} s = "
          f"{form_rate:.0f}/s (target: 50/s or more)")  # fmt: skip
    print(f"floor, bare store.receive:         {done} in {floor_time:.1f} s = {floor_rate:.0f}/s")
    print(f"ratio (floor rate / form rate):    {floor_rate / form_rate:.2f}x")
    return 0 if form_rate >= 50 else 1


if __name__ == "__main__":
    raise SystemExit(main())
