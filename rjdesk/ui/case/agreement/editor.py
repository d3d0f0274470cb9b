"""The editor of a draft agreement: dates, summary, and the actions with the row below the
table that edits the selected action (who, by when, what)."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date

from PySide6.QtCore import QItemSelectionModel, QObject, Signal
from PySide6.QtWidgets import QHeaderView

from rjdesk.app.views import AgreementView
from rjdesk.ui.case.agreement.models import ActionRow, ActionsModel, action_rows
from rjdesk.ui.generated.agreement_pane_ui import Ui_AgreementPane
from rjdesk.ui.toolkit.dates import from_qdate, to_qdate


@dataclass(frozen=True)
class EditorState:
    """What the editor shows of a draft: compared with the saved draft to know if it changed."""

    summary: str = ""
    agreed_on: date | None = None
    review_on: date | None = None
    actions: tuple[ActionRow, ...] = ()

    @classmethod
    def of(cls, agreement: AgreementView | None, agreed_by_default: date) -> EditorState:
        if agreement is None:
            return cls(agreed_on=agreed_by_default)
        return cls(
            summary=agreement.summary or "",
            agreed_on=agreement.agreed_on or agreed_by_default,
            review_on=agreement.review_on,
            actions=tuple(action_rows(agreement)),
        )

    def as_drafts(self) -> dict[str, str]:
        """The unsaved text, by field: the summary, and the actions (and dates) as JSON text."""
        actions = [
            {"who": a.owner_id, "what": a.description, "by": a.due_on and a.due_on.isoformat()}
            for a in self.actions
        ]
        dates = {
            "agreed_on": self.agreed_on and self.agreed_on.isoformat(),
            "review_on": self.review_on and self.review_on.isoformat(),
        }
        return {
            "summary": self.summary,
            "actions": json.dumps(actions, ensure_ascii=False),
            "dates": json.dumps(dates),
        }

    def with_drafts(self, drafts: dict[str, str], owners: set[str | None]) -> EditorState:
        """This state with the fields of ``drafts`` put back (owners no longer on the case
        become the facilitator rather than losing the action)."""
        state = self
        if "summary" in drafts:
            state = replace(state, summary=drafts["summary"])
        try:
            if "actions" in drafts:
                rows = tuple(
                    ActionRow(
                        description=str(item.get("what") or ""),
                        owner_id=item.get("who") if item.get("who") in owners else None,
                        due_on=date.fromisoformat(item["by"]) if item.get("by") else None,
                    )
                    for item in json.loads(drafts["actions"])
                )
                state = replace(state, actions=rows)
            if "dates" in drafts:
                dates = json.loads(drafts["dates"])
                state = replace(
                    state,
                    agreed_on=_parse(dates.get("agreed_on")) or state.agreed_on,
                    review_on=_parse(dates.get("review_on")),
                )
        except (ValueError, TypeError, AttributeError, KeyError):
            pass  # a damaged draft is dropped rather than stopping the case from opening
        return state

    def same_as(self, other: EditorState) -> bool:
        """Equal as far as the editor changes it (the follow-up fields are not edited here)."""
        return (self.summary.strip(), self.agreed_on, self.review_on, _core(self.actions)) == (
            other.summary.strip(),
            other.agreed_on,
            other.review_on,
            _core(other.actions),
        )


def _parse(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def _core(actions: tuple[ActionRow, ...]) -> list[tuple[str | None, str, date | None]]:
    return [(a.owner_id, a.description.strip(), a.due_on) for a in actions]


class AgreementEditor(QObject):
    """Binds the editor's widgets to an ``EditorState``; ``edited`` fires on every change the
    person makes (not when the editor is filled)."""

    edited = Signal()

    def __init__(
        self, ui: Ui_AgreementPane, model: ActionsModel, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.ui, self.model = ui, model
        self._filling = False
        self._editable = False
        self._who: list[str | None] = []
        self._today = date.today()
        view = ui.actionsView
        view.setModel(model)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # What was agreed gets the room; the follow-up (status, date, note) wraps in a column
        # of its own width rather than squeezing the actions on a small screen.
        header.setSectionResizeMode(ActionsModel.WHAT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(ActionsModel.FOLLOW_UP, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(ActionsModel.FOLLOW_UP, 130)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.selectionModel().currentRowChanged.connect(lambda *_: self._row_selected())
        ui.summary.textChanged.connect(self._changed)
        ui.agreedOn.dateChanged.connect(self._changed)
        ui.reviewOn.dateChanged.connect(self._changed)
        ui.reviewCheck.toggled.connect(self._review_toggled)
        ui.addActionButton.clicked.connect(self.add_action)
        ui.removeActionButton.clicked.connect(self.remove_action)
        ui.moveUpButton.clicked.connect(lambda: self.move(-1))
        ui.moveDownButton.clicked.connect(lambda: self.move(+1))
        ui.who.currentIndexChanged.connect(self._row_edited)
        ui.due.dateChanged.connect(self._row_edited)
        ui.ongoing.toggled.connect(self._row_edited)
        ui.what.textEdited.connect(self._row_edited)

    # -- filling and reading ------------------------------------------------------------------

    def load(
        self,
        state: EditorState,
        who: list[tuple[str | None, str]],
        names: dict[str | None, str],
        today: date,
    ) -> None:
        """Show ``state``; ``who`` are the choices of the Who list, ``names`` how the table
        names the owners of actions."""
        self._filling = True
        try:
            ui = self.ui
            self._today = today
            self._who = [key for key, _ in who]
            ui.who.clear()
            for _, label in who:
                ui.who.addItem(label)
            self.model.set_owners(names)
            ui.summary.setPlainText(state.summary)
            ui.agreedOn.setMaximumDate(to_qdate(today))
            ui.agreedOn.setDate(to_qdate(state.agreed_on or today))
            ui.reviewCheck.setChecked(state.review_on is not None)
            ui.reviewOn.setDate(to_qdate(state.review_on or today))
            ui.reviewOn.setEnabled(state.review_on is not None and self._editable)
            # A reload after a change keeps the same action selected (e.g. the one just
            # followed up), so the person does not lose their place.
            previous = max(self.current_row(), 0)
            self.model.set_rows(list(state.actions))
            if state.actions:
                self.select(min(previous, len(state.actions) - 1))
            self._row_selected()
        finally:
            self._filling = False

    def state(self) -> EditorState:
        ui = self.ui
        return EditorState(
            summary=ui.summary.toPlainText(),
            agreed_on=from_qdate(ui.agreedOn.date()),
            review_on=from_qdate(ui.reviewOn.date()) if ui.reviewCheck.isChecked() else None,
            actions=tuple(self.model.rows()),
        )

    def set_editable(self, editable: bool) -> None:
        """A signed (or partly signed) version is shown read-only: it cannot change."""
        self._editable = editable
        ui = self.ui
        ui.summary.setReadOnly(not editable)
        ui.agreedOn.setReadOnly(not editable)
        ui.reviewCheck.setEnabled(editable)
        ui.reviewOn.setReadOnly(not editable)
        ui.reviewOn.setEnabled(ui.reviewCheck.isChecked())
        ui.addActionButton.setEnabled(editable)
        ui.what.setReadOnly(not editable)
        self._row_selected()

    def clear(self) -> None:
        self._filling = True
        try:
            self.ui.summary.clear()
            self.ui.what.clear()
            self.ui.who.clear()
            self._who = []
            self.model.set_rows([])
            self.model.set_owners({})
        finally:
            self._filling = False

    # -- actions ------------------------------------------------------------------------------

    def current_row(self) -> int:
        index = self.ui.actionsView.currentIndex()
        return index.row() if index.isValid() else -1

    def select(self, position: int) -> None:
        view = self.ui.actionsView
        if 0 <= position < self.model.rowCount():
            view.selectionModel().setCurrentIndex(
                self.model.index(position, ActionsModel.WHAT),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def add_action(self) -> None:
        """A new action, ongoing and for the first party until the person says otherwise."""
        owner = self._who[0] if self._who else None
        position = self.model.append(ActionRow(owner_id=owner))
        self.select(position)
        self.ui.what.setFocus()
        self._changed()

    def remove_action(self) -> None:
        position = self.current_row()
        if position < 0:
            return
        self.model.remove(position)
        self.select(min(position, self.model.rowCount() - 1))
        self._row_selected()
        self._changed()

    def move(self, offset: int) -> None:
        position = self.current_row()
        if position < 0:
            return
        self.select(self.model.move(position, offset))
        self._row_selected()
        self._changed()

    # -- the row under the table ----------------------------------------------------------------

    def _row_selected(self) -> None:
        ui, position = self.ui, self.current_row()
        chosen = position >= 0
        editing = chosen and self._editable
        for widget in (ui.who, ui.due, ui.ongoing, ui.removeActionButton):
            widget.setEnabled(editing)
        ui.what.setEnabled(chosen)
        ui.moveUpButton.setEnabled(editing and position > 0)
        ui.moveDownButton.setEnabled(editing and position < self.model.rowCount() - 1)
        filling, self._filling = self._filling, True
        try:
            if not chosen:
                ui.who.setCurrentIndex(-1)
                ui.what.clear()
                ui.ongoing.setChecked(False)
                ui.due.setDate(to_qdate(self._today))
                return
            row = self.model.row(position)
            ui.who.setCurrentIndex(
                self._who.index(row.owner_id) if row.owner_id in self._who else -1
            )
            ui.what.setText(row.description)
            ui.ongoing.setChecked(row.due_on is None)
            ui.due.setDate(to_qdate(row.due_on or self._today))
            ui.due.setEnabled(editing and row.due_on is not None)
        finally:
            self._filling = filling

    def _row_edited(self) -> None:
        if self._filling:
            return
        ui, position = self.ui, self.current_row()
        if position < 0:
            return
        who = ui.who.currentIndex()
        ongoing = ui.ongoing.isChecked()
        ui.due.setEnabled(self._editable and not ongoing)
        self.model.update_row(
            position,
            owner_id=self._who[who] if 0 <= who < len(self._who) else None,
            description=ui.what.text(),
            due_on=None if ongoing else from_qdate(ui.due.date()),
        )
        self._changed()

    def _review_toggled(self, checked: bool) -> None:
        self.ui.reviewOn.setEnabled(checked)
        self._changed()

    def _changed(self) -> None:
        if not self._filling:
            self.edited.emit()
