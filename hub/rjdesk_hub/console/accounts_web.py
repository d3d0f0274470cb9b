"""Signing in to the console, and what every console route uses to know who is asking.

They are routes of the console's own app (``web.create_console_app``, on the console's own port,
at its root): ``/sign-in`` (name and password), ``/sign-in/code`` (TOTP or recovery code),
``/sign-in/set-up`` (a first sign-in: own password, authenticator confirmed). ``GET /session``
says how long is left without restarting the idle clock (for the idle warning, ``static/
idle.mjs``); ``POST /session/stay`` restarts it; ``POST /sign-out`` ends it.

For the other console routes:

- ``Depends(signed_in)`` gives the ``SessionView`` of a signed-in person (else a redirect to the
  sign-in page), and restarts their idle clock;
- ``Depends(permission(Action.X))`` does the same and refuses (403, one sentence) a role the
  matrix (``console.permissions``) does not allow X;
- ``Depends(posted_form)`` gives a POST's fields once its CSRF token is checked; routers made by
  ``console_router()`` check every POST so, whether the route asks for the form or not;
- templates write ``{{ csrf_field() }}`` in each form, and a signed-in page passes
  ``page_context(view)`` (``person`` and ``csrf_token``: the layout's name and Sign out form).

Cookies: ``rjdesk_console`` holds only the session's random token; it and the sign-in form's
``rjdesk_console_signin`` are HttpOnly, SameSite=Strict and Secure, for the console's origin
(path ``/``: the console has its own port, so no other app shares its cookies).
``RJDESK_HUB_CONSOLE_INSECURE_COOKIES=1`` drops Secure, for tests and browser
harnesses on plain http://127.0.0.1 only (the console is served behind TLS: docs/hub.md).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Awaitable, Callable
from typing import Any
from urllib.parse import parse_qsl

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import JSONResponse, Response
from jinja2 import Environment, pass_context
from jinja2.runtime import Context
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool

from rjdesk_hub.console import credentials as cred
from rjdesk_hub.console import ledger, ledger_wire, sessions, templating
from rjdesk_hub.console.accounts import LOCKED, SESSION_ENDED, Accounts, SignInRefused
from rjdesk_hub.console.permissions import Action, Forbidden, allows, require
from rjdesk_hub.errors import HubError
from rjdesk_hub.service import Hub

COOKIE_PATH = "/"
SESSION_COOKIE = "rjdesk_console"
SIGN_IN_COOKIE = "rjdesk_console_signin"
INSECURE_COOKIES_ENV = "RJDESK_HUB_CONSOLE_INSECURE_COOKIES"
CSRF_FIELD = "csrf_token"
MAX_FORM_BYTES = 16 * 1024
# Seconds before an idle timeout at which the shell warns (WCAG 2.2.1).
WARN_BEFORE_SECONDS = 120


class Paths:
    home = "/"
    sign_in = "/sign-in"
    code = "/sign-in/code"
    set_up = "/sign-in/set-up"
    session = "/session"
    stay = "/session/stay"
    sign_out = "/sign-out"


ENDED = {
    "idle": "You were signed out after 15 minutes without activity: sign in again.",
    "out": "You have signed out.",
    "ended": SESSION_ENDED,
}


class CsrfRefused(HubError):
    """A console POST without its form's CSRF token, or with another one (HTTP 403)."""


class NotSignedIn(HubError):
    """No live signed-in session: the person is sent to the sign-in page (``reason`` says why)."""

    def __init__(self, reason: str = "ended") -> None:
        super().__init__(ENDED.get(reason, "Sign in to use the console."))
        self.reason = reason


CSRF_REFUSED = (
    "This form was not sent from this console page, or the page is too old: go back, reload "
    "the page and send the form again."
)


@pass_context
def csrf_field(context: Context) -> Markup:
    """The hidden field every console form carries (the page's ``csrf_token``)."""
    token = context.get(CSRF_FIELD, "")
    return Markup('<input type="hidden" name="{}" value="{}">').format(CSRF_FIELD, token)


def accounts_of(request: Request) -> Accounts:
    accounts: Accounts = request.app.state.console_accounts
    return accounts


def address_of(request: Request) -> str:
    """The address the audit log records for ``request`` (``X-Forwarded-For`` believed only
    from hub.json's ``trusted_proxy``: ``ledger.client_address``)."""
    return ledger.scope_address(request.scope, request.app.state.console_trusted_proxy)


def actor_of(request: Request, view: sessions.SessionView) -> ledger.Actor:
    """The signed-in person of ``request`` as the audit log records them (with their address)."""
    return ledger_wire.person(view.user_id, view.name, address_of(request))


def _session(request: Request, *, touch: bool) -> Awaitable[sessions.SessionView | None]:
    token = request.cookies.get(SESSION_COOKIE)
    accounts, address = accounts_of(request), address_of(request)
    return run_in_threadpool(lambda: accounts.session(token, touch=touch, address=address))


def render(request: Request, template: str, status: int = 200, **context: Any) -> Response:
    """A sign-in page (``templating.render``)."""
    return templating.render(request, template, context, status_code=status)


redirect = templating.redirect
page_context = templating.page_context


def _secure(request: Request) -> bool:
    return bool(request.app.state.console_secure_cookies)


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    response.set_cookie(
        SESSION_COOKIE,
        token,
        path=COOKIE_PATH,
        secure=_secure(request),
        httponly=True,
        samesite="strict",
    )


def clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(
        SESSION_COOKIE, path=COOKIE_PATH, secure=_secure(request), httponly=True, samesite="strict"
    )


# -- the sign-in form's CSRF token (before any session: a signed double-submit cookie) ---------


def _sign_in_token(request: Request, nonce: str) -> str:
    key: bytes = request.app.state.console_csrf_key
    return hmac.new(key, nonce.encode("ascii", "replace"), hashlib.sha256).hexdigest()


# -- dependencies --------------------------------------------------------------------------------


async def read_form(request: Request) -> dict[str, str]:
    """A POST's url-encoded fields (read once; at most ``MAX_FORM_BYTES``)."""
    cached: dict[str, str] | None = getattr(request.state, "console_form", None)
    if cached is not None:
        return cached
    body = b""
    async for piece in request.stream():
        body += piece
        if len(body) > MAX_FORM_BYTES:
            raise CsrfRefused("This form is larger than the console accepts: send less.")
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=100)
    except (UnicodeDecodeError, ValueError):
        pairs = []
    form = dict(pairs)
    request.state.console_form = form
    request.state.console_form_pairs = pairs
    return form


async def posted_values(request: Request, name: str) -> list[str]:
    """Every value of a field a POST repeats (the register's ticked ``case`` boxes), once its
    CSRF token is checked; ``posted_form`` keeps only the last."""
    await check_csrf(request)
    await read_form(request)
    pairs: list[tuple[str, str]] = getattr(request.state, "console_form_pairs", [])
    return [value for key, value in pairs if key == name]


async def check_csrf(request: Request) -> None:
    """Refuse a POST whose CSRF token is missing or not this session's (the sign-in form's own
    before there is a session); compared in constant time."""
    if request.method != "POST" or getattr(request.state, "console_csrf_checked", False):
        return
    form = await read_form(request)
    sent = form.get(CSRF_FIELD, "")
    if request.url.path == Paths.sign_in:
        nonce = request.cookies.get(SIGN_IN_COOKIE, "")
        expected = _sign_in_token(request, nonce) if nonce else ""
    else:
        token = request.cookies.get(SESSION_COOKIE)
        view = await _session(request, touch=False)
        if view is None:
            raise NotSignedIn(_why_not(token, None))
        expected = view.csrf_token
    if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise CsrfRefused(CSRF_REFUSED)
    request.state.console_csrf_checked = True


def _why_not(token: str | None, view: sessions.SessionView | None) -> str:
    """Why there is no signed-in session: none was ever shown (``none``: no notice), one ended
    while idle, or one half-way through signing in."""
    if not token:
        return "none"
    return "idle" if view is None else "ended"


async def posted_form(request: Request) -> dict[str, str]:
    """The fields of a POST whose CSRF token was checked."""
    await check_csrf(request)
    return await read_form(request)


async def signed_in(request: Request) -> sessions.SessionView:
    """The signed-in person's session (its idle clock restarted), else ``NotSignedIn``."""
    token = request.cookies.get(SESSION_COOKIE)
    view = await _session(request, touch=True)
    if view is None or not view.signed_in:
        raise NotSignedIn(_why_not(token, view))
    return view


def permission(
    action: Action, *, records: ledger.Action | None = None
) -> Callable[..., Awaitable[sessions.SessionView]]:
    """A dependency: the signed-in person, refused (``Forbidden``) unless their role may do
    ``action``. A refused POST is recorded in the audit log as ``records`` refused (by default
    the nearest action, ``ledger_wire.REFUSED_AS``; an action with none must name one)."""
    refused_as = ledger_wire.refused_as(action, records)

    async def allowed(
        request: Request,
        view: sessions.SessionView = Depends(signed_in),  # noqa: B008
    ) -> sessions.SessionView:
        if request.method == "POST" and not allows(view.role, action):
            actor = actor_of(request, view)
            db = accounts_of(request).db

            def note() -> None:
                with db.transaction() as tx:
                    ledger_wire.record_refused(tx.session, actor, action, refused_as, tx.now)

            await run_in_threadpool(note)
        require(view.role, action)
        return view

    return allowed


def console_router() -> APIRouter:
    """A router for console pages: every POST on it has its CSRF token checked."""
    return APIRouter(dependencies=[Depends(check_csrf)])


# -- pages ---------------------------------------------------------------------------------------


def _sign_in_page(
    request: Request, *, error: str = "", notice: str = "", name: str = "", status: int = 200
) -> Response:
    nonce = request.cookies.get(SIGN_IN_COOKIE) or secrets.token_urlsafe(32)
    response = render(
        request,
        "signin/password.html",
        status,
        csrf_token=_sign_in_token(request, nonce),
        error=error,
        error_field="name" if error else "",
        notice=notice,
        name=name,
    )
    response.set_cookie(
        SIGN_IN_COOKIE,
        nonce,
        path=COOKIE_PATH,
        secure=_secure(request),
        httponly=True,
        samesite="strict",
    )
    return response


def _build_router() -> APIRouter:
    router = console_router()

    @router.get(Paths.sign_in)
    async def sign_in_page(request: Request) -> Response:
        ended = request.query_params.get("ended", "")
        return _sign_in_page(request, notice=ENDED.get(ended, ""))

    @router.post(Paths.sign_in)
    async def sign_in(request: Request, form: dict[str, str] = Depends(posted_form)) -> Response:  # noqa: B008
        name = form.get("name", "")[: cred.PASSWORD_MAX]
        old = request.cookies.get(SESSION_COOKIE)
        accounts = accounts_of(request)
        address = address_of(request)
        try:
            step = await run_in_threadpool(
                lambda: accounts.sign_in(
                    name, form.get("password", ""), old_token=old, address=address
                )
            )
        except SignInRefused as refused:
            status = 429 if str(refused) == LOCKED else 400
            return _sign_in_page(request, error=str(refused), name=name, status=status)
        to = Paths.code if step.stage == sessions.AWAITING_CODE else Paths.set_up
        response = redirect(to)
        set_session_cookie(request, response, step.token)
        return response

    async def half_way(request: Request, stage: str) -> sessions.SessionView | None:
        view = await _session(request, touch=False)
        return view if view is not None and view.stage == stage else None

    @router.get(Paths.code)
    async def code_page(request: Request) -> Response:
        view = await half_way(request, sessions.AWAITING_CODE)
        if view is None:
            return redirect(f"{Paths.sign_in}?ended=ended")
        return render(request, "signin/code.html", csrf_token=view.csrf_token, error="", notice="")

    @router.post(Paths.code)
    async def code(request: Request, form: dict[str, str] = Depends(posted_form)) -> Response:  # noqa: B008
        token = request.cookies.get(SESSION_COOKIE, "")
        accounts = accounts_of(request)
        try:
            step = await run_in_threadpool(
                lambda: accounts.second_factor(
                    token, form.get("code", ""), address=address_of(request)
                )
            )
        except SignInRefused as refused:
            return await _refused_step(request, refused, "signin/code.html", sessions.AWAITING_CODE)
        response = redirect(Paths.home)
        set_session_cookie(request, response, step.token)
        return response

    @router.get(Paths.set_up)
    async def set_up_page(request: Request) -> Response:
        view = await half_way(request, sessions.AWAITING_SETUP)
        if view is None:
            return redirect(f"{Paths.sign_in}?ended=ended")
        return render(
            request,
            "signin/set_up.html",
            csrf_token=view.csrf_token,
            error="",
            notice="",
            password_min=cred.PASSWORD_MIN,
        )

    @router.post(Paths.set_up)
    async def set_up(request: Request, form: dict[str, str] = Depends(posted_form)) -> Response:  # noqa: B008
        token = request.cookies.get(SESSION_COOKIE, "")
        accounts = accounts_of(request)
        try:
            step, codes = await run_in_threadpool(
                lambda: accounts.set_up(
                    token,
                    form.get("password", ""),
                    form.get("confirm", ""),
                    form.get("code", ""),
                    address=address_of(request),
                )
            )
        except SignInRefused as refused:
            return await _refused_step(
                request, refused, "signin/set_up.html", sessions.AWAITING_SETUP
            )
        response = render(request, "signin/recovery_codes.html", codes=codes)
        set_session_cookie(request, response, step.token)
        return response

    async def _refused_step(
        request: Request, refused: SignInRefused, template: str, stage: str
    ) -> Response:
        view = await half_way(request, stage)
        if view is None:  # locked, or the half-way session ended: start again
            response = _sign_in_page(request, error=str(refused), status=400)
            clear_session_cookie(request, response)
            return response
        return render(
            request,
            template,
            400,
            csrf_token=view.csrf_token,
            error=str(refused),
            error_field="code",
            notice="",
            password_min=cred.PASSWORD_MIN,
        )

    @router.get(Paths.session)
    async def time_left(request: Request) -> Response:
        """How long the session has left, without restarting its idle clock."""
        view = await _session(request, touch=False)
        if view is None or not view.signed_in:
            body: dict[str, Any] = {"signed_in": False, "seconds_left": 0}
            return JSONResponse(body, status_code=401)
        return JSONResponse(_time_left(view))

    @router.post(Paths.stay)
    async def stay(
        request: Request,
        view: sessions.SessionView = Depends(signed_in),  # noqa: B008
        form: dict[str, str] = Depends(posted_form),  # noqa: B008
    ) -> Response:
        """Stay signed in: the ``signed_in`` dependency has restarted the idle clock."""
        if "application/json" in request.headers.get("accept", ""):
            return JSONResponse(_time_left(view))
        return redirect(_safe_next(form.get("next", "")))

    @router.post(Paths.sign_out)
    async def sign_out(request: Request, _form: dict[str, str] = Depends(posted_form)) -> Response:  # noqa: B008
        token, address = request.cookies.get(SESSION_COOKIE), address_of(request)
        accounts = accounts_of(request)
        await run_in_threadpool(lambda: accounts.sign_out(token, address=address))
        response = redirect(f"{Paths.sign_in}?ended=out")
        clear_session_cookie(request, response)
        return response

    return router


def _time_left(view: sessions.SessionView) -> dict[str, Any]:
    return {
        "signed_in": True,
        "seconds_left": view.seconds_left,
        "idle_seconds_left": max(0, int(view.idle_left.total_seconds())),
        "absolute_seconds_left": max(0, int(view.absolute_left.total_seconds())),
        "warn_before_seconds": WARN_BEFORE_SECONDS,
    }


def _safe_next(target: str) -> str:
    """Only a path inside the console: never another site (no open redirect)."""
    if target.startswith("/") and "//" not in target and "\\" not in target:
        return target
    return Paths.home


def install_accounts(
    app: FastAPI, hub: Hub, *, secure_cookies: bool | None = None, accounts: Accounts | None = None
) -> Accounts:
    """Add signing in to the console's ``app`` (``web.create_console_app``, whose Jinja
    environment is ``app.state.templates``): its pages, its refusals as pages, ``csrf_field()``
    and ``paths`` for every template, and what the console's other routes depend on
    (``app.state``)."""
    if secure_cookies is None:
        secure_cookies = os.environ.get(INSECURE_COOKIES_ENV) != "1"
    accounts = accounts or Accounts(hub)
    environment: Environment = app.state.templates
    environment.globals.update(csrf_field=csrf_field, paths=Paths)
    app.state.console_accounts = accounts
    app.state.console_secure_cookies = secure_cookies
    app.state.console_trusted_proxy = hub.settings.trusted_proxy
    app.state.console_csrf_key = hub.derived_key("console sign-in form")

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, exc: Forbidden) -> Response:
        return render(
            request, "signin/refused.html", 403, heading="You cannot do this", sentence=str(exc)
        )

    @app.exception_handler(CsrfRefused)
    async def _csrf(request: Request, exc: CsrfRefused) -> Response:
        return render(
            request, "signin/refused.html", 403, heading="This form was refused", sentence=str(exc)
        )

    @app.exception_handler(NotSignedIn)
    async def _not_signed_in(request: Request, exc: NotSignedIn) -> Response:
        ended = "" if exc.reason == "none" else f"?ended={exc.reason}"
        response = redirect(f"{Paths.sign_in}{ended}")
        clear_session_cookie(request, response)
        return response

    app.include_router(_build_router())
    return accounts
