"""The Overview tab says where a case came from (issue 15): a partner's link with the
organisation, the online form, a phone call to the hub, or a facilitator's own referral (also
for a case made before cases said so), over a real vault; the text is its accessible name."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk.ui.case.overview.tab import OverviewPane
from rjdesk.ui.toolkit.context import UiContext
from rjdesk_protocol.enums import Origin
from tests.services.builders import referral
from tests.ui.conftest import reload_on_change, show


def _shown(ctx: UiContext, vault: Vault, qtbot: QtBot, origin: Origin | None, org: str) -> str:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        case_id = case.id
    with vault.unit_of_work() as uow:  # as a hub bundle writes it: the hub's fields
        found = load_case(uow.session, case_id)
        found.origin = origin
        found.referrer_organisation = org or None
    pane = OverviewPane(ctx)
    qtbot.addWidget(pane)
    reload_on_change(pane, ctx)
    show(pane, ctx, case_id)
    value = pane.came_from.value
    assert pane.came_from.label.text() == "Came from:"
    assert pane.came_from.label.buddy() is value
    assert value.accessibleName() == f"Came from: {value.text()}"
    return value.text()


@pytest.mark.parametrize(
    "shown",
    [
        (Origin.PARTNER_LINK, "Northshire Police", "a partner's link (Northshire Police)"),
        (Origin.PUBLIC_FORM, "", "the online referral form"),
        (Origin.HUB_PHONE, "", "a phone call to the hub"),
        (
            Origin.FACILITATOR,
            "Riverside Housing",
            "a facilitator's own referral (Riverside Housing)",
        ),
        (None, "", "a facilitator's own referral"),
    ],
)
def test_the_overview_says_where_the_case_came_from(
    ctx: UiContext,
    vault: Vault,
    qtbot: QtBot,
    shown: tuple[Origin | None, str, str],
) -> None:
    origin, organisation, expected = shown
    assert _shown(ctx, vault, qtbot, origin, organisation) == expected


def test_a_case_of_the_wizard_is_the_facilitators_own(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)
    with vault.reader() as session:
        assert load_case(session, case.id).origin == Origin.FACILITATOR
