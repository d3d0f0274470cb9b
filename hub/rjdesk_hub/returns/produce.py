"""Producing a return: compute it over the hub's facts, write it, keep it, and say what changed
since the last one kept for the same definition and period (docs/returns.md, "The command").

The command line (``returns.cli``) and the console share this. What computes the figures is
``Wiring``: the definition's loader, the period's parser, the hub's facts and the engine, so
this module knows their results and not how they are made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rjdesk_hub.returns import kept, outputs
from rjdesk_hub.returns.kept import Change, KeptInfo
from rjdesk_hub.returns.result import Period, ReturnResult
from rjdesk_protocol.errors import RjdeskError, UsageError

if TYPE_CHECKING:
    from rjdesk_hub.service import Hub


@dataclass(frozen=True)
class Definition:
    """A loaded definition: the engine's own object, and the text it was read from (hashed,
    so a definition edited without a new version is told apart)."""

    loaded: Any
    text: str


@dataclass(frozen=True)
class Wiring:
    """How a return is computed: ``definition`` loads a file or a shipped definition's name,
    ``period`` parses "2026-27Q3" or a date range, ``compute`` counts the hub's facts."""

    definition: Callable[[str], Definition]
    period: Callable[[str], Period]
    compute: Callable[[Hub, Definition, Period, datetime], ReturnResult]


@dataclass(frozen=True)
class Produced:
    result: ReturnResult
    path: Path
    kept_as: KeptInfo
    previous: KeptInfo | None  # the kept return of the same definition and period before
    changes: list[Change]


def _usage(step: Callable[[str], Any], text: str) -> Any:
    """Run a step on what a person typed; any expected error is theirs to fix (exit 2)."""
    try:
        return step(text)
    except UsageError:
        raise
    except RjdeskError as error:
        raise UsageError(str(error)) from None


def produce(
    hub: Hub,
    wiring: Wiring,
    definition: str,
    period: str,
    output: Path,
    *,
    produced_by: str = kept.BY_COMMAND_LINE,
    then: kept.Then | None = None,
) -> Produced:
    """Compute the return ``definition`` names for ``period``, write it to ``output`` (its
    format from the extension), keep it, and compare it with the last kept one of the same
    definition and period. Nothing is kept when the output cannot be written; ``then`` runs in
    the transaction that keeps it (the audit record)."""
    outputs.format_of(output)  # a wrong extension is refused before any counting
    loaded: Definition = _usage(wiring.definition, definition)
    placed: Period = _usage(wiring.period, period)
    result = wiring.compute(hub, loaded, placed, hub.clock())
    outputs.write_return(result, output)
    digest = kept.definition_hash(loaded.text)
    previous = kept.latest(hub, result.definition_id, result.period.start, result.period.end)
    found: list[Change] = []
    if previous is not None:
        found = kept.changes(
            kept.load(hub, previous.id),
            result,
            kept_sha256=previous.definition_sha256,
            fresh_sha256=digest,
        )
    info = kept.keep(hub, result, definition_sha256=digest, produced_by=produced_by, then=then)
    return Produced(result, output, info, previous, found)


def summary(done: Produced, *, every_change: bool = False) -> list[str]:
    """What the command prints: one line, then each change when ``every_change``."""
    from rjdesk_hub.returns.outputs.common import computed_text, definition_text  # noqa: PLC0415

    result = done.result
    line = (
        f"Wrote the {result.period.label} return of {definition_text(result)} to {done.path}"
        f" (kept as {done.kept_as.id})."
    )
    if done.previous is None:
        line += " No earlier return of this definition and period was kept."
    else:
        since = f"the one kept {computed_text(done.previous.produced_at)}"
        count = len(done.changes)
        if count == 0:
            line += f" Nothing changed since {since}."
        elif every_change:
            line += f" {count} change(s) since {since}:"
        else:
            shown = "; ".join(str(change) for change in done.changes[:2])
            more = f"; and {count - 2} more (--changes lists them all)" if count > 2 else ""
            line += f" {count} change(s) since {since}: {shown}{more}."
    lines = [line]
    if every_change:
        lines += [f"  {change}" for change in done.changes]
    return lines
