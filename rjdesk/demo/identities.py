"""Made-up identities: names, dates of birth, phone numbers in Ofcom's drama ranges (07700
900xxx, 0121 496 0xxx), addresses with invented postcodes, example.org email addresses, and
signatures, drawn from one random stream."""

from __future__ import annotations

import random
import struct
import zlib
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import TypeVar

from rjdesk.demo.people import ACCESS_NEEDS, COMMUNITIES, Community
from rjdesk.demo.places import FLAT_BLOCKS, POSTCODE_LETTERS
from rjdesk.domain.text import fold
from rjdesk.services.people import PersonDetails

T = TypeVar("T")


@dataclass(frozen=True)
class Made:
    """A made-up person: the details a referral gives, and what the notes need."""

    details: PersonDetails
    first: str
    community: Community
    female: bool

    @property
    def surname(self) -> str:
        return self.details.name.split(" ", 1)[1]


class Identities:
    """Names, dates of birth, phone numbers and addresses from one random stream, and the
    people already used, so that some come back in later cases ("revolving door")."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.known: dict[bool, list[PersonDetails]] = {False: [], True: []}

    def pick(self, weights: dict[T, int]) -> T:
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def phone(self) -> str:
        """A mobile number in Ofcom's drama range, typed with or without the space."""
        number = f"07700 900{self.rng.randint(0, 999):03d}"
        return number if self.rng.random() < 0.8 else number.replace(" ", "")

    def office_phone(self) -> str:
        return f"0121 496 0{self.rng.randint(0, 999):03d}"

    def address(self, street: str, district: str, number: int | None = None) -> str:
        rng = self.rng
        inward = f"{rng.randint(1, 9)}{''.join(rng.choices(POSTCODE_LETTERS, k=2))}"
        if number is None and rng.random() < 0.2:
            flat = f"Flat {rng.randint(1, 40)}, {rng.choice(FLAT_BLOCKS)}"
            return f"{flat}, {street}, Birmingham {district} {inward}"
        return f"{number or rng.randint(1, 220)} {street}, Birmingham {district} {inward}"

    def person(
        self,
        on: date,
        *,
        years: tuple[int, int] = (19, 78),
        young: bool = False,
        like: Made | None = None,
        community: Community | None = None,
        female: bool | None = None,
        address: str | None = None,
    ) -> Made:
        """Someone aged ``years`` on ``on``; ``like`` makes them family of that person."""
        rng = self.rng
        community = like.community if like else community
        community = community or self.pick({c: c.weight for c in COMMUNITIES})
        female = rng.random() < 0.5 if female is None else female
        names = community.female if female else community.male
        # Family members never share a first name with the person they are family of.
        first = rng.choice([name for name in names if not like or name != like.first])
        surname = like.surname if like else rng.choice(community.surnames)
        male_form, _, female_form = surname.partition("|")
        surname = (female_form or male_form) if female else male_form
        age = rng.randint(*years)
        language = "en"
        if not young and rng.random() < community.home_language:
            language = community.language
        email = None
        if not young and rng.random() < 0.3:
            handle = "".join(ch for ch in fold(f"{first}.{surname}") if ch.isalnum() or ch == ".")
            email = f"{handle}{rng.randint(1, 99)}@example.org"
        details = PersonDetails(
            name=f"{first} {surname}",
            date_of_birth=on - timedelta(age * 365 + rng.randint(1, 360))
            if young or rng.random() < 0.85
            else None,
            phone=self.phone() if not young or rng.random() < 0.7 else None,
            email=email,
            address=address,
            language=language,
            interpreter=language != "en" and rng.random() < community.interpreter,
            access_needs=rng.choice(ACCESS_NEEDS) if rng.random() < 0.12 else "",
        )
        return Made(details, first, community, female)

    def returning(self, made: Made, young: bool) -> Made:
        """Someone from an earlier case, typed in again: the same name with the same date of
        birth or phone, so that the "seen before" check matches them."""
        if not self.known[young]:
            return made
        known = self.rng.choice(self.known[young])
        keep_phone = known.date_of_birth is None or self.rng.random() < 0.5
        moved = self.rng.random() < 0.5
        details = replace(
            made.details,
            name=known.name,
            date_of_birth=known.date_of_birth,
            phone=known.phone if keep_phone and known.phone else made.details.phone,
            address=made.details.address if moved else known.address,
        )
        return replace(made, details=details, first=known.name.split(" ", 1)[0])


@cache
def signature_png(seed: int) -> bytes:
    """A small grey-scale PNG of a pen stroke: what a signature pad captures."""
    width, height = 120, 36
    rows = [bytearray(b"\xff" * width) for _ in range(height)]
    for x in range(6, width - 6):
        y = int(height / 2 + 10 * ((x * (seed + 3)) % 17 - 8) / 8 * ((x % 23) / 23))
        rows[max(0, min(height - 1, y))][x] = 0

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    image = zlib.compress(b"".join(b"\x00" + bytes(row) for row in rows))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    ihdr, idat, iend = chunk(b"IHDR", header), chunk(b"IDAT", image), chunk(b"IEND", b"")
    return b"\x89PNG\r\n\x1a\n" + ihdr + idat + iend


def mailbox(organisation: str | None) -> str:
    """A made-up office address: ``pioneer.group.housing@example.org``."""
    parts = [part for part in fold(organisation or "referrals").split() if part.isalnum()]
    return ".".join(parts[:3]) + "@example.org"
