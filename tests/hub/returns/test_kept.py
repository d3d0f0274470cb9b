"""Kept returns: each produced return is kept (its figures sealed at rest) with its definition's
version and hash, and running it again lists what changed since, in words. Results are made by
hand (samples.py); on SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from rjdesk_hub import Hub
from rjdesk_hub.errors import HubDamaged
from rjdesk_hub.returns import kept
from rjdesk_hub.returns.kept_models import KeptReturn
from rjdesk_hub.returns.result import Cell, Period, ReturnResult
from rjdesk_protocol.errors import NotFound
from tests.hub.returns.samples import ethnicity, sample, satisfaction

HASH = kept.definition_hash("id: rj-quarterly\nversion: 1\n")


def _ticking(hub: Hub) -> None:
    """Each transaction a minute after the last, so "newest" is never a tie."""
    moments = iter(
        datetime(2026, 12, 8, 9, 0, tzinfo=UTC) + timedelta(minutes=i) for i in range(99)
    )
    hub.db.clock = lambda: next(moments)


def test_a_kept_return_comes_back_as_it_was_and_its_figures_are_sealed(hub: Hub) -> None:
    info = kept.keep(hub, sample(), definition_sha256=HASH, produced_by=kept.BY_COMMAND_LINE)
    assert info.definition_id == "rj-quarterly"
    assert info.definition_version == 1
    assert info.definition_sha256 == HASH
    assert (info.period_start, info.period_end) == (date(2026, 10, 1), date(2026, 12, 31))
    assert info.period_label == "2026-27 Q3"
    assert info.produced_by == "command line"
    assert kept.load(hub, info.id) == sample()
    with hub.db.reader() as session:
        sealed = session.scalars(select(KeptReturn.sealed)).one()
    for plain in (b"Referrals by source", b"Police", b"Prefer not to say", b"1204"):
        assert plain not in sealed


def test_kept_figures_moved_to_another_row_do_not_open(hub: Hub) -> None:
    first = kept.keep(hub, sample(), definition_sha256=HASH, produced_by="command line")
    second = kept.keep(hub, sample(13), definition_sha256=HASH, produced_by="command line")
    with hub.db.transaction() as tx:
        sealed = tx.session.get(KeptReturn, first.id)
        assert sealed is not None
        tx.session.execute(
            update(KeptReturn).where(KeptReturn.id == second.id).values(sealed=sealed.sealed)
        )
    with pytest.raises(HubDamaged, match="fails its authentication"):
        kept.load(hub, second.id)


def test_an_unknown_kept_return_is_one_sentence(hub: Hub) -> None:
    with pytest.raises(
        NotFound, match="no kept return has the id nope: see rjdesk-hub returns list"
    ):
        kept.load(hub, "nope")


def test_the_latest_kept_return_is_of_the_same_definition_and_period(hub: Hub) -> None:
    _ticking(hub)
    assert kept.latest(hub, "rj-quarterly", date(2026, 10, 1), date(2026, 12, 31)) is None
    older = kept.keep(hub, sample(12), definition_sha256=HASH, produced_by="command line")
    newer = kept.keep(hub, sample(13), definition_sha256=HASH, produced_by="console: acc-1")
    other_period = dataclasses.replace(
        sample(40), period=Period(date(2026, 7, 1), date(2026, 9, 30), "2026-27 Q2")
    )
    kept.keep(hub, other_period, definition_sha256=HASH, produced_by="command line")
    other_definition = dataclasses.replace(sample(41), definition_id="pcc-people")
    kept.keep(hub, other_definition, definition_sha256=HASH, produced_by="command line")

    found = kept.latest(hub, "rj-quarterly", date(2026, 10, 1), date(2026, 12, 31))
    assert found is not None
    assert found.id == newer.id
    assert found.id != older.id
    listed = kept.kept_returns(hub)
    assert [k.definition_id for k in listed] == [
        "pcc-people",
        "rj-quarterly",
        "rj-quarterly",
        "rj-quarterly",
    ]
    assert [k.period_label for k in kept.kept_returns(hub, "rj-quarterly")] == [
        "2026-27 Q2",
        "2026-27 Q3",
        "2026-27 Q3",
    ]


def test_a_late_change_is_listed_cell_by_cell() -> None:
    assert [str(c) for c in kept.changes(sample(12), sample(13))] == [
        "Referrals by source, Police: 12 → 13",
        "Referrals by source, Total: 36 → 37",
    ]
    assert kept.changes(sample(), sample()) == []


def test_a_cell_moving_into_or_out_of_suppression_says_so() -> None:
    before = sample()
    table = ethnicity()
    rows = list(table.cells)
    rows[1] = (Cell(7.0, "7"), Cell(None, "<5", suppressed=True), Cell(None, "<5", True))
    rows[2] = (Cell(None, "<5", True), Cell(8.0, "8"), Cell(None, "<5", True))
    moved = dataclasses.replace(table, cells=tuple(rows))
    after = dataclasses.replace(before, tables=(*before.tables[:3], moved, before.tables[4]))
    found = kept.changes(before, after)
    assert [str(c) for c in found] == [
        "Participants by ethnic group and role, Asian or Asian British: Indian, Harmed: "
        "<5 → 7 (no longer suppressed)",
        "Participants by ethnic group and role, Asian or Asian British: Indian, Total: "
        "9 → <5 (now under 5 or hidden by suppression)",
        "Participants by ethnic group and role, Prefer not to say, Harmed: "
        "6 → <5 (now under 5 or hidden by suppression)",
        "Participants by ethnic group and role, Prefer not to say, Total: "
        "14 → <5 (now under 5 or hidden by suppression)",
    ]
    assert found[0].row == "Asian or Asian British: Indian"
    assert found[0].column == "Harmed"
    assert (found[0].before, found[0].after) == ("<5", "7")


def test_a_figure_hidden_to_protect_another_is_told_as_c() -> None:
    """Police 12 becomes "[c]" (hidden only so that a small number beside it cannot be worked
    out); the change is told with its mark, and back again as no longer suppressed."""
    before = sample()
    table = before.tables[0]
    rows = list(table.cells)
    rows[0] = (Cell(None, "[c]", suppressed=True),)
    after = dataclasses.replace(
        before, tables=(dataclasses.replace(table, cells=tuple(rows)), *before.tables[1:])
    )
    assert [str(c) for c in kept.changes(before, after)] == [
        "Referrals by source, Police: 12 → [c] (now hidden to protect a small number)"
    ]
    assert [str(c) for c in kept.changes(after, before)] == [
        "Referrals by source, Police: [c] → 12 (no longer suppressed)"
    ]


def test_a_new_definition_version_is_said_first() -> None:
    found = [str(c) for c in kept.changes(sample(12, version=1), sample(13, version=2))]
    assert found[0] == (
        "The definition rj-quarterly changed from version 1 to version 2: figures may differ "
        "because of that alone."
    )
    assert found[1:] == [
        "Referrals by source, Police: 12 → 13",
        "Referrals by source, Total: 36 → 37",
    ]


def test_a_definition_edited_without_a_new_version_is_said_first() -> None:
    found = kept.changes(
        sample(12), sample(12), kept_sha256=HASH, fresh_sha256=kept.definition_hash("edited")
    )
    assert [str(c) for c in found] == [
        "The definition rj-quarterly version 1 was edited without a new version number: "
        "figures may differ because of that alone."
    ]


def test_rows_and_tables_that_come_or_go_are_listed() -> None:
    before = sample()
    table = satisfaction()
    grown = dataclasses.replace(
        table,
        rows=(*table.rows, "Supporter"),
        cells=(*table.cells, (Cell(100.0, "100%"),)),
    )
    after: ReturnResult = dataclasses.replace(before, tables=(*before.tables[1:4], grown))
    assert [str(c) for c in kept.changes(before, after)] == [
        "Satisfied or very satisfied (end of intervention), Supporter: none → 100%",
        "Referrals by source: no longer in the return",
    ]
    assert [str(c) for c in kept.changes(after, before)] == [
        "Referrals by source: a new table",
        "Satisfied or very satisfied (end of intervention), Supporter: 100% → none",
    ]


def test_a_return_whose_record_fails_is_not_kept(hub: Hub) -> None:
    def refuse(*_args: object) -> None:
        raise RuntimeError("the audit log refused")

    with pytest.raises(RuntimeError):
        kept.keep(hub, sample(), definition_sha256=HASH, produced_by="command line", then=refuse)
    assert kept.kept_returns(hub) == []


def test_returns_kept_in_the_same_instant_keep_their_order(hub: Hub) -> None:
    hub.db.clock = lambda: datetime(2026, 12, 8, 9, 0, tzinfo=UTC)  # every keep at one instant
    made = [
        kept.keep(hub, sample(police), definition_sha256=HASH, produced_by="command line")
        for police in (12, 13, 14, 15)
    ]
    assert [k.id[:11] for k in made] == ["0000000001-", "0000000002-", "0000000003-", "0000000004-"]
    assert all(len(k.id) == 36 for k in made)
    assert sorted(k.id for k in made) == [k.id for k in made]
    found = kept.latest(hub, "rj-quarterly", date(2026, 10, 1), date(2026, 12, 31))
    assert found is not None and found.id == made[-1].id
    assert [k.id for k in kept.kept_returns(hub)] == [k.id for k in reversed(made)]
