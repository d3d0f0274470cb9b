"""The Partners' links pages (``partner_links``): ``/partners`` lists the organisations that
refer through a link of their own (READ_CASES); ``/partners/new`` issues a link (TRIAGE) and
shows it once, as the answer to the POST itself (it is kept nowhere it could be shown from
again, and never goes into an address); ``/partners/{id}/revoke`` revokes one behind a
confirmation (TRIAGE)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from rjdesk_hub.console import ledger, notices, partner_links
from rjdesk_hub.console.accounts_web import actor_of, console_router, permission, posted_form
from rjdesk_hub.console.permissions import Action
from rjdesk_hub.console.sessions import SessionView
from rjdesk_hub.console.templating import hub_of, page

LIST = "/partners"
See = Depends(permission(Action.READ_CASES))
Triages = Depends(permission(Action.TRIAGE))
Issues = Depends(permission(Action.TRIAGE, records=ledger.Action.PARTNER_LINK_ISSUED))
Revokes = Depends(permission(Action.TRIAGE, records=ledger.Action.PARTNER_LINK_REVOKED))
Form = Depends(posted_form)


def router() -> APIRouter:
    """The Partners' links routes (``web.create_console_app`` includes them)."""
    routes = console_router()

    @routes.get(LIST)
    async def list_page(request: Request, view: SessionView = See) -> Response:
        rows = await run_in_threadpool(partner_links.listed, hub_of(request))
        shown = page(
            request, view, "partners/list.html", partners=rows,
            notice=notices.notice(request, view),
        )  # fmt: skip
        return notices.shown(request, shown)

    def form_page(
        request: Request,
        view: SessionView,
        *,
        organisation: str = "",
        kind: str = "",
        error: partner_links.LinkRefused | None = None,
    ) -> Response:
        return page(
            request, view, "partners/new.html", status_code=400 if error else 200,
            organisation=organisation[: partner_links.MAX_ORGANISATION * 2], kind=kind,
            kinds=partner_links.KINDS, error=str(error) if error else "",
            error_field=error.field if error else "",
        )  # fmt: skip

    @routes.get(LIST + "/new")
    async def new_form(request: Request, view: SessionView = Triages) -> Response:
        return form_page(request, view)

    @routes.post(LIST + "/new")
    async def issue(
        request: Request, view: SessionView = Issues, form: dict[str, str] = Form
    ) -> Response:
        organisation, kind = form.get("organisation", ""), form.get("kind", "")
        hub, actor = hub_of(request), actor_of(request, view)
        try:
            issued = await run_in_threadpool(partner_links.issue, hub, organisation, kind, actor)
        except partner_links.LinkRefused as refused:
            return form_page(request, view, organisation=organisation, kind=kind, error=refused)
        response = page(request, view, "partners/link.html", issued=issued)
        response.headers["Cache-Control"] = "no-store"
        return response

    @routes.get(LIST + "/{partner_id}/revoke")
    async def revoke_form(
        request: Request, partner_id: str, view: SessionView = Triages
    ) -> Response:
        try:
            row = await run_in_threadpool(partner_links.find, hub_of(request), partner_id)
        except partner_links.PartnerNotFound:
            return page(request, view, "404.html", status_code=404)
        return page(request, view, "partners/revoke.html", partner=row)

    @routes.post(LIST + "/{partner_id}/revoke")
    async def revoke(
        request: Request, partner_id: str, view: SessionView = Revokes, form: dict[str, str] = Form
    ) -> Response:
        hub, actor = hub_of(request), actor_of(request, view)
        try:
            row = await run_in_threadpool(partner_links.revoke, hub, partner_id, actor)
        except partner_links.PartnerNotFound:
            return page(request, view, "404.html", status_code=404)
        except partner_links.LinkRefused as refused:
            return notices.done(request, view, LIST, str(refused))
        sentence = f"The link of {row.organisation} is revoked: it no longer opens the form."
        return notices.done(request, view, LIST, sentence)

    return routes
