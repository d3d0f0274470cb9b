"""Text output of the CLI: tables, a case summary, a progress bar on the terminal."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any, TextIO

from rjdesk.app.casefile import SeenBefore
from rjdesk.app.search import CaseRow
from rjdesk.app.views import CaseView
from rjdesk.domain import rules
from rjdesk.domain.labels import SHARED_ACTION
from rjdesk_protocol.calendar import LONDON

# Characters that a terminal acts on instead of showing: C0 controls but tab and newline, DEL,
# C1 controls, the line and paragraph separators and the bidirectional marks, embeddings,
# overrides and isolates (a name with U+202E reads backwards, ESC [ clears the screen).
_INVISIBLE = [
    *(code for code in range(0x20) if chr(code) not in "\t\n"),
    *range(0x7F, 0xA0),
    0x061C,
    0x200E,
    0x200F,
    0x2028,
    0x2029,
    *range(0x202A, 0x202F),
    *range(0x2066, 0x206A),
    # Lone surrogates cannot be encoded at all (a UnicodeEncodeError instead of the output).
    *range(0xD800, 0xE000),
]
# Written as \uXXXX: readable on a terminal, and the same string again inside JSON output.
_ESCAPES = {code: f"\\u{code:04x}" for code in _INVISIBLE}


def escape_controls(text: str) -> str:
    """``text`` with every character a terminal would act on written as ``\\uXXXX``."""
    return text.translate(_ESCAPES)


class TerminalSafe:
    """A text stream that escapes control characters in everything written through it (case
    text can hold any of them); everything else is the wrapped stream's."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(escape_controls(text))

    def writelines(self, lines: Iterator[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def terminal_safe() -> Iterator[None]:
    """While a command runs, what it prints to stdout and stderr has its controls escaped."""
    out, err = sys.stdout, sys.stderr
    sys.stdout = TerminalSafe(out)
    sys.stderr = TerminalSafe(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err


def table(rows: Sequence[CaseRow], out: TextIO) -> None:
    headers = ("REFERENCE", "TYPE", "STAGE", "PARTIES", "NEXT DUE", "RISK", "FLAGS")
    lines = [
        (
            row.reference,
            str(row.case_type),
            str(row.stage) + (" !VC" if row.victims_code_breach else ""),
            _clip(row.parties, 36),
            row.next_due.isoformat() if row.next_due else "",
            str(row.risk_level or ""),
            ",".join(row.flags),
        )
        for row in rows
    ]
    widths = [max([len(h)] + [len(line[i]) for line in lines]) for i, h in enumerate(headers)]
    for line in [headers, *lines]:
        out.write("  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True)))
        out.write("\n")


CHANNELS = {
    "phone": "by phone",
    "online": "online",
    "email": "by email",
    "in_person": "in person",
    "letter": "by letter",
}


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _day(value: date | None) -> str:
    return value.strftime("%d %b %Y") if value else "—"


def case_summary(case: CaseView, seen: dict[str, list[SeenBefore]], out: TextIO) -> None:
    """A plain-text view of one case for the terminal (the Victims' Code as of the day the
    view was built)."""
    w = out.write
    flags = ", ".join(case.flags) or "none"
    w(f"{case.reference}  {case.case_type}  stage: {case.stage}  risk: {case.risk_level or '—'}\n")
    w(f"Flags: {flags}\n")
    if case.closure_reason:
        w(f"Closed on {_day(case.closed_on)}: {case.closure_reason}\n")
    source = case.source.replace("_", " ")
    w(f"\nReferral received {_day(case.received_on)} from {source} {CHANNELS[case.channel]}")
    if case.referrer_name:
        organisation = f", {case.referrer_organisation}" if case.referrer_organisation else ""
        w(f" ({case.referrer_name}{organisation})")
    w("\n")
    if case.crime_reference:
        w(f"Crime reference: {case.crime_reference}\n")
    if case.summary:
        w(f"{case.summary}\n")
    w("\nPeople:\n")
    for p in case.participants:
        extra = []
        if p.person.date_of_birth:
            extra.append(f"born {_day(p.person.date_of_birth)}")
        if p.supports:
            extra.append(
                f"supports {p.supports.name} ({p.relationship_to_supported or 'supporter'})"
            )
        if p.organisation:
            extra.append(p.organisation)
        if p.person.interpreter:
            extra.append(f"interpreter: {p.person.language or 'yes'}")
        w(f"  [{p.key}] {rules.describe(p)}{' — ' + '; '.join(extra) if extra else ''}\n")
        for match in seen.get(p.id, []):
            who = (
                "address" if match.matched_on == "address" else f"{match.name} ({match.matched_on})"
            )
            w(f"      seen before: {match.case_reference}, {who}\n")
    victims = case.victims_code
    if victims:
        w("\nVictims' Code:\n")
        for p, status in victims:
            mark = "BREACH " if status.breach else ""
            w(f"  {mark}{p.name}: {status.describe()}\n")
    for ra in case.risk_assessments:
        gaps = rules.risk_assessment_gaps(ra)
        state = "incomplete: " + ", ".join(gaps) if gaps else "completed"
        w(f"\nRisk assessment {_day(ra.assessed_on)} by {ra.assessed_by}: {ra.level} ({state})\n")
        for factor in ra.factors:
            w(f"  - {factor}\n")
    for concern in case.safeguarding:
        when = concern.raised_at.astimezone(LONDON)
        w(f"\nSafeguarding ({concern.kind}) {when:%d %b %Y %H:%M}: {concern.concern}\n")
        passed = f" → {concern.passed_to}" if concern.passed_to else ""
        w(f"  Action: {concern.action_taken}{passed}\n")
    if case.contacts:
        w("\nContacts:\n")
    for c in case.contacts:
        when = c.at.astimezone(LONDON)
        present = ", ".join(p.name for p in c.present) or "—"
        w(f"  {when:%d %b %Y %H:%M}  {c.kind.replace('_', ' ')}  ({present})  by {c.author}\n")
        w(f"    {c.notes}\n")
        if c.next_steps:
            w(f"    Next: {c.next_steps}\n")
        for a in c.addenda:
            written = a.written_at.astimezone(LONDON)
            w(f"    Addendum {written:%d %b %Y %H:%M} by {a.author}: {a.text}\n")
    for ag in case.agreements:
        w(f"\nAgreement version {ag.version} ({ag.status})")
        w(f", agreed {_day(ag.agreed_on)}, review {_day(ag.review_on)}\n")
        for n, action in enumerate(ag.actions, start=1):
            owner = action.owner.name if action.owner else SHARED_ACTION
            due = _day(action.due_on) if action.due_on else "ongoing"
            state = action.status.replace("_", " ")
            w(f"  {n}. {owner}: {action.description} (by {due}; {state})\n")
        signed = ", ".join(s.signer_name for s in ag.signatures) or "nobody yet"
        w(f"  Signed by: {signed}\n")


class Progress:
    """A one-line progress bar on stderr when it is a terminal; quiet otherwise."""

    def __init__(self, total: int, label: str, stream: TextIO = sys.stderr) -> None:
        self.total, self.label, self.stream = total, label, stream
        self.enabled = stream.isatty()

    def update(self, done: int) -> None:
        if not self.enabled or self.total <= 0:
            return
        width = 30
        filled = int(width * done / self.total)
        self.stream.write(
            f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] {done}/{self.total}"
        )
        self.stream.flush()

    def finish(self) -> None:
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
