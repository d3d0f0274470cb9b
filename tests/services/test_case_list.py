"""The case list, its SQL written once: every filter, sort and page of a demo caseload shows
exactly what the list showed before (``case_list_reference``), row for row and column for
column, and a unit of work lists what it has just written."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from rjdesk.demo import fill_demo
from rjdesk.services import queries
from rjdesk.services.queries import SORT_KEYS, CaseFilter, CaseRow
from rjdesk.store.vault import Vault, _clock_at_noon
from rjdesk_protocol.enums import (
    ActionStatus,
    AgreementStatus,
    CaseType,
    Flag,
    RiskLevel,
    Role,
    Stage,
)
from tests.services import case_list_reference as reference
from tests.services.builders import referral

TODAY = date(2026, 11, 20)
CASES = 120
PAGE = 25
FILTERS = [
    CaseFilter(),
    CaseFilter(include_closed=False),
    *(CaseFilter(stage=stage) for stage in Stage),
    *(CaseFilter(case_type=case_type) for case_type in CaseType),
    *(CaseFilter(flag=flag) for flag in Flag),
    CaseFilter(
        case_type=CaseType.NEIGHBOUR_DISPUTE, include_closed=False, flag=Flag.NOISE_NUISANCE
    ),
    CaseFilter(search="a"),
    CaseFilter(search="lukasz"),
    CaseFilter(search="gate music"),
    CaseFilter(search="RJ-26"),
    CaseFilter(search="a", include_closed=False),
    CaseFilter(search="e", stage=Stage.CLOSED),
    CaseFilter(search="o", flag=Flag.HATE_CRIME),
    CaseFilter(search="no such words"),
    CaseFilter(search="?!"),
]


@pytest.fixture(scope="module")
def demo_vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Vault]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RJDESK_INSECURE_FAST_KDF", "1")  # documented test setting
        vault, _ = Vault.create(
            tmp_path_factory.mktemp("caselist") / "vault",
            facilitator_name="Alex Morgan",
            passphrase="correct horse battery staple",
            clock=_clock_at_noon(TODAY),
        )
        list(fill_demo(vault, cases=CASES, seed=12))
        yield vault
        vault.lock()


@pytest.fixture
def session(demo_vault: Vault) -> Iterator[Session]:
    with demo_vault.reader() as reader:
        yield reader


def _typed_as_before(row: CaseRow) -> None:
    """The columns keep their Python types, not only their values (a StrEnum equals its text)."""
    assert type(row.case_type) is CaseType and type(row.stage) is Stage
    assert row.risk_level is None or type(row.risk_level) is RiskLevel
    assert type(row.received_on) is date and type(row.updated_at) is datetime
    assert row.updated_at.tzinfo is UTC
    assert row.next_due is None or type(row.next_due) is date
    assert type(row.flags) is tuple and all(type(flag) is str for flag in row.flags)
    assert type(row.parties) is str and type(row.victims_code_breach) is bool


@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_every_sort_and_page_shows_what_the_list_showed_before(
    session: Session, filters: CaseFilter
) -> None:
    total = queries.count_cases(session, filters)
    assert total == reference.count_cases(session, filters)
    for sort in ("", *SORT_KEYS):
        for descending in (None, True, False):
            # The whole list in one go, then a page from its middle.
            for limit, offset in ((CASES, 0), (PAGE, PAGE)):
                ours = queries.list_cases(
                    session, filters, sort=sort, descending=descending, limit=limit,
                    offset=offset, today=TODAY,
                )  # fmt: skip
                before = reference.list_cases(
                    session, filters, sort=sort, descending=descending, limit=limit,
                    offset=offset, today=TODAY,
                )  # fmt: skip
                assert ours == before, (sort, descending, offset)
                assert [row.as_dict() for row in ours] == [row.as_dict() for row in before]
                for row in ours:
                    _typed_as_before(row)


def test_the_demo_gives_the_comparison_something_to_compare(session: Session) -> None:
    rows = queries.list_cases(session, limit=CASES, today=TODAY)
    assert len(rows) == CASES
    assert any(row.next_due for row in rows) and any(row.victims_code_breach for row in rows)
    assert any(row.risk_level for row in rows) and any(row.flags for row in rows)
    assert any(", " in row.parties for row in rows)
    assert queries.count_cases(session, CaseFilter(search="a")) > PAGE


def test_the_rows_of_given_cases_come_in_the_order_given(session: Session) -> None:
    ids = [row.id for row in queries.list_cases(session, limit=10, today=TODAY)]
    shuffled = [*ids[::-1], "no-such-case"]
    assert [row.id for row in queries.rows_for(session, shuffled, today=TODAY)] == ids[::-1]
    assert queries.rows_for(session, [], today=TODAY) == []


def test_the_sql_names_roles_and_statuses_by_their_stored_values() -> None:
    assert set(queries.PARTY_ROLES) == {Role.HARMED, Role.RESPONSIBLE, Role.BOTH}
    assert set(queries.HARMED_ROLES) == {Role.HARMED, Role.BOTH}
    assert "'harmed', 'responsible', 'both'" in queries._PARTIES
    assert f"ag.status = '{AgreementStatus.SIGNED.value}'" in queries._ACTION_DUE
    assert f"ac.status = '{ActionStatus.PENDING.value}'" in queries._ACTION_DUE


def test_an_unknown_sort_or_filter_value_is_refused(session: Session) -> None:
    with pytest.raises(ValueError, match="unknown sort key"):
        queries.list_cases(session, sort="password", today=TODAY)
    with pytest.raises(ValueError):
        queries.count_cases(session, CaseFilter(stage="nowhere"))  # type: ignore[arg-type]


def test_a_unit_of_work_lists_what_it_has_just_written(tmp_path: Path) -> None:
    vault, _ = Vault.create(
        tmp_path / "vault",
        facilitator_name="Alex Morgan",
        passphrase="correct horse battery staple",
        clock=_clock_at_noon(TODAY),
    )
    with vault.unit_of_work() as uow:
        case = referral(uow)
        assert queries.count_cases(uow.session) == 1
        assert [row.reference for row in queries.list_cases(uow.session, today=TODAY)] == [
            case.reference
        ]
    vault.lock()
