"""The banner a page shows once after a change sent the person there (POST/redirect/GET).

``done(request, view, path, sentence)`` answers a POST with a redirect to ``path`` and a
cookie for that path only (HttpOnly, SameSite=Strict, HMAC-signed under a key derived from the
hub's, bound to the person and the path): no URL carries the sentence, and no other site can
forge one. The page reads it with ``notice(request, view)`` (its template shows it in a GOV.UK
notification banner) and answers through ``shown(request, response)``, which drops the cookie so
a reload does not say it again.
"""

from __future__ import annotations

import base64
import hashlib
import hmac

from fastapi import Request
from fastapi.responses import Response

from rjdesk_hub.console.sessions import SessionView
from rjdesk_hub.console.templating import redirect

NOTICE_COOKIE = "rjdesk_console_notice"


def _notice_mac(request: Request, view: SessionView, path: str, payload: str) -> str:
    key = request.app.state.hub.derived_key("console notice banner")
    message = "\n".join((view.user_id, path, payload)).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def done(request: Request, view: SessionView, path: str, sentence: str) -> Response:
    """Redirect to ``path``, whose page shows ``sentence`` in its banner once."""
    response = redirect(path)
    payload = base64.urlsafe_b64encode(sentence.encode()).decode().rstrip("=")
    response.set_cookie(
        NOTICE_COOKIE,
        f"{payload}.{_notice_mac(request, view, path, payload)}",
        path=path,
        secure=bool(request.app.state.console_secure_cookies),
        httponly=True,
        samesite="strict",
    )
    return response


def notice(request: Request, view: SessionView) -> str:
    """The banner's sentence for this page, if a change just sent the person here."""
    payload, _, mac = request.cookies.get(NOTICE_COOKIE, "").partition(".")
    if not payload or not mac:
        return ""
    expected = _notice_mac(request, view, request.url.path, payload)
    if not hmac.compare_digest(mac.encode(), expected.encode()):
        return ""
    try:
        return base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)).decode()
    except (ValueError, UnicodeDecodeError):
        return ""


def shown(request: Request, response: Response) -> Response:
    """The page, with its banner's cookie gone (a reload does not say it again)."""
    if NOTICE_COOKIE in request.cookies:
        response.delete_cookie(
            NOTICE_COOKIE,
            path=request.url.path,
            secure=bool(request.app.state.console_secure_cookies),
            httponly=True,
            samesite="strict",
        )
    return response
