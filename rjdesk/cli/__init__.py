"""``rjdesk``: headless commands over the same services as the GUI (DESIGN §8).

Expected errors print one line to stderr and exit non-zero: 2 for usage, 3 for a wrong
passphrase or a locked vault, 1 for anything else. A traceback is shown only with ``--debug``
and only for errors nobody expected; it never carries case text from rjdesk's own messages.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from rjdesk import __version__
from rjdesk.cli import commands, output, sync_commands
from rjdesk_protocol.errors import DiskFull, RjdeskError, UsageError, is_disk_full

EXIT_UNEXPECTED = 1


def _common(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # Accepted before or after the command: `rjdesk --data-dir D case list` and
    # `rjdesk case list --data-dir D` both work. Subcommands suppress the default so that they
    # do not overwrite a value given before the command.
    default = None if top else argparse.SUPPRESS
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default,
        help="vault folder (default: RJDESK_DATA_DIR, else the platform's)",
    )
    parser.add_argument(
        "--passphrase-file",
        metavar="FILE",
        default=default,
        help="read the passphrase from FILE (else RJDESK_PASSPHRASE, else a prompt)",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="log what rjdesk does (never case content) and show tracebacks",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="rjdesk",
        description="The case file of a restorative justice facilitator.",
    )
    parser.add_argument("--version", action="version", version=f"rjdesk {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check that this rjdesk works here (a throw-away vault in a temporary folder, "
        "a case, an agreement PDF, the window offscreen, verify); exit 0 when all pass",
    )
    _common(parser, top=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(
        name: str, help_text: str, parent: argparse._SubParsersAction[argparse.ArgumentParser] = sub
    ) -> argparse.ArgumentParser:
        p = parent.add_parser(name, help=help_text, description=help_text)
        _common(p, top=False)
        return p

    p = command("init", "create a vault (prints the recovery key once)")
    p.add_argument("--name", required=True, help="the facilitator's name, as it appears on records")
    p.set_defaults(run=commands.init)

    p = command("demo", "fill a vault with realistic synthetic cases")
    p.add_argument("--cases", type=int, default=40, metavar="N", help="how many (default 40)")
    p.add_argument("--seed", type=int, default=2026, help="the same seed gives the same cases")
    p.set_defaults(run=commands.demo)

    case = sub.add_parser("case", help="import, list and show cases")
    case_sub = case.add_subparsers(dest="case_command", metavar="COMMAND", required=True)

    p = command("import", "import a case file (rjdesk.case/1 JSON); prints its reference", case_sub)
    p.add_argument("file", help="the case file, or - for standard input")
    p.set_defaults(run=commands.case_import)

    p = command("list", "list cases (most recently changed first)", case_sub)
    p.add_argument("--json", action="store_true", help="one JSON array on standard output")
    p.add_argument("--search", default="", metavar="TEXT", help="names, references, notes, ...")
    p.add_argument("--stage", choices=commands.STAGES)
    p.add_argument("--type", dest="case_type", choices=commands.CASE_TYPES)
    p.add_argument("--flag", choices=commands.FLAGS)
    p.add_argument("--open", action="store_true", help="leave out closed cases")
    p.add_argument("--limit", type=int, default=100, help="at most this many (0: all)")
    p.set_defaults(run=commands.case_list)

    p = command("show", "show one case", case_sub)
    p.add_argument("reference")
    p.add_argument("--json", action="store_true", help="the case as rjdesk.case/1 JSON")
    p.add_argument(
        "--include-equality",
        action="store_true",
        help="with --json: include the participants' equality monitoring (special-category "
        "data, left out unless asked for; the export is on the record as including it)",
    )
    p.set_defaults(run=commands.case_show)

    p = command("summary", "save the case summary as a PDF (for handover or supervision)", case_sub)
    p.add_argument("reference")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="where to save it")
    p.set_defaults(run=commands.case_summary)

    agreement = sub.add_parser("agreement", help="outcome agreements")
    agreement_sub = agreement.add_subparsers(
        dest="agreement_command", metavar="COMMAND", required=True
    )
    p = command("pdf", "save the case's latest outcome agreement as a PDF", agreement_sub)
    p.add_argument("reference")
    p.add_argument("-o", "--output", required=True, metavar="FILE.pdf", help="where to save it")
    p.set_defaults(run=commands.agreement_pdf)

    p = command("verify", "check the vault's integrity and its audit log")
    p.set_defaults(run=commands.verify)

    sync_commands.register(sub, command)

    p = command("passwd", "change the passphrase (or reset it with the recovery key)")
    p.add_argument(
        "--recovery-key",
        action="store_true",
        help="forgot the passphrase: set a new one with the recovery key",
    )
    p.add_argument(
        "--new-passphrase-file",
        metavar="FILE",
        help="read the new passphrase from FILE (else RJDESK_NEW_PASSPHRASE, else a prompt)",
    )
    p.set_defaults(run=commands.passwd)
    # Listed for --help only: `parse` answers `rjdesk hub …` before argparse sees it, since the
    # hub is its own distribution with its own command (DESIGN §3, §8).
    sub.add_parser("hub", help="the hub's commands are rjdesk-hub …", add_help=False)
    return parser


def _configure_logging(debug: bool) -> None:
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


def parse(argv: Sequence[str]) -> argparse.Namespace | int:
    """Parse the command line; an int is the exit code of --help, --version or a usage error.
    A namespace without ``run`` means no command was given: the desktop window, or the
    self-test when ``self_test`` is set (both are the launcher's: they need Qt)."""
    if _command_of(argv) == "hub":  # whatever follows: those are rjdesk-hub's options
        return _hub_moved()
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.self_test and args.command is not None:
        sys.stderr.write("rjdesk: --self-test takes no command\n")
        return 2
    _configure_logging(args.debug)
    return args


def run(args: argparse.Namespace) -> int:
    """Run a parsed command, turning expected errors into one line and an exit code. Nothing it
    prints carries a raw control character (case text can hold them): they are escaped."""
    with output.terminal_safe():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    try:
        return int(args.run(args) or 0)
    except RjdeskError as error:
        sys.stderr.write(f"rjdesk: {error}\n")
        return error.exit_code
    except KeyboardInterrupt:
        sys.stderr.write("rjdesk: interrupted; the change in progress was not saved\n")
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:
        if is_disk_full(error):
            sys.stderr.write(f"rjdesk: {DiskFull()}\n")
            return DiskFull.exit_code
        if args.debug:
            raise
        sys.stderr.write(
            f"rjdesk: unexpected error ({type(error).__name__}); the change in progress was not "
            "saved. Run again with --debug for details and report it.\n"
        )
        return EXIT_UNEXPECTED


def _command_of(argv: Sequence[str]) -> str | None:
    """The command word of a command line: its first argument that is not an option of the
    top level (nor the value of one)."""
    words = iter(argv)
    for word in words:
        if word in ("--data-dir", "--passphrase-file"):
            next(words, None)
        elif not word.startswith("-"):
            return word
    return None


def _hub_moved() -> int:
    sys.stderr.write(
        "rjdesk: the hub's commands are `rjdesk-hub …` (the rjdesk-hub distribution, installed "
        "on the hub's server: docs/deploying.md)\n"
    )
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    """The command line alone (no desktop window): used by scripts and tests."""
    args = parse(sys.argv[1:] if argv is None else argv)
    if isinstance(args, int):
        return args
    if args.self_test:
        sys.stderr.write("rjdesk: --self-test needs the desktop window: run the rjdesk command\n")
        return 2
    if getattr(args, "run", None) is None:
        build_parser().print_help(sys.stderr)
        return 2
    return run(args)


__all__ = ["UsageError", "main", "parse", "run"]
