"""The one line `rjdesk sync` and the Sync page show after a sync."""

from __future__ import annotations

from rjdesk.services.sync import SyncReport


def test_a_quiet_sync_says_nothing_moved() -> None:
    assert SyncReport().summary() == "Nothing to send; nothing new from the hub."


def test_one_of_each_is_singular() -> None:
    report = SyncReport(
        sent_bundles=1, sent_records=1, received_records=1, received_cases={"c1"}, new_conflicts=1
    )
    assert report.summary() == (
        "Sent 1 change in 1 bundle; received 1 update to 1 case; "
        "1 conflict to resolve on the Sync page."
    )


def test_many_are_plural() -> None:
    report = SyncReport(
        sent_bundles=2, sent_records=14, received_records=5, received_cases={"a", "b"}
    )
    assert report.summary() == ("Sent 14 changes in 2 bundles; received 5 updates to 2 cases.")
