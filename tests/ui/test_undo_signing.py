"""Signing slips put right in the Agreement tab (issue 13): a paper signature is confirmed
first, a signature can be withdrawn with a reason until everyone has signed, and a dot on the
signature pad is not a signature. Real vault, real widgets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from rjdesk.domain.models import AuditEvent, Signature
from rjdesk.store.vault import Vault
from rjdesk.ui.case.agreement.signing import SignatureDialog
from rjdesk.ui.case.agreement.tab import AgreementPane
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.signature_pad import SignaturePad
from tests.services import builders
from tests.ui.conftest import reload_on_change, show, wait_for_db
from tests.ui.test_agreement import add_action, click, select_signer, sign_on_paper


@pytest.fixture
def pane(ctx: UiContext, qtbot: QtBot, vault: Vault) -> Iterator[AgreementPane]:
    """The Agreement tab on a saved draft nobody has signed yet."""
    with vault.unit_of_work() as uow:
        case, marcia, lukasz = builders.ready_for_conference(uow)
        builders.conference(uow, case, marcia, lukasz)
        case_id = case.id
    widget = AgreementPane(ctx)
    qtbot.addWidget(widget)
    reload_on_change(widget, ctx)
    widget.resize(1100, 700)
    widget.show()
    show(widget, ctx, case_id)
    add_action(qtbot, widget, "Marcia", "Keep the gate shut.", None)
    widget.save()
    wait_for_db(qtbot, ctx)
    yield widget
    widget.clear()


def _signers(vault: Vault) -> list[str]:
    with vault.reader() as session:
        return sorted(s.signer_name for s in session.scalars(select(Signature)))


def test_signed_on_paper_asks_first_and_cancel_records_nothing(
    qtbot: QtBot, ctx: UiContext, vault: Vault, pane: AgreementPane, tmp_path: Path
) -> None:
    select_signer(pane, "Łukasz Nowak")
    click(qtbot, pane.ui.paperButton)
    box = pane.paper_confirmation
    assert box is not None
    qtbot.waitExposed(box)
    assert "Record that Łukasz Nowak signed version 1 of the agreement on paper" in box.text()
    assert "last signature" not in box.text()
    box.grab().save(str(tmp_path / "paper-confirmation.png"))
    box.reject()
    wait_for_db(qtbot, ctx)
    assert pane.paper_confirmation is None
    assert _signers(vault) == []

    sign_on_paper(qtbot, pane)
    wait_for_db(qtbot, ctx)
    assert _signers(vault) == ["Łukasz Nowak"]
    assert "Łukasz Nowak's signature is recorded." in pane.ui.message.text()


def test_the_last_paper_signature_says_the_agreement_comes_into_force(
    qtbot: QtBot, ctx: UiContext, pane: AgreementPane
) -> None:
    for name in ("Marcia Bennett", "Łukasz Nowak"):
        select_signer(pane, name)
        sign_on_paper(qtbot, pane)
        wait_for_db(qtbot, ctx)
    select_signer(pane, "Alex Morgan")
    click(qtbot, pane.ui.paperButton)
    box = pane.paper_confirmation
    assert box is not None
    assert "This is the last signature needed" in box.text()
    box.reject()


def test_a_signature_is_withdrawn_with_a_reason(
    qtbot: QtBot, ctx: UiContext, vault: Vault, pane: AgreementPane, tmp_path: Path
) -> None:
    select_signer(pane, "Łukasz Nowak")
    assert not pane.ui.withdrawButton.isEnabled(), "Łukasz has not signed: nothing to withdraw"
    sign_on_paper(qtbot, pane)
    wait_for_db(qtbot, ctx)
    select_signer(pane, "Łukasz Nowak")
    assert pane.ui.withdrawButton.isEnabled()
    assert pane.ui.withdrawButton.accessibleName() in pane.ui.withdrawButton.text().replace("&", "")
    click(qtbot, pane.ui.withdrawButton)
    dialog = pane.withdraw_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert "Withdraw Łukasz Nowak's signature from version 1" in dialog.ui.question.text()
    assert not dialog.accept_button.isEnabled(), "no reason yet"
    qtbot.keyClicks(dialog.ui.reason, "Marked by mistake: he has not read it yet")
    assert dialog.accept_button.isEnabled()
    dialog.grab().save(str(tmp_path / "withdraw-signature.png"))
    click(qtbot, dialog.accept_button)
    wait_for_db(qtbot, ctx)
    assert pane.withdraw_dialog is None
    assert _signers(vault) == []
    assert "Łukasz Nowak's signature is withdrawn." in pane.ui.message.text()
    with vault.reader() as session:
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "withdraw_signature")
        ).one()
    assert event.detail.endswith("withdrawn: Marked by mistake: he has not read it yet")
    # The draft nobody has signed can be changed again.
    assert not pane.ui.summary.isReadOnly()


def test_a_withdrawal_cancelled_keeps_the_signature(
    qtbot: QtBot, ctx: UiContext, vault: Vault, pane: AgreementPane
) -> None:
    select_signer(pane, "Marcia Bennett")
    sign_on_paper(qtbot, pane)
    wait_for_db(qtbot, ctx)
    select_signer(pane, "Marcia Bennett")
    click(qtbot, pane.ui.withdrawButton)
    dialog = pane.withdraw_dialog
    assert dialog is not None
    qtbot.keyClicks(dialog.ui.reason, "Changed my mind")
    dialog.reject()
    wait_for_db(qtbot, ctx)
    assert _signers(vault) == ["Marcia Bennett"]


def _draw(qtbot: QtBot, pad: SignaturePad, points: list[QPoint]) -> None:
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=points[0])
    for point in points[1:]:
        qtbot.mouseMove(pad, point)
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=points[-1])


def test_a_dot_or_a_tick_on_the_pad_is_not_a_signature(qtbot: QtBot) -> None:
    dialog = SignatureDialog("Marcia Bennett signs version 1 of the agreement")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    pad, accept = dialog.ui.pad, dialog.ui.acceptButton
    _draw(qtbot, pad, [QPoint(100, 100)])
    assert not pad.is_empty() and not pad.is_signature()
    assert not accept.isEnabled(), "a single dot must not enable Accept"
    assert dialog.ui.clearButton.isEnabled()
    assert "whole signature" in accept.toolTip()
    _draw(qtbot, pad, [QPoint(140, 100), QPoint(150, 108), QPoint(158, 96)])
    assert not accept.isEnabled(), "a short tick is not a signature either"
    click(qtbot, accept)
    assert dialog.png == b"" and dialog.isVisible()

    _draw(qtbot, pad, [QPoint(40 + step * 12, 120 + (step % 5) * 6) for step in range(25)])
    assert pad.is_signature() and accept.isEnabled()
    assert accept.toolTip() == ""
    click(qtbot, dialog.ui.clearButton)
    assert pad.is_empty() and not accept.isEnabled()
