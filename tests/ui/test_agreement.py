"""The Agreement tab: write an agreement, sign it (on screen and on paper), follow it up."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from rjdesk.domain.models import Agreement, Signature
from rjdesk.services import assessment
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk.ui.case.agreement.tab import AgreementPane
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.signature_pad import SignaturePad
from rjdesk_protocol.enums import ActionStatus, AgreementStatus, SignatureMethod, Stage
from tests.services import builders
from tests.ui.conftest import reload_on_change, show, wait_for_db

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
CASE_WORDS = ("Marcia", "Łukasz", "Farnborough", "music", "gate", "bins")


@pytest.fixture
def conference_case(vault: Vault) -> str:
    """A neighbour dispute with a conference recorded and no agreement yet."""
    with vault.unit_of_work() as uow:
        case, marcia, lukasz = builders.ready_for_conference(uow)
        builders.conference(uow, case, marcia, lukasz)
        return case.id


@pytest.fixture
def pane(ctx: UiContext, qtbot: QtBot) -> Iterator[AgreementPane]:
    widget = AgreementPane(ctx)
    qtbot.addWidget(widget)
    reload_on_change(widget, ctx)
    widget.resize(1100, 700)
    widget.show()
    yield widget
    widget.clear()


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def select_signer(pane: AgreementPane, name: str) -> None:
    rows = [row.name for row in pane.signatures_model.rows()]
    pane.ui.signaturesView.selectRow(rows.index(name))


def add_action(qtbot: QtBot, pane: AgreementPane, who: str, what: str, due: date | None) -> None:
    click(qtbot, pane.ui.addActionButton)
    pane.ui.who.setCurrentIndex(pane.ui.who.findText(who, Qt.MatchFlag.MatchStartsWith))
    qtbot.keyClicks(pane.ui.what, what)
    if due is not None:
        click(qtbot, pane.ui.ongoing)  # ticked by default: an action is ongoing unless dated
        pane.ui.due.setDate(QDate(due.year, due.month, due.day))


def sign_on_screen(qtbot: QtBot, pane: AgreementPane) -> None:
    click(qtbot, pane.ui.screenButton)
    dialog = pane.signature_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    pad = dialog.ui.pad
    assert not dialog.ui.acceptButton.isEnabled()  # nothing to accept before a stroke
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(30, 90))
    for step in range(1, 25):
        qtbot.mouseMove(pad, QPoint(30 + step * 12, 90 + (step % 6) * 6))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(330, 80))
    assert not pad.is_empty()
    click(qtbot, dialog.ui.acceptButton)


def sign_on_paper(qtbot: QtBot, pane: AgreementPane) -> None:
    """Press "Signed on paper" and confirm it in the question that follows."""
    click(qtbot, pane.ui.paperButton)
    box = pane.paper_confirmation
    assert box is not None
    qtbot.waitExposed(box)
    record = next(b for b in box.buttons() if b.text() == "Record signature")
    click(qtbot, record)
    assert pane.paper_confirmation is None


def case_text_left(root: QWidget, words: tuple[str, ...]) -> list[str]:
    """Where any of ``words`` still shows in a widget under ``root``."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts: list[str] = []
        if isinstance(widget, QLabel | QLineEdit):
            texts.append(widget.text())
        elif isinstance(widget, QPlainTextEdit):
            texts.append(widget.toPlainText())
        elif isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            texts.extend(
                str(model.index(r, c).data() or "")
                for r in range(model.rowCount())
                for c in range(model.columnCount())
            )
        found.extend(
            f"{widget.objectName()}: {text}" for text in texts if any(w in text for w in words)
        )
    return found


def test_build_save_and_sign_an_agreement(
    qtbot: QtBot, ctx: UiContext, vault: Vault, conference_case: str, pane: AgreementPane
) -> None:
    show(pane, ctx, conference_case)
    assert pane.ui.state.text() == "No agreement yet"
    assert not pane.ui.screenButton.isEnabled()  # nothing saved to sign yet

    qtbot.keyClicks(pane.ui.summary, "Both households agree to keep the peace.")
    add_action(qtbot, pane, "Łukasz", "Keep music down after 11pm.", None)
    add_action(qtbot, pane, "Marcia", "Keep the shared path clear of bins.", None)
    add_action(qtbot, pane, "Everyone", "Meet to review how it is going.", date(2026, 12, 4))
    assert pane.actions_model.rowCount() == 3
    assert pane.ui.dirtyLabel.text() == "Unsaved changes"
    assert set(pane.drafts()) == {"summary", "actions", "dates"}

    click(qtbot, pane.ui.saveButton)
    wait_for_db(qtbot, ctx)
    assert pane.drafts() == {}
    with vault.reader() as session:
        case = load_case(session, conference_case)
        (agreement,) = case.agreements
        assert agreement.status == AgreementStatus.DRAFT
        assert agreement.summary == "Both households agree to keep the peace."
        actions = [(a.owner.name if a.owner else None, a.due_on) for a in agreement.actions]
    assert actions == [
        ("Łukasz Nowak", None),
        ("Marcia Bennett", None),
        (None, date(2026, 12, 4)),
    ]
    assert pane.ui.state.text() == "Version 1: a draft, not signed yet"

    select_signer(pane, "Marcia Bennett")
    sign_on_screen(qtbot, pane)
    wait_for_db(qtbot, ctx)
    assert pane.signature_dialog is None
    assert "can no longer be changed" in pane.ui.state.text()
    assert not pane.ui.addActionButton.isEnabled()
    assert pane.ui.summary.isReadOnly()

    for name in ("Łukasz Nowak", "Alex Morgan"):
        select_signer(pane, name)
        sign_on_paper(qtbot, pane)
        wait_for_db(qtbot, ctx)

    assert "Everyone has signed version 1" in pane.ui.message.text()
    assert "moved to follow-up" in pane.ui.message.text()
    assert "signed by everyone on 20 Nov 2026" in pane.ui.state.text()
    with vault.reader() as session:
        case = load_case(session, conference_case)
        assert case.stage == Stage.FOLLOW_UP
        agreement = case.agreements[0]
        assert agreement.status == AgreementStatus.SIGNED
        captured = session.scalars(
            select(Signature).where(Signature.method == SignatureMethod.CAPTURED)
        ).one()
        assert captured.signer_name == "Marcia Bennett"
        image = captured.image
    assert image is not None and image.startswith(PNG_MAGIC)
    picture = QImage.fromData(image)
    assert not picture.isNull()
    assert picture.pixelColor(1, 1).name() == "#ffffff"  # ink on white paper


def test_an_action_without_words_is_not_saved(
    qtbot: QtBot, ctx: UiContext, vault: Vault, conference_case: str, pane: AgreementPane
) -> None:
    show(pane, ctx, conference_case)
    add_action(qtbot, pane, "Marcia", "Keep the gate shut.", None)
    click(qtbot, pane.ui.addActionButton)
    click(qtbot, pane.ui.saveButton)
    assert "Action 2 does not say what will be done" in pane.ui.message.text()
    assert pane.editor.current_row() == 1
    with vault.reader() as session:
        assert not session.scalars(select(Agreement)).all()


def test_reorder_and_remove_actions(
    qtbot: QtBot, ctx: UiContext, vault: Vault, conference_case: str, pane: AgreementPane
) -> None:
    show(pane, ctx, conference_case)
    for text in ("First", "Second", "Third"):
        add_action(qtbot, pane, "Marcia", text, None)
    click(qtbot, pane.ui.moveUpButton)  # Third moves above Second
    pane.editor.select(0)
    click(qtbot, pane.ui.removeActionButton)
    assert [row.description for row in pane.actions_model.rows()] == ["Third", "Second"]
    pane.save()
    wait_for_db(qtbot, ctx)
    with vault.reader() as session:
        (agreement,) = session.scalars(select(Agreement)).all()
        assert [a.description for a in agreement.actions] == ["Third", "Second"]


def test_a_signed_agreement_refuses_edits_and_a_new_version_can_change_it(
    qtbot: QtBot, ctx: UiContext, vault: Vault, neighbour_case: str, pane: AgreementPane
) -> None:
    show(pane, ctx, neighbour_case)
    ui = pane.ui
    assert ui.state.text() == (
        "Version 1: signed by everyone on 4 Nov 2026 — it cannot be changed; "
        "start a new version to change it"
    )
    assert ui.summary.isReadOnly()
    assert ui.agreedOn.isReadOnly()
    assert not ui.saveButton.isVisible()
    assert not ui.addActionButton.isVisible()
    assert not ui.signingStrip.isVisible()
    before = ui.summary.toPlainText()
    qtbot.keyClicks(ui.summary, "changed")
    assert ui.summary.toPlainText() == before
    assert pane.drafts() == {}
    how = {row.name: (row.signed_on, row.method) for row in pane.signatures_model.rows()}
    assert how["Marcia Bennett"] == (date(2026, 11, 4), SignatureMethod.PAPER)
    assert how["Zoë Nowak"] == (None, None)  # a supporter may witness, need not

    # A signed version can be previewed, printed and saved (tests/ui/test_pdf_preview.py).
    for button in (ui.previewButton, ui.printButton, ui.saveCopyButton):
        assert button.isEnabled()

    click(qtbot, ui.newVersionButton)
    wait_for_db(qtbot, ctx)
    assert ui.versionCombo.currentText() == "Version 2: draft"
    assert not ui.summary.isReadOnly()
    assert pane.actions_model.rowCount() == 4
    assert "Version 1 stays in force" in ui.stateDetail.text()

    pane.editor.select(3)
    click(qtbot, ui.removeActionButton)
    ui.summary.selectAll()
    qtbot.keyClicks(ui.summary, "The households agree to three things.")
    click(qtbot, ui.saveButton)
    wait_for_db(qtbot, ctx)
    with vault.reader() as session:
        case = load_case(session, neighbour_case)
        versions = {a.version: a for a in case.agreements}
        assert versions[1].status == AgreementStatus.SIGNED
        assert len(versions[1].actions) == 4  # the signed version is untouched
        assert versions[2].status == AgreementStatus.DRAFT
        assert len(versions[2].actions) == 3
        assert versions[2].summary == "The households agree to three things."

    # The signed version can still be looked at, read-only, next to the draft.
    ui.versionCombo.setCurrentIndex(ui.versionCombo.findData(versions[1].id))
    ui.versionCombo.activated.emit(ui.versionCombo.currentIndex())
    assert ui.summary.isReadOnly()
    assert "in force until version 2" in ui.stateDetail.text()


def test_discard_a_draft(
    qtbot: QtBot,
    ctx: UiContext,
    *,
    vault: Vault,
    neighbour_case: str,
    pane: AgreementPane,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    show(pane, ctx, neighbour_case)
    click(qtbot, pane.ui.newVersionButton)
    wait_for_db(qtbot, ctx)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes
    )
    click(qtbot, pane.ui.discardButton)
    wait_for_db(qtbot, ctx)
    assert pane.ui.newVersionButton.isVisible()
    with vault.reader() as session:
        assert [a.version for a in session.scalars(select(Agreement))] == [1]


def test_follow_up_an_action(
    qtbot: QtBot, ctx: UiContext, vault: Vault, neighbour_case: str, pane: AgreementPane
) -> None:
    show(pane, ctx, neighbour_case)
    ui = pane.ui
    assert ui.rowStack.currentWidget() is ui.followPage
    pane.editor.select(2)  # fit a spring closer to the gate, by 18 Nov
    ui.status.setCurrentIndex(ui.status.findText("Done"))
    ui.checkedOn.setDate(QDate(2026, 11, 19))
    qtbot.keyClicks(ui.note, "Seen on a visit.")
    click(qtbot, ui.recordCheckButton)
    wait_for_db(qtbot, ctx)
    assert ui.message.text() == "Follow-up recorded."
    row = pane.actions_model.row(2)
    assert (row.status, row.checked_on) == (ActionStatus.DONE, date(2026, 11, 19))
    with vault.reader() as session:
        actions = load_case(session, neighbour_case).agreements[0].actions
        assert actions[2].status == ActionStatus.DONE
        assert actions[2].check_note == "Seen on a visit."
        assert actions[0].status == ActionStatus.PENDING


def test_a_withdrawn_consent_stops_the_signature(
    qtbot: QtBot, ctx: UiContext, vault: Vault, conference_case: str, pane: AgreementPane
) -> None:
    show(pane, ctx, conference_case)
    add_action(qtbot, pane, "Marcia", "Keep the gate shut.", None)
    pane.save()
    wait_for_db(qtbot, ctx)
    with vault.unit_of_work() as uow:
        case = load_case(uow.session, conference_case)
        lukasz = next(p for p in case.participants if p.name == "Łukasz Nowak")
        assessment.withdraw_consent(uow, lukasz, withdrawn_on=date(2026, 11, 18))
    show(pane, ctx, conference_case)
    select_signer(pane, "Łukasz Nowak")
    sign_on_paper(qtbot, pane)
    wait_for_db(qtbot, ctx)
    assert "withdrew consent to take part on 18 Nov 2026" in pane.ui.message.text()
    with vault.reader() as session:
        assert not session.scalars(select(Signature)).all()


def test_unsaved_edits_survive_a_reload_and_a_lock(
    qtbot: QtBot, ctx: UiContext, conference_case: str, pane: AgreementPane
) -> None:
    show(pane, ctx, conference_case)
    qtbot.keyClicks(pane.ui.summary, "Agreed at the centre.")
    add_action(qtbot, pane, "Łukasz", "Fit a gate closer.", date(2026, 11, 30))
    show(pane, ctx, conference_case)  # another tab's change reloads the case
    assert pane.ui.summary.toPlainText() == "Agreed at the centre."
    drafts = pane.drafts()

    pane.clear()  # the lock
    assert case_text_left(pane, ("Agreed at the centre", "gate closer")) == []
    show(pane, ctx, conference_case)  # the unlock
    pane.restore_drafts(drafts)
    assert pane.ui.summary.toPlainText() == "Agreed at the centre."
    row = pane.actions_model.row(0)
    assert (row.description, row.due_on) == ("Fit a gate closer.", date(2026, 11, 30))
    assert pane.actions_model.data(pane.actions_model.index(0, 0)) == "Łukasz Nowak"
    assert pane.ui.saveButton.isEnabled()


def test_clear_leaves_no_case_text(
    ctx: UiContext, neighbour_case: str, pane: AgreementPane
) -> None:
    show(pane, ctx, neighbour_case)
    assert case_text_left(pane, CASE_WORDS)  # the check would see it
    pane.clear()
    assert case_text_left(pane, CASE_WORDS) == []


def test_signature_pad_renders_ink_on_white(qtbot: QtBot) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 160)
    pad.show()
    qtbot.waitExposed(pad)
    assert pad.is_empty()
    assert pad.accessibleName() == "Signature pad"
    qtbot.mousePress(pad, Qt.MouseButton.LeftButton, pos=QPoint(20, 80))
    for x in range(30, 300, 10):
        qtbot.mouseMove(pad, QPoint(x, 80))
    qtbot.mouseRelease(pad, Qt.MouseButton.LeftButton, pos=QPoint(300, 80))
    image = QImage.fromData(pad.to_png())
    assert (image.width(), image.height()) == (800, 320)
    assert image.pixelColor(5, 5).name() == "#ffffff"
    assert image.pixelColor(300, 160).lightness() < 100  # the stroke, at twice the size
    pad.clear()
    assert pad.is_empty()


def test_signature_pad_takes_a_finger(qtbot: QtBot) -> None:
    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 160)
    pad.show()
    qtbot.waitExposed(pad)
    finger = QTest.createTouchDevice()
    QTest.touchEvent(pad, finger).press(0, QPoint(20, 50), pad).commit()
    for x in range(30, 200, 10):
        QTest.touchEvent(pad, finger).move(0, QPoint(x, 50), pad).commit()
    QTest.touchEvent(pad, finger).release(0, QPoint(200, 50), pad).commit()
    assert pad.strokes() == 1  # one stroke, not doubled by synthesised mouse events
    image = QImage.fromData(pad.to_png())
    assert image.pixelColor(200, 100).lightness() < 100
