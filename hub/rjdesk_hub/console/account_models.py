"""The console's people: who signs in, their second factor, their sessions, and failed sign-ins.

A console user is a person who signs in to the hub's web console (admin, coordinator,
supervisor, auditor). They are kept apart from ``hub_facilitator``: a facilitator is the account
laptops are filed under and never signs in to the console, and a console user holds no laptop
and no case. Nothing here is case data; secrets are stored hashed (passwords with Argon2id,
recovery codes and session tokens with keyed or plain SHA-256 of high-entropy values) or sealed
(the TOTP secret, AES-256-GCM under a key derived from the hub's data key).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, LargeBinary, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from rjdesk_hub.models import ROW_ID, HubBase

HASH_HEX = 64


class ConsoleUser(HubBase):
    """A named console account. ``password_set`` is False while the password is the one-time
    one printed by ``rjdesk-hub user add|reset`` (valid until ``setup_until``): the first
    sign-in sets a new one and confirms the authenticator (``totp_confirmed``).
    ``totp_last_step`` is the last TOTP time step accepted: a code is never accepted twice."""

    __tablename__ = "hub_console_user"

    id: Mapped[str] = mapped_column(String(ROW_ID), primary_key=True)
    name: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    disabled: Mapped[bool] = mapped_column(default=False)
    password_hash: Mapped[str] = mapped_column(Text)
    password_set: Mapped[bool] = mapped_column(default=False)
    setup_until: Mapped[datetime | None]
    totp_secret: Mapped[bytes] = mapped_column(LargeBinary)
    totp_confirmed: Mapped[bool] = mapped_column(default=False)
    totp_last_step: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    last_signed_in_at: Mapped[datetime | None]


class ConsoleRecoveryCode(HubBase):
    """One of a user's one-time recovery codes, by its keyed hash; ``used_at`` once spent."""

    __tablename__ = "hub_console_recovery_code"

    code_hash: Mapped[str] = mapped_column(String(HASH_HEX), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("hub_console_user.id"), index=True)
    used_at: Mapped[datetime | None]


class ConsoleSession(HubBase):
    """A console session, by the SHA-256 of its cookie's random token. ``stage`` is "code"
    (the password was right, the second factor is awaited), "setup" (a first sign-in: a new
    password and the authenticator are awaited) or "in" (signed in)."""

    __tablename__ = "hub_console_session"

    token_hash: Mapped[str] = mapped_column(String(HASH_HEX), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("hub_console_user.id"), index=True)
    stage: Mapped[str] = mapped_column(String(10))
    csrf_token: Mapped[str] = mapped_column(String(HASH_HEX))
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]


class ConsoleSignInFailure(HubBase):
    """Failed sign-ins under one name, by the keyed hash of the folded name (so a password typed
    into the name field is never stored), whether or not an account has that name: lock-out
    answers alike for both."""

    __tablename__ = "hub_console_sign_in_failure"

    name_hash: Mapped[str] = mapped_column(String(HASH_HEX), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    last_failed_at: Mapped[datetime]
    locked_until: Mapped[datetime | None]
