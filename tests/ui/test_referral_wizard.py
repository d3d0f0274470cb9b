"""The new referral wizard: fill it in as a facilitator would, create the case and its people
in one go, and check the vault."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from rjdesk.app import referrals as app_referrals
from rjdesk.domain.models import Case
from rjdesk.services.cases import load_case
from rjdesk.store.vault import Vault
from rjdesk.ui.case.people.participant_dialog import ParticipantDialog
from rjdesk.ui.referral.wizard import CHECK_PAGE, PEOPLE_PAGE, REFERRAL_PAGE, ReferralWizard
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.date_field import DateField
from rjdesk_protocol.enums import CaseType, Channel, Flag, ReferralSource, Role
from rjdesk_protocol.errors import RuleViolation
from tests.ui.conftest import wait_for_db


@pytest.fixture
def host(qtbot: QtBot) -> QWidget:
    """What opens the wizard (the workspace, in the app). The wizard deletes itself when it
    closes, so the host, not the wizard, is closed at the end of the test."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def wizard(ctx: UiContext, host: QWidget) -> ReferralWizard:
    opened = ReferralWizard(ctx, host)
    opened.resize(800, 600)
    opened.open()
    return opened


def choose(combo: QComboBox, value: str) -> None:
    combo.setCurrentIndex(combo.findData(value))


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def next_page(qtbot: QtBot, wizard: ReferralWizard) -> None:
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))


def fill_referral(qtbot: QtBot, wizard: ReferralWizard) -> None:
    ui = wizard.ui
    choose(ui.caseType, CaseType.HATE_CRIME)
    ui.receivedOn.setDate(QDate(2026, 11, 18))
    choose(ui.source, ReferralSource.POLICE)
    choose(ui.channel, Channel.ONLINE)
    qtbot.keyClicks(ui.crimeReference, "20/918273/26")
    click(qtbot, ui.incidentKnown)
    ui.incidentDate.setDate(QDate(2026, 11, 1))
    qtbot.keyClicks(ui.location, "Lozells Road")
    qtbot.keyClicks(ui.referrerName, "PC 4471 Gareth Hughes")
    qtbot.keyClicks(ui.referrerOrganisation, "West Midlands Police")
    qtbot.keyClicks(ui.referrerEmail, "neighbourhood.team@example.org")
    click(qtbot, ui.flagSafeguardingChild)
    qtbot.keyClicks(ui.summary, "Racially aggravated verbal abuse of a shopkeeper.")


def add_person(
    qtbot: QtBot,
    wizard: ReferralWizard,
    name: str,
    role: Role,
    *,
    born: date | None = None,
    supports: str = "",
    relationship: str = "",
) -> None:
    click(qtbot, wizard.ui.addPersonButton)
    dialog = wizard.dialog
    assert isinstance(dialog, ParticipantDialog)
    # QTest types ASCII only; an accented name comes in as a keyboard's input method sends it.
    if name.isascii():
        qtbot.keyClicks(dialog.ui.name, name)
    else:
        dialog.ui.name.insert(name)
    choose(dialog.ui.role, role)
    if born is not None:
        click(qtbot, dialog.ui.dobKnown)
        dialog.ui.dateOfBirth.setDate(QDate(born.year, born.month, born.day))
    if supports:
        dialog.ui.supports.setCurrentIndex(
            dialog.ui.supports.findText(supports, Qt.MatchFlag.MatchStartsWith)
        )
        qtbot.keyClicks(dialog.ui.relationship.lineEdit(), relationship)
    click(qtbot, dialog.ok_button())
    assert wizard.dialog is None, dialog.ui.message.text()


def case_count(vault: Vault) -> int:
    with vault.reader() as session:
        return int(session.scalar(select(func.count()).select_from(Case)) or 0)


def test_create_a_case_with_its_people(
    qtbot: QtBot, wizard: ReferralWizard, ctx: UiContext, vault: Vault
) -> None:
    fill_referral(qtbot, wizard)
    next_page(qtbot, wizard)
    assert wizard.currentId() == PEOPLE_PAGE
    click(qtbot, wizard.ui.addPersonButton)  # a supporter first: nobody to support yet
    dialog = wizard.dialog
    assert isinstance(dialog, ParticipantDialog)
    dialog.ui.name.insert("Siobhán Brennan")  # as a keyboard's input method types "á"
    choose(dialog.ui.role, Role.SUPPORTER)
    click(qtbot, dialog.ok_button())
    assert dialog.ui.message.text().endswith("add that person first.")
    click(qtbot, dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Cancel))
    add_person(qtbot, wizard, "Mohammed Iqbal", Role.HARMED)
    add_person(qtbot, wizard, "Kyle Brennan", Role.RESPONSIBLE, born=date(2009, 5, 2))
    add_person(qtbot, wizard, "Siobhán Brennan", Role.SUPPORTER, supports="Kyle Brennan",
               relationship="parent")  # fmt: skip
    assert wizard.people.rowCount() == 3
    assert wizard.people.role_text(wizard.people.people[2]) == "Supporter of Kyle Brennan (parent)"
    next_page(qtbot, wizard)
    assert wizard.currentId() == CHECK_PAGE
    check = wizard.ui.checkSummary.toPlainText()
    assert "Hate crime" in check and "Kyle Brennan: Responsible" in check
    assert "by 25 Nov 2026" in check  # the Victims' Code deadline for the harmed person

    with qtbot.waitSignal(wizard.created) as created, qtbot.waitSignal(ctx.signals.cases_changed):
        click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    wait_for_db(qtbot, ctx)

    (case_id,) = created.args
    with vault.reader() as session:
        case = load_case(session, case_id)
        assert case.case_type == CaseType.HATE_CRIME
        assert case.received_on == date(2026, 11, 18)
        assert case.incident_date == date(2026, 11, 1)
        assert case.crime_reference == "20/918273/26"
        assert case.referrer_name == "PC 4471 Gareth Hughes"
        assert case.summary == "Racially aggravated verbal abuse of a shopkeeper."
        assert set(case.flags) == {Flag.HATE_CRIME, Flag.SAFEGUARDING_CHILD}
        people = {p.name: p for p in case.participants}
        assert [p.name for p in case.participants] == [
            "Mohammed Iqbal", "Kyle Brennan", "Siobhán Brennan",
        ]  # fmt: skip
        assert people["Kyle Brennan"].person.date_of_birth == date(2009, 5, 2)
        supporter = people["Siobhán Brennan"]
        assert supporter.supports is people["Kyle Brennan"]
        assert supporter.relationship_to_supported == "parent"
    assert wizard.seen_before_box is None  # nobody was seen before


def test_a_refusal_saves_nothing(
    qtbot: QtBot,
    wizard: ReferralWizard,
    ctx: UiContext,
    vault: Vault,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    fill_referral(qtbot, wizard)
    next_page(qtbot, wizard)
    add_person(qtbot, wizard, "Mohammed Iqbal", Role.HARMED)
    next_page(qtbot, wizard)

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise RuleViolation("the service refused this person")

    monkeypatch.setattr(app_referrals, "add_participant", refuse)
    with qtbot.assertNotEmitted(wizard.created):
        click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
        wait_for_db(qtbot, ctx)

    assert wizard.isVisible()
    assert wizard.ui.checkMessage.text() == "The service refused this person."
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    assert case_count(vault) == 0  # not even the case: one unit of work


def test_someone_seen_before_is_told_after_creation(
    qtbot: QtBot, wizard: ReferralWizard, ctx: UiContext, vault: Vault, neighbour_case: str
) -> None:
    with vault.reader() as session:
        earlier = load_case(session, neighbour_case).reference
    choose(wizard.ui.caseType, CaseType.NOISE_NUISANCE)
    choose(wizard.ui.source, ReferralSource.HOUSING_PROVIDER)
    choose(wizard.ui.channel, Channel.PHONE)
    next_page(qtbot, wizard)
    add_person(qtbot, wizard, "Marcia Bennett", Role.HARMED, born=date(1971, 3, 9))
    next_page(qtbot, wizard)

    with qtbot.waitSignal(wizard.created):
        click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    wait_for_db(qtbot, ctx)

    assert f"Marcia Bennett was seen before in {earlier}: same date of birth." in (
        wizard.seen_before_text
    )
    box = wizard.seen_before_box
    assert box is not None and box.isVisible()
    assert box.text() == wizard.seen_before_text
    box.accept()


def test_the_referral_page_checks_before_moving_on(qtbot: QtBot, wizard: ReferralWizard) -> None:
    next_page(qtbot, wizard)
    assert wizard.currentId() == REFERRAL_PAGE
    assert wizard.ui.referralMessage.text() == "Choose the case type."

    choose(wizard.ui.caseType, CaseType.CRIME)
    choose(wizard.ui.source, ReferralSource.SELF)
    choose(wizard.ui.channel, Channel.PHONE)
    click(qtbot, wizard.ui.incidentKnown)
    wizard.ui.receivedOn.setDate(QDate(2026, 11, 10))
    wizard.ui.incidentDate.setDate(QDate(2026, 11, 12))
    next_page(qtbot, wizard)
    assert wizard.currentId() == REFERRAL_PAGE
    assert wizard.ui.referralMessage.text() == (
        "The incident date is after the day the referral was received."
    )

    wizard.ui.incidentDate.setDate(QDate(2026, 11, 9))
    qtbot.keyClick(wizard.ui.location, Qt.Key.Key_Return)  # Enter is Next
    assert wizard.currentId() == PEOPLE_PAGE


def test_a_supported_person_is_removed_after_their_supporter(
    qtbot: QtBot, wizard: ReferralWizard
) -> None:
    fill_referral(qtbot, wizard)
    next_page(qtbot, wizard)
    add_person(qtbot, wizard, "Kyle Brennan", Role.RESPONSIBLE, born=date(2009, 5, 2))
    add_person(qtbot, wizard, "Siobhán Brennan", Role.SUPPORTER, supports="Kyle Brennan",
               relationship="parent")  # fmt: skip
    table = wizard.ui.peopleTable
    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(wizard.people.index(0, 0)).center(),
    )

    click(qtbot, wizard.ui.removePersonButton)
    assert wizard.people.rowCount() == 2
    assert wizard.ui.peopleMessage.text().startswith("Siobhán Brennan supports Kyle Brennan")

    qtbot.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(wizard.people.index(1, 0)).center(),
    )
    click(qtbot, wizard.ui.removePersonButton)
    click(qtbot, wizard.ui.removePersonButton)  # Kyle is chosen next
    assert wizard.people.rowCount() == 0


def test_every_input_is_named_for_screen_readers(wizard: ReferralWizard) -> None:
    inputs: list[QWidget] = []
    for kind in (QLineEdit, QComboBox, DateField, QPlainTextEdit, QCheckBox):
        inputs += wizard.findChildren(kind)
    unnamed = [
        w.objectName()
        for w in inputs
        if not w.accessibleName() and w.objectName() and not w.objectName().startswith("qt_")
    ]
    assert not unnamed


def test_a_draft_fills_a_new_wizard_as_it_was(
    qtbot: QtBot, wizard: ReferralWizard, ctx: UiContext, host: QWidget
) -> None:
    fill_referral(qtbot, wizard)
    next_page(qtbot, wizard)
    add_person(qtbot, wizard, "Mohammed Iqbal", Role.HARMED)
    add_person(qtbot, wizard, "Kyle Brennan", Role.RESPONSIBLE, born=date(2009, 5, 2))
    add_person(qtbot, wizard, "Siobhán Brennan", Role.SUPPORTER, supports="Kyle Brennan",
               relationship="parent")  # fmt: skip
    wizard.people.remove(0)  # Kyle keeps his key, which Siobhán names
    drafts = wizard.drafts()
    wizard.wipe()
    assert wizard.ui.referrerName.text() == "" and wizard.people.rowCount() == 0

    back = ReferralWizard(ctx, host)
    back.open()
    back.restore_drafts(drafts)

    assert back.currentId() == PEOPLE_PAGE
    assert back.ui.referrerName.text() == "PC 4471 Gareth Hughes"
    assert back.ui.summary.toPlainText() == "Racially aggravated verbal abuse of a shopkeeper."
    assert back.ui.caseType.currentData() == CaseType.HATE_CRIME
    assert back.ui.incidentKnown.isChecked()
    assert back.ui.incidentDate.date() == QDate(2026, 11, 1)
    assert back.flag_boxes[Flag.SAFEGUARDING_CHILD].isChecked()
    assert [back.people.role_text(p) for p in back.people.people] == [
        "Responsible", "Supporter of Kyle Brennan (parent)",
    ]  # fmt: skip
    add_person(qtbot, back, "Priya Sandhu", Role.PROFESSIONAL)  # a new key, not a taken one
    assert len({p.key for p in back.people.people}) == 3
    back.restore_drafts({"referral": "{damaged"})  # ignored
    assert back.people.rowCount() == 3
