"""The hub's HTTP API (docs/sync-protocol.md, "HTTP"), as a FastAPI app over a ``Hub``.

Every request but ``GET /v1/hub`` is signed by the device's key (``rjdesk_protocol.wire``).
Errors are JSON ``{"error": "<one sentence>"}``: 403 authentication (one answer for every
reason, which is logged at the hub and never told to the client), 404 nothing there, 409 an
upload offset the hub does not hold, 413 too large (a body, a bundle, or a device's unfinished
uploads), 429 a device's upload quota reached, 422 a refused bundle (with ``"refused":
true``, and ``"last_sequence"`` when its sequence is behind the hub's), 400 anything else
malformed. Nothing logs a request body or case data: the access
log is one line of method, path and status (with ``--log-format json``: route template, method,
status, duration and the hub's request id; ``rjdesk_hub.console.ops_logs``), and an unexpected
error is logged by its type and stack frames, never by its message (which could quote data).

``GET /healthz`` (unsigned) answers whether the database answers; the metrics of
``rjdesk_hub.console.ops_metrics`` are counted here and served on a port of their own.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rjdesk_hub import enrol_api
from rjdesk_hub.console import ops_health, ops_logs
from rjdesk_hub.console.ops_metrics import UNMATCHED, HubMetrics
from rjdesk_hub.errors import AuthRefused, UnknownDevice
from rjdesk_hub.requests import RequestLedger
from rjdesk_hub.service import Hub
from rjdesk_hub.uploads import (
    MIB,
    BadUploadName,
    DailyBytes,
    OffsetMismatch,
    QuotaExceeded,
    UploadLimits,
    Uploads,
    UploadTooLarge,
)
from rjdesk_protocol.errors import BadSignature, InvalidBundle, StaleSequence
from rjdesk_protocol.wire import (
    AUTH_HEADER,
    CHUNK_BYTES,
    DEVICE_HEADER,
    INBOX_SEQUENCE_HEADER,
    REQUEST_ID_HEADER,
    TIME_HEADER,
    UPLOAD_OFFSET_HEADER,
    check_request,
)

log = logging.getLogger(__name__)
access_log = logging.getLogger("rjdesk_hub.access")
# GET and POST carry no body worth the name; a little slack for clients that send "{}".
_SMALL_BODY = 1024
# The status logged for a request whose client disconnected before sending its body (as nginx
# does): no answer reaches it, and the access log's line is the only one.
CLIENT_GONE = 499
# The methods counted by name in the metrics; any other is counted as "other".
_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"})
# Sequence numbers and offsets fit in 63 bits: no more than 18 digits.
_MAX_DIGITS = 18
# The one answer to a request that does not authenticate, whatever the reason: it tells a client
# nothing about whether a device id is enrolled or revoked, or what was wrong.
NOT_AUTHORISED = (
    "the request is not authorised: check the laptop's date and time, or ask the coordinator "
    "whether this laptop is still enrolled"
)


def _printable(text: str) -> str:
    """``text`` safe for one log line: what a client sent may hold anything."""
    return "".join(c if c.isprintable() else "?" for c in text[:300])


def not_authorised(reason: str) -> ApiError:
    """The uniform 403; the real ``reason`` goes to the hub's log only (no case data in it)."""
    log.warning("request refused: %s", _printable(reason))
    return ApiError(403, NOT_AUTHORISED)


class ApiError(Exception):
    """An answer other than 2xx: its status and sentence (and any extra JSON fields)."""

    def __init__(self, status: int, message: str, **extra: Any) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.extra = extra


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


class _Guard:
    """Outermost of the app's own layers: logs each request as method, path and status (and
    counts it in the metrics, by route template), and turns an unexpected error into a JSON 500
    logged without its message."""

    def __init__(self, app: ASGIApp, metrics: HubMetrics | None = None) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        status, started = 500, False
        began = time.perf_counter()
        token = ops_logs.request_id.set(ops_logs.new_request_id())

        async def send_and_note(message: Message) -> None:
            nonlocal status, started
            if message["type"] == "http.response.start":
                status, started = int(message["status"]), True
            await send(message)

        try:
            await self.app(scope, receive, send_and_note)
        except Exception as exc:  # noqa: BLE001 - the one place every failure ends up
            log.error(
                "unexpected %s in %s %s\n%s",
                type(exc).__name__,
                scope.get("method"),
                _route_of(scope),
                "".join(f"  {frame}\n" for frame in ops_logs.frames_of(exc.__traceback__)),
            )
            if not started:
                response = _error(500, "the hub failed unexpectedly; try again later")
                await response(scope, receive, send_and_note)
        finally:
            seconds = time.perf_counter() - began
            method = str(scope.get("method"))
            route = _route_of(scope)
            access_log.info(
                "%s %s %s",
                method,
                scope.get("path"),
                status,
                extra={
                    "event": "request",
                    "route": route,
                    "method": method,
                    "status": status,
                    "duration_ms": round(seconds * 1000, 1),
                },
            )
            if self.metrics is not None:
                counted = method if method in _METHODS else "other"
                self.metrics.request_done(route, counted, status, seconds)
            ops_logs.request_id.reset(token)


def _route_of(scope: Scope) -> str:
    """The template of the route that answered (``/v1/uploads/{sha256}``), never the path as
    sent: that may hold anything a client chose."""
    path = getattr(scope.get("route"), "path", None)
    return path if isinstance(path, str) else UNMATCHED


async def _body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) as soon as it grows past ``limit``."""
    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise ApiError(413, f"the request body is larger than {limit} bytes")
    parts: list[bytes] = []
    size = 0
    try:
        async for piece in request.stream():
            size += len(piece)
            if size > limit:
                raise ApiError(413, f"the request body is larger than {limit} bytes")
            parts.append(piece)
    except ClientDisconnect:
        # Nobody is left to answer: the access log's one line says so, with status 499.
        raise ApiError(
            CLIENT_GONE, "the client disconnected before sending the whole body"
        ) from None
    return b"".join(parts)


def _path_with_query(request: Request) -> str:
    """The path as it was sent (still percent-encoded) and its query: what the device signed."""
    raw = request.scope.get("raw_path")
    path = raw.decode("latin-1") if isinstance(raw, bytes) else request.url.path
    query = request.scope.get("query_string", b"").decode("latin-1")
    return f"{path}?{query}" if query else path


def create_app(
    hub: Hub, *, clock: Callable[[], float] = time.time, metrics: HubMetrics | None = None
) -> FastAPI:
    """The HTTP API of ``hub``. ``clock`` (Unix seconds) is what request times are checked
    against; ``metrics``, if given, count its requests and bundles."""
    app = FastAPI(title="rjdesk hub", docs_url=None, redoc_url=None, openapi_url=None)
    settings = hub.settings
    uploads = Uploads(
        hub.uploads_dir,
        limits=UploadLimits(
            unfinished=settings.max_unfinished_uploads,
            unfinished_bytes=settings.max_unfinished_upload_mib * MIB,
        ),
    )
    daily = DailyBytes(hub.db, settings.max_upload_mib_per_day * MIB)

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return _error(exc.status, exc.message, **exc.extra)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = {404: "there is nothing at this address", 405: "this method is not allowed"}
        return _error(exc.status_code, message.get(exc.status_code, str(exc.detail)))

    @app.exception_handler(RequestValidationError)
    async def _malformed(_request: Request, _exc: RequestValidationError) -> JSONResponse:
        return _error(400, "the request is malformed")

    app.add_middleware(_Guard, metrics=metrics)
    ledger = RequestLedger(hub.db)

    async def authenticate(request: Request, body: bytes) -> str:
        """The device that signed this request; the uniform 403 if none did, or if this device
        made this request before (a replay)."""
        device = request.headers.get(DEVICE_HEADER)
        stamp = request.headers.get(TIME_HEADER)
        signature = request.headers.get(AUTH_HEADER)
        if not device or not stamp or not signature:
            raise not_authorised(f"{request.method} {request.url.path}: not signed")
        now = clock()
        try:
            key = await run_in_threadpool(hub.device_public_key, device)
            request_id = check_request(
                key,
                method=request.method,
                path_with_query=_path_with_query(request),
                time_header=stamp,
                auth_header=signature,
                body_sha256_hex=hashlib.sha256(body).hexdigest(),
                now=now,
                request_id_header=request.headers.get(REQUEST_ID_HEADER),
            )
            await run_in_threadpool(ledger.remember, device, request_id, int(stamp), now)
        except (AuthRefused, BadSignature) as exc:
            raise not_authorised(f"{request.method} {request.url.path}: {exc}") from None
        return device

    def upload_name(sha256: str) -> str:
        try:
            uploads.path("", sha256)
        except BadUploadName as exc:
            raise ApiError(404, str(exc)) from None
        return sha256

    # The one route a laptop calls before it is enrolled: a one-time code authorises it.
    app.include_router(enrol_api.router(hub))

    @app.get("/v1/hub")
    async def hub_info() -> dict[str, str]:
        return hub.info()

    @app.get("/healthz")
    async def healthz() -> JSONResponse:
        """Unsigned, for the load balancer or the service manager: 200 when the database
        answers a read, else 503 with one sentence (the reason only in the hub's log)."""
        try:
            answers = await asyncio.wait_for(
                run_in_threadpool(ops_health.database_answers, hub.db.engine),
                ops_health.TIMEOUT_SECONDS,
            )
        except TimeoutError:
            log.error("health check: the database did not answer in time")
            answers = False
        if not answers:
            return _error(503, ops_health.UNHEALTHY)
        return JSONResponse(ops_health.HEALTHY)

    @app.get("/v1/uploads/{sha256}")
    async def upload_status(sha256: str, request: Request) -> dict[str, int]:
        device = await authenticate(request, await _body(request, _SMALL_BODY))
        upload_name(sha256)
        held = uploads.received(device, sha256)
        if not held:
            # Already accepted (the answer to "complete" was lost): the laptop completes again.
            accepted = await run_in_threadpool(hub.accepted_size, device, sha256)
            held = accepted or 0
        return {"received": held}

    @app.put("/v1/uploads/{sha256}")
    async def upload_chunk(sha256: str, request: Request) -> dict[str, int]:
        offset_text = request.headers.get(UPLOAD_OFFSET_HEADER, "")
        if not offset_text.isdigit() or len(offset_text) > _MAX_DIGITS:
            raise ApiError(400, f"the {UPLOAD_OFFSET_HEADER} header must be a whole number")
        chunk = await _body(request, CHUNK_BYTES)
        device = await authenticate(request, chunk)
        upload_name(sha256)
        accepted = await run_in_threadpool(hub.accepted_size, device, sha256)
        if accepted is not None:
            raise ApiError(409, "the hub already has this bundle whole", received=accepted)
        try:
            await run_in_threadpool(daily.charge, device, len(chunk), hub.clock())
            held = await run_in_threadpool(uploads.append, device, sha256, int(offset_text), chunk)
            if metrics is not None:
                metrics.upload_bytes.inc(len(chunk))
        except OffsetMismatch as exc:
            raise ApiError(409, str(exc), received=exc.received) from None
        except UploadTooLarge as exc:
            raise ApiError(413, str(exc)) from None
        except QuotaExceeded as exc:
            raise ApiError(429, str(exc)) from None
        return {"received": held}

    @app.post("/v1/uploads/{sha256}/complete")
    async def upload_complete(sha256: str, request: Request) -> Response:
        device = await authenticate(request, await _body(request, _SMALL_BODY))
        upload_name(sha256)
        data = await run_in_threadpool(uploads.read, device, sha256)
        if data is None:
            receipt = await run_in_threadpool(hub.receipt_for, device, sha256)
            if receipt is None:
                raise ApiError(404, "the hub holds no upload of this bundle")
            return Response(receipt, media_type="application/json")
        try:
            if hashlib.sha256(data).hexdigest() != sha256:
                raise ApiError(
                    422,
                    "The bundle was refused: the uploaded bytes do not match the SHA-256 they "
                    "were sent under (the upload was damaged); send it again.",
                    refused=True,
                )
            receipt = await run_in_threadpool(
                lambda: hub.ingest(data, via="network", expect_sender=device)
            )
        except StaleSequence as exc:
            note_refused(str(exc))
            raise ApiError(422, str(exc), refused=True, last_sequence=exc.last_sequence) from None
        except InvalidBundle as exc:
            note_refused(str(exc))
            raise ApiError(422, str(exc), refused=True) from None
        except ApiError as exc:
            note_refused(exc.message)
            raise
        finally:
            await run_in_threadpool(uploads.discard, device, sha256)
        if metrics is not None:
            metrics.bundles_accepted.inc()
        return Response(receipt, media_type="application/json")

    def note_refused(sentence: str) -> None:
        if metrics is not None:
            metrics.bundle_refused(sentence)

    @app.get("/v1/device")
    async def device_state(request: Request) -> dict[str, int]:
        device = await authenticate(request, await _body(request, _SMALL_BODY))
        try:
            return await run_in_threadpool(hub.device_state, device)
        except UnknownDevice as exc:
            raise not_authorised(str(exc)) from None

    @app.post("/v1/resend")
    async def resend(request: Request) -> dict[str, int]:
        """A laptop found its vault is older than what it sent (restored from a backup): queue
        it every case it should hold, whole, for its inbox."""
        device = await authenticate(request, await _body(request, _SMALL_BODY))
        try:
            queued = await run_in_threadpool(hub.resend_everything, device)
        except UnknownDevice as exc:
            raise not_authorised(str(exc)) from None
        return {"queued": queued}

    @app.get("/v1/inbox")
    async def inbox(request: Request) -> Response:
        device = await authenticate(request, await _body(request, _SMALL_BODY))
        after_text = request.query_params.get("after", "0")
        if not after_text.isdigit():
            raise ApiError(400, "after must be the sequence number of the last hub bundle applied")
        if len(after_text) > _MAX_DIGITS:
            raise ApiError(400, "after is larger than any sequence number")
        try:
            found = await run_in_threadpool(hub.inbox, device, int(after_text))
        except UnknownDevice as exc:  # revoked between the authentication and now
            raise not_authorised(str(exc)) from None
        if found is None:
            return Response(status_code=204)
        sequence, sealed = found
        return Response(
            sealed,
            media_type="application/octet-stream",
            headers={INBOX_SEQUENCE_HEADER: str(sequence)},
        )

    return app
