"""Every dialog, read as a screen reader, voice control and a keyboard read it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from rjdesk.app.cases import CaseSnapshot
from rjdesk.services import printing
from rjdesk.services.cases import load_case
from rjdesk.ui.case.agreement.signing import SignatureDialog
from rjdesk.ui.case.contacts.addendum import AddendumDialog
from rjdesk.ui.case.documents.viewer import ImageViewer
from rjdesk.ui.case.outcomes.equality_dialog import EqualityDialog
from rjdesk.ui.case.outcomes.feedback_dialog import FeedbackDialog
from rjdesk.ui.case.overview.closing import CloseCaseDialog, reopen_dialog
from rjdesk.ui.case.overview.tab import SafeguardingDialog
from rjdesk.ui.case.people.participant_dialog import ParticipantDialog
from rjdesk.ui.case.people.rj_information_dialog import RjInformationDialog
from rjdesk.ui.case.risk.consent_dialog import ConsentDialog
from rjdesk.ui.case.workspace import CaseWorkspace
from rjdesk.ui.main_window import MainWindow
from rjdesk.ui.pages.settings import ChangePassphraseDialog
from rjdesk.ui.pages.unlock import RecoveryKeyDialog, ResetPassphraseDialog
from rjdesk.ui.toolkit.pdf_preview import PdfPreviewDialog
from rjdesk.ui.toolkit.reason_dialog import ReasonDialog
from rjdesk_protocol.enums import AgeBand, FeedbackMoment
from rjdesk_protocol.victims_code import victims_code_status
from tests.ui.a11y.checks import assert_accessible

Opener = Callable[[MainWindow, CaseSnapshot], QWidget]


def _rj_information(window: MainWindow, snapshot: CaseSnapshot) -> QWidget:
    harmed = snapshot.case.participants[0]
    status = victims_code_status(
        snapshot.case.received_on, harmed.rj_information_given_on, snapshot.today
    )
    return RjInformationDialog(window, name=harmed.name, status=status, today=snapshot.today)


def _preview(window: MainWindow, snapshot: CaseSnapshot) -> QWidget:
    with window.ctx.vault.unit_of_work() as uow:
        filed = printing.latest_agreement_pdf(uow, load_case(uow.session, snapshot.case.id))
    return PdfPreviewDialog(
        filed.content, filed.document.title, filed.document.filename, parent=window
    )


def _remove_person(window: MainWindow, _snapshot: CaseSnapshot) -> QWidget:
    """The one message box built by hand (People: remove someone); the rest are Qt's own."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Remove from the case?",
        "Remove Marcia Bennett from this case?",
        QMessageBox.StandardButton.Cancel,
        window,
    )
    box.addButton("&Remove", QMessageBox.ButtonRole.DestructiveRole)
    return box


DIALOGS: dict[str, Opener] = {
    "close case": lambda w, s: CloseCaseDialog(s.today, w),
    "close case, actions pending": lambda w, s: CloseCaseDialog(s.today, w, case=s.case),
    "reopen case": lambda w, s: reopen_dialog(s.case, w),
    "withdraw signature": lambda w, _s: ReasonDialog(
        "Withdraw signature",
        "Withdraw Marcia Bennett's signature from version 1 of the agreement?",
        "&Withdraw signature",
        w,
    ),
    "safeguarding concern": lambda w, s: SafeguardingDialog(s.case, w),
    "give consent": lambda w, s: ConsentDialog(s, withdraw=False, parent=w),
    "withdraw consent": lambda w, s: ConsentDialog(s, withdraw=True, parent=w),
    "signature": lambda w, _s: SignatureDialog("Marcia Bennett signs version 1", w),
    "addendum": lambda w, _s: AddendumDialog("contact", "Phoned Marcia.", w),
    "image": lambda w, _s: ImageViewer("A scan", QPixmap(40, 30), w),
    "add person": lambda w, s: ParticipantDialog(w, today=s.today),
    "rj information": _rj_information,
    "change passphrase": lambda w, _s: ChangePassphraseDialog(w.ctx, w),
    "recovery key": lambda w, _s: RecoveryKeyDialog("ABCD-" * 7 + "ABCD", w),
    "reset passphrase": lambda w, _s: ResetPassphraseDialog(w.ctx.vault, w.tasks, w),
    "pdf preview": _preview,
    "remove person": _remove_person,
    "feedback at the end": lambda w, s: FeedbackDialog(
        w, name="Marcia Bennett", moment=FeedbackMoment.END, today=s.today
    ),
    "feedback at follow-up": lambda w, s: FeedbackDialog(
        w, name="Marcia Bennett", moment=FeedbackMoment.FOLLOW_UP, today=s.today
    ),
    "equality monitoring": lambda w, _s: EqualityDialog(
        w, name="Marcia Bennett", from_birth=AgeBand.FROM_35_TO_44
    ),
}


@pytest.mark.parametrize("name", DIALOGS)
def test_every_dialog_is_heard_and_reached(
    name: str, case_window: tuple[MainWindow, CaseWorkspace], qtbot: QtBot
) -> None:
    window, case_page = case_window
    assert case_page.snapshot is not None
    dialog = DIALOGS[name](window, case_page.snapshot)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert_accessible(dialog)
    if isinstance(dialog, QDialog):
        dialog.reject()
