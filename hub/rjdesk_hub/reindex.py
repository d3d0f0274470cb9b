"""Building every case's index entry and return facts again from its stored rows
(``rjdesk-hub reindex``; ``Hub.reindex``): a batch of cases per transaction, and repeating it
changes nothing. Moved out of ``service`` whole, as it was."""

from __future__ import annotations

import logging

from sqlalchemy import select

from rjdesk_hub import models as m
from rjdesk_hub.console import index as case_index
from rjdesk_hub.crypto import AtRest
from rjdesk_hub.db import Database
from rjdesk_hub.returns import keep as return_facts
from rjdesk_hub.store import HubStore

log = logging.getLogger("rjdesk_hub.service")  # the line it always logged under


def reindex(db: Database, at_rest: AtRest, batch: int = 500) -> int:
    """Index every case and keep its return facts again; how many cases are indexed."""
    with db.transaction() as tx:
        case_ids = list(tx.session.scalars(select(m.Case.case_id).order_by(m.Case.case_id)))
        case_index.forget_missing(tx.session)
        return_facts.forget_missing(tx.session)
    indexed = 0
    for start in range(0, len(case_ids), batch):
        with db.transaction() as tx:
            store = HubStore(tx, at_rest)
            chunk = case_ids[start : start + batch]
            indexed += case_index.refresh(tx.session, at_rest, chunk, store.index_rows)
            return_facts.refresh(store, chunk)
    log.info("case index rebuilt: %d case(s)", indexed)
    return indexed
