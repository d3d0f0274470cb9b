"""Case data at rest in the hub database: AES-256-GCM under the hub's data key.

Every record payload, record version, blob and conflict detail is sealed with a random 12-byte
nonce and associated data that names what it is (row and version, blob hash, conflict id).
So a database file, a backup of it or a stolen disk shows ids and references but no case text,
and a ciphertext moved to another row or version fails to open instead of being read as that
row's data.
"""

from __future__ import annotations

import hmac as stdlib_hmac
import json
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from rjdesk_hub.errors import HubDamaged

NONCE_BYTES = 12
# The case index's keyed hashes (rjdesk_hub.console.index): a key of its own, derived from the
# data key, so a hash can never be taken for, or help open, a sealed value.
INDEX_KEY_PURPOSE = "case index hmac v1"
INDEX_DIGEST_BYTES = 16  # 128 bits: no two terms of one hub share a digest by chance


def record_aad(row_id: str, version: int) -> bytes:
    return f"rjdesk-hub record {row_id} v{version}".encode()


def blob_aad(sha256: str) -> bytes:
    return f"rjdesk-hub blob {sha256}".encode()


def conflict_aad(conflict_id: str) -> bytes:
    return f"rjdesk-hub conflict {conflict_id}".encode()


def derive_key(data_key: bytes, purpose: str) -> bytes:
    """A 32-byte key for ``purpose`` from the data key (HKDF-SHA256, the purpose as its info):
    keys for different purposes are independent, and none reveals the data key."""
    info = f"rjdesk-hub {purpose}".encode()
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(data_key)


def facts_aad(case_id: str) -> bytes:
    return f"rjdesk-hub case facts {case_id}".encode()


class AtRest:
    """Seals and opens the hub's case data. Its ``repr`` never shows the key."""

    __slots__ = ("_aead", "_index_key")

    def __init__(self, data_key: bytes) -> None:
        self._aead = AESGCM(data_key)
        self._index_key = derive_key(data_key, INDEX_KEY_PURPOSE)

    def __repr__(self) -> str:
        return "AtRest(AES-256-GCM)"

    def seal(self, plain: bytes | memoryview, aad: bytes) -> bytes:
        """nonce ‖ ciphertext ‖ tag."""
        nonce = os.urandom(NONCE_BYTES)
        return nonce + self._aead.encrypt(nonce, plain, aad)

    def open(self, sealed: bytes, aad: bytes) -> bytes:
        try:
            return self._aead.decrypt(sealed[:NONCE_BYTES], sealed[NONCE_BYTES:], aad)
        except (InvalidTag, ValueError):
            raise HubDamaged(
                "data in the hub database fails its authentication: it was changed, or the "
                "database belongs to another hub's keys"
            ) from None

    def index_digest(self, term: str) -> bytes:
        """The keyed hash (HMAC-SHA256 under the index key, truncated) of one index term: equal
        terms give equal digests, and without the key a digest tells nothing of its term."""
        # The standard library's one-shot HMAC: the same digest, without building a MAC object
        # per term (a reindex takes tens of thousands).
        return stdlib_hmac.digest(self._index_key, term.encode("utf-8"), "sha256")[
            :INDEX_DIGEST_BYTES
        ]

    def seal_json(self, doc: Any, aad: bytes) -> bytes:
        text = json.dumps(doc, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
        return self.seal(text.encode("utf-8"), aad)

    def open_json(self, sealed: bytes, aad: bytes) -> Any:
        return json.loads(self.open(sealed, aad).decode("utf-8"))
