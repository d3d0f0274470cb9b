"""The engine behind ``rjdesk-hub returns`` (``produce.Wiring``): a definition file or a shipped
definition's name (``definition``), a period as people write it (``periods``), the hub's facts
(``store.load_facts``: only those ``reach`` says the definition can count in the period) and the
counting (``engine.compute``)."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rjdesk_hub.returns import collection, engine, periods, reach
from rjdesk_hub.returns import definition as definitions
from rjdesk_hub.returns.produce import Definition, Wiring
from rjdesk_hub.returns.result import Period, ReturnResult

if TYPE_CHECKING:
    from rjdesk_hub.service import Hub


def load_definition(named: str) -> Definition:
    """The definition in the file ``named``, or the shipped one of that name ("rj-quarterly")."""
    text = definitions.text_of(named)
    return Definition(loaded=definitions.load(text), text=text)


def compute(hub: Hub, definition: Definition, period: Period, now: datetime) -> ReturnResult:
    from rjdesk_hub.returns.store import load_facts  # noqa: PLC0415 - needs the hub's service

    # Only the facts this definition can count over this period (``reach``): the same figures.
    with collection.paused():  # from the first fact read to the last figure counted
        facts = load_facts(hub, reach.reach(definition.loaded, period))
        return engine.compute(definition.loaded, facts, period, now=now)


def default() -> Wiring:
    return Wiring(definition=load_definition, period=periods.parse_period, compute=compute)
