"""The engine behind ``rjdesk-hub returns`` (``produce.Wiring``): a definition file or a shipped
definition's name (``definition``), a period as people write it (``periods``), the hub's facts
(``store.load_facts``: only those ``reach`` says the definition can count in the period) and the
counting (``engine.compute``)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rjdesk_hub.returns import collection, engine, periods, reach
from rjdesk_hub.returns import definition as definitions
from rjdesk_hub.returns.produce import Definition, Wiring
from rjdesk_hub.returns.result import Period, ReturnResult
from rjdesk_protocol.errors import UsageError

if TYPE_CHECKING:
    from rjdesk_hub.service import Hub

# A definition file of more than this is not a definition (the shipped one is about 20 KB).
_MOST_BYTES = 1_000_000


def load_definition(named: str) -> Definition:
    """The definition in the file ``named``, or the shipped one of that name ("rj-quarterly")."""
    path = Path(named)
    if named in definitions.SHIPPED and not path.is_file():
        text = definitions.shipped(named)
    else:
        try:
            if path.stat().st_size > _MOST_BYTES:
                raise UsageError(f"{named} is too large to be a return definition")
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise UsageError(
                f"there is no definition file {named}, nor a shipped definition of that name "
                f"({', '.join(definitions.SHIPPED)})"
            ) from None
        except UnicodeDecodeError:
            raise UsageError(f"{named} is not a return definition (not UTF-8 text)") from None
        except OSError as exc:
            raise UsageError(f"cannot read the definition {named}: {exc.strerror}") from None
    return Definition(loaded=definitions.load(text), text=text)


def compute(hub: Hub, definition: Definition, period: Period, now: datetime) -> ReturnResult:
    from rjdesk_hub.returns.store import load_facts  # noqa: PLC0415 - needs the hub's service

    # Only the facts this definition can count over this period (``reach``): the same figures.
    with collection.paused():  # from the first fact read to the last figure counted
        facts = load_facts(hub, reach.reach(definition.loaded, period))
        return engine.compute(definition.loaded, facts, period, now=now)


def default() -> Wiring:
    return Wiring(definition=load_definition, period=periods.parse_period, compute=compute)
