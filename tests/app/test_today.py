"""Today through rjdesk.app: the due actions and reviews, the Victims' Code, recent cases."""

from __future__ import annotations

import json
from datetime import date

from rjdesk.app.cases import open_case
from rjdesk.app.today import today_overview
from rjdesk.domain.labels import SHARED_ACTION
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
    assert {"overdue", "due"} <= set(today.totals)
    assert all(item.case_id == neighbours_id for item in today.overdue + today.due)
    # Opened last, listed first.
    assert [row.id for row in today.recent] == [neighbours_id, hate_id]


def test_recent_cases_are_the_facilitators_own(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        importer.import_case(uow, HATE_CRIME.read_bytes())
    assert len(today_overview(vault, TODAY, actor=FACILITATOR).recent) == 1
    assert today_overview(vault, TODAY, actor="Someone Else").recent == ()


def test_an_empty_vault_has_nothing_due(vault: Vault) -> None:
    today = today_overview(vault, TODAY)
    assert today.overdue == today.due == today.victims_code == ()
    assert today.recent == ()
    assert set(today.totals.values()) == {0}


def test_the_weeks_list_holds_the_week_and_what_is_late_has_its_own(vault: Vault) -> None:
    """The neighbours' spring closer was due on Wednesday 18 November; their agreement is
    reviewed on Wednesday 25 November."""
    with vault.unit_of_work() as uow:
        importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes())

    friday = today_overview(vault, TODAY)
    assert [item.what for item in friday.overdue] == [
        "Fit a spring closer to the shared side gate."
    ]
    assert friday.overdue[0].overdue
    assert friday.overdue[0].who == "Łukasz Nowak"
    assert [(item.what, item.due_on) for item in friday.due] == [
        ("Review agreement version 1", date(2026, 11, 25))
    ]
    assert not friday.due[0].overdue
    assert friday.totals["overdue"] == friday.totals["due"] == 1

    # On the day itself the gate is due, not late; eight days ahead it is not in the week yet.
    on_the_day = today_overview(vault, date(2026, 11, 18))
    assert on_the_day.overdue == ()
    assert [item.due_on for item in on_the_day.due] == [date(2026, 11, 18), date(2026, 11, 25)]
    assert [item.due_on for item in today_overview(vault, date(2026, 11, 10)).due] == []
    assert [item.due_on for item in today_overview(vault, date(2026, 11, 11)).due] == [
        date(2026, 11, 18)
    ]

    # Months later both are late, the longest late first, and nothing is "due this week".
    in_january = today_overview(vault, date(2027, 1, 11))
    assert [item.due_on for item in in_january.overdue] == [
        date(2026, 11, 18),
        date(2026, 11, 25),
    ]
    assert in_january.due == ()


def test_an_agreement_review_names_the_people_who_signed_it(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes())
    (review,) = today_overview(vault, TODAY).due
    assert review.what == "Review agreement version 1"
    assert review.who == "Marcia Bennett, Łukasz Nowak"


def test_an_action_nobody_took_on_is_shared_not_the_facilitators(vault: Vault) -> None:
    """An action with no owner ("keep the peace") is everyone's who agreed it: Today says so,
    as the agreement and its PDF do, rather than name it the facilitator's promise."""
    document = json.loads(NEIGHBOUR_DISPUTE.read_text(encoding="utf-8"))
    gate = document["agreement"]["actions"][2]
    assert gate["action"] == "Fit a spring closer to the shared side gate."
    gate["by"] = "facilitator"  # the case file's word for an action with no owner
    with vault.unit_of_work() as uow:
        importer.import_case(uow, json.dumps(document))

    (late,) = today_overview(vault, TODAY).overdue
    assert late.what == "Fit a spring closer to the shared side gate."
    assert late.who == SHARED_ACTION
    assert late.who != "Facilitator"
