"""An imported case's stage history carries the days its file gives, and does not pretend a
step it gives no day for happened on the import day (the vault's today is 20 Nov 2026)."""

from __future__ import annotations

import json
from datetime import date

from rjdesk.services import importer
from rjdesk.services.import_history import UNDATED_NOTE
from rjdesk.store.vault import Vault
from rjdesk_protocol.calendar import LONDON
from rjdesk_protocol.enums import Stage
from tests.conftest import HATE_CRIME, NEIGHBOUR_DISPUTE, TODAY


def history(vault: Vault, raw: bytes | str) -> list[tuple[Stage, date, str]]:
    with vault.unit_of_work() as uow:
        case = importer.import_case(uow, raw)
        case_id = case.id
    with vault.unit_of_work() as uow:
        case = uow.session.get_one(type(case), case_id)
        return [
            (change.to_stage, change.changed_at.astimezone(LONDON).date(), change.note)
            for change in case.stage_changes
        ]


def test_the_neighbour_dispute_keeps_the_days_of_its_referral_conference_and_signing(
    vault: Vault,
) -> None:
    steps = history(vault, NEIGHBOUR_DISPUTE.read_bytes())
    assert steps == [
        (Stage.REFERRAL, date(2026, 10, 14), ""),  # the day it was received
        (Stage.AGREEMENT, date(2026, 11, 4), "conference recorded"),  # the conference
        (Stage.FOLLOW_UP, date(2026, 11, 4), "agreement version 1 signed"),  # last signature
    ]
    assert all(day != TODAY for _, day, _ in steps)


def test_a_stage_the_file_gives_no_day_for_says_it_was_imported_there(vault: Vault) -> None:
    steps = history(vault, HATE_CRIME.read_bytes())
    assert steps[0][:2] == (Stage.REFERRAL, date(2026, 11, 10))
    assert steps[1:] == [(Stage.ASSESSMENT, TODAY, UNDATED_NOTE)]


def test_a_closed_case_is_closed_on_the_day_the_file_gives(vault: Vault) -> None:
    document = json.loads(HATE_CRIME.read_text(encoding="utf-8"))
    document["closure"] = {"reason": "withdrawn", "closed_on": "2026-11-16"}
    document.pop("stage", None)
    steps = history(vault, json.dumps(document))
    assert steps[-1][:2] == (Stage.CLOSED, date(2026, 11, 16))
