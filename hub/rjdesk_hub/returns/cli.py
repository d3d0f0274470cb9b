"""``rjdesk-hub returns``: compute a funder's return over the hub's facts, write it as XLSX, CSV
or PDF, keep it, and say what changed since the last one kept (docs/returns.md, "The command");
``rjdesk-hub returns list`` lists the kept returns.

Like the rest of ``rjdesk_hub.cli``, the hub's modules are imported when a command runs, not
when the parser is built.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from rjdesk_hub.cli_common import AddCommand
from rjdesk_hub.cli_common import open_hub as _open
from rjdesk_hub.cli_common import table as _table
from rjdesk_hub.cli_common import when as _when
from rjdesk_protocol.errors import UsageError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from rjdesk_hub.returns.kept import KeptInfo

_PERIOD_HELP = (
    "a financial-year quarter (2026-27Q3), a year (2026-27) or days 2026-04-01..2026-09-30"
)


def add_command(
    hub_sub: argparse._SubParsersAction[argparse.ArgumentParser],
    hub_command: AddCommand,
    db_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``returns`` (and ``returns list``) to ``rjdesk-hub``'s parser."""
    p = hub_command(
        "returns", "produce a funder's return (XLSX, CSV or PDF), or list the kept ones", hub_sub
    )
    p.add_argument(
        "--definition",
        metavar="FILE",
        help="the return's definition file, or a shipped one's name (rj-quarterly)",
    )
    p.add_argument("--period", metavar="PERIOD", help=_PERIOD_HELP)
    p.add_argument("-o", "--output", metavar="FILE", help="the file to write: .xlsx, .csv or .pdf")
    p.add_argument(
        "--changes",
        action="store_true",
        help="list every change since the last return kept for this definition and period",
    )
    db_option(p)
    p.set_defaults(run=hub_returns)
    sub = p.add_subparsers(dest="returns_command", metavar="COMMAND", required=False)
    listing = hub_command("list", "list the kept returns, newest first", sub)
    listing.add_argument("--definition", metavar="ID", help="only this definition's")
    db_option(listing)
    listing.set_defaults(run=hub_returns_list)


def hub_returns(args: argparse.Namespace) -> int:
    from rjdesk_hub.returns import produce, wiring  # noqa: PLC0415 - see the module doc

    missing = [
        flag
        for flag, value in (
            ("--definition", args.definition),
            ("--period", args.period),
            ("-o", args.output),
        )
        if not value
    ]
    if missing:
        raise UsageError(
            f"give {', '.join(missing)}: rjdesk-hub returns --definition rj-quarterly "
            "--period 2026-27Q3 -o q3.xlsx (or rjdesk-hub returns list)"
        )
    with _open(args) as hub:
        done = produce.produce(
            hub,
            wiring.default(),
            args.definition,
            args.period,
            Path(args.output),
            then=_audited,
        )
    print("\n".join(produce.summary(done, every_change=args.changes)))
    return 0


def _audited(session: Session, at: datetime, made: KeptInfo) -> None:
    """Record the run in the console's audit log, as the console records its own."""
    from rjdesk_hub.console import ledger  # noqa: PLC0415 - see the module doc

    ledger.record(
        session,
        ledger.COMMAND_LINE,
        ledger.Action.RETURN_PRODUCED,
        at=at,
        detail={
            "definition": made.definition_id,
            "kept_return": made.id,
            "period_start": made.period_start.isoformat(),
            "period_end": made.period_end.isoformat(),
        },
    )


def hub_returns_list(args: argparse.Namespace) -> int:
    from rjdesk_hub.returns import kept  # noqa: PLC0415 - see the module doc

    with _open(args) as hub:
        found = kept.kept_returns(hub, args.definition)
    if not found:
        print("No return has been kept yet: rjdesk-hub returns --definition … makes one.")
        return 0
    rows = [["KEPT", "DEFINITION", "VERSION", "PERIOD", "PRODUCED", "BY"]]
    rows += [
        [
            k.id,
            k.definition_id,
            str(k.definition_version),
            k.period_label,
            _when(k.produced_at),
            k.produced_by,
        ]
        for k in found
    ]
    _table(rows)
    return 0
