"""`case import` refuses, in one line naming the field, text that could do harm (issue 11)."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from rjdesk.services import case_text, importer, queries
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk_protocol.errors import CaseImportError
from tests.conftest import NEIGHBOUR_DISPUTE, CliRunner

Doc = dict[str, Any]


def _example() -> Doc:
    document: Doc = json.loads(NEIGHBOUR_DISPUTE.read_text("utf-8"))
    return document


def _import(vault: Vault, raw: bytes) -> str:
    with vault.unit_of_work() as uow:
        return importer.import_case(uow, raw).reference


def _refused(vault: Vault, document: Doc | bytes) -> str:
    raw = document if isinstance(document, bytes) else json.dumps(document).encode()
    with pytest.raises(CaseImportError) as refused:
        _import(vault, raw)
    with vault.reader() as session:
        assert queries.count_cases(session) == 0, "a refused file imports nothing"
    message = str(refused.value)
    assert "\n" not in message
    return message


def test_a_key_given_twice_is_refused_naming_it(vault: Vault) -> None:
    raw = NEIGHBOUR_DISPUTE.read_text("utf-8")
    top = raw.replace('"case_type":', '"case_type": "crime", "case_type":', 1)
    assert _refused(vault, top.encode()).startswith("case_type: is given twice")
    person = _example()
    text = json.dumps(person).replace('"name": ', '"name": "Someone else", "name": ', 1)
    message = _refused(vault, text.encode())
    assert message.startswith("referral.referrer.name: is given twice"), message


@pytest.mark.parametrize(
    ("field", "value", "shown"),
    [
        ("name", "Sam\x1b[2J Smith", "U+001B"),
        ("name", "Sam\nSmith", "U+000A"),
        ("name", "Sam\tSmith", "U+0009"),
        ("name", "Sam\x9bSmith", "U+009B"),
        ("name", "Sam\x00Smith", "U+0000"),
    ],
)
def test_a_control_character_in_a_name_is_refused(
    vault: Vault, field: str, value: str, shown: str
) -> None:
    document = _example()
    document["participants"][0]["person"][field] = value
    message = _refused(vault, document)
    assert message.startswith(f"participants[0].person.{field}: holds a control character"), message
    assert shown in message and "multi-line" in message


def test_a_control_character_in_a_one_line_field_is_refused(vault: Vault) -> None:
    document = _example()
    document["referral"]["location"] = "Outside 14\rGrove Road"
    assert _refused(vault, document).startswith("referral.location: holds a control character")


@pytest.mark.parametrize("char", ["\u202e", "\u202a", "\u202d", "\u2066", "\u2067", "\u2069"])
def test_a_bidirectional_override_or_isolate_in_a_name_is_refused(vault: Vault, char: str) -> None:
    document = _example()
    document["participants"][1]["person"]["name"] = f"Sam {char}htimS"
    message = _refused(vault, document)
    assert message.startswith("participants[1].person.name: holds a bidirectional override")
    assert f"U+{ord(char):04X}" in message


def test_tab_and_newline_are_taken_in_multi_line_fields_and_other_controls_are_not(
    vault: Vault,
) -> None:
    document = _example()
    document["contacts"][0]["notes"] = "Said:\n\tthe gate\r\nis\u202bשלום\u202c fine."
    bad = json.loads(json.dumps(document))
    bad["contacts"][0]["notes"] += "\x07"
    assert _refused(vault, bad).startswith("contacts[0].notes: holds a control character (U+0007)")
    reference = _import(vault, json.dumps(document).encode())
    with vault.reader() as session:
        notes = [c.notes for c in load_case(session, reference).contacts]
    assert "Said:\n\tthe gate\r\nis\u202bשלום\u202c fine." in notes


@pytest.mark.parametrize("where", ["summary", "name"])
def test_a_lone_surrogate_is_refused_not_an_unexpected_error(vault: Vault, where: str) -> None:
    document = _example()
    if where == "summary":
        document["referral"]["summary"] = "Broken \ud83d text"
        path = "referral.summary"
    else:
        document["participants"][0]["person"]["name"] = "\udc80"
        path = "participants[0].person.name"
    # json.dumps writes the surrogate as the escape \ud83d, as a broken editor would.
    message = _refused(vault, document)
    assert message.startswith(f"{path}: holds a lone surrogate"), message


def test_nesting_deeper_than_the_format_is_refused_not_a_recursion_error(vault: Vault) -> None:
    deep = 200_000
    raw = json.dumps(_example())
    raw = raw.replace('"summary": ', '"summary": ' + "[" * deep + "]" * deep + ', "x": ', 1)
    message = _refused(vault, raw.encode())
    assert message.startswith("referral.summary[0][0][0]: nests deeper than the case"), message
    just_too_deep = _example()
    just_too_deep["contacts"][0]["addenda"] = [{"text": [["too deep"]]}]
    message = _refused(vault, just_too_deep)
    assert message.startswith("contacts[0].addenda[0].text: nests deeper"), message


def test_the_deepest_parts_of_the_format_still_fit() -> None:
    # An addendum's text is as deep as the format goes: one level more is refused above.
    document = _example()
    document["contacts"][0]["addenda"] = [{"text": "fine"}]
    case_text.load(json.dumps(document))


@pytest.mark.parametrize(
    ("path", "limit"),
    [
        (("referral", "summary"), case_text.SUMMARY_LIMIT),
        (("contacts", 0, "notes"), case_text.NOTES_LIMIT),
        (("agreement", "actions", 0, "action"), case_text.ACTION_LIMIT),
        (("participants", 0, "person", "name"), case_text.ONE_LINE_LIMIT),
    ],
)
def test_text_over_its_documented_limit_is_refused_and_at_the_limit_taken(
    vault: Vault, path: tuple[str | int, ...], limit: int
) -> None:
    def with_text(length: int) -> Doc:
        document = _example()
        target: Any = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = "x" * length
        return document

    message = _refused(vault, with_text(limit + 1))
    assert message.startswith(case_text.json_path(path) + f": is {limit + 1:,} characters long")
    assert f"at most {limit:,}" in message
    case_text.check_text(with_text(limit))  # exactly at the limit: taken


def test_a_huge_summary_is_refused_in_moments(vault: Vault) -> None:
    document = _example()
    document["referral"]["summary"] = "x" * (30 * 2**20)
    started = time.monotonic()
    assert _refused(vault, document).startswith("referral.summary: is 31,457,280 characters")
    document["referral"]["summary"] = "x" * (50 * 2**20)
    assert "the file is over 32 MiB" in _refused(vault, document)
    assert time.monotonic() - started < 20


def test_the_command_line_says_so_in_one_line(cli: CliRunner, tmp_path: Any) -> None:
    assert cli("init", "--name", "Alex Morgan").code == 0
    document = _example()
    document["participants"][0]["person"]["name"] = "\udc80\u202e"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), "utf-8")
    result = cli("case", "import", str(bad))
    assert result.code == 1
    assert result.stderr.startswith("rjdesk: participants[0].person.name: holds a lone")
    assert result.stderr.count("\n") == 1 and "unexpected" not in result.stderr
