"""The sync status in words: in the navigation rail, one glance at whether the hub has your
work, and the lines of the Sync page that say the same at more length.

"Not connected to a hub", "Synced 14:05", "Offline — 12 changes waiting", "Syncing…", "2
conflicts to resolve". Clicking it (or Alt+3) opens the Sync page. The words carry the meaning;
the colour (from ``rjdesk.ui.toolkit.style``, per palette) only underlines it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QSizePolicy, QToolButton, QWidget

from rjdesk.app.sync import SyncStatus
from rjdesk.ui.pages.sync.worker import SyncController, SyncView
from rjdesk.ui.toolkit import style
from rjdesk.ui.toolkit.dates import MONTHS, moment_text
from rjdesk.ui.toolkit.icons import icon
from rjdesk_protocol.calendar import LONDON

SYNC_PAGE_SHORTCUT = "Alt+3"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def when_text(at: datetime, now: datetime) -> str:
    """A stored (UTC) time as the app says it, in London: ``today 14:05``, ``yesterday
    09:10``, ``18 Nov, 14:05``, ``3 Nov 2025, 14:05``."""
    local, today = at.astimezone(LONDON), now.astimezone(LONDON).date()
    if local.date() == today:
        return f"today {local:%H:%M}"
    if local.date() == today - timedelta(days=1):
        return f"yesterday {local:%H:%M}"
    if local.year == today.year:
        return f"{local.day} {MONTHS[local.month - 1]}, {local:%H:%M}"
    return moment_text(at)


def waiting_text(status: SyncStatus) -> str:
    """``12 changes waiting``, ``1 change and 1 bundle waiting``, ``nothing waiting``."""
    parts = []
    if status.pending_changes:
        parts.append(plural(status.pending_changes, "change"))
    if status.pending_bundles:
        parts.append(plural(status.pending_bundles, "bundle"))
    return " and ".join(parts) + " waiting" if parts else "nothing waiting"


def is_waiting(status: SyncStatus) -> bool:
    return bool(status.pending_changes or status.pending_bundles)


def sentence_case(text: str) -> str:
    """``sent 3 changes`` → ``Sent 3 changes.``"""
    text = text.strip()
    if not text:
        return ""
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")


def waiting_detail(status: SyncStatus) -> str:
    """What the Sync page says waits: changes not yet sealed, bundles not yet confirmed."""
    parts = []
    if status.pending_changes:
        parts.append(f"{plural(status.pending_changes, 'change')}, to go at the next sync")
    if status.pending_bundles:
        bundles = plural(status.pending_bundles, "bundle")
        parts.append(f"{bundles} sealed, waiting for the hub's receipt")
    return sentence_case("; ".join(parts)) if parts else "Nothing: the hub has all your changes."


def connection_text(view: SyncView, status: SyncStatus, now: datetime) -> str:
    when = f" ({when_text(status.last_sync_at, now)})" if status.last_sync_at else ""
    if view.reachable is True:
        return f"Online: the hub answered at the last sync{when}."
    if view.reachable is False:
        return (
            "Offline: the hub did not answer. Your work is safe on this laptop and goes to the "
            "hub at the next sync."
        )
    if status.last_sync_at is None:
        return "Not synced yet."
    if status.last_ok:
        return f"Online at the last sync{when}."
    return "Not known: the last sync did not complete."


@dataclass(frozen=True)
class Indicator:
    """The status in a few words: two short lines for the rail, one sentence to read out."""

    headline: str
    detail: str
    sentence: str
    tone: str = ""  # "", "error" or "medium" (a style colour)


def indicator(view: SyncView, now: datetime) -> Indicator:
    status = view.status
    if status is None:
        return Indicator("Sync", "", "Sync status not read yet")
    if not status.enrolled:
        return Indicator("Not connected", "to a hub", "Not connected to a hub")
    waiting = waiting_text(status)
    if view.running:  # the count stays in view, so the rail does not jump
        return Indicator("Syncing…", waiting if is_waiting(status) else "", "Syncing…")
    if status.open_conflicts:
        count = plural(status.open_conflicts, "conflict")
        return Indicator(count, "to resolve", f"{count} to resolve", "medium")
    if view.reachable is False:
        return Indicator("Offline", waiting, f"Offline — {waiting}")
    if status.last_sync_at is None:
        return Indicator("Not synced yet", waiting, f"Not synced yet — {waiting}")
    if not status.last_ok:
        return Indicator(
            "Sync failed", "see the Sync page", "Last sync failed — see the Sync page", "error"
        )
    when = when_text(status.last_sync_at, now).removeprefix("today ")
    detail = waiting if is_waiting(status) else ""
    return Indicator(
        f"Synced {when}", detail, f"Synced {when}" + (f" — {detail}" if detail else "")
    )


class SyncIndicator(QToolButton):
    """A flat button in the rail showing ``indicator``; clicking it opens the Sync page."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setObjectName("syncIndicator")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.setAutoRaise(True)
        self.setIcon(icon("sync"))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.current = Indicator("Sync", "", "")
        controller.changed.connect(self.show_view)
        self.show_view(controller.view)

    def show_view(self, view: SyncView) -> None:
        shown = indicator(view, self.controller.ctx.vault.clock())
        self.current = shown
        self.setText(shown.headline + (f"\n{shown.detail}" if shown.detail else ""))
        # The name holds what the button shows, so voice control finds it by its words.
        self.setAccessibleName(" ".join(f"Sync status: {self.text()}".split()))
        self.setToolTip(f"{shown.sentence}\nOpen the Sync page ({SYNC_PAGE_SHORTCUT})")
        self.setAccessibleDescription(f"{shown.sentence}. Opens the Sync page.")
        palette = QPalette()  # only the text colour is set; the rest follows the system
        if shown.tone:
            palette.setColor(QPalette.ColorRole.ButtonText, QColor(style.colour(shown.tone)))
        self.setPalette(palette)
        font = self.font()
        font.setBold(bool(shown.tone))
        self.setFont(font)
