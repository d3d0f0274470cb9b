"""The console's conflict pages (issue 14, "Conflicts"): the open conflicts, the settled ones, a
conflict with both values, and settling it at the hub (``console.conflicts``).

- ``GET /conflicts`` and ``/conflicts/settled`` (read cases): the list, paged;
- ``GET /conflicts/{id}`` (read cases): both values, who made each and when, the rule's
  sentence; for a role that may settle conflicts, the form; viewing it is recorded (VIEW_CASE);
- ``POST /conflicts/{id}`` (settle conflicts, CSRF checked): settle it, then back to the
  conflict's page with a banner saying what happened (or that it was settled already).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from starlette.exceptions import HTTPException
from starlette.responses import Response

from rjdesk_hub.console import conflicts, conflicts_settle
from rjdesk_hub.console.accounts_web import actor_of, console_router, permission, posted_form
from rjdesk_hub.console.permissions import Action
from rjdesk_hub.console.sessions import SessionView
from rjdesk_hub.console.templating import hub_of, page, redirect

# What a banner says after a POST (the conflict's page is shown again, by redirect).
DONE = {"settled", "already"}


def _show(
    request: Request, view: SessionView, template: str, *, status_code: int = 200, **context: Any
) -> Response:
    return page(request, view, template, status_code=status_code, when=conflicts.when, **context)


def _page_number(request: Request) -> int:
    text = request.query_params.get("page", "1")
    return int(text) if text.isdigit() and len(text) < 7 else 1


def router() -> APIRouter:
    routes = console_router()

    @routes.get("/conflicts")
    def open_conflicts(
        request: Request,
        view: SessionView = Depends(permission(Action.READ_CASES)),  # noqa: B008
    ) -> Response:
        found = conflicts.listing(hub_of(request), page=_page_number(request))
        return _show(request, view, "conflicts/list.html", found=found, settled=False)

    @routes.get("/conflicts/settled")
    def settled_conflicts(
        request: Request,
        view: SessionView = Depends(permission(Action.READ_CASES)),  # noqa: B008
    ) -> Response:
        found = conflicts.listing(hub_of(request), settled=True, page=_page_number(request))
        return _show(request, view, "conflicts/list.html", found=found, settled=True)

    @routes.get("/conflicts/{conflict_id}")
    def one_conflict(
        request: Request,
        conflict_id: str,
        view: SessionView = Depends(permission(Action.READ_CASES)),  # noqa: B008
    ) -> Response:
        try:
            shown = conflicts.view(hub_of(request), conflict_id, actor=actor_of(request, view))
        except conflicts.ConflictNotFound:
            raise HTTPException(404) from None
        done = request.query_params.get("done", "")
        return _show(
            request,
            view,
            "conflicts/conflict.html",
            conflict=shown,
            done=done if done in DONE else "",
            error="",
            chosen="",
            note="",
        )

    @routes.post("/conflicts/{conflict_id}")
    def settle(
        request: Request,
        conflict_id: str,
        view: SessionView = Depends(permission(Action.SETTLE_CONFLICTS)),  # noqa: B008
        form: dict[str, str] = Depends(posted_form),  # noqa: B008
    ) -> Response:
        hub, actor = hub_of(request), actor_of(request, view)
        choice, note = form.get("choice", ""), form.get("note", "")
        try:
            done = conflicts_settle.settle(hub, conflict_id, choice, note, actor)
        except conflicts.ConflictNotFound:
            raise HTTPException(404) from None
        except conflicts_settle.ChoiceRefused as refused:
            shown = conflicts.view(hub, conflict_id)
            return _show(
                request,
                view,
                "conflicts/conflict.html",
                status_code=400,
                conflict=shown,
                done="",
                error=str(refused),
                chosen=choice,
                note=note[: conflicts.MAX_NOTE * 2],
            )
        outcome = "already" if done.already else "settled"
        return redirect(f"/conflicts/{done.conflict_id}?done={outcome}")

    return routes
