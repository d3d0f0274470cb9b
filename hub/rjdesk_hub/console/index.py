"""The case index: what the register searches, filters and lists, without opening case content
(docs/hub.md, "What the case index shows").

Per case, kept in the transaction of every change that touches the case (``HubStore`` calls
``refresh`` before its transaction commits):

- keyed hashes (``AtRest.index_digest``: HMAC-SHA256 under a key derived from the data key) of
  the folded prefixes of every name of the case's people, of their dates of birth, phone
  numbers and postcodes, each hashed with its kind so a digest does not say which it is;
- the plain facts the register filters and sorts on: reference, type, stage, source, received
  date, last change, open or closed, and who holds it;
- one facts record, sealed like a payload, of what a register row shows: the people's names and
  roles, the next date due, where the Victims' Code stands, flags;
- for an open case, the plain dates the overview counts on (``overview_models.CaseIndexDates``):
  the earliest Victims' Code deadline still open, the earliest pending agreed action and the
  earliest agreement review, of the agreements in force.

Names are folded as the laptop's search folds them (``rjdesk_protocol.text``): "luk" finds
"Łukasz". Prefixes run from ``NAME_PREFIX_MIN`` to ``NAME_PREFIX_MAX`` letters; a longer word
typed in a search is looked up by its first ``NAME_PREFIX_MAX`` letters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.orm import Session

from rjdesk_hub import models as m
from rjdesk_hub.console.overview_models import CaseIndexDates
from rjdesk_hub.crypto import AtRest, facts_aad
from rjdesk_protocol.calendar import add_working_days
from rjdesk_protocol.enums import Role
from rjdesk_protocol.text import phone_key, postcode_key, search_terms
from rjdesk_protocol.victims_code import VICTIMS_CODE_WORKING_DAYS

NAME_PREFIX_MIN = 2
NAME_PREFIX_MAX = 8
CLOSED_STAGE = "closed"
_CHUNK = 500
# The tables whose rows an entry is made of; a change to any other only moves its last change.
INDEXED_TABLES = frozenset({"case_file", "participant", "person", "agreement", "agreement_action"})


@dataclass(frozen=True)
class CaseRows:
    """What a case's entry is made of, as the store holds it: the live rows of the indexed
    tables (its people's included) with their current fields, and when the case's other live
    rows (contacts, notes, documents…: never opened for the index) last changed."""

    rows: Sequence[tuple[m.Record, dict[str, Any]]]
    others_changed_at: datetime | None = None


# The rows of many cases at once (a few queries per chunk of cases, not per case).
RowsOf = Callable[[Sequence[str]], Mapping[str, CaseRows]]


# -- terms ------------------------------------------------------------------------------------


def name_term(prefix: str) -> str:
    return f"name\x00{prefix}"


def date_of_birth_term(day: str) -> str:
    return f"dob\x00{day}"


def phone_term(key: str) -> str:
    return f"phone\x00{key}"


def postcode_term(key: str) -> str:
    return f"postcode\x00{key}"


def name_prefixes(name: str) -> set[str]:
    """Every prefix, ``NAME_PREFIX_MIN`` to ``NAME_PREFIX_MAX`` letters long, of every folded
    word of a name ("Łukasz" → "lu", "luk", …, "lukasz")."""
    found: set[str] = set()
    for word in search_terms(name):
        for length in range(NAME_PREFIX_MIN, min(len(word), NAME_PREFIX_MAX) + 1):
            found.add(word[:length])
        if len(word) < NAME_PREFIX_MIN:
            found.add(word)  # a one-letter word is only found typed whole
    return found


def person_terms(fields: dict[str, Any]) -> set[str]:
    """The index terms of one person row."""
    terms = {name_term(prefix) for prefix in name_prefixes(str(fields.get("name") or ""))}
    born = fields.get("date_of_birth")
    if isinstance(born, str) and born:
        terms.add(date_of_birth_term(born))
    phone = phone_key(fields.get("phone") if isinstance(fields.get("phone"), str) else None)
    if phone:
        terms.add(phone_term(phone))
    address = fields.get("address")
    postcode = postcode_key(address if isinstance(address, str) else None)
    if postcode:
        terms.add(postcode_term(postcode))
    return terms


# -- one case's entry ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One case's index entry, before it is hashed and sealed (case data: never logged)."""

    reference: str
    case_type: str
    stage: str
    source: str
    received_on: date | None
    updated_at: datetime
    closed: bool
    facts: dict[str, Any]
    terms: frozenset[str]
    due: DueDates | None = None  # None for a closed case


@dataclass(frozen=True)
class DueDates:
    """An open case's earliest dates due, as the overview counts them (plain in the index)."""

    victims_code_due_on: date | None  # a harmed person not yet given RJ information
    action_due_on: date | None  # a pending action of a signed agreement
    review_due_on: date | None  # a signed agreement's review


def _day(value: object) -> date | None:
    if isinstance(value, str) and value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _position(fields: dict[str, Any]) -> int:
    position = fields.get("position")
    return position if isinstance(position, int) else 0


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def build_entry(case_id: str, rows: CaseRows) -> Entry | None:
    """The entry of a case from its current rows; None when it has no live case row (never
    received whole, or deleted)."""
    by_table: dict[str, list[tuple[m.Record, dict[str, Any]]]] = {}
    for record, fields in rows.rows:
        if not record.deleted:
            by_table.setdefault(record.table_name, []).append((record, fields))
    cases = [f for r, f in by_table.get("case_file", []) if r.row_id == case_id]
    if not cases:
        return None
    case = cases[0]
    people = {r.row_id: f for r, f in by_table.get("person", [])}
    participants = sorted((f for _, f in by_table.get("participant", [])), key=_position)
    terms: set[str] = set()
    parties: list[dict[str, Any]] = []
    for participant in participants:
        person = people.get(_text(participant.get("person_id")))
        if person is None:
            continue
        terms |= person_terms(person)
        parties.append({"name": _text(person.get("name")), "role": _text(participant.get("role"))})
    stage = _text(case.get("stage"))
    received_on = _day(case.get("received_on"))
    closed = stage == CLOSED_STAGE
    victims_code = _victims_code(received_on, participants)
    facts = {
        "parties": parties,
        "next_due_on": None if closed else _next_due(by_table, victims_code),
        "victims_code": victims_code,
        "flags": [flag for flag in case.get("flags") or [] if isinstance(flag, str)],
        "risk_level": case.get("risk_level"),
        "facilitators": [name for name in case.get("facilitators") or [] if isinstance(name, str)],
    }
    return Entry(
        reference=_text(case.get("reference"))[:32],
        case_type=_text(case.get("case_type"))[:40],
        stage=stage[:20],
        source=_text(case.get("source"))[:40],
        received_on=received_on,
        updated_at=_last_change(rows),
        closed=closed,
        facts=facts,
        terms=frozenset(terms),
        due=None if closed else _due_dates(by_table, victims_code),
    )


def _due_dates(
    by_table: dict[str, list[tuple[m.Record, dict[str, Any]]]],
    victims_code: list[dict[str, str | None]],
) -> DueDates:
    """As the laptop's Today page counts them (``rjdesk.services.today``): only a signed
    agreement is in force; its pending actions and its review are due."""
    open_deadlines = [
        day for item in victims_code if item["given_on"] is None if (day := _day(item["deadline"]))
    ]
    signed = {r.row_id: f for r, f in by_table.get("agreement", []) if f.get("status") == "signed"}
    reviews = [day for f in signed.values() if (day := _day(f.get("review_on")))]
    actions = [
        day
        for _, f in by_table.get("agreement_action", [])
        if f.get("status") == "pending" and _text(f.get("agreement_id")) in signed
        if (day := _day(f.get("due_on")))
    ]
    return DueDates(
        victims_code_due_on=min(open_deadlines, default=None),
        action_due_on=min(actions, default=None),
        review_due_on=min(reviews, default=None),
    )


def _last_change(rows: CaseRows) -> datetime:
    """When any live row of the case last changed (the case row is one: never empty)."""
    times = [record.changed_at for record, _ in rows.rows]
    if rows.others_changed_at is not None:
        times.append(rows.others_changed_at)
    return max(times)


def _victims_code(
    received_on: date | None, participants: Iterable[dict[str, Any]]
) -> list[dict[str, str | None]]:
    """Each harmed person's Victims' Code dates: the deadline and when they were given RJ
    information (the state follows from these and today: ``rjdesk_protocol.victims_code``)."""
    if received_on is None:
        return []
    deadline = add_working_days(received_on, VICTIMS_CODE_WORKING_DAYS).isoformat()
    found: list[dict[str, str | None]] = []
    for participant in participants:
        try:
            harmed = Role(_text(participant.get("role"))).is_harmed
        except ValueError:
            continue
        if harmed:
            given = _day(participant.get("rj_information_given_on"))
            found.append(
                {
                    "received_on": received_on.isoformat(),
                    "deadline": deadline,
                    "given_on": given.isoformat() if given else None,
                }
            )
    return found


def _next_due(
    by_table: dict[str, list[tuple[m.Record, dict[str, Any]]]],
    victims_code: list[dict[str, str | None]],
) -> str | None:
    """The earliest date something is due: RJ information not yet given, a pending action of an
    agreement in force, or a signed agreement's review."""
    due: list[date] = [
        day for item in victims_code if item["given_on"] is None if (day := _day(item["deadline"]))
    ]
    agreements = {r.row_id: f for r, f in by_table.get("agreement", [])}
    for agreement in agreements.values():
        review = _day(agreement.get("review_on"))
        if agreement.get("status") == "signed" and review is not None:
            due.append(review)
    for _, action in by_table.get("agreement_action", []):
        of_action = agreements.get(_text(action.get("agreement_id")))
        if of_action is None or of_action.get("status") == "superseded":
            continue
        day = _day(action.get("due_on"))
        if action.get("status") == "pending" and day is not None:
            due.append(day)
    return min(due).isoformat() if due else None


# -- keeping the tables -------------------------------------------------------------------------


def refresh(session: Session, at_rest: AtRest, case_ids: Iterable[str], rows_of: RowsOf) -> int:
    """Make the index entries of these cases match their current rows, in the caller's
    transaction; how many entries are kept (a case with no live case row has none). Written
    a chunk of cases at a time: a few statements per chunk, not per case."""
    wanted = sorted(set(case_ids))
    kept = 0
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        found = rows_of(chunk)
        entries = {
            case_id: build_entry(case_id, found.get(case_id, CaseRows(()))) for case_id in chunk
        }
        _write(session, at_rest, entries)
        kept += sum(entry is not None for entry in entries.values())
    return kept


def touch_times(session: Session, case_ids: Iterable[str], when: datetime) -> None:
    """A change that cannot alter what a case's entry says but its last change (a contact, a
    note, a document): only that time moves, with no row opened."""
    ids = sorted(set(case_ids))
    for start in range(0, len(ids), _CHUNK):
        session.execute(
            update(m.CaseIndex)
            .where(m.CaseIndex.case_id.in_(ids[start : start + _CHUNK]))
            .values(updated_at=when)
        )


def _table(model: type[m.HubBase]) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _write(session: Session, at_rest: AtRest, entries: dict[str, Entry | None]) -> None:
    ids = list(entries)
    session.execute(delete(m.CaseIndexTerm).where(m.CaseIndexTerm.case_id.in_(ids)))
    session.execute(delete(m.CaseIndexFacilitator).where(m.CaseIndexFacilitator.case_id.in_(ids)))
    session.execute(delete(CaseIndexDates).where(CaseIndexDates.case_id.in_(ids)))
    session.execute(delete(m.CaseIndex).where(m.CaseIndex.case_id.in_(ids)))
    plain, terms, dates = [], [], []
    for case_id, entry in entries.items():
        if entry is None:
            continue
        plain.append(
            {
                "case_id": case_id,
                "reference": entry.reference,
                "case_type": entry.case_type,
                "stage": entry.stage,
                "source": entry.source,
                "received_on": entry.received_on,
                "updated_at": entry.updated_at,
                "closed": entry.closed,
                "facts": at_rest.seal_json(entry.facts, facts_aad(case_id)),
            }
        )
        if entry.due is not None:
            dates.append(
                {
                    "case_id": case_id,
                    "victims_code_due_on": entry.due.victims_code_due_on,
                    "action_due_on": entry.due.action_due_on,
                    "review_due_on": entry.due.review_due_on,
                }
            )
        digests = {at_rest.index_digest(term) for term in entry.terms}
        terms += [{"digest": digest, "case_id": case_id} for digest in sorted(digests)]
    # Core inserts of plain rows (one executemany each), not the ORM's bulk path: a chunk of
    # cases is tens of thousands of terms, and the ORM's bookkeeping per row was most of it.
    if plain:
        session.execute(insert(_table(m.CaseIndex)), plain)
    if terms:
        session.execute(insert(_table(m.CaseIndexTerm)), terms)
    if dates:
        session.execute(insert(_table(CaseIndexDates)), dates)
    holders = session.execute(
        select(m.Visibility.case_id, m.Visibility.facilitator_id).where(
            m.Visibility.case_id.in_([row["case_id"] for row in plain])
        )
    )
    rows = [{"case_id": case_id, "facilitator_id": holder} for case_id, holder in holders]
    if rows:
        session.execute(insert(_table(m.CaseIndexFacilitator)), rows)


def forget_missing(session: Session) -> int:
    """Remove the entries of cases the hub no longer has (``rjdesk-hub reindex``)."""
    known = select(m.Case.case_id)
    removed = 0
    for model in (m.CaseIndexTerm, m.CaseIndexFacilitator, CaseIndexDates, m.CaseIndex):
        result = session.execute(delete(model).where(model.case_id.not_in(known)))
        removed += int(getattr(result, "rowcount", 0) or 0) if model is m.CaseIndex else 0
    return removed
