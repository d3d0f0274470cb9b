"""The Billing page (``returns.billing``): ``/billing?period=2026-27Q3`` shows each referring
organisation's statement for a quarter (READ_RETURNS), and ``/billing/download/{csv|pdf}``
gives them as a file (recorded as BILLING_STATEMENT). Reading changes nothing, so the period is
chosen with a GET form."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from rjdesk_hub.console import ledger, returns, triage
from rjdesk_hub.console.accounts_web import actor_of, console_router, permission
from rjdesk_hub.console.permissions import Action
from rjdesk_hub.console.sessions import SessionView
from rjdesk_hub.console.templating import hub_of, page
from rjdesk_hub.returns import billing, billing_files, periods
from rjdesk_hub.returns.result import Period
from rjdesk_hub.service import Hub
from rjdesk_protocol.errors import UsageError

BILLING = "/billing"
Reads = Depends(permission(Action.READ_RETURNS))
FILES = {"csv": "text/csv; charset=utf-8", "pdf": "application/pdf"}


def _period(hub: Hub, asked: str) -> tuple[Period, str, str]:
    """The period asked for (the last full quarter when none is), its picker value, and the
    sentence of a period that could not be read."""
    if asked:
        try:
            return periods.parse_period(asked), asked, ""
        except UsageError:
            pass
    today = triage.london_day(hub.clock())
    last = periods.recent_quarters(today, 2)[1]
    problem = "Choose a quarter of the financial year" if asked else ""
    return last, periods.picker_value(last), problem


def _download(hub: Hub, period: Period, file_format: str, actor: ledger.Actor) -> bytes:
    made = billing.statements(hub, period)
    if file_format == "csv":
        data = billing_files.to_csv(made)
    else:
        data = billing_files.to_pdf(made, hub_name=hub.settings.name)
    with hub.db.transaction() as tx:
        ledger.record(
            tx.session, actor, ledger.Action.BILLING_STATEMENT, at=tx.now,
            detail={"period_start": period.start.isoformat(), "statements": len(made),
                    "format": file_format},
        )  # fmt: skip
    return data


def router() -> APIRouter:
    """The Billing page's routes (``web.create_console_app`` includes them)."""
    routes = console_router()

    @routes.get(BILLING)
    async def billing_page(request: Request, view: SessionView = Reads) -> Response:
        hub = hub_of(request)
        period, value, problem = _period(hub, request.query_params.get("period", "")[:40])
        refused = ""
        try:
            made = await run_in_threadpool(billing.statements, hub, period)
        except billing.BillingRulesRefused as wrong:
            made, refused = [], str(wrong)
        today = triage.london_day(hub.clock())
        return page(
            request, view, "returns/billing.html", status_code=400 if problem else 200,
            statements=made, period=period, value=value, problem=problem, refused=refused,
            quarters=returns.quarter_choices(today), money=billing.money,
            summary=billing_files.summary, day=periods.day_words,
        )  # fmt: skip

    @routes.get(BILLING + "/download/{file_format}")
    async def download(request: Request, file_format: str, view: SessionView = Reads) -> Response:
        hub = hub_of(request)
        if file_format not in FILES:
            return page(request, view, "404.html", status_code=404)
        period, value, problem = _period(hub, request.query_params.get("period", "")[:40])
        if problem:
            return page(request, view, "404.html", status_code=404)
        actor = actor_of(request, view)
        try:
            data = await run_in_threadpool(_download, hub, period, file_format, actor)
        except billing.BillingRulesRefused:
            return page(request, view, "404.html", status_code=404)
        return Response(
            data,
            media_type=FILES[file_format],
            headers={
                "Content-Disposition": f'attachment; filename="billing-{value}.{file_format}"',
                "Cache-Control": "no-store",
            },
        )

    return routes
