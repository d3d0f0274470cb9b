"""Filling a vault with demo cases: one plan for the whole caseload, worked in batches of cases,
one unit of work each."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import time, timedelta

from rjdesk.demo.casework import CaseWork
from rjdesk.demo.identities import Identities
from rjdesk.demo.planning import Plan, plan_caseload
from rjdesk.store.unit import UnitOfWork
from rjdesk.store.vault import Vault
from rjdesk_protocol.calendar import LONDON


def fill_demo(vault: Vault, *, cases: int, seed: int = 2026, batch: int = 25) -> Iterator[int]:
    """Create ``cases`` synthetic cases; yields the number of cases created so far after each
    committed batch (the CLI turns this into a progress bar; the GUI into a progress dialog).

    One unit of work per ``batch`` cases, so a crash loses at most one batch. The same seed and
    the same vault clock give the same cases. Dates run over the last two years up to the
    vault's today, never later. Nothing happens until the iterator is consumed.
    """
    if cases < 0 or batch < 1:
        raise ValueError("cases must be 0 or more and batch at least 1")
    ids = Identities(random.Random(seed))  # noqa: S311 - made-up data, not secrets
    run: _Run | None = None
    done = 0
    while done < cases:
        size = min(batch, cases - done)
        with vault.unit_of_work() as uow:
            run = run or _Run(ids, uow, cases)  # the plan needs the vault's clock
            for plan in run.plans[done : done + size]:
                CaseWork(ids, run.latest, uow, plan).build()
        done += size
        yield done


class _Run:
    """The plan of the whole caseload, made from the vault's clock."""

    def __init__(self, ids: Identities, uow: UnitOfWork, count: int) -> None:
        now = uow.now
        # Work "today" only once the working day has begun, so every time fits before now.
        begun = now.astimezone(LONDON).time() >= time(10)
        last_day = uow.today if begun else uow.today - timedelta(1)
        self.latest = now - timedelta(minutes=5)
        self.plans: list[Plan] = plan_caseload(ids, last_day, count)
