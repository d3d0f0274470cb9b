"""The Returns pages (``returns``): the funders' figures.

- ``/returns``: choose a definition and a period (a financial-year quarter, or two days) and
  produce it (PRODUCE_RETURNS: POST, CSRF, recorded as RETURN_PRODUCED); the kept returns,
  newest first (READ_RETURNS);
- ``/returns/{id}``: a kept return, each figure as a bar chart with its table, note and the
  suppression rule in words, what changed since the one kept before it, and its downloads;
- ``/returns/{id}/download/{csv|xlsx|pdf}``: the file (recorded as RETURN_DOWNLOADED).

An auditor reads and downloads; only a coordinator or a supervisor produces.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from rjdesk_hub.console import ledger, notices, returns, triage
from rjdesk_hub.console.accounts_web import actor_of, console_router, permission, posted_form
from rjdesk_hub.console.permissions import Action
from rjdesk_hub.console.sessions import SessionView
from rjdesk_hub.console.templating import hub_of, page, redirect
from rjdesk_hub.returns import kept
from rjdesk_hub.returns.outputs import common
from rjdesk_protocol.errors import NotFound

RETURNS = "/returns"
Reads = Depends(permission(Action.READ_RETURNS))
Produces = Depends(permission(Action.PRODUCE_RETURNS, records=ledger.Action.RETURN_PRODUCED))
Form = Depends(posted_form)


def source_of(request: Request) -> returns.ReturnsSource:
    """The console's returns source (``app.state.returns_source``, else the engine's)."""
    found: returns.ReturnsSource | None = getattr(request.app.state, "returns_source", None)
    return found or returns.EngineSource(hub_of(request))


def router() -> APIRouter:
    """The Returns pages' routes (``web.create_console_app`` includes them)."""
    routes = console_router()

    async def index(
        request: Request, view: SessionView, choice: returns.Choice | None = None
    ) -> Response:
        hub, source = hub_of(request), source_of(request)
        offered = await run_in_threadpool(source.definitions)
        listed = await run_in_threadpool(kept.kept_returns, hub)
        titles = {d.id: d.title for d in offered}
        today = triage.london_day(hub.clock())
        offered_quarters = returns.quarter_choices(today)
        # By default the last full quarter: the one a funder asks about.
        chosen = choice or returns.Choice({"how": "quarter", "quarter": offered_quarters[1][0]})
        context: dict[str, Any] = {
            "definitions": offered,
            "quarters": offered_quarters,
            "choice": chosen,
            "kept": [
                {
                    "info": info,
                    "title": titles.get(info.definition_id, info.definition_id),
                    "produced": common.computed_text(info.produced_at),
                    "by": "the command line"
                    if info.produced_by == kept.BY_COMMAND_LINE
                    else "the console",
                }
                for info in listed
            ],
            "notice": notices.notice(request, view),
        }
        status = 400 if chosen.problems else 200
        return notices.shown(
            request, page(request, view, "returns/index.html", status_code=status, **context)
        )

    @routes.get(RETURNS)
    async def index_page(request: Request, view: SessionView = Reads) -> Response:
        return await index(request, view)

    @routes.post(RETURNS)
    async def produce(
        request: Request, view: SessionView = Produces, form: dict[str, str] = Form
    ) -> Response:
        hub, source = hub_of(request), source_of(request)
        offered = await run_in_threadpool(source.definitions)
        choice = returns.read_choice(form, offered)
        if choice.problems:
            return await index(request, view, choice)
        actor = actor_of(request, view)
        try:
            made = await run_in_threadpool(returns.produce, hub, source, choice, actor)
        except returns.ReturnsUnavailable as unavailable:
            choice.problems["definition"] = str(unavailable)
            return await index(request, view, choice)
        return redirect(f"{RETURNS}/{made.id}")

    @routes.get(RETURNS + "/{kept_id}")
    async def kept_page(request: Request, kept_id: str, view: SessionView = Reads) -> Response:
        try:
            shown = await run_in_threadpool(returns.shown, hub_of(request), kept_id)
        except NotFound:
            return page(request, view, "404.html", status_code=404)
        return page(
            request, view, "returns/kept.html", shown=shown, result=shown.result,
            period=common.period_text(shown.result.period),
            computed=common.computed_text(shown.result.computed_at),
            produced=common.computed_text(shown.info.produced_at),
            previous=common.computed_text(shown.previous.produced_at) if shown.previous else "",
            measure_label=common.measure_label, printed=common.shown,
            rule=returns.SUPPRESSION_RULE,
            downloads=returns.DOWNLOADS,
        )  # fmt: skip

    @routes.get(RETURNS + "/{kept_id}/download/{file_format}")
    async def download(
        request: Request, kept_id: str, file_format: str, view: SessionView = Reads
    ) -> Response:
        if file_format not in returns.DOWNLOADS:
            return page(request, view, "404.html", status_code=404)
        hub, actor = hub_of(request), actor_of(request, view)
        try:
            data, name = await run_in_threadpool(returns.download, hub, kept_id, file_format, actor)
        except NotFound:
            return page(request, view, "404.html", status_code=404)
        return Response(
            data,
            media_type=returns.MEDIA_TYPES[file_format],
            headers={
                "Content-Disposition": f'attachment; filename="{name}"',
                "Cache-Control": "no-store",
            },
        )

    return routes
