"""The Assign pages: who holds a case, and changing it by facilitator name (``console.assign``).

- ``/cases/{case_id}/assign``: who holds the case, and forms to assign it, add a co-worker,
  reassign it and unassign someone (the case page links here: "Change who holds this case");
- ``POST /cases/reassign``: the register's ticked cases (``case``, repeated) on a page that asks
  who takes them; its form (``/cases/reassign/confirm``) reassigns them all in one transaction;
- ``/facilitators/{facilitator_id}/hand-over``: every open case of a facilitator who leaves,
  and who takes them.

Seeing needs READ_CASES; every change needs ASSIGN, and is recorded in the console's audit log
(ASSIGN, REASSIGN, UNASSIGN, one event per case) in the change's own transaction. A change is
answered with a redirect to the page, whose notification banner says what happened: the
sentence travels in a short-lived cookie for that page only, signed with a key of the hub's, so
no address carries it and no other site can make the console say something it did not do.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from rjdesk_hub.console import assign, ledger, ledger_wire, notices
from rjdesk_hub.console.accounts_web import (
    actor_of,
    console_router,
    permission,
    posted_form,
    posted_values,
)
from rjdesk_hub.console.permissions import Action
from rjdesk_hub.console.sessions import SessionView
from rjdesk_hub.console.templating import hub_of, page
from rjdesk_hub.errors import UnknownCase
from rjdesk_hub.results import Assignment
from rjdesk_hub.service import Hub

BULK_DONE = "/cases/reassign/done"

See = Depends(permission(Action.READ_CASES))
Assigns = Depends(permission(Action.ASSIGN))
Unassigns = Depends(permission(Action.ASSIGN, records=ledger.Action.UNASSIGN))
Reassigns = Depends(permission(Action.ASSIGN, records=ledger.Action.REASSIGN))
Form = Depends(posted_form)


# -- what the banners say ------------------------------------------------------------------------


def _laptops(name: str, count: int, them: str = "it") -> str:
    if count == 0:
        return f"{name} has no laptop yet: the first laptop enrolled for them receives {them}."
    laptops = "laptop receives" if count == 1 else f"{count} laptops receive"
    return f"{name}'s {laptops} {them} at the next sync."


def assigned_sentence(done: Assignment, *, coworker: bool) -> str:
    if coworker:
        head = f"{done.facilitator} now holds {done.reference} too, as a co-worker."
    else:
        head = f"{done.reference} is now assigned to {done.facilitator}."
    if done.dropped:
        head += f" {' and '.join(done.dropped)} no longer holds it."
    return f"{head} {_laptops(done.facilitator, done.devices)}"


def moved_sentence(moved: Sequence[assign.Reassignment]) -> str:
    first = moved[0]
    if len(moved) == 1:
        head = f"{first.reference} is now assigned to {first.facilitator}."
        if first.taken_from:
            head += f" {' and '.join(first.taken_from)} no longer holds it."
        return f"{head} {_laptops(first.facilitator, first.devices)}"
    references = ", ".join(m.reference for m in moved)
    head = f"{len(moved)} cases are now assigned to {first.facilitator}: {references}."
    return f"{head} {_laptops(first.facilitator, first.devices, 'them')}"


# -- audit ---------------------------------------------------------------------------------------


def reassigned_by(actor: ledger.Actor) -> Callable[[Session, datetime, Any], None]:
    """A ``then`` recording REASSIGN for one case: to whom, from whom (ids), how many laptops."""

    def then(session: Session, at: datetime, moved: assign.Reassignment) -> None:
        ledger.record(
            session,
            actor,
            ledger.Action.REASSIGN,
            at=at,
            case_id=moved.case_id,
            case_reference=moved.reference,
            detail={
                "facilitator_id": moved.facilitator_id,
                "from_facilitator_ids": list(moved.taken_from_ids),
                "laptops": moved.devices,
            },
        )

    return then


# -- pages ---------------------------------------------------------------------------------------


def _case_path(case_id: str) -> str:
    return f"/cases/{case_id}/assign"


def _case_page(
    request: Request,
    view: SessionView,
    case: assign.CaseHolders,
    people: list[assign.Facilitator],
    *,
    error: assign.AssignRefused | None = None,
    form: str = "",
    chosen: dict[str, str] | None = None,
) -> Response:
    holding = {h.facilitator_id for h in case.holders}
    assigned = {h.facilitator_id for h in case.assigned}
    return page(
        request,
        view,
        "assign/case.html",
        status_code=400 if error else 200,
        case=case,
        facilitators=people,
        holding=[f for f in people if f.id in holding],
        not_holding=[f for f in people if f.id not in holding],
        not_assigned=[f for f in people if f.id not in assigned],
        notice="" if error else notices.notice(request, view),
        error=str(error) if error else "",
        error_id=_error_id(form, error.field if error else ""),
        form=form,
        chosen=chosen or {},
    )


def _error_id(form: str, field: str) -> str:
    if not field:
        return "holders" if form == "unassign" else "main-content"
    if form == "unassign":
        return "holders"
    return f"{form}-{field}"


def router() -> APIRouter:
    """The Assign pages' routes (``web.create_console_app`` includes them)."""
    routes = console_router()

    @routes.get("/cases/{case_id}/assign")
    async def case_page(request: Request, case_id: str, view: SessionView = See) -> Response:
        hub = hub_of(request)
        try:
            case = await run_in_threadpool(assign.holders, hub, case_id)
        except UnknownCase:
            return page(request, view, "404.html", status_code=404)
        people = await run_in_threadpool(assign.facilitators, hub)
        return notices.shown(request, _case_page(request, view, case, people))

    async def change(
        request: Request,
        view: SessionView,
        case_id: str,
        *,
        form_name: str,
        form: dict[str, str],
        act: Callable[[Hub, str], tuple[str, str]],
    ) -> Response:
        """Do ``act`` (which answers the case's id and the banner's sentence); on a refusal,
        the page again with the error beside the form's field."""
        hub = hub_of(request)
        try:
            found_id, sentence = await run_in_threadpool(act, hub, case_id)
        except UnknownCase:
            return page(request, view, "404.html", status_code=404)
        except assign.AssignRefused as refused:
            case = await run_in_threadpool(assign.holders, hub, case_id)
            people = await run_in_threadpool(assign.facilitators, hub)
            return _case_page(
                request, view, case, people, error=refused, form=form_name, chosen=form
            )
        return notices.done(request, view, _case_path(found_id), sentence)

    @routes.post("/cases/{case_id}/assign")
    async def assign_case(
        request: Request, case_id: str, view: SessionView = Assigns, form: dict[str, str] = Form
    ) -> Response:
        coworker = form.get("coworker") == "yes"
        action = ledger.Action.ASSIGN

        def act(hub: Hub, case: str) -> tuple[str, str]:
            found = assign.holders(hub, case)
            made = assign.assign(
                hub,
                found.case_id,
                form.get("facilitator", ""),
                coworker=coworker,
                by=view.name,
                then=ledger_wire.by(actor_of(request, view), action),
            )
            return made.case_id, assigned_sentence(made, coworker=coworker)

        name = "coworker" if coworker else "assign"
        return await change(request, view, case_id, form_name=name, form=form, act=act)

    @routes.post("/cases/{case_id}/reassign")
    async def reassign_case(
        request: Request, case_id: str, view: SessionView = Reassigns, form: dict[str, str] = Form
    ) -> Response:
        def act(hub: Hub, case: str) -> tuple[str, str]:
            found = assign.holders(hub, case)
            moved = assign.reassign(
                hub,
                found.case_id,
                form.get("from", ""),
                form.get("to", ""),
                by=view.name,
                then=reassigned_by(actor_of(request, view)),
            )
            return moved.case_id, moved_sentence([moved])

        return await change(request, view, case_id, form_name="reassign", form=form, act=act)

    @routes.post("/cases/{case_id}/unassign")
    async def unassign_case(
        request: Request, case_id: str, view: SessionView = Unassigns, form: dict[str, str] = Form
    ) -> Response:
        def act(hub: Hub, case: str) -> tuple[str, str]:
            found = assign.holders(hub, case)
            taken = assign.unassign(
                hub,
                found.case_id,
                form.get("holder", ""),
                by=view.name,
                then=ledger_wire.by(actor_of(request, view), ledger.Action.UNASSIGN),
            )
            sentence = f"{taken.facilitator} no longer holds {taken.reference}."
            if taken.devices:
                sentence += (
                    " Their laptops take it off once their changes to it have reached the hub."
                )
            return taken.case_id, sentence

        return await change(request, view, case_id, form_name="unassign", form=form, act=act)

    # -- in bulk, from the register ----------------------------------------------------------

    async def bulk_page(
        request: Request,
        view: SessionView,
        case_ids: list[str],
        *,
        error: assign.AssignRefused | None = None,
        chosen: str = "",
    ) -> Response:
        hub = hub_of(request)
        try:
            cases = await run_in_threadpool(assign.cases_named, hub, case_ids)
        except assign.AssignRefused as refused:
            return page(
                request, view, "assign/bulk.html", status_code=400, cases=[], error=str(refused),
                error_id="main-content", facilitators=[], chosen="", notice="",
            )  # fmt: skip
        people = await run_in_threadpool(assign.facilitators, hub)
        return page(
            request,
            view,
            "assign/bulk.html",
            status_code=400 if error else 200,
            cases=cases,
            facilitators=people,
            error=str(error) if error else "",
            error_id="bulk-to",
            chosen=chosen,
            notice="",
        )

    @routes.post("/cases/reassign")
    async def bulk_confirm(request: Request, view: SessionView = Reassigns) -> Response:
        return await bulk_page(request, view, await posted_values(request, "case"))

    @routes.post("/cases/reassign/confirm")
    async def bulk_reassign(request: Request, view: SessionView = Reassigns) -> Response:
        case_ids = await posted_values(request, "case")
        to = (await posted_form(request)).get("to", "")
        hub, then = hub_of(request), reassigned_by(actor_of(request, view))
        try:
            moved = await run_in_threadpool(
                lambda: assign.reassign_many(hub, case_ids, to, by=view.name, then=then)
            )
        except assign.AssignRefused as refused:
            return await bulk_page(request, view, case_ids, error=refused, chosen=to)
        return notices.done(request, view, BULK_DONE, moved_sentence(moved))

    @routes.get(BULK_DONE)
    async def bulk_done(request: Request, view: SessionView = See) -> Response:
        return notices.shown(
            request,
            page(request, view, "assign/bulk_done.html", notice=notices.notice(request, view)),
        )

    # -- a facilitator who leaves ------------------------------------------------------------

    async def hand_over_page(
        request: Request,
        view: SessionView,
        facilitator_id: str,
        *,
        error: assign.AssignRefused | None = None,
        chosen: str = "",
    ) -> Response:
        hub = hub_of(request)
        try:
            leaver, cases = await run_in_threadpool(assign.open_cases_of, hub, facilitator_id)
        except assign.AssignRefused:
            return page(request, view, "404.html", status_code=404)
        people = await run_in_threadpool(assign.facilitators, hub)
        return page(
            request,
            view,
            "assign/hand_over.html",
            status_code=400 if error else 200,
            leaver=leaver,
            cases=cases,
            facilitators=[f for f in people if f.id != leaver.id],
            error=str(error) if error else "",
            error_id="hand-over-to" if error and error.field == "to" else "main-content",
            chosen=chosen,
            notice="" if error else notices.notice(request, view),
        )

    @routes.get("/facilitators/{facilitator_id}/hand-over")
    async def hand_over_form(
        request: Request, facilitator_id: str, view: SessionView = See
    ) -> Response:
        return notices.shown(request, await hand_over_page(request, view, facilitator_id))

    @routes.post("/facilitators/{facilitator_id}/hand-over")
    async def hand_over(
        request: Request,
        facilitator_id: str,
        view: SessionView = Reassigns,
        form: dict[str, str] = Form,
    ) -> Response:
        hub, then = hub_of(request), reassigned_by(actor_of(request, view))
        to = form.get("to", "")
        try:
            moved = await run_in_threadpool(
                lambda: assign.hand_over(hub, facilitator_id, to, by=view.name, then=then)
            )
        except assign.AssignRefused as refused:
            return await hand_over_page(request, view, facilitator_id, error=refused, chosen=to)
        path = f"/facilitators/{facilitator_id}/hand-over"
        leaver = moved[0].taken_from[0]
        sentence = (
            f"{moved_sentence(moved)} {leaver}'s laptops take "
            f"{'it' if len(moved) == 1 else 'them'} off once their changes have reached the hub."
        )
        return notices.done(request, view, path, sentence)

    return routes
