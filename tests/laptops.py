"""Laptops for the sync and hub tests, and a hub made of keys for the laptop's own.

Three ways a test meets a laptop, all with real vaults and real keys:

- ``Laptop``, for the hub's tests: a real vault in a temporary folder with a fresh age
  identity, without the laptop's sync engine. It makes an enrollment request as
  docs/sync-protocol.md says, reads a case's rows as records (``rjdesk.sync.records``), seals
  them into a device bundle (``rjdesk_protocol.bundle.seal``) and remembers the hub versions a
  receipt gives, as the laptop's outbox would. ``receive`` writes records straight into its
  vault, so two laptops can work the same case offline.
- ``make_laptop``, for end-to-end sync: a new vault enrolled with a real hub, syncing through
  the real engine.
- ``StandInHub`` and ``enrol``, for what the laptop builds and applies without running a hub
  server: the laptop is real, the hub is only its keys.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Protocol

from sqlalchemy import delete, insert, select, update

from rjdesk.domain.base import Base, new_id
from rjdesk.domain.models import VaultInfo
from rjdesk.domain.sync_models import OutboxChange
from rjdesk.services import sync
from rjdesk.store.engine import create_vault_engine
from rjdesk.store.keys import KeyFile
from rjdesk.store.vault import Vault, _clock_at_noon
from rjdesk.sync import records
from rjdesk.sync.records import Record
from rjdesk_hub import Hub
from rjdesk_protocol.bundle import OpenedBundle, open_bundle, seal
from rjdesk_protocol.keys import AgeIdentity, PublicKey, SigningKey, sign_document, verify_document
from rjdesk_protocol.references import device_code_for
from rjdesk_protocol.wire import verify_receipt
from tests.conftest import PASSPHRASE, TODAY
from tests.services.builders import ready_for_conference

SCHEMA_VERSION = "0004"


class Laptop:
    """One facilitator's laptop: its vault, keys, and what it knows of the hub."""

    def __init__(
        self, directory: Path, name: str, *, today: date = TODAY, template: Path | None = None
    ) -> None:
        if template is None:
            self.vault, _ = Vault.create(
                directory, facilitator_name=name, passphrase=PASSPHRASE, clock=_clock_at_noon(today)
            )
        else:
            self.vault = _from_template(template, directory, name, today)
        info = self.vault.info()
        self.name = name
        self.device_id = info.device_id
        self.device_code = info.device_code
        self.signing_key = SigningKey.from_raw(info.signing_key)
        self.age = AgeIdentity.generate()
        self.config: dict[str, Any] = {}
        self.sequence = 0
        self.inbox_after = 0
        self.versions: dict[str, int] = {}  # row id -> hub version (the laptop's sync_row)
        self.bundle_ids: dict[str, str] = {}  # SHA-256 of a sealed bundle -> its id

    def close(self) -> None:
        self.vault.lock()

    # -- enrollment --------------------------------------------------------------------------

    def enrollment_request(self) -> dict[str, Any]:
        request = {
            "format": "rjdesk.enroll-request/1",
            "device_id": self.device_id,
            "device_code": self.device_code,
            "facilitator_name": self.name,
            "signing_key": self.signing_key.public.to_minisign(f"rjdesk device {self.device_id}"),
            "age_recipient": self.age.recipient,
            "created_at": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        }
        return sign_document(request, self.signing_key, f"rjdesk enrollment {self.device_id}")

    def enroll(self, hub: Hub, facilitator: str | None = None, **options: Any) -> dict[str, Any]:
        """Enrol as the coordinator would (``options``: ``same_facilitator=ID`` or
        ``new_facilitator=True`` for a name that already has an account)."""
        config = hub.enroll(self.enrollment_request(), facilitator, **options)
        verify_document(config, PublicKey.from_minisign(config["hub_signing_key"]))
        self.config = config
        return config

    @property
    def hub_key(self) -> PublicKey:
        return PublicKey.from_minisign(self.config["hub_signing_key"])

    # -- records -----------------------------------------------------------------------------

    def case_records(self, case_id: str) -> tuple[list[Record], dict[str, bytes]]:
        """Every row of a case as records based on the hub versions this laptop knows."""
        with self.vault.reader() as session:
            rows = records.case_rows(session, [case_id])
        return self.records(case_id, rows)

    def records(
        self, case_id: str | None, rows: dict[str, list[str]]
    ) -> tuple[list[Record], dict[str, bytes]]:
        """These rows (table -> ids) of one case as records, in table order."""
        cases = {
            row_id: None if name == "person" else case_id
            for name, ids in rows.items()
            for row_id in ids
        }
        return rows_as_records(self.vault, rows, versions=self.versions, case_ids=cases)

    def changes(self) -> tuple[list[Record], dict[str, bytes]]:
        """The rows changed in the vault since the last call (from its outbox), as records;
        a row deleted since is a ``del`` record."""
        with self.vault.unit_of_work() as uow:
            pending = list(uow.session.scalars(select(OutboxChange).order_by(OutboxChange.id)))
            uow.session.execute(delete(OutboxChange))
        by_case: dict[str | None, dict[str, list[str]]] = {}
        for change in pending:
            by_case.setdefault(change.case_id, {}).setdefault(change.table_name, []).append(
                change.row_id
            )
        found: list[Record] = []
        blobs: dict[str, bytes] = {}
        for case_id, rows in by_case.items():
            some, more = self.records(case_id, rows)
            found += some
            blobs |= more
        present = {r.id for r in found}
        for change in pending:
            if change.row_id not in present:
                base = self.versions.get(change.row_id, 0)
                found.append(Record(change.table_name, change.row_id, "del", base, change.case_id))
                present.add(change.row_id)
        found.sort(key=lambda r: records.TABLE_ORDER[r.table])
        return found, blobs

    def receive(self, incoming: Iterable[Record], blobs: dict[str, bytes] | None = None) -> None:
        """Write rows straight into this laptop's vault, as the laptop does with what the hub
        sends (not queued for the hub), and remember their hub versions."""
        ordered = sorted(incoming, key=lambda r: records.TABLE_ORDER[r.table])
        link = Base.metadata.tables["contact_present"]
        with self.vault.unit_of_work() as uow:
            for record in ordered:
                source = records.table(record.table)
                key = source.c[records.id_column(record.table)]
                if record.op == "del":
                    uow.session.execute(delete(source).where(key == record.id))
                    continue
                values = records.decode_fields(record, blobs or {})
                if uow.session.execute(select(key).where(key == record.id)).first() is None:
                    uow.session.execute(insert(source).values({**values, key.name: record.id}))
                    for participant_id in records.present_of(record) or []:
                        uow.session.execute(
                            insert(link).values(contact_id=record.id, participant_id=participant_id)
                        )
                elif record.table not in records.APPEND_ONLY:
                    uow.session.execute(update(source).where(key == record.id).values(values))
                self.versions[record.id] = record.version

    # -- bundles -----------------------------------------------------------------------------

    def seal(
        self,
        found: Sequence[Record],
        blobs: dict[str, bytes] | None = None,
        *,
        resolutions: Sequence[dict[str, Any]] = (),
        sequence: int | None = None,
        bundle_id: str | None = None,
        hub_key_id: str | None = None,
        age_recipient: str | None = None,
        schema_version: str = SCHEMA_VERSION,
    ) -> bytes:
        """A device bundle of these records, with the next sequence number (``schema_version``:
        the previous release's, protocol 1, unless said)."""
        if sequence is None:
            self.sequence += 1
            sequence = self.sequence
        key_id = hub_key_id or self.config["hub_key_id"]
        changes = json.dumps(
            {"records": [r.to_json() for r in found], "resolutions": list(resolutions)},
            ensure_ascii=False,
        ).encode()
        manifest, sealed = seal(
            kind="device",
            sender=self.device_id,
            recipient=key_id,
            sequence=sequence,
            schema_version=schema_version,
            hub_key_id=key_id,
            changes=changes,
            blobs=blobs or {},
            signing_key=self.signing_key,
            age_recipient=age_recipient or self.config["hub_age_recipient"],
            bundle_id=bundle_id,
        )
        self.bundle_ids[hashlib.sha256(sealed).hexdigest()] = manifest.bundle_id
        return sealed

    def take_receipt(self, text: str, sealed: bytes) -> dict[str, Any]:
        """Verify a receipt for ``sealed`` and remember the hub versions it gives."""
        sha = hashlib.sha256(sealed).hexdigest()
        receipt = verify_receipt(
            text, self.hub_key, bundle_id=self.bundle_ids[sha], bundle_sha256=sha
        )
        self.versions.update(receipt["applied"])
        return receipt

    def send(
        self,
        hub: Hub,
        found: Sequence[Record],
        blobs: dict[str, bytes] | None = None,
        **options: Any,
    ) -> dict[str, Any]:
        """Seal, ingest (as a USB import would) and take the receipt."""
        sealed = self.seal(found, blobs, **options)
        return self.take_receipt(hub.ingest(sealed, via="file"), sealed)

    def open_hub_bundle(self, data: bytes) -> OpenedBundle:
        """Open a hub bundle sent to this laptop, checking it as the laptop must."""
        hub_key = self.hub_key
        return open_bundle(
            data,
            identity=self.age,
            sender_key=lambda _manifest: hub_key,
            expect_kind="hub",
            expect_recipient=self.device_id,
            expect_hub_key_id=hub_key.key_id_hex,
        )

    def fetch(self, hub: Hub, *, apply: bool = False) -> dict[str, Any] | None:
        """Ask the hub's inbox as the laptop does (confirming the last bundle applied); return
        the changes of the next hub bundle (``apply``: written into the vault too)."""
        found = hub.inbox(self.device_id, self.inbox_after)
        if found is None:
            return None
        sequence, data = found
        opened = self.open_hub_bundle(data)
        assert opened.manifest.sequence == sequence
        changes: dict[str, Any] = json.loads(opened.changes)
        changes["blobs"] = opened.blobs
        if apply:
            self.receive([Record.from_json(item) for item in changes["records"]], opened.blobs)
        for item in changes["records"]:
            self.versions[item["id"]] = item["v"]
        self.inbox_after = sequence
        return changes


def make_template(directory: Path) -> Path:
    """An empty vault to copy: making each laptop's vault from scratch (migrations and all)
    would be most of the hub suite's time."""
    vault, _ = Vault.create(directory, facilitator_name="Template", passphrase=PASSPHRASE)
    vault.lock()
    return directory


def _from_template(template: Path, directory: Path, name: str, today: date) -> Vault:
    """A copy of the template vault made into a new device: its own id, key and owner."""
    shutil.copytree(template, directory)
    vault = Vault(directory, clock=_clock_at_noon(today))
    # Rewritten before the vault is opened, since it reads its owner when it opens.
    data_key = KeyFile.read(vault.key_path).unwrap_with_passphrase(PASSPHRASE)
    engine = create_vault_engine(vault.db_path, bytes(data_key))
    key = SigningKey.generate()
    try:
        with engine.begin() as connection:
            connection.execute(
                update(VaultInfo).values(
                    device_id=new_id(),
                    device_code=device_code_for(key.public.raw),
                    signing_key=key.raw(),
                    facilitator_name=name,
                )
            )
    finally:
        engine.dispose()
    vault.unlock(PASSPHRASE)
    return vault


def edited(record: Record, version: int, **fields: Any) -> Record:
    """A copy of a record with some fields changed, based on ``version``."""
    return Record(
        record.table, record.id, "put", version, record.case_id, {**record.fields, **fields}
    )


def deleted(record: Record, version: int) -> Record:
    return Record(record.table, record.id, "del", version, record.case_id, {})


def of(found: Iterable[Record], table: str) -> list[Record]:
    return [r for r in found if r.table == table]


@dataclass(frozen=True)
class CaseIds:
    case_id: str
    reference: str
    marcia: str
    lukasz: str


def new_case(device: Laptop) -> CaseIds:
    """A neighbour dispute on this laptop, assessed, both households consenting."""
    with device.vault.unit_of_work() as uow:
        case, marcia, lukasz = ready_for_conference(uow)
        return CaseIds(case.id, case.reference, marcia.id, lukasz.id)


def send_changes(device: Laptop, hub: Hub, **options: Any) -> dict[str, Any]:
    """Send what changed in the laptop's vault since the last call; return the receipt."""
    found, blobs = device.changes()
    return device.send(hub, found, blobs, **options)


# -- reading a vault's rows as records --------------------------------------------------------


def rows_as_records(
    vault: Vault,
    rows: Mapping[str, list[str]],
    *,
    versions: Mapping[str, int],
    case_ids: Mapping[str, str | None],
) -> tuple[list[Record], dict[str, bytes]]:
    """These rows (table -> ids) as ``put`` records in table order, and the blobs they name."""
    blobs: dict[str, bytes] = {}
    found: list[Record] = []
    with vault.reader() as session:
        for name in records.SYNCED_TABLES:
            found += records.read_records(
                session,
                name,
                rows.get(name, []),
                versions=versions,
                case_ids=case_ids,
                blobs=blobs,
            )
    return found, blobs


def case_records(
    vault: Vault, case_id: str, version: int = 1
) -> tuple[list[Record], dict[str, bytes]]:
    """Every row of a case as the hub would send it (all at ``version``)."""
    with vault.reader() as session:
        rows = records.case_rows(session, [case_id])
    every = [row_id for ids in rows.values() for row_id in ids]
    return rows_as_records(
        vault,
        rows,
        versions=dict.fromkeys(every, version),
        case_ids=dict.fromkeys(every, case_id),
    )


# -- a real laptop, enrolled ------------------------------------------------------------------


class Enrols(Protocol):
    """A hub that answers an enrollment request: the real ``Hub`` or a ``StandInHub``."""

    def enroll(
        self, request: dict[str, Any], facilitator: str | None = None, **options: Any
    ) -> dict[str, Any]: ...


def enrol(
    vault: Vault, hub: Enrols, facilitator: str | None = None, **options: Any
) -> dict[str, Any]:
    """Enrol ``vault`` with ``hub`` as a coordinator would (``options``: ``same_facilitator=ID``
    or ``new_facilitator=True`` for a name in use); return the enrolment request."""
    request = sync.enrollment_request(vault)
    config = hub.enroll(request, facilitator, **options)
    sync.import_hub_config(vault, json.dumps(config).encode())
    return request


def make_laptop(
    directory: Path, name: str, hub: Enrols, facilitator: str | None = None, **options: Any
) -> Vault:
    """A facilitator's laptop: a new vault, enrolled with ``hub`` (see ``enrol``)."""
    vault, _ = Vault.create(
        directory, facilitator_name=name, passphrase=PASSPHRASE, clock=_clock_at_noon(TODAY)
    )
    enrol(vault, hub, facilitator, **options)
    return vault


def device_key(request: dict[str, Any]) -> PublicKey:
    """The laptop's public signing key, from its enrolment request."""
    return PublicKey.from_minisign(str(request["signing_key"]))


# -- a hub made of keys only ------------------------------------------------------------------


@dataclass
class StandInHub:
    """A hub's keys, with no server: it signs a laptop's configuration, opens the laptop's
    bundles and seals bundles for it."""

    key: SigningKey
    age: AgeIdentity
    url: str = "http://127.0.0.1:9"

    @property
    def key_id(self) -> str:
        return self.key.public.key_id_hex

    def enroll(
        self, request: dict[str, Any], facilitator: str | None = None, **_options: Any
    ) -> dict[str, Any]:
        """The signed hub configuration for the laptop that made ``request``."""
        config = {
            "format": sync.HUB_CONFIG_FORMAT,
            "hub_url": self.url,
            "hub_name": "Stand-in hub",
            "hub_key_id": self.key_id,
            "hub_signing_key": self.key.public.to_minisign("stand-in hub"),
            "hub_age_recipient": self.age.recipient,
            "device_id": request["device_id"],
            "facilitator_id": "f-1",
            "enrolled_at": datetime.now(UTC).isoformat(),
        }
        return sign_document(config, self.key, "stand-in hub config")

    def config_for(self, request: dict[str, Any]) -> bytes:
        """The configuration file a coordinator would hand over."""
        return json.dumps(self.enroll(request)).encode()

    def open(self, data: bytes, device_key: PublicKey) -> OpenedBundle:
        return open_bundle(
            data,
            identity=self.age,
            sender_key=lambda _m: device_key,
            expect_kind="device",
            expect_recipient=self.key_id,
            expect_hub_key_id=self.key_id,
        )

    def bundle_for(  # noqa: PLR0917 - a test helper, called positionally on purpose
        self,
        device_id: str,
        age_recipient: str,
        sequence: int,
        found: list[Record],
        blobs: dict[str, bytes],
        conflicts: list[dict[str, object]] | None = None,
        *,
        schema_version: str = "2",
    ) -> bytes:
        changes = {
            "records": [r.to_json() for r in found],
            "conflicts": conflicts or [],
            "cases": [],
            "cursor": sequence,
        }
        _manifest, sealed = seal(
            kind="hub",
            sender=self.key_id,
            recipient=device_id,
            sequence=sequence,
            schema_version=schema_version,
            hub_key_id=self.key_id,
            changes=json.dumps(changes).encode(),
            blobs=blobs,
            signing_key=self.key,
            age_recipient=age_recipient,
        )
        return sealed


def stand_in_hub() -> StandInHub:
    return StandInHub(SigningKey.generate(), AgeIdentity.generate())
