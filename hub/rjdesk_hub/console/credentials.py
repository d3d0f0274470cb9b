"""The console's credentials: Argon2id passwords, TOTP second factors, one-time recovery codes.

- **Passwords**: Argon2id (argon2-cffi) with 64 MiB of memory, 3 passes, 4 lanes, a 16-byte salt
  and a 32-byte hash (RFC 9106's second recommended option). A hash made with other parameters
  is replaced at the next right sign-in (``PasswordHasher.check_needs_rehash``).
- **TOTP** (RFC 6238 through pyotp: SHA-1, 6 digits, 30 seconds, as every authenticator app
  does): a 160-bit secret, sealed in the database with AES-256-GCM under a key derived from the
  hub's data key; a code is accepted one step either side of now, and never twice (the last
  accepted step is kept).
- **Recovery codes**: 10 per person, 50 random bits each, stored as HMAC-SHA256 under another
  derived key; each works once.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import string
from dataclasses import dataclass
from datetime import datetime

import pyotp
from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from rjdesk_hub.crypto import AtRest

# RFC 9106, section 4, second recommended option; argon2-cffi's defaults, stated here so that a
# change of library default never silently changes ours.
ARGON2_TIME_COST = 3
ARGON2_MEMORY_KIB = 64 * 1024
ARGON2_PARALLELISM = 4
PASSWORD_MIN = 12
PASSWORD_MAX = 256
TOTP_WINDOW_STEPS = 1
RECOVERY_CODES = 10
_RECOVERY_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"  # 32 symbols, no l, o, 0, 1
_RECOVERY_LENGTH = 10  # 50 bits


def password_hasher(
    time_cost: int = ARGON2_TIME_COST,
    memory_kib: int = ARGON2_MEMORY_KIB,
    parallelism: int = ARGON2_PARALLELISM,
) -> PasswordHasher:
    return PasswordHasher(
        time_cost=time_cost,
        memory_cost=memory_kib,
        parallelism=parallelism,
        hash_len=32,
        salt_len=16,
        type=Type.ID,
    )


class Passwords:
    """Hashes and checks passwords; checks an unknown name against a dummy hash so that its
    answer takes as long as a wrong password's."""

    def __init__(self, hasher: PasswordHasher | None = None) -> None:
        self.hasher = hasher or password_hasher()
        self._dummy = self.hasher.hash(secrets.token_urlsafe(24))

    def hash(self, password: str) -> str:
        return self.hasher.hash(password)

    def check(self, stored: str | None, password: str) -> bool:
        """Whether ``password`` matches ``stored`` (None: no such account; still as slow)."""
        try:
            return self.hasher.verify(stored or self._dummy, password) and stored is not None
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored: str) -> bool:
        return self.hasher.check_needs_rehash(stored)


def password_problem(password: str, confirm: str, name: str) -> str | None:
    """Why a new password is refused (one sentence), or None when it will do (ASVS 2.1)."""
    if password != confirm:
        return "The two passwords are not the same: type the new password twice."
    if len(password) < PASSWORD_MIN:
        return f"Choose a password of at least {PASSWORD_MIN} characters."
    if len(password) > PASSWORD_MAX:
        return f"Choose a password of at most {PASSWORD_MAX} characters."
    if name and name.casefold() in password.casefold():
        return "Choose a password that does not contain your sign-in name."
    return None


def one_time_password() -> str:
    """A password to type once, at a first sign-in: 4 groups of 5 (about 100 bits)."""
    groups = ("".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(5)) for _ in range(4))
    return "-".join(groups)


# -- TOTP --------------------------------------------------------------------------------------


def totp_aad(user_id: str) -> bytes:
    return f"rjdesk-hub console totp {user_id}".encode()


def new_totp_secret() -> str:
    return pyotp.random_base32(32)  # 160 bits, as RFC 4226 recommends


@dataclass(frozen=True)
class TotpSetup:
    """What a person types or scans into their authenticator, shown once."""

    secret: str
    uri: str

    @property
    def grouped(self) -> str:
        """The secret in groups of 4, easier to type."""
        return " ".join(self.secret[i : i + 4] for i in range(0, len(self.secret), 4))


def totp_setup(secret: str, name: str, issuer: str) -> TotpSetup:
    uri = pyotp.TOTP(secret).provisioning_uri(name=name, issuer_name=issuer)
    return TotpSetup(secret, uri)


def seal_totp(at_rest: AtRest, user_id: str, secret: str) -> bytes:
    return at_rest.seal(secret.encode("ascii"), totp_aad(user_id))


def open_totp(at_rest: AtRest, user_id: str, sealed: bytes) -> str:
    return at_rest.open(sealed, totp_aad(user_id)).decode("ascii")


def normalise_code(code: str) -> str:
    """A typed or pasted code without its spaces and hyphens, lower-case."""
    return "".join(c for c in code if not c.isspace() and c != "-").lower()


def is_totp_shaped(code: str) -> bool:
    return len(code) == 6 and all(c in string.digits for c in code)


def totp_step(secret: str, code: str, now: datetime, last_step: int) -> int | None:
    """The time step ``code`` belongs to (within one step of ``now``, after ``last_step``), or
    None: a wrong code, an old one, or one already used."""
    if not is_totp_shaped(code):
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now)
    found = None
    for step in range(current - TOTP_WINDOW_STEPS, current + TOTP_WINDOW_STEPS + 1):
        # Every candidate is compared, so the time taken does not say which one matched.
        if hmac.compare_digest(totp.generate_otp(step), code) and step > last_step:
            found = step
    return found


# -- recovery codes ----------------------------------------------------------------------------


def new_recovery_codes() -> list[str]:
    """``RECOVERY_CODES`` codes shown as ``xxxxx-xxxxx``."""
    codes = []
    for _ in range(RECOVERY_CODES):
        raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _ in range(_RECOVERY_LENGTH))
        codes.append(f"{raw[:5]}-{raw[5:]}")
    return codes


def recovery_hash(key: bytes, user_id: str, code: str) -> str:
    """The keyed hash a recovery code is stored as (``code`` as typed: normalised here)."""
    message = f"{user_id}\n{normalise_code(code)}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def is_recovery_shaped(code: str) -> bool:
    return len(code) == _RECOVERY_LENGTH and all(c in _RECOVERY_ALPHABET for c in code)


def name_hash(key: bytes, name: str) -> str:
    """The keyed hash failed sign-ins are counted under: never the typed name itself."""
    return hmac.new(key, fold_name(name).encode(), hashlib.sha256).hexdigest()


def fold_name(name: str) -> str:
    return name.strip().casefold()
