"""The security headers every console response carries, and the console's outermost guard.

The CSP allows nothing inline and nothing from elsewhere: every script and stylesheet is a file
the console serves itself (``/static/``). Pages are never cached (they show case data to a signed
-in person); the static assets set their own long cache. Only signing in sets cookies
(``accounts_web``).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger(__name__)
access_log = logging.getLogger("rjdesk_hub.console.access")

CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'none'",
    )
)
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
    )
)
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("content-security-policy", CONTENT_SECURITY_POLICY),
    ("x-frame-options", "DENY"),
    ("referrer-policy", "no-referrer"),
    ("x-content-type-options", "nosniff"),
    ("permissions-policy", PERMISSIONS_POLICY),
    ("cross-origin-opener-policy", "same-origin"),
    ("cross-origin-resource-policy", "same-origin"),
)
NO_STORE = "no-store"

ErrorPage = Callable[[], bytes]


def _with_security_headers(message: Message) -> Message:
    """``message`` (a response start) with the security headers, replacing any of the same name,
    and ``Cache-Control: no-store`` unless the response chose its own caching (static assets).
    A response's own Content Security Policy is kept beside the console's: a browser enforces
    both, so it can only narrow it (a document served with ``sandbox``, ``cases_web``)."""
    ours = {name.encode() for name, _ in SECURITY_HEADERS} - {b"content-security-policy"}
    headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in ours]
    if not any(k.lower() == b"cache-control" for k, _ in headers):
        headers.append((b"cache-control", NO_STORE.encode()))
    headers.extend((name.encode(), value.encode()) for name, value in SECURITY_HEADERS)
    return {**message, "headers": headers}


class ConsoleGuard:
    """Outermost layer of the console: adds the security headers to every response (error pages
    and 404s included), logs each request as method, path and status (never a query string, a
    body or an address), and turns an unexpected error into the error page, logged by its type
    and stack frames, never by its message (which could quote case data)."""

    access = access_log

    def __init__(self, app: ASGIApp, error_page: ErrorPage) -> None:
        self.app = app
        self.error_page = error_page

    def secured(self, message: Message, path: str) -> Message:
        """A response's start with the security headers (``path``: what was asked for)."""
        return _with_security_headers(message)

    def logged_path(self, path: str) -> str:
        """``path`` as the logs show it."""
        return path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        status, started = 500, False

        async def send_secured(message: Message) -> None:
            nonlocal status, started
            if message["type"] == "http.response.start":
                status, started = int(message["status"]), True
                message = self.secured(message, path)
            await send(message)

        try:
            await self.app(scope, receive, send_secured)
        except Exception as exc:  # noqa: BLE001 - the one place every failure ends up
            log.error(
                "unexpected %s in %s %s\n%s",
                type(exc).__name__,
                scope.get("method"),
                self.logged_path(path),
                "".join(traceback.format_tb(exc.__traceback__)),
            )
            if not started:
                body = self.error_page()
                await send_secured(
                    {
                        "type": "http.response.start",
                        "status": 500,
                        "headers": [
                            (b"content-type", b"text/html; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()),
                        ],
                    }
                )
                await send_secured({"type": "http.response.body", "body": body})
        finally:
            self.access.info("%s %s %s", scope.get("method"), self.logged_path(path), status)
