"""A laptop enrolled with a stand-in hub made of keys only: for testing what the laptop builds
and applies without running a hub server."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from rjdesk.services import sync
from rjdesk.store.vault import Vault
from rjdesk.sync import records
from rjdesk.sync.records import Record
from rjdesk_protocol.bundle import OpenedBundle, open_bundle, seal
from rjdesk_protocol.keys import AgeIdentity, PublicKey, SigningKey, sign_document


@dataclass
class StandInHub:
    key: SigningKey
    age: AgeIdentity
    url: str = "http://127.0.0.1:9"

    @property
    def key_id(self) -> str:
        return self.key.public.key_id_hex

    def config_for(self, request: dict[str, object]) -> bytes:
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
        return json.dumps(sign_document(config, self.key, "stand-in hub config")).encode()

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


def enrol(vault: Vault, hub: StandInHub) -> dict[str, object]:
    """Enrol ``vault`` with ``hub``; the enrolment request (device id, keys)."""
    request = sync.enrollment_request(vault)
    sync.import_hub_config(vault, hub.config_for(request))
    return request


def device_key(request: dict[str, object]) -> PublicKey:
    return PublicKey.from_minisign(str(request["signing_key"]))


def case_records(
    vault: Vault, case_id: str, version: int = 1
) -> tuple[list[Record], dict[str, bytes]]:
    """Every row of a case as the hub would send it (all at ``version``)."""
    blobs: dict[str, bytes] = {}
    found: list[Record] = []
    with vault.reader() as session:
        rows = records.case_rows(session, [case_id])
        for name in records.SYNCED_TABLES:
            found += records.read_records(
                session,
                name,
                rows[name],
                versions={row_id: version for row_id in rows[name]},
                case_ids={row_id: case_id for row_id in rows[name]},
                blobs=blobs,
            )
    return found, blobs
