"""Where a case came from (issue 15), as the overview says it: "Came from: a partner's link
(Northshire Police)". Cases made before cases said so are a facilitator's own referrals."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from rjdesk.app.views import CaseView
from rjdesk_protocol.enums import Origin

_WORDS = {
    Origin.FACILITATOR: "a facilitator's own referral",
    Origin.PUBLIC_FORM: "the online referral form",
    Origin.PARTNER_LINK: "a partner's link",
    Origin.HUB_PHONE: "a phone call to the hub",
}


def came_from(case: CaseView) -> str:
    """ "a partner's link (Northshire Police)", "the online referral form"..."""
    words = _WORDS[case.origin or Origin.FACILITATOR]
    organisation = (case.referrer_organisation or "").strip()
    return f"{words} ({organisation})" if organisation else words


class CameFrom:
    """The "Came from" row, first in the referral's form: read-only text, its accessible name
    saying the whole of it."""

    def __init__(self, form: QFormLayout, parent: QWidget) -> None:
        self.label = QLabel("Came from:", parent)
        self.value = QLabel(parent)
        self.value.setObjectName("cameFrom")
        self.value.setWordWrap(True)
        selectable = Qt.TextInteractionFlag
        self.value.setTextInteractionFlags(
            selectable.TextSelectableByKeyboard | selectable.TextSelectableByMouse
        )
        self.label.setBuddy(self.value)
        form.insertRow(0, self.label, self.value)

    def show(self, case: CaseView) -> None:
        text = came_from(case)
        self.value.setText(text)
        self.value.setAccessibleName(f"Came from: {text}")
