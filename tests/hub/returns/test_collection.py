"""A return is read and counted with the garbage collector paused (``returns.collection``),
and the collector is always resumed as it was: after a return, after a failing one, with
several at once, and left off when something else had turned it off."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from rjdesk_hub import Hub
from rjdesk_hub.errors import HubDamaged
from rjdesk_hub.returns import collection, definition, engine, keep, periods, reach
from rjdesk_hub.returns.facts import Facts
from rjdesk_hub.returns.models import ReturnPeople
from rjdesk_hub.returns.store import load_facts
from tests.hub.returns.test_reach import random_extracts

NOW = datetime(2027, 2, 15, 12, tzinfo=UTC)


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_counting_pauses_the_collector_and_resumes_it() -> None:
    seen = []
    with collection.paused():
        seen.append(gc.isenabled())
        with collection.paused():
            seen.append(gc.isenabled())
        seen.append(gc.isenabled())  # the inner one does not resume it
    assert seen == [False, False, False]
    assert gc.isenabled()
    loaded = definition.load(definition.shipped("rj-quarterly"))
    engine.compute(loaded, Facts((), (), ()), periods.parse_period("2026-27"), now=NOW)
    assert gc.isenabled()


def test_a_failing_return_resumes_the_collector(hub: Hub) -> None:
    with hub.db.transaction() as tx:
        keep._write(tx.session, hub._at_rest, random_extracts(3, 4))
        tx.session.query(ReturnPeople).update({"sealed": b"not sealed at all"})
    loaded = definition.load(definition.shipped("rj-quarterly"))
    with pytest.raises(HubDamaged):
        load_facts(hub, reach.reach(loaded, periods.parse_period("2026-27")))
    assert gc.isenabled()
    with pytest.raises(ValueError, match="aware"):
        engine.compute(
            loaded, Facts((), (), ()), periods.parse_period("2026-27"), now=NOW.replace(tzinfo=None)
        )
    assert gc.isenabled()


def test_several_returns_at_once_leave_it_on() -> None:
    inside = threading.Barrier(4)
    leave = threading.Event()

    def one() -> None:
        with collection.paused():
            inside.wait(timeout=30)
            leave.wait(timeout=30)

    threads = [threading.Thread(target=one) for _ in range(3)]
    for thread in threads:
        thread.start()
    inside.wait(timeout=30)
    assert not gc.isenabled()
    leave.set()
    for thread in threads:
        thread.join(timeout=30)
    assert gc.isenabled()


def test_a_collector_turned_off_elsewhere_stays_off() -> None:
    gc.disable()
    with collection.paused():
        pass
    assert not gc.isenabled()
