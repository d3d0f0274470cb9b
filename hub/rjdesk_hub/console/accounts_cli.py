"""``rjdesk-hub user add|reset|disable|list``: the console's accounts, from the server's shell.

``add`` and ``reset`` print, once, what the person needs for their first sign-in: a one-time
password (valid 3 days) and their authenticator's secret, as an otpauth:// URI (for a QR code
maker, or pasted into a password manager) and as text to type. Nothing printed is stored in
plain: give it to the person by a channel only they can read.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from rjdesk_hub.cli_common import AddCommand
from rjdesk_hub.cli_common import open_hub as _open
from rjdesk_hub.cli_common import table as _table
from rjdesk_hub.cli_common import when as _when
from rjdesk_hub.console.permissions import Role

if TYPE_CHECKING:
    from rjdesk_hub.console.accounts import Accounts, NewCredentials
    from rjdesk_hub.service import Hub


def add_user_commands(
    hub_sub: argparse._SubParsersAction[argparse.ArgumentParser],
    hub_command: AddCommand,
    db_option: Callable[[argparse.ArgumentParser], None],
) -> None:
    """Add ``user …`` to the hub's command line (``rjdesk_hub.cli``)."""
    user = hub_command("user", "the console's accounts: add, reset, disable, list", hub_sub)
    user_sub = user.add_subparsers(dest="user_command", metavar="COMMAND", required=True)

    p = hub_command("add", "add a console account; print its one-time set-up", user_sub)
    p.add_argument("name", help="the sign-in name (letters, digits, . - _ @)")
    p.add_argument(
        "--role", required=True, choices=[r.value for r in Role], help="what the person may do"
    )
    p.add_argument("--display-name", metavar="TEXT", help="the name shown (default: NAME)")
    db_option(p)
    p.set_defaults(run=user_add)

    p = hub_command(
        "reset", "new one-time password and authenticator (a lost phone or password)", user_sub
    )
    p.add_argument("name", help="the sign-in name")
    db_option(p)
    p.set_defaults(run=user_reset)

    p = hub_command("disable", "stop an account signing in; end its sessions", user_sub)
    p.add_argument("name", help="the sign-in name")
    db_option(p)
    p.set_defaults(run=user_disable)

    p = hub_command("list", "list the console's accounts", user_sub)
    db_option(p)
    p.set_defaults(run=user_list)


def _accounts(args: argparse.Namespace) -> tuple[Hub, Accounts]:
    from rjdesk_hub.console.accounts import Accounts  # noqa: PLC0415

    hub = _open(args)
    return hub, Accounts(hub)


def _print_set_up(done: NewCredentials, what: str) -> None:
    print(f"{what} {done.name} ({done.role}). Give the person, by a channel only they can read:")
    print(f"  one-time password: {done.password}")
    print(f"    (for their first sign-in, before {done.valid_until:%Y-%m-%d %H:%M} UTC)")
    print(f"  authenticator secret: {done.totp.grouped}")
    print(f"  or as a link for the app: {done.totp.uri}")
    print(
        "At the first sign-in they choose their own password, type a code from the app, and "
        "are shown their recovery codes. This is shown only now."
    )


def user_add(args: argparse.Namespace) -> int:
    hub, accounts = _accounts(args)
    with hub:
        done = accounts.add(args.name, args.role, args.display_name)
    _print_set_up(done, "Added the console account")
    return 0


def user_reset(args: argparse.Namespace) -> int:
    hub, accounts = _accounts(args)
    with hub:
        done = accounts.reset(args.name)
    _print_set_up(done, "Reset the console account")
    print("Its old password, authenticator, recovery codes and sessions no longer work.")
    return 0


def user_disable(args: argparse.Namespace) -> int:
    hub, accounts = _accounts(args)
    with hub:
        info = accounts.disable(args.name)
    print(f"Disabled the console account {info.name}: it cannot sign in, and its sessions ended.")
    return 0


def user_list(args: argparse.Namespace) -> int:

    hub, accounts = _accounts(args)
    with hub:
        users = accounts.users()
    if not users:
        print(
            "No console account yet: add the first admin with "
            "`rjdesk-hub user add NAME --role admin`."
        )
        return 0
    rows = [["NAME", "DISPLAY NAME", "ROLE", "STATE", "CREATED", "LAST SIGN-IN"]]
    for u in users:
        state = "disabled" if u.disabled else ("awaiting set-up" if u.awaiting_setup else "active")
        rows.append(
            [u.name, u.display_name, u.role, state, _when(u.created_at), _when(u.last_signed_in_at)]
        )
    _table(rows)
    return 0
