"""``rjdesk-hub …``: the hub's commands (DESIGN §8, docs/hub.md).

Expected errors print one line to stderr and exit non-zero: 2 for usage, 1 for anything else; a
traceback only with ``--debug`` and only for errors nobody expected. The hub's modules are
imported when a command runs, not when the parser is built, so ``--help`` loads no web server.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from rjdesk_hub import serve_cli
from rjdesk_hub.cli_common import data_dir as _data_dir
from rjdesk_hub.cli_common import db_option as _db_option
from rjdesk_hub.cli_common import open_hub as _open
from rjdesk_hub.cli_common import table as _table
from rjdesk_hub.cli_common import when as _when
from rjdesk_hub.console import ledger_cli, ops_cli
from rjdesk_hub.returns import billing_cli
from rjdesk_hub.returns import cli as returns_cli
from rjdesk_protocol.address import check_hub_url
from rjdesk_protocol.errors import RjdeskError, UsageError

if TYPE_CHECKING:
    pass

_DATA_DIR_HELP = "the hub's folder (default: RJDESK_HUB_DATA_DIR, else the platform's)"
EXIT_UNEXPECTED = 1
SubParsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


def _common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # Accepted before or after the command, as for `rjdesk`.
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--data-dir", metavar="DIR", default=default, help=_DATA_DIR_HELP)
    parser.add_argument(
        "--debug",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="log what the hub does (never case content) and show tracebacks",
    )


def build_parser() -> argparse.ArgumentParser:
    """``rjdesk-hub``'s command line."""
    parser = argparse.ArgumentParser(
        prog="rjdesk-hub",
        description="Run the RJ hub: enrol laptops, receive bundles, assign cases.",
    )
    parser.add_argument("--version", action="version", version=f"rjdesk-hub {_version()}")
    _common(parser, top=True)
    hub_sub = parser.add_subparsers(dest="hub_command", metavar="COMMAND", required=True)

    def hub_command(name: str, help_text: str, parent: SubParsers) -> argparse.ArgumentParser:
        command = parent.add_parser(name, help=help_text, description=help_text)
        _common(command, top=False)
        return command

    p = hub_command("init", "create a hub in the data folder (keys, settings)", hub_sub)
    p.add_argument("--name", default="RJ hub", help="the hub's name, as laptops show it")
    p.add_argument(
        "--url", default="http://127.0.0.1:8765", help="the address laptops reach the hub at"
    )
    p.add_argument("--db", metavar="URL", help="a PostgreSQL URL (default: hub.db in the folder)")
    p.add_argument(
        "--keep-bundles-days",
        type=int,
        default=400,
        metavar="N",
        help="keep each bundle as it arrived for N days (default 400)",
    )
    p.set_defaults(run=hub_init)

    serve_cli.add_command(hub_sub, hub_command, _db_option)

    p = hub_command(
        "enroll", "approve a laptop's enrollment request; write its hub config", hub_sub
    )
    p.add_argument("file", help="the laptop's request (rjdesk enroll-request), or - for stdin")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="the hub config to write")
    p.add_argument("--facilitator", metavar="NAME", help="file it under this facilitator")
    who = p.add_mutually_exclusive_group()
    who.add_argument(
        "--same-facilitator",
        metavar="ID",
        help="another laptop of the facilitator with this id (it gets their open cases)",
    )
    who.add_argument(
        "--new-facilitator",
        action="store_true",
        help="a different person who has the same name as an existing facilitator",
    )
    p.add_argument("--url", help="the hub address to give the laptop (default: the hub's)")
    _db_option(p)
    p.set_defaults(run=hub_enroll)

    p = hub_command("revoke", "revoke a laptop (lost, stolen, replaced)", hub_sub)
    p.add_argument("device", help="its device id or device code")
    _db_option(p)
    p.set_defaults(run=hub_revoke)

    p = hub_command(
        "audit-reset", "accept a laptop's audit log as it is (its vault was restored)", hub_sub
    )
    p.add_argument("device", help="its device id or device code")
    _db_option(p)
    p.set_defaults(run=hub_audit_reset)

    p = hub_command("assign", "give a case to a facilitator (or add a co-worker)", hub_sub)
    p.add_argument("reference", help="the case's reference (or id)")
    p.add_argument(
        "facilitator", help="the facilitator's id or name (or a device id or code of theirs)"
    )
    p.add_argument(
        "--keep-referrer",
        action="store_true",
        help="the facilitator who referred the case keeps it too (default: they lose it)",
    )
    _db_option(p)
    p.set_defaults(run=hub_assign)

    p = hub_command("unassign", "take a case from a facilitator (and their laptops)", hub_sub)
    p.add_argument("reference", help="the case's reference (or id)")
    p.add_argument(
        "facilitator", help="the facilitator's id or name (or a device id or code of theirs)"
    )
    _db_option(p)
    p.set_defaults(run=hub_unassign)

    p = hub_command(
        "restored", "record that the hub's database was just restored from a backup", hub_sub
    )
    _db_option(p)
    p.set_defaults(run=hub_restored)

    p = hub_command("devices", "list the enrolled laptops", hub_sub)
    _db_option(p)
    p.set_defaults(run=hub_devices)

    p = hub_command("import", "accept a bundle carried on a USB stick", hub_sub)
    p.add_argument("file", help="the bundle file (.rjb)")
    _db_option(p)
    p.set_defaults(run=hub_import)

    p = hub_command(
        "conflicts", "list the open conflicts (no case content), or show one's values", hub_sub
    )
    p.add_argument(
        "--show", metavar="ID", help="show this conflict: both values, who made each and when"
    )
    _db_option(p)
    p.set_defaults(run=hub_conflicts)

    p = hub_command(
        "check", "check every stored record against the record schema; set aside failures", hub_sub
    )
    _db_option(p)
    p.set_defaults(run=hub_check)

    p = hub_command(
        "prune",
        "remove bundles past their retention, stale uploads and old untriaged referrals",
        hub_sub,
    )
    _db_option(p)
    p.set_defaults(run=hub_prune)

    from rjdesk_hub.console.accounts_cli import add_user_commands  # noqa: PLC0415 - argparse only

    add_user_commands(hub_sub, hub_command, _db_option)
    p = hub_command(
        "reindex", "build the console's case index from the stored cases (safe to repeat)", hub_sub
    )
    _db_option(p)
    p.set_defaults(run=hub_reindex)

    keys = hub_command("keys", "the hub's keys, for checking bundles by hand", hub_sub)
    keys_sub = keys.add_subparsers(dest="keys_command", metavar="COMMAND", required=True)
    p = hub_command("export-age-identity", "print the hub's age secret key (SECRET)", keys_sub)
    p.set_defaults(run=hub_export_age_identity)
    p = hub_command("device-key", "print a laptop's public key (minisign format)", keys_sub)
    p.add_argument("device", help="its device id or device code")
    _db_option(p)
    p.set_defaults(run=hub_device_key)

    ledger_cli.add_commands(hub_sub, hub_command, _db_option)
    ops_cli.add_commands(hub_sub, hub_command, _db_option)
    billing_cli.add_command(hub_sub, hub_command, _db_option)
    returns_cli.add_command(hub_sub, hub_command, _db_option)
    return parser


def _recorded(action: str) -> Any:
    """Record the command in the console's audit log, in its own transaction, by "rjdesk-hub
    command line" (``console.ledger_wire``)."""
    from rjdesk_hub.console.ledger import Action  # noqa: PLC0415 - see the module doc
    from rjdesk_hub.console.ledger_wire import by_command_line  # noqa: PLC0415

    return by_command_line(Action[action])


def hub_init(args: argparse.Namespace) -> int:
    from rjdesk_hub import config  # noqa: PLC0415 - see the module doc
    from rjdesk_hub.service import Hub  # noqa: PLC0415

    data_dir = _data_dir(args)
    with Hub.init(
        data_dir,
        name=args.name,
        url=check_hub_url(args.url),
        db_url=args.db,
        keep_bundles_days=args.keep_bundles_days,
    ) as hub:
        print(f"Created the hub {hub.name!r} in {data_dir} (hub key id {hub.key_id}).")
        print(f"Database: {config.shown_db_url(hub.db.url)}")
        print(
            f"Its keys are in {data_dir / config.KEYS_FILE} (owner-only). Without that file "
            "nothing the hub holds can be read: back it up, apart from the database."
        )
    return 0


def _read(path: str, what: str) -> bytes:
    try:
        return sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read the {what} {path}: {exc.strerror}") from None


def hub_enroll(args: argparse.Namespace) -> int:
    from rjdesk_hub.errors import EnrollmentRefused  # noqa: PLC0415
    from rjdesk_protocol.atomic import atomic_write  # noqa: PLC0415

    try:
        request: Any = json.loads(_read(args.file, "enrollment request").decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise EnrollmentRefused(f"{args.file} is not an enrollment request (not JSON)") from None
    with _open(args) as hub:
        url = check_hub_url(args.url) if args.url else None
        answer = hub.enroll(
            request,
            args.facilitator,
            url=url,
            same_facilitator=args.same_facilitator,
            new_facilitator=args.new_facilitator,
            then=_recorded("LAPTOP_ENROLLED"),
        )
    output = Path(args.output)
    try:
        atomic_write(output, (json.dumps(answer, indent=1, ensure_ascii=False) + "\n").encode())
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror}") from None
    print(
        f"Enrolled device {answer['device_id']} ({request.get('device_code', '')}) for "
        f"facilitator {answer['facilitator_id']}. "
        f"Give {output} to the laptop: rjdesk hub-config import {output.name}"
    )
    return 0


def hub_revoke(args: argparse.Namespace) -> int:
    with _open(args) as hub:
        device = hub.revoke(args.device, then=_recorded("LAPTOP_REVOKED"))
    print(
        f"Revoked device {device.id} ({device.code}) of {device.facilitator}: its requests and "
        "bundles are refused from now on."
    )
    return 0


def hub_audit_reset(args: argparse.Namespace) -> int:
    with _open(args) as hub:
        device = hub.audit_reset(args.device, then=_recorded("LAPTOP_AUDIT_RESET"))
    print(
        f"Device {device.id} ({device.code}) of {device.facilitator}: its next bundle's audit "
        "log is accepted as it is and anchors the ones after it."
    )
    return 0


def hub_assign(args: argparse.Namespace) -> int:
    with _open(args) as hub:
        done = hub.assign(
            args.reference,
            args.facilitator,
            keep_referrer=args.keep_referrer,
            then=_recorded("ASSIGN"),
        )
    dropped = "".join(f" {name} no longer holds it." for name in done.dropped)
    print(
        f"Assigned {done.reference or done.case_id} to {done.facilitator}: "
        f"queued for {done.devices} laptop(s).{dropped}"
    )
    return 0


def hub_unassign(args: argparse.Namespace) -> int:
    with _open(args) as hub:
        done = hub.unassign(args.reference, args.facilitator, then=_recorded("UNASSIGN"))
    print(
        f"Took {done.reference or done.case_id} from {done.facilitator}: their "
        f"{done.devices} laptop(s) take it off once their pending changes reach the hub."
    )
    return 0


def hub_restored(args: argparse.Namespace) -> int:
    with _open(args) as hub:
        when = hub.record_restore()
    print(
        f"Recorded a restore of the hub at {_when(when)}: each laptop's next sync sends its "
        "work again, and values that differ from the restored ones become conflicts."
    )
    return 0


def hub_devices(args: argparse.Namespace) -> int:
    with _open(args) as hub:
        devices = hub.devices()
    if not devices:
        print("No laptop is enrolled yet.")
        return 0
    rows = [["DEVICE", "CODE", "FACILITATOR", "FACILITATOR ID", "ENROLLED", "REVOKED", "LAST SEQ"]]
    rows += [
        [
            d.id,
            d.code,
            d.facilitator,
            d.facilitator_id,
            _when(d.enrolled_at),
            _when(d.revoked_at),
            str(d.last_sequence),
        ]
        for d in devices
    ]
    _table(rows)
    return 0


def hub_import(args: argparse.Namespace) -> int:
    data = _read(args.file, "bundle")
    with _open(args) as hub:
        receipt = hub.ingest(data, via="file")
        print(hub.bundle_summary(receipt))
    return 0


def hub_conflicts(args: argparse.Namespace) -> int:
    if args.show:
        from rjdesk_hub.console import conflicts_cli  # noqa: PLC0415 - see the module doc

        with _open(args) as hub:
            print("\n".join(conflicts_cli.show(hub, args.show)))
        return 0
    with _open(args) as hub:
        found = hub.conflicts()
    if not found:
        print("No open conflicts.")
        return 0
    rows = [["CONFLICT", "CASE", "KIND", "RAISED"]]
    rows += [[c.id, c.reference or (c.case_id or "-"), c.kind, _when(c.raised_at)] for c in found]
    _table(rows)
    return 0


def hub_check(args: argparse.Namespace) -> int:
    """Exit 0 when every stored record passes, 1 when any were set aside."""
    with _open(args) as hub:
        result = hub.check()
    if not result.set_aside:
        print(f"Checked {result.checked} record(s): all pass the record schema.")
        return 0
    rows = [["RECORD", "TABLE", "CASE", "REASON"]]
    rows += [[s.row_id, s.table, s.case_reference or "-", s.reason] for s in result.set_aside]
    _table(rows)
    print(
        f"Checked {result.checked} record(s): {len(result.set_aside)} set aside for the "
        "coordinator (kept, but no longer sent to laptops nor checked by the rules)."
    )
    return 1


def hub_reindex(args: argparse.Namespace) -> int:
    with _open(args) as hub:
        indexed = hub.reindex()
    print(f"Indexed {indexed} case(s) for the console's register.")
    return 0


def hub_prune(args: argparse.Namespace) -> int:
    from rjdesk_hub.referrals import retention  # noqa: PLC0415

    with _open(args) as hub:
        pruned = hub.prune()
        referrals = retention.clean_up(hub)
    print(
        f"Removed {pruned.bundles} bundle(s) past their retention, "
        f"{pruned.uploads} stale upload(s) and {referrals} untriaged referral(s) past their age."
    )
    return 0


def hub_export_age_identity(args: argparse.Namespace) -> int:
    from rjdesk_hub import config  # noqa: PLC0415

    _settings, keys = config.load(_data_dir(args))
    sys.stderr.write(
        "rjdesk: this is the hub's SECRET age key: it opens every bundle sent to the hub. Keep "
        "it on an encrypted disk and delete it when done (docs/bundle-format.md).\n"
    )
    print(keys.age_identity.text())
    return 0


def hub_device_key(args: argparse.Namespace) -> int:
    with _open(args) as hub:
        sys.stdout.write(hub.device_key(args.device))
    return 0


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return version("rjdesk-hub")
    except PackageNotFoundError:
        return "0.2.0"


def main(argv: Sequence[str] | None = None) -> int:
    """``rjdesk-hub``: parse, run, and turn expected errors into one line and an exit code."""
    try:
        args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        return int(args.run(args) or 0)
    except RjdeskError as error:
        sys.stderr.write(f"rjdesk-hub: {error}\n")
        return error.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("rjdesk-hub: interrupted\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:
        if args.debug:
            raise
        sys.stderr.write(
            f"rjdesk-hub: unexpected error ({type(error).__name__}). Run again with --debug for "
            "details and report it.\n"
        )
        return EXIT_UNEXPECTED
