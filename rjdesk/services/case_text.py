"""What a case file must be before its fields are read (docs/case-format.md, "Text").

A case file comes from outside: another vault, another program, a USB stick. Before the JSON
Schema and the rules see it, the file is read so that nothing in it can do more than be refused
in one line naming the field:

- no file over ``MAX_FILE_BYTES``, and no nesting deeper than the format has (``MAX_DEPTH``):
  deeper nesting would exhaust Python's recursion before anything could name it;
- no object with the same key twice (JSON parsers disagree on which one wins);
- no lone surrogate (it is not text: it cannot be stored or printed);
- no control character in a name or a one-line field, nor a bidirectional override or isolate
  (U+202A to U+202E, U+2066 to U+2069), which can make a name read as something else; tab and
  newline are taken only in multi-line fields;
- no text longer than its limit (``limit_of``): a 50 MB summary would otherwise take minutes to
  import and a case summary PDF that never finishes.
"""

from __future__ import annotations

import json
import re
from typing import Any

from rjdesk_protocol.characters import (
    BIDI_CONTROLS,
    CONTROLS,
    CONTROLS_BUT_LINE_BREAKS,
    SURROGATES,
)
from rjdesk_protocol.errors import CaseImportError

MAX_FILE_BYTES = 32 * 1024 * 1024
# The deepest the format goes: the file, contacts, a contact, its addenda, an addendum (and the
# same for agreements and their actions).
MAX_DEPTH = 5

SUMMARY_LIMIT = 20_000
NOTES_LIMIT = 100_000
ACTION_LIMIT = 2_000
ONE_LINE_LIMIT = 1_000
IMAGE_LIMIT = 4_000_000  # a signature as base64 PNG (about 3 MB)
SUMMARY_FIELDS = frozenset({"summary"})
NOTES_FIELDS = frozenset(
    {
        "notes",
        "next_steps",
        "concern",
        "action_taken",
        "access_needs",
        "check_note",
        "withdrawal_note",
        "note",
        "text",
        "comment",  # a participant's feedback
    }
)
ACTION_FIELDS = frozenset({"action"})
MULTI_LINE_FIELDS = SUMMARY_FIELDS | NOTES_FIELDS | ACTION_FIELDS
# Written by `case show --json` and ignored on import: checked for shape only.
IGNORED_SECTION = "rjdesk"

_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{},:]')
_SURROGATE = re.compile(f"[{SURROGATES}]")
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")
_ONE_LINE_CONTROL = re.compile(f"[{CONTROLS}]")
_MULTI_LINE_CONTROL = re.compile(f"[{CONTROLS_BUT_LINE_BREAKS}]")


def json_path(parts: Any) -> str:
    """``participants[1].person.name`` for ``["participants", 1, "person", "name"]``."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def limit_of(field: str) -> int:
    """The most characters a text field may hold, by its name."""
    if field in SUMMARY_FIELDS:
        return SUMMARY_LIMIT
    if field in NOTES_FIELDS:
        return NOTES_LIMIT
    if field in ACTION_FIELDS:
        return ACTION_LIMIT
    if field == "image":
        return IMAGE_LIMIT
    return ONE_LINE_LIMIT


def load(raw: bytes | str) -> Any:
    """Parse a case file's JSON, refusing what the module doc lists before any field is read."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_FILE_BYTES:
            raise CaseImportError("", f"the file is over {MAX_FILE_BYTES // 2**20} MiB")
        try:
            # JSON's own detection (UTF-8 with or without a BOM, or UTF-16/32); surrogates
            # written as escapes are found below, by field.
            text = raw.decode(json.detect_encoding(raw))
        except UnicodeDecodeError:
            raise CaseImportError("", "the file is not UTF-8 text") from None
    else:
        text = raw
        if len(text) > MAX_FILE_BYTES:
            raise CaseImportError("", f"the file is over {MAX_FILE_BYTES // 2**20} MiB")
    _check_depth(text)
    try:
        document = json.loads(text, object_pairs_hook=_Object.from_pairs)
    except json.JSONDecodeError as exc:
        raise CaseImportError(
            "", f"not valid JSON (line {exc.lineno}, column {exc.colno})"
        ) from None
    except RecursionError:  # _check_depth stops this first; kept so it can never be a crash
        raise CaseImportError("", "nests deeper than the case format does") from None
    _check_keys(document, [])
    return document


def check_text(document: dict[str, Any]) -> None:
    """Refuse a lone surrogate, a control character out of place or text over its limit."""
    for key, value in document.items():
        if key != IGNORED_SECTION:
            _check_value(value, [key], key)


class _Object(dict[str, Any]):
    """A JSON object that remembers the first key it was given twice."""

    duplicate: str | None = None

    @classmethod
    def from_pairs(cls, pairs: list[tuple[str, Any]]) -> _Object:
        made = cls(pairs)
        if len(made) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    made.duplicate = key
                    break
                seen.add(key)
        return made


def _check_depth(text: str) -> None:
    """Refuse nesting deeper than ``MAX_DEPTH`` without recursing, naming where it goes."""
    frames: list[list[Any]] = []  # [kind, the key or index being read]
    last_string = ""
    for match in _TOKENS.finditer(text):
        mark = match.group()
        if mark in "{[":
            if len(frames) >= MAX_DEPTH:
                where = json_path(
                    _decoded(frame[1]) if frame[0] == "{" else frame[1]
                    for frame in frames
                    if frame[1] is not None
                )
                raise CaseImportError(
                    where, f"nests deeper than the case format does (at most {MAX_DEPTH} levels)"
                )
            frames.append([mark, None if mark == "{" else 0])
        elif mark in "}]":
            if frames:
                frames.pop()
        elif mark == ",":
            if frames and frames[-1][0] == "[":
                frames[-1][1] += 1
        elif mark == ":":
            if frames and frames[-1][0] == "{":
                frames[-1][1] = last_string
        else:
            last_string = mark


def _decoded(mark: str) -> str:
    try:
        return str(json.loads(mark))
    except ValueError:
        return "?"


def _check_keys(value: Any, path: list[str | int]) -> None:
    if isinstance(value, _Object):
        if value.duplicate is not None:
            raise CaseImportError(
                json_path([*path, value.duplicate]), "is given twice in the same object"
            )
        for key, item in value.items():
            _check_keys(item, [*path, key])
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_keys(item, [*path, index])


def _check_value(value: Any, path: list[str | int], field: str) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _check_string(key, [*path, key], "")
            _check_value(item, [*path, key], key)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _check_value(item, [*path, index], field)
    elif isinstance(value, str):
        _check_string(value, path, field)


def _check_string(text: str, path: list[str | int], field: str) -> None:
    surrogate = _SURROGATE.search(text)
    if surrogate:
        raise CaseImportError(
            json_path(path),
            f"holds a lone surrogate (U+{ord(surrogate.group()):04X}), which is not text",
        )
    multi_line = field in MULTI_LINE_FIELDS
    control = (_MULTI_LINE_CONTROL if multi_line else _ONE_LINE_CONTROL).search(text)
    if control:
        where = "" if multi_line else "; tab and newline belong only in multi-line fields"
        raise CaseImportError(
            json_path(path), f"holds a control character (U+{ord(control.group()):04X}){where}"
        )
    bidi = None if multi_line else _BIDI.search(text)
    if bidi:
        raise CaseImportError(
            json_path(path),
            f"holds a bidirectional override or isolate (U+{ord(bidi.group()):04X}), which "
            "can make it read as something else",
        )
    limit = limit_of(field)
    if len(text) > limit:
        raise CaseImportError(
            json_path(path), f"is {len(text):,} characters long; at most {limit:,} are taken"
        )
