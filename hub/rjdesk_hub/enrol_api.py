"""``POST /v1/enrol``: a laptop enrols with a one-time code from the console (docs/sync-protocol.md,
"Enrolling with a code"). The one route of the sync API a laptop calls before it has a key the
hub knows, so it is not signed: the code is what authorises it (``console.enrol_codes``).

Body: ``{"code": "K7QM-2XRD-9HVA", "request": <the enrolment request, as the file carries it>}``.
Answer: 200 and the signed hub configuration, as ``rjdesk-hub enroll`` writes it; else
``{"error": "<one sentence>"}`` with 400 (malformed), 403 (a wrong code), 410 (a used, expired
or spent code), 422 (the request itself refused), 413 (too large) or 429 (too many refused
attempts from this address: ``AttemptLimit``). Neither the code nor the request is logged.
"""

from __future__ import annotations

import json
import logging
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from rjdesk_hub.console import enrol_codes, ledger
from rjdesk_hub.errors import EnrollmentRefused
from rjdesk_hub.service import Hub

log = logging.getLogger(__name__)

PATH = "/v1/enrol"
MAX_BODY = 16 * 1024
# Refused attempts an address may make in a window before it waits: a laptop typing a code
# wrongly a few times stays far below; guessing codes does not get far.
REFUSED_PER_WINDOW = 10
WINDOW_SECONDS = 15 * 60
TOO_MANY = (
    "too many enrolment attempts from this address were refused: wait 15 minutes, then check "
    "the code with your coordinator"
)


class AttemptLimit:
    """Refused enrolment attempts per client address, over a sliding window (in memory: a
    restart forgets them, and each code still allows only its 5 wrong tries)."""

    def __init__(
        self,
        per_window: int = REFUSED_PER_WINDOW,
        window: float = WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_window, self.window, self.clock = per_window, window, clock
        self._refused: dict[str, deque[float]] = {}

    def _recent(self, address: str) -> deque[float]:
        times = self._refused.setdefault(address, deque())
        while times and times[0] <= self.clock() - self.window:
            times.popleft()
        return times

    def blocked(self, address: str) -> bool:
        blocked = len(self._recent(address)) >= self.per_window
        if not self._refused.get(address):
            self._refused.pop(address, None)
        return blocked

    def refused(self, address: str) -> None:
        self._recent(address).append(self.clock())


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


async def _json_body(request: Request) -> Any:
    body = b""
    async for piece in request.stream():
        body += piece
        if len(body) > MAX_BODY:
            return None
    try:
        return json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None


def router(hub: Hub, limit: AttemptLimit | None = None) -> APIRouter:
    """The route, for the sync app of ``hub`` (``app.create_app`` includes it)."""
    attempts = limit or AttemptLimit()
    routes = APIRouter()

    @routes.post(PATH)
    async def enrol(request: Request) -> JSONResponse:
        address = ledger.scope_address(request.scope, hub.settings.trusted_proxy) or "unknown"
        if attempts.blocked(address):
            return _error(429, TOO_MANY)
        declared = request.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_BODY:
            return _error(413, f"the request body is larger than {MAX_BODY} bytes")
        try:
            body = await _json_body(request)
        except ClientDisconnect:
            return _error(400, "the laptop disconnected before sending the whole request")
        if (
            not isinstance(body, dict)
            or not isinstance(body.get("code"), str)
            or not isinstance(body.get("request"), dict)
        ):
            return _error(400, "the request must be JSON with a code and an enrolment request")
        try:
            answer = await run_in_threadpool(
                enrol_codes.redeem, hub, body["code"], body["request"], address=address
            )
        except enrol_codes.EnrolCodeRefused as exc:
            attempts.refused(address)
            log.info("an enrolment code was refused (HTTP %d)", exc.status)
            return _error(exc.status, str(exc))
        except EnrollmentRefused as exc:
            log.info("an enrolment request sent with a code was refused")
            return _error(422, str(exc))
        return JSONResponse(answer)

    return routes
