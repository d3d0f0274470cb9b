"""The Cases pages: the register at ``/cases`` (searched, filtered, sorted and paged from the
case index, ``console.register``), a case at ``/cases/{case_id}`` (everything the hub holds,
read-only: ``console.case_view``) and its documents. Every one needs READ_CASES; each read is in
the audit log (``console.cases``). Nothing typed into the search reaches a log: the access log
names the path only, and the audit log the fields used.
"""

from __future__ import annotations

from urllib.parse import quote
from uuid import UUID

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from rjdesk_hub.console import cases, cases_form, templating
from rjdesk_hub.console.accounts_web import actor_of, console_router, permission
from rjdesk_hub.console.case_display import STAGE_TAG, words
from rjdesk_hub.console.permissions import Action
from rjdesk_hub.console.register import UNASSIGNED, RegisterPage
from rjdesk_hub.console.sessions import SessionView
from rjdesk_hub.console.templating import hub_of
from rjdesk_protocol.enums import CaseType, ReferralSource, Stage
from rjdesk_protocol.errors import UsageError
from rjdesk_protocol.victims_code import format_day

REASSIGN_PATH = "/cases/reassign"
# A document opened from the hub runs nothing and reaches nothing, whatever it holds.
DOCUMENT_POLICY = "sandbox; default-src 'none'; img-src 'self'"


def _choices() -> dict[str, list[tuple[str, str]]]:
    return {
        "type": [(t.value, words(t.value)) for t in CaseType],
        "stage": [(s.value, words(s.value)) for s in Stage],
        "source": [(s.value, words(s.value)) for s in ReferralSource],
        "status": [("open", "Open"), ("closed", "Closed")],
    }


def _pages(form: cases_form.RegisterForm, found: RegisterPage) -> list[dict[str, object]]:
    """GOV.UK pagination's items: the first, the last, and two either side of this page."""
    items: list[dict[str, object]] = []
    last = found.pages
    shown = {1, last, *range(found.page - 2, found.page + 3)}
    previous = 0
    for number in sorted(n for n in shown if 1 <= n <= last):
        if previous and number > previous + 1:
            items.append({"ellipsis": True})
        items.append(
            {"number": number, "href": form.link(page=number), "current": number == found.page}
        )
        previous = number
    return items


def router() -> APIRouter:
    """The Cases pages (``web.create_console_app`` includes them)."""
    pages = console_router()

    @pages.get("/cases", response_class=HTMLResponse)
    async def register(
        request: Request,
        view: SessionView = Depends(permission(Action.READ_CASES)),  # noqa: B008
    ) -> Response:
        hub = hub_of(request)
        choices = _choices()
        people = await run_in_threadpool(cases.facilitators, hub)
        choices["facilitator"] = [(UNASSIGNED, "Not assigned")] + [(f.id, f.label) for f in people]
        form = cases_form.read(request.query_params, {f.id for f in people})
        found: RegisterPage | None = None
        if not form.errors:
            actor = actor_of(request, view)
            try:
                found = await run_in_threadpool(cases.search, hub, actor, form.query, form.used)
            except UsageError as refused:
                form.errors.append(cases_form.Error("q", "q", str(refused)))
        return templating.page(
            request,
            view,
            "cases/register.html",
            form=form,
            found=found,
            choices=choices,
            page_items=_pages(form, found) if found else [],
            stage_tag=STAGE_TAG,
            words=words,
            format_day=format_day,
            reassign_path=REASSIGN_PATH,
            searched=any(v not in (None, "") for v in form.used.values()),
            filtered=any(v not in (None, "") for k, v in form.used.items() if k != "text"),
        )

    # Ids are UUIDs: anything else is no case (the 404 page), and is left to other routes
    # (``/cases/reassign``).
    @pages.get("/cases/{case_id:uuid}", response_class=HTMLResponse)
    async def one_case(
        request: Request,
        case_id: UUID,
        view: SessionView = Depends(permission(Action.READ_CASES)),  # noqa: B008
    ) -> Response:
        actor = actor_of(request, view)
        shown = await run_in_threadpool(cases.open_case, hub_of(request), actor, str(case_id))
        if shown is None:
            raise HTTPException(status_code=404)
        return templating.page(request, view, "cases/case.html", case=shown, stage_tag=STAGE_TAG)

    @pages.get("/cases/{case_id:uuid}/documents/{document_id:uuid}")
    async def document(
        request: Request,
        case_id: UUID,
        document_id: UUID,
        view: SessionView = Depends(permission(Action.READ_CASES)),  # noqa: B008
    ) -> Response:
        actor = actor_of(request, view)
        hub = hub_of(request)
        found = await run_in_threadpool(
            cases.open_document, hub, actor, str(case_id), str(document_id)
        )
        if found is None:
            raise HTTPException(status_code=404)
        how = "inline" if found.inline else "attachment"
        return Response(
            found.content,
            media_type=found.media_type,
            headers={
                "content-disposition": f"{how}; {_filename(found.filename)}",
                "content-security-policy": DOCUMENT_POLICY,
                "x-content-type-options": "nosniff",
            },
        )

    return pages


def _filename(name: str) -> str:
    """A Content-Disposition filename: plain ASCII for old clients, the real name (RFC 6266)."""
    plain = "".join(c if c.isascii() and (c.isalnum() or c in "._- ") else "_" for c in name)
    plain = plain.strip(" .")[:100] or "document"
    return f"filename=\"{plain}\"; filename*=UTF-8''{quote(name[:200], safe='')}"
