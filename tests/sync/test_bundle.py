"""A bundle opens whole or is refused whole, in one sentence; stock tools can check it too."""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import shutil
import subprocess
import tarfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from rjdesk_protocol import bundle as bundle_module
from rjdesk_protocol.bundle import (
    BUNDLE_FORMAT,
    Manifest,
    OpenedBundle,
    open_bundle,
    seal,
)
from rjdesk_protocol.errors import InvalidBundle
from rjdesk_protocol.keys import AgeIdentity, PublicKey, SigningKey, decrypt, encrypt

MIB = 1024 * 1024
CHANGES = b'{"records": [{"t": "contact", "id": "c1", "op": "put", "v": 0}], "resolutions": []}'
WHEN = datetime(2026, 11, 20, 14, 30, 5, tzinfo=UTC)


def require_tool(name: str) -> str:
    """The tool's path; skips the test without it, except in CI where it must be there."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the `{name}` tool is missing; CI must install it (Debian: {name})")
        pytest.skip(f"the `{name}` tool is not installed")
    return path


def _blobs(*contents: bytes) -> dict[str, bytes]:
    return {hashlib.sha256(data).hexdigest(): data for data in contents}


@dataclass
class World:
    """A device and a hub with their keys, as enrollment leaves them."""

    device: SigningKey
    hub: SigningKey
    hub_age: AgeIdentity
    device_id: str = "3f2b1c9e-5d7a-4e21-9b8c-0a1d2e3f4a5b"

    @property
    def hub_key_id(self) -> str:
        return self.hub.public.key_id_hex

    def seal(self, **overrides: Any) -> tuple[Manifest, bytes]:
        """A device bundle for this hub, with any argument changed."""
        arguments: dict[str, Any] = {
            "kind": "device",
            "sender": self.device_id,
            "recipient": self.hub_key_id,
            "sequence": 7,
            "schema_version": "4",
            "hub_key_id": self.hub_key_id,
            "changes": CHANGES,
            "blobs": _blobs(b"a signature image", b"an attachment"),
            "signing_key": self.device,
            "age_recipient": self.hub_age.recipient,
            "created_at": WHEN,
        }
        return seal(**{**arguments, **overrides})

    def open(self, data: bytes, **overrides: Any) -> OpenedBundle:
        """Open as this hub does, with any expectation changed."""
        arguments: dict[str, Any] = {
            "identity": self.hub_age,
            "sender_key": self.device_key,
            "expect_kind": "device",
            "expect_recipient": self.hub_key_id,
            "expect_hub_key_id": self.hub_key_id,
        }
        return open_bundle(data, **{**arguments, **overrides})

    def device_key(self, manifest: Manifest) -> PublicKey:
        if manifest.sender != self.device_id:
            raise InvalidBundle(f"The bundle was refused: device {manifest.sender} is unknown.")
        return self.device.public

    def members(self, data: bytes) -> dict[str, bytes]:
        """The plain members of a sealed bundle, in archive order (what `tar -x` would give)."""
        members = {}
        with tarfile.open(fileobj=io.BytesIO(decrypt(data, self.hub_age)), mode="r:") as tar:
            for member in tar:
                reader = tar.extractfile(member)
                assert reader is not None
                members[member.name] = reader.read()
        return members

    def reseal(
        self, members: dict[str, bytes], extra: Callable[[tarfile.TarFile], None] | None = None
    ) -> bytes:
        """An archive built by hand and encrypted to the hub, as an attacker could."""
        out = io.BytesIO()
        with tarfile.open(fileobj=out, mode="w", format=tarfile.PAX_FORMAT) as tar:
            for name, data in members.items():
                info = tarfile.TarInfo(name)
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
            if extra is not None:
                extra(tar)
        return encrypt(out.getvalue(), self.hub_age.recipient)


@pytest.fixture
def world() -> World:
    return World(
        device=SigningKey.generate(), hub=SigningKey.generate(), hub_age=AgeIdentity.generate()
    )


@pytest.fixture
def big_bundle(world: World) -> bytes:
    """About 1 MiB sealed: a random 1 MiB attachment (random so that nothing compresses)."""
    _, data = world.seal(blobs=_blobs(random.Random(1).randbytes(MIB), b"small"))
    return data


def test_a_sealed_bundle_opens_with_its_changes_and_blobs(world: World) -> None:
    big = random.Random(2).randbytes(MIB + 123)
    blobs = _blobs(big, b"one", b"two", b"")
    manifest, data = world.seal(blobs=blobs, bundle_id="b-1")

    opened = world.open(data)

    assert opened.manifest == manifest
    assert opened.changes == CHANGES
    assert opened.blobs == blobs
    assert opened.sha256 == hashlib.sha256(data).hexdigest()
    assert manifest.format == BUNDLE_FORMAT and manifest.bundle_id == "b-1"
    assert (manifest.sender, manifest.recipient, manifest.sequence) == (
        world.device_id,
        world.hub_key_id,
        7,
    )
    assert manifest.created_at == "2026-11-20T14:30:05Z"
    assert manifest.members == (
        f"{hashlib.sha256(CHANGES).hexdigest()}  changes.json",
        *(f"{sha}  blobs/{sha}" for sha in sorted(blobs)),
    )


def test_the_archive_is_deterministic_with_fixed_names_order_and_modes(world: World) -> None:
    _, first = world.seal(bundle_id="same")
    _, second = world.seal(bundle_id="same")
    plain = decrypt(first, world.hub_age)

    assert first != second, "age encryption is randomised"
    assert plain == decrypt(second, world.hub_age)
    with tarfile.open(fileobj=io.BytesIO(plain), mode="r:") as tar:
        members = tar.getmembers()
    blobs = sorted(_blobs(b"a signature image", b"an attachment"))
    assert [m.name for m in members] == [
        "manifest.json",
        "manifest.json.minisig",
        "changes.json",
        *(f"blobs/{sha}" for sha in blobs),
    ]
    assert all(m.isreg() and m.mode == 0o600 and m.mtime == 0 for m in members)
    assert all((m.uid, m.gid, m.uname, m.gname) == (0, 0, "", "") for m in members)


def test_a_new_bundle_gets_a_fresh_id_and_the_time_now() -> None:
    world = World(SigningKey.generate(), SigningKey.generate(), AgeIdentity.generate())
    first, _ = world.seal(created_at=None)
    second, _ = world.seal(created_at=None)

    assert first.bundle_id != second.bundle_id
    assert first.created_at.endswith("Z")


def test_the_manifest_reads_back_what_it_wrote(world: World) -> None:
    manifest, _ = world.seal()
    text = manifest.to_json()

    assert Manifest.from_json(text) == manifest
    assert text.endswith(b"}\n") and b'\n "members": [\n' in text


MALFORMED_MANIFESTS: dict[str, Callable[[dict[str, Any]], object]] = {
    "a field missing": lambda doc: doc.pop("sequence"),
    "an unknown field": lambda doc: doc.update(note="hi"),
    "another format": lambda doc: doc.update(format="rjdesk.bundle/2"),
    "sequence 0": lambda doc: doc.update(sequence=0),
    "sequence true": lambda doc: doc.update(sequence=True),
    "sequence text": lambda doc: doc.update(sequence="7"),
    "a local time": lambda doc: doc.update(created_at="2026-11-20T14:30:05+01:00"),
    "no such date": lambda doc: doc.update(created_at="2026-02-30T14:30:05Z"),
    "a kind unknown": lambda doc: doc.update(kind="laptop"),
    "an id with a space": lambda doc: doc.update(bundle_id="b 1"),
    "a padded key id": lambda doc: doc.update(hub_key_id="0" + doc["hub_key_id"]),
    "a device bundle to someone else": lambda doc: doc.update(recipient="ABC"),
    "members not a list": lambda doc: doc.update(members="x"),
    "members empty": lambda doc: doc.update(members=[]),
    "blobs out of order": lambda doc: doc.update(
        members=[doc["members"][0], *doc["members"][:0:-1]]
    ),
    "changes.json twice": lambda doc: doc.update(members=[doc["members"][0]] * 2),
    "a blob not named by its hash": lambda doc: doc.update(
        members=[doc["members"][0], "0" * 64 + "  blobs/" + "1" * 64]
    ),
    "a path outside": lambda doc: doc.update(members=[doc["members"][0], "0" * 64 + "  ../x"]),
}


@pytest.mark.parametrize("damage", MALFORMED_MANIFESTS.keys())
def test_a_malformed_manifest_is_refused_saying_what_is_wrong(world: World, damage: str) -> None:
    manifest, _ = world.seal()
    doc = json.loads(manifest.to_json())
    MALFORMED_MANIFESTS[damage](doc)

    with pytest.raises(InvalidBundle, match="its manifest is malformed: "):
        Manifest.from_json(json.dumps(doc).encode())


@pytest.mark.parametrize("text", [b"", b"\xff", b"[]", b'{"a": 1, "a": 1}', b"[" * 100_000, b"NaN"])
def test_a_manifest_that_is_not_a_json_object_is_refused(text: bytes) -> None:
    with pytest.raises(InvalidBundle, match="its manifest is malformed"):
        Manifest.from_json(text)


def test_a_flipped_byte_anywhere_is_refused(world: World, big_bundle: bytes) -> None:
    size = len(big_bundle)
    header_end = big_bundle.index(b"\n---") + 4 + 44 + 1 + 16  # MAC line, then the payload nonce
    rng = random.Random(20261120)
    offsets = set(range(0, header_end, 5))  # every part of the age header
    offsets |= {rng.randrange(0, 64 * 1024) for _ in range(30)}
    offsets |= {rng.randrange(size - 64 * 1024, size) for _ in range(30)}
    offsets |= {0, size - 1}
    step = size // (200 - len(offsets))
    offsets |= set(range(step // 2, size, step))  # evenly spaced through the payload
    while len(offsets) < 200:  # should one of the above coincide with another
        offsets.add(rng.randrange(size))

    for offset in sorted(offsets):
        damaged = bytearray(big_bundle)
        damaged[offset] ^= 0xFF
        with pytest.raises(InvalidBundle):
            world.open(bytes(damaged))


def test_a_bundle_cut_short_at_any_64_kib_boundary_is_refused(
    world: World, big_bundle: bytes
) -> None:
    for end in [*range(0, len(big_bundle), 64 * 1024), len(big_bundle) - 1]:
        with pytest.raises(InvalidBundle, match="damaged or was changed after it was sealed"):
            world.open(big_bundle[:end])


def test_bytes_added_at_the_end_are_refused(world: World) -> None:
    _, data = world.seal()
    with pytest.raises(InvalidBundle, match="damaged or was changed after it was sealed"):
        world.open(data + b"\x00")


def test_a_manifest_signature_moved_from_another_bundle_is_refused(world: World) -> None:
    _, first = world.seal(sequence=1)
    _, second = world.seal(sequence=2)
    members = world.members(first)
    members["manifest.json.minisig"] = world.members(second)["manifest.json.minisig"]

    with pytest.raises(InvalidBundle) as refused:
        world.open(world.reseal(members))

    assert str(refused.value) == (
        "The bundle was refused: its signature does not verify: it was not signed by "
        f"{world.device_id}, or it was changed."
    )


def test_a_bundle_signed_by_another_key_is_refused(world: World) -> None:
    _, data = world.seal(signing_key=SigningKey.generate())
    with pytest.raises(InvalidBundle, match="its signature does not verify"):
        world.open(data)


def test_an_unlisted_extra_member_is_refused(world: World) -> None:
    _, data = world.seal()
    members = world.members(data)
    members[f"blobs/{hashlib.sha256(b'smuggled').hexdigest()}"] = b"smuggled"

    with pytest.raises(InvalidBundle, match="which its manifest does not list"):
        world.open(world.reseal(members))


def test_a_missing_member_is_refused(world: World) -> None:
    _, data = world.seal()
    members = world.members(data)
    gone = sorted(name for name in members if name.startswith("blobs/"))[0]
    del members[gone]

    with pytest.raises(InvalidBundle, match=f"member {gone} is listed in its manifest but missing"):
        world.open(world.reseal(members))


def test_a_member_whose_content_was_swapped_is_refused(world: World) -> None:
    _, data = world.seal()
    members = world.members(data)
    members["changes.json"] = CHANGES.replace(b'"put"', b'"del"')

    with pytest.raises(InvalidBundle, match=r"member changes\.json does not match its hash"):
        world.open(world.reseal(members))


def _symlink(tar: tarfile.TarFile) -> None:
    info = tarfile.TarInfo("blobs/" + "0" * 64)
    info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
    tar.addfile(info)


def _directory(tar: tarfile.TarFile) -> None:
    info = tarfile.TarInfo("blobs")
    info.type = tarfile.DIRTYPE
    tar.addfile(info)


def _named(name: str) -> Callable[[tarfile.TarFile], None]:
    def add(tar: tarfile.TarFile) -> None:
        info = tarfile.TarInfo(name)
        info.size = 1
        tar.addfile(info, io.BytesIO(b"x"))

    return add


@pytest.mark.parametrize(
    ("extra", "reason"),
    [
        (_symlink, "is not a regular file"),
        (_directory, "is not a regular file"),
        (_named("../../home/x/.bashrc"), "unexpected name"),
        (_named("notes.txt"), "unexpected name"),
        (_named("blobs/" + "A" * 64), "unexpected name"),
        (_named("changes.json"), "its member changes.json appears twice"),
    ],
)
def test_a_member_that_is_not_a_plain_file_of_a_fixed_name_is_refused(
    world: World, extra: Callable[[tarfile.TarFile], None], reason: str
) -> None:
    _, data = world.seal()
    with pytest.raises(InvalidBundle, match=reason):
        world.open(world.reseal(world.members(data), extra))


def test_what_is_not_a_tar_inside_is_refused(world: World) -> None:
    with pytest.raises(InvalidBundle, match="not a well-formed archive"):
        world.open(encrypt(b"PK\x03\x04 a zip file" * 100, world.hub_age.recipient))


def test_a_chain_of_thousands_of_extended_headers_is_refused_not_a_crash(world: World) -> None:
    # tarfile reads pax headers recursively; a hostile sender can chain them.
    record = b"12 comment=\n"
    pax = tarfile.TarInfo("././@PaxHeader")
    pax.type, pax.size = tarfile.XHDTYPE, len(record)
    block = pax.tobuf(tarfile.USTAR_FORMAT) + record.ljust(512, b"\0")
    archive = block * 5000 + b"\0" * 1024

    with pytest.raises(InvalidBundle, match="not a well-formed archive"):
        world.open(encrypt(archive, world.hub_age.recipient))


def test_an_archive_without_a_manifest_or_its_signature_is_refused(world: World) -> None:
    _, data = world.seal()
    members = world.members(data)
    unsigned = {k: v for k, v in members.items() if k != "manifest.json.minisig"}
    with pytest.raises(InvalidBundle, match="its manifest is not signed"):
        world.open(world.reseal(unsigned))
    with pytest.raises(InvalidBundle, match=r"it has no manifest\.json"):
        world.open(world.reseal({k: v for k, v in members.items() if k != "manifest.json"}))


def test_a_bundle_for_another_hub_is_refused_with_that_reason(world: World) -> None:
    other = SigningKey.generate().public.key_id_hex
    _, data = world.seal(hub_key_id=other, recipient=other)

    with pytest.raises(InvalidBundle) as refused:
        world.open(data)

    assert str(refused.value) == (
        f"The bundle was refused: it was sealed for another hub (hub key {other}; "
        f"this hub is {world.hub_key_id})."
    )


def test_a_bundle_encrypted_to_another_age_key_is_refused_as_not_for_this_key(world: World) -> None:
    _, data = world.seal(age_recipient=AgeIdentity.generate().recipient)
    with pytest.raises(InvalidBundle) as refused:
        world.open(data)
    assert str(refused.value) == "The bundle was refused: it was not encrypted for this key."


def test_a_hub_bundle_is_not_taken_for_a_device_bundle(world: World) -> None:
    _, data = world.seal(
        kind="hub", sender=world.hub_key_id, recipient=world.device_id, signing_key=world.hub
    )
    with pytest.raises(InvalidBundle, match="it is a hub bundle, not a device bundle"):
        world.open(data)


def test_a_hub_bundle_opens_on_its_device_only(world: World) -> None:
    device_age = AgeIdentity.generate()
    _, data = world.seal(
        kind="hub",
        sender=world.hub_key_id,
        recipient=world.device_id,
        signing_key=world.hub,
        age_recipient=device_age.recipient,
    )
    laptop = {
        "identity": device_age,
        "sender_key": lambda manifest: world.hub.public,
        "expect_kind": "hub",
        "expect_hub_key_id": world.hub_key_id,
    }

    assert world.open(data, **laptop, expect_recipient=world.device_id).changes == CHANGES
    with pytest.raises(
        InvalidBundle, match=f"it is addressed to {world.device_id}, not other-device"
    ):
        world.open(data, **laptop, expect_recipient="other-device")


def test_the_callers_refusal_of_the_sender_is_passed_on(world: World) -> None:
    _, data = world.seal(sender="revoked-laptop")
    with pytest.raises(InvalidBundle, match="device revoked-laptop is unknown"):
        world.open(data)


def test_a_bundle_over_the_size_limit_is_refused_before_decrypting(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, data = world.seal()
    monkeypatch.setattr(bundle_module, "MAX_BUNDLE_BYTES", len(data) - 1)
    with pytest.raises(InvalidBundle, match="it is larger than"):
        world.open(data)


def test_sealing_refuses_a_blob_not_named_by_its_hash(world: World) -> None:
    with pytest.raises(ValueError, match="not named by the SHA-256"):
        world.seal(blobs={"0" * 64: b"something else"})
    with pytest.raises(ValueError, match="timezone-aware"):
        world.seal(created_at=datetime(2026, 11, 20, 14, 30))


def _sh(script: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", "set -o pipefail\n" + script],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_stock_tools_open_and_check_a_bundle_as_docs_bundle_format_says(
    world: World, tmp_path: Path
) -> None:
    require_tool("age")
    require_tool("minisign")
    _, data = world.seal(blobs=_blobs(random.Random(3).randbytes(300_000), b"small", b"x"))
    (tmp_path / "bundle.rjb").write_bytes(data)
    (tmp_path / "hub-age.key").write_text(world.hub_age.text() + "\n")
    (tmp_path / "device.pub").write_text(world.device.public.to_minisign("rjdesk device key"))
    folder = tmp_path / "files"

    decrypt_it = "age -d -i hub-age.key -o bundle.tar bundle.rjb"
    unpack = "mkdir files && tar -xf bundle.tar -C files"
    check_signature = "minisign -V -p ../device.pub -m manifest.json"
    check_hashes = """grep -oE '[0-9a-f]{64}  [^"]+' manifest.json | sha256sum -c"""
    check_nothing_else = (
        "diff <(grep -oE '[0-9a-f]{64}  [^\"]+' manifest.json | cut -c67- | sort) \\\n"
        "     <(find . -type f ! -name 'manifest.json*' | sed 's|^\\./||' | sort)"
    )
    walkthrough = (Path(__file__).parents[2] / "docs" / "bundle-format.md").read_text()
    for script, cwd in [
        (decrypt_it, tmp_path),
        (unpack, tmp_path),
        (check_signature, folder),
        (check_hashes, folder),
        (check_nothing_else, folder),
    ]:
        assert script in walkthrough, "the test runs what docs/bundle-format.md says"
        result = _sh(script, cwd)
        assert result.returncode == 0, f"{script}: {result.stdout}{result.stderr}"
    checked = _sh(check_hashes, folder).stdout
    assert checked.count(": OK") == 4 and "changes.json: OK" in checked
    assert _sh(check_nothing_else, folder).stdout == ""

    (folder / "blobs" / "extra").write_bytes(b"smuggled")
    assert "blobs/extra" in _sh(check_nothing_else, folder).stdout
    changes = folder / "changes.json"
    changes.write_bytes(b"X" + changes.read_bytes()[1:])
    assert "changes.json: FAILED" in _sh(check_hashes, folder).stdout
    manifest = folder / "manifest.json"
    manifest.write_bytes(manifest.read_bytes().replace(b'"sequence": 7', b'"sequence": 8'))
    assert "Signature verification failed" in _sh(check_signature, folder).stderr
