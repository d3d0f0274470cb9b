"""Opening a case reads its rows straight into the views (``rjdesk.app.case_reader``); the ORM
path (``load_case`` then ``build_case_view``, with ``revolving_door``) must give the very same
views, "seen before" and derived fields, so the fast path can never drift. Real vaults."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, timedelta
from enum import Enum
from types import MappingProxyType
from typing import Any

import pytest
from sqlalchemy import select

from rjdesk.app.case_reader import read_case
from rjdesk.app.cases import open_case
from rjdesk.app.view_builders import (
    agreement_view,
    contact_view,
    document_view,
    participant_views,
    risk_assessment_view,
    safeguarding_view,
)
from rjdesk.app.views import CaseView, ParticipantView, StageChangeView
from rjdesk.demo import fill_demo
from rjdesk.domain import rules
from rjdesk.domain.guidance import next_step
from rjdesk.domain.models import AuditEvent, Case, StageChange
from rjdesk.services import assessment, contacts, documents
from rjdesk.services.cases import load_case
from rjdesk.services.importer import import_case
from rjdesk.services.people import revolving_door
from rjdesk.store.audit import verify_chain
from rjdesk.store.vault import Vault
from rjdesk_protocol.enums import AgreementStatus, Role, SafeguardingKind, Stage
from rjdesk_protocol.errors import NotFound
from tests.conftest import HATE_CRIME, NEIGHBOUR_DISPUTE, TODAY
from tests.services.builders import conference, person, ready_for_conference, referral

# -- the reference: the same view built from the ORM's case, as the write paths build theirs --


def _stage_change(change: StageChange) -> StageChangeView:
    return StageChangeView(
        uid=change.uid,
        from_stage=change.from_stage,
        to_stage=change.to_stage,
        changed_at=change.changed_at,
        changed_by=change.changed_by,
        note=change.note,
    )


def build_case_view(case: Case, today: date) -> CaseView:
    """The view of a case loaded by the ORM with all its parts (``load_case``)."""
    people = participant_views(case.participants)
    agreements = {a.id: agreement_view(case, a, people) for a in case.agreements}
    latest = rules.latest_agreement(case)
    in_force = rules.in_force_agreement(case)
    return CaseView(
        id=case.id,
        reference=case.reference,
        case_type=case.case_type,
        stage=case.stage,
        closure_reason=case.closure_reason,
        closed_on=case.closed_on,
        received_on=case.received_on,
        source=case.source,
        channel=case.channel,
        referrer_name=case.referrer_name,
        referrer_organisation=case.referrer_organisation,
        referrer_phone=case.referrer_phone,
        referrer_email=case.referrer_email,
        crime_reference=case.crime_reference,
        incident_date=case.incident_date,
        location=case.location,
        summary=case.summary,
        risk_level=case.risk_level,
        flags=tuple(case.flags),
        facilitators=tuple(case.facilitators),
        origin=case.origin,
        first_contact_attempted_on=case.first_contact_attempted_on,
        first_contact_made_on=case.first_contact_made_on,
        intervention_type=case.intervention_type,
        started_by=case.started_by,
        justice_stage=case.justice_stage,
        created_at=case.created_at,
        updated_at=case.updated_at,
        participants=tuple(people[p.id] for p in case.participants),
        risk_assessments=tuple(risk_assessment_view(ra) for ra in case.risk_assessments),
        contacts=tuple(contact_view(c, people) for c in case.contacts),
        agreements=tuple(agreements[a.id] for a in case.agreements),
        safeguarding=tuple(safeguarding_view(s) for s in case.safeguarding),
        stage_changes=tuple(_stage_change(s) for s in case.stage_changes),
        documents=tuple(document_view(d) for d in case.documents),
        today=today,
        parties=tuple(people[p.id] for p in rules.parties(case)),
        latest_agreement=agreements[latest.id] if latest else None,
        in_force_agreement=agreements[in_force.id] if in_force else None,
        victims_code=tuple((people[p.id], status) for p, status in rules.victims_code(case, today)),
        next=next_step(case, today),
    )


def _plain(value: Any, *, expand_people: bool = False) -> Any:
    """A view as nested plain values; a participant met again (a supporter's link, who was
    present, who signed) is named by its id, as the views link to the case's own participants."""
    if isinstance(value, ParticipantView) and not expand_people:
        return ("participant", value.id)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__name__,
            {
                f.name: _plain(getattr(value, f.name), expand_people=f.name == "participants")
                for f in dataclasses.fields(value)
            },
        )
    if isinstance(value, tuple | list):
        return [_plain(item, expand_people=expand_people) for item in value]
    if isinstance(value, MappingProxyType | dict):
        return {str(key): _plain(item) for key, item in sorted(value.items())}
    if isinstance(value, Enum):
        return (type(value).__name__, value.value)
    return value


def _seen(seen: dict[str, Any]) -> dict[str, list[tuple[Any, ...]]]:
    return {key: [dataclasses.astuple(m) for m in matches] for key, matches in seen.items()}


def _both_ways(vault: Vault, case_id: str, today: date) -> Iterator[tuple[Any, Any]]:
    """(fast, ORM) pairs for the case's view and its "seen before"."""
    fast = open_case(vault, case_id, today, viewed=False)
    with vault.reader() as session:
        case = load_case(session, case_id)
        orm_view = build_case_view(case, today)
        orm_seen = revolving_door(session, case)
    yield _plain(fast.case), _plain(orm_view)
    yield _seen(fast.seen_before), _seen(orm_seen)


def _links_are_the_cases_own(view: CaseView) -> None:
    """Every link and derived field points at the case's own views, never at copies."""
    people = {id(p) for p in view.participants}
    agreements = {id(a) for a in view.agreements}
    assert all(id(p) in people for p in view.parties)
    assert all(id(p) in people for p, _status in view.victims_code)
    assert all(id(p) in people for c in view.contacts for p in c.present)
    assert all(p.supports is None or id(p.supports) in people for p in view.participants)
    for agreement in (view.latest_agreement, view.in_force_agreement):
        assert agreement is None or id(agreement) in agreements


@pytest.fixture
def filled(vault: Vault) -> list[str]:
    """The shared examples, the builders' cases and demo cases: every case id."""
    with vault.unit_of_work() as uow:
        for example in (NEIGHBOUR_DISPUTE, HATE_CRIME):
            import_case(uow, example.read_bytes())
        ready, marcia, lukasz = ready_for_conference(uow)
        conference(uow, ready, marcia, lukasz)
        again = referral(uow)
        person(uow, again, "Marcia Bennett", Role.HARMED)
        ready_id = ready.id
    with vault.unit_of_work() as uow:
        ready = load_case(uow.session, ready_id)
        contacts.add_addendum(uow, ready.contacts[0], "Marcia rang afterwards to say thank you.")
        assessment.record_safeguarding_concern(
            uow, ready, kind=SafeguardingKind.ADULT, concern="Afraid at home",
            action_taken="Told the lead", participant=ready.participants[1],
        )  # fmt: skip
        documents.add_attachment(uow, ready, filename="letter.pdf", content=b"%PDF-1.4 letter")
    for _done in fill_demo(vault, cases=40, seed=12):
        pass
    with vault.reader() as session:
        return list(session.scalars(select(Case.id).order_by(Case.reference)))


def test_the_fast_views_equal_the_orm_views_of_every_example_and_demo_case(
    vault: Vault, filled: list[str]
) -> None:
    for case_id in filled:
        for day in (TODAY, TODAY + timedelta(days=90)):
            for fast, orm in _both_ways(vault, case_id, day):
                assert fast == orm, case_id
        _links_are_the_cases_own(open_case(vault, case_id, TODAY, viewed=False).case)


def test_the_cases_compared_cover_what_the_rules_derive(vault: Vault, filled: list[str]) -> None:
    """The comparison above means something only if the cases exercise every derived field."""
    opened = [open_case(vault, case_id, TODAY, viewed=False) for case_id in filled]
    views = [snapshot.case for snapshot in opened]
    assert any(snapshot.seen_before for snapshot in opened)
    assert {view.stage for view in views} >= {Stage.REFERRAL, Stage.CLOSED, Stage.FOLLOW_UP}
    assert any(view.in_force_agreement for view in views)
    assert any(
        a.missing_signatures for view in views for a in view.agreements
        if a.status != AgreementStatus.SIGNED
    )  # fmt: skip
    assert any(view.victims_code_breached for view in views)
    assert any(view.next is not None and view.next.stage is not None for view in views)
    assert any(view.blockers_to(Stage.INTERVENTION) for view in views)
    assert any(p.supports is not None for view in views for p in view.participants)
    assert any(c.given_by is not None for v in views for p in v.participants for c in p.consents)
    assert any(contact.addenda for view in views for contact in view.contacts)
    assert any(view.safeguarding for view in views)
    assert any(view.documents for view in views)
    assert any(view.risk_assessments for view in views)
    assert any(action.owner for view in views for a in view.agreements for action in a.actions)


def test_a_case_is_read_by_reference_in_any_case_or_by_id(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case = referral(uow)
        case_id, reference = case.id, case.reference
    with vault.reader() as session:
        conn = session.connection()
        assert read_case(conn, f" {reference.lower()} ", TODAY).view.id == case_id
        assert read_case(conn, case_id, TODAY).view.reference == reference
        with pytest.raises(NotFound, match="no case RJ-26-XXXXX-0001 in this vault"):
            read_case(conn, "RJ-26-XXXXX-0001", TODAY)


def test_opening_a_case_records_one_view_and_a_reload_none(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        case_id = referral(uow).id

    def views() -> list[str]:
        with vault.reader() as session:
            query = select(AuditEvent.entity_id).where(AuditEvent.action == "view_case")
            return list(session.scalars(query))

    open_case(vault, case_id, TODAY, viewed=True)
    open_case(vault, case_id, TODAY, viewed=False)
    assert views() == [case_id]
    with pytest.raises(NotFound):
        open_case(vault, "no-such-case", TODAY, viewed=True)
    assert views() == [case_id]
    with vault.reader() as session:
        assert list(verify_chain(session)) == [], "the reading's event chains as any other"
