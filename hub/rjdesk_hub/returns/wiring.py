"""The engine behind ``rjdesk-hub returns``: the definition loader, the period parser, the
hub's facts and the counting (``produce.Wiring``).

Interim: the definitions, periods and engine (``definition``, ``periods``, ``engine``) and the
hub's facts store (``store``) are being built beside this; until they are merged, producing a
return says so in one sentence.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, NoReturn

from rjdesk_hub.returns.produce import Definition, Wiring
from rjdesk_hub.returns.result import Period, ReturnResult
from rjdesk_protocol.errors import UsageError

if TYPE_CHECKING:
    from rjdesk_hub.service import Hub


def _not_yet(*_args: object) -> NoReturn:
    raise UsageError("this hub cannot compute returns yet: its return engine is not installed")


def _definition(text: str) -> Definition:
    _not_yet(text)


def _period(text: str) -> Period:
    _not_yet(text)


def _compute(hub: Hub, definition: Definition, period: Period, now: datetime) -> ReturnResult:
    _not_yet(hub, definition, period, now)


def default() -> Wiring:
    return Wiring(definition=_definition, period=_period, compute=_compute)
