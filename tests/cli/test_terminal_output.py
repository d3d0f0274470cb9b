"""The CLI never prints a raw control character: case text is escaped on the way out."""

from __future__ import annotations

import io
import json

from rjdesk.cli.output import TerminalSafe, escape_controls
from rjdesk.services import importer
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from tests.conftest import NEIGHBOUR_DISPUTE, CliRunner

# Clear the screen, a C1 CSI, a right-to-left override, an isolate, a bell and
# DEL: what a record from elsewhere (another laptop, an older import) may carry.
NASTY_NAME = "Mallory\x1b[2J\u202eevil\u2066x\u2069\x07\x9b31m\x7f"
NASTY_SUMMARY = "Line one\nline\ttwo\x1b]0;title\x07 and \u202dforced\u202c text"
RAW = ["\x1b", "\x9b", "\u202e", "\u2066", "\u2069", "\x07", "\x7f", "\u202d", "\u202c"]


def _raw_controls(text: str) -> list[str]:
    return [char for char in RAW if char in text] + [
        char for char in text if "\ud800" <= char <= "\udfff"
    ]


def _nasty_case(vault: Vault) -> str:
    with vault.unit_of_work() as uow:
        case = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes())
        reference = case.reference
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, reference)
        case.summary = NASTY_SUMMARY
        case.participants[0].person.name = NASTY_NAME
    vault.lock()
    return reference


def test_escaping_keeps_newlines_and_tabs_and_writes_the_rest_as_u_escapes() -> None:
    assert escape_controls("a\tb\nc") == "a\tb\nc"
    assert escape_controls("\x1b[2J\u202e\x9b\udc80") == "\\u001b[2J\\u202e\\u009b\\udc80"
    stream = io.StringIO()
    TerminalSafe(stream).write("x\x1by")
    assert stream.getvalue() == "x\\u001by"


def test_case_show_and_list_print_no_raw_control_characters(vault: Vault, cli: CliRunner) -> None:
    reference = _nasty_case(vault)
    shown = cli("case", "show", reference)
    assert shown.code == 0, shown.stderr
    assert _raw_controls(shown.stdout) == []
    assert "Mallory\\u001b[2J\\u202eevil" in shown.stdout
    assert "Line one\nline\ttwo\\u001b]0;title\\u0007" in shown.stdout, "newline and tab kept"
    listed = cli("case", "list")
    assert listed.code == 0, listed.stderr
    assert _raw_controls(listed.stdout) == [] and "Mallory\\u001b" in listed.stdout


def test_json_output_escapes_them_too_and_still_reads_back_unchanged(
    vault: Vault, cli: CliRunner
) -> None:
    reference = _nasty_case(vault)
    shown = cli("case", "show", reference, "--json")
    assert shown.code == 0, shown.stderr
    assert _raw_controls(shown.stdout) == []
    document = json.loads(shown.stdout)
    assert document["referral"]["summary"] == NASTY_SUMMARY
    listed = cli("case", "list", "--json")
    assert _raw_controls(listed.stdout) == []
    assert NASTY_NAME in json.loads(listed.stdout)[0]["parties"]


def test_an_error_message_echoing_what_was_typed_is_escaped(vault: Vault, cli: CliRunner) -> None:
    vault.lock()
    result = cli("case", "show", "RJ-\x1b[2J\u202eX")
    assert result.code == 1
    assert _raw_controls(result.stderr) == [] and result.stderr.count("\n") == 1, result.stderr
