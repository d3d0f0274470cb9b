"""The laptop's sync commands: enrol with a hub, sync, export a bundle for a USB stick, and see
or settle conflicts (DESIGN §8)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rjdesk.app import sync
from rjdesk.cli import output
from rjdesk.cli.commands import _unlocked
from rjdesk_protocol.errors import UsageError

Command = Callable[..., argparse.ArgumentParser]


def register(sub: Any, command: Command) -> None:
    """Add the sync commands to the top-level parser."""
    p = command("enroll-request", "ask a hub to enrol this laptop (writes a request file)")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write it")
    p.set_defaults(run=enroll_request)

    p = command(
        "enroll", "enrol this laptop with a hub, using a one-time code from your coordinator"
    )
    p.add_argument("--code", required=True, help="the code, as K7QM-2XRD-9HVA")
    p.add_argument("--hub", required=True, metavar="URL", help="the hub's address")
    p.set_defaults(run=enroll_with_code)

    group = sub.add_parser("hub-config", help="the hub this laptop syncs with")
    group_sub = group.add_subparsers(dest="hub_config_command", metavar="COMMAND", required=True)
    p = command("import", "take the hub's answer to the enrolment request", group_sub)
    p.add_argument("file", help="the hub configuration file (hub-config.json)")
    p.set_defaults(run=hub_config_import)

    p = command("sync", "send this laptop's work to the hub and take its updates, now")
    p.set_defaults(run=sync_now)

    group = sub.add_parser("bundle", help="bundles for carrying to the hub without a network")
    group_sub = group.add_subparsers(dest="bundle_command", metavar="COMMAND", required=True)
    p = command(
        "export",
        "write a bundle file (encrypted to the hub) of everything the hub has not confirmed",
        group_sub,
    )
    p.add_argument(
        "--case",
        dest="cases",
        action="append",
        default=[],
        metavar="REF",
        help="also carry this whole case (repeat for several)",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="where to write it")
    p.set_defaults(run=bundle_export)

    p = command("conflicts", "list the conflicts the hub found, or settle one")
    p.add_argument("conflict", nargs="?", help="the id (or its first characters) to settle")
    p.add_argument(
        "choice",
        nargs="?",
        help="hub | incoming (a field), keep | delete (a deletion), acknowledged (a rule)",
    )
    p.add_argument("--note", default="", help="what was done (for a rule conflict)")
    p.set_defaults(run=conflicts_command)


def _target(path: str) -> Path:
    target = Path(path)
    if not target.parent.is_dir():
        raise UsageError(f"no folder {target.parent} to write {target.name} in")
    return target


def enroll_request(args: argparse.Namespace) -> int:
    target = _target(args.output)
    vault = _unlocked(args)
    try:
        request = sync.write_enrollment_request(vault, target)
    finally:
        vault.lock()
    print(f"Wrote the enrolment request of {request.facilitator_name}'s laptop "
          f"(device {request.device_code}) to {target}.")  # fmt: skip
    print("Give it to your hub coordinator; import their answer with `rjdesk hub-config import`.")
    return 0


def enroll_with_code(args: argparse.Namespace) -> int:
    vault = _unlocked(args)
    try:
        link = sync.enrol_with_code(vault, args.hub, args.code)
    finally:
        vault.lock()
    print(f"This laptop is now enrolled with {link.name or 'the hub'} at {link.url}.")
    print("Run `rjdesk sync` to send your work and receive your cases.")
    return 0


def hub_config_import(args: argparse.Namespace) -> int:
    try:
        content = Path(args.file).read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read {args.file}: {exc.strerror or exc}") from None
    vault = _unlocked(args)
    try:
        link = sync.import_hub_config(vault, content)
    finally:
        vault.lock()
    print(f"This laptop now syncs with {link.name or 'the hub'} at {link.url}.")
    return 0


def sync_now(args: argparse.Namespace) -> int:
    vault = _unlocked(args)
    bar: output.Progress | None = None

    def progress(what: str, done: int, total: int) -> None:
        nonlocal bar
        if what == "send" and total > 4 * 1024 * 1024:  # only worth a bar for large uploads
            if bar is None:
                bar = output.Progress(total, "Sending")
            bar.update(done)

    try:
        report = sync.sync_now(vault, progress=progress)
        aside = sync.status(vault).set_aside
    finally:
        if bar is not None:
            bar.finish()
        vault.lock()
    print(report.summary())
    for entry in aside:  # records from the hub this laptop could not apply, with why
        print(entry.line())
    return 0


def bundle_export(args: argparse.Namespace) -> int:
    target = _target(args.output)
    vault = _unlocked(args)
    try:
        exported = sync.export_bundle(vault, target, args.cases)
    finally:
        vault.lock()
    cases = "case" if exported.cases == 1 else "cases"
    print(
        f"Wrote bundle #{exported.sequence} ({exported.records} records of {exported.cases} "
        f"{cases}) to {target}. It is encrypted to the hub: only the hub can open it."
    )
    print("Take it to the hub (rjdesk-hub import); this laptop sends it again when it is online.")
    return 0


def conflicts_command(args: argparse.Namespace) -> int:
    vault = _unlocked(args)
    try:
        if args.conflict is None:
            found = sync.open_conflicts(vault)
            for conflict in found:
                what = conflict.message or ", ".join(f.name for f in conflict.fields)
                print(f"{conflict.id[:8]}  {conflict.case_reference}  {conflict.kind}  {what}")
            if not found:
                print("No conflicts to settle.")
            return 0
        if args.choice is None:
            raise UsageError("say how to settle it: rjdesk conflicts ID CHOICE")
        matches = [c.id for c in sync.open_conflicts(vault) if c.id.startswith(args.conflict)]
        if len(matches) != 1:
            raise UsageError(f"{args.conflict} names {len(matches)} open conflicts, not one")
        sync.choose(vault, matches[0], args.choice, args.note)
    finally:
        vault.lock()
    print("Settled here; the hub hears of it at the next sync.")
    return 0
