"""What the sync status says in each state, and how conflicts are put into words (no window)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from PySide6.QtCore import Qt

from rjdesk.services.conflicts import ConflictView, FieldValues
from rjdesk.services.sync import SyncStatus
from rjdesk.ui.pages.sync.conflicts_model import (
    CONFLICT_ID_ROLE,
    ConflictsModel,
    side_texts,
    value_text,
    what_text,
)
from rjdesk.ui.pages.sync.indicator import indicator, when_text
from rjdesk.ui.pages.sync.worker import SyncView

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)  # 12:00 in London (GMT in November)
SYNCED = SyncStatus(
    enrolled=True, hub_name="Castle Vale hub", hub_url="https://hub.example.org",
    pending_changes=0, pending_bundles=0, open_conflicts=0,
    last_sync_at=datetime(2026, 11, 20, 11, 5, tzinfo=UTC),
    last_ok=True, last_result="Sent 3 changes in 1 bundle; nothing new from the hub.",
)  # fmt: skip


def _said(view: SyncView) -> str:
    return indicator(view, NOW).sentence


def test_the_status_in_words_for_each_state() -> None:
    assert _said(SyncView(replace(SYNCED, enrolled=False))) == "Not connected to a hub"
    assert _said(SyncView(SYNCED)) == "Synced 11:05"
    assert _said(SyncView(replace(SYNCED, pending_changes=1))) == "Synced 11:05 — 1 change waiting"
    assert _said(SyncView(SYNCED, running=True)) == "Syncing…"
    offline = SyncView(replace(SYNCED, pending_changes=12, last_ok=False), reachable=False)
    assert _said(offline) == "Offline — 12 changes waiting"
    assert indicator(offline, NOW).tone == ""
    both = replace(SYNCED, pending_changes=2, pending_bundles=1)
    assert _said(SyncView(both, reachable=False)) == "Offline — 2 changes and 1 bundle waiting"
    conflicts = SyncView(replace(SYNCED, open_conflicts=2), reachable=False)
    assert _said(conflicts) == "2 conflicts to resolve"
    assert indicator(conflicts, NOW).tone == "medium"
    failed = SyncView(replace(SYNCED, last_ok=False), reachable=True)
    assert indicator(failed, NOW).tone == "error"
    assert _said(SyncView(replace(SYNCED, last_sync_at=None, pending_changes=4))) == (
        "Not synced yet — 4 changes waiting"
    )
    yesterday = replace(SYNCED, last_sync_at=datetime(2026, 11, 19, 9, 10, tzinfo=UTC))
    assert _said(SyncView(yesterday)) == "Synced yesterday 09:10"


def test_times_read_as_the_rest_of_the_app_says_them_in_london() -> None:
    assert when_text(datetime(2026, 11, 20, 14, 5, tzinfo=UTC), NOW) == "today 14:05"
    assert when_text(datetime(2026, 11, 19, 23, 59, tzinfo=UTC), NOW) == "yesterday 23:59"
    assert when_text(datetime(2026, 7, 3, 13, 0, tzinfo=UTC), NOW) == "3 Jul, 14:00"  # BST
    assert when_text(datetime(2025, 11, 3, 9, 0, tzinfo=UTC), NOW) == "3 Nov 2025, 09:00"


def _conflict(kind: str, **changes: object) -> ConflictView:
    view = ConflictView(
        id="c-1", case_id="case-1", case_reference="RJ-26-K7QXM-0042", kind=kind,
        table_name="case_file", row_id="case-1", from_name="Priya Shah", message="",
        fields=(FieldValues("location", "Farnborough Road", "Castle Vale"),
                FieldValues("incident_date", "2026-09-28", None)),
        status="open", raised_at=datetime(2026, 11, 20, 10, 5, tzinfo=UTC),
    )  # fmt: skip
    return replace(view, **changes)  # type: ignore[arg-type]


def test_a_conflict_says_which_record_and_fields_or_the_rule() -> None:
    field = _conflict("field")
    assert what_text(field) == "Case details: location, incident date"
    hub_side, their_side = side_texts(field)
    assert hub_side == "Location:\nFarnborough Road\n\nIncident date:\n28 Sep 2026"
    assert their_side == "Location:\nCastle Vale\n\nIncident date:\n(empty)"
    rule = _conflict("rule", message="A conference was recorded after consent was withdrawn.")
    assert what_text(rule) == "A conference was recorded after consent was withdrawn."
    deleted = _conflict("delete", table_name="agreement_action", fields=())
    assert what_text(deleted) == "Agreed action: deleted on one laptop, changed on another"
    assert side_texts(deleted)[1] == "Deleted."
    assert value_text(["hate_crime", "repeat_referral"]) == "Hate crime, Repeat referral"
    assert value_text("2026-11-04T18:30:00Z") == "4 Nov 2026, 18:30"
    assert value_text({"$blob": "ab12"}) == "(a file)"


def test_the_conflicts_model_has_named_columns_and_the_id_role() -> None:
    model = ConflictsModel()
    model.now = NOW
    model.set_rows([_conflict("field")])
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Case", "What", "From", "Raised"
    ]  # fmt: skip
    row = [model.data(model.index(0, column)) for column in range(4)]
    assert row == ["RJ-26-K7QXM-0042", "Case details: location, incident date", "Priya Shah",
                   "today 10:05"]  # fmt: skip
    assert model.data(model.index(0, 0), CONFLICT_ID_ROLE) == "c-1"
    model.clear()
    assert model.rowCount() == 0
