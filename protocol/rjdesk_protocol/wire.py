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
import re
import secrets
import time
from typing import Any

from rjdesk_protocol.errors import BadSignature
from rjdesk_protocol.keys import PublicKey, SigningKey, verify_document, verify_raw

API_PREFIX = "/v1"
DEVICE_HEADER = "Rjdesk-Device"
TIME_HEADER = "Rjdesk-Time"
AUTH_HEADER = "Rjdesk-Auth"
REQUEST_ID_HEADER = "Rjdesk-Request-Id"
UPLOAD_OFFSET_HEADER = "Upload-Offset"
INBOX_SEQUENCE_HEADER = "Rjdesk-Inbox-Sequence"
# Resumable uploads go in chunks of this size; the hub refuses a larger chunk.
CHUNK_BYTES = 256 * 1024
# A request whose time is further than this from the hub's clock is refused. The hub keeps each
# request id this long after the request's time and refuses it again (a replay), so the skew
# bounds the table of ids, not the replay itself. Two hours tolerates a laptop whose clock shows
# the right local time under the wrong summer-time offset (one hour out); a laptop further out
# is told by its own client, which compares its clock with the hub's Date header.
MAX_CLOCK_SKEW_SECONDS = 2 * 60 * 60
# A request id: 128 random bits in lower-case hex.
_REQUEST_ID = re.compile(r"[0-9a-f]{32}")
RECEIPT_FORMAT = "rjdesk.receipt/1"
EMPTY_BODY_SHA256 = hashlib.sha256(b"").hexdigest()


def request_message(
    method: str,
    path_with_query: str,
    time: str,
    body_sha256_hex: str,
    request_id: str | None = None,
) -> bytes:
    """The bytes a device signs to authenticate one HTTP request.

    ``METHOD\\nPATH_WITH_QUERY\\nTIME\\nBODY_SHA256_HEX\\nREQUEST_ID`` in UTF-8: the method in
    upper case; the path exactly as sent on the wire (percent-encoded, starting ``/v1/``)
    followed by ``?`` and the query string when there is one; the ``Rjdesk-Time`` header's text
    (Unix seconds); the SHA-256 of the request body in lower-case hex (of the empty string for a
    request without a body, and of the chunk itself for an upload chunk); the
    ``Rjdesk-Request-Id`` header's text. A laptop of the previous release sends no request id
    and signs the first four lines only (``request_id`` None).
    """
    message = f"{method.upper()}\n{path_with_query}\n{time}\n{body_sha256_hex.lower()}"
    if request_id is not None:
        message += f"\n{request_id}"
    return message.encode()


def new_request_id() -> str:
    """A fresh request id: 128 random bits in lower-case hex."""
    return secrets.token_hex(16)


def auth_headers(
    key: SigningKey,
    device_id: str,
    method: str,
    path_with_query: str,
    body: bytes = b"",
    *,
    now: float | None = None,
    request_id: str | None = None,
) -> dict[str, str]:
    """The four authentication headers of a device request (see ``request_message``), with a
    fresh request id unless ``request_id`` names one: every request, retries included, gets
    its own."""
    stamp = str(int(time.time() if now is None else now))
    rid = new_request_id() if request_id is None else request_id
    body_sha = hashlib.sha256(body).hexdigest()
    message = request_message(method, path_with_query, stamp, body_sha, rid)
    signature = base64.b64encode(key.sign_raw(message)).decode("ascii")
    return {
        DEVICE_HEADER: device_id,
        TIME_HEADER: stamp,
        AUTH_HEADER: signature,
        REQUEST_ID_HEADER: rid,
    }


def check_request(
    public_key: PublicKey,
    *,
    method: str,
    path_with_query: str,
    time_header: str,
    auth_header: str,
    body_sha256_hex: str,
    now: float,
    request_id_header: str | None = None,
) -> str:
    """Check a request's time and signature; return its request id (for the hub's record of
    ids seen). BadSignature says what is wrong in one sentence (for the hub's log: the client is
    told nothing more than that it is not authorised).

    A request without ``Rjdesk-Request-Id`` (a laptop of the previous release) is identified by
    the SHA-256 of its signature instead.
    """
    if not time_header.isdigit() or len(time_header) > 12:
        raise BadSignature(f"The {TIME_HEADER} header is not a time in Unix seconds.")
    stamp = int(time_header)
    if abs(now - stamp) > MAX_CLOCK_SKEW_SECONDS:
        raise BadSignature(
            f"The request's time is more than {MAX_CLOCK_SKEW_SECONDS // 3600} hours away from "
            "the hub's clock: check the laptop's date and time."
        )
    if request_id_header is not None and not _REQUEST_ID.fullmatch(request_id_header):
        raise BadSignature(f"The {REQUEST_ID_HEADER} header is not 32 lower-case hex digits.")
    try:
        signature = base64.b64decode(auth_header, validate=True)
    except (binascii.Error, ValueError):
        raise BadSignature(f"The {AUTH_HEADER} header is not base64.") from None
    message = request_message(
        method, path_with_query, time_header, body_sha256_hex, request_id_header
    )
    try:
        verify_raw(message, signature, public_key)
    except BadSignature:
        raise BadSignature(
            "The request's signature does not verify with this device's key."
        ) from None
    if request_id_header is None:
        return hashlib.sha256(signature).hexdigest()
    return request_id_header


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
    hub versions, ``conflicts`` listing row ids, and ``refused`` (optional) naming the records
    it did not take. Anything else raises BadSignature with one
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
    _check_audit_head(body.get("audit_head"))
    if not _refused_ok(body.get("refused", []), applied, conflicts):
        raise BadSignature("The hub's receipt is malformed (refused).")
    return body


def _check_audit_head(head: Any) -> None:
    """A receipt's optional ``audit_head``: the head the hub accepted (docs/audit.md)."""
    if head is None:
        return
    if (
        not isinstance(head, dict)
        or set(head) != {"count", "hash"}
        or type(head["count"]) is not int
        or head["count"] < 0
        or not isinstance(head["hash"], str)
        or len(head["hash"]) != 64
    ):
        raise BadSignature("The hub's receipt is malformed (audit_head).")


def _refused_ok(refused: Any, applied: dict[str, Any], conflicts: list[str]) -> bool:
    """The optional ``refused`` list: records the hub did not take, each
    ``{"id", "table", "case" (a reference or null), "reason"}``, in neither other list."""
    if not isinstance(refused, list):
        return False
    for item in refused:
        if not isinstance(item, dict) or set(item) != {"id", "table", "case", "reason"}:
            return False
        if not all(isinstance(item[name], str) for name in ("id", "table", "reason")):
            return False
        if item["case"] is not None and not isinstance(item["case"], str):
            return False
        if item["id"] in applied or item["id"] in conflicts:
            return False
    return True
