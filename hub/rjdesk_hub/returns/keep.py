"""Keeping each case's return facts (``rjdesk_hub.returns.models``) in step with its records.

``HubStore`` calls ``refresh`` with every case a transaction changed, just before it commits
(beside the case index), and ``rjdesk-hub reindex`` calls it for every case: the facts are read
a chunk of cases at a time (a few queries per chunk, not per case), made by ``extract`` and
written back with one statement per table per chunk. The people's facts (equality monitoring
and feedback) are sealed per case under the hub's data key (``people_aad``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any, Protocol

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from rjdesk_hub import models as m
from rjdesk_hub.crypto import AtRest
from rjdesk_hub.referrals.models import Referral
from rjdesk_hub.returns.extract import FACTS_TABLES, CaseExtract, FactsRows, build_facts
from rjdesk_hub.returns.facts import PersonFacts
from rjdesk_hub.returns.models import ReturnCase, ReturnContact, ReturnPeople

_CHUNK = 500
PEOPLE_FORMAT = 1
# A PersonFacts' fields in order, and those that are dates (kept as ISO text when sealed).
PERSON_FIELDS = tuple(f.name for f in dataclasses.fields(PersonFacts))
PERSON_DATES = frozenset({"end_given_on", "follow_up_given_on"})


def people_aad(case_id: str) -> bytes:
    """The associated data of a case's sealed people facts: distinct from its index facts', so
    neither can stand in for the other."""
    return f"rjdesk-hub return people {case_id}".encode()


class OpensRecords(Protocol):
    """What ``refresh`` needs of the transaction's ``HubStore``: its session and key, its rows'
    opened fields (cached: a row written in this transaction is not opened again), and the rows
    ``rjdesk-hub check`` set aside (which count nowhere, as they are delivered nowhere)."""

    session: Session
    at_rest: AtRest

    def fields_of(self, record: m.Record) -> dict[str, Any]: ...

    def set_aside_ids(self) -> frozenset[str]: ...


def refresh(store: OpensRecords, case_ids: Iterable[str]) -> int:
    """Make these cases' facts match their current records, in the store's transaction; how
    many cases have facts (a case with no live case row has none)."""
    wanted = sorted(set(case_ids))
    kept = 0
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        found = facts_rows(store, chunk)
        extracts = {case_id: build_facts(case_id, found[case_id]) for case_id in chunk}
        _write(store.session, store.at_rest, extracts)
        kept += sum(extract is not None for extract in extracts.values())
    return kept


def facts_rows(store: OpensRecords, chunk: Sequence[str]) -> dict[str, FactsRows]:
    """The rows these cases' facts are made of (``extract.FactsRows``), in four queries."""
    session, hidden = store.session, store.set_aside_ids()
    rows: dict[str, list[tuple[str, str, dict[str, Any]]]] = {case_id: [] for case_id in chunk}
    records = session.scalars(
        select(m.Record).where(
            m.Record.case_id.in_(chunk),
            m.Record.table_name.in_(FACTS_TABLES),
            m.Record.deleted.is_(False),
        )
    )
    for record in records:
        if record.row_id not in hidden:
            fields = store.fields_of(record)
            rows[str(record.case_id)].append((record.table_name, record.row_id, fields))
    links = list(
        session.execute(
            select(m.CasePerson.case_id, m.CasePerson.person_id).where(
                m.CasePerson.case_id.in_(chunk)
            )
        )
    )
    people = {
        record.row_id: record
        for record in session.scalars(
            select(m.Record).where(
                m.Record.row_id.in_({person_id for _, person_id in links}),
                m.Record.case_id.is_(None),
                m.Record.deleted.is_(False),
            )
        )
    }
    for case_id, person_id in links:
        person = people.get(person_id)
        if person is not None and person_id not in hidden:
            rows[case_id].append(("person", person_id, store.fields_of(person)))
    partners: dict[str, str | None] = {}
    made = session.execute(
        select(Referral.case_id, Referral.partner_id)
        .where(Referral.case_id.in_(chunk), Referral.status == "accepted")
        .order_by(Referral.received_at.desc())
    )
    for made_case, partner_id in made:  # the earliest last: the referral that made the case
        partners[str(made_case)] = partner_id
    return {case_id: _rows(case_id, found, partners) for case_id, found in rows.items()}


def _rows(
    case_id: str, found: list[tuple[str, str, dict[str, Any]]], partners: dict[str, str | None]
) -> FactsRows:
    """A case's partner is its first referral's, when the hub made the case from one (a partner
    referral that joined a facilitator's own case did not make it)."""
    case = next((f for table, row_id, f in found if table == "case_file" and row_id == case_id), {})
    made_by_hub = case.get("origin") not in (None, "", "facilitator")
    return FactsRows(found, partners.get(case_id) if made_by_hub else None)


def _table(model: type[m.HubBase]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def seal_people(at_rest: AtRest, case_id: str, people: Sequence[PersonFacts]) -> bytes:
    doc = {
        "format": PEOPLE_FORMAT,
        "people": [
            [_plain(getattr(person, name)) for name in PERSON_FIELDS[1:]] for person in people
        ],
    }
    return at_rest.seal_json(doc, people_aad(case_id))


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def _write(session: Session, at_rest: AtRest, extracts: dict[str, CaseExtract | None]) -> None:
    ids = list(extracts)
    for model in (ReturnContact, ReturnPeople, ReturnCase):
        session.execute(delete(model).where(model.case_id.in_(ids)))
    cases, people, contacts = [], [], []
    for case_id, extract in extracts.items():
        if extract is None:
            continue
        cases.append(dataclasses.asdict(extract.case))
        people.append({"case_id": case_id, "sealed": seal_people(at_rest, case_id, extract.people)})
        contacts += [dataclasses.asdict(contact) for contact in extract.contacts]
    if cases:
        session.execute(insert(_table(ReturnCase)), cases)
        session.execute(insert(_table(ReturnPeople)), people)
    if contacts:
        session.execute(insert(_table(ReturnContact)), contacts)


def forget_missing(session: Session) -> None:
    """Remove the facts of cases the hub no longer has (``rjdesk-hub reindex``)."""
    known = select(m.Case.case_id)
    for model in (ReturnContact, ReturnPeople, ReturnCase):
        session.execute(delete(model).where(model.case_id.not_in(known)))
