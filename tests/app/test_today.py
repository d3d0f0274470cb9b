"""Today through rjdesk.app: the due actions and reviews, the Victims' Code, recent cases."""

from __future__ import annotations

from rjdesk.app.cases import open_case
from rjdesk.app.today import today_overview
from rjdesk.services import importer
from rjdesk.store.vault import Vault
from tests.conftest import FACILITATOR, HATE_CRIME, NEIGHBOUR_DISPUTE, TODAY


def test_today_lists_what_is_due_and_the_cases_worked_on(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        hate = importer.import_case(uow, HATE_CRIME.read_bytes())
        hate_id, hate_reference = hate.id, hate.reference
        neighbours_id = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).id
    open_case(vault, neighbours_id, TODAY, viewed=True)

    today = today_overview(vault, TODAY)
    # The early hate crime case is past its Victims' Code deadline.
    assert [item.reference for item in today.victims_code] == [hate_reference]
    assert today.victims_code[0].overdue
    assert today.victims_code[0].case_id == hate_id
    assert today.totals["victims_code"] == 1
    assert {"follow_ups", "reviews"} <= set(today.totals)
    assert all(item.case_id == neighbours_id for item in today.follow_ups + today.reviews)
    # Opened last, listed first.
    assert [row.id for row in today.recent] == [neighbours_id, hate_id]


def test_recent_cases_are_the_facilitators_own(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        importer.import_case(uow, HATE_CRIME.read_bytes())
    assert len(today_overview(vault, TODAY, actor=FACILITATOR).recent) == 1
    assert today_overview(vault, TODAY, actor="Someone Else").recent == ()


def test_an_empty_vault_has_nothing_due(vault: Vault) -> None:
    today = today_overview(vault, TODAY)
    assert today.follow_ups == today.reviews == today.victims_code == ()
    assert today.recent == ()
    assert set(today.totals.values()) == {0}
