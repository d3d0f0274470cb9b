"""Settling a conflict at the hub (issue 14, "Conflicts"): the choice is applied as the hub's
own change (the row's next version, made by ``conflicts.HUB_DEVICE``), the conflict is closed,
and the settling person is recorded (``CONFLICT_SETTLED``), all in one transaction; the row and
the closed conflict then reach every laptop on the case at its next sync, as a laptop's
resolution would (docs/sync-protocol.md, "Merging at the hub").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from rjdesk_hub import models as m
from rjdesk_hub.console import conflicts, ledger
from rjdesk_hub.console.conflicts import CHOICES, HUB_DEVICE, MAX_NOTE, NOTE_KEY, SETTLED_BY
from rjdesk_hub.crypto import conflict_aad
from rjdesk_hub.rules import check_case
from rjdesk_hub.service import Hub
from rjdesk_hub.store import HubStore

_FIELD_NAME = re.compile(r"[a-z][a-z0-9_]{0,63}")


class ChoiceRefused(ValueError):
    """A choice that does not fit the conflict; the message is the sentence to show."""


@dataclass(frozen=True)
class Settled:
    """What settling did: ``already`` when the conflict was closed before (nothing changed)."""

    conflict_id: str
    case_id: str
    reference: str
    kind: str
    choice: str
    already: bool
    version: int | None = None  # the row's new version, when the choice changed it


def settle(hub: Hub, conflict_id: str, choice: str, note: str, actor: ledger.Actor) -> Settled:
    """Settle a conflict at the hub with ``choice`` (one of ``CHOICES[kind]``), as the hub's own
    change: the row's next version carries it, the conflict closes, and both reach every laptop
    on the case at its next sync. A conflict closed meanwhile (by a laptop, or posted twice) is
    left as it is: ``already``. ``ChoiceRefused`` for a choice that does not fit."""
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise ChoiceRefused(f"The note must be {MAX_NOTE} characters or fewer.")
    with hub.db.transaction() as tx:
        store = conflicts.open_store(hub, tx)
        session = tx.session
        conflict = conflicts.get(session, conflict_id)
        case = session.get(m.Case, conflict.case_id) if conflict.case_id else None
        done = Settled(
            conflict.id,
            conflict.case_id or "",
            case.reference if case is not None else "",
            conflict.kind,
            choice,
            already=conflict.resolved_at is not None,
        )
        if done.already:
            reason = {"conflict_id": conflict.id, "reason": "already-settled"}
            _record(session, actor, tx.now, done, reason, outcome=ledger.Outcome.FAILED)
            return done
        if choice not in CHOICES.get(conflict.kind, ("acknowledged",)):
            raise ChoiceRefused(_choose_sentence(conflict.kind))
        detail = conflicts.detail_of(hub, conflict)
        version = _apply(store, conflict, detail, choice)
        if note:
            detail[NOTE_KEY] = note
            conflict.detail = hub._at_rest.seal_json(detail, conflict_aad(conflict.id))
        store.resolve(conflict.id, SETTLED_BY + actor.account_id, choice)
        if version is not None and conflict.case_id:
            _recheck_rules(store, conflict.case_id)
        names = [name for name in conflicts.fields_of(detail) if _FIELD_NAME.fullmatch(name)]
        what = {"conflict_id": conflict.id, "kind": conflict.kind, "choice": choice}
        _record(session, actor, tx.now, done, {**what, "fields": names, "note": bool(note)})
        return replace(done, version=version)


def _record(
    session: Session,
    actor: ledger.Actor,
    at: datetime,
    done: Settled,
    detail: ledger.Detail,
    *,
    outcome: ledger.Outcome = ledger.Outcome.OK,
) -> None:
    ledger.record(
        session,
        actor,
        ledger.Action.CONFLICT_SETTLED,
        at=at,
        case_id=done.case_id,
        case_reference=done.reference,
        outcome=outcome,
        detail=detail,
    )


def _choose_sentence(kind: str) -> str:
    if kind == "delete":
        return "Choose whether to keep it or delete it."
    if kind == "rule":
        return "Confirm that the problem has been dealt with."
    return "Choose which value stands."


def _apply(
    store: HubStore, conflict: m.Conflict, detail: dict[str, Any], choice: str
) -> int | None:
    """Write the chosen state of the row as its next version (by the hub); its version, or None
    when the choice changes no row (a rule conflict, or a row the hub never had)."""
    if conflict.kind == "rule":
        return None
    record = store.record(conflict.row_id)
    if record is None:
        return None
    fields = dict(store.fields_of(record))
    deleted = record.deleted
    clashes = conflicts.fields_of(detail)
    if conflict.kind in ("field", "authority"):
        for name, values in clashes.items():
            fields[name] = values.get(choice)
    elif choice == "delete":
        deleted = True
    else:  # keep: the row stands, with the other laptop's changes when it had been deleted
        if deleted:
            for name, values in clashes.items():
                fields[name] = values.get("incoming")
        deleted = False
    written = store.write(
        row_id=record.row_id,
        table=record.table_name,
        case_id=record.case_id,
        fields=fields,
        deleted=deleted,
        device_id=HUB_DEVICE,
        bundle_id=None,
        how="settle",
    )
    return written.hub_version


def _recheck_rules(store: HubStore, case_id: str) -> None:
    """The rules of DESIGN §2 on the case as settled (a value chosen may break one), as after a
    merge; a breach raised before, open or dealt with, is not raised again."""
    rows = [
        (record.table_name, record.row_id, store.fields_of(record))
        for record in store.case_records([case_id])
    ]
    for breach in check_case(case_id, rows):
        earlier = select(m.Conflict).where(
            m.Conflict.case_id == case_id,
            m.Conflict.kind == "rule",
            m.Conflict.row_id == breach.row_id,
        )
        if any(
            store.conflict_detail(c).get("message") == breach.message
            for c in store.session.scalars(earlier)
        ):
            continue
        store.raise_conflict(
            case_id=case_id,
            row_id=breach.row_id,
            table=breach.table,
            kind="rule",
            detail={"message": breach.message},
            from_device=HUB_DEVICE,
        )
