"""The console's audit log: every action of a person at the hub, hash-chained (issue 14).

Like the laptop's audit log (``rjdesk.store.audit``, docs/audit.md): each event's hash covers the
previous event's hash and every field of the event, its number included, as canonical JSON.
Editing a row breaks its own hash; deleting a row breaks the link of the row after it; deleting
the newest rows disagrees with ``hub_console_audit_head``, which every append moves in the same
transaction. Triggers refuse UPDATE and DELETE of events, and deleting the head or moving it
back, in the database itself (migration ``h0008_console_audit``).

An event is recorded with ``record`` in the session of the action it records, so the action and
its record commit or roll back together. The head row is locked first (``FOR UPDATE`` on
PostgreSQL; SQLite's writer lock is the hub's whole transaction), so appends from concurrent
transactions queue and keep one chain.

Nothing of a case's content reaches the log: an event names a case by its id and reference, a
laptop by its device id, and its ``detail`` holds only field names, ids, counts and flags
(``Detail``); a value with a space or any other character an id never has is refused with
``ValueError``, so a name or a note typed into a form cannot slip in.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session
from starlette.types import Scope

from rjdesk_hub.limits import forwarded_for
from rjdesk_hub.models import ConsoleAuditEvent, ConsoleAuditHead

GENESIS_HASH = "0" * 64
_HEAD_ID = 1
MAX_DETAIL = 500


class Action(StrEnum):
    """What a person did. The list is fixed: an event names one of these."""

    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_OUT = "sign_out"
    SESSION_EXPIRED = "session_expired"
    LOCKED_OUT = "locked_out"
    VIEW_OVERVIEW = "view_overview"
    VIEW_CASE = "view_case"
    OPEN_DOCUMENT = "open_document"
    SEARCH = "search"
    ASSIGN = "assign"
    UNASSIGN = "unassign"
    REASSIGN = "reassign"
    ENROL_CODE_CREATED = "enrol_code_created"
    LAPTOP_ENROLLED = "laptop_enrolled"
    LAPTOP_RETIRED = "laptop_retired"
    LAPTOP_LOST = "laptop_lost"
    LAPTOP_REVOKED = "laptop_revoked"
    LAPTOP_AUDIT_RESET = "laptop_audit_reset"
    VIEW_BREACH = "view_breach"
    BREACH_DECIDED = "breach_decided"
    CONFLICT_SETTLED = "conflict_settled"
    ACCOUNT_ADDED = "account_added"
    ACCOUNT_RESET = "account_reset"
    ACCOUNT_DISABLED = "account_disabled"
    VIEW_AUDIT = "view_audit"
    EXPORT_AUDIT = "export_audit"
    # Referrals made without a laptop (issue 15).
    VIEW_REFERRAL = "view_referral"
    REFERRAL_TYPED = "referral_typed"  # a phone referral typed into the console
    REFERRAL_ACCEPTED = "referral_accepted"
    REFERRAL_DECLINED = "referral_declined"
    PARTNER_LINK_ISSUED = "partner_link_issued"
    PARTNER_LINK_REVOKED = "partner_link_revoked"
    # The funders' returns and billing statements (issue 16).
    RETURN_PRODUCED = "return_produced"
    RETURN_DOWNLOADED = "return_downloaded"
    BILLING_STATEMENT = "billing_statement"
    # A supervisor's (a later issue); named now so a refused attempt has a name.
    SUBJECT_ACCESS = "subject_access"
    ERASURE = "erasure"
    LEGAL_HOLD = "legal_hold"


class Outcome(StrEnum):
    """``ok``: done; ``refused``: not allowed (role, CSRF, lock-out, a wrong code); ``failed``:
    allowed, but it could not be done (the sentence shown says why)."""

    OK = "ok"
    REFUSED = "refused"
    FAILED = "failed"


@dataclass(frozen=True)
class Actor:
    """Who acted and from where: the account's id and its name at the time (an unknown account
    that tried to sign in has neither: the name typed is never recorded, since people type
    passwords into the name field), and the client's address (``client_address``)."""

    account_id: str
    account_name: str
    address: str = ""


# The server's own command line: someone with a shell on the hub, not a console account.
COMMAND_LINE = Actor(account_id="", account_name="rjdesk-hub command line", address="")

DetailValue = str | int | bool | Sequence[str]
Detail = Mapping[str, DetailValue]

_KEY = re.compile(r"[a-z][a-z0-9_]{0,39}")
# Ids, references, field and role names, ISO dates: never a space, quote or markup.
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:+-]{0,63}")
_ID = re.compile(r"[A-Za-z0-9._:-]{0,128}")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def format_detail(detail: Detail | None) -> str:
    """``detail`` as the log keeps it: ``key=value`` pairs in key order, lists joined by commas.

    Raises ``ValueError`` for a key or value that is not an id, field name, count or flag."""
    if not detail:
        return ""
    parts = []
    for key in sorted(detail):
        if not _KEY.fullmatch(key):
            raise ValueError(f"an audit detail key must be a field name, not {key!r}")
        parts.append(f"{key}={_detail_value(key, detail[key])}")
    text = " ".join(parts)
    if len(text) > MAX_DETAIL:
        raise ValueError(f"an audit detail holds at most {MAX_DETAIL} characters")
    return text


def search_detail(criteria: Mapping[str, object], results: int) -> Detail:
    """The detail of a search: the names of the fields filled in and how many cases it found,
    never what was typed (a name, a date of birth or a postcode is case content)."""
    filled = sorted(key for key, value in criteria.items() if value not in (None, "", [], ()))
    return {"fields": filled, "results": results} if filled else {"results": results}


def _detail_value(key: str, value: DetailValue) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    items = [value] if isinstance(value, str) else list(value)
    for item in items:
        if not isinstance(item, str) or not _TOKEN.fullmatch(item):
            # The value itself is not shown: it may be what must not be recorded.
            raise ValueError(f"the audit detail {key!r} must hold ids or field names only")
    return ",".join(items)


def _at_text(at: datetime) -> str:
    return at.astimezone(UTC).isoformat(timespec="milliseconds")


# The fields an event's hash covers, in order.
HASHED = ("id", "at", "account_id", "account_name", "action", "case_id", "case_reference",
          "device_id", "address", "outcome", "detail")  # fmt: skip
FIELDS = (*HASHED, "prev_hash", "hash")


def event_hash(prev_hash: str, event: Any) -> str:
    """The hash of an event (a row, an ``AuditEntry``, anything with its fields) after
    ``prev_hash``."""
    fields: list[Any] = [getattr(event, name) for name in HASHED]
    fields[1] = _at_text(fields[1])
    canonical = json.dumps([prev_hash, fields], separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AuditEntry:
    """One event as the console shows and exports it (plain data, no session)."""

    id: int
    at: datetime
    account_id: str
    account_name: str
    action: str
    case_id: str
    case_reference: str
    device_id: str
    address: str
    outcome: str
    detail: str
    prev_hash: str
    hash: str

    @classmethod
    def of(cls, row: ConsoleAuditEvent) -> AuditEntry:
        return cls(**{name: getattr(row, name) for name in FIELDS})


def _checked(value: str, what: str, pattern: re.Pattern[str]) -> str:
    if not pattern.fullmatch(value):
        raise ValueError(f"an audit event's {what} must be an id")
    return value


def record(
    session: Session,
    actor: Actor,
    action: Action,
    *,
    at: datetime,
    case_id: str = "",
    case_reference: str = "",
    device_id: str = "",
    outcome: Outcome = Outcome.OK,
    detail: Detail | None = None,
) -> AuditEntry:
    """Append one event in ``session``'s transaction (the action's own: they commit together).

    ``at`` is the action's time (aware; kept in UTC to the millisecond). Raises ``ValueError``
    for an action or outcome not in the fixed lists, a detail that is not ids and field names,
    or a name holding control characters."""
    action = Action(action)
    outcome = Outcome(outcome)
    if at.tzinfo is None:
        raise ValueError("an audit event's time must carry its time zone")
    if len(actor.account_name) > 200 or _CONTROL.search(actor.account_name):
        raise ValueError("an audit event's account name must be one line of 200 characters")
    head = _lock_head(session)
    row = ConsoleAuditEvent(
        id=head.last_event_id + 1,
        # Truncated to the millisecond: what every database keeps, so the hash stays stable.
        at=at.astimezone(UTC).replace(microsecond=at.microsecond // 1000 * 1000),
        account_id=_checked(actor.account_id, "account id", _ID),
        account_name=actor.account_name,
        action=action.value,
        case_id=_checked(case_id, "case id", _ID),
        case_reference=_checked(case_reference, "case reference", _ID),
        device_id=_checked(device_id, "device id", _ID),
        address=_checked_address(actor.address),
        outcome=outcome.value,
        detail=format_detail(detail),
        prev_hash=head.last_hash,
    )
    row.hash = event_hash(row.prev_hash, row)
    session.add(row)
    head.last_event_id = row.id
    head.last_hash = row.hash
    return AuditEntry.of(row)


def _lock_head(session: Session) -> ConsoleAuditHead:
    """The head row, locked until the transaction ends (made, at the genesis, if missing)."""
    query = select(ConsoleAuditHead).where(ConsoleAuditHead.id == _HEAD_ID).with_for_update()
    head = session.scalars(query).one_or_none()
    if head is not None:
        return head
    # Two first appends may race on PostgreSQL: each inserts it if absent, then locks it.
    dialect = session.get_bind().dialect.name
    make = postgresql.insert if dialect == "postgresql" else sqlite.insert
    session.execute(
        make(ConsoleAuditHead)
        .values(id=_HEAD_ID, last_event_id=0, last_hash=GENESIS_HASH)
        .on_conflict_do_nothing()
    )
    return session.scalars(query).one()


def _checked_address(address: str) -> str:
    if not address:
        return ""
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        raise ValueError("an audit event's address must be an IP address") from None


def client_address(peer: str, forwarded_for: str, trusted_proxy: str) -> str:
    """The address to record for a request from ``peer`` carrying ``forwarded_for`` (its
    ``X-Forwarded-For``, "" if none).

    ``X-Forwarded-For`` is believed only when the request comes from the configured reverse
    proxy (``trusted_proxy`` in hub.json, docs/hub.md), and then only its last entry, the one
    that proxy appended: entries before it are whatever the client sent. A header from anyone
    else, or one whose last entry is not an IP address, is ignored: the peer is recorded."""
    peer_ip = _ip(peer)
    if peer_ip is None:
        return ""
    proxy = _ip(trusted_proxy)
    if proxy is not None and peer_ip == proxy and forwarded_for:
        client = _ip(forwarded_for.rsplit(",", maxsplit=1)[-1].strip())
        if client is not None:
            return str(client)
    return str(peer_ip)


def scope_address(scope: Scope, trusted_proxy: str) -> str:
    """``client_address`` of an ASGI request (a page's ``request.scope``)."""
    client = scope.get("client")
    return client_address(client[0] if client else "", forwarded_for(scope), trusted_proxy)


def _ip(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        found = ipaddress.ip_address(text.strip())
    except ValueError:
        return None
    # An IPv4 client seen through a dual-stack socket is that IPv4 address.
    if isinstance(found, ipaddress.IPv6Address) and found.ipv4_mapped is not None:
        return found.ipv4_mapped
    return found


@dataclass(frozen=True)
class ChainProblem:
    event_id: int
    message: str


class ChainWalk:
    """A walk along events, oldest first: ``walk`` yields each break; ``last`` is then the
    last event walked (None if none). ``prev_hash`` None: the first event may follow anything
    (an exported range that does not start at the first event)."""

    def __init__(self, prev_hash: str | None = GENESIS_HASH) -> None:
        self._prev_hash = prev_hash
        self.last: Any = None

    def walk(self, events: Iterable[Any]) -> Iterator[ChainProblem]:
        prev_hash = self._prev_hash
        expected_id: int | None = None
        for event in events:
            if expected_id is not None and event.id != expected_id:
                yield ChainProblem(expected_id, _missing(expected_id, event.id - 1))
            elif expected_id is None and prev_hash == GENESIS_HASH and event.id != 1:
                yield ChainProblem(1, _missing(1, event.id - 1))
            elif prev_hash is not None and event.prev_hash != prev_hash:
                yield ChainProblem(
                    event.id,
                    f"console audit event #{event.id} does not follow the event before it",
                )
            if event_hash(event.prev_hash, event) != event.hash:
                yield ChainProblem(
                    event.id, f"console audit event #{event.id} was changed after it was written"
                )
            expected_id = event.id + 1
            prev_hash = event.hash
            self.last = event


def _missing(first: int, last: int) -> str:
    if first == last:
        return f"console audit event #{first} is missing (deleted)"
    return f"console audit events #{first} to #{last} are missing (deleted)"


def verify(session: Session) -> Iterator[ChainProblem]:
    """Walk the whole log and its head, and yield every break, naming the event number."""
    query = (
        select(ConsoleAuditEvent).order_by(ConsoleAuditEvent.id).execution_options(yield_per=2000)
    )
    chain = ChainWalk()
    yield from chain.walk(session.scalars(query))
    last = chain.last
    last_id = last.id if last is not None else 0
    last_hash = last.hash if last is not None else GENESIS_HASH
    head = session.get(ConsoleAuditHead, _HEAD_ID)
    if head is None:
        if last_id:
            yield ChainProblem(last_id, "the console audit log's head record is missing")
    elif head.last_event_id > last_id:
        yield ChainProblem(last_id + 1, _missing(last_id + 1, head.last_event_id))
    elif head.last_event_id != last_id or head.last_hash != last_hash:
        yield ChainProblem(last_id, "the console audit log's head record does not match its end")


def count(session: Session) -> int:
    """How many events the log holds, by its head."""
    head = session.get(ConsoleAuditHead, _HEAD_ID)
    return head.last_event_id if head is not None else 0
