"""Folding and normalisation of names, phone numbers and addresses, the laptop's and the hub's.

Facilitators search for people as they hear them ("Zoe", "Lukasz Nowak") and the case file has
to say when a person has been seen before even if their details were typed differently. Every
function here is applied the same way to the stored text and to what is typed, so the keys
only need to agree with each other, not to be pretty.
"""

from __future__ import annotations

import re
import unicodedata

# Letters that have no Unicode decomposition to a plain Latin letter, plus the typographic
# apostrophes people paste from word processors. Upper-case forms are covered by casefold.
_FOLD_TABLE = str.maketrans(
    {
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "þ": "th",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
        "ħ": "h",
        "ŧ": "t",
        "ŀ": "l",
        "ĸ": "k",
        "ŋ": "n",
        # Beyond Latin Extended-A, the letters of names from Azerbaijani and West African
        # languages (Hausa, Fula, Twi, Ewe, Yoruba) that facilitators meet.
        "ə": "e",
        "ǝ": "e",
        "ɛ": "e",
        "ɔ": "o",
        "ɓ": "b",
        "ɗ": "d",
        "ɖ": "d",
        "ƙ": "k",
        "ƴ": "y",
        "ƒ": "f",
        "ʋ": "v",
        "ɨ": "i",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
    }
)


def _strip_latin_accents(text: str) -> str:
    """Drop combining marks that follow a Latin letter in NFKD text.

    Marks on other scripts are kept: in Cyrillic й is a different letter from и, and an
    Indic virama changes the letters themselves.
    """
    kept: list[str] = []
    after_latin = False
    for char in text:
        if unicodedata.category(char).startswith("M"):
            if after_latin:
                continue
        else:
            after_latin = unicodedata.name(char, "").startswith("LATIN ")
        kept.append(char)
    return "".join(kept)


def fold(text: str) -> str:
    """Return ``text`` lower-cased and folded to plain letters for search.

    Accents on Latin letters are dropped (``Zoë`` → ``zoe``, ``Nguyễn`` → ``nguyen``), Latin
    letters without a decomposition are spelled out (``Łukasz`` → ``lukasz``, ``ß`` → ``ss``)
    and typographic apostrophes become ``'``. Text in other scripts is kept, lower-cased.
    """
    # Case folding and the table run before NFKD (which would turn ŀ into "l·") and again
    # after it, because NFKD exposes more: the ʼ inside ŉ, the capital Æ inside ᴭ.
    text = text.casefold().translate(_FOLD_TABLE)
    decomposed = unicodedata.normalize("NFKD", text).casefold().translate(_FOLD_TABLE)
    stripped = _strip_latin_accents(decomposed)
    # Recompose whatever is left so that, say, Hangul syllables come back whole.
    return unicodedata.normalize("NFC", stripped).casefold()


def _is_word_char(char: str) -> bool:
    # Marks stay with their word, so Indic and Arabic words are not cut in pieces.
    return unicodedata.category(char)[0] in "LNM"


def _words(text: str) -> list[str]:
    """Split already-folded text on every character that is not a letter, digit or mark."""
    words: list[str] = []
    current: list[str] = []
    for char in text:
        if _is_word_char(char):
            current.append(char)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def search_terms(query: str) -> list[str]:
    """Split what was typed in a search box into folded word tokens.

    Anything that is not a letter or digit separates tokens, so a case reference
    ``RJ-26-K7QXM-0042`` gives ``["rj", "26", "k7qxm", "0042"]`` and, tokenised the same way,
    still matches the stored reference. Blank input gives ``[]``.
    """
    return _words(fold(query))


_TITLES = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr"})


def name_key(name: str) -> str:
    """Return a key under which differently typed versions of one person's name agree.

    Folded, apostrophes removed (``O'Brien`` = ``OBrien``), other punctuation such as hyphens
    treated as spaces, leading titles dropped and spaces collapsed:
    ``"Mr Łukasz  Nowak"`` → ``"lukasz nowak"``.
    """
    words = _words(fold(name).replace("'", ""))
    # A lone "Miss" is kept: it is all the name there is.
    while len(words) > 1 and words[0] in _TITLES:
        words.pop(0)
    return " ".join(words)


_UK_NATIONAL_DIGITS = 10


def phone_key(phone: str | None) -> str | None:
    """Return the digits of a phone number in UK national form, or ``None``.

    ``+44 7700 900412``, ``0044 7700 900412`` and ``07700 900412`` all give ``07700900412``;
    a ``(0)`` written after ``+44`` is allowed for. ``None`` when fewer than ten digits.
    """
    if phone is None:
        return None
    digits = "".join(str(unicodedata.decimal(char)) for char in phone if char.isdecimal())
    for prefix in ("0044", "44"):
        if not digits.startswith(prefix):
            continue
        rest = digits[len(prefix) :]
        if len(rest) == _UK_NATIONAL_DIGITS + 1 and rest.startswith("0"):
            rest = rest[1:]
        if len(rest) == _UK_NATIONAL_DIGITS:
            digits = "0" + rest
            break
    if len(digits) < _UK_NATIONAL_DIGITS:
        return None
    return digits


# Outward code A9, A99, AA9, AA99, A9A or AA9A, then the inward code 9AA. ASCII only, because
# with IGNORECASE alone [A-Z] would also accept the Kelvin sign and the long s.
_POSTCODE = re.compile(
    r"(?<![a-z0-9])([a-z]{1,2}[0-9][a-z0-9]?)[^\S\r\n]*([0-9][a-z]{2})(?![a-z0-9])",
    re.IGNORECASE | re.ASCII,
)


def postcode_key(address: str | None) -> str | None:
    """Find a full UK postcode in free text and return it upper-case without spaces.

    ``"b35 7nl"`` → ``"B357NL"``. An outward code on its own (``"Birmingham B19"``) is not
    enough to identify anywhere, so it gives ``None``.
    """
    if address is None:
        return None
    match = _POSTCODE.search(fold(address))
    if match is None:
        return None
    return (match.group(1) + match.group(2)).upper()


_NUMBER = r"[0-9]+[a-z]?(?![a-z0-9])"
_FLAT = re.compile(
    rf"\b(?:flat|apartment|apt|unit|room|maisonette)\b\.?\s*(?:no\.?\s*)?({_NUMBER}|[a-z]\b)",
    re.ASCII,
)
_HOUSE = re.compile(rf"(?<![a-z0-9]){_NUMBER}", re.ASCII)


def address_key(address: str | None) -> str | None:
    """Return a key for the dwelling an address describes, or ``None``.

    The house number (with any letter suffix) joined to the postcode:
    ``"14 Farnborough Road, Birmingham B35 7NL"`` → ``"14|B357NL"``. A flat is written before a
    slash: ``"Flat 3, 14 Farnborough Road, B35 7NL"`` → ``"3/14|B357NL"``. ``None`` without a
    full postcode or without any number (a flat letter alone is not enough).
    """
    if address is None:
        return None
    folded = fold(address)
    postcode = _POSTCODE.search(folded)
    if postcode is None:
        return None
    # The postcode's own digits must not be mistaken for the house number.
    rest = folded[: postcode.start()] + " " + folded[postcode.end() :]
    flat = _FLAT.search(rest)
    if flat is not None:
        rest = rest[: flat.start()] + " " + rest[flat.end() :]
    house = _HOUSE.search(rest)
    number = house.group(0) if house is not None else ""
    if flat is not None:
        number = f"{flat.group(1)}/{number}"
    # "Flat B, Rose Court" alone has no number to tell the dwelling apart by.
    if not any(char.isdigit() for char in number):
        return None
    return f"{number}|{(postcode.group(1) + postcode.group(2)).upper()}"
