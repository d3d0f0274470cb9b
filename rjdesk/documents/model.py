"""What a printed document shows, as plain data the services fill in (all text already worded
for the reader: labels, dates, names)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Letterhead:
    """The service's details printed at the top (Settings; a default logo otherwise)."""

    service_name: str
    address: str = ""  # may hold several lines
    phone: str = ""
    email: str = ""
    logo_png: bytes | None = None


@dataclass(frozen=True)
class PartyLine:
    """Someone named on a document, as they would want to be named: no date of birth, no
    address."""

    name: str
    role: str  # "Harmed and responsible", "Supporter of Łukasz Nowak (partner)", ...


@dataclass(frozen=True)
class ActionLine:
    who: str
    what: str
    by_when: str  # "18 Nov 2026", or "Ongoing"
    status: str = ""  # follow-up, on the case summary: "Done (checked 19 Nov 2026)"


@dataclass(frozen=True)
class SignatureBlock:
    """One signer: a captured signature (PNG) with name and date, or a line to sign on paper."""

    name: str
    capacity: str  # "Harmed and responsible", "Witness (supporter)", "Facilitator"
    signed_on: date | None = None
    image_png: bytes | None = None
    on_paper: bool = False  # signed on the paper copy (the PDF shows a line and the date)


@dataclass(frozen=True)
class AgreementDocument:
    letterhead: Letterhead
    reference: str
    version: int
    state: str  # "Draft", "Signed", "Superseded"
    # The date printed: agreed on, or the day a draft is printed. (The field's name hides the
    # type inside this class, hence dt.date below.)
    date: dt.date
    participants: tuple[PartyLine, ...]
    actions: tuple[ActionLine, ...]
    signatures: tuple[SignatureBlock, ...]
    summary: str = ""
    review_on: dt.date | None = None
    facilitator: str = ""


def canonical_content(doc: AgreementDocument) -> bytes:
    """The agreement itself, independent of how it is printed: who agreed to do what, by when,
    as which version of which case. Signatures, letterhead and print date are not part of it,
    so an unsigned copy and the signed one carry the same content hash."""
    content = {
        "reference": doc.reference,
        "version": doc.version,
        "participants": [[p.name, p.role] for p in doc.participants],
        "summary": doc.summary,
        "actions": [[a.who, a.what, a.by_when] for a in doc.actions],
        "review_on": doc.review_on.isoformat() if doc.review_on else None,
    }
    return json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def content_hash(doc: AgreementDocument) -> str:
    """SHA-256 of the canonical content; the footer prints its first 12 characters."""
    return hashlib.sha256(canonical_content(doc)).hexdigest()


@dataclass(frozen=True)
class StageLine:
    when: str
    change: str
    by: str
    note: str = ""


@dataclass(frozen=True)
class ContactLine:
    when: str  # "Wed 4 Nov 2026, 18:30"
    kind: str  # "Conference"
    where: str
    who: str  # the people present
    author: str
    notes: str
    next_steps: str = ""
    addenda: tuple[str, ...] = ()  # "Addendum 5 Nov 2026 09:10 by Alex Morgan: …"


@dataclass(frozen=True)
class AgreementSummary:
    version: int
    state: str
    agreed_on: str
    review_on: str
    actions: tuple[ActionLine, ...]


@dataclass(frozen=True)
class CaseSummaryDocument:
    """For handover and supervision: the case as it stands."""

    letterhead: Letterhead
    reference: str
    case_type: str
    stage: str
    generated_on: date
    generated_by: str
    referral: tuple[tuple[str, str], ...]  # (label, value) pairs
    people: tuple[PartyLine, ...]
    risk: str  # "Medium, assessed 21 Oct 2026 by Alex Morgan" or "Not assessed"
    risk_factors: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    victims_code: tuple[str, ...] = ()
    safeguarding: tuple[str, ...] = ()
    stage_history: tuple[StageLine, ...] = ()
    contacts: tuple[ContactLine, ...] = ()
    agreements: tuple[AgreementSummary, ...] = field(default_factory=tuple)
