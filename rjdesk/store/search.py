"""Full-text search inside the encrypted database (SQLite FTS5, DESIGN §4).

One FTS row per case holds its reference, the names of its people and its text (referral
summary, contact notes and addenda, agreement summaries and actions), all ASCII-folded in Python
first: FTS5's own ``remove_diacritics`` handles "Zoë" but not letters such as "Ł" that do not
decompose, and a facilitator typing "lukasz" must find "Łukasz". Every query term is a prefix, so
results narrow as the person types. The index is updated in the same transaction as the change
(see ``rjdesk.store.unit``), and rebuilt on unlock when ``SEARCH_INDEX_VERSION`` changes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from sqlalchemy import bindparam, text
from sqlalchemy.orm import Session

from rjdesk.domain.text import fold, search_terms

# Bump when what is indexed, or how it is folded, changes: the next unlock rebuilds the index.
SEARCH_INDEX_VERSION = 1
SEARCH_INDEX_SETTING = "search_index_version"

Progress = Callable[[int, int], None]

# (column in the FTS row, SQL returning (case_id, text) for the cases in :ids)
_SOURCES: tuple[tuple[str, str], ...] = (
    (
        "reference",
        "SELECT id, reference || ' ' || coalesce(crime_reference, '') FROM case_file"
        " WHERE id IN :ids",
    ),
    (
        "names",
        "SELECT p.case_id, pe.name FROM participant p JOIN person pe ON pe.id = p.person_id"
        " WHERE p.case_id IN :ids",
    ),
    (
        "body",
        "SELECT id, summary || ' ' || coalesce(location, '') || ' '"
        " || coalesce(referrer_name, '') FROM case_file WHERE id IN :ids",
    ),
    ("body", "SELECT case_id, notes || ' ' || next_steps FROM contact WHERE case_id IN :ids"),
    (
        "body",
        "SELECT c.case_id, a.text FROM contact_addendum a JOIN contact c"
        " ON c.id = a.contact_id WHERE c.case_id IN :ids",
    ),
    ("body", "SELECT case_id, summary FROM agreement WHERE case_id IN :ids"),
    (
        "body",
        "SELECT g.case_id, a.description FROM agreement_action a JOIN agreement g"
        " ON g.id = a.agreement_id WHERE g.case_id IN :ids",
    ),
)

_BATCH = 500


def _documents(session: Session, case_ids: Sequence[str]) -> dict[str, dict[str, list[str]]]:
    docs: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for column, sql in _SOURCES:
        statement = text(sql).bindparams(bindparam("ids", expanding=True))
        for case_id, value in session.execute(statement, {"ids": list(case_ids)}):
            if value:
                docs[case_id][column].append(value)
    return docs


def reindex_cases(session: Session, case_ids: Iterable[str]) -> None:
    """Replace the index rows of these cases with their current text (same transaction)."""
    ids = sorted(set(case_ids))
    for start in range(0, len(ids), _BATCH):
        _reindex_batch(session, ids[start : start + _BATCH])


def _reindex_batch(session: Session, ids: list[str]) -> None:
    docs = _documents(session, ids)
    rows = session.execute(
        text("SELECT case_id, id FROM search_doc WHERE case_id IN :ids").bindparams(
            bindparam("ids", expanding=True)
        ),
        {"ids": ids},
    )
    existing: dict[str, int] = {case_id: rowid for case_id, rowid in rows}
    for case_id in ids:
        rowid = existing.get(case_id)
        if rowid is not None:
            session.execute(text("DELETE FROM case_search WHERE rowid = :r"), {"r": rowid})
        if case_id not in docs:  # the case is gone
            if rowid is not None:
                session.execute(text("DELETE FROM search_doc WHERE id = :r"), {"r": rowid})
            continue
        if rowid is None:
            rowid = session.execute(
                text("INSERT INTO search_doc (case_id) VALUES (:c) RETURNING id"), {"c": case_id}
            ).scalar_one()
        doc = docs[case_id]
        session.execute(
            text(
                "INSERT INTO case_search (rowid, reference, names, body)"
                " VALUES (:r, :reference, :names, :body)"
            ),
            {
                "r": rowid,
                "reference": fold(" ".join(doc["reference"])),
                "names": fold(" ".join(doc["names"])),
                "body": fold(" ".join(doc["body"])),
            },
        )


def rebuild(session: Session, progress: Progress | None = None) -> None:
    """Rebuild the whole index from the case tables (after an upgrade or a fold change)."""
    session.execute(text("DELETE FROM case_search"))
    session.execute(text("DELETE FROM search_doc"))
    ids = list(session.execute(text("SELECT id FROM case_file ORDER BY id")).scalars())
    for start in range(0, len(ids), _BATCH):
        _reindex_batch(session, ids[start : start + _BATCH])
        if progress:
            progress(min(start + _BATCH, len(ids)), len(ids))


def match_expression(query: str) -> str | None:
    """The FTS5 query for a search box's text: every word must match, each as a prefix."""
    terms = [term for term in (fold(t) for t in search_terms(query)) if term]
    if not terms:
        return None
    return " ".join(f'"{term}"*' for term in terms)


# The cases matching one FTS5 query (its one parameter), as (case_id, rank): lower rank is a
# better match (FTS5's bm25).
MATCHES = (
    "SELECT d.case_id AS case_id, case_search.rank AS rank FROM case_search"
    " JOIN search_doc d ON d.id = case_search.rowid WHERE case_search MATCH ?"
)
