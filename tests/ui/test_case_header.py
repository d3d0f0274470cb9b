"""The case header: what a facilitator sees above every tab, here its Victims' Code part."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pytestqt.qtbot import QtBot

from rjdesk.app.people import record_rj_information
from rjdesk.services import cases
from rjdesk.store.vault import Vault
from rjdesk.ui.case.workspace import CaseWorkspace
from rjdesk.ui.toolkit.context import UiContext
from rjdesk_protocol.enums import CaseType, Channel, ReferralSource, Role
from tests.services.builders import person
from tests.ui.conftest import wait_for_db


def _two_harmed(vault: Vault, received_on: date) -> tuple[str, dict[str, str]]:
    """A neighbour dispute in which both neighbours were harmed (and caused harm)."""
    with vault.unit_of_work() as uow:
        case = cases.create_case(
            uow,
            cases.Referral(
                case_type=CaseType.NEIGHBOUR_DISPUTE,
                received_on=received_on,
                source=ReferralSource.HOUSING_PROVIDER,
                channel=Channel.PHONE,
                summary="Music after 11pm and a gate that bangs.",
            ),
        )
        marcia = person(uow, case, "Marcia Bennett", Role.BOTH)
        lukasz = person(uow, case, "Łukasz Nowak", Role.BOTH)
        person(uow, case, "Zoë Nowak", Role.SUPPORTER, supports=lukasz, relationship="partner")
        return case.id, {"Marcia Bennett": marcia.id, "Łukasz Nowak": lukasz.id}


def _header(ctx: UiContext, case_id: str, qtbot: QtBot) -> CaseWorkspace:
    page = CaseWorkspace(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 700)
    page.show()
    page.open(case_id, "people")
    wait_for_db(qtbot, ctx)
    assert page.snapshot is not None
    return page


def test_the_victims_code_header_names_every_harmed_person(
    ctx: UiContext, vault: Vault, qtbot: QtBot, tmp_path: Path
) -> None:
    # Received on 1 October: by 20 November both deadlines have long passed.
    case_id, ids = _two_harmed(vault, date(2026, 10, 1))
    page = _header(ctx, case_id, qtbot)
    line = page.ui.victimsCode.text()
    assert line == (
        "Victims' Code overdue: RJ information for Marcia Bennett and Łukasz Nowak"
        " was due 8 Oct 2026"
    )
    assert "Zoë Nowak" not in line, "a supporter has no Victims' Code deadline"
    tooltip = page.ui.victimsCode.toolTip()
    assert "Marcia Bennett" in tooltip and "Łukasz Nowak" in tooltip
    # A long line wraps instead of making the window wider than a 13-inch screen.
    label = page.ui.victimsCode
    assert label.minimumSizeHint().width() < label.fontMetrics().horizontalAdvance(line)
    page.grab().save(str(tmp_path / "header-two-overdue.png"))

    # Marcia is given the information today (late); Łukasz is still waiting for it.
    record_rj_information(vault, case_id, ids["Marcia Bennett"], date(2026, 11, 20))
    ctx.signals.case_changed.emit(case_id)
    wait_for_db(qtbot, ctx)
    assert page.ui.victimsCode.text() == (
        "Victims' Code overdue: RJ information for Łukasz Nowak was due 8 Oct 2026; "
        "RJ information reached Marcia Bennett late"
    )


def test_a_fresh_referral_names_both_people_still_to_be_told(
    ctx: UiContext, vault: Vault, qtbot: QtBot
) -> None:
    case_id, ids = _two_harmed(vault, date(2026, 11, 19))
    page = _header(ctx, case_id, qtbot)
    assert page.ui.victimsCode.text() == (
        "Victims' Code: RJ information for Marcia Bennett and Łukasz Nowak due by 26 Nov 2026"
    )
    record_rj_information(vault, case_id, ids["Łukasz Nowak"], date(2026, 11, 20))
    ctx.signals.case_changed.emit(case_id)
    wait_for_db(qtbot, ctx)
    assert page.ui.victimsCode.text() == (
        "Victims' Code: RJ information for Marcia Bennett due by 26 Nov 2026; "
        "given to Łukasz Nowak in time"
    )
    record_rj_information(vault, case_id, ids["Marcia Bennett"], date(2026, 11, 20))
    ctx.signals.case_changed.emit(case_id)
    wait_for_db(qtbot, ctx)
    assert page.ui.victimsCode.text() == "Victims' Code: met"
