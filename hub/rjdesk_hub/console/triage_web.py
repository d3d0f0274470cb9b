"""The Referrals pages: the triage queue, a referral, declining and accepting it, and a phone
referral typed at the hub (``triage``, ``triage_form``).

- ``/referrals``: the new referrals, oldest first, with their age and Victims' Code clock;
- ``/referrals/new``: a phone referral typed into the console (TRIAGE), kept in the queue;
- ``/referrals/{id}``: what the referrer typed (opening it is recorded: VIEW_REFERRAL), with
  Accept and Decline for a role that may triage;
- ``/referrals/{id}/decline``: a reason from the fixed list, behind a confirmation;
- ``/referrals/{id}/accept``: the case's type and details checked, the revolving-door match,
  joining an existing case instead, and the facilitator it is assigned to; the hub creates and
  signs the case (``rjdesk_hub.referrals.hub_cases.create_case``).

Seeing needs READ_CASES; every change needs TRIAGE and is answered with a redirect whose page
says what happened in its banner (``notices``).
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from rjdesk_hub import models as m
from rjdesk_hub.console import assign, ledger, notices, triage, triage_form
from rjdesk_hub.console.accounts_web import actor_of, console_router, permission, posted_form
from rjdesk_hub.console.case_display import words
from rjdesk_hub.console.permissions import Action
from rjdesk_hub.console.sessions import SessionView
from rjdesk_hub.console.templating import hub_of, page, redirect
from rjdesk_hub.referrals import hub_cases, store
from rjdesk_hub.service import Hub

QUEUE = "/referrals"
NEW_CASE = "new"
See = Depends(permission(Action.READ_CASES))
Triages = Depends(permission(Action.TRIAGE))
Types = Depends(permission(Action.TRIAGE, records=ledger.Action.REFERRAL_TYPED))
Declines = Depends(permission(Action.TRIAGE, records=ledger.Action.REFERRAL_DECLINED))
Accepts = Depends(permission(Action.TRIAGE, records=ledger.Action.REFERRAL_ACCEPTED))
Form = Depends(posted_form)


def path_of(referral_id: str) -> str:
    return f"{QUEUE}/{referral_id}"


def _not_found(request: Request, view: SessionView) -> Response:
    return page(request, view, "404.html", status_code=404)


def _form_context(checked: triage_form.Checked) -> dict[str, Any]:
    return {
        "typed": checked.typed,
        "problems": checked.problems,
        "problem": checked.problem,
        "case_types": triage_form.CASE_TYPES,
        "sources": triage_form.SOURCES,
        "flags": triage_form.FLAGS,
        "roles": triage_form.ROLES,
        "people_rows": range(1, triage_form.PEOPLE + 1),
    }


def create_case(hub: Hub, **arguments: Any) -> str:
    """The hub's own case made from an accepted referral (``referrals.hub_cases``); what it
    refuses is said on the accept page."""
    try:
        return hub_cases.create_case(hub, **arguments)
    except hub_cases.CaseRefused as refused:
        raise triage.TriageRefused(str(refused)) from None


def _case_reference(hub: Hub, case_id: str) -> str:
    with hub.db.reader() as session:
        entry = session.get(m.CaseIndex, case_id)
        return entry.reference if entry is not None else ""


def router() -> APIRouter:
    """The Referrals pages' routes (``web.create_console_app`` includes them)."""
    routes = console_router()

    @routes.get(QUEUE)
    async def queue_page(request: Request, view: SessionView = See) -> Response:
        waiting = await run_in_threadpool(triage.queue, hub_of(request))
        shown = page(
            request, view, "triage/queue.html", waiting=waiting,
            notice=notices.notice(request, view),
        )  # fmt: skip
        return notices.shown(request, shown)

    # -- a phone referral ----------------------------------------------------------------------

    def phone_page(
        request: Request, view: SessionView, checked: triage_form.Checked, status: int = 200
    ) -> Response:
        return page(
            request, view, "triage/phone.html", status_code=status, **_form_context(checked)
        )

    @routes.get(f"{QUEUE}/new")
    async def phone_form(request: Request, view: SessionView = Triages) -> Response:
        return phone_page(request, view, triage_form.Checked({}))

    @routes.post(f"{QUEUE}/new")
    async def phone_typed(
        request: Request, view: SessionView = Types, form: dict[str, str] = Form
    ) -> Response:
        hub = hub_of(request)
        today = triage.london_day(hub.clock())
        checked = triage_form.read(form, received_on=today, today=today)
        if checked.problems:
            return phone_page(request, view, checked, 400)
        details = {**checked.fields, "channel": store.PHONE}
        received = await run_in_threadpool(
            triage.type_phone_referral,
            hub,
            details,
            details["case_type"],
            actor_of(request, view),
        )
        sentence = (
            f"The phone referral is in the triage queue as {received.reference}. "
            "Give the caller this reference."
        )
        return notices.done(request, view, QUEUE, sentence)

    # -- one referral -------------------------------------------------------------------------

    @routes.get(QUEUE + "/{referral_id}")
    async def referral_page(
        request: Request, referral_id: str, view: SessionView = See
    ) -> Response:
        hub, actor = hub_of(request), actor_of(request, view)
        try:
            opened = await run_in_threadpool(triage.open_referral, hub, referral_id, actor)
        except triage.ReferralNotFound:
            return _not_found(request, view)
        shown = page(
            request, view, "triage/referral.html", referral=opened, words=words,
            rows=_rows(opened.fields), people=_people(opened.fields),
            notice=notices.notice(request, view),
        )  # fmt: skip
        return notices.shown(request, shown)

    # -- decline ------------------------------------------------------------------------------

    def decline_page(
        request: Request, view: SessionView, opened: triage.Opened, error: str = ""
    ) -> Response:
        return page(
            request, view, "triage/decline.html", status_code=400 if error else 200,
            referral=opened, reasons=triage.DECLINE_REASONS, error=error,
        )  # fmt: skip

    @routes.get(QUEUE + "/{referral_id}/decline")
    async def decline_form(
        request: Request, referral_id: str, view: SessionView = Triages
    ) -> Response:
        try:
            opened = await run_in_threadpool(triage.peek, hub_of(request), referral_id)
        except triage.ReferralNotFound:
            return _not_found(request, view)
        if opened.status != store.NEW:
            return redirect(path_of(opened.id))
        return decline_page(request, view, opened)

    @routes.post(QUEUE + "/{referral_id}/decline")
    async def decline(
        request: Request,
        referral_id: str,
        view: SessionView = Declines,
        form: dict[str, str] = Form,
    ) -> Response:
        hub, actor = hub_of(request), actor_of(request, view)
        reason = form.get("reason", "")
        try:
            reference = await run_in_threadpool(triage.decline, hub, referral_id, reason, actor)
        except triage.ReferralNotFound:
            return _not_found(request, view)
        except triage.TriageRefused as refused:
            opened = await run_in_threadpool(triage.peek, hub, referral_id)
            return decline_page(request, view, opened, str(refused))
        sentence = (
            f"{reference} was declined ({triage.DECLINE_REASONS[reason].lower()}). What the "
            "referrer wrote is deleted; only the figures are kept."
        )
        return notices.done(request, view, QUEUE, sentence)

    # -- accept -------------------------------------------------------------------------------

    async def accept_page(
        request: Request,
        view: SessionView,
        opened: triage.Opened,
        checked: triage_form.Checked,
        *,
        refused: str = "",
        status: int = 200,
    ) -> Response:
        hub = hub_of(request)
        people = checked.fields.get("people") or _people(opened.fields)
        seen = await run_in_threadpool(triage_form.seen_before, hub, people)
        facilitators = await run_in_threadpool(assign.facilitators, hub)
        problems = list(checked.problems)
        if refused:
            problems.insert(0, triage_form.Problem("facilitator", refused))
        return page(
            request, view, "triage/accept.html", status_code=status, referral=opened,
            seen=seen, facilitators=facilitators, chosen=checked.typed.get("facilitator", ""),
            join=checked.typed.get("join", NEW_CASE), new_case=NEW_CASE,
            received_on=triage.london_day(opened.received_at), words=words,
            **{**_form_context(checked), "problems": problems},
        )  # fmt: skip

    @routes.get(QUEUE + "/{referral_id}/accept")
    async def accept_form(
        request: Request, referral_id: str, view: SessionView = Triages
    ) -> Response:
        try:
            opened = await run_in_threadpool(triage.peek, hub_of(request), referral_id)
        except triage.ReferralNotFound:
            return _not_found(request, view)
        if opened.status != store.NEW:
            return redirect(path_of(opened.id))
        typed = triage_form.prefill(opened.fields)
        if not typed.get("case_type") and opened.problem in triage_form.CASE_TYPES:
            typed["case_type"] = opened.problem
        if not typed.get("source") and opened.partner_kind in triage_form.SOURCES:
            typed["source"] = opened.partner_kind
        return await accept_page(request, view, opened, triage_form.Checked(typed))

    @routes.post(QUEUE + "/{referral_id}/accept")
    async def accept(
        request: Request, referral_id: str, view: SessionView = Accepts, form: dict[str, str] = Form
    ) -> Response:
        hub, actor = hub_of(request), actor_of(request, view)
        try:
            opened = await run_in_threadpool(triage.peek, hub, referral_id)
        except triage.ReferralNotFound:
            return _not_found(request, view)
        if opened.status != store.NEW:
            return redirect(path_of(opened.id))
        received_on = triage.london_day(opened.received_at)
        today = triage.london_day(hub.clock())
        checked = triage_form.read(form, received_on=received_on, today=today)
        join = checked.typed.get("join", NEW_CASE)
        if join != NEW_CASE:
            try:
                joined = await run_in_threadpool(triage.join_case, hub, referral_id, join, actor)
            except triage.TriageRefused as refused:
                return await accept_page(
                    request, view, opened, checked, refused=str(refused), status=400
                )
            sentence = f"{joined.reference} joined {joined.case_reference}. " + _who_receives(
                joined.holders
            )
            return notices.done(request, view, QUEUE, sentence)
        facilitators = await run_in_threadpool(assign.facilitators, hub)
        chosen = next((f for f in facilitators if f.id == checked.typed.get("facilitator")), None)
        if checked.problems or chosen is None:
            why = "" if chosen else "Choose the facilitator the case is assigned to."
            return await accept_page(request, view, opened, checked, refused=why, status=400)
        case = triage_form.new_case(checked.fields, received_on=received_on, channel=opened.channel)
        if opened.partner and not case.get("referrer_organisation"):
            case["referrer_organisation"] = opened.partner
        people = list(checked.fields["people"])
        try:
            case_id = await run_in_threadpool(
                lambda: create_case(
                    hub, referral_id=opened.id, case=case, people=people,
                    facilitator_id=chosen.id, actor=actor,
                )
            )  # fmt: skip
        except triage.TriageRefused as refused:
            return await accept_page(
                request, view, opened, checked, refused=str(refused), status=400
            )
        case_reference = await run_in_threadpool(_case_reference, hub, case_id) or "a new case"
        sentence = (
            f"{opened.reference} is now {case_reference}, assigned to {chosen.name}. Their "
            "laptop receives it at the next sync."
        )
        return notices.done(request, view, QUEUE, sentence)

    return routes


def _who_receives(holders: list[str]) -> str:
    if not holders:
        return (
            "Its details are in a note on the case, which has no facilitator yet: they receive "
            "it when the case is assigned."
        )
    if len(holders) == 1:
        return f"Its details are in a note on the case: {holders[0]} receives it at the next sync."
    names = ", ".join(holders[:-1]) + f" and {holders[-1]}"
    return f"Its details are in a note on the case: {names} receive it at their next sync."


# -- what the referrer typed, as rows -------------------------------------------------------------


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return ", ".join(words(item) if isinstance(item, str) else str(item) for item in value)
    if value is None:
        return ""
    return str(value)


_ENUM_KEYS = {"case_type", "source", "channel", "role", "problem", "who", "referring_as"}


def _label(key: str) -> str:
    return triage_form.LABELS.get(key, "") or words(key)


def _rows(fields: dict[str, Any]) -> list[tuple[str, str]]:
    """What the referrer typed, but the people, as (label, value) rows (blank ones left out)."""
    rows = []
    for key, value in fields.items():
        if key == "people" and isinstance(value, list):
            continue
        text = words(value) if key in _ENUM_KEYS and isinstance(value, str) else _shown(value)
        if text:
            rows.append((_label(key), text))
    return rows


def _people(fields: dict[str, Any]) -> list[dict[str, Any]]:
    people = fields.get("people")
    return [p for p in people if isinstance(p, dict)] if isinstance(people, list) else []
