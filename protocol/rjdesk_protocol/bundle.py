"""Sealing and opening case bundles (docs/sync-protocol.md, "Bundles"; DESIGN §7).

A bundle is an uncompressed tar of fixed names (``manifest.json``, ``manifest.json.minisig``,
``changes.json``, ``blobs/<sha256>``) encrypted with age to one recipient. The manifest lists
every other member as a ``sha256sum`` line and is signed by the sender, so stock tools can
check a bundle (docs/bundle-format.md).

Pure functions over bytes, no database: the hub imports this module and must not import the
laptop's vault. Opening reads everything in memory and never writes to disk, because a
bundle's plain text is case data.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import tarfile
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from typing import Any

from rjdesk_protocol.errors import BadSignature
from rjdesk_protocol.keys import (
    AgeIdentity,
    PublicKey,
    SigningKey,
    bundle_refused,
    decrypt_view,
    encrypt,
    verify_minisign,
)

BUNDLE_FORMAT = "rjdesk.bundle/1"
MAX_BUNDLE_BYTES = 512 * 1024 * 1024
# Far more than any real bundle; it bounds the work a hostile archive can cause.
MAX_MEMBERS = 100_000
MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.minisig"
CHANGES = "changes.json"
KINDS = ("device", "hub")
# A manifest of MAX_MEMBERS lines is about 14 MB; a signature file about 300 bytes.
_MAX_MANIFEST_BYTES = 32 * 1024 * 1024
_MAX_SIGNATURE_BYTES = 16 * 1024

_SHA256 = re.compile(r"[0-9a-f]{64}")
_BLOB_NAME = re.compile(r"blobs/[0-9a-f]{64}")
_MEMBER_LINE = re.compile(r"([0-9a-f]{64})  (changes\.json|blobs/([0-9a-f]{64}))")
# Ids end up in file names, trusted comments and error messages: no spaces, no line breaks.
_IDENTIFIER = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")
_KEY_ID_HEX = re.compile(r"0|[1-9A-F][0-9A-F]{0,15}")  # as keys.keynum_hex writes it
_SCHEMA_VERSION = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,31}")
_UTC_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z")
_SAFE_TEXT = re.compile(r"[A-Za-z0-9._/-]{1,100}")


@dataclass(frozen=True)
class Manifest:
    """The signed table of contents of a bundle. A Manifest that exists is well-formed."""

    format: str
    bundle_id: str
    kind: str
    sender: str
    recipient: str
    sequence: int
    created_at: str
    schema_version: str
    hub_key_id: str
    members: tuple[str, ...]
    # The sender's audit head (docs/audit.md): {"count", "hash", "marks": [[count, hash], …]}.
    # Optional: bundles of the previous release have none, and hub bundles never carry one.
    audit_head: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        problem = _manifest_problem(self)
        if problem:
            raise ValueError(problem)

    def member_hashes(self) -> dict[str, str]:
        """Member name -> SHA-256 hex, in manifest order (changes.json first)."""
        return {line[66:]: line[:64] for line in self.members}

    def to_json(self) -> bytes:
        """manifest.json: indented, sorted keys, UTF-8, final newline (readable and stable)."""
        doc = {f.name: getattr(self, f.name) for f in fields(self)}
        doc["members"] = list(self.members)
        if self.audit_head is None:
            del doc["audit_head"]  # the manifest of a bundle without one reads as before
        text = json.dumps(doc, indent=1, sort_keys=True, ensure_ascii=False)
        return (text + "\n").encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        """Read manifest.json strictly: InvalidBundle "its manifest is malformed: …"."""
        try:
            doc = json.loads(
                data.decode("utf-8"),
                object_pairs_hook=_no_duplicate_keys,
                parse_constant=_no_constant,
            )
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise bundle_refused("its manifest is malformed: it is not JSON") from None
        if not isinstance(doc, dict):
            raise bundle_refused("its manifest is malformed: it is not a JSON object")
        expected = {f.name for f in fields(cls)}
        missing = sorted(expected - doc.keys() - _OPTIONAL)
        extra = sorted(doc.keys() - expected)
        if missing:
            raise bundle_refused(f"its manifest is malformed: {missing[0]} is missing")
        if extra:
            raise bundle_refused(
                f"its manifest is malformed: it has an unknown field {_shown(extra[0])}"
            )
        if not isinstance(doc["members"], list):
            raise bundle_refused("its manifest is malformed: members is not a list")
        try:
            return cls(**{**doc, "members": tuple(doc["members"])})
        except ValueError as exc:
            raise bundle_refused(f"its manifest is malformed: {exc}") from None


_OPTIONAL = frozenset({"audit_head"})
# How many earlier heads a bundle may vouch for (docs/audit.md): far more than a laptop sends.
MAX_AUDIT_MARKS = 1000


def _audit_head_problem(head: Any) -> str | None:
    """What is wrong with a manifest's audit head, as a clause; None if nothing."""
    if head is None:
        return None
    if not isinstance(head, dict) or set(head) != {"count", "hash", "marks"}:
        return "audit_head is not an object of count, hash and marks"
    if not _is_count(head["count"]) or not _is_hash(head["hash"]):
        return "audit_head's count or hash is malformed"
    marks = head["marks"]
    if not isinstance(marks, list) or len(marks) > MAX_AUDIT_MARKS:
        return f"audit_head's marks are not a list of at most {MAX_AUDIT_MARKS}"
    for mark in marks:
        if not (
            isinstance(mark, list)
            and len(mark) == 2
            and _is_count(mark[0])
            and _is_hash(mark[1])
            and mark[0] <= head["count"]
        ):
            return "audit_head's marks are not pairs of an earlier count and its hash"
    return None


def _is_count(value: Any) -> bool:
    return type(value) is int and 0 <= value < 2**63


def _is_hash(value: Any) -> bool:
    return isinstance(value, str) and _SHA256.fullmatch(value) is not None


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # A signed document whose keys repeat could mean one thing here and another elsewhere.
    result = dict(pairs)
    if len(result) != len(pairs):
        raise ValueError("duplicate key")
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _manifest_problem(m: Manifest) -> str | None:
    """What is wrong with a manifest, as a clause; None if nothing."""
    text_fields = ("format", "bundle_id", "kind", "sender", "recipient", "created_at")
    for name in (*text_fields, "schema_version", "hub_key_id"):
        if not isinstance(getattr(m, name), str):  # from_json passes whatever JSON held
            return f"{name} is not text"
    if m.format != BUNDLE_FORMAT:
        return f"its format is {_shown(m.format)}, not {BUNDLE_FORMAT}"
    if m.kind not in KINDS:
        return f"kind is {_shown(m.kind)}, not device or hub"
    for name in ("bundle_id", "sender", "recipient"):
        if not _IDENTIFIER.fullmatch(getattr(m, name)):
            return f"{name} is not a valid id"
    if not _KEY_ID_HEX.fullmatch(m.hub_key_id):
        return "hub_key_id is not a key id"
    if m.kind == "device" and m.recipient != m.hub_key_id:
        return "a device bundle's recipient must be its hub key id"
    if m.kind == "hub" and m.sender != m.hub_key_id:
        return "a hub bundle's sender must be its hub key id"
    if type(m.sequence) is not int or not 1 <= m.sequence < 2**63:
        return "sequence is not a whole number of 1 or more"
    if not _UTC_TIME.fullmatch(m.created_at) or not _is_date_time(m.created_at):
        return "created_at is not a UTC time (YYYY-MM-DDTHH:MM:SSZ)"
    if not _SCHEMA_VERSION.fullmatch(m.schema_version):
        return "schema_version is not a version"
    if m.kind == "hub" and m.audit_head is not None:
        return "a hub bundle carries no audit head"
    return _audit_head_problem(m.audit_head) or _members_problem(m.members)


def _is_date_time(text: str) -> bool:
    try:
        datetime.fromisoformat(text.removesuffix("Z") + "+00:00")
    except ValueError:
        return False
    return True


def _members_problem(members: tuple[Any, ...]) -> str | None:
    if not 1 <= len(members) <= MAX_MEMBERS - 2:
        return f"members must list changes.json and at most {MAX_MEMBERS - 3:,} blobs"
    previous = ""
    for index, line in enumerate(members):
        match = _MEMBER_LINE.fullmatch(line) if isinstance(line, str) else None
        if match is None:
            return f"members line {index + 1} is not a sha256sum line of a bundle member"
        if (index == 0) != (match[2] == CHANGES):
            return "members must list changes.json first, and once"
        if match[3] is not None and match[3] != match[1]:
            return f"member {match[2]} is not named by its SHA-256"
        if index > 0 and match[2] <= previous:
            return "members must list blobs in order, each once"
        previous = match[2] if index > 0 else ""
    return None


def _shown(text: str) -> str:
    """A name from an untrusted archive, safe to put in a one-line message."""
    if _SAFE_TEXT.fullmatch(text):
        return text
    # ensure_ascii: the name may hold control characters or undecodable bytes (surrogates).
    return json.dumps(text[:60]) + ("…" if len(text) > 60 else "")


def _sha256(data: bytes | memoryview) -> str:
    return hashlib.sha256(data).hexdigest()


def _utc_text(when: datetime) -> str:
    if when.tzinfo is None:
        raise ValueError("created_at must be timezone-aware")
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def seal(
    *,
    kind: str,
    sender: str,
    recipient: str,
    sequence: int,
    schema_version: str,
    hub_key_id: str,
    changes: bytes,
    blobs: Mapping[str, bytes],
    signing_key: SigningKey,
    age_recipient: str,
    bundle_id: str | None = None,
    created_at: datetime | None = None,
    audit_head: dict[str, Any] | None = None,
) -> tuple[Manifest, bytes]:
    """Build, sign and encrypt a bundle; return its manifest and the sealed bytes.

    ``blobs`` maps SHA-256 hex to bytes. Arguments that cannot make a valid bundle raise
    ValueError (a bug in the caller); a bundle too large for any hub raises InvalidBundle.
    """
    for sha, data in blobs.items():
        if not _SHA256.fullmatch(sha) or _sha256(data) != sha:
            raise ValueError(f"blob {sha[:16]}… is not named by the SHA-256 of its bytes")
    if kind == "hub" and sender != signing_key.public.key_id_hex:
        raise ValueError("a hub bundle must be signed by the hub key its sender names")
    names = sorted(blobs)
    manifest = Manifest(
        format=BUNDLE_FORMAT,
        bundle_id=bundle_id if bundle_id is not None else str(uuid.uuid4()),
        kind=kind,
        sender=sender,
        recipient=recipient,
        sequence=sequence,
        created_at=_utc_text(created_at or datetime.now(UTC)),
        schema_version=schema_version,
        hub_key_id=hub_key_id,
        members=(
            f"{_sha256(changes)}  {CHANGES}",
            *(f"{sha}  blobs/{sha}" for sha in names),
        ),
        audit_head=audit_head,
    )
    manifest_bytes = manifest.to_json()
    comment = f"rjdesk bundle {manifest.bundle_id} seq {sequence} from {sender}"
    signature = signing_key.sign_minisign(manifest_bytes, comment)
    archive = _tar(
        [
            (MANIFEST, manifest_bytes),
            (SIGNATURE, signature.encode("ascii")),
            (CHANGES, changes),
            *((f"blobs/{sha}", blobs[sha]) for sha in names),
        ]
    )
    sealed = encrypt(archive, age_recipient)
    if len(sealed) > MAX_BUNDLE_BYTES:
        raise bundle_refused(
            f"it would be larger than {MAX_BUNDLE_BYTES // 2**20} MiB, the most a hub accepts"
        )
    return manifest, sealed


def _tar(members: Iterable[tuple[str, bytes]]) -> bytes:
    """A deterministic tar: the same members give the same bytes, on any machine."""
    out = io.BytesIO()
    # USTAR: no pax headers (they would carry times and names of this machine).
    with tarfile.open(fileobj=out, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.type = tarfile.REGTYPE
            info.mode = 0o600  # case data: owner-only wherever someone extracts it
            info.mtime = 0
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(data))
    return out.getvalue()


# An attachment's bytes: a view into the decrypted bundle where the hub opened it.
Blob = bytes | memoryview


@dataclass(frozen=True)
class OpenedBundle:
    """A bundle that decrypted, and whose signature and every member checked out. Its blobs are
    views into the one decrypted copy of the bundle when it was opened with ``views=True``."""

    manifest: Manifest
    changes: bytes
    blobs: dict[str, Blob]
    sha256: str  # of the sealed bytes as received: what a receipt names


def open_bundle(
    data: bytes,
    *,
    identity: AgeIdentity,
    sender_key: Callable[[Manifest], PublicKey],
    expect_kind: str,
    expect_recipient: str,
    expect_hub_key_id: str,
    views: bool = False,
) -> OpenedBundle:
    """Decrypt and check a bundle whole, or raise InvalidBundle with one sentence.

    The bundle is decrypted once into one buffer, and its members are read as views of it:
    opening takes the bundle's size once more, plus its changes. ``views``: leave the blobs as
    views of that buffer (the hub, which seals them one by one) instead of copying each.

    ``sender_key`` returns the public key of the manifest's sender; it may itself raise
    InvalidBundle (an unknown or revoked device), which is passed on as it is.
    """
    if expect_kind not in KINDS:
        raise ValueError(f"expect_kind must be one of {KINDS}")
    if len(data) > MAX_BUNDLE_BYTES:
        raise bundle_refused(f"it is larger than {MAX_BUNDLE_BYTES // 2**20} MiB")
    digest = _sha256(data)
    files = _read_tar(decrypt_view(data, identity))
    if MANIFEST not in files:
        raise bundle_refused(f"it has no {MANIFEST}")
    if SIGNATURE not in files:
        raise bundle_refused(f"its manifest is not signed ({SIGNATURE} is missing)")
    if len(files[MANIFEST]) > _MAX_MANIFEST_BYTES:
        raise bundle_refused("its manifest is malformed: it is too large")
    manifest = Manifest.from_json(bytes(files[MANIFEST]))
    if manifest.kind != expect_kind:
        raise bundle_refused(f"it is a {manifest.kind} bundle, not a {expect_kind} bundle")
    if manifest.hub_key_id != expect_hub_key_id:
        raise bundle_refused(
            f"it was sealed for another hub (hub key {manifest.hub_key_id}; "
            f"this hub is {expect_hub_key_id})"
        )
    if manifest.recipient != expect_recipient:
        raise bundle_refused(f"it is addressed to {manifest.recipient}, not {expect_recipient}")
    key = sender_key(manifest)
    try:
        if len(files[SIGNATURE]) > _MAX_SIGNATURE_BYTES:
            raise BadSignature("The signature file is malformed.")
        verify_minisign(bytes(files[MANIFEST]), bytes(files[SIGNATURE]).decode("utf-8"), key)
    except (BadSignature, UnicodeDecodeError):
        raise bundle_refused(
            f"its signature does not verify: it was not signed by {manifest.sender}, "
            "or it was changed"
        ) from None
    listed = manifest.member_hashes()
    for name in listed:
        if name not in files:
            raise bundle_refused(f"member {name} is listed in its manifest but missing")
    for name in files:
        if name not in listed and name not in (MANIFEST, SIGNATURE):
            raise bundle_refused(f"it holds member {name}, which its manifest does not list")
    for name, sha in listed.items():
        if _sha256(files[name]) != sha:
            raise bundle_refused(f"member {name} does not match its hash in the manifest")
    blobs: dict[str, Blob] = {
        name.removeprefix("blobs/"): files[name] if views else bytes(files[name])
        for name in listed
        if name != CHANGES
    }
    return OpenedBundle(
        manifest=manifest, changes=bytes(files[CHANGES]), blobs=blobs, sha256=digest
    )


class _ViewReader:
    """A read-only, seekable file over a memoryview: tarfile reads the headers through it, and
    the members are sliced from the view without a copy."""

    def __init__(self, view: memoryview) -> None:
        self.view = view
        self.at = 0

    def read(self, size: int | None = -1) -> bytes:
        end = len(self.view) if size is None or size < 0 else min(len(self.view), self.at + size)
        chunk = self.view[self.at : end].tobytes()
        self.at = max(self.at, end)
        return chunk

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self.at, io.SEEK_END: len(self.view)}[whence]
        self.at = max(0, base + offset)
        return self.at

    def tell(self) -> int:
        return self.at


def _read_tar(archive: memoryview) -> dict[str, memoryview]:
    """Every member of a bundle's tar, by name, as views of the archive; InvalidBundle if not
    allowed.

    The archive was decrypted but is not yet authenticated (anyone may encrypt to a hub), so
    it is read as hostile: regular files of the fixed names only, each once, and a bounded
    number of them.
    """
    files: dict[str, memoryview] = {}
    try:
        with tarfile.open(fileobj=_ViewReader(archive), mode="r:") as tar:  # type: ignore[call-overload]
            while (member := tar.next()) is not None:
                if len(files) >= MAX_MEMBERS:
                    raise bundle_refused(f"it has more than {MAX_MEMBERS:,} members")
                name = member.name
                # Not isreg(): that also admits sparse and contiguous files.
                plain = member.type in (tarfile.REGTYPE, tarfile.AREGTYPE)
                if not plain or member.sparse is not None:
                    raise bundle_refused(f"its member {_shown(name)} is not a regular file")
                if name not in (MANIFEST, SIGNATURE, CHANGES) and not _BLOB_NAME.fullmatch(name):
                    raise bundle_refused(f"it holds a member of unexpected name {_shown(name)}")
                if name in files:
                    raise bundle_refused(f"its member {name} appears twice")
                content = archive[member.offset_data : member.offset_data + member.size]
                if len(content) != member.size:
                    raise bundle_refused("it is not a well-formed archive (a member is cut short)")
                files[name] = content
    except (tarfile.TarError, EOFError, ValueError, OverflowError, UnicodeError, RecursionError):
        # What tarfile raises for headers it cannot parse; none of it is worth more detail.
        # RecursionError: tarfile reads a chain of pax or GNU long-name headers recursively.
        raise bundle_refused("it is not a well-formed archive") from None
    return files
