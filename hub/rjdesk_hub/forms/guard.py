"""The referral forms' outermost layer: the console's security headers on every response, no
caching of any page, one access line per request, and the error page for anything unexpected.

The access line is the method, the path and the status: never a query, a body or an address, and
a partner's link is logged as ``/partner/…`` (its token is a secret).
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rjdesk_hub.console.headers import NO_STORE, SECURITY_HEADERS
from rjdesk_hub.console.static import STATIC_PATH

log = logging.getLogger(__name__)
access_log = logging.getLogger("rjdesk_hub.forms.access")


def logged_path(path: str) -> str:
    """``path`` as the access log shows it: a partner's token left out."""
    return "/partner/…" if path.startswith("/partner/") else path


def _secured(message: Message, path: str) -> Message:
    ours = {name.encode() for name, _ in SECURITY_HEADERS} | {b"cache-control"}
    kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in ours]
    cache = [(k, v) for k, v in message.get("headers", []) if k.lower() == b"cache-control"]
    if not path.startswith(STATIC_PATH + "/") or not cache:
        cache = [(b"cache-control", NO_STORE.encode())]
    secured = [(name.encode(), value.encode()) for name, value in SECURITY_HEADERS]
    return {**message, "headers": kept + cache + secured}


class FormsGuard:
    def __init__(self, app: ASGIApp, error_page: Callable[[], bytes]) -> None:
        self.app = app
        self.error_page = error_page

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
                message = _secured(message, path)
            await send(message)

        try:
            await self.app(scope, receive, send_secured)
        except Exception as exc:  # noqa: BLE001 - the one place every failure ends up
            log.error(
                "unexpected %s in %s %s\n%s",
                type(exc).__name__,
                scope.get("method"),
                logged_path(path),
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
            access_log.info("%s %s %s", scope.get("method"), logged_path(path), status)
