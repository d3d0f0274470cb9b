"""``rjdesk-hub audit verify`` and ``rjdesk-hub audit export``: the console's audit log from the
server's shell (docs/hub.md, "The console's audit log").

Like the rest of ``rjdesk_hub.cli``, the hub's modules are imported when a command runs, not
when the parser is built.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from rjdesk_hub.cli_common import AddCommand
from rjdesk_hub.cli_common import open_hub as _open
from rjdesk_protocol.errors import RjdeskError, UsageError

if TYPE_CHECKING:
    pass


class AuditBroken(RjdeskError):
    """``audit verify`` found the log changed: exit 1 after listing each break."""


def add_commands(
    hub_sub: argparse._SubParsersAction[argparse.ArgumentParser],
    hub_command: AddCommand,
    db_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``audit verify`` and ``audit export`` to ``rjdesk-hub``'s parser."""
    audit = hub_command("audit", "the console's audit log: verify it, export it", hub_sub)
    audit_sub = audit.add_subparsers(dest="audit_command", metavar="COMMAND", required=True)
    p = hub_command(
        "verify", "check the console's audit log has not been changed (exit 1 if it has)",
        audit_sub,
    )  # fmt: skip
    db_option(p)
    p.set_defaults(run=audit_verify)
    p = hub_command("export", "write the console's audit log of a time range", audit_sub)
    p.add_argument(
        "--from", dest="start", metavar="DATE", help="from this UTC day (YYYY-MM-DD) or time on"
    )
    p.add_argument(
        "--to", dest="end", metavar="DATE", help="up to this UTC day, included (or time, excluded)"
    )
    p.add_argument("--format", choices=["csv", "jsonl"], default="csv", help="default: csv")
    p.add_argument("-o", "--output", metavar="FILE", help="the file to write (default: stdout)")
    db_option(p)
    p.set_defaults(run=audit_export)


def audit_verify(args: argparse.Namespace) -> int:
    """Exit 0 when the chain is whole, 1 (each break on its own line) when it is not."""
    from rjdesk_hub.console import ledger  # noqa: PLC0415

    with _open(args) as hub, hub.db.reader() as session:
        problems = list(ledger.verify(session))
        events = ledger.count(session)
    if not problems:
        print(f"The console's audit log is whole: {events} event(s), each following the last.")
        return 0
    for problem in problems:
        print(problem.message)
    raise AuditBroken(
        f"the console's audit log was changed ({len(problems)} break(s) above); keep this "
        "database as it is and compare it with a backup or an earlier export"
    )


def parse_when(text: str | None, *, end: bool) -> datetime | None:
    """``--from``/``--to``: a UTC day (``--to`` includes it) or an ISO time (naive is UTC)."""
    if not text:
        return None
    try:
        if len(text) == 10:
            day = datetime.combine(datetime.fromisoformat(text).date(), time(), UTC)
            return day + timedelta(days=1) if end else day
        found = datetime.fromisoformat(text)
    except ValueError:
        raise UsageError(f"{text!r} is not a date (YYYY-MM-DD) or an ISO time") from None
    return found if found.tzinfo else found.replace(tzinfo=UTC)


def audit_export(args: argparse.Namespace) -> int:
    from rjdesk_hub.console import ledger  # noqa: PLC0415
    from rjdesk_hub.console.ledger_query import AuditFilter, ExportFormat, export  # noqa: PLC0415
    from rjdesk_protocol.atomic import atomic_write  # noqa: PLC0415

    start, end = parse_when(args.start, end=False), parse_when(args.end, end=True)
    if start and end and end <= start:
        raise UsageError("--to must be after --from")
    fmt = ExportFormat(args.format)
    with _open(args) as hub, hub.db.transaction() as tx:
        text = "".join(export(tx.session, AuditFilter(start=start, end=end), fmt))
        # The export is an action too; recorded after reading, so it is not in its own file.
        detail: dict[str, str] = {"format": fmt.value}
        if start:
            detail["from"] = start.isoformat(timespec="seconds")
        if end:
            detail["to"] = end.isoformat(timespec="seconds")
        ledger.record(tx.session, ledger.COMMAND_LINE, ledger.Action.EXPORT_AUDIT,
                      at=tx.now, detail=detail)  # fmt: skip
    if args.output is None:
        sys.stdout.write(text)
        return 0
    output = Path(args.output)
    try:
        atomic_write(output, text.encode("utf-8"))
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror}") from None
    lines = text.count("\n") - (1 if fmt is ExportFormat.CSV else 0)
    print(f"Wrote {lines} console audit event(s) to {output} (owner-only).")
    return 0
