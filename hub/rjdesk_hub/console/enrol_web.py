"""The console's page for enrolling a laptop with a one-time code (``/laptops/enrol``).

A coordinator (ENROL_LAPTOPS) chooses the facilitator the laptop is for, or types a new one's
name, and is shown the code once, with the hub's address the facilitator types and when the code
expires (``enrol_codes``). The code is the answer to the POST itself, not a redirect: it is
kept nowhere it could be shown from again, and never goes into an address.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from rjdesk_hub.console import enrol_codes, sessions
from rjdesk_hub.console.accounts_web import actor_of, console_router, permission, posted_form
from rjdesk_hub.console.permissions import Action
from rjdesk_hub.console.templating import hub_of, page
from rjdesk_protocol.calendar import LONDON

PATH = "/laptops/enrol"
NEW = "new"


def _form(
    request: Request,
    view: sessions.SessionView,
    *,
    chosen: str = "",
    new_name: str = "",
    error: str = "",
    error_field: str = "",
) -> HTMLResponse:
    hub = hub_of(request)
    people = enrol_codes.facilitators(hub)
    return page(
        request,
        view,
        "enrol/form.html",
        status_code=400 if error else 200,
        action=PATH,
        facilitators=people,
        chosen=chosen,
        new_name=new_name,
        error=error,
        error_field=error_field,
    )


def _when(at: datetime) -> str:
    """A moment as a coordinator in England reads it: "13 January 2027 at 09:00 (UK time)"."""
    local = at.astimezone(LONDON)
    return f"{local.day} {local:%B %Y at %H:%M} (UK time)"


def router() -> APIRouter:
    routes = console_router()
    allowed = permission(Action.ENROL_LAPTOPS)

    @routes.get(PATH, response_class=HTMLResponse)
    async def enrol_form(
        request: Request,
        view: sessions.SessionView = Depends(allowed),  # noqa: B008
    ) -> HTMLResponse:
        return await run_in_threadpool(_form, request, view)

    @routes.post(PATH, response_class=HTMLResponse)
    async def make_code(
        request: Request,
        view: sessions.SessionView = Depends(allowed),  # noqa: B008
        form: dict[str, str] = Depends(posted_form),  # noqa: B008
    ) -> HTMLResponse:
        chosen = form.get("facilitator", "").strip()
        new_name = form.get("new_name", "")
        hub = hub_of(request)
        actor = actor_of(request, view)

        def make() -> Any:
            if chosen == NEW or (not chosen and new_name.strip()):
                return enrol_codes.create(hub, actor, new_name=new_name)
            if not chosen:
                return enrol_codes.create(hub, actor)  # refused: nobody chosen
            return enrol_codes.create(hub, actor, facilitator_id=chosen)

        try:
            made = await run_in_threadpool(make)
        except enrol_codes.EnrolCodeProblem as exc:
            field = "new_name" if exc.field == "new_name" else "facilitator"
            sentence = str(exc)
            return await run_in_threadpool(
                lambda: _form(
                    request,
                    view,
                    chosen=chosen,
                    new_name=new_name[:200],
                    error=sentence,
                    error_field=field,
                )
            )
        return page(
            request,
            view,
            "enrol/code.html",
            code=made,
            hub_url=hub.settings.url,
            hub_name=hub.name,
            expires=_when(made.expires_at),
            valid_hours=int(enrol_codes.VALID_FOR.total_seconds() // 3600),
            tries=enrol_codes.MAX_WRONG_TRIES,
        )

    return routes
