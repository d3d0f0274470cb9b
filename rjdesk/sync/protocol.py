"""The wire protocol between a laptop and the hub (docs/sync-protocol.md, "HTTP" and "Receipt").

One module that both sides import, so that the laptop signs exactly what the hub checks: the
request message signed for authentication, the header names, the upload chunk size, and the
check of a receipt. Pure functions over bytes and text: no vault, no database, no HTTP library.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import time
from typing import Any

from rjdesk.errors import BadSignature
from rjdesk.sync.keys import PublicKey, SigningKey, verify_document, verify_raw

API_PREFIX = "/v1"
DEVICE_HEADER = "Rjdesk-Device"
TIME_HEADER = "Rjdesk-Time"
AUTH_HEADER = "Rjdesk-Auth"
UPLOAD_OFFSET_HEADER = "Upload-Offset"
INBOX_SEQUENCE_HEADER = "Rjdesk-Inbox-Sequence"
# Resumable uploads go in chunks of this size; the hub refuses a larger chunk.
CHUNK_BYTES = 256 * 1024
# A request whose time is further than this from the hub's clock is refused: it bounds how long
# a captured request could be replayed, while tolerating laptops whose clock is a day out.
MAX_CLOCK_SKEW_SECONDS = 24 * 60 * 60
RECEIPT_FORMAT = "rjdesk.receipt/1"
EMPTY_BODY_SHA256 = hashlib.sha256(b"").hexdigest()


def request_message(method: str, path_with_query: str, time: str, body_sha256_hex: str) -> bytes:
    """The bytes a device signs to authenticate one HTTP request.

    ``METHOD\\nPATH_WITH_QUERY\\nTIME\\nBODY_SHA256_HEX`` in UTF-8: the method in upper case; the
    path exactly as sent on the wire (percent-encoded, starting ``/v1/``) followed by ``?`` and
    the query string when there is one; the ``Rjdesk-Time`` header's text (Unix seconds); the
    SHA-256 of the request body in lower-case hex (of the empty string for a request without a
    body, and of the chunk itself for an upload chunk).
    """
    return f"{method.upper()}\n{path_with_query}\n{time}\n{body_sha256_hex.lower()}".encode()


def auth_headers(
    key: SigningKey,
    device_id: str,
    method: str,
    path_with_query: str,
    body: bytes = b"",
    *,
    now: float | None = None,
) -> dict[str, str]:
    """The three authentication headers of a device request (see ``request_message``)."""
    stamp = str(int(time.time() if now is None else now))
    message = request_message(method, path_with_query, stamp, hashlib.sha256(body).hexdigest())
    signature = base64.b64encode(key.sign_raw(message)).decode("ascii")
    return {DEVICE_HEADER: device_id, TIME_HEADER: stamp, AUTH_HEADER: signature}


def check_request(
    public_key: PublicKey,
    *,
    method: str,
    path_with_query: str,
    time_header: str,
    auth_header: str,
    body_sha256_hex: str,
    now: float,
) -> None:
    """Check a request's time and signature; BadSignature says what is wrong in one sentence."""
    try:
        stamp = int(time_header)
    except ValueError:
        raise BadSignature(f"The {TIME_HEADER} header is not a time in Unix seconds.") from None
    if abs(now - stamp) > MAX_CLOCK_SKEW_SECONDS:
        raise BadSignature(
            "The request's time is more than 24 hours away from the hub's clock: "
            "check the laptop's date and time."
        )
    try:
        signature = base64.b64decode(auth_header, validate=True)
    except (binascii.Error, ValueError):
        raise BadSignature(f"The {AUTH_HEADER} header is not base64.") from None
    message = request_message(method, path_with_query, time_header, body_sha256_hex)
    try:
        verify_raw(message, signature, public_key)
    except BadSignature:
        raise BadSignature(
            "The request's signature does not verify with this device's key."
        ) from None


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # A signed document whose keys repeat could mean one thing here and another elsewhere.
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result


def verify_receipt(
    text: str, hub_key: PublicKey, *, bundle_id: str, bundle_sha256: str
) -> dict[str, Any]:
    """Check a hub's receipt for one bundle; return it without its signature.

    It must be a ``rjdesk.receipt/1`` document signed by ``hub_key``, naming this hub's key id,
    this bundle id and this SHA-256 of the sealed bundle, with ``applied`` mapping row ids to
    hub versions and ``conflicts`` listing row ids. Anything else raises BadSignature with one
    sentence: the laptop must not mark the bundle sent on a receipt it cannot trust.
    """
    try:
        doc = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except (ValueError, RecursionError):
        raise BadSignature("The hub's receipt is not valid JSON.") from None
    if not isinstance(doc, dict):
        raise BadSignature("The hub's receipt is not a JSON object.")
    if doc.get("format") != RECEIPT_FORMAT:
        raise BadSignature(f"The hub's receipt is not a {RECEIPT_FORMAT} document.")
    try:
        body = verify_document(doc, hub_key)
    except BadSignature as exc:
        raise BadSignature(f"The hub's receipt is not signed by the hub's key: {exc}") from None
    if body.get("hub_key_id") != hub_key.key_id_hex:
        raise BadSignature("The hub's receipt names another hub key.")
    if body.get("bundle_id") != bundle_id:
        raise BadSignature("The hub's receipt is for another bundle.")
    if body.get("bundle_sha256") != bundle_sha256:
        raise BadSignature("The hub's receipt is for other bytes than the bundle sent.")
    applied = body.get("applied")
    if not isinstance(applied, dict) or not all(
        isinstance(version, int) and not isinstance(version, bool) and version >= 1
        for version in applied.values()
    ):
        raise BadSignature("The hub's receipt is malformed (applied).")
    conflicts = body.get("conflicts")
    if not isinstance(conflicts, list) or not all(isinstance(row, str) for row in conflicts):
        raise BadSignature("The hub's receipt is malformed (conflicts).")
    refused = body.get("refused", [])  # records the hub refused, each with its reason
    if not isinstance(refused, list) or not all(
        isinstance(item, dict) and isinstance(item.get("id"), str) for item in refused
    ):
        raise BadSignature("The hub's receipt is malformed (refused).")
    return body
