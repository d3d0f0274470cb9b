"""A case's history through rjdesk.app: its audit events, newest first, in words."""

from __future__ import annotations

from rjdesk.app import closing
from rjdesk.app.history import case_events, readable
from rjdesk.services import importer
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import ClosureReason
from tests.conftest import FACILITATOR, HATE_CRIME


def test_events_come_newest_first_in_words(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = importer.import_case(uow, HATE_CRIME.read_bytes())
        case_id, reference = case.id, case.reference
    closing.close_case(vault, case_id, ClosureReason.DECLINED)

    rows = case_events(vault, reference)
    assert rows[0].what == "Stage changed"
    assert rows[0].detail == "assessment → closed"
    assert rows[0].when == "20 Nov 2026, 12:00"  # noon in London (GMT in November)
    assert rows[-1].what == "Case opened"
    assert "Case imported" in [row.what for row in rows]
    assert {row.who for row in rows} == {FACILITATOR}
    assert all("_" not in row.what for row in rows)


def test_details_read_as_words() -> None:
    assert readable("status: not_done") == "status: not done"
    assert readable("Marcia Bennett (captured)") == "Marcia Bennett (on screen)"
    assert readable("Marcia Bennett (paper)") == "Marcia Bennett (on paper)"


def test_an_unknown_case_has_no_history(vault: Vault) -> None:
    assert case_events(vault, "RJ-26-XXXXX-0001") == ()
