"""A case's history as the audit log records it, in plain rows worded for a person."""

from __future__ import annotations

from dataclasses import dataclass

from rjdesk.services.history import case_history, describe_action
from rjdesk.store.vault import Vault
from rjdesk_protocol.calendar import LONDON


@dataclass(frozen=True)
class EventRow:
    """One audit event, already worded for the table (built on the database thread)."""

    when: str
    who: str
    what: str
    detail: str


# The audit log's detail holds identifiers and field names ("status: not_done",
# "assessment -> preparation"); these make them read as words without changing what they say.
_DETAIL_WORDS = (("(captured)", "(on screen)"), ("(paper)", "(on paper)"), (" -> ", " → "))


def readable(detail: str) -> str:
    for raw, words in _DETAIL_WORDS:
        detail = detail.replace(raw, words)
    return detail.replace("_", " ")


def case_events(vault: Vault, reference: str) -> tuple[EventRow, ...]:
    """The case's events, newest first, as plain text rows."""
    with vault.reader() as session:
        events = case_history(session, reference)
        rows = []
        for event in events:
            local = event.at.astimezone(LONDON)
            detail = readable(event.detail or "")
            if event.outcome != "ok":
                detail = f"{event.outcome}: {detail}" if detail else event.outcome
            rows.append(
                EventRow(
                    when=f"{local.day} {local:%b %Y, %H:%M}",
                    who=event.actor,
                    what=describe_action(event.action),
                    detail=detail,
                )
            )
        return tuple(rows)
