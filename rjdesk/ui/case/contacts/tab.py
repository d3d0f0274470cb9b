"""The Contacts & notes tab: the case's timeline and the note of a new contact.

Notes are contemporaneous records: once saved they are shown, never edited, and amended only
by an addendum that keeps the original (DESIGN §2). A refused contact (a conference without
consent, say) keeps everything typed and shows the rules' sentence next to the button.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QItemSelection, Qt, QTime, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QWidget

from rjdesk.app import contacts
from rjdesk.app.views import ParticipantView
from rjdesk.domain import rules
from rjdesk.ui.case.contacts.addendum import AddendumDialog
from rjdesk.ui.case.contacts.timeline import ID_ROLE, TimelineDelegate, TimelineModel
from rjdesk.ui.case.pane import CasePane
from rjdesk.ui.generated.contacts_pane_ui import Ui_ContactsPane
from rjdesk.ui.toolkit import style
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.form_check import refused_date, set_field_message
from rjdesk.ui.toolkit.labels import CONTACT_KINDS
from rjdesk.ui.toolkit.messages import set_message
from rjdesk_protocol.calendar import LONDON
from rjdesk_protocol.enums import ContactKind

_ROUND_TO_SECONDS = 5 * 60
_PRESENT_COLUMNS = 1  # names with roles are long; one a line never overflows


def now_rounded(now: datetime) -> datetime:
    """``now`` in London, to the nearest five minutes: how a note's time is usually written."""
    stamp = round(now.timestamp() / _ROUND_TO_SECONDS) * _ROUND_TO_SECONDS
    return datetime.fromtimestamp(stamp, LONDON)


class ContactsPane(CasePane):
    """Read the case's contacts, newest first; record a new one; add an addendum to one."""

    key = "contacts"
    title = "Contacts && notes"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setAccessibleName("Contacts and notes")
        self.ui = ui = Ui_ContactsPane()
        ui.setupUi(self)
        self.timeline = TimelineModel(self)
        ui.timeline.setModel(self.timeline)
        ui.timeline.setItemDelegate(TimelineDelegate(ui.timeline))
        self.present: dict[str, QCheckBox] = {}
        self.dialog: AddendumDialog | None = None
        self._shown_case = ""
        for kind, label in CONTACT_KINDS.items():
            ui.kind.addItem(label, kind.value)
        ui.newHeading.setStyleSheet(style.heading_style(1.15))
        ui.splitter.setStretchFactor(0, 3)
        ui.splitter.setStretchFactor(1, 2)
        ui.splitter.setSizes([620, 480])
        # Let the tab's own background show through the scroll area, as beside it.
        ui.newScroll.viewport().setAutoFillBackground(False)
        ui.newContents.setAutoFillBackground(False)
        ui.kind.currentIndexChanged.connect(self._kind_changed)
        ui.saveButton.clicked.connect(self.save)
        ui.addendumButton.clicked.connect(self.open_addendum)
        ui.timeline.selectionModel().selectionChanged.connect(self._selection_changed)
        ui.timeline.doubleClicked.connect(lambda _index: self.open_addendum())
        set_message(ui.message, "")
        self._kind_changed()
        self._selection_changed()

    # -- showing the case ----------------------------------------------------------------------

    def refresh_view(self) -> None:
        assert self.snapshot is not None
        case, today = self.snapshot.case, self.snapshot.today
        ui = self.ui
        selected = self.selected_contact()
        self.timeline.set_contacts(case.contacts)
        row = self.timeline.row_of(selected) if selected else -1
        if row >= 0:
            ui.timeline.setCurrentIndex(self.timeline.index(row))
        ui.timelineLabel.setText(
            f"&Timeline, newest first ({len(case.contacts)})"
            if case.contacts
            else "&Timeline: no contacts recorded yet"
        )
        self._fill_present(case.participants)
        ui.date.setDateRange(_qdate(case.received_on), _qdate(max(today, case.received_on)))
        if self._shown_case != case.id:
            # A new case starts with an empty form; a reload of the same case keeps the text.
            self._shown_case = case.id
            self._reset_form()
        self._selection_changed()

    def _fill_present(self, participants: Sequence[ParticipantView]) -> None:
        """One checkbox per person in the case, keeping what is ticked across reloads."""
        ticked = {pid for pid, box in self.present.items() if box.isChecked()}
        wanted = [(p.id, rules.describe(p)) for p in participants]
        if [(pid, box.text()) for pid, box in self.present.items()] == [
            (pid, text.replace("&", "&&")) for pid, text in wanted
        ]:
            return
        self._drop_present()
        layout = self.ui.presentLayout
        previous: QWidget = self.ui.location
        for number, (pid, text) in enumerate(wanted):
            box = QCheckBox(text.replace("&", "&&"), self.ui.presentBox)
            box.setAccessibleName(f"Present: {text}")
            box.setChecked(pid in ticked)
            layout.addWidget(box, number // _PRESENT_COLUMNS, number % _PRESENT_COLUMNS)
            # New widgets join the end of the focus chain; put them where the eye expects.
            QWidget.setTabOrder(previous, box)
            previous = box
            self.present[pid] = box
        QWidget.setTabOrder(previous, self.ui.notes)
        first = next(iter(self.present.values()), None)
        if first is not None:  # Alt+P (the label's buddy) lands on the first person
            self.ui.presentBox.setFocusProxy(first)

    def _drop_present(self) -> None:
        self.ui.presentBox.setFocusProxy(None)  # type: ignore[arg-type]  # None removes it
        for box in self.present.values():
            # Blank first: deleteLater waits for the event loop, and a lock must leave no
            # names behind even for that moment.
            box.setText("")
            box.setAccessibleName("")
            self.ui.presentLayout.removeWidget(box)
            box.setParent(None)
            box.deleteLater()
        self.present = {}

    def _kind_changed(self) -> None:
        kind = ContactKind(self.ui.kind.currentData())
        self.ui.interventionHint.setVisible(kind.is_intervention)

    def selected_contact(self) -> str | None:
        index = self.ui.timeline.currentIndex()
        if not index.isValid() or not self.ui.timeline.selectionModel().isSelected(index):
            return None
        contact_id: str = index.data(ID_ROLE)
        return contact_id

    def _selection_changed(
        self, _selected: QItemSelection | None = None, _deselected: QItemSelection | None = None
    ) -> None:
        self.ui.addendumButton.setEnabled(self.selected_contact() is not None)

    def showEvent(self, event: QShowEvent) -> None:
        # An untouched form should offer the time it is now, not when the case was opened.
        if self.snapshot is not None and not self._typed():
            self._reset_when()
        super().showEvent(event)

    # -- the new contact -------------------------------------------------------------------------

    def _typed(self) -> bool:
        ui = self.ui
        return any(
            (
                ui.notes.toPlainText().strip(),
                ui.nextSteps.toPlainText().strip(),
                ui.location.text().strip(),
            )
        )

    def _reset_when(self) -> None:
        now = now_rounded(self.ctx.vault.clock())
        self.ui.date.setDate(_qdate(now.date()))
        self.ui.time.setTime(QTime(now.hour, now.minute))

    def _reset_form(self, *, when: bool = True) -> None:
        ui = self.ui
        ui.kind.setCurrentIndex(0)
        ui.location.clear()
        ui.notes.clear()
        ui.nextSteps.clear()
        for box in self.present.values():
            box.setChecked(False)
        if when:
            self._reset_when()

    def when(self) -> datetime:
        """The date and time typed, as London time (how the facilitator reads a clock)."""
        day: date = self.ui.date.date().toPython()  # type: ignore[assignment]
        moment: time = self.ui.time.time().toPython()  # type: ignore[assignment]
        return datetime.combine(day, moment.replace(second=0, microsecond=0), LONDON)

    def focus_work(self) -> None:
        """The new contact's kind, not the list of earlier contacts."""
        self.ui.kind.setFocus(Qt.FocusReason.OtherFocusReason)

    def save(self) -> None:
        """Ctrl+S: save the new contact."""
        ui = self.ui
        # Save is greyed out while the last one is being saved: Ctrl+S must not save it twice.
        if self.snapshot is None or not ui.saveButton.isEnabled():
            return
        if refused_date(ui.date, message=ui.message):
            return
        kind = ContactKind(ui.kind.currentData())
        at, notes = self.when(), ui.notes.toPlainText()
        next_steps, location = ui.nextSteps.toPlainText(), ui.location.text()
        present = [pid for pid, box in self.present.items() if box.isChecked()]
        if not notes.strip():
            set_field_message(ui.message, "Write what happened in the notes first.", ui.notes)
            ui.notes.setFocus()
            return

        vault, case_id = self.ctx.vault, self.case.id

        def done(_result: object) -> None:
            self._reset_form()
            set_message(ui.message, f"{CONTACT_KINDS[kind]} saved.")
            self._show_outcome()

        self.apply(
            lambda: contacts.record_contact(
                vault,
                case_id,
                kind=kind,
                at=at,
                present_ids=present,
                notes=notes,
                next_steps=next_steps,
                location=location,
            ),
            done,
            message=ui.message,
            failed=lambda _error: self._show_outcome(),
            disable=[ui.saveButton],
        )

    # -- addenda ----------------------------------------------------------------------------

    def open_addendum(self) -> AddendumDialog | None:
        """Open the addendum dialog on the selected contact (None when none is selected)."""
        return self._open_addendum("")

    def _open_addendum(self, text: str) -> AddendumDialog | None:
        contact_id = self.selected_contact()
        if contact_id is None or self.snapshot is None:
            return None
        self._close_dialog()
        original = self.timeline.index(self.timeline.row_of(contact_id)).data()
        dialog = AddendumDialog(contact_id, original, self)
        dialog.ui.text.setPlainText(text)
        dialog.submitted.connect(lambda added: self._save_addendum(dialog, added))
        dialog.finished.connect(lambda _result: self._forget_dialog(dialog))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _save_addendum(self, dialog: AddendumDialog, text: str) -> None:
        vault, case_id, contact_id = self.ctx.vault, self.case.id, dialog.contact_id
        save = dialog.ui.buttons.button(QDialogButtonBox.StandardButton.Save)

        def done(_result: object) -> None:
            if self.dialog is dialog:  # not cancelled (and cleared) while saving
                dialog.done(QDialog.DialogCode.Accepted)

        self.apply(
            lambda: contacts.add_addendum(vault, case_id, contact_id, text),
            done,
            message=dialog.ui.message,
            disable=[save],
        )

    def _forget_dialog(self, dialog: AddendumDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.clear()
        # A save still running answers into the dialog: delete it after that answer.
        self.ctx.tasks.delete_when_answered(dialog)

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.reject()

    def _show_outcome(self) -> None:
        """Lay a refusal out one reason a line, and scroll it (and Save) into view: below a
        long note they would otherwise sit out of sight on a small screen."""
        label = self.ui.message
        label.setText(reasons_as_list(label.text()))
        if label.text():
            # Once the form has been laid out again around the longer message.
            QTimer.singleShot(0, self, self._scroll_to_message)

    def _scroll_to_message(self) -> None:
        self.ui.newScroll.ensureWidgetVisible(self.ui.saveButton)
        self.ui.newScroll.ensureWidgetVisible(self.ui.message)

    # -- locking ----------------------------------------------------------------------------

    def drafts(self) -> dict[str, str]:
        found = {
            "new_notes": self.ui.notes.toPlainText(),
            "new_next_steps": self.ui.nextSteps.toPlainText(),
            "new_where": self.ui.location.text(),
        }
        if self.dialog is not None:
            found["addendum"] = self.dialog.text()
            found["addendum_for"] = self.dialog.contact_id
        return found

    def restore_drafts(self, drafts: dict[str, str]) -> None:
        self.ui.notes.setPlainText(drafts.get("new_notes", ""))
        self.ui.nextSteps.setPlainText(drafts.get("new_next_steps", ""))
        self.ui.location.setText(drafts.get("new_where", ""))
        addendum, contact_id = drafts.get("addendum", ""), drafts.get("addendum_for", "")
        row = self.timeline.row_of(contact_id) if addendum.strip() and contact_id else -1
        if row >= 0:
            self.ui.timeline.setCurrentIndex(self.timeline.index(row))
            self._open_addendum(addendum)

    def clear(self) -> None:
        self._close_dialog()
        self._shown_case = ""
        self.timeline.clear()
        self._drop_present()
        self._reset_form(when=False)
        self.ui.timelineLabel.setText("&Timeline, newest first")
        set_message(self.ui.message, "")
        self._selection_changed()


def reasons_as_list(text: str) -> str:
    """``Cannot record the conference: a; b; c.`` as a heading and one reason a line, in the
    rules' own words."""
    head, colon, rest = text.partition(": ")
    reasons = rest.split("; ")
    if not colon or len(reasons) < 2:
        return text
    return head + ":\n" + "\n".join(f"• {reason}" for reason in reasons)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)
