"""``rjdesk-hub backup`` and ``rjdesk-hub restore``: an encrypted backup of the hub's store, and
the proof that it restores (docs/hub.md, "Operations").

Like the rest of ``rjdesk_hub.cli``, the hub's modules are imported when a command runs, not
when the parser is built.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from rjdesk_hub.cli_common import AddCommand
from rjdesk_hub.cli_common import data_dir as _data_dir


def add_commands(
    hub_sub: argparse._SubParsersAction[argparse.ArgumentParser],
    hub_command: AddCommand,
    db_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``backup`` and ``restore`` to ``rjdesk-hub``'s parser."""
    p = hub_command("backup", "write an encrypted backup of the hub's store", hub_sub)
    p.add_argument("output", metavar="OUT", help="the backup file to write")
    p.add_argument(
        "--recipient",
        action="append",
        default=[],
        metavar="AGE1…",
        help="an age recipient to encrypt the backup to (repeatable); keep its identity off "
        "this server",
    )
    p.add_argument(
        "--recipients-file",
        action="append",
        default=[],
        metavar="FILE",
        help="a file of age recipients, one a line",
    )
    db_option(p)
    p.set_defaults(run=hub_backup)

    p = hub_command("restore", "prove a backup (--check) or restore it (--into DIR)", hub_sub)
    p.add_argument("backup", metavar="BACKUP", help="the backup file")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument(
        "--check", action="store_true", help="restore into a throw-away store and prove it"
    )
    how.add_argument("--into", metavar="DIR", help="restore as the hub in this empty folder")
    p.add_argument(
        "--identity", required=True, metavar="FILE", help="the age identity the backup was made for"
    )
    p.add_argument(
        "--keys",
        metavar="FILE",
        help="the hub's hub-keys.json, kept apart (default: the hub's in the data folder)",
    )
    p.set_defaults(run=hub_restore)


def hub_backup(args: argparse.Namespace) -> int:
    from rjdesk_hub.console import ops_backup  # noqa: PLC0415 - see the module doc

    recipients = ops_backup.read_recipients(args.recipient, args.recipients_file)
    made = ops_backup.make_backup(
        _data_dir(args), Path(args.output), recipients, db_override=getattr(args, "db", None)
    )
    print(
        f"Wrote {made.path} ({made.size:,} bytes): {made.rows} rows of {made.tables} tables, "
        f"encrypted to {made.recipients} recipient(s). Prove it with rjdesk-hub restore --check."
    )
    return 0


def hub_restore(args: argparse.Namespace) -> int:
    """Exit 0 when the backup is proved (or restored), 1 when it is not."""
    from rjdesk_hub.console import ops_restore  # noqa: PLC0415 - see the module doc

    identities = ops_restore.read_identities(args.identity)
    backup = Path(args.backup)
    if args.into:
        target = Path(args.into)
        keys = ops_restore.keys_text(args.keys, _hub_dir_or_none(args))
        print(ops_restore.restore_into(backup, identities, keys, target))
        return 0
    data_dir = _hub_dir_or_none(args)
    keys = ops_restore.keys_text(args.keys, data_dir)
    stage_in = data_dir if data_dir is not None else backup.resolve().parent
    verdict = ops_restore.check_backup(backup, identities, keys, stage_in)
    print(verdict.line)
    return 0 if verdict.ok else 1


def _hub_dir_or_none(args: argparse.Namespace) -> Path | None:
    """The data folder, if a hub lives there."""
    from rjdesk_hub import config  # noqa: PLC0415

    found = _data_dir(args)
    return found if config.exists(found) else None
