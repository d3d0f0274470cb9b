"""``rjdesk --self-test``: does this build of rjdesk work on this machine? (issue 6)

It makes a vault in a fresh temporary folder with the real key derivation, writes a case and
reads it back after locking and unlocking, renders and files an outcome agreement, lets the
caller open the desktop window over it (``rjdesk.ui.pages.selftest``: only the ui may load Qt),
checks the vault as ``rjdesk verify`` does, and deletes the folder, whatever happened. Each check
prints one line, ``PASS  name (detail)`` or ``FAIL  name: reason``; a check whose
prerequisite failed is not run and fails too. Nothing is written outside the temporary folder,
and the data is synthetic, so a reason may quote it.
"""

from __future__ import annotations

import gc
import hashlib
import json
import re
import secrets
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from sqlalchemy import select

from rjdesk import __version__
from rjdesk.documents.agreement import agreement_pdf
from rjdesk.domain.models import Document
from rjdesk.services import agreements, cases, document_data, export, importer, people, printing
from rjdesk.store.integrity import verify_files
from rjdesk.store.keys import FAST_KDF_ENV, KeyFile, fast_kdf_enabled
from rjdesk.store.vault import Vault
from rjdesk_protocol.calendar import LONDON
from rjdesk_protocol.enums import CaseType, Channel, ReferralSource, Role
from rjdesk_protocol.errors import RjdeskError

VAULT_CREATED = "vault created"
CASE_WRITTEN = "case written"
CASE_READ = "case read back"
AGREEMENT = "agreement rendered"
VERIFIED = "vault verified"
DELETED = "temporary vault deleted"

FACILITATOR = "Self Test"
# Letters outside Latin-1, so the documents' font (not reportlab's Helvetica) must be there.
PARTICIPANT = "Zoë Łukasz-Nguyễn"
SUMMARY = "A synthetic referral made by rjdesk --self-test."
ACTION = "Write a letter of apology."
_PAGE = re.compile(rb"/Type\s*/Page\b(?!s)")
_MIN_PDF_BYTES, _MAX_PDF_BYTES = 2_000, 20_000_000


class SelfTestFailure(RjdeskError):
    """A check ran and found something wrong; its message is the reason printed."""


@dataclass
class SelfTestRun:
    """What the checks share: the temporary folder, a random passphrase, what was written."""

    folder: Path
    passphrase: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    vault: Vault | None = None
    reference: str = ""

    @property
    def data_dir(self) -> Path:
        return self.folder / "vault"

    def open_vault(self) -> Vault:
        if self.vault is None:
            raise SelfTestFailure("there is no vault to use")
        self.vault.unlock(self.passphrase)
        return self.vault

    def lock(self) -> None:
        """Close every connection (the window and verify open the files themselves)."""
        if self.vault is not None:
            self.vault.lock()


@dataclass(frozen=True)
class Step:
    """One check: ``run`` returns the detail of a pass or raises; ``needs`` must pass first."""

    name: str
    run: Callable[[SelfTestRun], str]
    needs: tuple[str, ...] = ()


def _ensure(condition: bool, reason: str) -> None:
    if not condition:
        raise SelfTestFailure(reason)


def create_vault(run: SelfTestRun) -> str:
    run.vault, _recovery_key = Vault.create(
        run.data_dir, facilitator_name=FACILITATOR, passphrase=run.passphrase
    )
    with run.vault.engine.connect() as conn:
        cipher = conn.exec_driver_sql("PRAGMA cipher_version").scalar()
    _ensure(bool(cipher), "the database library is plain SQLite, not SQLCipher")
    _ensure(str(cipher).startswith("4."), f"SQLCipher {cipher} is not SQLCipher 4")
    with run.vault.db_path.open("rb") as handle:
        _ensure(not handle.read(16).startswith(b"SQLite format 3"), "cases.db is not encrypted")
    kdf = KeyFile.read(run.vault.key_path).slots["passphrase"].kdf
    memory, passes = int(kdf["memory_kib"]) // 1024, int(kdf["iterations"])
    cheap = f"; {FAST_KDF_ENV}=1 is set: never on a laptop in use" if fast_kdf_enabled() else ""
    plural = "es" if passes != 1 else ""
    return f"Argon2id {memory} MiB × {passes} pass{plural}, SQLCipher {cipher}{cheap}"


def write_case(run: SelfTestRun) -> str:
    vault = run.open_vault()
    with vault.unit_of_work() as uow:
        case = cases.create_case(
            uow,
            cases.Referral(
                case_type=CaseType.NEIGHBOUR_DISPUTE,
                received_on=uow.today,
                source=ReferralSource.SELF,
                channel=Channel.PHONE,
                summary=SUMMARY,
            ),
        )
        people.add_participant(uow, case, people.PersonDetails(name=PARTICIPANT), Role.BOTH)
        run.reference = case.reference
    return run.reference


def read_case(run: SelfTestRun) -> str:
    run.lock()
    vault = run.open_vault()
    today = vault.clock().astimezone(LONDON).date()
    with vault.reader() as session:
        case = cases.load_case(session, run.reference)
        names = [participant.name for participant in case.participants]
        summary = case.summary
        exported = json.dumps(export.case_to_dict(case, today=today), ensure_ascii=False)
    _ensure(names == [PARTICIPANT], f"the case came back with the people {names!r}")
    _ensure(summary == SUMMARY, "the case came back with another summary")
    # The case file format's schema (resources/schema) checks the case as exported.
    importer.parse_case_file(exported)
    return "after locking and unlocking; its case file export passes the schema"


def render_agreement(run: SelfTestRun) -> str:
    vault = run.open_vault()
    with vault.unit_of_work() as uow:
        case = cases.load_case(uow.session, run.reference)
        owner = case.participants[0]
        agreement = agreements.draft_agreement(
            uow, case, actions=[agreements.ActionInput(ACTION, owner=owner)], summary=SUMMARY
        )
        filed = printing.file_agreement_pdf(uow, case, agreement)
        # The PDF's text is compressed in a font subset: check what it was made from instead,
        # and that the same data makes the same bytes (what filing each version relies on).
        data = document_data.agreement_document(uow, case, agreement, document_data.letterhead(uow))
        _ensure(
            PARTICIPANT in [party.name for party in data.participants],
            "the agreement does not name the participant",
        )
        _ensure(agreement_pdf(data) == filed.content, "the same agreement gave different bytes")
    pdf, document = filed.content, filed.document  # still readable: no expiry on commit
    pages = len(_PAGE.findall(pdf))
    _ensure(pdf.startswith(b"%PDF-"), "the bytes do not start like a PDF")
    _ensure(pdf.rstrip().endswith(b"%%EOF"), "the PDF is cut short (no %%EOF at its end)")
    _ensure(_MIN_PDF_BYTES <= len(pdf) <= _MAX_PDF_BYTES, f"a PDF of {len(pdf)} bytes")
    _ensure(pages >= 1, "the PDF has no pages")
    _ensure(run.reference.encode() in pdf, "the PDF does not name the case")
    _ensure(b"DejaVuSans" in pdf, "the documents' font (DejaVu Sans) is not embedded")
    _ensure(
        document.sha256 == hashlib.sha256(pdf).hexdigest() and document.size == len(pdf),
        "the filed hash or size does not match the PDF",
    )
    with vault.reader() as session:
        stored = session.scalar(select(Document.content).where(Document.id == document.id))
    _ensure(stored == pdf, "the copy filed in the vault differs from the PDF")
    run.lock()
    size = f"{pages} page{'s' if pages != 1 else ''}, {len(pdf) // 1024} KB"
    return f"{size}, names the participant, filed with its hash"


def verify_vault(run: SelfTestRun) -> str:
    run.lock()
    if run.vault is None:
        raise SelfTestFailure("there is no vault to verify")
    report = verify_files(run.vault.key_path, run.vault.db_path, run.passphrase)
    for check in report.checks:
        _ensure(check.ok, f"{check.name}: {'; '.join(check.problems) or 'failed'}")
    return ", ".join(check.name for check in report.checks)


def steps(window: Step | None = None) -> list[Step]:
    """The checks in order; ``window`` (the desktop window's) runs just before verify."""
    return [
        Step(VAULT_CREATED, create_vault),
        Step(CASE_WRITTEN, write_case, (VAULT_CREATED,)),
        Step(CASE_READ, read_case, (CASE_WRITTEN,)),
        Step(AGREEMENT, render_agreement, (CASE_WRITTEN,)),
        *([window] if window is not None else []),
        Step(VERIFIED, verify_vault, (VAULT_CREATED,)),
    ]


def reason(error: BaseException) -> str:
    """One line saying what went wrong."""
    text = str(error)
    if not isinstance(error, RjdeskError):
        text = f"{type(error).__name__}: {text}" if text else type(error).__name__
    text = " ".join(text.split())
    return text if len(text) <= 300 else text[:297] + "..."


class _Printer:
    """The lines, as they come; a closed output (``| head``) stops the printing, not the test."""

    def __init__(self, out: TextIO) -> None:
        self.out, self.passed, self.failed, self.closed = out, 0, 0, False

    def line(self, name: str, ok: bool, text: str = "") -> None:
        if ok:
            self.passed += 1
            self.write(f"PASS  {name}{f' ({text})' if text else ''}\n")
        else:
            self.failed += 1
            self.write(f"FAIL  {name}: {text}\n")

    def write(self, text: str) -> None:
        if self.closed:
            return
        try:
            self.out.write(text)
            self.out.flush()
        except BrokenPipeError:
            self.closed = True


def run_self_test(
    checks: Sequence[Step], *, out: TextIO, debug: bool = False, temp_parent: Path | None = None
) -> int:
    """Run ``checks`` in a new temporary folder (in ``temp_parent``, default the system's),
    print a line for each and a summary, and remove the folder. Returns the exit status."""
    started = time.perf_counter()
    printer = _Printer(out)
    passed: set[str] = set()
    try:
        temporary = tempfile.TemporaryDirectory(prefix="rjdesk-self-test-", dir=temp_parent)
    except OSError as error:
        for step in checks:
            printer.line(step.name, False, f"no temporary folder to work in ({reason(error)})")
        temporary = None
    if temporary is not None:
        run = SelfTestRun(Path(temporary.name))
        try:
            for step in checks:
                missing = [need for need in step.needs if need not in passed]
                if missing:
                    printer.line(step.name, False, f"not run, because {missing[0]} failed")
                    continue
                try:
                    detail = step.run(run)
                except Exception as error:  # noqa: BLE001 - one check failing must not stop the rest
                    if debug:
                        traceback.print_exception(error, file=sys.stderr)
                    printer.line(step.name, False, reason(error))
                else:
                    passed.add(step.name)
                    printer.line(step.name, True, detail)
        finally:
            run.lock()
            printer.line(DELETED, *_remove(temporary))
    seconds = time.perf_counter() - started
    total = printer.passed + printer.failed
    if printer.failed:
        summary = f"{printer.failed} of {total} checks FAILED"
    else:
        summary = f"all {total} checks passed"
    printer.write(f"rjdesk {__version__} self-test: {summary} in {seconds:.1f} s\n")
    return 1 if printer.failed else 0


def _remove(temporary: tempfile.TemporaryDirectory[str]) -> tuple[bool, str]:
    folder = Path(temporary.name)
    for attempt in range(2):
        try:
            temporary.cleanup()
            break
        except OSError as error:
            if attempt:
                return False, f"{folder} could not be removed ({reason(error)})"
            gc.collect()  # Windows: a file still open through a forgotten connection
    if folder.exists():
        return False, f"{folder} is still there"
    return True, ""
