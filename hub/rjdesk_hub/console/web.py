"""The console as its own FastAPI app, served on its own port beside the sync API (docs/hub.md,
"The console").

``create_console_app(hub)`` builds it: the built assets under ``/static/``, the page templates
(``templates/``, with GOV.UK Frontend's macros under ``govuk_frontend_jinja/``), the error and
404 pages, the security headers on every response (``headers``), and signing in
(``accounts_web``: its pages, sessions, CSRF and the ``signed_in``/``permission`` dependencies).
Pages render with ``templating.render`` or ``templating.page``; the hub is
``request.app.state.hub``. Each page module has a ``router()`` that this module includes.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from rjdesk_hub.console import (
    assign_web,
    audit_web,
    billing_web,
    cases_web,
    conflicts_web,
    enrol_web,
    laptops_web,
    overview_web,
    partners_web,
    returns_web,
    triage_web,
)
from rjdesk_hub.console.accounts_web import install_accounts
from rjdesk_hub.console.headers import ConsoleGuard
from rjdesk_hub.console.static import STATIC_PATH, Assets
from rjdesk_hub.console.templating import make_environment, render
from rjdesk_hub.service import Hub

log = logging.getLogger(__name__)

# The one sentence of each error page a person can act on (no traceback, no detail).
_STATUS_SENTENCES = {
    400: "The hub could not understand that request. Go back, check what you entered and try "
    "again.",
    403: "You cannot do that with your account. Ask the hub's administrator if you need to.",
    405: "That page cannot be used that way. Go back and use its links and buttons.",
    413: "What you sent is too large for the hub.",
    429: "Too many requests came from your computer. Wait a minute and try again.",
}


def create_console_app(hub: Hub, *, secure_cookies: bool | None = None) -> ConsoleGuard:
    """The console of ``hub``, wrapped in its guard (security headers, access log, error page),
    with signing in (``accounts_web``): every page but the sign-in pages, the assets, ``/session``
    and the error pages needs a signed-in person. ``secure_cookies`` (by default: unless
    ``RJDESK_HUB_CONSOLE_INSECURE_COOKIES=1``) marks the cookies Secure."""
    assets = Assets()
    environment = make_environment(assets)
    app = FastAPI(title="rjdesk hub console", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.hub = hub
    app.state.templates = environment
    app.state.assets = assets

    def error_page() -> bytes:
        return environment.get_template("error.html").render().encode()

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return render(request, "404.html", status_code=404)
        sentence = _STATUS_SENTENCES.get(exc.status_code)
        return render(
            request,
            "error.html",
            {"sentence": sentence},
            status_code=exc.status_code if sentence else 400,
        )

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        return render(request, "error.html", {"sentence": _STATUS_SENTENCES[400]}, status_code=400)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        # Starlette answers with this and raises the error again: the guard logs it.
        return HTMLResponse(error_page(), status_code=500)

    @app.get(STATIC_PATH + "/{name}", include_in_schema=False)
    def static_file(request: Request, name: str) -> Response:
        return assets.response(request, name)

    install_accounts(app, hub, secure_cookies=secure_cookies)
    app.include_router(overview_web.router())
    app.include_router(assign_web.router())
    app.include_router(audit_web.router())
    app.include_router(enrol_web.router())
    app.include_router(laptops_web.router())
    app.include_router(cases_web.router())
    app.include_router(conflicts_web.router())
    app.include_router(triage_web.router())
    app.include_router(partners_web.router())
    app.include_router(returns_web.router())
    app.include_router(billing_web.router())

    return ConsoleGuard(app, error_page)
