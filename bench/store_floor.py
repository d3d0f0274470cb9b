"""The floor of the store benchmark: the same work as rjdesk's code, as hand-made SQL.

Over the same encrypted vault file, on one keyed connection set up exactly as the vault's own
(``connect_raw``: the same key and pragmas), with a DB-API cursor and no ORM:

- the case list's first page: the 100 most recently changed cases with every column the case
  list shows (``queries.CaseRow``: parties, next date due, risk, flags, Victims' Code breach),
  and how many cases there are, as the Cases page asks for them after an unlock;
- the search page: the same full-text query (``search.match_expression``) against the same
  index, best match first, with the same columns, and how many cases match (the Cases page's
  count above its list);
- opening a case: the case and every part ``CASE_LOAD_OPTIONS`` loads (the same rows and
  columns; the deferred signature image and document content stay unread, as there), plus one
  ``view_case`` audit event appended to the hash chain and the chain's head moved, in one write
  transaction. The links between parts (who gave a consent, who was present, who owns an action)
  are resolved from the participants already read, as the loaded case resolves them. Then
  "seen before", as ``services.people.revolving_door`` asks it: for each participant who gives
  consent, one query for other cases with the same person (name with date of birth, phone or
  postcode) or the same address.

So the floor reads the same rows and writes the same rows; what it leaves out is only what the
ORM adds on top (sessions, identity map, objects, type conversion of columns nobody computes
with). ``check`` compares its results with rjdesk's, outside the timing.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from rjdesk.store.audit import GENESIS_HASH
from rjdesk.store.engine import connect_raw
from rjdesk.store.search import match_expression
from rjdesk_protocol.calendar import add_working_days
from rjdesk_protocol.victims_code import VICTIMS_CODE_WORKING_DAYS

# The columns of one case-list row, worked out per case in SQL as rjdesk's query does: the
# parties' names, the earliest pending action or review of a signed agreement, and the two
# Victims' Code figures (harmed people still without RJ information, the latest date given).
_ROW_COLUMNS = """
    c.id, c.reference, c.case_type, c.stage, c.risk_level, c.flags, c.received_on, c.updated_at,
    (SELECT group_concat(pe.name, ', ') FROM participant pa JOIN person pe ON pe.id = pa.person_id
      WHERE pa.case_id = c.id AND pa.role IN ('harmed', 'responsible', 'both')) AS parties,
    (SELECT min(due) FROM (
        SELECT ac.due_on AS due FROM agreement_action ac JOIN agreement ag
          ON ag.id = ac.agreement_id
         WHERE ag.case_id = c.id AND ag.status = 'signed' AND ac.status = 'pending'
        UNION ALL
        SELECT ag.review_on FROM agreement ag WHERE ag.case_id = c.id AND ag.status = 'signed'
    )) AS next_due,
    (SELECT count(*) FROM participant pa WHERE pa.case_id = c.id
        AND pa.role IN ('harmed', 'both') AND pa.rj_information_given_on IS NULL
    ) AS harmed_missing,
    (SELECT max(pa.rj_information_given_on) FROM participant pa WHERE pa.case_id = c.id
        AND pa.role IN ('harmed', 'both')) AS latest_given
"""

FIRST_PAGE = f"""
SELECT {_ROW_COLUMNS}
FROM (SELECT id FROM case_file ORDER BY updated_at DESC, id DESC LIMIT ?) page
JOIN case_file c ON c.id = page.id
ORDER BY c.updated_at DESC, c.id DESC
"""

# The window asks for the first page of a list with how many cases the list holds in all.
COUNT_ALL = "SELECT count(*) FROM case_file"
COUNT_FOUND = "SELECT count(*) FROM case_search WHERE case_search MATCH ?"

SEARCH_PAGE = f"""
SELECT {_ROW_COLUMNS}
FROM (SELECT d.case_id, case_search.rank AS rank FROM case_search
      JOIN search_doc d ON d.id = case_search.rowid
      WHERE case_search MATCH ? ORDER BY case_search.rank LIMIT ?) hit
JOIN case_file c ON c.id = hit.case_id
ORDER BY hit.rank
"""

_SYNCED = "id, created_at, updated_at, row_version, changed_by_device"
_PERSON = (
    "pe.name, pe.date_of_birth, pe.phone, pe.email, pe.address, pe.language, pe.interpreter,"
    " pe.access_needs, pe.name_key, pe.phone_key, pe.postcode_key, pe.address_key, pe.id,"
    " pe.created_at, pe.updated_at, pe.row_version, pe.changed_by_device"
)


def _synced(alias: str) -> str:
    return ", ".join(f"{alias}.{column.strip()}" for column in _SYNCED.split(","))


CASE = f"""SELECT reference, case_type, stage, closure_reason, closed_on, received_on, source,
    channel, referrer_name, referrer_organisation, referrer_phone, referrer_email,
    crime_reference, incident_date, location, summary, risk_level, flags, facilitators, {_SYNCED}
    FROM case_file WHERE reference = ? OR id = ?"""
# (name of the part, SQL with the case id as its one parameter). Column 0 of every row names
# its parent (the case, or for the parts in _CHILDREN the participant, contact or agreement).
PARTS: tuple[tuple[str, str], ...] = (
    (
        "participants",
        f"""SELECT pa.case_id, pa.person_id, pa."key", pa.position, pa.role,
        pa.supports_id, pa.relationship_to_supported, pa.organisation,
        pa.rj_information_given_on, {_synced("pa")}, {_PERSON}
        FROM participant pa JOIN person pe ON pe.id = pa.person_id
        WHERE pa.case_id = ? ORDER BY pa.position""",
    ),
    (
        "consents",
        f"""SELECT co.participant_id, co.scope, co.given_on, co.given_by_id,
        co.withdrawn_on, co.withdrawal_note, {_synced("co")}
        FROM consent co JOIN participant pa ON pa.id = co.participant_id
        WHERE pa.case_id = ? ORDER BY co.given_on""",
    ),
    (
        "risk_assessments",
        f"""SELECT case_id, assessed_on, assessed_by, level, factors, notes,
        {_SYNCED} FROM risk_assessment WHERE case_id = ? ORDER BY assessed_on""",
    ),
    (
        "contacts",
        f"""SELECT case_id, kind, at, location, notes, next_steps, author, {_SYNCED}
        FROM contact WHERE case_id = ? ORDER BY at""",
    ),
    (
        "present",
        """SELECT cp.contact_id, cp.participant_id FROM contact_present cp
        JOIN contact ct ON ct.id = cp.contact_id WHERE ct.case_id = ?""",
    ),
    (
        "addenda",
        f"""SELECT ad.contact_id, ad.written_at, ad.author, ad.text, {_synced("ad")}
        FROM contact_addendum ad JOIN contact ct ON ct.id = ad.contact_id
        WHERE ct.case_id = ? ORDER BY ad.written_at""",
    ),
    (
        "agreements",
        f"""SELECT case_id, version, status, agreed_on, summary, review_on,
        supersedes_id, signed_at, {_SYNCED} FROM agreement WHERE case_id = ? ORDER BY version""",
    ),
    (
        "actions",
        f"""SELECT ac.agreement_id, ac.position, ac.owner_id, ac.description, ac.due_on,
        ac.status, ac.checked_on, ac.check_note, {_synced("ac")}
        FROM agreement_action ac JOIN agreement ag ON ag.id = ac.agreement_id
        WHERE ag.case_id = ? ORDER BY ac.position""",
    ),
    (
        "signatures",
        f"""SELECT si.agreement_id, si.participant_id, si.signer_name, si.capacity,
        si.method, si.signed_on, {_synced("si")}
        FROM signature si JOIN agreement ag ON ag.id = si.agreement_id
        WHERE ag.case_id = ? ORDER BY si.created_at""",
    ),
    (
        "safeguarding",
        f"""SELECT case_id, participant_id, kind, raised_at, concern, action_taken,
        passed_to, recorded_by, {_SYNCED}
        FROM safeguarding_concern WHERE case_id = ? ORDER BY raised_at""",
    ),
    (
        "stage_changes",
        """SELECT case_id, id, uid, from_stage, to_stage, changed_at, changed_by,
        note FROM stage_change WHERE case_id = ? ORDER BY id""",
    ),
    (
        "documents",
        f"""SELECT case_id, agreement_id, kind, title, filename, media_type, sha256,
        size, version, created_by, {_SYNCED} FROM document WHERE case_id = ?
        ORDER BY created_at""",
    ),
)
# The parts that hang under another part, by the column naming their parent.
_CHILDREN = {"consents": "participants", "present": "contacts", "addenda": "contacts",
             "actions": "agreements", "signatures": "agreements"}  # fmt: skip


@dataclass
class LoadedCase:
    """A case as the floor loads it: its row and every part's rows, grouped under parents."""

    row: tuple[Any, ...]
    parts: dict[str, list[tuple[Any, ...]]]
    children: dict[str, dict[str, list[tuple[Any, ...]]]] = field(default_factory=dict)
    # participant id -> (case id, reference, name, role, matched on) of each other case
    seen_before: dict[str, list[tuple[str, str, str, str, str]]] = field(default_factory=dict)


@dataclass(frozen=True)
class ListRow:
    """The columns of ``queries.CaseRow``, as the floor works them out."""

    id: str
    reference: str
    case_type: str
    stage: str
    parties: str
    next_due: date | None
    risk_level: str | None
    flags: tuple[str, ...]
    received_on: date
    updated_at: str
    victims_code_breach: bool


class Floor:
    """The floor's operations on one keyed connection to the vault's database."""

    def __init__(self, db_path: Path, data_key: bytes, *, actor: tuple[str, str]) -> None:
        self.conn = connect_raw(db_path, data_key)
        self.actor, self.device_id = actor

    def close(self) -> None:
        self.conn.close()

    def first_page(self, limit: int = 100, *, today: date) -> tuple[list[ListRow], int]:
        """The first page and how many cases there are, in one read transaction."""
        cur = self.conn.cursor()
        cur.execute("BEGIN")
        try:
            rows = [_list_row(row, today) for row in cur.execute(FIRST_PAGE, (limit,))]
            (total,) = cur.execute(COUNT_ALL).fetchone()
        finally:
            cur.execute("COMMIT")
        return rows, total

    def search(self, text: str, limit: int = 100, *, today: date) -> tuple[list[ListRow], int]:
        """The best matches and how many cases match, in one read transaction."""
        expression = match_expression(text)
        if expression is None:
            return [], 0
        cur = self.conn.cursor()
        cur.execute("BEGIN")
        try:
            rows = [_list_row(row, today) for row in cur.execute(SEARCH_PAGE, (expression, limit))]
            (total,) = cur.execute(COUNT_FOUND, (expression,)).fetchone()
        finally:
            cur.execute("COMMIT")
        return rows, total

    def open_case(self, ref_or_id: str, now: datetime) -> LoadedCase:
        """Load the case and append its ``view_case`` audit event, in one write transaction."""
        cur = self.conn.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            wanted = ref_or_id.strip()
            row = cur.execute(CASE, (wanted.upper(), wanted)).fetchone()
            if row is None:
                raise LookupError(f"no case {wanted} in this vault")
            case_id, reference = row[19], row[0]
            loaded = LoadedCase(row, {name: cur.execute(sql, (case_id,)).fetchall()
                                      for name, sql in PARTS})  # fmt: skip
            for name, parent in _CHILDREN.items():
                grouped: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
                for child in loaded.parts[name]:
                    grouped[child[0]].append(child)
                loaded.children[f"{parent}.{name}"] = grouped
            loaded.seen_before = _revolving_door(cur, case_id, loaded.parts["participants"])
            self._append_audit(
                cur, now, action="view_case", entity="case", entity_id=case_id, reference=reference
            )
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise
        return loaded

    def seen_before(self, case_id: str) -> dict[str, list[tuple[str, str, str, str, str]]]:
        """ "Seen before" alone, as ``open_case`` works it out (for checking it on many cases)."""
        cur = self.conn.cursor()
        participants = cur.execute(PARTS[0][1], (case_id,)).fetchall()
        return _revolving_door(cur, case_id, participants)

    def _append_audit(
        self, cur: Any, now: datetime, *, action: str, entity: str, entity_id: str, reference: str
    ) -> None:
        """One event chained to the head, as ``rjdesk.store.audit.append`` writes it."""
        head = cur.execute(
            "SELECT last_event_id, last_hash FROM audit_head WHERE id = 1"
        ).fetchone()
        last_id, prev_hash = head if head else (0, GENESIS_HASH)
        at = now.astimezone(UTC)
        at = at.replace(microsecond=at.microsecond // 1000 * 1000)
        fields = [last_id + 1, at.isoformat(), self.actor, self.device_id, action, entity,
                  entity_id, reference, "ok", ""]  # fmt: skip
        canonical = json.dumps([prev_hash, fields], separators=(",", ":"), ensure_ascii=False)
        digest = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
        stored_at = at.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
        cur.execute(
            "INSERT INTO audit_event (id, at, actor, device_id, action, entity, entity_id,"
            " case_reference, outcome, detail, prev_hash, hash)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*fields[:1], stored_at, *fields[2:], prev_hash, digest),
        )
        if head is None:
            cur.execute(
                "INSERT INTO audit_head (id, last_event_id, last_hash) VALUES (1, ?, ?)",
                (last_id + 1, digest),
            )
        else:
            cur.execute(
                "UPDATE audit_head SET last_event_id = ?, last_hash = ? WHERE id = 1",
                (last_id + 1, digest),
            )


# Another case's person that may be the same: the columns "seen before" compares.
SEEN_BEFORE = """SELECT pe.name, pe.name_key, pe.date_of_birth, pe.phone_key, pe.postcode_key,
    pa.role, c.id, c.reference
    FROM person pe JOIN participant pa ON pa.person_id = pe.id
    JOIN case_file c ON c.id = pa.case_id
    WHERE ({matches}) AND c.id != ? AND pe.id != ?
    AND pa.role NOT IN ('professional', 'interpreter')
    ORDER BY c.received_on DESC"""
# (column, label) of the facts that, with the name, make the same person: in this order.
_SAME_PERSON = (("date_of_birth", "date of birth"), ("phone_key", "phone"),
                ("postcode_key", "postcode"))  # fmt: skip


def _revolving_door(
    cur: Any, case_id: str, participants: list[tuple[Any, ...]]
) -> dict[str, list[tuple[str, str, str, str, str]]]:
    """For each participant who gives consent, the other cases they or their address are in."""
    found: dict[str, list[tuple[str, str, str, str, str]]] = {}
    for row in participants:
        if row[4] in ("professional", "interpreter"):
            continue
        name_key, address_key, person_id = row[22], row[25], row[26]
        facts = dict(zip(("date_of_birth", "phone_key", "postcode_key"), (row[15], *row[23:25]),
                         strict=True))  # fmt: skip
        known = [(column, value) for column, value in facts.items() if value is not None]
        matches, params = [], []
        if name_key and known:
            same = " OR ".join(f"pe.{column} = ?" for column, _ in known)
            matches.append(f"(pe.name_key = ? AND ({same}))")
            params += [name_key, *(value for _, value in known)]
        if address_key:
            matches.append("pe.address_key = ?")
            params.append(address_key)
        if not matches:
            continue
        sql = SEEN_BEFORE.format(matches=" OR ".join(matches))
        seen: dict[tuple[str, str], tuple[str, str, str, str, str]] = {}
        for name, other_key, dob, phone, postcode, role, other_case, reference in cur.execute(
            sql, (*params, case_id, person_id)
        ):
            other = {"date_of_birth": dob, "phone_key": phone, "postcode_key": postcode}
            matched_on = "address"
            if other_key == name_key:
                matched_on = next(
                    (label for column, label in _SAME_PERSON
                     if facts[column] is not None and other[column] == facts[column]),
                    "address",
                )  # fmt: skip
            seen.setdefault((other_case, name), (other_case, reference, name, role, matched_on))
        if seen:
            found[row[9]] = list(seen.values())
    return found


def _list_row(row: tuple[Any, ...], today: date) -> ListRow:
    """The derived columns of a case-list row, as ``queries.rows_for`` works them out."""
    (case_id, reference, case_type, stage, risk, flags, received, updated, parties, next_due,
     harmed_missing, latest_given) = row  # fmt: skip
    received_on = date.fromisoformat(received)
    deadline = add_working_days(received_on, VICTIMS_CODE_WORKING_DAYS)
    given = date.fromisoformat(latest_given) if latest_given else None
    breach = bool(harmed_missing and today > deadline) or bool(given and given > deadline)
    vc_due = deadline if harmed_missing else None
    due = date.fromisoformat(next_due) if next_due else None
    next_dates = [d for d in (due, vc_due) if d is not None]
    is_open = stage != "closed"
    return ListRow(
        id=case_id, reference=reference, case_type=case_type, stage=stage,
        parties=parties or "", next_due=min(next_dates) if next_dates and is_open else None,
        risk_level=risk, flags=tuple(json.loads(flags)), received_on=received_on,
        updated_at=updated, victims_code_breach=breach and is_open,
    )  # fmt: skip


def same_rows(ours: list[Any], floor: list[ListRow]) -> bool:
    """Whether the floor's page shows what rjdesk's shows (``ours`` holds ``CaseRow``s)."""

    def key(row: Any) -> tuple[Any, ...]:
        return (row.id, row.reference, str(row.case_type), str(row.stage), row.parties,
                row.next_due, str(row.risk_level) if row.risk_level else None, tuple(row.flags),
                row.received_on, row.victims_code_breach)  # fmt: skip

    return [key(r) for r in ours] == [key(r) for r in floor]


def part_counts(loaded: LoadedCase) -> dict[str, int]:
    return {name: len(rows) for name, rows in loaded.parts.items()}
