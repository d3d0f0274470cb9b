"""The console's start page, ``/``: the overview's figures for people who read cases, and for
an administrator (who reads no case) what their account is for (``overview`` counts them)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from rjdesk_hub.console import ledger, overview
from rjdesk_hub.console.accounts_web import actor_of, console_router, signed_in
from rjdesk_hub.console.permissions import Action, allows
from rjdesk_hub.console.sessions import SessionView
from rjdesk_hub.console.templating import page
from rjdesk_hub.service import Hub
from rjdesk_protocol.calendar import LONDON


@dataclass(frozen=True)
class FigureText:
    """How the page names a figure, and what its link says."""

    key: str
    heading: str
    link: str


# In the order a coordinator works through them.
FIGURES = (
    FigureText("referrals_new", "New referrals to triage", "The triage queue"),
    FigureText("unassigned", "Unassigned referrals", "Unassigned cases in the register"),
    FigureText(
        "victims_code_missed",
        "Victims' Code: information not given in time",
        "Open cases in the register",
    ),
    FigureText(
        "victims_code_due",
        "Victims' Code: information due in the next 2 working days",
        "Open cases in the register",
    ),
    FigureText("actions_overdue", "Agreed actions overdue", "Open cases in the register"),
    FigureText("reviews_overdue", "Agreement reviews overdue", "Open cases in the register"),
    FigureText("conflicts", "Open conflicts", "Conflicts to settle"),
    FigureText("set_aside", "Records set aside", "Conflicts and set-aside records"),
    FigureText("laptops_unseen", "Laptops not seen for a week", "Facilitators and laptops"),
)


def long_day(day: date) -> str:
    """``12 January 2027``."""
    return f"{day.day} {day:%B %Y}"


def uk_time(at: datetime) -> str:
    """A time as people at the service read it: ``12 January 2027, 09:00`` (UK time)."""
    local = at.astimezone(LONDON)
    return f"{long_day(local.date())}, {local:%H:%M}"


def router() -> APIRouter:
    """``GET /``: the overview."""
    routes = console_router()

    @routes.get("/", response_class=HTMLResponse)
    async def start(
        request: Request,
        view: SessionView = Depends(signed_in),  # noqa: B008
    ) -> HTMLResponse:
        hub: Hub = request.app.state.hub
        if not allows(view.role, Action.READ_CASES):
            return page(request, view, "overview/administrator.html", hub_name=hub.name)
        actor = actor_of(request, view)

        def read() -> overview.Overview:
            with hub.db.transaction() as tx:
                found = overview.build(tx.session, tx.now)
                ledger.record(tx.session, actor, ledger.Action.VIEW_OVERVIEW, at=tx.now)
                return found

        figures = await run_in_threadpool(read)
        return page(
            request, view, "overview/overview.html", hub_name=hub.name, overview=figures,
            texts=FIGURES, today=long_day(figures.today), case_link=overview.case_link,
            london=uk_time,
        )  # fmt: skip

    return routes
