"""The parts of a case's page (``case_view.build`` makes them): plain frozen values of
display-ready text (case data: never to be logged)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Item:
    """One row of a summary list."""

    key: str
    value: str
    multiline: bool = False


@dataclass(frozen=True)
class Person:
    participant_id: str
    name: str
    role: str
    details: tuple[Item, ...]


@dataclass(frozen=True)
class VictimsCode:
    name: str
    deadline: str
    given_on: str
    state: str  # as words: "Due by …", "Overdue: …"
    breach: bool


@dataclass(frozen=True)
class Risk:
    assessed_on: str
    assessed_by: str
    level: str
    factors: tuple[str, ...]
    notes: str


@dataclass(frozen=True)
class Concern:
    raised_at: str
    kind: str
    about: str
    concern: str
    action_taken: str
    passed_to: str
    recorded_by: str


@dataclass(frozen=True)
class Consent:
    who: str
    scope: str
    given_on: str
    given_by: str
    withdrawn_on: str
    withdrawal_note: str


@dataclass(frozen=True)
class Addendum:
    written_at: str
    author: str
    text: str


@dataclass(frozen=True)
class Contact:
    contact_id: str
    at: str
    kind: str
    location: str
    present: tuple[str, ...]
    author: str
    notes: str
    next_steps: str
    addenda: tuple[Addendum, ...]


@dataclass(frozen=True)
class AgreedAction:
    description: str
    owner: str
    due_on: str
    status: str
    checked_on: str
    check_note: str


@dataclass(frozen=True)
class Signature:
    signer_name: str
    capacity: str
    method: str
    signed_on: str


@dataclass(frozen=True)
class Agreement:
    agreement_id: str
    version: int
    status: str
    agreed_on: str
    review_on: str
    signed_at: str
    summary: str
    supersedes: str  # "version 1", or ""
    actions: tuple[AgreedAction, ...]
    signatures: tuple[Signature, ...]


@dataclass(frozen=True)
class StageChange:
    changed_at: str
    from_stage: str
    to_stage: str
    changed_by: str
    note: str


@dataclass(frozen=True)
class Document:
    document_id: str
    title: str
    kind: str
    filename: str
    media_type: str
    size: str
    version: int
    created_by: str
    created_at: str
    stored: bool  # whether the hub has its content to open


@dataclass(frozen=True)
class Holder:
    """A facilitator who holds the case now, and how."""

    facilitator_id: str
    name: str
    how: str  # "Referred it", "Assigned", "Co-worker"
    since: str


@dataclass(frozen=True)
class HeldBy:
    """One laptop that holds the case."""

    device_code: str
    facilitator: str
    revoked: bool


@dataclass(frozen=True)
class HolderEvent:
    at: str
    facilitator: str
    action: str
    by: str


@dataclass(frozen=True)
class SetAside:
    table: str
    reason: str


@dataclass(frozen=True)
class CaseView:
    """Everything the hub holds of one case, ready to show (case data: never to be logged)."""

    case_id: str
    reference: str
    case_type: str
    stage: str
    stage_value: str
    summary: tuple[Item, ...]
    victims_code: tuple[VictimsCode, ...]
    people: tuple[Person, ...]
    risks: tuple[Risk, ...]
    concerns: tuple[Concern, ...]
    consents: tuple[Consent, ...]
    contacts: tuple[Contact, ...]
    agreements: tuple[Agreement, ...]
    stages: tuple[StageChange, ...]
    documents: tuple[Document, ...]
    holders: tuple[Holder, ...] = ()
    laptops: tuple[HeldBy, ...] = ()
    holder_history: tuple[HolderEvent, ...] = ()
    set_aside: tuple[SetAside, ...] = field(default=())
