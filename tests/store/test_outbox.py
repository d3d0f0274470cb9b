"""The outbox: every change to a synced row is queued for the hub in the same transaction."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from rjdesk.domain.models import StageChange
from rjdesk.domain.sync_models import OutboxChange
from rjdesk.services import agreements, contacts, importer, people
from rjdesk.services.cases import load_case
from rjdesk.store.outbox import APPLYING_HUB_RECORDS
from rjdesk.store.vault import Vault
from rjdesk.sync import records
from rjdesk_protocol.enums import ContactKind
from rjdesk_protocol.errors import RuleViolation
from tests.conftest import NEIGHBOUR_DISPUTE
from tests.services.builders import at, conference, ready_for_conference


def _all_rows(session: Session) -> set[tuple[str, str]]:
    found = set()
    for name in records.SYNCED_TABLES:
        source = records.table(name)
        key = source.c[records.id_column(name)]
        found |= {(name, row_id) for (row_id,) in session.execute(select(key))}
    return found


def _pending(session: Session) -> dict[tuple[str, str], str]:
    query = select(OutboxChange.table_name, OutboxChange.row_id, OutboxChange.op).where(
        OutboxChange.bundle_id.is_(None)
    )
    return {(table, row_id): op for table, row_id, op in session.execute(query)}


def unqueued_rows(session: Session) -> list[tuple[str, str]]:
    """Synced rows of a vault that never synced which have no pending outbox entry."""
    pending = _pending(session)
    return sorted(row for row in _all_rows(session) if row not in pending)


def queued_but_gone(session: Session) -> list[tuple[str, str]]:
    """Rows queued as written that do not exist."""
    rows = _all_rows(session)
    return sorted(r for r, op in _pending(session).items() if op == "put" and r not in rows)


def test_everything_a_new_case_writes_is_queued_once(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes())
    with vault.reader() as session:
        assert unqueued_rows(session) == []
        assert queued_but_gone(session) == []
        stage_uids = set(session.scalars(select(StageChange.uid)))
        assert stage_uids and all(("stage_change", uid) in _pending(session) for uid in stage_uids)
        assert session.scalar(select(func.count()).select_from(OutboxChange)) == len(
            _all_rows(session)
        )


def test_a_row_changed_many_times_is_queued_once_and_a_discarded_draft_as_deleted(
    vault: Vault,
) -> None:
    with vault.unit_of_work() as uow:
        case, marcia, lukasz = ready_for_conference(uow)
        conference(uow, case, marcia, lukasz)
        draft = agreements.draft_agreement(
            uow, case, actions=[agreements.ActionInput("Keep the gate shut.", lukasz)]
        )
        case_id, draft_id = case.id, draft.id
    for summary in ("one", "two", "three"):
        with vault.unit_of_work() as uow:
            agreement = next(
                a for a in load_case(uow.session, case_id).agreements if a.id == draft_id
            )
            agreements.update_draft(uow, agreement, summary=summary)
    with vault.reader() as session:
        assert list(_pending(session)).count(("agreement", draft_id)) == 1
    with vault.unit_of_work() as uow:
        agreement = next(a for a in load_case(uow.session, case_id).agreements if a.id == draft_id)
        agreements.discard_draft(uow, agreement)
    with vault.reader() as session:
        pending = _pending(session)
        assert pending[("agreement", draft_id)] == "del"
        assert (
            session.scalar(select(OutboxChange.case_id).where(OutboxChange.row_id == draft_id))
            == case_id
        )


def test_a_refused_change_queues_nothing(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case_id = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).id
    with vault.reader() as session:
        before = _pending(session)
    with pytest.raises(RuleViolation), vault.unit_of_work() as uow:
        case = load_case(uow.session, case_id)
        people.update_person(uow, case.participants[0], people.PersonDetails(name="Changed"))
        contacts.record_contact(
            uow, case, kind=ContactKind.PHONE, at=at(date(2026, 11, 19)), present=[], notes="x"
        )
        raise RuleViolation("the facilitator changed their mind")
    with vault.reader() as session:
        assert _pending(session) == before


def test_writes_applied_from_the_hub_are_not_sent_back(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case_id = importer.import_case(uow, NEIGHBOUR_DISPUTE.read_bytes()).id
    with vault.reader() as session:
        before = _pending(session)
    with vault.unit_of_work() as uow:
        uow.session.info[APPLYING_HUB_RECORDS] = True
        case = load_case(uow.session, case_id)
        contacts.add_addendum(uow, case.contacts[0], "From the other laptop.")
    with vault.reader() as session:
        assert _pending(session) == before
