"""Keys and signatures are the stock tools' own: minisign and age agree with rjdesk both ways."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from rjdesk_protocol.errors import BadSignature, InvalidBundle, InvalidKey
from rjdesk_protocol.keys import (
    AgeIdentity,
    PublicKey,
    SigningKey,
    canonical_json,
    decrypt,
    encrypt,
    key_id,
    key_id_hex,
    sign_document,
    verify_document,
    verify_minisign,
    verify_raw,
)


def require_tool(name: str) -> str:
    """The tool's path; skips the test without it, except in CI where it must be there."""
    path = shutil.which(name)
    if path is None:
        if os.environ.get("CI") == "true":
            pytest.fail(f"the `{name}` tool is missing; CI must install it (Debian: {name})")
        pytest.skip(f"the `{name}` tool is not installed")
    return path


def _run(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=60, check=False)


def _key_whose_id_has_a_leading_zero() -> SigningKey:
    # One key in 16 has a key id under 2**60; minisign prints those with fewer than 16 digits.
    for _ in range(1000):
        key = SigningKey.generate()
        if len(key.public.key_id_hex) < 16:
            return key
    raise AssertionError("no such key in 1000 tries")


def test_a_key_id_is_the_first_8_bytes_of_the_sha256_of_the_public_key() -> None:
    key = SigningKey.generate()
    raw = key.public.raw
    assert key_id(raw) == hashlib.sha256(raw).digest()[:8] == key.public.key_id
    assert key.public.keynum == key.public.key_id
    assert key_id_hex(raw) == f"{int.from_bytes(key_id(raw), 'little'):X}"
    assert key.public.key_id_hex == key_id_hex(raw)


def test_our_key_and_signature_verify_with_the_minisign_tool(tmp_path: Path) -> None:
    minisign = require_tool("minisign")
    key = SigningKey.generate()
    (tmp_path / "device.pub").write_text(key.public.to_minisign("rjdesk device key"))
    (tmp_path / "file").write_bytes(b"case data \x00\xff" * 1000)
    signature = key.sign_minisign((tmp_path / "file").read_bytes(), "rjdesk test 1")
    (tmp_path / "file.minisig").write_text(signature)

    # -H: refuse anything but the prehashed form, which is what we write.
    result = _run(minisign, "-V", "-H", "-p", "device.pub", "-m", "file", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert "Trusted comment: rjdesk test 1" in result.stdout


@pytest.mark.parametrize("leading_zero", [False, True])
def test_minisign_names_our_keys_by_the_key_id_we_display(
    tmp_path: Path, leading_zero: bool
) -> None:
    minisign = require_tool("minisign")
    signer = _key_whose_id_has_a_leading_zero() if leading_zero else SigningKey.generate()
    other = SigningKey.generate()
    (tmp_path / "other.pub").write_text(other.public.to_minisign("another key"))
    (tmp_path / "file").write_bytes(b"x")
    (tmp_path / "file.minisig").write_text(signer.sign_minisign(b"x", "t"))

    result = _run(minisign, "-V", "-p", "other.pub", "-m", "file", cwd=tmp_path)

    assert result.returncode != 0
    said = result.stdout + result.stderr
    ids = re.findall(r"key id in \S+ is ([0-9A-F]+)|key id in the public key is ([0-9A-F]+)", said)
    assert [a or b for a, b in ids] == [signer.public.key_id_hex, other.public.key_id_hex], said


def test_a_signature_by_the_minisign_tool_verifies_with_ours(tmp_path: Path) -> None:
    minisign = require_tool("minisign")
    made = _run(minisign, "-G", "-W", "-p", "pub", "-s", "sec", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    (tmp_path / "file").write_bytes(b"signed by the stock tool")
    for legacy, name in ((False, "file.minisig"), (True, "legacy.minisig")):
        flags = ["-l"] if legacy else []
        argv = [minisign, "-S", *flags, "-s", "sec", "-m", "file", "-x", name, "-t", "a comment"]
        signed = _run(*argv, cwd=tmp_path)
        assert signed.returncode == 0, signed.stderr
    pub_text = (tmp_path / "pub").read_text()
    public = PublicKey.from_minisign(pub_text)

    for name in ("file.minisig", "legacy.minisig"):
        signature = (tmp_path / name).read_text()
        assert verify_minisign(b"signed by the stock tool", signature, public) == "a comment"
    # The tool's key number is random, not our key id: kept with the key, shown as minisign does.
    assert pub_text.splitlines()[0] == f"untrusted comment: minisign public key {public.keynum_hex}"
    assert PublicKey.from_minisign(public.to_minisign("again")) == public


def test_a_signature_checked_with_another_key_is_refused_naming_both_key_ids() -> None:
    signer, other = SigningKey.generate(), SigningKey.generate()
    signature = signer.sign_minisign(b"message", "comment")

    with pytest.raises(BadSignature) as refused:
        verify_minisign(b"message", signature, other.public)

    assert str(refused.value) == (
        f"The signature was made with another key (key id {signer.public.key_id_hex}, "
        f"expected {other.public.key_id_hex})."
    )


def test_an_altered_message_is_refused() -> None:
    key = SigningKey.generate()
    signature = key.sign_minisign(b"the agreement", "comment")

    with pytest.raises(BadSignature, match="does not match the signed file"):
        verify_minisign(b"the agreemenT", signature, key.public)


def test_an_altered_trusted_comment_is_refused() -> None:
    key = SigningKey.generate()
    lines = key.sign_minisign(b"message", "seq 1").splitlines()
    lines[2] = "trusted comment: seq 2"

    with pytest.raises(BadSignature, match="trusted comment was changed"):
        verify_minisign(b"message", "\n".join(lines) + "\n", key.public)


def test_the_untrusted_comment_may_change_and_crlf_line_ends_are_read() -> None:
    key = SigningKey.generate()
    lines = key.sign_minisign(b"message", "kept").splitlines()
    lines[0] = "untrusted comment: anything at all"

    assert verify_minisign(b"message", "\r\n".join(lines), key.public) == "kept"


def _line(text: str, index: int, new: str) -> str:
    lines = text.splitlines()
    lines[index] = new
    return "\n".join(lines) + "\n"


MALFORMED_SIGNATURES = {
    "empty": lambda text: "",
    "three lines": lambda text: "\n".join(text.splitlines()[:3]),
    "five lines": lambda text: text + "an extra line\n",
    "no untrusted comment": lambda text: _line(text, 0, "comment: x"),
    "no trusted comment": lambda text: _line(text, 2, "comment: x"),
    "short signature": lambda text: _line(text, 1, text.splitlines()[1][:-8]),
    "not base64": lambda text: _line(text, 1, "not base64 at all!"),
    "short global signature": lambda text: _line(text, 3, text.splitlines()[3][:-8]),
}


@pytest.mark.parametrize("damage", MALFORMED_SIGNATURES.keys())
def test_a_malformed_signature_file_is_refused(damage: str) -> None:
    key = SigningKey.generate()
    text = MALFORMED_SIGNATURES[damage](key.sign_minisign(b"message", "comment"))

    with pytest.raises(BadSignature, match="malformed"):
        verify_minisign(b"message", text, key.public)


def test_public_keys_read_from_the_file_text_or_the_base64_line_alone() -> None:
    public = SigningKey.generate().public
    text = public.to_minisign("rjdesk hub key")

    assert text.startswith("untrusted comment: rjdesk hub key\nRW")
    assert PublicKey.from_minisign(text) == public
    assert PublicKey.from_minisign(text.splitlines()[1]) == public
    assert PublicKey.from_minisign(text.replace("\n", "\r\n")) == public


@pytest.mark.parametrize(
    "text",
    ["", "untrusted comment: x\n", "RWQ not base64", "untrusted comment: x\nAAAA\n", "a\nb\nc"],
)
def test_a_malformed_public_key_is_refused_in_one_sentence(text: str) -> None:
    with pytest.raises(InvalidKey) as refused:
        PublicKey.from_minisign(text)
    message = str(refused.value)
    assert message.endswith(".") and "\n" not in message


def test_signing_keys_round_trip_through_their_raw_seed() -> None:
    key = SigningKey.generate()
    again = SigningKey.from_raw(key.raw())

    assert again.public == key.public
    with pytest.raises(InvalidKey):
        SigningKey.from_raw(b"short")


def test_keys_never_show_their_secret_in_a_repr() -> None:
    key, identity = SigningKey.generate(), AgeIdentity.generate()

    assert key.raw().hex() not in repr(key).lower()
    assert key.public.key_id_hex in repr(key)
    assert identity.text() not in repr(identity)
    assert "AGE-SECRET-KEY" not in repr(identity)


def test_raw_signatures_verify_and_a_changed_request_is_refused() -> None:
    key = SigningKey.generate()
    request = b"PUT\n/v1/uploads/abc\n1700000000\n" + b"0" * 64
    signature = key.sign_raw(request)

    verify_raw(request, signature, key.public)
    with pytest.raises(BadSignature):
        verify_raw(request.replace(b"PUT", b"GET"), signature, key.public)
    with pytest.raises(BadSignature):
        verify_raw(request, signature, SigningKey.generate().public)
    with pytest.raises(BadSignature, match="malformed"):
        verify_raw(request, signature[:10], key.public)


def test_signed_documents_verify_whatever_their_key_order_and_refuse_any_change() -> None:
    key = SigningKey.generate()
    doc = {"format": "rjdesk.receipt/1", "applied": {"b": 2, "a": 1}, "name": "Zoë"}
    signed = sign_document(doc, key, "rjdesk receipt")

    reordered = dict(reversed(list(signed.items())))
    assert verify_document(reordered, key.public) == doc
    assert (
        canonical_json(doc)
        == '{"applied":{"a":1,"b":2},"format":"rjdesk.receipt/1","name":"Zoë"}'.encode()
    )
    with pytest.raises(BadSignature, match="does not match"):
        verify_document({**signed, "name": "Zoe"}, key.public)
    with pytest.raises(BadSignature, match="not signed"):
        verify_document(doc, key.public)


def test_a_comment_with_a_line_break_is_never_signed() -> None:
    with pytest.raises(ValueError, match="single line"):
        SigningKey.generate().sign_minisign(b"x", "one\ntrusted comment: forged")


def test_age_round_trip_with_identity_text_and_the_age_tool(tmp_path: Path) -> None:
    identity = AgeIdentity.generate()
    again = AgeIdentity.from_text(identity.text() + "\n")
    assert again.recipient == identity.recipient
    assert identity.recipient.startswith("age1")
    assert identity.text().startswith("AGE-SECRET-KEY-1")

    sealed = encrypt(b"plain case text", identity.recipient)
    assert sealed.startswith(b"age-encryption.org/v1\n")
    assert decrypt(sealed, again) == b"plain case text"

    age = require_tool("age")
    (tmp_path / "id.key").write_text(identity.text() + "\n")
    (tmp_path / "ours.age").write_bytes(sealed)
    opened = subprocess.run(
        [age, "-d", "-i", "id.key", "ours.age"], cwd=tmp_path, capture_output=True, check=False
    )
    assert opened.returncode == 0 and opened.stdout == b"plain case text", opened.stderr
    theirs = subprocess.run(
        [age, "-r", identity.recipient], input=b"from the age tool", capture_output=True, check=True
    )
    assert decrypt(theirs.stdout, identity) == b"from the age tool"


def test_bad_age_key_text_is_refused_as_an_invalid_key() -> None:
    with pytest.raises(InvalidKey, match="age secret key"):
        AgeIdentity.from_text("AGE-SECRET-KEY-1NOTAKEY")
    with pytest.raises(InvalidKey, match="age recipient"):
        encrypt(b"x", "age1notarecipient")
    with pytest.raises(InvalidKey, match="age recipient"):
        encrypt(b"x", AgeIdentity.generate().text())


def test_decrypting_tells_another_key_from_damage() -> None:
    identity = AgeIdentity.generate()
    sealed = encrypt(b"x" * 100_000, identity.recipient)
    damaged = bytearray(sealed)
    damaged[-100] ^= 0x01

    with pytest.raises(InvalidBundle, match="not encrypted for this key"):
        decrypt(sealed, AgeIdentity.generate())
    with pytest.raises(InvalidBundle, match="damaged or was changed after it was sealed"):
        decrypt(bytes(damaged), identity)
    with pytest.raises(InvalidBundle, match="damaged or was changed after it was sealed"):
        decrypt(sealed[:-1], identity)
    with pytest.raises(InvalidBundle, match="damaged or was changed after it was sealed"):
        decrypt(b"not age at all", identity)
