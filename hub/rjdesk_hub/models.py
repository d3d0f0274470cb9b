"""The hub's tables (SQLAlchemy 2.0), on their own declarative base: the hub stores records as
encrypted payloads, not as the laptop's case tables, and never shares the laptop's schema.

What is plain here is bookkeeping: ids, table names, references, device and facilitator names,
sequence numbers and times. Every column holding case content (``payload``, ``data``,
``detail``) is AES-256-GCM ciphertext (``rjdesk_hub.crypto``); ``Bundle.ciphertext`` is the
bundle as it arrived, age-encrypted to the hub. The tables are made with ``create_all`` when the
hub opens; a production hub would add Alembic migrations once the schema has to change.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, deferred, mapped_column

from rjdesk_protocol.storage import NAMING_CONVENTION, UTCDateTime

ID = 128  # device and bundle ids: what rjdesk_protocol.bundle accepts as an identifier
ROW_ID = 36


class HubBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 - SQLAlchemy reads this class attribute
        # Sequence numbers are 63-bit (a laptop may number its bundles so); SQLite's INTEGER is
        # 64-bit already, and only INTEGER PRIMARY KEY counts up by itself there.
        int: BigInteger().with_variant(Integer(), "sqlite"),
        datetime: UTCDateTime(),
        list[str]: JSON(),
        list[int]: JSON(),
    }


class Counter(HubBase):
    """The one row holding the last ``hub_seq`` given out. Every writing transaction locks it
    first, so writes are serialised and a ``hub_seq`` is never used twice."""

    __tablename__ = "hub_counter"

    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int] = mapped_column(default=0)


class Facilitator(HubBase):
    """A facilitator's account. Two people may share a name: they are told apart by ``id``."""

    __tablename__ = "hub_facilitator"

    id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    created_at: Mapped[datetime]


class Device(HubBase):
    """An enrolled laptop. ``inbox_sequence`` is the last hub bundle it confirmed applying and
    ``inbox_cursor`` the ``hub_seq`` up to which it has every change of the cases it holds."""

    __tablename__ = "hub_device"

    id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    facilitator_id: Mapped[str] = mapped_column(ForeignKey("hub_facilitator.id"), index=True)
    device_code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(200))  # the facilitator name the laptop gave
    signing_key: Mapped[str] = mapped_column(Text)  # minisign public key text
    age_recipient: Mapped[str] = mapped_column(Text)
    enrolled_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    last_sequence: Mapped[int] = mapped_column(default=0)
    inbox_sequence: Mapped[int] = mapped_column(default=0)
    inbox_cursor: Mapped[int] = mapped_column(default=0)
    # The schema version of its last bundle: what the hub's bundles to it say they carry.
    schema_version: Mapped[str] = mapped_column(String(32), default="")
    # The laptop's audit head (events, hash of the last) in its last accepted bundle: the next
    # one must extend it (docs/audit.md). None until a bundle carrying a head arrives.
    audit_count: Mapped[int | None]
    audit_hash: Mapped[str | None] = mapped_column(String(64))


class Bundle(HubBase):
    """An accepted device bundle: its receipt (returned again, byte for byte, for a repeat) and
    its ciphertext as received, kept until ``keep_until`` and then pruned."""

    __tablename__ = "hub_bundle"

    bundle_id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("hub_device.id"), index=True)
    sequence: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int]
    via: Mapped[str] = mapped_column(String(10))  # "network" or "file"
    received_at: Mapped[datetime]
    receipt: Mapped[str] = mapped_column(Text)
    keep_until: Mapped[datetime] = mapped_column(index=True)
    # Last: SQLite writes a kept bundle into it piece by piece (HubStore.keep_bundle).
    ciphertext: Mapped[bytes | None] = deferred(mapped_column(LargeBinary))


class Record(HubBase):
    """The current state of one synced row. ``payload`` is the sealed JSON of its fields;
    ``how`` says whether its current version was a plain apply of one device's change
    (``apply``) or a merge (``merge``)."""

    __tablename__ = "hub_record"

    row_id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    case_id: Mapped[str | None] = mapped_column(String(ROW_ID))
    hub_version: Mapped[int]
    hub_seq: Mapped[int] = mapped_column(unique=True)
    deleted: Mapped[bool] = mapped_column(default=False)
    payload: Mapped[bytes] = mapped_column(LargeBinary)
    device_id: Mapped[str] = mapped_column(String(ID))
    how: Mapped[str] = mapped_column(String(10))
    changed_at: Mapped[datetime]

    __table_args__ = (Index("ix_hub_record_case_seq", "case_id", "hub_seq"),)


class RecordVersion(HubBase):
    """Every version of every row, with the device and bundle that made it: the base of a
    three-way merge, and the history of who changed what."""

    __tablename__ = "hub_record_version"

    row_id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True)
    hub_version: Mapped[int] = mapped_column(primary_key=True)
    deleted: Mapped[bool] = mapped_column(default=False)
    payload: Mapped[bytes] = deferred(mapped_column(LargeBinary))
    device_id: Mapped[str] = mapped_column(String(ID))
    bundle_id: Mapped[str | None] = mapped_column(String(ID))
    at: Mapped[datetime]


class Blob(HubBase):
    """Attachment and signature bytes, sealed, named by the SHA-256 of their plain bytes."""

    __tablename__ = "hub_blob"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    size: Mapped[int]
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary))


class Case(HubBase):
    """What the hub needs to know of a case in plain: its reference and whether it is closed."""

    __tablename__ = "hub_case"

    case_id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True)
    reference: Mapped[str] = mapped_column(String(32), default="", index=True)
    closed: Mapped[bool] = mapped_column(default=False)
    first_seq: Mapped[int]


class CasePerson(HubBase):
    """A person record belongs to the cases of the participants that refer to it."""

    __tablename__ = "hub_case_person"

    case_id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True)
    person_id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True, index=True)


class Visibility(HubBase):
    """A case a facilitator holds, and may therefore see and change: they referred it (their
    laptop sent it new, ``how`` "referred"; "sent" on hubs from before authority), or the
    coordinator assigned it ("assigned")."""

    __tablename__ = "hub_case_visibility"

    case_id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True)
    facilitator_id: Mapped[str] = mapped_column(
        ForeignKey("hub_facilitator.id"), primary_key=True, index=True
    )
    how: Mapped[str] = mapped_column(String(10))  # "referred" ("sent" before) or "assigned"
    granted_at: Mapped[datetime]
    granted_seq: Mapped[int]


class DeviceCase(HubBase):
    """A case a device holds (it sent records of it, or confirmed a hub bundle that delivered
    it whole): from then on it is sent the case's changes rather than the whole case.
    ``since_seq``: the ``hub_seq`` the whole case was delivered at (nothing older is news)."""

    __tablename__ = "hub_device_case"

    device_id: Mapped[str] = mapped_column(ForeignKey("hub_device.id"), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True)
    since_seq: Mapped[int] = mapped_column(default=0)


class Conflict(HubBase):
    """A field, delete or rule conflict; ``detail`` is sealed JSON. Raising and resolving one
    both take a new ``hub_seq``, so the change travels to every laptop on the case."""

    __tablename__ = "hub_conflict"

    id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True)
    case_id: Mapped[str | None] = mapped_column(String(ROW_ID), index=True)
    row_id: Mapped[str] = mapped_column(String(ROW_ID))
    table_name: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(10))  # "field", "delete" or "rule"
    detail: Mapped[bytes] = mapped_column(LargeBinary)
    from_device: Mapped[str] = mapped_column(String(ID))
    raised_at: Mapped[datetime]
    resolved_at: Mapped[datetime | None]
    resolved_by: Mapped[str | None] = mapped_column(String(ID))
    outcome: Mapped[str | None] = mapped_column(String(40))
    hub_seq: Mapped[int] = mapped_column(unique=True)


class Delivery(HubBase):
    """A whole case waiting to be sent to a device (assigned, or a replacement laptop)."""

    __tablename__ = "hub_delivery"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("hub_device.id"), index=True)
    case_id: Mapped[str] = mapped_column(String(ROW_ID))
    queued_at: Mapped[datetime]


class Issued(HubBase):
    """A hub bundle given to a device, until it confirms it (``after=sequence``): the cursor it
    reached and the deliveries it carried, which confirmation makes final."""

    __tablename__ = "hub_issued"

    device_id: Mapped[str] = mapped_column(ForeignKey("hub_device.id"), primary_key=True)
    sequence: Mapped[int] = mapped_column(primary_key=True)
    cursor: Mapped[int]
    top: Mapped[int]  # the last hub_seq when it was built: the state its whole cases show
    deliveries: Mapped[list[int]]
    cases: Mapped[list[str]]
    bundle_id: Mapped[str] = mapped_column(String(ID))
    issued_at: Mapped[datetime]


class RequestSeen(HubBase):
    """A signed request the hub has answered, by its device and request id, kept until its time
    is further than the allowed clock skew from now (``until``): the same request again is a
    replay, refused also after the hub restarts (docs/sync-protocol.md, "HTTP")."""

    __tablename__ = "hub_request_seen"

    device_id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    request_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    until: Mapped[datetime] = mapped_column(index=True)


class UploadDay(HubBase):
    """Bytes a device uploaded on one (UTC) day: its daily quota is counted here."""

    __tablename__ = "hub_upload_day"

    device_id: Mapped[str] = mapped_column(String(ID), primary_key=True)
    day: Mapped[str] = mapped_column(String(10), primary_key=True)  # YYYY-MM-DD
    size: Mapped[int] = mapped_column(default=0)


class HolderChange(HubBase):
    """Every change of who holds a case (hub/rjdesk_hub/authority.py): ``action`` is "referred"
    (their laptop sent it new), "assigned", "unassigned" or "referrer dropped"; ``by`` is
    "coordinator" for the CLI, else the device that made it."""

    __tablename__ = "hub_holder_change"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    case_id: Mapped[str] = mapped_column(String(ROW_ID), index=True)
    facilitator_id: Mapped[str] = mapped_column(String(ROW_ID), index=True)
    action: Mapped[str] = mapped_column(String(20))
    at: Mapped[datetime]
    by: Mapped[str] = mapped_column(String(ID))


class Withdrawal(HubBase):
    """A case taken from a facilitator, to be named to one of their laptops in its inbox (the
    hub bundle's ``withdrawn``) until it confirms the hub bundle ``issued`` that carried it."""

    __tablename__ = "hub_withdrawal"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("hub_device.id"), index=True)
    case_id: Mapped[str] = mapped_column(String(ROW_ID))
    queued_at: Mapped[datetime]
    issued: Mapped[int | None]


class Restore(HubBase):
    """A restore of the hub's database from a backup, recorded by IT (``rjdesk-hub restored``):
    until a laptop's next receipt, a base version ahead of the hub's is a conflict, not refused."""

    __tablename__ = "hub_restore"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    recorded_at: Mapped[datetime]


class SetAside(HubBase):
    """A stored record that fails the current record schema (``rjdesk-hub check``): kept, but
    no longer delivered nor checked by the rules, until the coordinator deals with it.
    ``reason`` names fields and ids, never their values."""

    __tablename__ = "hub_set_aside"

    row_id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    case_id: Mapped[str | None] = mapped_column(String(ROW_ID))
    reason: Mapped[str] = mapped_column(Text)
    set_aside_at: Mapped[datetime]


class ConsoleAuditEvent(HubBase):
    """One action of a person at the hub's console, hash-chained (``rjdesk_hub.console.ledger``):
    who (account id and name at the time), what, which case or laptop, when, from which address,
    the outcome and a short detail of ids and field names (never case content). Database
    triggers refuse UPDATE and DELETE."""

    __tablename__ = "hub_console_audit_event"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(index=True)
    account_id: Mapped[str] = mapped_column(String(ROW_ID), index=True)
    account_name: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40), index=True)
    case_id: Mapped[str] = mapped_column(String(ROW_ID), index=True)
    case_reference: Mapped[str] = mapped_column(String(32), index=True)
    device_id: Mapped[str] = mapped_column(String(ID), index=True)
    address: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(20))
    detail: Mapped[str] = mapped_column(String(500))
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class ConsoleAuditHead(HubBase):
    """The number and hash of the console audit log's last event, moved in the same transaction
    as each append: deleting the newest events disagrees with it. Triggers refuse deleting it
    or moving it back."""

    __tablename__ = "hub_console_audit_head"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_event_id: Mapped[int]
    last_hash: Mapped[str] = mapped_column(String(64))


def hub_tables() -> list[Any]:
    """Every table of the hub, in creation order."""
    return list(HubBase.metadata.sorted_tables)


# -- the case index (rjdesk_hub.console.index, docs/hub.md "What the case index shows") --------


class CaseIndex(HubBase):
    """One case as the register lists it: the plain facts it filters and sorts on, and the
    sealed facts record (``facts``: AES-256-GCM, like every payload) of what its rows show.
    Kept in the transaction of every merge that changes the case."""

    __tablename__ = "hub_case_index"

    case_id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True)
    reference: Mapped[str] = mapped_column(String(32), index=True)
    case_type: Mapped[str] = mapped_column(String(40), index=True)
    stage: Mapped[str] = mapped_column(String(20), index=True)
    source: Mapped[str] = mapped_column(String(40), index=True)
    received_on: Mapped[date | None] = mapped_column(index=True)
    updated_at: Mapped[datetime] = mapped_column(index=True)
    closed: Mapped[bool] = mapped_column(default=False, index=True)
    facts: Mapped[bytes] = mapped_column(LargeBinary)


class CaseIndexTerm(HubBase):
    """A keyed hash of one searchable term of a case (a folded name prefix, a date of birth, a
    phone number, a postcode): the kind is inside the hash, so only the key holder can tell a
    name from a phone number."""

    __tablename__ = "hub_case_index_term"

    digest: Mapped[bytes] = mapped_column(LargeBinary(16), primary_key=True)
    case_id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True, index=True)


class CaseIndexFacilitator(HubBase):
    """A facilitator who holds a case (from ``hub_case_visibility``), for the register's filter."""

    __tablename__ = "hub_case_index_facilitator"

    case_id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True)
    facilitator_id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True, index=True)


# -- the console's people (rjdesk_hub.console.accounts) ----------------------------------------
# The console's people: who signs in, their second factor, their sessions, and failed sign-ins.
#
# A console user is a person who signs in to the hub's web console (admin, coordinator,
# supervisor, auditor). They are kept apart from ``hub_facilitator``: a facilitator is the account
# laptops are filed under and never signs in to the console, and a console user holds no laptop
# and no case. Nothing here is case data; secrets are stored hashed (passwords with Argon2id,
# recovery codes and session tokens with keyed or plain SHA-256 of high-entropy values) or sealed
# (the TOTP secret, AES-256-GCM under a key derived from the hub's data key).

HASH_HEX = 64


class ConsoleUser(HubBase):
    """A named console account. ``password_set`` is False while the password is the one-time
    one printed by ``rjdesk-hub user add|reset`` (valid until ``setup_until``): the first
    sign-in sets a new one and confirms the authenticator (``totp_confirmed``).
    ``totp_last_step`` is the last TOTP time step accepted: a code is never accepted twice."""

    __tablename__ = "hub_console_user"

    id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    disabled: Mapped[bool] = mapped_column(default=False)
    password_hash: Mapped[str] = mapped_column(Text)
    password_set: Mapped[bool] = mapped_column(default=False)
    setup_until: Mapped[datetime | None]
    totp_secret: Mapped[bytes] = mapped_column(LargeBinary)
    totp_confirmed: Mapped[bool] = mapped_column(default=False)
    totp_last_step: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    last_signed_in_at: Mapped[datetime | None]


class ConsoleRecoveryCode(HubBase):
    """One of a user's one-time recovery codes, by its keyed hash; ``used_at`` once spent."""

    __tablename__ = "hub_console_recovery_code"

    code_hash: Mapped[str] = mapped_column(String(HASH_HEX), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("hub_console_user.id"), index=True)
    used_at: Mapped[datetime | None]


class ConsoleSession(HubBase):
    """A console session, by the SHA-256 of its cookie's random token. ``stage`` is "code"
    (the password was right, the second factor is awaited), "setup" (a first sign-in: a new
    password and the authenticator are awaited) or "in" (signed in)."""

    __tablename__ = "hub_console_session"

    token_hash: Mapped[str] = mapped_column(String(HASH_HEX), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("hub_console_user.id"), index=True)
    stage: Mapped[str] = mapped_column(String(10))
    csrf_token: Mapped[str] = mapped_column(String(HASH_HEX))
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]


class ConsoleSignInFailure(HubBase):
    """Failed sign-ins under one name, by the keyed hash of the folded name (so a password typed
    into the name field is never stored), whether or not an account has that name: lock-out
    answers alike for both."""

    __tablename__ = "hub_console_sign_in_failure"

    name_hash: Mapped[str] = mapped_column(String(HASH_HEX), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    last_failed_at: Mapped[datetime]
    locked_until: Mapped[datetime | None]
