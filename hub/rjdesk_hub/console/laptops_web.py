"""The console's "Facilitators and laptops" pages and the breach log (``console.laptops``).

- ``GET /laptops``: each facilitator with their laptops (read: READ_CASES);
- ``GET /laptops/{device_id}``: one laptop in full, with Retire and Report lost for roles that
  may revoke laptops, each behind a confirmation page (``.../retire``, ``.../report-lost``);
- ``GET /breaches``, ``GET /breaches/{id}``: the breach log (READ_CASES; opening an entry, which
  shows people's names, is recorded), and ``POST /breaches/{id}/decision``: the data protection
  officer's decision, recorded by a supervisor (DECIDE_BREACHES).

Every change answers with a redirect to a page whose notification banner says what happened
(``?done=``: a fixed word, never data).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from starlette.responses import Response

from rjdesk_hub.console import breaches, laptops, ledger, sessions
from rjdesk_hub.console.accounts_web import actor_of, console_router, permission, posted_form
from rjdesk_hub.console.permissions import Action
from rjdesk_hub.console.templating import hub_of, page, redirect
from rjdesk_hub.service import Hub
from rjdesk_protocol.calendar import LONDON

ENROL_PATH = "/laptops/enrol"

_READ = Depends(permission(Action.READ_CASES))
_RETIRE = Depends(permission(Action.REVOKE_LAPTOPS, records=ledger.Action.LAPTOP_RETIRED))
_LOSE = Depends(permission(Action.REVOKE_LAPTOPS, records=ledger.Action.LAPTOP_LOST))
_DECIDE = Depends(permission(Action.DECIDE_BREACHES))
_FORM = Depends(posted_form)


def when(moment: datetime | None) -> str:
    """A time as a coordinator reads it, in London: "12 January 2027 at 09:05"."""
    if moment is None:
        return "Never"
    local = moment.astimezone(LONDON)
    return f"{local.day} {local:%B %Y} at {local:%H:%M}"


def ago(moment: datetime | None, now: datetime) -> str:
    """How long ago, roughly: "3 days ago", "2 hours ago", "just now"."""
    if moment is None:
        return "never"
    return _span(now - moment) + " ago" if now - moment >= timedelta(minutes=1) else "just now"


def left(deadline: datetime, now: datetime) -> str:
    """Time to a deadline: "41 hours left", or "overdue by 3 hours"."""
    remaining = deadline - now
    if remaining >= timedelta(0):
        return f"{_span(remaining)} left"
    return f"overdue by {_span(-remaining)}"


def _span(span: timedelta) -> str:
    hours = int(span.total_seconds() // 3600)
    if hours >= 96:  # a deadline of 72 hours reads in hours to the end
        days = hours // 24
        return f"{days} days"
    if hours >= 1:
        return f"{hours} hour" + ("s" if hours != 1 else "")
    minutes = max(1, int(span.total_seconds() // 60))
    return f"{minutes} minute" + ("s" if minutes != 1 else "")


def _helpers(hub: Hub) -> dict[str, Any]:
    now = hub.clock()
    return {
        "now": now,
        "when": when,
        "ago": lambda moment: ago(moment, now),
        "left": lambda deadline: left(deadline, now),
        "enrol_path": ENROL_PATH,
    }


def router() -> APIRouter:
    routes = console_router()

    @routes.get("/laptops")
    def list_laptops(request: Request, view: sessions.SessionView = _READ) -> Response:
        hub = hub_of(request)
        people = laptops.facilitators(hub)
        return page(request, view, "laptops/list.html", people=people, **_helpers(hub))

    def detail_page(
        request: Request,
        view: sessions.SessionView,
        device_id: str,
        *,
        template: str = "laptops/laptop.html",
        error: str = "",
        status_code: int = 200,
    ) -> Response:
        hub = hub_of(request)
        found = laptops.laptop(hub, device_id)
        if found is None:
            raise HTTPException(404)
        return page(
            request,
            view,
            template,
            status_code=status_code,
            detail=found,
            item=found.laptop,
            error=error,
            done=request.query_params.get("done", ""),
            **_helpers(hub),
        )

    def refused_page(
        request: Request,
        view: sessions.SessionView,
        device_id: str,
        refused: laptops.LaptopRefused,
    ) -> Response:
        """A retirement or report refused: the laptop's page saying why (404 if no laptop)."""
        if laptops.laptop(hub_of(request), device_id) is None:
            raise HTTPException(404) from None
        return detail_page(request, view, device_id, error=str(refused), status_code=409)

    @routes.get("/laptops/{device_id}")
    def one_laptop(
        request: Request, device_id: str, view: sessions.SessionView = _READ
    ) -> Response:
        return detail_page(request, view, device_id)

    @routes.get("/laptops/{device_id}/retire")
    def confirm_retire(
        request: Request, device_id: str, view: sessions.SessionView = _RETIRE
    ) -> Response:
        return detail_page(request, view, device_id, template="laptops/retire.html")

    @routes.post("/laptops/{device_id}/retire")
    def retire(
        request: Request,
        device_id: str,
        view: sessions.SessionView = _RETIRE,
        _form: dict[str, str] = _FORM,
    ) -> Response:
        try:
            done = laptops.retire(hub_of(request), device_id, actor_of(request, view))
        except laptops.LaptopRefused as refused:
            return refused_page(request, view, device_id, refused)
        return redirect(f"/laptops/{done.device_id}?done=retired")

    @routes.get("/laptops/{device_id}/report-lost")
    def confirm_lost(
        request: Request, device_id: str, view: sessions.SessionView = _LOSE
    ) -> Response:
        return detail_page(request, view, device_id, template="laptops/report_lost.html")

    @routes.post("/laptops/{device_id}/report-lost")
    def report_lost(
        request: Request,
        device_id: str,
        view: sessions.SessionView = _LOSE,
        _form: dict[str, str] = _FORM,
    ) -> Response:
        try:
            breach_id = breaches.report_lost(hub_of(request), device_id, actor_of(request, view))
        except laptops.LaptopRefused as refused:
            return refused_page(request, view, device_id, refused)
        return redirect(f"/breaches/{breach_id}?done=reported")

    @routes.get("/breaches")
    def breach_log(request: Request, view: sessions.SessionView = _READ) -> Response:
        hub = hub_of(request)
        entries = breaches.breaches(hub)
        return page(request, view, "laptops/breaches.html", entries=entries, **_helpers(hub))

    def breach_page(
        request: Request,
        view: sessions.SessionView,
        breach_id: str,
        *,
        errors: dict[str, str] | None = None,
        form: dict[str, str] | None = None,
    ) -> Response:
        hub = hub_of(request)
        entry = breaches.breach(hub, breach_id, actor_of(request, view))
        if entry is None:
            raise HTTPException(404)
        return page(
            request,
            view,
            "laptops/breach.html",
            status_code=400 if errors else 200,
            entry=entry,
            errors=errors or {},
            form=form or {},
            done=request.query_params.get("done", ""),
            max_reason=breaches.MAX_REASON,
            **_helpers(hub),
        )

    @routes.get("/breaches/{breach_id}")
    def one_breach(
        request: Request, breach_id: str, view: sessions.SessionView = _READ
    ) -> Response:
        return breach_page(request, view, breach_id)

    @routes.post("/breaches/{breach_id}/decision")
    def decide(
        request: Request,
        breach_id: str,
        view: sessions.SessionView = _DECIDE,
        form: dict[str, str] = _FORM,
    ) -> Response:
        decision, errors = breaches.check_decision(form)
        if decision is None:
            return breach_page(request, view, breach_id, errors=errors, form=form)
        try:
            breaches.decide(hub_of(request), breach_id, actor_of(request, view), decision)
        except laptops.LaptopRefused as refused:
            if not any(e.id == breach_id for e in breaches.breaches(hub_of(request))):
                raise HTTPException(404) from None
            return breach_page(request, view, breach_id, errors={"decision": str(refused)})
        return redirect(f"/breaches/{breach_id}?done=decided")

    return routes
