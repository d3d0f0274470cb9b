"""Console sessions, kept at the hub: the cookie holds only a random token, the database only its
SHA-256 (so a copy of the database opens no session).

A signed-in session ends after ``IDLE`` without a request (other than asking how long is left)
and ``ABSOLUTE`` after sign-in, whatever happens; one half-way through signing in (the password
was right, the second factor is awaited) ends after ``HALF_WAY``. Each step of signing in makes
a new token, so a token known before sign-in is worth nothing after it (no fixation).
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from rjdesk_hub.console import ledger
from rjdesk_hub.models import ConsoleSession, ConsoleUser

IDLE = timedelta(minutes=15)
ABSOLUTE = timedelta(hours=8)
HALF_WAY = timedelta(minutes=10)
# The stages of a session (ConsoleSession.stage).
AWAITING_CODE = "code"
AWAITING_SETUP = "setup"
SIGNED_IN = "in"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


@dataclass(frozen=True)
class SessionView:
    """A live session and its person (no secret but the CSRF token its forms carry)."""

    user_id: str
    name: str
    display_name: str
    role: str
    stage: str
    csrf_token: str
    idle_left: timedelta
    absolute_left: timedelta

    @property
    def signed_in(self) -> bool:
        return self.stage == SIGNED_IN

    @property
    def seconds_left(self) -> int:
        """Seconds until the session ends if nothing more is done."""
        return max(0, int(min(self.idle_left, self.absolute_left).total_seconds()))


def _limits(stage: str) -> tuple[timedelta, timedelta]:
    return (IDLE, ABSOLUTE) if stage == SIGNED_IN else (HALF_WAY, HALF_WAY)


def start(session: Session, user_id: str, stage: str, now: datetime) -> str:
    """A new session of ``stage`` for the user; returns its token (for the cookie only)."""
    token = secrets.token_urlsafe(32)
    session.add(
        ConsoleSession(
            token_hash=token_hash(token),
            user_id=user_id,
            stage=stage,
            csrf_token=secrets.token_hex(32),
            created_at=now,
            last_seen_at=now,
        )
    )
    return token


def end(session: Session, token: str | None) -> None:
    if token:
        session.execute(
            delete(ConsoleSession).where(ConsoleSession.token_hash == token_hash(token))
        )


def end_all(session: Session, user_id: str) -> None:
    """End every session of a user (reset, disabled)."""
    session.execute(delete(ConsoleSession).where(ConsoleSession.user_id == user_id))


def end_expired(session: Session, now: datetime) -> None:
    """End every session that has run out; each signed-in one is recorded as expired (with no
    address: no request of its own came)."""
    ran_out = or_(
        ConsoleSession.created_at < now - ABSOLUTE,
        ConsoleSession.last_seen_at < now - IDLE,
        (ConsoleSession.stage != SIGNED_IN) & (ConsoleSession.created_at < now - HALF_WAY),
    )
    query = (
        select(ConsoleSession, ConsoleUser)
        .join(ConsoleUser, ConsoleUser.id == ConsoleSession.user_id)
        .where(ran_out, ConsoleSession.stage == SIGNED_IN, ConsoleUser.disabled.is_(False))
        .order_by(ConsoleSession.last_seen_at, ConsoleSession.token_hash)
    )
    for row, user in session.execute(query).all():
        _record_expired(session, row, user, now, "")
    session.execute(delete(ConsoleSession).where(ran_out))


def _record_expired(
    session: Session, row: ConsoleSession, user: ConsoleUser, now: datetime, address: str
) -> None:
    limit = "absolute" if now - row.created_at >= ABSOLUTE else "idle"
    actor = ledger.Actor(account_id=user.id, account_name=user.name, address=address)
    ledger.record(session, actor, ledger.Action.SESSION_EXPIRED, at=now, detail={"limit": limit})


def find(
    session: Session, token: str | None, now: datetime, *, touch: bool, address: str = ""
) -> tuple[ConsoleSession, ConsoleUser] | None:
    """The live session of ``token`` and its user, or None (an expired one is ended, and
    recorded as asked from ``address`` if it was signed in; as is one whose user was disabled,
    unrecorded: the disabling was). ``touch`` restarts its idle clock."""
    if not token:
        return None
    row = session.get(ConsoleSession, token_hash(token))
    if row is None:
        return None
    idle, absolute = _limits(row.stage)
    user = session.get(ConsoleUser, row.user_id)
    ran_out = now - row.last_seen_at >= idle or now - row.created_at >= absolute
    if user is None or user.disabled or ran_out:
        if ran_out and user is not None and not user.disabled and row.stage == SIGNED_IN:
            _record_expired(session, row, user, now, address)
        session.delete(row)
        return None
    if touch:
        row.last_seen_at = now
    return row, user


def view(row: ConsoleSession, user: ConsoleUser, now: datetime) -> SessionView:
    idle, absolute = _limits(row.stage)
    return SessionView(
        user_id=user.id,
        name=user.name,
        display_name=user.display_name,
        role=user.role,
        stage=row.stage,
        csrf_token=row.csrf_token,
        idle_left=row.last_seen_at + idle - now,
        absolute_left=row.created_at + absolute - now,
    )
