"""The CLI's commands: each parses nothing itself and does its work through ``rjdesk.app``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rjdesk.app import Vault, casefile, clock_from_env, integrity, resolve_data_dir, search
from rjdesk.app.casefile import Printout
from rjdesk.cli import output, secrets
from rjdesk.demo import fill_demo
from rjdesk_protocol.atomic import atomic_write
from rjdesk_protocol.enums import CaseType, Flag, Stage
from rjdesk_protocol.errors import UsageError, VaultNotFound

STAGES = [stage.value for stage in Stage]
CASE_TYPES = [case_type.value for case_type in CaseType]
FLAGS = [flag.value for flag in Flag]


def _vault(args: argparse.Namespace) -> Vault:
    return Vault(resolve_data_dir(args.data_dir), clock=clock_from_env())


def _unlocked(args: argparse.Namespace) -> Vault:
    vault = _vault(args)
    if not Vault.exists(vault.data_dir):
        raise VaultNotFound(
            f"no vault in {vault.data_dir}: create one with `rjdesk init --name NAME`"
        )
    vault.unlock(secrets.passphrase(args.passphrase_file))
    return vault


def init(args: argparse.Namespace) -> int:
    vault = _vault(args)
    if Vault.exists(vault.data_dir):
        raise UsageError(f"a vault already exists in {vault.data_dir}")
    passphrase = secrets.new_passphrase(secrets.PASSPHRASE_ENV, args.passphrase_file, "passphrase")
    created, recovery_key = Vault.create(
        vault.data_dir, facilitator_name=args.name, passphrase=passphrase, clock=vault.clock
    )
    created.lock()
    print(f"Created the vault of {args.name.strip()} in {vault.data_dir}.")
    print()
    print("Recovery key — shown this once. Write it down and give it to the hub to keep in")
    print("its safe. With it a forgotten passphrase can be reset (rjdesk passwd --recovery-key):")
    print()
    print(f"    {recovery_key}")
    print()
    return 0


def demo(args: argparse.Namespace) -> int:
    if args.cases < 1:
        raise UsageError("--cases must be at least 1")
    vault = _unlocked(args)
    try:
        bar = output.Progress(args.cases, "Creating demo cases")
        for done in fill_demo(vault, cases=args.cases, seed=args.seed):
            bar.update(done)
        bar.finish()
        total = search.count_cases(vault)
        print(f"Added {args.cases} demo cases; the vault now holds {total}.")
    finally:
        vault.lock()
    return 0


def case_import(args: argparse.Namespace) -> int:
    if args.file == "-":
        raw = sys.stdin.buffer.read()
    else:
        try:
            raw = Path(args.file).read_bytes()
        except OSError as exc:
            raise UsageError(f"cannot read {args.file}: {exc.strerror or exc}") from None
    # Check the file before asking for the passphrase: a typo costs no unlock.
    casefile.check_case_file(raw)
    vault = _unlocked(args)
    try:
        reference = casefile.import_case(vault, raw)
    finally:
        vault.lock()
    print(reference)
    return 0


def case_list(args: argparse.Namespace) -> int:
    if args.limit < 0:
        raise UsageError("--limit must be 0 (all) or more")
    filters = search.CaseFilter(
        search=args.search,
        stage=Stage(args.stage) if args.stage else None,
        case_type=CaseType(args.case_type) if args.case_type else None,
        flag=Flag(args.flag) if args.flag else None,
        include_closed=not args.open,
    )
    vault = _unlocked(args)
    try:
        found = search.list_cases(vault, filters, limit=args.limit)
    finally:
        vault.lock()
    rows, total = found.rows, found.total or 0
    if args.json:
        json.dump([row.as_dict() for row in rows], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        output.table(rows, sys.stdout)
        if len(rows) < total:
            sys.stderr.write(f"({len(rows)} of {total} shown; use --limit 0 for all)\n")
    return 0


def case_show(args: argparse.Namespace) -> int:
    if args.include_equality and not args.json:
        raise UsageError("--include-equality goes with --json (the summary never shows it)")
    vault = _unlocked(args)
    try:
        # The JSON is the whole case in a portable form: on the record as an export.
        if args.json:
            document = casefile.export_case(
                vault, args.reference, include_equality=args.include_equality
            )
            json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
            sys.stdout.write("\n")
        else:
            snapshot = casefile.show_case(vault, args.reference)
            output.case_summary(snapshot.case, snapshot.seen_before, sys.stdout)
    finally:
        vault.lock()
    return 0


def verify(args: argparse.Namespace) -> int:
    vault = _vault(args)
    if not Vault.exists(vault.data_dir):
        raise VaultNotFound(f"no vault in {vault.data_dir}")
    passphrase = secrets.passphrase(args.passphrase_file)
    report = integrity.check_files(vault, passphrase)
    for check in report.checks:
        print(f"{'ok  ' if check.ok else 'FAIL'}  {check.name}")
        for problem in check.problems:
            print(f"      {problem}")
    if not report.ok:
        sys.stderr.write("rjdesk: the vault failed verification (see above); nothing was changed\n")
        return 1
    # Only a whole vault is opened normally, so that the check itself is on the record.
    vault.unlock(passphrase)
    try:
        integrity.record_verification(vault)
    finally:
        vault.lock()
    print("The vault is whole and its audit log is unbroken.")
    return 0


def passwd(args: argparse.Namespace) -> int:
    vault = _vault(args)
    if not Vault.exists(vault.data_dir):
        raise VaultNotFound(f"no vault in {vault.data_dir}")
    if args.recovery_key:
        key = secrets.recovery_key()
        new = secrets.new_passphrase(secrets.NEW_PASSPHRASE_ENV, args.new_passphrase_file)
        vault.reset_passphrase(key, new)
        vault.lock()
        print("The passphrase was reset with the recovery key. The old passphrase no longer works.")
        return 0
    old = secrets.passphrase(args.passphrase_file)
    vault.unlock(old)
    try:
        new = secrets.new_passphrase(secrets.NEW_PASSPHRASE_ENV, args.new_passphrase_file)
        if new == old:
            raise UsageError("the new passphrase is the same as the old one; nothing was changed")
        vault.change_passphrase(old, new)
    finally:
        vault.lock()
    print("The passphrase was changed.")
    return 0


def _save_pdf(args: argparse.Namespace, printout: Printout) -> int:
    """Generate, file and save a copy: the saved copy is plain (not encrypted), as asked for."""
    target = Path(args.output)
    if not target.parent.is_dir():
        raise UsageError(f"no folder {target.parent} to save {target.name} in")
    vault = _unlocked(args)

    def write(content: bytes) -> None:
        # Written inside the unit of work: if the file cannot be written, the copy is not
        # recorded as made.
        try:
            atomic_write(target, content)
        except OSError as exc:
            raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None

    try:
        saved = casefile.save_pdf_copy(vault, args.reference, printout, write)
    finally:
        vault.lock()
    print(f"Saved {saved.title} (document version {saved.version}) to {target}.")
    if saved.message:
        print(saved.message)
    print("This copy is not encrypted: keep it only as long as you need it.")
    return 0


def agreement_pdf(args: argparse.Namespace) -> int:
    return _save_pdf(args, "agreement")


def case_summary(args: argparse.Namespace) -> int:
    return _save_pdf(args, "case_summary")
