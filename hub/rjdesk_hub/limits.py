"""What keeps the hub serving enrolled laptops while others hang on (docs/deploying.md, "Limits
of the server").

uvicorn's own protocol (h11) waits for a request's headers for ever and takes any number of
connections from one address. ``guarded_protocol`` wraps it: a connection that has not sent a
request's complete headers within ``header_timeout`` seconds (10 by default) is dropped, and a
client address may hold at most ``per_address`` connections (further ones are dropped at once).
Behind a reverse proxy every connection comes from the proxy: its address (``trusted_proxy``) is
exempt from the connection cap, and ``ForwardedCap`` caps the requests in progress per client
address named by the last entry of ``X-Forwarded-For`` (429 past it). ``X-Forwarded-For`` is
believed only from the proxy's address.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field
from typing import Any

import h11
from starlette.types import ASGIApp, Receive, Scope, Send
from uvicorn.protocols.http.h11_impl import H11Protocol

log = logging.getLogger(__name__)

HEADER_TIMEOUT_SECONDS = 10.0
DEFAULT_PER_ADDRESS = 32
_NOTE_EVERY_SECONDS = 60.0


@dataclass
class ConnectionLimits:
    """The limits, and the connections held per address (touched on the event loop only)."""

    header_timeout: float = HEADER_TIMEOUT_SECONDS
    per_address: int = DEFAULT_PER_ADDRESS
    trusted_proxy: str = ""
    held: dict[str, int] = field(default_factory=dict)
    dropped_slow: int = 0
    dropped_over_cap: int = 0
    _noted_at: float = float("-inf")

    def note(self) -> None:
        """One summary line a minute at most, never one per connection."""
        now = time.monotonic()
        if now - self._noted_at < _NOTE_EVERY_SECONDS:
            return
        self._noted_at = now
        log.warning(
            "connections dropped so far: %d without complete headers within %.0f s, %d over "
            "%d from one address",
            self.dropped_slow,
            self.header_timeout,
            self.dropped_over_cap,
            self.per_address,
        )


def guarded_protocol(limits: ConnectionLimits) -> type[H11Protocol]:
    """uvicorn's h11 protocol with a header timeout and a per-address connection cap."""

    class GuardedH11Protocol(H11Protocol):
        _counted: str | None = None
        _header_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            address = self.client[0] if self.client else ""
            if address and address != limits.trusted_proxy:
                if limits.held.get(address, 0) >= limits.per_address:
                    limits.dropped_over_cap += 1
                    limits.note()
                    transport.abort()
                    return
                limits.held[address] = limits.held.get(address, 0) + 1
                self._counted = address
            self._arm_header_timer()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm_header_timer()
            if self._counted is not None:
                left = limits.held.get(self._counted, 1) - 1
                if left > 0:
                    limits.held[self._counted] = left
                else:
                    limits.held.pop(self._counted, None)
                self._counted = None
            super().connection_lost(exc)

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.conn.their_state is not h11.IDLE:  # a request's headers are complete
                self._disarm_header_timer()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm_header_timer()  # the next request's headers: the same deadline

        def _arm_header_timer(self) -> None:
            self._disarm_header_timer()
            self._header_timer = self.loop.call_later(limits.header_timeout, self._too_slow)

        def _disarm_header_timer(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
                self._header_timer = None

        def _too_slow(self) -> None:
            self._header_timer = None
            if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
                limits.dropped_slow += 1
                limits.note()
                self.transport.abort()

    return GuardedH11Protocol


class ForwardedCap:
    """Behind the trusted proxy: at most ``limits.per_address`` requests in progress per client
    address, taken from the last entry of ``X-Forwarded-For`` (the one the proxy added)."""

    def __init__(self, app: ASGIApp, limits: ConnectionLimits) -> None:
        self.app = app
        self.limits = limits
        self.busy: dict[str, int] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        client = scope.get("client")
        peer = client[0] if client else ""
        if (
            scope["type"] != "http"
            or not self.limits.trusted_proxy
            or peer != self.limits.trusted_proxy
        ):
            await self.app(scope, receive, send)
            return
        address = forwarded_for(scope) or peer
        if self.busy.get(address, 0) >= self.limits.per_address:
            await _too_many(send)
            return
        self.busy[address] = self.busy.get(address, 0) + 1
        try:
            await self.app(scope, receive, send)
        finally:
            left = self.busy[address] - 1
            if left:
                self.busy[address] = left
            else:
                del self.busy[address]


def forwarded_for(scope: Scope) -> str:
    """The last address in ``X-Forwarded-For`` (the proxy appends the client's), or ""."""
    values = [v for k, v in scope.get("headers", []) if k == b"x-forwarded-for"]
    if not values:
        return ""
    last = bytes(values[-1]).decode("latin-1").split(",")[-1].strip()
    return last[:64]


async def _too_many(send: Send) -> None:
    body = b'{"error":"too many requests from this address at once; try again shortly"}'
    headers: list[Any] = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
    ]
    await send({"type": "http.response.start", "status": 429, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class AcceptOverload(logging.Filter):
    """asyncio logs a traceback each time ``accept()`` fails for want of file descriptors (a
    flood of connections): one line a minute instead, without the traceback."""

    def __init__(self) -> None:
        super().__init__()
        self._shown_at = float("-inf")
        self.suppressed = 0

    def filter(self, record: logging.LogRecord) -> bool:
        if "out of system resource" not in str(record.msg):
            return True
        now = time.monotonic()
        if now - self._shown_at < _NOTE_EVERY_SECONDS:
            self.suppressed += 1
            return False
        self._shown_at = now
        record.msg = "accepting a connection failed: out of file descriptors (%d more since)"
        record.args = (self.suppressed,)
        record.exc_info = None
        record.exc_text = None
        self.suppressed = 0
        return True
