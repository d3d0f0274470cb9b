"""The referral forms as their own FastAPI app (``rjdesk-hub serve`` serves it on its own port,
8767 by default): the public form at ``/``, a partner's at ``/partner/<token>``, the privacy
notice at ``/privacy`` (docs/hub.md, "The referral forms").

No sign-in, no session, no cookie: each form carries a signed token (``protect``). A submission
is refused, storing nothing and showing what was typed again with the reason, when its body is
too large, the honeypot is filled, the token is missing, forged, spent or too old, it came too
fast, the address or everyone together sent too many, or a field fails its check (``fields``).
An accepted one is sealed under the hub's key in one transaction (``referrals.store.receive``)
and answered with its reference and nothing else.
"""

from __future__ import annotations

import secrets
import time
import urllib.parse
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse
from jinja2 import Environment
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response

from rjdesk_hub.console.ledger import scope_address
from rjdesk_hub.console.static import STATIC_PATH, Assets
from rjdesk_hub.console.templating import govuk_environment
from rjdesk_hub.forms import fields
from rjdesk_hub.forms.guard import FormsGuard
from rjdesk_hub.forms.protect import MAX_BODY_BYTES, MAX_FIELDS, FormTokens, Limits, RateLimit
from rjdesk_hub.forms.protect import TokenState as T
from rjdesk_hub.referrals import partners, store
from rjdesk_hub.service import Hub

DEFAULT_EXIT_URL = "https://www.bbc.co.uk/weather"
PRIVACY_FILE = "privacy-notice.html"  # in the hub's data folder: replaces the built-in notice
PUBLIC = "public"

_REFUSALS = {
    "trap": "This form could not be sent. Check your answers and send it again.",
    T.MISSING: "This page was not loaded from this site, or has changed. Check your answers "
    "and send it again.",
    T.EXPIRED: "This page was open for more than a day. Check your answers and send it again.",
    T.TOO_FAST: "The form was sent too quickly after the page opened. Check your answers and "
    "send it again.",
    T.SPENT: "This referral was sent already. To make another one, check your answers and send "
    "it again.",
    "rate": "Too many referrals have come from your connection or from everyone in the last few "
    "minutes. Wait 10 minutes and send it again, or phone us.",
}
_TOO_LARGE = "What you sent was too long. Go back, shorten what you typed and send it again."
_UNREADABLE = "What you sent could not be read. Go back, check what you typed and send it again."


class Refused(Exception):
    """A body the forms cannot read at all (so nothing typed can be shown again)."""

    def __init__(self, status: int, sentence: str) -> None:
        super().__init__(sentence)
        self.status = status
        self.sentence = sentence


def make_environment(hub: Hub, assets: Assets, exit_url: str) -> Environment:
    environment = govuk_environment("rjdesk_hub.forms")
    environment.globals.update(
        service_name=hub.name,
        static_url=assets.url,
        exit_url=exit_url,
        max=fields.MAX,
        who=fields.WHO,
        contact_how=fields.CONTACT_HOW,
        yes_no=fields.YES_NO,
        problems=fields.PROBLEMS,
    )
    return environment


def create_forms_app(
    hub: Hub,
    *,
    limits: Limits | None = None,
    exit_url: str = DEFAULT_EXIT_URL,
    token_clock: Any = time.time,
    rate_clock: Any = time.monotonic,
) -> FormsGuard:
    """The referral forms of ``hub``, in their guard. ``limits``: the abuse limits (the bench
    lifts the rate limits); ``exit_url``: where "Leave this site quickly" goes; the clocks are
    the tests' to move (the tokens' and the rate limits')."""
    limits = limits or Limits()
    assets = Assets("rjdesk_hub.console", "rjdesk_hub.forms")
    environment = make_environment(hub, assets, exit_url)
    tokens = FormTokens(hub.derived_key("referral form tokens"), limits, token_clock)
    rate = RateLimit(limits, rate_clock)
    app = FastAPI(title="referral forms", docs_url=None, redoc_url=None, openapi_url=None)

    def render(template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
        html = environment.get_template(template).render(**context)
        return HTMLResponse(html, status_code=status_code)

    def error_page() -> bytes:
        return environment.get_template("error.html").render().encode()

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return render("404.html", 404)
        return render("error.html", 400, sentence=_UNREADABLE)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        return render("error.html", 400, sentence=_UNREADABLE)

    @app.exception_handler(Refused)
    async def refused(request: Request, exc: Refused) -> Response:
        return render("error.html", exc.status, sentence=exc.sentence)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        return HTMLResponse(error_page(), status_code=500)

    @app.get(STATIC_PATH + "/{name}", include_in_schema=False)
    def static_file(request: Request, name: str) -> Response:
        return assets.response(request, name)

    # The blank public form is the same page for everyone but its token: rendered once (its
    # GOV.UK macros cost most of a submission's time), the token put in per request.
    marker = "rjdesk-form-token-" + secrets.token_hex(16)
    blank = environment.get_template("public.html").render(form_token=marker, values={}, errors={})

    @app.get("/")
    async def public_form() -> Response:
        return HTMLResponse(blank.replace(marker, tokens.issue(PUBLIC)))

    @app.post("/")
    async def public_send(request: Request) -> Response:
        posted = await read_form(request)
        form_token = posted.get("form_token", "")
        checked = fields.check_public(posted)
        refusal, form_token = guard_submission(request, posted, PUBLIC, form_token)
        if refusal or checked.errors:
            status = 429 if refusal == _REFUSALS["rate"] else 400
            context = {"values": checked.values, "errors": checked.errors, "refusal": refusal}
            return render("public.html", status, form_token=form_token, **context)
        doc = fields.kept(checked, fields.PUBLIC_FIELDS)
        reference = await run_in_threadpool(keep, doc, store.PUBLIC, None)
        tokens.spend(form_token)
        return render("done.html", reference=reference, partner=False)

    @app.get("/partner/{link}")
    async def partner_form(link: str) -> Response:
        found = await run_in_threadpool(partner_of, link)
        if found is None:
            return render("link_refused.html", 404)
        partner_id, organisation = found
        return render(
            "partner.html",
            form_token=tokens.issue(f"partner:{partner_id}"),
            organisation=organisation,
            values={},
            errors={},
            service_url=f"/partner/{link}",
        )

    @app.post("/partner/{link}")
    async def partner_send(request: Request, link: str) -> Response:
        found = await run_in_threadpool(partner_of, link)
        if found is None:
            return render("link_refused.html", 404)
        partner_id, organisation = found
        posted = await read_form(request)
        form_token = posted.get("form_token", "")
        checked = fields.check_partner(posted, today=hub.clock().date())
        refusal, form_token = guard_submission(request, posted, f"partner:{partner_id}", form_token)
        if refusal or checked.errors:
            status = 429 if refusal == _REFUSALS["rate"] else 400
            return render(
                "partner.html",
                status,
                form_token=form_token,
                organisation=organisation,
                values=checked.values,
                errors=checked.errors,
                refusal=refusal,
                service_url=f"/partner/{link}",
            )
        doc = {**fields.kept(checked, fields.PARTNER_FIELDS), "organisation": organisation}
        reference = await run_in_threadpool(keep, doc, store.PARTNER, partner_id)
        tokens.spend(form_token)
        return render("done.html", reference=reference, partner=True)

    @app.get("/privacy")
    def privacy() -> Response:
        path = Path(hub.data_dir) / PRIVACY_FILE
        # The hub's IT write this file in the hub's data folder (docs/hub.md): trusted HTML.
        text = path.read_text(encoding="utf-8") if path.is_file() else None
        notice = Markup(text) if text else None  # noqa: S704
        return render("privacy.html", notice=notice)

    def guard_submission(
        request: Request, posted: dict[str, str], form: str, form_token: str
    ) -> tuple[str, str]:
        """The sentence refusing this submission ("" if none) and the token to send back."""
        if posted.get("website"):
            return _REFUSALS["trap"], form_token
        state = tokens.check(form, form_token)
        if state in (T.MISSING, T.EXPIRED, T.SPENT):
            return _REFUSALS[state], tokens.issue(form)
        if state is T.TOO_FAST:
            return _REFUSALS[state], form_token
        address = scope_address(request.scope, hub.settings.trusted_proxy) or "unknown"
        if not rate.allow(address):
            return _REFUSALS["rate"], form_token
        return "", form_token

    def partner_of(link: str) -> tuple[str, str] | None:
        with hub.db.reader() as session:
            partner = partners.find(session, hub, link)
            return None if partner is None else (partner.id, partner.organisation)

    def keep(doc: dict[str, str], channel: str, partner_id: str | None) -> str:
        problem = doc.get("problem", "")
        with hub.db.transaction() as tx:
            received = store.receive(
                tx.session,
                store.sealer(hub),
                at=hub.clock(),
                channel=channel,
                fields=doc,
                problem=problem,
                partner_id=partner_id,
            )
        return received.reference

    return FormsGuard(app, error_page)


async def read_form(request: Request) -> dict[str, str]:
    """The posted form's fields (the last of each name), reading at most ``MAX_BODY_BYTES``."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise Refused(415, _UNREADABLE)
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise Refused(413, _TOO_LARGE)
    body = bytearray()
    async for chunk in request.stream():
        body.extend(chunk)
        if len(body) > MAX_BODY_BYTES:
            raise Refused(413, _TOO_LARGE)
    try:
        pairs = urllib.parse.parse_qsl(
            body.decode("utf-8"),
            keep_blank_values=True,
            strict_parsing=False,
            max_num_fields=MAX_FIELDS,
        )
    except (UnicodeDecodeError, ValueError):
        raise Refused(400, _UNREADABLE) from None
    return dict(pairs)
