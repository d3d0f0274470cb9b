"""Unsaved form text, kept encrypted in the vault while the app is locked (DESIGN §4)."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from rjdesk.domain.models import Draft
from rjdesk.store.unit import UnitOfWork


def save_drafts(uow: UnitOfWork, drafts: Mapping[str, tuple[str | None, str]]) -> None:
    """Store ``key -> (case_id, text)``; an empty text removes that draft."""
    for key, (case_id, text) in drafts.items():
        row = uow.session.get(Draft, key)
        if not text.strip():
            if row is not None:
                uow.session.delete(row)
            continue
        if row is None:
            uow.session.add(Draft(key=key, case_id=case_id, text=text, saved_at=uow.now))
        else:
            row.text, row.case_id, row.saved_at = text, case_id, uow.now


def load_drafts(session: Session) -> dict[str, str]:
    return {d.key: d.text for d in session.scalars(select(Draft))}


def discard_drafts(uow: UnitOfWork, keys: list[str]) -> None:
    """Forget drafts once their text has been saved for real."""
    if keys:
        uow.session.execute(delete(Draft).where(Draft.key.in_(keys)))


def replace_drafts(uow: UnitOfWork, drafts: Mapping[str, tuple[str | None, str]]) -> None:
    """Keep exactly these drafts (at lock): what was saved since is not kept twice."""
    uow.session.execute(delete(Draft))
    for key, (case_id, text) in drafts.items():
        if text.strip():
            uow.session.add(Draft(key=key, case_id=case_id, text=text, saved_at=uow.now))
