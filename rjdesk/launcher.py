"""The `rjdesk` command: the desktop window without a command, the CLI with one, and
`--self-test` (DESIGN §8)."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from rjdesk import cli


def main(argv: Sequence[str] | None = None) -> int:
    args = cli.parse(sys.argv[1:] if argv is None else argv)
    if isinstance(args, int):
        return args
    if args.self_test:
        # Imported here too: only the self-test and the window load Qt.
        from rjdesk.ui.pages.selftest import main as self_test  # noqa: PLC0415

        return self_test(debug=args.debug)
    if getattr(args, "run", None) is None:
        # Imported here so that the command line never loads Qt.
        from rjdesk.ui.app import main as open_window  # noqa: PLC0415

        return int(open_window(data_dir=args.data_dir, debug=args.debug))
    return cli.run(args)
