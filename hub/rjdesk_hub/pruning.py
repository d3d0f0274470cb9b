"""What ``Hub.prune`` removes (``rjdesk-hub prune``, and the server once a day): bundle
ciphertexts past their retention, and uploads left unfinished for over 7 days. Moved out of
``service`` whole, as it was."""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

from sqlalchemy import update

from rjdesk_hub import models as m
from rjdesk_hub.db import Database

STALE_UPLOAD_SECONDS = 7 * 24 * 60 * 60


def prune_bundles(db: Database, when: datetime) -> int:
    """Drop the ciphertext of every bundle kept until ``when`` or before; how many."""
    with db.transaction() as tx:
        result = tx.session.execute(
            update(m.Bundle)
            .where(m.Bundle.keep_until <= when, m.Bundle.ciphertext.is_not(None))
            .values(ciphertext=None)
        )
        return int(getattr(result, "rowcount", 0) or 0)


def prune_uploads(uploads_dir: Path, when: datetime) -> int:
    """Delete the unfinished uploads (``*.part``) last written over 7 days before ``when``."""
    moment = when.timestamp()
    removed = 0
    if not uploads_dir.is_dir():
        return 0
    for part in uploads_dir.rglob("*.part"):
        with contextlib.suppress(FileNotFoundError):
            if moment - part.stat().st_mtime > STALE_UPLOAD_SECONDS:
                part.unlink()
                removed += 1
    return removed
