"""``rjdesk-hub serve``: the laptops' sync API, the coordinators' console and the metrics, in
one process over one hub (``rjdesk_hub.server``).

Like the rest of ``rjdesk_hub.cli``, the hub's modules are imported when the command runs, not
when the parser is built.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from rjdesk_hub.cli_common import AddCommand, open_hub
from rjdesk_protocol.errors import UsageError


def add_command(
    hub_sub: argparse._SubParsersAction[argparse.ArgumentParser],
    hub_command: AddCommand,
    db_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``serve`` to ``rjdesk-hub``'s parser."""
    p = hub_command(
        "serve",
        "serve the hub's HTTP API, its console and its referral forms until interrupted",
        hub_sub,
    )
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8765, help="port to listen on (default 8765)")
    p.add_argument(
        "--log-format",
        choices=("text", "json"),
        default="text",
        help="log lines as text (default) or as JSON objects, one a line",
    )
    p.add_argument(
        "--metrics-port",
        type=int,
        metavar="PORT",
        help="serve Prometheus metrics at /metrics on this port (default: not served)",
    )
    p.add_argument(
        "--metrics-host",
        default="127.0.0.1",
        metavar="HOST",
        help="address the metrics listen on (default 127.0.0.1)",
    )
    console = p.add_mutually_exclusive_group()
    console.add_argument(
        "--console-port",
        type=int,
        default=8766,
        metavar="PORT",
        help="port the console listens on, at the same address (default 8766; 0: any free port)",
    )
    console.add_argument(
        "--no-console", action="store_true", help="serve the laptops' API only, not the console"
    )
    forms = p.add_mutually_exclusive_group()
    forms.add_argument(
        "--forms-port",
        type=int,
        default=8767,
        metavar="PORT",
        help="port the public and partner referral forms listen on, at the same address "
        "(default 8767; 0: any free port)",
    )
    forms.add_argument("--no-forms", action="store_true", help="do not serve the referral forms")
    db_option(p)
    p.set_defaults(run=hub_serve)


def hub_serve(args: argparse.Namespace) -> int:
    from rjdesk_hub import server  # noqa: PLC0415 - the web server, only when serving

    ports = (("--port", args.port), ("--console-port", args.console_port),
             ("--metrics-port", args.metrics_port), ("--forms-port", args.forms_port))  # fmt: skip
    for option, port in ports:
        if port is not None and not 0 <= port <= 65535:
            raise UsageError(f"{option} must be between 0 and 65535")
    if not args.no_console and args.port == args.console_port != 0:
        raise UsageError("--console-port must differ from --port (or give --no-console)")
    taken = {args.port} | (set() if args.no_console else {args.console_port})
    if not args.no_forms and args.forms_port != 0 and args.forms_port in taken:
        raise UsageError(
            "--forms-port must differ from --port and --console-port (or give --no-forms)"
        )
    server.configure_logging(args.debug, args.log_format)
    metrics_at = None if args.metrics_port is None else (args.metrics_host, args.metrics_port)
    with open_hub(args) as hub:

        def ready(url: str) -> None:
            print(f"rjdesk hub {hub.name!r} (key id {hub.key_id}) listening on {url}", flush=True)

        def console_ready(url: str) -> None:
            print(f"its console for coordinators listening on {url}", flush=True)

        def forms_ready(url: str) -> None:
            print(f"its referral forms listening on {url}", flush=True)

        server.serve(
            hub,
            args.host,
            args.port,
            on_ready=ready,
            console=None if args.no_console else (args.host, args.console_port),
            on_console_ready=console_ready,
            metrics_at=metrics_at,
            forms=None if args.no_forms else (args.host, args.forms_port),
            on_forms_ready=forms_ready,
        )
    return 0
