"""The hub: one object over its data folder, keys and database (DESIGN §7).

Used alike by the HTTP API (``rjdesk_hub.app``), the ``rjdesk-hub`` commands and the tests.
Every method is one transaction; expected problems raise ``RjdeskError`` subclasses with one
sentence, and nothing here logs case data or key material.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import func, select

from rjdesk_hub import anchor, authority, config, pruning, reindex
from rjdesk_hub import models as m
from rjdesk_hub.check import CheckResult, check_stored
from rjdesk_hub.config import HubKeys, HubSettings
from rjdesk_hub.console import register as case_register
from rjdesk_hub.crypto import AtRest, derive_key
from rjdesk_hub.db import Database, Tx
from rjdesk_hub.delivery import InboxBuilder
from rjdesk_hub.enrollment import enroll, find_device, revoke
from rjdesk_hub.errors import AuthRefused
from rjdesk_hub.ingest import VIAS, accept, open_device_bundle
from rjdesk_hub.results import (
    Assignment,
    ConflictInfo,
    DeviceInfo,
    HolderChange,
    Pruned,
    StoredRecord,
)
from rjdesk_hub.store import HubStore, live_device
from rjdesk_protocol.errors import UsageError
from rjdesk_protocol.keys import PublicKey

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
# Called inside a method's transaction with what it did: the console's audit log records the
# action there, so the action and its record commit together (``console.ledger_wire``).
Then = Callable[[Any, datetime, Any], None]
_T = TypeVar("_T")
STALE_UPLOAD_SECONDS = pruning.STALE_UPLOAD_SECONDS


def system_clock() -> datetime:
    return datetime.now(UTC)


class Hub:
    """An open hub. Close it (or use it as a context manager) to release the database."""

    def __init__(
        self,
        data_dir: Path,
        settings: HubSettings,
        keys: HubKeys,
        *,
        db_url: str | None = None,
        clock: Clock = system_clock,
    ) -> None:
        self.data_dir = data_dir
        self.settings = settings
        self._keys = keys
        self._at_rest = AtRest(keys.data_key)
        self.clock = clock
        self.db = Database(config.db_url_for(data_dir, settings, db_url), clock)

    # -- opening -----------------------------------------------------------------------------

    @classmethod
    def init(
        cls,
        data_dir: Path,
        *,
        name: str = config.DEFAULT_NAME,
        url: str = config.DEFAULT_URL,
        db_url: str | None = None,
        keep_bundles_days: int = config.DEFAULT_KEEP_BUNDLES_DAYS,
        clock: Clock = system_clock,
    ) -> Hub:
        """Create a hub in ``data_dir`` (refusing an existing one) and open it."""
        name = name.strip()
        if not name or "\n" in name or len(name) > 200:
            raise UsageError("the hub's name must be one line of at most 200 characters")
        if keep_bundles_days < 0:
            raise UsageError("--keep-bundles-days must be 0 or more")
        if db_url:
            config.normalise_db_url(db_url)  # refuse a malformed URL before making anything
        settings = HubSettings(name, url.rstrip("/"), db_url or "", keep_bundles_days)
        keys = config.create(Path(data_dir), settings)
        return cls(Path(data_dir), settings, keys, db_url=db_url, clock=clock)

    @classmethod
    def open(cls, data_dir: Path, *, db_url: str | None = None, clock: Clock = system_clock) -> Hub:
        """Open the hub in ``data_dir``; ``db_url`` overrides the database it names."""
        settings, keys = config.load(Path(data_dir))
        return cls(Path(data_dir), settings, keys, db_url=db_url, clock=clock)

    def close(self) -> None:
        self.db.dispose()

    def __enter__(self) -> Hub:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Hub({self.settings.name!r}, key id {self.key_id})"

    # -- who the hub is ----------------------------------------------------------------------

    @property
    def name(self) -> str:
        return self.settings.name

    @property
    def key_id(self) -> str:
        return self._keys.signing_key.public.key_id_hex

    @property
    def public_key(self) -> PublicKey:
        return self._keys.signing_key.public

    @property
    def age_recipient(self) -> str:
        return self._keys.age_identity.recipient

    @property
    def uploads_dir(self) -> Path:
        return self.data_dir / config.UPLOADS_DIR

    def info(self) -> dict[str, str]:
        """What ``GET /v1/hub`` answers."""
        return {"hub_key_id": self.key_id, "hub_name": self.name}

    def derived_key(self, purpose: str) -> bytes:
        """A 32-byte key for one ``purpose`` (such as sealing the console's TOTP secrets),
        derived from the data key with HKDF-SHA256: the data key itself never leaves ``Hub``."""
        return derive_key(self._keys.data_key, purpose)

    def export_age_identity(self) -> str:
        """The hub's age secret key (AGE-SECRET-KEY-1…), for checking a bundle by hand."""
        return self._keys.age_identity.text()

    # -- devices -----------------------------------------------------------------------------

    def enroll(
        self,
        request: dict[str, Any],
        facilitator: str | None = None,
        *,
        url: str | None = None,
        same_facilitator: str | None = None,
        new_facilitator: bool = False,
        then: Then | None = None,
    ) -> dict[str, Any]:
        """Approve an enrollment request; return the signed hub configuration for the laptop.
        A facilitator name that already has an account needs ``same_facilitator`` (its id) or
        ``new_facilitator`` (docs/hub.md, "Enrolling a laptop")."""
        with self.db.transaction() as tx:
            store = HubStore(tx, self._at_rest)
            answer = enroll(
                tx,
                store,
                self._keys,
                self.settings,
                request,
                facilitator=facilitator,
                url=url,
                same_facilitator=same_facilitator,
                new_facilitator=new_facilitator,
            )
            _then(then, tx, answer)
            return answer

    def revoke(self, device: str, *, then: Then | None = None) -> DeviceInfo:
        """Revoke a device (by id or code): its requests and bundles are refused from now on."""
        with self.db.transaction() as tx:
            found = revoke(tx, device)
            return _then(then, tx, self._device_info(tx.session, found))

    def audit_reset(self, device: str, *, then: Then | None = None) -> DeviceInfo:
        """Accept a laptop's audit log as it is now (its vault was restored from a backup): the
        head its next bundle carries becomes its anchor (docs/audit.md)."""
        with self.db.transaction() as tx:
            found = find_device(tx, device)
            anchor.reset(found)
            log.info("audit anchor of device %s reset by the coordinator", found.id)
            return _then(then, tx, self._device_info(tx.session, found))

    def devices(self) -> list[DeviceInfo]:
        with self.db.reader() as session:
            query = select(m.Device).order_by(m.Device.enrolled_at, m.Device.id)
            return [self._device_info(session, d) for d in session.scalars(query)]

    def device_key(self, device: str) -> str:
        """A device's public key as minisign text (to check its bundles with ``minisign -V``)."""
        with self.db.transaction() as tx:
            return find_device(tx, device).signing_key

    def device_public_key(self, device_id: str) -> PublicKey:
        """The key that authenticates a device's requests; AuthRefused if it may not make any."""
        with self.db.reader() as session:
            found = session.get(m.Device, device_id)
            if found is None:
                raise AuthRefused(f"device {device_id[:64]} is not enrolled at this hub")
            if found.revoked_at is not None:
                raise AuthRefused(f"device {found.id} was revoked on {found.revoked_at:%d %b %Y}")
            return PublicKey.from_minisign(found.signing_key)

    def device_state(self, device_id: str) -> dict[str, int]:
        """What the hub has of a device's own numbering: the last bundle sequence it accepted
        and the last hub bundle the device confirmed (a laptop compares them with its own to
        find that it, or the hub, was restored from an older copy)."""
        with self.db.reader() as session:
            found = live_device(session, device_id)
            return {"last_sequence": found.last_sequence, "inbox_sequence": found.inbox_sequence}

    @staticmethod
    def _device_info(session: Any, device: m.Device) -> DeviceInfo:
        person = session.get(m.Facilitator, device.facilitator_id)
        return DeviceInfo(
            id=device.id,
            code=device.device_code,
            facilitator=person.name if person is not None else "",
            facilitator_id=device.facilitator_id,
            enrolled_at=device.enrolled_at,
            revoked_at=device.revoked_at,
            last_sequence=device.last_sequence,
        )

    # -- bundles -----------------------------------------------------------------------------

    def ingest(self, data: bytes, *, via: str, expect_sender: str | None = None) -> str:
        """Accept a device bundle and return its signed receipt (JSON text); InvalidBundle with
        the reason if it is refused, in which case nothing changed. ``expect_sender``: the
        device that uploaded it over HTTP, which must be the one that signed it."""
        if via not in VIAS:
            raise ValueError(f"via must be one of {VIAS}")
        started = time.monotonic()
        opened = open_device_bundle(self.db, self._keys, data, expect_sender=expect_sender)
        bundle_id, sender = opened.manifest.bundle_id, opened.manifest.sender
        with self.db.transaction() as tx:
            receipt = accept(
                tx,
                HubStore(tx, self._at_rest),
                self._keys,
                opened,
                data,
                via=via,
                keep_bundles_days=self.settings.keep_bundles_days,
            )
            # The decrypted bundle is no longer needed: let it go before the commit writes the
            # bundle as it came (peak memory: the bundle twice, plus a constant).
            del opened
        log.info(
            "bundle %s from %s accepted in %.2fs", bundle_id, sender, time.monotonic() - started
        )
        self._prune_bundles()
        return receipt

    def receipt_for(self, device_id: str, sha256: str) -> str | None:
        """The receipt of a bundle this device sent with these bytes, if the hub accepted it."""
        with self.db.reader() as session:
            query = select(m.Bundle.receipt).where(
                m.Bundle.sha256 == sha256, m.Bundle.device_id == device_id
            )
            return session.scalars(query).first()

    def accepted_size(self, device_id: str, sha256: str) -> int | None:
        with self.db.reader() as session:
            query = select(m.Bundle.size).where(
                m.Bundle.sha256 == sha256, m.Bundle.device_id == device_id
            )
            return session.scalars(query).first()

    def inbox(self, device_id: str, after: int) -> tuple[int, bytes] | None:
        """Confirm hub bundle ``after`` if it is the last one issued, then build the next one for
        this device: (its sequence, its sealed bytes), or None when nothing is new."""
        with self.db.transaction() as tx:
            builder = InboxBuilder(tx, HubStore(tx, self._at_rest), self._keys)
            return builder.next_bundle(device_id, after)

    def resend_everything(self, device_id: str) -> int:
        """Queue whole, for this laptop, every case it should hold (docs/sync-protocol.md,
        "Restored from a backup"); how many were queued."""
        with self.db.transaction() as tx:
            device = live_device(tx.session, device_id)
            return HubStore(tx, self._at_rest).resend_everything(device)

    def record(self, row_id: str) -> StoredRecord | None:
        """The hub's current state of one row, or None if it never had it."""
        with self.db.transaction() as tx:
            store = HubStore(tx, self._at_rest)
            found = store.record(row_id)
            if found is None:
                return None
            return StoredRecord(
                found.table_name,
                found.row_id,
                found.case_id,
                found.hub_version,
                found.deleted,
                store.fields_of(found),
                found.device_id,
                found.how,
            )

    # -- cases -------------------------------------------------------------------------------

    def assign(
        self,
        case: str,
        facilitator: str,
        *,
        keep_referrer: bool = False,
        by: str = authority.COORDINATOR,
        then: Then | None = None,
    ) -> Assignment:
        """Give a case (by reference or id) to a facilitator (by id, by a name no one else has,
        or by one of their devices) and queue it whole for each of their laptops. Whoever
        referred it stops holding it, unless ``keep_referrer``."""
        with self.db.transaction() as tx:
            store = HubStore(tx, self._at_rest)
            found = authority.find_case(tx.session, case)
            person = authority.find_facilitator(tx.session, facilitator)
            dropped = authority.assign(store, found, person, keep_referrer=keep_referrer, by=by)
            laptops = store.facilitator_devices(person.id)
            done = Assignment(
                found.case_id, found.reference, person.name, len(laptops), tuple(dropped), person.id
            )
            return _then(then, tx, done)

    def unassign(
        self,
        case: str,
        facilitator: str,
        *,
        by: str = authority.COORDINATOR,
        then: Then | None = None,
    ) -> Assignment:
        """Take a case from a facilitator: their laptops are told to take it off once their
        pending changes of it have reached the hub."""
        with self.db.transaction() as tx:
            store = HubStore(tx, self._at_rest)
            found = authority.find_case(tx.session, case)
            person = authority.find_facilitator(tx.session, facilitator)
            laptops = authority.unassign(store, found, person, by=by)
            done = Assignment(
                found.case_id, found.reference, person.name, laptops, facilitator_id=person.id
            )
            return _then(then, tx, done)

    def holder_changes(self, case: str) -> list[HolderChange]:
        """Every change of who held a case, oldest first."""
        with self.db.reader() as session:
            found = authority.find_case(session, case)
            query = (
                select(m.HolderChange, m.Facilitator.name)
                .outerjoin(m.Facilitator, m.Facilitator.id == m.HolderChange.facilitator_id)
                .where(m.HolderChange.case_id == found.case_id)
                .order_by(m.HolderChange.id)
            )
            return [
                HolderChange(c.facilitator_id, name or "", c.action, c.at, c.by)
                for c, name in session.execute(query)
            ]

    def record_restore(self) -> datetime:
        """Note that the hub's database was just restored from a backup (docs/sync-protocol.md,
        "The hub was restored"): until each laptop's next receipt, a base version ahead of the
        hub's is merged as a conflict rather than refused."""
        with self.db.transaction() as tx:
            tx.session.add(m.Restore(recorded_at=tx.now))
            return tx.now

    def conflicts(self, *, open_only: bool = True) -> list[ConflictInfo]:
        """Conflicts (open ones by default), oldest first: ids and references, no case content."""
        with self.db.reader() as session:
            query = (
                select(m.Conflict, m.Case.reference)
                .outerjoin(m.Case, m.Case.case_id == m.Conflict.case_id)
                .order_by(m.Conflict.raised_at, m.Conflict.hub_seq)
            )
            if open_only:
                query = query.where(m.Conflict.resolved_at.is_(None))
            return [
                ConflictInfo(c.id, c.case_id, reference or "", c.kind, c.raised_at)
                for c, reference in session.execute(query)
            ]

    def check(self) -> CheckResult:
        """Check every stored record against the current record schema; set aside those that
        fail (``rjdesk-hub check``)."""
        with self.db.transaction() as tx:
            return check_stored(HubStore(tx, self._at_rest))

    # -- the console's register (rjdesk_hub.console) ------------------------------------------

    def register(self, query: case_register.RegisterQuery) -> case_register.RegisterPage:
        """One page of the case register, from the case index (case data: never to be logged)."""
        with self.db.reader() as session:
            return case_register.search(session, self._at_rest, query)

    def case_facts(self, case_id: str) -> dict[str, Any] | None:
        """A case's facts record from the index (names, roles, dates due), or None."""
        with self.db.reader() as session:
            return case_register.facts_of(session, self._at_rest, case_id)

    def reindex(self, batch: int = 500) -> int:
        """Build every case's index entry and return facts again from its stored rows, a batch
        of cases per transaction (``rjdesk-hub reindex``; repeating it changes nothing); how
        many cases are indexed."""
        return reindex.reindex(self.db, self._at_rest, batch)

    # -- retention ---------------------------------------------------------------------------

    def prune(self, now: datetime | None = None) -> Pruned:
        """Remove bundle ciphertexts past their retention, and uploads left for over 7 days."""
        return Pruned(self._prune_bundles(now), self._prune_uploads(now))

    def _prune_bundles(self, now: datetime | None = None) -> int:
        return pruning.prune_bundles(self.db, now or self.clock())

    def _prune_uploads(self, now: datetime | None = None) -> int:
        return pruning.prune_uploads(self.uploads_dir, now or self.clock())

    def counts(self) -> dict[str, int]:
        """How many of each thing the hub holds (for a status line; no case content)."""
        with self.db.reader() as session:
            return {
                "devices": int(session.scalar(select(func.count()).select_from(m.Device)) or 0),
                "cases": int(session.scalar(select(func.count()).select_from(m.Case)) or 0),
                "records": int(session.scalar(select(func.count()).select_from(m.Record)) or 0),
                "bundles": int(session.scalar(select(func.count()).select_from(m.Bundle)) or 0),
            }

    def bundle_summary(self, receipt: str) -> str:
        """One line about an accepted bundle, from its receipt (ids and counts only)."""
        doc = json.loads(receipt)
        refused = len(doc.get("refused", []))
        return (
            f"Accepted bundle {doc['bundle_id']} (#{doc['sequence']}) from device "
            f"{doc['device_id']}: {len(doc['applied'])} records at the hub, "
            f"{len(doc['conflicts'])} in conflict" + (f", {refused} refused." if refused else ".")
        )


__all__ = [
    "Assignment",
    "ConflictInfo",
    "DeviceInfo",
    "HolderChange",
    "Hub",
    "Pruned",
    "StoredRecord",
]


def _then(then: Then | None, tx: Tx, done: _T) -> _T:
    if then is not None:
        then(tx.session, tx.now, done)
    return done
