"""The base of every tab of the case workspace."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from PySide6.QtWidgets import QLabel, QWidget

from rjdesk.app.cases import CaseSnapshot
from rjdesk.app.views import CaseView
from rjdesk.ui.toolkit.context import UiContext
from rjdesk.ui.toolkit.focus import focus_first
from rjdesk.ui.toolkit.messages import sentence, set_message, show_error


class CasePane(QWidget):
    """One tab of a case. Subclasses fill their widgets in ``refresh_view`` from
    ``self.snapshot`` and must empty every widget holding case text in ``clear`` (the lock
    relies on it). Text typed but not saved is offered through ``drafts`` and given back
    through ``restore_drafts`` after an unlock."""

    key: ClassVar[str] = ""
    title: ClassVar[str] = ""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.snapshot: CaseSnapshot | None = None
        self.setAccessibleName(self.title)

    # -- what the workspace calls -------------------------------------------------------------

    def show_case(self, snapshot: CaseSnapshot) -> None:
        self.snapshot = snapshot
        self.refresh_view()

    def refresh_view(self) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        raise NotImplementedError

    def drafts(self) -> dict[str, str]:
        """Unsaved text in this pane, by field name (empty when nothing is typed)."""
        return {}

    def restore_drafts(self, drafts: dict[str, str]) -> None:
        """Put back text typed before a lock; ``drafts`` holds this pane's fields only."""

    def save(self) -> None:
        """Ctrl+S: save what this pane is editing, if anything."""

    def focus_work(self) -> None:
        """Put the keyboard where this pane's work starts (the case's next step sends it
        here); the first control Tab reaches, unless a pane knows better."""
        focus_first(self)

    # -- helpers for subclasses -------------------------------------------------------------

    @property
    def case(self) -> CaseView:
        assert self.snapshot is not None, "no case shown"
        return self.snapshot.case

    def apply(
        self,
        work: Callable[[], Any],
        done: Callable[[Any], None] | None = None,
        *,
        message: QLabel | None = None,
        failed: Callable[[BaseException], None] | None = None,
        then: Callable[[], None] | None = None,
        disable: Sequence[QWidget] = (),
    ) -> None:
        """Run ``work()`` (a call into ``rjdesk.app``, which owns its unit of work) on the
        database lane, then reload the case everywhere. A refusal shows its sentence in
        ``message`` (or a dialog) and nothing is saved; ``failed`` then runs too, e.g. to let
        a dialog's OK button work again. ``then`` runs last either way; ``disable`` lists
        widgets to grey out meanwhile."""
        case_id = self.case.id

        def ok(result: Any) -> None:
            if message is not None:
                set_message(message, "")
            if done is not None:
                done(result)
            self.ctx.signals.case_changed.emit(case_id)

        def refused(error: BaseException) -> None:
            if message is not None:
                set_message(message, sentence(error), error=True)
            else:
                show_error(self, error)
            if failed is not None:
                failed(error)

        self.ctx.tasks.run(work, ok, refused, then=then, disable=disable)
