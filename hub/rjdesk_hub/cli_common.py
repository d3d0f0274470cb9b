"""What every ``rjdesk-hub`` command module shares: the ``--db`` option, opening the hub of the
data folder, and the plain-text tables and times the commands print.

``rjdesk_hub.cli`` builds the parser; the command modules beside it (``serve_cli``,
``console.accounts_cli``, ``console.ledger_cli``, ``console.ops_cli``) add their commands and
import these from here, never from ``cli`` (which imports them). As in ``cli``, the hub's
modules are imported when a command runs, not when the parser is built.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rjdesk_hub.service import Hub

# Adds a command: (name, help, the subparsers to add it to) -> its parser.
AddCommand = Callable[[str, str, "argparse._SubParsersAction[argparse.ArgumentParser]"],
                      argparse.ArgumentParser]  # fmt: skip


def db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", metavar="URL", help="database URL (default: RJDESK_HUB_DB, else the hub's own)"
    )


def data_dir(args: argparse.Namespace) -> Path:
    from rjdesk_hub.config import resolve_data_dir  # noqa: PLC0415 - see the module doc

    return resolve_data_dir(getattr(args, "data_dir", None))


def open_hub(args: argparse.Namespace) -> Hub:
    from rjdesk_hub.service import Hub  # noqa: PLC0415 - see the module doc

    return Hub.open(data_dir(args), db_url=getattr(args, "db", None))


def when(value: datetime | None) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value is not None else "-"


def table(rows: list[list[str]]) -> None:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = (cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        print("  ".join(cells).rstrip())
