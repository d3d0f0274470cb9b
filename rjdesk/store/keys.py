"""The vault key file: the data key wrapped by the passphrase and by the recovery key (DESIGN §4).

The SQLCipher database is keyed with a random 256-bit data key. That key never touches disk in
the clear: ``vault.key`` holds it twice, wrapped with AES-256-GCM

- under a key derived from the passphrase with Argon2id (memory-hard, calibrated to ~0.7 s), and
- under a key derived with HKDF from the 160-bit random recovery key kept in the hub's safe
  (it is already high-entropy, so a slow KDF would add nothing).

The associated data binds each wrap to the vault id, the slot and its KDF parameters, so a wrap
cannot be moved to another vault or downgraded to cheaper parameters without the tag failing.
A wrong passphrase fails the GCM tag: nothing else is read and no file is changed.
"""

from __future__ import annotations

import base64
import json
import os
import secrets
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from rjdesk_protocol.atomic import atomic_write
from rjdesk_protocol.errors import ValidationError, VaultDamaged, VaultNotFound, WrongPassphrase

KEY_FILE_FORMAT = "rjdesk.vault-key/1"
DATA_KEY_BYTES = 32
MIN_PASSPHRASE_LENGTH = 10

# Test setting: cheap Argon2id parameters so that a test suite can create hundreds of vaults.
# Never set it for real use; the parameters are stored in the key file, so a vault created
# with it stays cheap to attack. Documented in README.md ("Test settings").
FAST_KDF_ENV = "RJDESK_INSECURE_FAST_KDF"

MIN_MEMORY_KIB = 64 * 1024
START_MEMORY_KIB = 256 * 1024
# Refuse absurd parameters from a damaged or hostile key file rather than exhausting memory.
MAX_MEMORY_KIB = 4 * 1024 * 1024
MAX_ITERATIONS = 64
TARGET_SECONDS = 0.7

_RECOVERY_BYTES = 20
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_CROCKFORD_ALIASES = str.maketrans({"O": "0", "I": "1", "L": "1"})


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    iterations: int
    lanes: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": "argon2id",
            "memory_kib": self.memory_kib,
            "iterations": self.iterations,
            "lanes": self.lanes,
        }


def fast_kdf_enabled() -> bool:
    return os.environ.get(FAST_KDF_ENV) == "1"


FAST_PARAMS = KdfParams(memory_kib=1024, iterations=1, lanes=1)


def _argon2id(secret: bytes, salt: bytes, params: KdfParams) -> bytes:
    return Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(secret)


def calibrate_kdf(target_seconds: float = TARGET_SECONDS) -> KdfParams:
    """Pick Argon2id parameters that take about ``target_seconds`` on this machine.

    Memory starts at 256 MiB and halves (down to the 64 MiB floor) on a machine too slow for
    even one pass; iterations then fill the time budget. Time grows linearly with iterations,
    so timed runs of one and three passes give the slope and intercept. A pass is never taken
    as cheaper than a quarter of a one-pass run: on a busy machine (or the first run of a fresh
    process, which pays for the memory) the two timings can come out almost equal, and a tiny
    slope would pick the maximum of passes and make every unlock slow.
    """
    if fast_kdf_enabled():
        return FAST_PARAMS
    salt = os.urandom(16)
    memory = START_MEMORY_KIB
    while True:
        one = _timed(KdfParams(memory, 1, 4), salt)
        if one <= target_seconds or memory <= MIN_MEMORY_KIB:
            break
        memory //= 2
    one = min(one, _timed(KdfParams(memory, 1, 4), salt))
    three = _timed(KdfParams(memory, 3, 4), salt)
    per_pass = max((three - one) / 2, one / 4, 1e-4)
    overhead = max(one - per_pass, 0.0)
    iterations = int((target_seconds - overhead) / per_pass)
    return KdfParams(memory, max(2, min(iterations, MAX_ITERATIONS)), 4)


def _timed(params: KdfParams, salt: bytes) -> float:
    started = time.perf_counter()
    _argon2id(b"calibration", salt, params)
    return time.perf_counter() - started


def normalise_passphrase(passphrase: str) -> bytes:
    """NFC so that "Zoë" typed with a combining diaeresis opens the same vault."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def check_new_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        raise ValidationError(
            f"a passphrase needs at least {MIN_PASSPHRASE_LENGTH} characters; "
            "a few unrelated words are easy to remember and hard to guess"
        )


def passphrase_strength(passphrase: str) -> tuple[int, str]:
    """A rough 0-3 score and a hint, shown while a passphrase is typed. Length dominates:
    several unrelated words beat a short word with symbols."""
    if len(passphrase) < MIN_PASSPHRASE_LENGTH:
        left = MIN_PASSPHRASE_LENGTH - len(passphrase)
        return 0, f"Too short: at least {left} more character{'s' if left != 1 else ''}."
    kinds = sum(
        any(test(ch) for ch in passphrase)
        for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum())
    )
    words = len(passphrase.split())
    if len(set(passphrase.lower())) < 5:
        return 1, "Weak: too many repeated characters."
    if len(passphrase) >= 20 or (words >= 4 and len(passphrase) >= 16):
        return 3, "Strong."
    if len(passphrase) >= 14 or kinds >= 3:
        return 2, "Good. A longer one, such as four unrelated words, is stronger."
    return 1, "Fair: add another word or two."


def new_recovery_key() -> tuple[str, bytes]:
    """A fresh recovery key as shown to the person (8 groups of 4) and as bytes."""
    secret = secrets.token_bytes(_RECOVERY_BYTES)
    number = int.from_bytes(secret, "big")
    chars = [_CROCKFORD[(number >> (5 * i)) & 31] for i in reversed(range(32))]
    text = "-".join("".join(chars[i : i + 4]) for i in range(0, 32, 4))
    return text, secret


def parse_recovery_key(text: str) -> bytes:
    """Read a typed recovery key: case, spaces, dashes and O/0, I/L/1 mix-ups are forgiven."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\r\n").translate(
        _CROCKFORD_ALIASES
    )
    if len(cleaned) != 32 or any(ch not in _CROCKFORD for ch in cleaned):
        raise ValidationError("a recovery key is 32 letters and digits, e.g. ABCD-EFGH-...")
    number = 0
    for ch in cleaned:
        number = (number << 5) | _CROCKFORD.index(ch)
    return number.to_bytes(_RECOVERY_BYTES, "big")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, what: str) -> bytes:
    if not isinstance(text, str):
        raise VaultDamaged(f"the vault key file is damaged ({what} is missing)")
    try:
        return base64.b64decode(text, validate=True)
    except ValueError as exc:
        raise VaultDamaged(f"the vault key file is damaged ({what} is not base64)") from exc


@dataclass
class Wrap:
    """One copy of the data key, wrapped under one secret."""

    kdf: dict[str, Any]
    nonce: bytes
    ciphertext: bytes

    def as_dict(self) -> dict[str, Any]:
        return {"kdf": self.kdf, "nonce": _b64(self.nonce), "ciphertext": _b64(self.ciphertext)}


@dataclass
class KeyFile:
    vault_id: str
    slots: dict[str, Wrap] = field(default_factory=dict)

    # -- wrapping ---------------------------------------------------------------------------

    def _aad(self, slot: str, kdf: dict[str, Any]) -> bytes:
        return json.dumps(
            [KEY_FILE_FORMAT, self.vault_id, slot, kdf], sort_keys=True, separators=(",", ":")
        ).encode()

    def _seal(self, slot: str, kek: bytes, kdf: dict[str, Any], data_key: bytes) -> None:
        nonce = os.urandom(12)
        ciphertext = AESGCM(kek).encrypt(nonce, data_key, self._aad(slot, kdf))
        self.slots[slot] = Wrap(kdf, nonce, ciphertext)

    def _open(self, slot: str, kek: bytes) -> bytearray:
        wrap = self.slots[slot]
        try:
            plain = AESGCM(kek).decrypt(wrap.nonce, wrap.ciphertext, self._aad(slot, wrap.kdf))
        except InvalidTag:
            raise WrongPassphrase(
                "wrong passphrase: it does not open this vault (nothing was changed)"
                if slot == "passphrase"
                else "that recovery key does not open this vault (nothing was changed)"
            ) from None
        if len(plain) != DATA_KEY_BYTES:
            raise VaultDamaged("the vault key file is damaged (the data key has the wrong size)")
        return bytearray(plain)

    def set_passphrase(self, data_key: bytes, passphrase: str, params: KdfParams) -> None:
        salt = os.urandom(16)
        kdf = params.as_dict() | {"salt": _b64(salt)}
        kek = _argon2id(normalise_passphrase(passphrase), salt, params)
        self._seal("passphrase", kek, kdf, data_key)

    def set_recovery(self, data_key: bytes, recovery_secret: bytes) -> None:
        salt = os.urandom(16)
        kdf = {"name": "hkdf-sha256", "salt": _b64(salt)}
        self._seal("recovery", _recovery_kek(recovery_secret, salt), kdf, data_key)

    def unwrap_with_passphrase(self, passphrase: str) -> bytearray:
        wrap = self._slot("passphrase")
        params = _kdf_params(wrap.kdf)
        salt = _unb64(wrap.kdf.get("salt"), "the passphrase salt")
        return self._open("passphrase", _argon2id(normalise_passphrase(passphrase), salt, params))

    def unwrap_with_recovery_key(self, recovery_key: str) -> bytearray:
        wrap = self._slot("recovery")
        secret = parse_recovery_key(recovery_key)
        salt = _unb64(wrap.kdf.get("salt"), "the recovery salt")
        return self._open("recovery", _recovery_kek(secret, salt))

    def _slot(self, slot: str) -> Wrap:
        try:
            return self.slots[slot]
        except KeyError:
            raise VaultDamaged(f"the vault key file is damaged (no {slot} entry)") from None

    # -- files ------------------------------------------------------------------------------

    def to_bytes(self) -> bytes:
        document = {
            "format": KEY_FILE_FORMAT,
            "vault_id": self.vault_id,
            "slots": {name: wrap.as_dict() for name, wrap in sorted(self.slots.items())},
        }
        return json.dumps(document, indent=2, sort_keys=True).encode() + b"\n"

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeyFile:
        try:
            document = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            raise VaultDamaged("the vault key file is damaged (not readable JSON)") from None
        if not isinstance(document, dict) or document.get("format") != KEY_FILE_FORMAT:
            raise VaultDamaged("the vault key file is damaged or from another program")
        slots_raw = document.get("slots")
        vault_id = document.get("vault_id")
        if not isinstance(slots_raw, dict) or not isinstance(vault_id, str):
            raise VaultDamaged("the vault key file is damaged (no key slots)")
        key_file = cls(vault_id=vault_id)
        for name, raw_wrap in slots_raw.items():
            if not isinstance(raw_wrap, dict) or not isinstance(raw_wrap.get("kdf"), dict):
                raise VaultDamaged(f"the vault key file is damaged ({name} entry)")
            key_file.slots[name] = Wrap(
                kdf=raw_wrap["kdf"],
                nonce=_unb64(raw_wrap.get("nonce"), f"the {name} nonce"),
                ciphertext=_unb64(raw_wrap.get("ciphertext"), f"the {name} ciphertext"),
            )
        return key_file

    @classmethod
    def read(cls, path: Path) -> KeyFile:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise VaultNotFound(
                f"no vault in {path.parent}: create one with `rjdesk init --name NAME`"
            ) from None
        return cls.from_bytes(raw)

    def write(self, path: Path) -> None:
        atomic_write(path, self.to_bytes())


def _kdf_params(kdf: dict[str, Any]) -> KdfParams:
    try:
        params = KdfParams(int(kdf["memory_kib"]), int(kdf["iterations"]), int(kdf["lanes"]))
    except (KeyError, TypeError, ValueError):
        raise VaultDamaged("the vault key file is damaged (KDF parameters)") from None
    if kdf.get("name") != "argon2id" or not (
        8 * params.lanes <= params.memory_kib <= MAX_MEMORY_KIB
        and 1 <= params.iterations <= MAX_ITERATIONS
        and 1 <= params.lanes <= 64
    ):
        raise VaultDamaged("the vault key file is damaged (KDF parameters out of range)")
    return params


def _recovery_kek(secret: bytes, salt: bytes) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=salt, info=b"rjdesk vault recovery wrap"
    ).derive(secret)
