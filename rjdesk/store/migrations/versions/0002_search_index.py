"""search index: FTS5 over references, names, summaries, notes and actions

Revision ID: 0002
Revises: 0001
Created: 2026-11-24

The index is created empty; the vault rebuilds it on the unlock that ran this step (the stored
search index version is absent), with the folding code of the rjdesk doing the upgrade.
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # search_doc gives each case a stable integer for the FTS rowid: the rowid of case_file
    # itself (a text primary key) may change on VACUUM.
    op.execute(
        "CREATE TABLE search_doc ("
        " id INTEGER PRIMARY KEY,"
        " case_id VARCHAR(36) NOT NULL UNIQUE REFERENCES case_file (id) ON DELETE CASCADE)"
    )
    op.execute(
        "CREATE VIRTUAL TABLE case_search USING fts5("
        "reference, names, body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    op.execute("DELETE FROM setting WHERE key = 'search_index_version'")
