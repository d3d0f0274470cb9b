"""What keeps the referral forms from being abused (issue 15 item 3), without a cookie or a
session: a signed token in each form, a honeypot, rate limits and size limits.

- The form token is ``<issued ms>.<MAC>``: HMAC-SHA256, under a key derived from the hub's data
  key, of the form it was issued for (the public form, or one partner's) and when. It proves the
  page came from this hub and when: it is refused once older than ``TOKEN_HOURS`` (24, so a slow
  writer is not timed out), and a submission sooner than ``MIN_FILL_SECONDS`` after it was issued
  is refused as too fast. A token that brought a referral in is spent (remembered in memory
  until it would expire anyway).
- The honeypot is a field people and screen readers never see; only a robot fills it in.
- Rate limits: at most ``per_address`` submissions from one address and ``overall`` from all
  in any ``window_seconds``. The address is the peer's, or the last entry of X-Forwarded-For when
  the peer is hub.json's ``trusted_proxy`` (``ledger.client_address``).
- Size limits: the whole body (``MAX_BODY_BYTES``, read no further) and each field (``fields``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum

TOKEN_HOURS = 24
MIN_FILL_SECONDS = 3.0
MAX_BODY_BYTES = 48 * 1024
MAX_FIELDS = 40
_KEY_PURPOSE = "referral form tokens"
_FUTURE_SLACK_SECONDS = 60.0

Now = Callable[[], float]


class TokenState(Enum):
    GOOD = "good"
    MISSING = "missing"  # no token, or not one this hub made
    EXPIRED = "expired"
    TOO_FAST = "too fast"
    SPENT = "spent"  # it brought a referral in already


@dataclass(frozen=True)
class Limits:
    """The forms' abuse limits; the bench lifts the rate limits, tests narrow them."""

    per_address: int = 10
    overall: int = 300
    window_seconds: float = 600.0
    min_fill_seconds: float = MIN_FILL_SECONDS
    token_hours: float = TOKEN_HOURS


class FormTokens:
    """Issues and checks the forms' tokens (stateless but for the spent ones)."""

    def __init__(self, key: bytes, limits: Limits, now: Now = time.time) -> None:
        self._key = key
        self._limits = limits
        self._now = now
        self._spent: dict[str, float] = {}
        self._lock = threading.Lock()

    def _mac(self, form: str, issued_ms: int) -> str:
        mac = hmac.new(self._key, f"{form}|{issued_ms}".encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(mac[:20]).decode().rstrip("=")

    def issue(self, form: str) -> str:
        """A new token for ``form`` ("public", or "partner:<id>")."""
        issued_ms = int(self._now() * 1000)
        return f"{issued_ms}.{self._mac(form, issued_ms)}"

    def check(self, form: str, token: str) -> TokenState:
        issued_text, _, mac = token.partition(".")
        if not issued_text.isdigit() or len(issued_text) > 15 or not mac:
            return TokenState.MISSING
        issued_ms = int(issued_text)
        if not hmac.compare_digest(mac, self._mac(form, issued_ms)):
            return TokenState.MISSING
        age = self._now() - issued_ms / 1000
        if age < -_FUTURE_SLACK_SECONDS:
            return TokenState.MISSING
        if age > self._limits.token_hours * 3600:
            return TokenState.EXPIRED
        with self._lock:
            if token in self._spent:
                return TokenState.SPENT
        if age < self._limits.min_fill_seconds:
            return TokenState.TOO_FAST
        return TokenState.GOOD

    def spend(self, token: str) -> None:
        """``token`` brought a referral in: it cannot bring another."""
        now = self._now()
        with self._lock:
            self._spent[token] = now
            if len(self._spent) > 1000:
                oldest = now - self._limits.token_hours * 3600 - _FUTURE_SLACK_SECONDS
                self._spent = {t: at for t, at in self._spent.items() if at >= oldest}


@dataclass
class RateLimit:
    """Sliding-window counts of submissions, per address and overall."""

    limits: Limits
    now: Now = time.monotonic
    _by_address: dict[str, deque[float]] = field(default_factory=dict)
    _all: deque[float] = field(default_factory=deque)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def allow(self, address: str) -> bool:
        """Count one submission from ``address``; False (not counted) when over a limit."""
        now = self.now()
        since = now - self.limits.window_seconds
        with self._lock:
            _drop_before(self._all, since)
            mine = self._by_address.setdefault(address, deque())
            _drop_before(mine, since)
            if len(mine) >= self.limits.per_address or len(self._all) >= self.limits.overall:
                return False
            mine.append(now)
            self._all.append(now)
            if len(self._by_address) > 10_000:
                self._by_address = {
                    a: q for a, q in self._by_address.items() if q and q[-1] >= since
                }
            return True


def _drop_before(times: deque[float], since: float) -> None:
    while times and times[0] < since:
        times.popleft()
