"""Ed25519 keys with minisign-compatible signatures, and age identities (DESIGN §7).

Everything here is a pure function of bytes: no vault, no Qt. The formats are the stock tools'
own so that IT staff can check a bundle with ``minisign -V`` and ``age -d`` alone
(docs/bundle-format.md):

- a public key is minisign's two-line text: ``untrusted comment: …`` then base64 of
  ``"Ed" ‖ keynum (8 bytes) ‖ public key (32 bytes)``;
- a signature is minisign's four-line ``.minisig`` text, prehashed ("ED": Ed25519 over
  BLAKE2b-512 of the message), with a trusted comment covered by a second, global signature;
- encryption is age (X25519 recipients), binary rather than armored.

A **key id** is the first 8 bytes of SHA-256 of the raw public key; rjdesk writes it into its
keys and signatures as minisign's "keynum", so ``minisign -V`` names the same key. It displays
the way minisign prints a keynum: the 8 bytes read as a little-endian u64, in upper-case hex,
*without* leading zeros (minisign formats it with ``%PRIX64``), e.g. ``42AD399BC118D84``.

Nothing here logs, prints or puts key material into an error message or a ``repr``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import io
import json
from dataclasses import dataclass
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from rjdesk_protocol.errors import BadSignature, InvalidBundle, InvalidKey

KEYNUM_BYTES = 8
_PUBLIC_KEY_BYTES = 32
_SIGNATURE_BYTES = 64
_ALG_ED25519 = b"Ed"  # public keys, and legacy signatures over the message itself
_ALG_PREHASHED = b"ED"  # minisign's default since 0.8: Ed25519 over BLAKE2b-512(message)
_UNTRUSTED = "untrusted comment: "
_TRUSTED = "trusted comment: "
# minisign reads each comment line into a fixed buffer (COMMENTMAXBYTES = 1024,
# TRUSTEDCOMMENTMAXBYTES = 8192, prefix and newline included); stay well inside both so that
# every signature we write is one the stock tool can read.
_MAX_UNTRUSTED_COMMENT = 900
_MAX_TRUSTED_COMMENT = 8000
_NOT_FOR_THIS_KEY = "it was not encrypted for this key"
_DAMAGED = "it is damaged or was changed after it was sealed"


def key_id(public_key: bytes) -> bytes:
    """The 8-byte key id of a raw Ed25519 public key: the first 8 bytes of its SHA-256."""
    return hashlib.sha256(public_key).digest()[:KEYNUM_BYTES]


def keynum_hex(keynum: bytes) -> str:
    """An 8-byte keynum as minisign displays it (little-endian u64, upper-case hex, unpadded)."""
    return f"{int.from_bytes(keynum, 'little'):X}"


def key_id_hex(public_key: bytes) -> str:
    """The key id of a raw Ed25519 public key as minisign displays it (see the module doc)."""
    return keynum_hex(key_id(public_key))


def _b64decode(text: str, what: str, size: int, error: type[Exception]) -> bytes:
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise error(f"The {what} is malformed (it is not base64).") from None
    if len(raw) != size:
        raise error(f"The {what} is malformed (it has {len(raw)} bytes, not {size}).")
    return raw


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


@dataclass(frozen=True)
class PublicKey:
    """An Ed25519 public key.

    ``keynum`` is the key number minisign files carry with it. rjdesk's own keys always have
    ``keynum == key_id``; a key made by the minisign tool has a random keynum, kept so that
    its signatures match it. ``key_id`` is always derived from the key itself, so it is the one
    to show people and to compare when deciding whom to trust.
    """

    raw: bytes
    keynum: bytes = b""

    def __post_init__(self) -> None:
        if len(self.raw) != _PUBLIC_KEY_BYTES:
            raise InvalidKey("An Ed25519 public key is 32 bytes; this one is not.")
        if not self.keynum:
            object.__setattr__(self, "keynum", key_id(self.raw))
        elif len(self.keynum) != KEYNUM_BYTES:
            raise InvalidKey("A key number is 8 bytes; this one is not.")

    @property
    def key_id(self) -> bytes:
        """First 8 bytes of SHA-256 of the key."""
        return key_id(self.raw)

    @property
    def key_id_hex(self) -> str:
        """The key id as minisign displays a keynum."""
        return keynum_hex(self.key_id)

    @property
    def keynum_hex(self) -> str:
        """The keynum carried with the key, as minisign displays it."""
        return keynum_hex(self.keynum)

    def to_minisign(self, comment: str) -> str:
        """The text of a minisign public key file (two lines) with this untrusted comment."""
        _check_comment(comment, _MAX_UNTRUSTED_COMMENT)
        blob = _b64(_ALG_ED25519 + self.keynum + self.raw)
        return f"{_UNTRUSTED}{comment}\n{blob}\n"

    @classmethod
    def from_minisign(cls, text: str) -> PublicKey:
        """Read a minisign public key: the whole file text, or just its base64 line."""
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        if lines and lines[0].startswith(_UNTRUSTED.strip()):
            lines = lines[1:]
        if len(lines) != 1:
            raise InvalidKey("This is not a minisign public key (expected one line of base64).")
        blob = _b64decode(lines[0], "public key", 2 + KEYNUM_BYTES + _PUBLIC_KEY_BYTES, InvalidKey)
        if blob[:2] != _ALG_ED25519:
            raise InvalidKey("This is not a minisign Ed25519 public key.")
        return cls(raw=blob[2 + KEYNUM_BYTES :], keynum=blob[2 : 2 + KEYNUM_BYTES])

    def _verifier(self) -> Ed25519PublicKey:
        return Ed25519PublicKey.from_public_bytes(self.raw)


def _check_comment(comment: str, limit: int) -> None:
    # A line break would let a comment forge the lines that follow it.
    if "\n" in comment or "\r" in comment:
        raise ValueError("a minisign comment must be a single line")
    if len(comment.encode("utf-8")) > limit:
        raise ValueError(f"a minisign comment must be at most {limit} bytes")


class SigningKey:
    """An Ed25519 private key. Its ``repr`` shows the key id, never the key."""

    __slots__ = ("_key", "_public")

    def __init__(self, key: Ed25519PrivateKey) -> None:
        self._key = key
        self._public = PublicKey(key.public_key().public_bytes_raw())

    @classmethod
    def generate(cls) -> SigningKey:
        """A new random key."""
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_raw(cls, raw: bytes) -> SigningKey:
        """The key from its 32-byte seed (as the vault stores it)."""
        if len(raw) != _PUBLIC_KEY_BYTES:
            raise InvalidKey("An Ed25519 private key is 32 bytes; this one is not.")
        return cls(Ed25519PrivateKey.from_private_bytes(raw))

    def raw(self) -> bytes:
        """The 32-byte seed. Secret: for the vault only."""
        return self._key.private_bytes_raw()

    @property
    def public(self) -> PublicKey:
        """The matching public key (keynum = key id)."""
        return self._public

    def __repr__(self) -> str:
        return f"SigningKey(key id {self._public.key_id_hex})"

    def sign_raw(self, message: bytes) -> bytes:
        """A plain 64-byte Ed25519 signature of ``message`` (HTTP request authentication)."""
        return self._key.sign(message)

    def sign_minisign(self, message: bytes, trusted_comment: str) -> str:
        """The text of a ``.minisig`` file for ``message``, in minisign's default ("ED") form."""
        _check_comment(trusted_comment, _MAX_TRUSTED_COMMENT)
        keynum = self._public.keynum
        signature = self._key.sign(hashlib.blake2b(message, digest_size=64).digest())
        # The global signature binds the trusted comment to this very signature.
        global_signature = self._key.sign(signature + trusted_comment.encode("utf-8"))
        return (
            f"{_UNTRUSTED}signature from rjdesk key {keynum_hex(keynum)}\n"
            f"{_b64(_ALG_PREHASHED + keynum + signature)}\n"
            f"{_TRUSTED}{trusted_comment}\n"
            f"{_b64(global_signature)}\n"
        )


def verify_minisign(message: bytes, signature_text: str, public_key: PublicKey) -> str:
    """Check a minisign signature of ``message``; return its trusted comment.

    Accepts the prehashed ("ED") and the legacy ("Ed") algorithm, as ``minisign -V`` does.
    Raises BadSignature with one sentence saying what is wrong.
    """
    malformed = BadSignature("The signature file is malformed.")
    lines = [line.removesuffix("\r") for line in signature_text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    if len(lines) != 4 or not lines[0].startswith(_UNTRUSTED):
        raise malformed
    if not lines[2].startswith(_TRUSTED):
        raise malformed
    blob = _b64decode(lines[1], "signature file", 2 + KEYNUM_BYTES + _SIGNATURE_BYTES, BadSignature)
    global_signature = _b64decode(lines[3], "signature file", _SIGNATURE_BYTES, BadSignature)
    algorithm, keynum, signature = blob[:2], blob[2 : 2 + KEYNUM_BYTES], blob[2 + KEYNUM_BYTES :]
    if algorithm not in (_ALG_PREHASHED, _ALG_ED25519):
        raise malformed
    if keynum != public_key.keynum:
        raise BadSignature(
            f"The signature was made with another key (key id {keynum_hex(keynum)}, "
            f"expected {public_key.keynum_hex})."
        )
    signed = hashlib.blake2b(message, digest_size=64).digest()
    if algorithm == _ALG_ED25519:
        signed = message
    verifier = public_key._verifier()
    try:
        verifier.verify(signature, signed)
    except InvalidSignature:
        raise BadSignature("The signature does not match the signed file.") from None
    trusted_comment = lines[2][len(_TRUSTED) :]
    try:
        verifier.verify(global_signature, signature + trusted_comment.encode("utf-8"))
    except InvalidSignature:
        raise BadSignature("The signature's trusted comment was changed after signing.") from None
    return trusted_comment


def verify_raw(message: bytes, signature: bytes, public_key: PublicKey) -> None:
    """Check a plain Ed25519 signature (as made by ``SigningKey.sign_raw``)."""
    if len(signature) != _SIGNATURE_BYTES:
        raise BadSignature("The signature is malformed (it is not 64 bytes).")
    try:
        public_key._verifier().verify(signature, message)
    except InvalidSignature:
        raise BadSignature("The signature does not verify with this key.") from None


def canonical_json(obj: Any) -> bytes:
    """The one byte form of a JSON document that signatures are made over."""
    # allow_nan=False: NaN and Infinity are not JSON, and other parsers would read them otherwise.
    return json.dumps(
        obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode("utf-8")


def sign_document(doc: dict[str, Any], key: SigningKey, trusted_comment: str) -> dict[str, Any]:
    """A copy of ``doc`` with ``"signature"``: a minisign signature of the rest of it."""
    body = {name: value for name, value in doc.items() if name != "signature"}
    return {**body, "signature": key.sign_minisign(canonical_json(body), trusted_comment)}


def verify_document(doc: dict[str, Any], public_key: PublicKey) -> dict[str, Any]:
    """Check a document signed by ``sign_document``; return it without its signature."""
    signature = doc.get("signature")
    if not isinstance(signature, str):
        raise BadSignature("The document is not signed.")
    body = {name: value for name, value in doc.items() if name != "signature"}
    verify_minisign(canonical_json(body), signature, public_key)
    return body


def bundle_refused(reason: str) -> InvalidBundle:
    """The InvalidBundle for ``reason`` (a clause such as "it was sealed for another hub")."""
    return InvalidBundle(f"The bundle was refused: {reason.rstrip('.')}.")


class AgeIdentity:
    """An age X25519 identity (secret key). Its ``repr`` shows the recipient, never the key."""

    __slots__ = ("_identity",)

    def __init__(self, identity: Any) -> None:
        self._identity = identity

    @classmethod
    def generate(cls) -> AgeIdentity:
        """A new random identity."""
        return cls(pyrage.x25519.Identity.generate())

    @classmethod
    def from_text(cls, text: str) -> AgeIdentity:
        """Read ``AGE-SECRET-KEY-1…`` (surrounding whitespace ignored)."""
        try:
            return cls(pyrage.x25519.Identity.from_str(text.strip()))
        except pyrage.IdentityError:
            raise InvalidKey("This is not an age secret key (AGE-SECRET-KEY-1…).") from None

    def text(self) -> str:
        """The secret key as text, ``AGE-SECRET-KEY-1…``. For the vault or hub-keys.json only."""
        return str(self._identity)

    @property
    def recipient(self) -> str:
        """The public recipient, ``age1…``."""
        return str(self._identity.to_public())

    def __repr__(self) -> str:
        return f"AgeIdentity(recipient {self.recipient})"


def encrypt(data: bytes, recipient: str) -> bytes:
    """Encrypt ``data`` with age to one X25519 recipient (``age1…``); binary, not armored."""
    try:
        parsed = pyrage.x25519.Recipient.from_str(recipient.strip())
    except pyrage.RecipientError:
        raise InvalidKey("This is not an age recipient (age1…).") from None
    result: bytes = pyrage.encrypt(data, [parsed])
    return result


def decrypt(data: bytes, identity: AgeIdentity) -> bytes:
    """Decrypt age ``data`` with ``identity``; InvalidBundle says why it cannot.

    age names no recipient in its header, so "not for this key" is the only reason pyrage
    reports that no stanza opened ("No matching keys found"). A damaged X25519 stanza fails
    the same way and cannot be told apart; everything else (bad header, header MAC, payload
    authentication, truncation, trailing bytes) is damage.
    """
    return decrypt_view(data, identity).tobytes()


class _Into:
    """A writer into one buffer allocated up front: age's plaintext is never longer than its
    ciphertext, so the buffer never grows (and is never copied while it does)."""

    def __init__(self, size: int) -> None:
        self.buffer = bytearray(size)
        self.length = 0

    def write(self, chunk: bytes) -> int:
        end = self.length + len(chunk)
        if end > len(self.buffer):
            raise ValueError("age's plaintext is longer than its ciphertext")
        self.buffer[self.length : end] = chunk
        self.length = end
        return len(chunk)

    def flush(self) -> None:
        return None


def decrypt_view(data: bytes, identity: AgeIdentity) -> memoryview:
    """As ``decrypt``, into one buffer as long as ``data`` and without a second copy
    (``pyrage.decrypt`` holds the plaintext twice on its way out): the hub opens bundles of
    hundreds of megabytes in bounded memory this way."""
    into = _Into(len(data))
    try:
        pyrage.decrypt_io(io.BytesIO(data), into, [identity._identity])
    except pyrage.DecryptError as exc:
        if "no matching keys" in str(exc).lower():
            raise bundle_refused(_NOT_FOR_THIS_KEY) from None
        raise bundle_refused(_DAMAGED) from None
    except (OSError, ValueError):
        # decrypt_io reports damage to the payload as an OSError ("decryption error").
        raise bundle_refused(_DAMAGED) from None
    return memoryview(into.buffer)[: into.length]
