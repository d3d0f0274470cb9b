"""The console's accounts and signing in: what ``rjdesk-hub user …`` and the sign-in pages call.

Each method is one short transaction (a password is checked between transactions, never while
holding the database). Refusals are ``SignInRefused`` with the one sentence the page shows. A
wrong name and a wrong password get the same sentence in about the same time (the password is
checked against a dummy hash when no account has the name), and failures are counted under a
keyed hash of the typed name whether or not an account has it: after ``MAX_FAILURES`` in a row,
that name is locked for ``LOCK_FOR``, with the same sentence for every name.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from rjdesk_hub.console import credentials as cred
from rjdesk_hub.console import ledger, sessions
from rjdesk_hub.console.ledger import COMMAND_LINE, Action, Actor, Outcome
from rjdesk_hub.console.ledger_wire import nobody, person
from rjdesk_hub.console.permissions import Role, parse_role
from rjdesk_hub.crypto import AtRest
from rjdesk_hub.db import Tx
from rjdesk_hub.errors import HubError
from rjdesk_hub.models import (
    ConsoleRecoveryCode,
    ConsoleSignInFailure,
    ConsoleUser,
)
from rjdesk_hub.service import Hub
from rjdesk_protocol.errors import UsageError

MAX_FAILURES = 5
LOCK_FOR = timedelta(minutes=15)
# Failures further apart than this are not "in a row": the count starts again.
FORGET_AFTER = timedelta(days=1)
SETUP_VALID_FOR = timedelta(days=3)
NAME_MAX = 64
_NAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789.-_@")

NOT_RECOGNISED = "The name or password is not right: check them and try again."
WRONG_CODE = (
    "That code is not right, or was used already: type the 6 digits your authenticator app "
    "shows now, or one of your recovery codes."
)
LOCKED = (
    f"There have been too many failed attempts to sign in with this name: wait "
    f"{int(LOCK_FOR.total_seconds() // 60)} minutes and try again, or ask an administrator."
)
DISABLED = "This account is disabled: ask an administrator if you still need it."
SETUP_EXPIRED = (
    "This one-time password has expired: ask an administrator to run "
    "`rjdesk-hub user reset` for you."
)
SESSION_ENDED = "Your sign-in took too long or has ended: sign in again."


class SignInRefused(HubError):
    """Signing in (or a step of it) was refused; the sentence is what the page shows."""


class UnknownUser(HubError):
    """No console account has this name."""


@dataclass(frozen=True)
class UserInfo:
    name: str
    display_name: str
    role: str
    disabled: bool
    awaiting_setup: bool
    created_at: datetime
    last_signed_in_at: datetime | None


@dataclass(frozen=True)
class NewCredentials:
    """What ``user add`` and ``user reset`` print once: never stored in plain."""

    name: str
    role: str
    password: str
    valid_until: datetime
    totp: cred.TotpSetup


@dataclass(frozen=True)
class Step:
    """Where signing in has got to: the new session's token and its stage."""

    token: str
    stage: str
    recovery_codes_left: int | None = None  # after a recovery code was used


def check_name(name: str) -> str:
    """A sign-in name as stored: folded, 1 to 64 letters, digits, ``. - _ @``."""
    folded = cred.fold_name(name)
    if not folded or len(folded) > NAME_MAX or not set(folded) <= _NAME_CHARS:
        raise UsageError(
            f"a sign-in name is 1 to {NAME_MAX} letters a-z, digits, dots, hyphens, underscores "
            "or @"
        )
    return folded


class Accounts:
    """The console accounts of ``hub``."""

    def __init__(self, hub: Hub, *, hasher: PasswordHasher | None = None) -> None:
        self.db = hub.db
        self.issuer = hub.name
        self.passwords = cred.Passwords(hasher)
        self._totp_keys = AtRest(hub.derived_key("console totp secrets"))
        self._recovery_key = hub.derived_key("console recovery codes")
        self._name_key = hub.derived_key("console sign-in names")

    def __repr__(self) -> str:
        return "Accounts()"

    # -- administration (rjdesk-hub user …) ---------------------------------------------------

    def add(
        self, name: str, role: str, display_name: str | None = None, *, by: Actor = COMMAND_LINE
    ) -> NewCredentials:
        """A new account with a one-time password and a new authenticator secret (recorded as
        done ``by``: the server's command line unless an admin's page says who)."""
        folded = check_name(name)
        chosen = parse_role(role)
        shown = (display_name or name).strip()
        if not shown or len(shown) > 200 or "\n" in shown:
            raise UsageError("the display name must be one line of at most 200 characters")
        with self.db.transaction() as tx:
            if self._user(tx.session, folded) is not None:
                raise UsageError(f"a console account named {folded} exists already")
            user = ConsoleUser(
                id=str(uuid.uuid4()),
                name=folded,
                display_name=shown,
                role=chosen.value,
                disabled=False,
                password_hash="",
                password_set=False,
                totp_secret=b"",
                totp_confirmed=False,
                totp_last_step=0,
                created_at=tx.now,
                updated_at=tx.now,
                last_signed_in_at=None,
            )
            tx.session.add(user)
            _record_admin(tx, by, Action.ACCOUNT_ADDED, user)
            return self._new_credentials(tx, user)

    def reset(self, name: str, *, by: Actor = COMMAND_LINE) -> NewCredentials:
        """A new one-time password and a new authenticator secret (a lost phone, a forgotten
        password): the old ones, the recovery codes and every session end now."""
        with self.db.transaction() as tx:
            user = self._existing(tx.session, name)
            tx.session.execute(
                delete(ConsoleRecoveryCode).where(ConsoleRecoveryCode.user_id == user.id)
            )
            sessions.end_all(tx.session, user.id)
            self._unlock(tx.session, user)
            _record_admin(tx, by, Action.ACCOUNT_RESET, user)
            return self._new_credentials(tx, user)

    def disable(self, name: str, *, by: Actor = COMMAND_LINE) -> UserInfo:
        """The account can no longer sign in; its sessions end now."""
        with self.db.transaction() as tx:
            user = self._existing(tx.session, name)
            user.disabled = True
            user.updated_at = tx.now
            sessions.end_all(tx.session, user.id)
            _record_admin(tx, by, Action.ACCOUNT_DISABLED, user)
            return _info(user)

    def users(self) -> list[UserInfo]:
        with self.db.reader() as session:
            return [
                _info(u) for u in session.scalars(select(ConsoleUser).order_by(ConsoleUser.name))
            ]

    def _new_credentials(self, tx: Tx, user: ConsoleUser) -> NewCredentials:
        password = cred.one_time_password()
        secret = cred.new_totp_secret()
        user.password_hash = self.passwords.hash(password)
        user.password_set = False
        user.setup_until = tx.now + SETUP_VALID_FOR
        user.totp_secret = cred.seal_totp(self._totp_keys, user.id, secret)
        user.totp_confirmed = False
        user.totp_last_step = 0
        user.updated_at = tx.now
        return NewCredentials(
            name=user.name,
            role=user.role,
            password=password,
            valid_until=user.setup_until,
            totp=cred.totp_setup(secret, user.name, self.issuer),
        )

    # -- signing in ----------------------------------------------------------------------------

    def sign_in(
        self, name: str, password: str, *, old_token: str | None = None, address: str = ""
    ) -> Step:
        """Check a name and password. Right: a half-way session awaiting the second factor
        (or, at a first sign-in, a new password and the authenticator). A refusal is recorded
        in the audit log, under the account if the name is one's (never the name typed), as
        from ``address``."""
        key = cred.name_hash(self._name_key, name)
        with self.db.reader() as session:
            locked = self._locked(session, key, self.db.clock())
            found = self._user(session, cred.fold_name(name))
            user_id = found.id if found is not None else None
            stored = found.password_hash if found is not None else None
        if locked:
            with self.db.transaction() as tx:
                _failure(tx, _actor(tx.session, user_id, address), "password", "locked")
            raise SignInRefused(LOCKED)
        # Checked outside any transaction: Argon2id takes a while, and holds no lock.
        right = self.passwords.check(stored, password[: cred.PASSWORD_MAX * 4])
        with self.db.transaction() as tx:
            sessions.end(tx.session, old_token)
            sessions.end_expired(tx.session, tx.now)
            actor = _actor(tx.session, user_id, address)
            user = tx.session.get(ConsoleUser, user_id) if user_id and right else None
            if user is None:
                refusal = self._failed(tx, key, actor, "password")
            elif user.disabled:
                refusal = DISABLED
                _failure(tx, actor, "password", "disabled")
            elif not user.password_set and (user.setup_until is None or user.setup_until < tx.now):
                refusal = SETUP_EXPIRED
                _failure(tx, actor, "password", "set-up-expired")
            else:
                if self.passwords.needs_rehash(user.password_hash):
                    user.password_hash = self.passwords.hash(password)
                stage = sessions.AWAITING_CODE if user.password_set else sessions.AWAITING_SETUP
                return Step(sessions.start(tx.session, user.id, stage, tx.now), stage)
        raise SignInRefused(refusal)

    def second_factor(self, token: str, code: str, *, address: str = "") -> Step:
        """Check a TOTP or recovery code of a half-way session: right, a new signed-in session
        (the half-way one ends)."""
        with self.db.transaction() as tx:
            user, refusal = self._half_way(tx, token, sessions.AWAITING_CODE, address)
            if user is not None:
                typed = cred.normalise_code(code)
                left = None
                if cred.is_recovery_shaped(typed):
                    left = self._spend_recovery_code(tx.session, user, typed, tx.now)
                    right = left is not None
                else:
                    right = self._take_totp(user, typed, tx.now)
                if right:
                    factor = "totp" if left is None else "recovery-code"
                    detail: ledger.Detail = {"factor": factor}
                    if left is not None:
                        detail = {"factor": factor, "recovery_codes_left": left}
                    signed = self._signed_in(tx, user, token, address, detail)
                    return Step(signed, sessions.SIGNED_IN, left)
                actor = person(user.id, user.name, address)
                refusal = self._failed(tx, self._key_of(user), actor, "code", end=token)
        raise SignInRefused(refusal)

    def set_up(
        self, token: str, password: str, confirm: str, code: str, *, address: str = ""
    ) -> tuple[Step, list[str]]:
        """A first sign-in: the person's own password, and a code that proves their
        authenticator holds the secret. Returns the signed-in step and the new recovery codes
        (to show once)."""
        view = self.session(token, touch=False, address=address)
        if view is None or view.stage != sessions.AWAITING_SETUP:
            raise SignInRefused(SESSION_ENDED)
        problem = cred.password_problem(password, confirm, view.name)
        if problem is not None:
            raise SignInRefused(problem)
        hashed = self.passwords.hash(password)
        with self.db.transaction() as tx:
            user, refusal = self._half_way(tx, token, sessions.AWAITING_SETUP, address)
            if user is not None:
                if self._take_totp(user, cred.normalise_code(code), tx.now):
                    user.password_hash = hashed
                    user.password_set = True
                    user.setup_until = None
                    user.totp_confirmed = True
                    codes = self._new_recovery_codes(tx.session, user)
                    first: ledger.Detail = {"factor": "totp", "first": True}
                    signed = self._signed_in(tx, user, token, address, first)
                    return Step(signed, sessions.SIGNED_IN), codes
                actor = person(user.id, user.name, address)
                refusal = self._failed(tx, self._key_of(user), actor, "set-up", end=token)
        raise SignInRefused(refusal)

    # -- sessions ------------------------------------------------------------------------------

    def session(
        self, token: str | None, *, touch: bool = True, address: str = ""
    ) -> sessions.SessionView | None:
        """The live session of ``token`` (any stage), its idle clock restarted if ``touch``; a
        signed-in one that has run out is ended and recorded, as asked from ``address``."""
        if not token:
            return None
        with self.db.transaction() as tx:
            found = sessions.find(tx.session, token, tx.now, touch=touch, address=address)
            return sessions.view(*found, tx.now) if found else None

    def sign_out(self, token: str | None, *, address: str = "") -> None:
        with self.db.transaction() as tx:
            found = sessions.find(tx.session, token, tx.now, touch=False, address=address)
            if found is not None and found[0].stage == sessions.SIGNED_IN:
                actor = person(found[1].id, found[1].name, address)
                ledger.record(tx.session, actor, Action.SIGN_OUT, at=tx.now)
            sessions.end(tx.session, token)

    # -- inside --------------------------------------------------------------------------------

    @staticmethod
    def _user(session: Session, folded: str) -> ConsoleUser | None:
        return session.scalars(select(ConsoleUser).where(ConsoleUser.name == folded)).one_or_none()

    def _existing(self, session: Session, name: str) -> ConsoleUser:
        user = self._user(session, cred.fold_name(name))
        if user is None:
            raise UnknownUser(f"no console account is named {cred.fold_name(name)[:NAME_MAX]}")
        return user

    @staticmethod
    def _locked(session: Session, key: str, now: datetime) -> bool:
        found = session.get(ConsoleSignInFailure, key)
        return bool(found and found.locked_until and found.locked_until > now)

    def _failed(self, tx: Tx, key: str, actor: Actor, step: str, *, end: str | None = None) -> str:
        """Count a failure under ``key``, record it as ``actor``'s, and return the refusal to
        raise once ``tx`` is committed (so the count and the record stay); the last one allowed
        locks the name and ends the half-way session ``end``."""
        _failure(tx, actor, step, "wrong-code" if end else "wrong-password")
        # Names tried long ago and not locked are forgotten (anyone may try any name).
        tx.session.execute(
            delete(ConsoleSignInFailure).where(
                ConsoleSignInFailure.last_failed_at < tx.now - FORGET_AFTER,
                or_(
                    ConsoleSignInFailure.locked_until.is_(None),
                    ConsoleSignInFailure.locked_until < tx.now,
                ),
            )
        )
        found = tx.session.get(ConsoleSignInFailure, key)
        if found is None:
            found = ConsoleSignInFailure(name_hash=key, failures=0, last_failed_at=tx.now)
            tx.session.add(found)
        found.failures += 1
        found.last_failed_at = tx.now
        if found.failures < MAX_FAILURES:
            return WRONG_CODE if end else NOT_RECOGNISED
        found.failures = 0
        found.locked_until = tx.now + LOCK_FOR
        sessions.end(tx.session, end)
        minutes = int(LOCK_FOR.total_seconds() // 60)
        ledger.record(tx.session, actor, Action.LOCKED_OUT, at=tx.now, outcome=Outcome.REFUSED,
                      detail={"failures": MAX_FAILURES, "minutes": minutes})  # fmt: skip
        return LOCKED

    def _key_of(self, user: ConsoleUser) -> str:
        return cred.name_hash(self._name_key, user.name)

    def _unlock(self, session: Session, user: ConsoleUser) -> None:
        session.execute(
            delete(ConsoleSignInFailure).where(ConsoleSignInFailure.name_hash == self._key_of(user))
        )

    def _half_way(
        self, tx: Tx, token: str, stage: str, address: str
    ) -> tuple[ConsoleUser | None, str]:
        """The user of a half-way session at ``stage``, or None and the refusal (its session
        is ended, and the attempt recorded, if the name was locked meanwhile)."""
        found = sessions.find(tx.session, token, tx.now, touch=True, address=address)
        if found is None or found[0].stage != stage:
            return None, SESSION_ENDED
        user = found[1]
        if self._locked(tx.session, self._key_of(user), tx.now):
            sessions.end(tx.session, token)
            step = "code" if stage == sessions.AWAITING_CODE else "set-up"
            _failure(tx, person(user.id, user.name, address), step, "locked")
            return None, LOCKED
        return user, ""

    def _take_totp(self, user: ConsoleUser, code: str, now: datetime) -> bool:
        secret = cred.open_totp(self._totp_keys, user.id, user.totp_secret)
        step = cred.totp_step(secret, code, now, user.totp_last_step)
        if step is None:
            return False
        user.totp_last_step = step
        return True

    def _spend_recovery_code(
        self, session: Session, user: ConsoleUser, code: str, now: datetime
    ) -> int | None:
        """Spend a recovery code; the number left, or None if it is not one of theirs."""
        digest = cred.recovery_hash(self._recovery_key, user.id, code)
        found = session.get(ConsoleRecoveryCode, digest)
        if found is None or found.user_id != user.id or found.used_at is not None:
            return None
        found.used_at = now
        unused = select(ConsoleRecoveryCode).where(
            ConsoleRecoveryCode.user_id == user.id, ConsoleRecoveryCode.used_at.is_(None)
        )
        return len(session.scalars(unused).all())

    def _new_recovery_codes(self, session: Session, user: ConsoleUser) -> list[str]:
        session.execute(delete(ConsoleRecoveryCode).where(ConsoleRecoveryCode.user_id == user.id))
        codes = cred.new_recovery_codes()
        for code in codes:
            digest = cred.recovery_hash(self._recovery_key, user.id, code)
            session.add(ConsoleRecoveryCode(code_hash=digest, user_id=user.id, used_at=None))
        return codes

    def _signed_in(
        self, tx: Tx, user: ConsoleUser, half_way_token: str, address: str, detail: ledger.Detail
    ) -> str:
        """End the half-way session and start a signed-in one with a new token (recorded)."""
        actor = person(user.id, user.name, address)
        ledger.record(tx.session, actor, Action.SIGN_IN, at=tx.now, detail=detail)
        sessions.end(tx.session, half_way_token)
        self._unlock(tx.session, user)
        user.last_signed_in_at = tx.now
        user.updated_at = tx.now
        return sessions.start(tx.session, user.id, sessions.SIGNED_IN, tx.now)


def _actor(session: Session, user_id: str | None, address: str) -> Actor:
    """Who tried to sign in: the account the typed name is, or nobody (never the name)."""
    user = session.get(ConsoleUser, user_id) if user_id else None
    return person(user.id, user.name, address) if user is not None else nobody(address)


def _failure(tx: Tx, actor: Actor, step: str, reason: str) -> None:
    detail = {"step": step, "reason": reason}
    ledger.record(tx.session, actor, Action.SIGN_IN_FAILED, at=tx.now, outcome=Outcome.REFUSED,
                  detail=detail)  # fmt: skip


def _record_admin(tx: Tx, by: Actor, action: Action, user: ConsoleUser) -> None:
    """An account added, reset or disabled: by whom, and which account (by its id) and role."""
    detail = {"account_id": user.id, "role": user.role}
    ledger.record(tx.session, by, action, at=tx.now, detail=detail)


def _info(user: ConsoleUser) -> UserInfo:
    return UserInfo(
        name=user.name,
        display_name=user.display_name,
        role=user.role,
        disabled=user.disabled,
        awaiting_setup=not user.password_set,
        created_at=user.created_at,
        last_signed_in_at=user.last_signed_in_at,
    )


__all__ = ["Accounts", "NewCredentials", "Role", "SignInRefused", "Step", "UserInfo"]
