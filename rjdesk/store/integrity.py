"""``rjdesk verify``: is the vault whole, and has its audit log been tampered with?

The checks run on a read-only connection opened with the data key from the key file, not by
unlocking (which migrates and writes an audit event): a damaged vault is reported, never
"repaired" by writing over it. Only when every check passes does the caller record the verify.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import sqlcipher3
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from rjdesk.store import contents
from rjdesk.store.audit import ChainProblem, verify_chain
from rjdesk.store.engine import connect_raw, key_only
from rjdesk.store.keys import KeyFile
from rjdesk_protocol.errors import VaultDamaged

_PAGE = re.compile(r"page (\d+)", re.IGNORECASE)


@dataclass
class Check:
    name: str
    ok: bool
    problems: list[str] = field(default_factory=list)


@dataclass
class VerifyReport:
    checks: list[Check] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)


AnchorCheck = Callable[[Session], list[str]]


def verify_files(
    key_path: Path, db_path: Path, passphrase: str, *, anchor_check: AnchorCheck | None = None
) -> VerifyReport:
    """Run every check. Raises ``WrongPassphrase`` (nothing read beyond the key file).

    ``anchor_check`` (``rjdesk.sync.anchor.problems``: the sync layer knows the hub's key)
    compares the log with the head the hub last receipted (docs/audit.md)."""
    data_key = KeyFile.read(key_path).unwrap_with_passphrase(passphrase)
    key = bytes(data_key)
    report = VerifyReport()
    if not db_path.exists():
        report.checks.append(Check("database", False, [f"{db_path.name} is missing"]))
        return report
    # The page check first, on a connection that reads nothing else: it names damaged pages
    # even where they hold the schema that every other check needs.
    pages = sqlcipher3.connect(f"file:{db_path.as_posix()}?mode=ro", uri=True)
    try:
        key_only(pages, key)
        report.checks.append(Check("encryption (page authentication)", *_cipher_check(pages)))
    finally:
        pages.close()
    try:
        conn = connect_raw(db_path, key, read_only=True)
    except VaultDamaged:
        unreadable = (
            "the list of tables cannot be read because of the damaged pages above; "
            "restore the vault from a backup"
        )
        report.checks.append(Check("database structure", False, [unreadable]))
        return report
    try:
        report.checks.append(Check("database structure", *_integrity_check(conn)))
    finally:
        conn.close()
    report.checks.append(Check("audit log chain", *_chain_check(db_path, key)))
    report.checks.append(
        Check("saved notes against their audit events", *_chain_check(db_path, key, _contents))
    )
    if anchor_check is not None:
        report.checks.append(
            Check("audit log against the hub's anchor", *_chain_check(db_path, key, anchor_check))
        )
    return report


def _cipher_check(conn: object) -> tuple[bool, list[str]]:
    try:
        rows = conn.execute("PRAGMA cipher_integrity_check").fetchall()  # type: ignore[attr-defined]
    except sqlcipher3.DatabaseError as exc:
        return False, [f"the page check could not finish: {exc}"]
    problems = sorted({_describe_page_problem(str(row[0])) for row in rows}, key=_page_number)
    return not problems, problems


def _describe_page_problem(text: str) -> str:
    match = _PAGE.search(text)
    if match:
        page = match.group(1)
        first = " (the first page, which every read needs)" if page == "1" else ""
        return f"page {page}{first} of the database is damaged (it fails its authentication check)"
    return text


def _page_number(problem: str) -> int:
    match = _PAGE.search(problem)
    return int(match.group(1)) if match else 0


def _integrity_check(conn: object) -> tuple[bool, list[str]]:
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()  # type: ignore[attr-defined]
    except sqlcipher3.DatabaseError as exc:
        return False, [f"the structure check stopped at damaged data ({exc})"]
    problems = [str(row[0]) for row in rows if row[0] != "ok"]
    return not problems, problems


def _contents(session: Session) -> list[str]:
    return list(itertools.islice(contents.problems(session), 50))


def _chain_problems(session: Session) -> list[str]:
    return [problem.message for problem in _limited(verify_chain(session))]


def _chain_check(
    db_path: Path, key: bytes, check: AnchorCheck = _chain_problems
) -> tuple[bool, list[str]]:
    engine = create_engine(
        f"sqlite:///{db_path.as_posix()}",
        creator=lambda: connect_raw(db_path, key, read_only=True),
        module=sqlcipher3.dbapi2,
        hide_parameters=True,
    )
    try:
        with Session(engine) as session:
            problems = check(session)
    except sqlcipher3.DatabaseError as exc:
        problems = [f"the audit log could not be read ({exc})"]
    finally:
        engine.dispose()
    return not problems, problems


def _limited(problems: Iterator[ChainProblem], limit: int = 50) -> Iterator[ChainProblem]:
    for count, problem in enumerate(problems):
        if count == limit:
            return
        yield problem
