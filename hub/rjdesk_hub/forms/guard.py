"""The referral forms' outermost layer: the console's security headers on every response, no
caching of any page, one access line per request, and the error page for anything unexpected.

The access line is the method, the path and the status: never a query, a body or an address, and
a partner's link is logged as ``/partner/…`` (its token is a secret).
"""

from __future__ import annotations

import logging

from starlette.types import Message

from rjdesk_hub.console.headers import NO_STORE, SECURITY_HEADERS, ConsoleGuard
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


class FormsGuard(ConsoleGuard):
    """The console's guard, with the forms' own cache rule, access log and hidden tokens."""

    access = access_log

    def secured(self, message: Message, path: str) -> Message:
        return _secured(message, path)

    def logged_path(self, path: str) -> str:
        return logged_path(path)
