"""The case list through rjdesk.app: pages, the count, filters, search. Real vaults."""

from __future__ import annotations

import pytest

from rjdesk.app import search
from rjdesk.app.search import CaseFilter
from rjdesk.domain.models import AuditEvent
from rjdesk.services import importer
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import CaseType, Flag, Stage
from tests.conftest import HATE_CRIME, NEIGHBOUR_DISPUTE, TODAY
from tests.services.builders import referral


@pytest.fixture
def three_cases(vault: Vault) -> dict[str, str]:
    """The two example cases and a bare referral: reference by case type."""
    with vault.unit_of_work() as uow:
        hate = importer.import_case(uow, HATE_CRIME.read_bytes()).reference
        neighbours = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).reference
        bare = referral(uow, CaseType.NOISE_NUISANCE).reference
    return {"hate": hate, "neighbours": neighbours, "bare": bare}


def test_the_list_comes_a_page_at_a_time_with_its_count(
    vault: Vault, three_cases: dict[str, str]
) -> None:
    first = search.page_of_cases(vault, today=TODAY, limit=2, with_total=True)
    assert first.total == 3
    assert first.offset == 0
    assert len(first.rows) == 2
    rest = search.page_of_cases(vault, today=TODAY, limit=2, offset=2)
    assert rest.total is None  # a further page does not count again
    assert rest.offset == 2
    everything = {row.reference for row in first.rows + rest.rows}
    assert everything == set(three_cases.values())
    # Newest change first when nothing is sorted.
    changed = [row.updated_at for row in first.rows + rest.rows]
    assert changed == sorted(changed, reverse=True)


def test_filters_and_search_narrow_the_list(vault: Vault, three_cases: dict[str, str]) -> None:
    hate = search.page_of_cases(
        vault, CaseFilter(case_type=CaseType.HATE_CRIME), today=TODAY, with_total=True
    )
    assert [row.reference for row in hate.rows] == [three_cases["hate"]]
    noisy = search.page_of_cases(
        vault, CaseFilter(flag=Flag.NOISE_NUISANCE), today=TODAY, with_total=True
    )
    assert three_cases["bare"] in [row.reference for row in noisy.rows]
    assert three_cases["hate"] not in [row.reference for row in noisy.rows]
    assert search.count_cases(vault, CaseFilter(flag=Flag.NOISE_NUISANCE)) == noisy.total
    at_referral = search.count_cases(vault, CaseFilter(stage=Stage.REFERRAL))
    assert at_referral == 1
    assert search.count_cases(vault) == 3
    found = search.page_of_cases(vault, CaseFilter(search="Nowak"), today=TODAY, with_total=True)
    assert found.total == len(found.rows)
    assert search.page_of_cases(vault, CaseFilter(search="?!"), today=TODAY).rows == ()


def test_sorting_by_a_column_both_ways(vault: Vault, three_cases: dict[str, str]) -> None:
    up = search.page_of_cases(vault, today=TODAY, sort="reference", descending=False)
    down = search.page_of_cases(vault, today=TODAY, sort="reference", descending=True)
    assert [r.reference for r in up.rows] == sorted(three_cases.values())
    assert [r.reference for r in down.rows] == sorted(three_cases.values(), reverse=True)
    with pytest.raises(ValueError, match="unknown sort key"):
        search.page_of_cases(vault, today=TODAY, sort="password")


def test_listing_for_the_command_line_is_on_the_record(
    vault: Vault, three_cases: dict[str, str]
) -> None:
    listed = search.list_cases(vault, CaseFilter(search="Nowak"), limit=1)
    assert listed.total is not None and listed.total >= 1
    assert len(listed.rows) == 1
    everything = search.list_cases(vault)
    assert (len(everything.rows), everything.total) == (3, 3)
    with vault.reader() as session:
        details = [
            e.detail
            for e in session.query(AuditEvent)
            .filter(AuditEvent.action == "list_cases")
            .order_by(AuditEvent.id)
        ]
    assert details == ["1 shown, searched", "3 shown"]


def test_an_empty_vault_lists_nothing(vault: Vault) -> None:
    assert search.list_cases(vault).rows == ()
    assert search.page_of_cases(vault, today=TODAY, with_total=True).total == 0
