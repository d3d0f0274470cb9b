"""Case references that are unique without a network: ``RJ-26-K7QXM-0042``.

RJ, the two-digit year, this device's five-character code (from its signing key's fingerprint,
checked for uniqueness when the hub enrols the device) and this device's running number for the
year. Two laptops offline on the same day can never hand out the same reference.
"""

from __future__ import annotations

import hashlib
import re

_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
DEVICE_CODE_LENGTH = 5
REFERENCE_PATTERN = re.compile(r"^RJ-(\d{2})-([0-9A-HJKMNP-TV-Z]{5})-(\d{4,})$")


def device_code_for(public_key: bytes) -> str:
    """Five Crockford base32 characters (25 bits) of SHA-256 of the device's public key."""
    number = int.from_bytes(hashlib.sha256(public_key).digest()[:4], "big") >> 7
    return "".join(
        _CROCKFORD[(number >> (5 * i)) & 31] for i in reversed(range(DEVICE_CODE_LENGTH))
    )


def format_reference(year: int, device_code: str, number: int) -> str:
    return f"RJ-{year % 100:02d}-{device_code}-{number:04d}"


def is_reference(text: str) -> bool:
    return REFERENCE_PATTERN.match(text.strip().upper()) is not None
