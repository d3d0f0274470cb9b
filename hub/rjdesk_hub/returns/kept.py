"""Kept returns: every return the hub produces is kept with what made it (the definition's id,
version and text hash, the period, who or what produced it, when), and a return run again says
what changed since the last one kept for the same definition and period (docs/returns.md,
"Kept returns").

The figures are kept sealed (``kept_models`` says why); only suppressed aggregates are ever in
them, as the outputs print them, so a change is told in the same words: "<5" stays "<5", and
"[c]" stays "[c]".
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rjdesk_hub.crypto import AtRest
from rjdesk_hub.models import ROW_ID
from rjdesk_hub.returns.kept_models import KeptReturn
from rjdesk_hub.returns.result import CONCEALED, MARKS, Cell, ReturnResult, Table, printed
from rjdesk_protocol.errors import NotFound

if TYPE_CHECKING:
    from rjdesk_hub.service import Hub

_SEAL_PURPOSE = "kept returns v1"
_DIGITS = 10  # of a kept return's number, at the start of its id
BY_COMMAND_LINE = "command line"


def definition_hash(text: str | bytes) -> str:
    """The SHA-256 of a definition file's text: a definition edited without a new version
    number is still told apart."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class KeptInfo:
    """What a kept return is, without its figures."""

    id: str
    definition_id: str
    definition_version: int
    definition_sha256: str
    period_start: date
    period_end: date
    period_label: str
    produced_by: str
    produced_at: datetime
    computed_at: datetime


def _next_id(session: Session) -> str:
    """A new kept return's id: its number in the order returns were kept, then random. Two
    returns kept in the same instant (a fixed clock, a fast console) still sort by id in the
    order they were kept; the transaction holds the hub's write lock, so no two get one number."""
    last = session.scalar(select(func.max(KeptReturn.id)))
    number = int(last[:_DIGITS]) + 1 if last and last[:_DIGITS].isdigit() else 1
    return f"{number:0{_DIGITS}d}-{uuid.uuid4().hex[: ROW_ID - _DIGITS - 1]}"


def _aad(kept_id: str) -> bytes:
    return f"rjdesk-hub kept return {kept_id}".encode()


def _at_rest(hub: Hub) -> AtRest:
    return AtRest(hub.derived_key(_SEAL_PURPOSE))


def _info(row: KeptReturn) -> KeptInfo:
    return KeptInfo(
        id=row.id,
        definition_id=row.definition_id,
        definition_version=row.definition_version,
        definition_sha256=row.definition_sha256,
        period_start=row.period_start,
        period_end=row.period_end,
        period_label=row.period_label,
        produced_by=row.produced_by,
        produced_at=row.produced_at,
        computed_at=row.computed_at,
    )


# Run in the transaction that keeps a return, with its time: the console's audit record of it,
# so a return is never kept unrecorded nor recorded unkept.
Then = Callable[[Session, datetime, KeptInfo], None]


def keep(
    hub: Hub,
    result: ReturnResult,
    *,
    definition_sha256: str,
    produced_by: str,
    then: Then | None = None,
) -> KeptInfo:
    """Keep ``result``, its figures sealed. ``produced_by`` says who or what ran it:
    ``BY_COMMAND_LINE`` or "console: <account id>" (never a person's name); ``then`` runs in
    the same transaction."""
    plain = json.dumps(result.to_json(), ensure_ascii=False, separators=(",", ":")).encode()
    with hub.db.transaction() as tx:
        kept_id = _next_id(tx.session)
        row = KeptReturn(
            id=kept_id,
            definition_id=result.definition_id,
            definition_version=result.definition_version,
            definition_sha256=definition_sha256,
            period_start=result.period.start,
            period_end=result.period.end,
            period_label=result.period.label,
            produced_by=produced_by,
            produced_at=tx.now,
            computed_at=result.computed_at,
            sealed=_at_rest(hub).seal(plain, _aad(kept_id)),
        )
        tx.session.add(row)
        tx.session.flush()
        info = _info(row)
        if then is not None:
            then(tx.session, tx.now, info)
        return info


def kept_returns(hub: Hub, definition_id: str | None = None) -> list[KeptInfo]:
    """The kept returns, newest first (of one definition when ``definition_id`` is given)."""
    query = select(KeptReturn).order_by(KeptReturn.produced_at.desc(), KeptReturn.id.desc())
    if definition_id is not None:
        query = query.where(KeptReturn.definition_id == definition_id)
    with hub.db.reader() as session:
        return [_info(row) for row in session.scalars(query)]


def latest(hub: Hub, definition_id: str, start: date, end: date) -> KeptInfo | None:
    """The newest kept return of ``definition_id`` for exactly the period ``start``–``end``."""
    query = (
        select(KeptReturn)
        .where(
            KeptReturn.definition_id == definition_id,
            KeptReturn.period_start == start,
            KeptReturn.period_end == end,
        )
        .order_by(KeptReturn.produced_at.desc(), KeptReturn.id.desc())
        .limit(1)
    )
    with hub.db.reader() as session:
        row = session.scalars(query).one_or_none()
        return None if row is None else _info(row)


def load(hub: Hub, kept_id: str) -> ReturnResult:
    """The figures of a kept return."""
    with hub.db.reader() as session:
        row = session.get(KeptReturn, kept_id)
        if row is None:
            raise NotFound(f"no kept return has the id {kept_id}: see rjdesk-hub returns list")
        sealed = row.sealed
    plain = _at_rest(hub).open(sealed, _aad(kept_id))
    return ReturnResult.from_json(json.loads(plain))


@dataclass(frozen=True)
class Change:
    """One difference between a kept return and a fresh one, in words. ``table`` is the
    table's title; ``row``/``column`` name the cell when a table has more than one of them;
    ``before``/``after`` are the figures as printed (None: the cell was not there)."""

    text: str
    table: str = ""
    row: str | None = None
    column: str | None = None
    before: str | None = None
    after: str | None = None

    def __str__(self) -> str:
        return self.text


def _shown(cell: Cell | None) -> str | None:
    if cell is None:
        return None
    return printed(cell)


def _cells(table: Table) -> dict[tuple[str, str], Cell]:
    return {
        (row, column): cell
        for row, cells in zip(table.rows, table.cells, strict=True)
        for column, cell in zip(table.columns, cells, strict=True)
    }


def _in_words(before: str | None, after: str | None) -> str:
    text = f"{before or 'none'} → {after or 'none'}"
    if after == CONCEALED and before not in (None, *MARKS):
        return f"{text} (now hidden to protect a small number)"
    if after in MARKS and before not in (None, *MARKS):
        return f"{text} (now under 5 or hidden by suppression)"
    if before in MARKS and after not in (None, *MARKS):
        return f"{text} (no longer suppressed)"
    return text


def _table_changes(kept: Table, fresh: Table) -> list[Change]:
    old, new = _cells(kept), _cells(fresh)
    rows = list(dict.fromkeys([*kept.rows, *fresh.rows]))
    columns = list(dict.fromkeys([*kept.columns, *fresh.columns]))
    name_row, name_column = len(rows) > 1, len(columns) > 1
    found = []
    for row in rows:
        for column in columns:
            before, after = _shown(old.get((row, column))), _shown(new.get((row, column)))
            if before == after or (before is None and after is None):
                continue
            where = [fresh.title]
            where += [row] if name_row else []
            where += [column] if name_column else []
            found.append(
                Change(
                    text=f"{', '.join(where)}: {_in_words(before, after)}",
                    table=fresh.title,
                    row=row if name_row else None,
                    column=column if name_column else None,
                    before=before,
                    after=after,
                )
            )
    return found


def changes(
    kept: ReturnResult,
    fresh: ReturnResult,
    *,
    kept_sha256: str | None = None,
    fresh_sha256: str | None = None,
) -> list[Change]:
    """What differs between a kept return and a fresh one, cell by cell, in words ("Referrals
    by source, Police: 12 → 13"); a definition of another version (or the same version with
    other text, when both hashes are given) is said first, since it alone can move figures."""
    found: list[Change] = []
    if kept.definition_id != fresh.definition_id:
        found.append(
            Change(
                f"These are returns of two definitions ({kept.definition_id} and "
                f"{fresh.definition_id}): their figures are not comparable."
            )
        )
    elif kept.definition_version != fresh.definition_version:
        found.append(
            Change(
                f"The definition {fresh.definition_id} changed from version "
                f"{kept.definition_version} to version {fresh.definition_version}: figures may "
                "differ because of that alone."
            )
        )
    elif kept_sha256 and fresh_sha256 and kept_sha256 != fresh_sha256:
        found.append(
            Change(
                f"The definition {fresh.definition_id} version {fresh.definition_version} was "
                "edited without a new version number: figures may differ because of that alone."
            )
        )
    if kept.period != fresh.period and (kept.period.start, kept.period.end) != (
        fresh.period.start,
        fresh.period.end,
    ):
        found.append(
            Change(f"The period changed from {kept.period.label} to {fresh.period.label}.")
        )
    old = {table.id: table for table in kept.tables}
    new = {table.id: table for table in fresh.tables}
    for table in fresh.tables:
        if table.id not in old:
            found.append(Change(f"{table.title}: a new table", table=table.title))
        else:
            found += _table_changes(old[table.id], table)
    for table in kept.tables:
        if table.id not in new:
            found.append(Change(f"{table.title}: no longer in the return", table=table.title))
    return found
